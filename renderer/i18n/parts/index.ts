/**
 * Message parts owned by the feature that uses them, merged into the app's messages. A part exports
 * `{ 'zh-CN': {...}, en: {...} }`; namespaces that appear in several parts are merged key by key.
 */
import { accountsMessages } from './accounts';
import { basemapMessages } from './basemap';
import { basemapDatumMessages } from './basemap-datum';
import { basemapSourcesMessages } from './basemap-sources';
import { offlineMapsMessages } from './offline-maps';
import { bigFilesMessages } from './big-files';
import { casesMessages } from './cases';
import { centresMessages } from './centres';
import { centreSetupMessages } from './centre-setup';
import { kmlLinksMessages } from './kml-links';
import { centreTablesMessages } from './centre-tables';
import { centreImportMessages } from './centre-import';
import { exportMessages } from './export';
import { fieldsMessages } from './fields';
import { indicatorsExportMessages } from './indicators-export';
import { importMessages } from './import';
import { importsMessages } from './imports';
import { phonesMessages } from './phones';
import { playbackMessages } from './playback';
import { geofenceMessages } from './geofence';
import { unitsMessages } from './units';
import { placesImportMessages } from './places-import';
import { historyMessages } from './history';
import { historyMappingMessages } from './history-mapping';
import { indicatorsMessages } from './indicators';
import { intakeMessages } from './intake';
import { loopMessages } from './loop';
import { recordMessages } from './record';
import { roadsMessages } from './roads';
import { rolesMessages } from './roles';
import { statusMessages } from './status';
import { wallMessages } from './wall';
import { workspaceMessages } from './workspace';

type Tree = { readonly [key: string]: string | Tree };

/** Merges message trees; a key present in both as a text is a mistake and throws at start-up. */
export function mergeMessages<A extends Tree, B extends Tree>(a: A, b: B, path = ''): A & B {
  const out: Record<string, string | Tree> = { ...a };
  for (const [key, value] of Object.entries(b)) {
    const existing = out[key];
    if (existing === undefined) out[key] = value;
    else if (typeof existing === 'object' && typeof value === 'object') {
      out[key] = mergeMessages(existing, value, `${path}${key}.`);
    } else throw new Error(`message ${path}${key} is defined twice`);
  }
  return out as A & B;
}

const PARTS = [
  phonesMessages,
  playbackMessages,
  geofenceMessages,
  unitsMessages,
  accountsMessages,
  loopMessages,
  intakeMessages,
  importMessages,
  indicatorsMessages,
  casesMessages,
  workspaceMessages,
  roadsMessages,
  recordMessages,
  statusMessages,
  wallMessages,
  rolesMessages,
  bigFilesMessages,
  fieldsMessages,
  indicatorsExportMessages,
  exportMessages,
  centresMessages,
  centreSetupMessages,
  centreTablesMessages,
  centreImportMessages,
  importsMessages,
  placesImportMessages,
  kmlLinksMessages,
  historyMessages,
  basemapMessages,
  basemapDatumMessages,
  basemapSourcesMessages,
  offlineMapsMessages,
  historyMappingMessages,
] as const;

type PartsOf<L extends 'zh-CN' | 'en'> = (typeof accountsMessages)[L] &
  (typeof geofenceMessages)[L] &
  (typeof basemapMessages)[L] &
  (typeof basemapDatumMessages)[L] &
  (typeof basemapSourcesMessages)[L] &
  (typeof offlineMapsMessages)[L] &
  (typeof placesImportMessages)[L] &
  (typeof centresMessages)[L] &
  (typeof centreSetupMessages)[L] &
  (typeof loopMessages)[L] &
  (typeof intakeMessages)[L] &
  (typeof importMessages)[L] &
  (typeof indicatorsMessages)[L] &
  (typeof workspaceMessages)[L] &
  (typeof roadsMessages)[L] &
  (typeof statusMessages)[L] &
  (typeof wallMessages)[L] &
  (typeof casesMessages)[L] &
  (typeof rolesMessages)[L] &
  (typeof bigFilesMessages)[L] &
  (typeof fieldsMessages)[L] &
  (typeof indicatorsExportMessages)[L] &
  (typeof exportMessages)[L] &
  (typeof centreTablesMessages)[L] &
  (typeof centreImportMessages)[L] &
  (typeof importsMessages)[L] &
  (typeof kmlLinksMessages)[L] &
  (typeof historyMessages)[L] &
  (typeof historyMappingMessages)[L] &
  (typeof unitsMessages)[L];

function mergeAll<L extends 'zh-CN' | 'en'>(locale: L): PartsOf<L> {
  return PARTS.reduce<Tree>((all, part) => mergeMessages(all, part[locale]), {}) as unknown as PartsOf<L>;
}

export const partMessages = { 'zh-CN': mergeAll('zh-CN'), en: mergeAll('en') } as const;
