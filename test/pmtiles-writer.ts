/**
 * A minimal PMTiles v3 writer for tests (the spec's header, one root directory, uncompressed
 * directories and metadata), so the tests make their archives rather than carry binary fixtures.
 * Tiles with the same bytes are stored once; a run of consecutive tile ids with one content is one
 * directory entry, so "every tile of zooms 0–15 is this PNG" is a file of a few hundred bytes.
 */
import { zxyToTileId } from 'pmtiles';

export const PMTILES_TILE_TYPE = { mvt: 1, png: 2, jpeg: 3, webp: 4 } as const;

export interface PmtilesRun {
  /** The first tile (z, x, y) and how many tile ids from it (Hilbert order) share `bytes`. */
  readonly z: number;
  readonly x: number;
  readonly y: number;
  readonly runLength: number;
  readonly bytes: Uint8Array;
}

function varint(out: number[], value: number): void {
  let v = value;
  while (v >= 0x80) {
    out.push((v % 0x80) | 0x80);
    v = Math.floor(v / 0x80);
  }
  out.push(v);
}

/** The archive's bytes. `runs` need not be sorted; bounds are WGS84 degrees. */
export function writePmtiles(options: {
  readonly runs: readonly PmtilesRun[];
  readonly tileType: number;
  readonly minZoom: number;
  readonly maxZoom: number;
  readonly bounds?: readonly [number, number, number, number];
  readonly metadata?: Record<string, unknown>;
}): Uint8Array {
  const contents: Uint8Array[] = [];
  const offsets: number[] = [];
  let dataLength = 0;
  const entries = options.runs
    .map((run) => {
      let index = contents.findIndex(
        (c) => c.byteLength === run.bytes.byteLength && c.every((b, i) => b === run.bytes[i]),
      );
      if (index < 0) {
        index = contents.push(run.bytes) - 1;
        offsets.push(dataLength);
        dataLength += run.bytes.byteLength;
      }
      return {
        tileId: zxyToTileId(run.z, run.x, run.y),
        runLength: run.runLength,
        offset: offsets[index] as number,
        length: run.bytes.byteLength,
      };
    })
    .sort((a, b) => a.tileId - b.tileId);
  const dir: number[] = [];
  varint(dir, entries.length);
  let last = 0;
  for (const e of entries) {
    varint(dir, e.tileId - last);
    last = e.tileId;
  }
  for (const e of entries) varint(dir, e.runLength);
  for (const e of entries) varint(dir, e.length);
  entries.forEach((e, i) => {
    const prev = entries[i - 1];
    varint(dir, i > 0 && prev !== undefined && e.offset === prev.offset + prev.length ? 0 : e.offset + 1);
  });
  const root = Uint8Array.from(dir);
  const meta = new TextEncoder().encode(JSON.stringify(options.metadata ?? {}));
  const header = new Uint8Array(127);
  const view = new DataView(header.buffer);
  header.set(new TextEncoder().encode('PMTiles'), 0);
  header[7] = 3;
  const u64 = (at: number, value: number): void => view.setBigUint64(at, BigInt(value), true);
  const rootOffset = 127;
  const metaOffset = rootOffset + root.byteLength;
  const dataOffset = metaOffset + meta.byteLength;
  u64(8, rootOffset);
  u64(16, root.byteLength);
  u64(24, metaOffset);
  u64(32, meta.byteLength);
  u64(40, dataOffset);
  u64(48, 0);
  u64(56, dataOffset);
  u64(64, dataLength);
  u64(
    72,
    entries.reduce((n, e) => n + e.runLength, 0),
  );
  u64(80, entries.length);
  u64(88, contents.length);
  header[96] = 0; // not clustered
  header[97] = 1; // internal compression: none
  header[98] = 1; // tile compression: none
  header[99] = options.tileType;
  header[100] = options.minZoom;
  header[101] = options.maxZoom;
  const [w, s, e, n] = options.bounds ?? [-180, -85, 180, 85];
  view.setInt32(102, Math.round(w * 1e7), true);
  view.setInt32(106, Math.round(s * 1e7), true);
  view.setInt32(110, Math.round(e * 1e7), true);
  view.setInt32(114, Math.round(n * 1e7), true);
  header[118] = options.minZoom;
  view.setInt32(119, Math.round(((w + e) / 2) * 1e7), true);
  view.setInt32(123, Math.round(((s + n) / 2) * 1e7), true);
  const out = new Uint8Array(dataOffset + dataLength);
  out.set(header, 0);
  out.set(root, rootOffset);
  out.set(meta, metaOffset);
  contents.forEach((c, i) => out.set(c, dataOffset + (offsets[i] as number)));
  return out;
}

/** An archive in which every tile of zooms `minZoom`…`maxZoom` (at most 15) is `tile`. */
export function uniformPmtiles(
  tile: Uint8Array,
  options: { readonly minZoom?: number; readonly maxZoom?: number; readonly tileType?: number } = {},
): Uint8Array {
  const minZoom = options.minZoom ?? 0;
  const maxZoom = options.maxZoom ?? 15;
  const runs: PmtilesRun[] = [];
  // Tile ids of a zoom are consecutive (Hilbert order within it); (0, 0) is not always the first one,
  // so each zoom's run starts at its lowest id.
  for (let z = minZoom; z <= maxZoom; z += 1)
    runs.push({ ...firstOfZoom(z), runLength: 4 ** z, bytes: tile });
  return writePmtiles({ runs, tileType: options.tileType ?? PMTILES_TILE_TYPE.png, minZoom, maxZoom });
}

function firstOfZoom(z: number): { z: number; x: number; y: number } {
  // zxyToTileId(z, ·, ·) covers [base, base + 4^z); find the tile at base.
  const base = (4 ** z - 1) / 3;
  for (const [x, y] of [
    [0, 0],
    [0, 2 ** z - 1],
    [2 ** z - 1, 0],
    [2 ** z - 1, 2 ** z - 1],
  ] as const)
    if (zxyToTileId(z, x, y) === base) return { z, x, y };
  throw new Error(`no corner tile starts zoom ${z}`);
}
