/** The deepest zoom the map's own vector tiles are cut at (MapLibre's GeoJSON default); deeper zooms overzoom. */
export const TILE_MAX_ZOOM = 18;
