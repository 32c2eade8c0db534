/// <reference lib="webworker" />
/**
 * The geographic import worker: size check, reading, unzipping, parsing, converting and checking a
 * Shapefile, GeoJSON, KML, KMZ or GPX off the UI thread; the features stay here (see
 * geo-import-service.ts). Reached through geo-import/client.ts.
 */
import { expose } from 'comlink';
import { createGeoImportService } from './geo-import-service';
import { loadSqlJs } from '../import/sqlite';

expose(createGeoImportService({ loadSqlite: loadSqlJs }));
