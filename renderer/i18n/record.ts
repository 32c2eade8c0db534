import type { VerifyResult } from '../../shared/cases/record';
import type { ExtendsResult } from '../../shared/cases/record-anchor';
import type { RecordAlarm } from '../../shared/cases/record-health';

type Translate = (key: string, params?: Record<string, unknown>) => string;

/** What a record check found, in words: `okText` when intact, else the problem with its event or counts. */
export function recordResultText(t: Translate, result: VerifyResult, okText = ''): string {
  if (result.ok) return okText;
  switch (result.kind) {
    case 'edited':
    case 'removed':
    case 'reordered':
      return t(result.key, { seq: result.seq });
    case 'truncated':
    case 'headMismatch':
      return t(result.key, { expectedCount: result.expectedCount, actualCount: result.actualCount });
    case 'cancelled':
      return t(result.key);
  }
}

/** How numbers and times read in the alarm: counts grouped ("33,258"), times in the UI's format. */
export interface AlarmFormat {
  readonly count: (value: number) => string;
  readonly time: (epochMs: number) => string;
}

/** One alarm of the record's quick check, in words that name what is wrong. */
export function recordAlarmText(t: Translate, alarm: RecordAlarm, format: AlarmFormat): string {
  const n = format.count;
  switch (alarm.kind) {
    case 'headMissing':
      return t('recordHealth.headMissing', { events: n(alarm.events) });
    case 'headCount':
      return t('recordHealth.headCount', { headCount: n(alarm.headCount), events: n(alarm.events) });
    case 'lastSeq':
      return t('recordHealth.lastSeq', { headCount: n(alarm.headCount), seq: n(alarm.seq) });
    case 'lastHash':
    case 'lastEdited':
      return t(`recordHealth.${alarm.kind}`, { seq: n(alarm.seq) });
    case 'datasetMissing':
      return t('recordHealth.datasetMissing');
    case 'legacyRecord':
      return t('recordHealth.legacyRecord', {
        seq: n(alarm.seq),
        problem: t(`recordHealth.legacyKind.${alarm.problem}`),
      });
    case 'casesWithoutLoop':
    case 'casesWithoutEvents':
    case 'recordWithoutCase':
      return t(`recordHealth.${alarm.kind}`, { count: n(alarm.count), first: alarm.first });
    case 'backupAnchor':
      return t(alarm.shorter ? 'recordHealth.backupAnchorShorter' : 'recordHealth.backupAnchor', {
        count: n(alarm.count),
        exportedAt: format.time(alarm.exportedAt),
      });
  }
}

/** Whether the record extends a noted head, in words; `n` groups counts. */
export function extendsResultText(t: Translate, result: ExtendsResult, n: (value: number) => string): string {
  if (result.ok) {
    return t(result.legacy === true ? 'recordAnchor.extendsLegacy' : 'recordAnchor.extends', {
      notedCount: n(result.notedCount),
      added: n(result.count - result.notedCount),
    });
  }
  switch (result.kind) {
    case 'differs':
      return t('recordAnchor.differs', { from: n(result.from) });
    case 'shorter':
      return t('recordAnchor.shorter', { from: n(result.from), count: n(result.count) });
    case 'broken':
      return t('recordAnchor.broken', {
        from: n(result.from),
        problem: recordResultText(t, { ok: false, ...result.problem }),
      });
    case 'cancelled':
      return t('recordAnchor.cancelled');
  }
}
