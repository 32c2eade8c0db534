/// <reference lib="webworker" />
/** The backup worker: unpack and check a backup off the UI thread (see backup-service.ts). */
import { expose } from 'comlink';
import { createBackupService } from './backup-service';

expose(createBackupService());
