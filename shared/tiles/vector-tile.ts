/**
 * What a vector tile (Mapbox Vector Tile, the `pbf`/`mvt` of a county server or a PMTiles file) holds,
 * as far as drawing it in GridDesk's generic style needs: the names of its source layers. A server or
 * a file that does not list them (no TileJSON, no `vector_layers` metadata) is read from one of its
 * tiles. Servers often keep tiles gzipped, and some send them without saying so: {@link gunzipIfGzip}.
 */
import { VectorTile } from '@mapbox/vector-tile';
import { gunzipSync } from 'fflate';
import { PbfReader } from 'pbf';

/** The most source layers a basemap is drawn with (a real style has far fewer than this). */
export const MAX_VECTOR_LAYERS = 64;

export type VectorTileRead =
  /** A vector tile, with its layers' names in the tile's order (none for an empty tile). */
  | { readonly kind: 'layers'; readonly names: readonly string[] }
  /** A PNG, JPEG, WebP or GIF: the server serves raster tiles. */
  | { readonly kind: 'image' }
  /** Neither: not a tile at all (an error page, a corrupt file). */
  | { readonly kind: 'invalid' };

const startsWith = (bytes: Uint8Array, head: readonly number[], at = 0): boolean =>
  bytes.byteLength >= at + head.length && head.every((b, i) => bytes[at + i] === b);

/** Whether bytes are an image format a raster basemap serves. */
export function isImage(bytes: Uint8Array): boolean {
  return (
    startsWith(bytes, [0x89, 0x50, 0x4e, 0x47]) || // PNG
    startsWith(bytes, [0xff, 0xd8, 0xff]) || // JPEG
    startsWith(bytes, [0x47, 0x49, 0x46, 0x38]) || // GIF8
    (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) // RIFF….WEBP
  );
}

/** The bytes unzipped if they are gzip (magic 1f 8b), else as they are; corrupt gzip throws. */
export function gunzipIfGzip<B extends ArrayBufferLike>(
  bytes: Uint8Array<B>,
): Uint8Array<B> | Uint8Array<ArrayBuffer> {
  return startsWith(bytes, [0x1f, 0x8b]) ? gunzipSync(bytes) : bytes;
}

/** The source layers of a tile's bytes (gzipped or not), or that it is an image, or not a tile. */
export function readVectorTile(bytes: Uint8Array): VectorTileRead {
  let plain: Uint8Array;
  try {
    plain = gunzipIfGzip(bytes);
  } catch {
    return { kind: 'invalid' };
  }
  if (isImage(plain)) return { kind: 'image' };
  try {
    const tile = new VectorTile(new PbfReader(plain));
    const layers = Object.values(tile.layers);
    // A real layer has a name and a version of the spec (1 or 2); bytes that merely parse have not.
    if (layers.some((l) => l.name === '' || !(l.version >= 1 && l.version <= 2))) return { kind: 'invalid' };
    return { kind: 'layers', names: layers.map((l) => l.name).slice(0, MAX_VECTOR_LAYERS) };
  } catch {
    return { kind: 'invalid' };
  }
}
