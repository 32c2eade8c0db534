/**
 * Texts of the record's quick start-up check (`recordHealth.*`, the 执法记录异常 alarm on the
 * workstation and the wall) and of the check against a head noted earlier (`recordAnchor.*`).
 */
export const recordMessages = {
  'zh-CN': {
    recordHealth: {
      title: '执法记录异常',
      headMissing: '链头缺失：记录有 {events} 条事件但没有链头',
      headCount: '链头与记录不符：链头记为 {headCount} 条事件，记录中有 {events} 条',
      lastSeq: '链头与记录不符：链头记到第 {headCount} 条，最后一条事件却是第 {seq} 条',
      lastHash: '链头与记录不符：第 {seq} 条事件的哈希不是链头记下的哈希，记录末尾被替换',
      lastEdited: '第 {seq} 条（最后一条）事件的内容与其哈希不符，已被改动',
      datasetMissing: '有执法记录但没有基础数据（网格、案件等）',
      legacyRecord: '升级编号时发现原记录已损坏：第 {seq} 条事件{problem}（升级前的问题，保留告警）',
      legacyKind: {
        edited: '内容与哈希不符，已被改动',
        removed: '缺失',
        reordered: '顺序或链接错乱',
        truncated: '之后的事件被截去',
        headMismatch: '之后多出链头未记的事件',
      },
      casesWithoutLoop: '{count} 个案件没有流程状态，例如 {first}',
      casesWithoutEvents: '{count} 个案件在执法记录中没有任何事件，例如 {first}',
      recordWithoutCase: '执法记录中有 {count} 个案件在案件表中不存在，例如 {first}',
      backupAnchor: '记录已不再经过本机 {exportedAt} 导出备份时的链头（第 {count} 条事件），此前的记录被改写',
      backupAnchorShorter: '记录比本机 {exportedAt} 导出的备份还短：备份时已有 {count} 条事件',
      leftAsFound:
        '记录保持原样，未做任何改动，也不会自动重建。请带班领导用“核验执法记录”全面核验，并与此前记下的链头或备份比对。',
    },
    recordAnchor: {
      title: '与记下的链头比对',
      intro: '输入此前记下的链头（事件数和最后哈希），或选择此前导出的备份文件，核对当前记录是否是它的延续。',
      count: '事件数',
      hash: '最后哈希',
      check: '比对',
      fromBackup: '从备份文件读取链头…',
      lastBackup: '本机最近导出的备份：{exportedAt}，{count} 条事件',
      useLastBackup: '用此链头',
      badCount: '事件数须为非负整数',
      badHash: '哈希须为 64 位十六进制数字',
      backupRead: '已从 {file} 读取链头',
      extends: '当前记录是记下链头的延续：前 {notedCount} 条事件均未改动，此后新增 {added} 条',
      extendsLegacy:
        '当前记录是记下链头的延续（该链头记于编号升级之前，按各事件保留的原哈希核对）：前 {notedCount} 条事件均未改动，此后新增 {added} 条',
      differs:
        '当前记录不是记下链头的延续：第 {from} 条事件的哈希与记下的不同（第 {from} 条或更早的事件被改写，或是另一份记录）',
      shorter: '当前记录不是记下链头的延续：记录只有 {count} 条事件，从第 {from} 条起缺失',
      broken: '当前记录不是记下链头的延续：从第 {from} 条事件起不符（{problem}）',
      cancelled: '比对已取消',
    },
    backupHead: {
      tooLarge: '{file} 超过 {limit} MB，不是本系统的备份文件',
      notBackup: '{file} 不是本系统的备份文件（找不到 backup.json）',
      noHead: '{file} 中找不到链头',
    },
  },
  en: {
    recordHealth: {
      title: 'Enforcement record alarm',
      headMissing: 'Chain head missing: the record has {events} events but no head',
      headCount:
        'Head does not match the record: the head counts {headCount} events, the record holds {events}',
      lastSeq: 'Head does not match the record: the head ends at event {headCount}, the last event is {seq}',
      lastHash:
        'Head does not match the record: event {seq} does not carry the head’s hash; the end of the record was replaced',
      lastEdited: 'Event {seq} (the last) no longer matches its hash: it was altered',
      datasetMissing: 'There is a record but no township data (grids, cases…)',
      legacyRecord:
        'When its ids were scoped, the record was already broken: event {seq} {problem} (found before the upgrade; the alarm stays)',
      legacyKind: {
        edited: 'no longer matched its hash (altered)',
        removed: 'was missing',
        reordered: 'was out of order or mislinked',
        truncated: 'was followed by a cut-off end',
        headMismatch: 'was followed by events the head did not count',
      },
      casesWithoutLoop: '{count} cases have no loop state, e.g. {first}',
      casesWithoutEvents: '{count} cases have no event in the record, e.g. {first}',
      recordWithoutCase: 'The record holds {count} cases that are not in the case table, e.g. {first}',
      backupAnchor:
        'The record no longer passes through the head of the backup exported here on {exportedAt} (event {count}): earlier events were rewritten',
      backupAnchorShorter:
        'The record is shorter than the backup exported here on {exportedAt}, which had {count} events',
      leftAsFound:
        'The record was left as found: nothing was changed or rebuilt. A shift leader should run “Verify enforcement record” and compare with a head noted earlier or a backup.',
    },
    recordAnchor: {
      title: 'Compare with a noted head',
      intro:
        'Enter a head noted earlier (event count and last hash), or pick a backup exported earlier, to check that the current record extends it.',
      count: 'Events',
      hash: 'Last hash',
      check: 'Compare',
      fromBackup: 'Read the head from a backup file…',
      lastBackup: 'Newest backup exported here: {exportedAt}, {count} events',
      useLastBackup: 'Use this head',
      badCount: 'The event count must be a whole number',
      badHash: 'The hash must be 64 hexadecimal digits',
      backupRead: 'Head read from {file}',
      extends:
        'The current record extends the noted head: its first {notedCount} events are unchanged, {added} added since',
      extendsLegacy:
        'The current record extends the noted head (noted before its ids were scoped, checked against the hash each event kept): its first {notedCount} events are unchanged, {added} added since',
      differs:
        'The current record does not extend the noted head: event {from} has another hash (event {from} or an earlier one was rewritten, or it is another record)',
      shorter:
        'The current record does not extend the noted head: it has only {count} events, missing from event {from}',
      broken: 'The current record does not extend the noted head, from event {from} ({problem})',
      cancelled: 'Comparison cancelled',
    },
    backupHead: {
      tooLarge: '{file} is larger than {limit} MB: not a GridDesk backup',
      notBackup: '{file} is not a GridDesk backup (no backup.json)',
      noHead: 'No chain head found in {file}',
    },
  },
} as const;
