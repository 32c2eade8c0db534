/**
 * Messages of the status bar's storage and position-feed readings, merged into the `status` namespace.
 */
export const statusMessages = {
  'zh-CN': {
    status: {
      storage: '存储',
      storagePersistent: '持久',
      storageEvictable: '可能被清理',
      storageUnsupported: '可能被清理（不支持持久存储）',
      storagePending: '…',
      storageEvictableHint: '浏览器未同意持久存储：磁盘空间不足时本机数据可能被清理，请定期备份',
      positions: '定位',
      positionsRefusedFuture: '拒收 {count} 条（时间超前）',
      positionsStale: '{count} 条过旧未用',
      positionsInvalid: '拒收 {count} 条（格式错误或人员不明）',
      positionsHint:
        '本次运行：已更新 {applied} 人次；时间超前超过 {aheadMin} 分钟拒收 {future} 条；早于 {ageMin} 分钟未用 {stale} 条；格式错误 {invalid} 条；人员不明 {unknown} 条',
    },
  },
  en: {
    status: {
      storage: 'Storage',
      storagePersistent: 'persistent',
      storageEvictable: 'may be cleared',
      storageUnsupported: 'may be cleared (persistent storage unsupported)',
      storagePending: '…',
      storageEvictableHint:
        'The browser did not grant persistent storage: this PC’s data may be cleared when the disk runs low. Back up regularly.',
      positions: 'Positions',
      positionsRefusedFuture: '{count} refused (stamped ahead)',
      positionsStale: '{count} too old, not used',
      positionsInvalid: '{count} refused (malformed or unknown officer)',
      positionsHint:
        'This session: {applied} officer moves; {future} refused as stamped over {aheadMin} min ahead; {stale} older than {ageMin} min not used; {invalid} malformed; {unknown} for unknown officers',
    },
  },
} as const;
