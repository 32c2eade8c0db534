/**
 * 越界告警: geofence alerts (shared/positions/geofence.ts, stores/geofence.ts, GeofencePanel.vue), and
 * their threshold in 终端定位 (PhonesDialog.vue).
 */
export const geofenceMessages = {
  'zh-CN': {
    phones: {
      geofence: {
        title: '越界告警',
        before: '在岗队员离开本队片区超过',
        after: '分钟即告警',
        hint: '离片区边界 30 米以外才算离开，回到 10 米以内才算返回，定位漂移不会反复告警。',
      },
      issue: { geofenceMinutes: '越界告警时间应为 {min}–{max} 之间的整数分钟（填写的是 {minutes}）' },
    },
    geofence: {
      badge: '越界告警',
      badgeHint: '越界告警：{n} 条未确认',
      title: '越界告警',
      intro: '在岗队员离开本队片区超过 {minutes} 分钟的记录。点击一条在地图上查看该队员。',
      empty: '暂无越界告警',
      tabs: { alerts: '告警', record: '确认记录' },
      officer: '队员',
      team: '中队',
      area: '片区',
      since: '离开时间',
      duration: '时长',
      distance: '离片区',
      state: '状态',
      outside: '仍在片区外',
      returned: '已返回',
      offDuty: '已离岗',
      acknowledge: '确认',
      acknowledged: '已确认：{name} {time}',
      acknowledgedDone: '已确认该告警',
      minutes: '{n} 分钟',
      hoursMinutes: '{h} 小时 {m} 分钟',
      metres: '{n} 米',
      kilometres: '{n} 千米',
      unknownOfficer: '（已不在名册）',
      show: '在地图上查看',
      recordIntro: '告警的每次确认都写入执法记录（与案件同一条哈希链），不能改写。',
      recordEmpty: '尚无确认记录',
      recordLine: '第 {seq} 条 · {time} · {name} 确认了{officer}的越界告警（{area}，{since} 离开）',
      refused: {
        role: '大屏只读账号不能确认告警',
        notFound: '找不到这条告警（可能已被清除）',
        already: '这条告警已由 {name} 确认',
      },
    },
  },
  en: {
    phones: {
      geofence: {
        title: 'Geofence alerts',
        before: 'Alert when an on-duty officer is outside their team’s patrol areas for more than',
        after: 'minutes',
        hint: 'An officer counts as out only 30 m beyond the edge and as back within 10 m of it, so GPS drift does not raise alert after alert.',
      },
      issue: {
        geofenceMinutes:
          'The geofence time should be a whole number of minutes from {min} to {max} (entered: {minutes})',
      },
    },
    geofence: {
      badge: 'Geofence alerts',
      badgeHint: 'Geofence alerts: {n} not acknowledged',
      title: 'Geofence alerts',
      intro:
        'On-duty officers outside their team’s patrol areas for more than {minutes} minutes. Click one to see the officer on the map.',
      empty: 'No geofence alerts',
      tabs: { alerts: 'Alerts', record: 'Acknowledgements' },
      officer: 'Officer',
      team: 'Team',
      area: 'Area',
      since: 'Left at',
      duration: 'For',
      distance: 'Outside by',
      state: 'State',
      outside: 'Still outside',
      returned: 'Returned',
      offDuty: 'Off duty',
      acknowledge: 'Acknowledge',
      acknowledged: 'Acknowledged: {name} {time}',
      acknowledgedDone: 'Alert acknowledged',
      minutes: '{n} min',
      hoursMinutes: '{h} h {m} min',
      metres: '{n} m',
      kilometres: '{n} km',
      unknownOfficer: '(no longer on the roster)',
      show: 'Show on the map',
      recordIntro:
        'Every acknowledgement is written to the enforcement record (the same hash chain as the cases) and cannot be rewritten.',
      recordEmpty: 'No acknowledgements yet',
      recordLine:
        'No. {seq} · {time} · {name} acknowledged the alert for {officer} ({area}, left at {since})',
      refused: {
        role: 'The wall’s read-only account cannot acknowledge alerts',
        notFound: 'This alert is not stored (it may have been cleared)',
        already: 'This alert was acknowledged by {name}',
      },
    },
  },
} as const;
