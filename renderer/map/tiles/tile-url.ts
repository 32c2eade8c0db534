/** The scheme of the map's own vector tiles, cut in the tile worker (tile-client.ts registers it with MapLibre). */
export const TILE_PROTOCOL = 'griddesk-tiles';

/** The tile URL template of the tile set published under `key`. */
export function tileUrl(key: string): string {
  return `${TILE_PROTOCOL}://${key}/{z}/{x}/{y}`;
}

/** The key and z/x/y of a tile URL of {@link tileUrl}'s form, or null for any other URL. */
export function parseTileUrl(url: string): { key: string; z: number; x: number; y: number } | null {
  const m = new RegExp(`^${TILE_PROTOCOL}://([^/]+)/(\\d+)/(\\d+)/(\\d+)$`).exec(url);
  if (m === null) return null;
  return { key: m[1] ?? '', z: Number(m[2]), x: Number(m[3]), y: Number(m[4]) };
}
