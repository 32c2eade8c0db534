/**
 * How 12345 hotlines and 数字城管 platforms name the incidents they pass on (诉求分类), and which matter of
 * the power list each name means. Hotline trees use short street words (占道经营, 噪音扰民, 乱倒垃圾) that
 * share too few characters with the formal matter names (对擅自占用城市道路摆摊设点的行政处罚) for
 * {@link matchMatter}'s character-pair fallback, so the usual names are listed here.
 *
 * Each entry names its matter by the code AND the formal name of the sample power list
 * (resources/sample/township.json): a centre with its own list still matches by the name; a code alone
 * is trusted only when that matter's name says the same (see category-match.ts). Names of the 数字城管
 * standard's event classes (GB/T 30428.2, 市容环境 / 宣传广告 / 施工管理 / 街面秩序) are included.
 *
 * Deliberately absent: catch-all words (环境脏乱差, 其他, 城市管理) and names whose matter is not the
 * township's to decide (机动车乱停放 is the traffic police's); the operator maps those in the import dialog.
 */

export interface HotlineCategorySynonym {
  /** The matter's code in the sample power list. */
  readonly code: string;
  /** The matter's formal name in the sample power list. */
  readonly name: string;
  /** Category names as hotlines write them. */
  readonly names: readonly string[];
}

export const HOTLINE_CATEGORY_SYNONYMS: readonly HotlineCategorySynonym[] = [
  {
    code: 'CG-001',
    name: '对擅自占用城市道路摆摊设点的行政处罚',
    names: [
      '占道经营',
      '占道摆摊',
      '占道摆卖',
      '摆摊设点',
      '乱摆摊',
      '流动摊贩',
      '流动摊点',
      '流动商贩',
      '无照经营游商',
      '游商',
      '马路市场',
      '占道废品收购',
    ],
  },
  {
    code: 'CG-002',
    name: '对店外经营、超出门窗外墙经营的行政处罚',
    names: ['店外经营', '出店经营', '跨门经营', '超门窗经营', '超出门窗经营'],
  },
  {
    code: 'CG-003',
    name: '对擅自设置户外广告设施的行政处罚',
    names: ['户外广告', '违规户外广告', '违规广告牌', '擅设广告牌', '违规牌匾', '广告牌匾'],
  },
  {
    code: 'CG-004',
    name: '对乱张贴、乱涂写、乱刻画的行政处罚',
    names: [
      '非法小广告',
      '小广告',
      '牛皮癣',
      '违法张贴',
      '乱张贴',
      '乱涂写',
      '乱刻画',
      '乱贴乱画',
      '乱涂乱画',
    ],
  },
  {
    code: 'CG-005',
    name: '对随意倾倒、抛撒、堆放生活垃圾的行政处罚',
    names: [
      '暴露垃圾',
      '积存垃圾',
      '乱倒垃圾',
      '乱扔垃圾',
      '垃圾乱倒',
      '生活垃圾乱倒',
      '垃圾乱堆',
      '散落垃圾',
    ],
  },
  {
    code: 'CG-006',
    name: '对随意倾倒、抛撒建筑垃圾的行政处罚',
    names: ['乱倒建筑垃圾', '建筑垃圾乱倒', '偷倒渣土', '渣土乱倒', '积存渣土', '装修垃圾乱倒'],
  },
  {
    code: 'CG-007',
    name: '对运输建筑垃圾车辆未密闭、沿途撒漏的行政处罚',
    names: ['道路遗撒', '渣土车遗撒', '渣土车撒漏', '渣土车未密闭', '沿途撒漏'],
  },
  {
    code: 'CG-008',
    name: '对擅自占用、挖掘城市道路的行政处罚',
    names: ['擅自挖掘道路', '挖掘道路', '占道施工', '违规占道施工'],
  },
  {
    code: 'CG-009',
    name: '对车辆在城市道路上冲洗、维修的行政处罚',
    names: ['占道洗车', '占道修车', '路边修车', '占道汽修'],
  },
  {
    code: 'CG-010',
    name: '对在禁止区域露天烧烤食品的行政处罚',
    names: ['露天烧烤', '占道烧烤', '烧烤扰民'],
  },
  {
    code: 'CG-011',
    name: '对餐饮服务单位未安装油烟净化设施的行政处罚',
    names: ['油烟扰民', '油烟污染', '餐饮油烟'],
  },
  {
    code: 'CG-012',
    name: '对施工工地未采取扬尘防治措施的行政处罚',
    names: ['工地扬尘', '施工扬尘', '扬尘污染'],
  },
  {
    code: 'CG-013',
    name: '对夜间施工噪声扰民的行政处罚',
    names: ['施工噪音', '施工噪声', '施工扰民', '夜间施工', '夜间施工扰民'],
  },
  {
    code: 'CG-014',
    name: '对商业经营活动使用高音广播喇叭招揽顾客的行政处罚',
    names: ['高音喇叭', '喇叭扰民', '商业噪音', '音响扰民', '商铺噪音'],
  },
  {
    code: 'CG-015',
    name: '对损毁城市绿地、擅自占用绿地的行政处罚',
    names: ['毁绿占绿', '侵占绿地', '损坏绿地', '毁坏绿化'],
  },
  {
    code: 'CG-016',
    name: '对临街阳台、窗外堆放吊挂有碍市容物品的行政处罚',
    names: ['沿街晾挂', '乱晾乱挂', '阳台堆物'],
  },
  {
    code: 'CG-017',
    name: '对城市道路上擅自设置障碍物的行政处罚',
    names: ['道路设障', '占道设障', '私设路障', '私装地锁', '乱堆物堆料', '占道堆物', '乱堆乱放'],
  },
  {
    code: 'CG-018',
    name: '对单位和个人未履行门前三包责任的行政处罚',
    names: ['门前三包', '门前脏乱'],
  },
  {
    code: 'CG-019',
    name: '对未按规定分类投放生活垃圾的行政处罚',
    names: ['垃圾分类', '垃圾未分类投放'],
  },
  {
    code: 'GH-003',
    name: '对擅自搭建建筑物、构筑物的行政强制',
    names: ['违章搭建', '违法搭建', '私搭乱建', '乱搭乱建', '违章建筑', '违建'],
  },
  {
    code: 'GH-005',
    name: '对施工单位未设置围挡的行政处罚',
    names: ['工地未设围挡', '围挡缺失'],
  },
  {
    code: 'GH-010',
    name: '对建设单位未按规定处置施工泥浆的行政处罚',
    names: ['施工泥浆', '泥浆外溢'],
  },
  {
    code: 'ST-001',
    name: '对露天焚烧垃圾、落叶的行政处罚',
    names: ['焚烧垃圾', '焚烧树叶', '焚烧垃圾树叶', '露天焚烧'],
  },
  {
    code: 'ST-007',
    name: '对餐饮、汽修等服务业噪声扰民的行政处罚',
    names: ['噪音扰民', '噪声扰民', '社会生活噪声', '汽修噪音', '餐饮噪音'],
  },
  {
    code: 'ST-009',
    name: '对焚烧沥青、塑料等产生有毒有害烟尘的行政处罚',
    names: ['焚烧塑料', '焚烧轮胎', '焚烧沥青'],
  },
  {
    code: 'NY-001',
    name: '对露天焚烧秸秆的行政处罚',
    names: ['焚烧秸秆', '秸秆焚烧'],
  },
  {
    code: 'NY-003',
    name: '对电鱼、毒鱼、炸鱼的行政处罚',
    names: ['电鱼', '毒鱼', '炸鱼', '非法捕鱼'],
  },
  {
    code: 'NY-006',
    name: '对未按规定处理病死畜禽的行政处罚',
    names: ['病死畜禽', '乱丢病死畜禽'],
  },
  {
    code: 'YJ-002',
    name: '对占用、堵塞消防车通道的行政处罚',
    names: ['占用消防通道', '堵塞消防通道', '消防通道堵塞'],
  },
  {
    code: 'YJ-003',
    name: '对电动自行车在楼道内充电停放的行政处罚',
    names: ['飞线充电', '楼道充电', '电动车楼道充电', '电瓶车充电'],
  },
  {
    code: 'YJ-004',
    name: '对非法经营烟花爆竹的行政处罚',
    names: ['非法销售烟花爆竹', '烟花爆竹'],
  },
  {
    code: 'YJ-005',
    name: '对小型经营场所违规住人的行政处罚',
    names: ['三合一场所', '违规住人'],
  },
  {
    code: 'SW-003',
    name: '对向河道倾倒垃圾、渣土的行政处罚',
    names: ['河道垃圾', '水域不洁', '河道倾倒垃圾'],
  },
  {
    code: 'SC-002',
    name: '对无照经营行为的行政处罚',
    names: ['无照经营', '无证经营'],
  },
  {
    code: 'JT-001',
    name: '对擅自占用公路、在公路上堆放物品的行政处罚',
    names: ['公路堆物', '占用公路'],
  },
  {
    code: 'ZR-001',
    name: '对农村村民未经批准非法占用土地建住宅的行政处罚',
    names: ['非法占地建房', '违法占地建房'],
  },
  {
    code: 'ZR-006',
    name: '对擅自砍伐林木的行政处罚',
    names: ['乱砍滥伐', '砍伐树木'],
  },
  {
    code: 'MZ-001',
    name: '对在公墓以外区域建造坟墓的行政处罚',
    names: ['乱埋乱葬', '私建坟墓', '乱建坟'],
  },
  {
    code: 'MZ-003',
    name: '对殡葬活动占道搭棚的行政处罚',
    names: ['丧事占道', '占道搭棚'],
  },
  {
    code: 'WS-001',
    name: '对公共场所未落实控烟措施的行政处罚',
    names: ['公共场所吸烟', '控烟'],
  },
];
