/**
 * The local basemap files this PC offers the page in Electron: only files the leader picked in the
 * file dialog (main.ts), each under a random id, kept in a small JSON file under userData so a picked
 * file is still offered after a restart. The page names a file by its id (`app://griddesk/basemap-files/<id>`,
 * electron/local-tiles.ts); no path it writes is ever opened. Plain Node, tested without Electron.
 */
import { randomBytes } from 'node:crypto';
import { open, stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { z } from 'zod';
import {
  localBasemapFileSchema,
  localFormatOf,
  sniffLocalFormat,
  type LocalBasemapFile,
} from '../shared/tiles/local-files';
import { readJsonFile, writeJsonFile, type JsonFileProblem } from './json-file';
import type { LocalTileFile } from './local-tiles';

export const BASEMAP_FILES_FILE = 'basemap-files.json';

const registrySchema = z.array(localBasemapFileSchema.extend({ path: z.string().min(1).max(4096) })).max(200);
type Entry = z.infer<typeof registrySchema>[number];

/** Why a picked file is not offered: an i18n key with the file's name. */
export type BasemapFileRefusal = {
  readonly key: 'basemap.local.notTiles' | 'basemap.local.unreadable';
  readonly params: { readonly file: string; readonly reason?: string };
};

export interface BasemapFileRegistry {
  /** Offers a file the leader picked: checked to be PMTiles or MBTiles by name and by its first bytes. */
  add(
    path: string,
  ): Promise<{ ok: true; file: LocalBasemapFile } | { ok: false; refusal: BasemapFileRefusal }>;
  list(): readonly LocalBasemapFile[];
  resolve(id: string): LocalTileFile | null;
}

export async function loadBasemapFileRegistry(
  file: string,
  onProblem: JsonFileProblem = () => undefined,
): Promise<BasemapFileRegistry> {
  const entries: Entry[] = (await readJsonFile(file, registrySchema, onProblem)) ?? [];
  const publicOf = ({ path: _path, ...rest }: Entry): LocalBasemapFile => rest;
  return {
    async add(picked) {
      const path = resolve(picked);
      const name = basename(path);
      const format = localFormatOf(name);
      if (format === null)
        return { ok: false, refusal: { key: 'basemap.local.notTiles', params: { file: name } } };
      let size: number;
      const head = new Uint8Array(16);
      try {
        const info = await stat(path);
        if (!info.isFile()) throw new Error('not a file');
        size = info.size;
        const handle = await open(path, 'r');
        try {
          await handle.read(head, 0, 16, 0);
        } finally {
          await handle.close();
        }
      } catch (error) {
        return {
          ok: false,
          refusal: {
            key: 'basemap.local.unreadable',
            params: { file: name, reason: error instanceof Error ? error.message : String(error) },
          },
        };
      }
      if (sniffLocalFormat(head) !== format)
        return { ok: false, refusal: { key: 'basemap.local.notTiles', params: { file: name } } };
      const old = entries.findIndex((e) => e.path === path);
      const entry: Entry = {
        id: old >= 0 ? (entries[old] as Entry).id : randomBytes(8).toString('hex'),
        name: name.slice(0, 255),
        format,
        bytes: size,
        path,
      };
      if (old >= 0) entries[old] = entry;
      else entries.push(entry);
      await writeJsonFile(file, entries);
      return { ok: true, file: publicOf(entry) };
    },
    list: () => entries.map(publicOf),
    resolve(id) {
      const entry = entries.find((e) => e.id === id);
      return entry === undefined ? null : { path: entry.path, format: entry.format, name: entry.name };
    },
  };
}
