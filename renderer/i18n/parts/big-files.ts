/**
 * Texts for reading big and untrusted files: the ZIP guard's refusals (`zip.*`, from shared/zip/guard.ts;
 * `file` is the archive, `entry` the path inside it, sizes in MB), the import's size and row limits,
 * and the progress and Cancel of the import and backup workers (`fileWork.*`).
 */
export const bigFilesMessages = {
  'zh-CN': {
    zip: {
      notZip: '{file} 不是有效的 ZIP 压缩文件',
      archiveTooBig: '{file} 大小为 {size} MB，超过上限 {limit} MB，未读取',
      tooManyEntries: '{file} 含有 {count} 个文件，超过上限 {limit} 个',
      entryNotAllowed: '{file} 中含有不应出现的文件“{entry}”，已拒绝',
      duplicateEntry: '{file} 中“{entry}”出现了不止一次，已拒绝',
      unsupported: '{file} 中的“{entry}”已加密或使用了不支持的压缩方式',
      entryTooBig: '{file} 中的“{entry}”解压后为 {size} MB，超过单个文件上限 {limit} MB，未解压',
      totalTooBig: '{file} 解压后的总大小超过上限 {limit} MB（到“{entry}”时），已停止',
      sizeMismatch:
        '{file} 中的“{entry}”实际内容与其声明的大小（{declared} 字节）不符，可能是压缩炸弹，已停止解压',
      corrupt: '{file} 中的“{entry}”已损坏，无法解压',
    },
    import: {
      fileTooBig:
        '{file} 大小为 {size} MB，超过导入上限 {limit} MB，未读取；请拆分成较小的文件（如工单按时间）后分批导入',
      tooManyRows:
        '{file} 超过 {limit} 行的导入上限，已停止读取；请拆分成较小的文件（如工单按时间）后分批导入',
      limits: '可导入 CSV 不超过 {csv} MB、Excel 不超过 {xlsx} MB，最多 {rows} 行',
    },
    fileWork: {
      reading: '正在读取 {file}：{done} / {total} MB，已读 {rows} 行',
      unzipping: '正在解压 {file}：{done} / {total} MB',
      checking: '正在按字段对应检查 {file} 的每一行…',
      moreRejected: '……另有 {count} 条未列出',
      verifying: '正在核验备份中的执法记录…',
      cancel: '取消',
      cancelled: '已取消，{file} 未导入',
      failed: '读取 {file} 时出错：{reason}',
    },
    backup: {
      openCancelled: '已取消，未从 {file} 恢复任何数据',
    },
  },
  en: {
    zip: {
      notZip: '{file} is not a valid ZIP archive',
      archiveTooBig: '{file} is {size} MB, over the limit of {limit} MB; it was not read',
      tooManyEntries: '{file} holds {count} files, over the limit of {limit}',
      entryNotAllowed: '{file} holds “{entry}”, which does not belong in it; refused',
      duplicateEntry: '{file} holds “{entry}” more than once; refused',
      unsupported: '“{entry}” in {file} is encrypted or compressed in a way that is not supported',
      entryTooBig:
        '“{entry}” in {file} unpacks to {size} MB, over the limit of {limit} MB a file; not unpacked',
      totalTooBig: '{file} unpacks to more than the limit of {limit} MB in all (at “{entry}”); stopped',
      sizeMismatch:
        '“{entry}” in {file} does not hold the {declared} bytes its header declares (a zip bomb?); unpacking stopped',
      corrupt: '“{entry}” in {file} is damaged and cannot be unpacked',
    },
    import: {
      fileTooBig:
        '{file} is {size} MB, over the import limit of {limit} MB; it was not read. Split it into smaller files (work orders by date) and import them in turn',
      tooManyRows:
        '{file} has more than {limit} rows, the import limit; reading stopped. Split it into smaller files (work orders by date) and import them in turn',
      limits: 'CSV files up to {csv} MB and Excel files up to {xlsx} MB, at most {rows} rows',
    },
    fileWork: {
      reading: 'Reading {file}: {done} / {total} MB, {rows} rows so far',
      unzipping: 'Unpacking {file}: {done} / {total} MB',
      checking: 'Checking every row of {file} with these columns…',
      moreRejected: '… and {count} more not listed',
      verifying: 'Verifying the enforcement record in the backup…',
      cancel: 'Cancel',
      cancelled: 'Cancelled; nothing from {file} was imported',
      failed: 'Reading {file} failed: {reason}',
    },
    backup: {
      openCancelled: 'Cancelled; nothing was restored from {file}',
    },
  },
} as const;
