/**
 * The words people use for the matters of the power list (执法事项): how 12345 hotlines and 数字城管
 * platforms name what they pass on (诉求分类: 占道经营, 噪音扰民, 乱倒垃圾), and what an operator types into
 * the matter field (洗车, 噪音, 违建, 摆摊, 占道). The formal names (对擅自占用城市道路摆摊设点的行政处罚) share
 * too few characters with these for any character match, so they are listed here, beside the catalogue,
 * and read by the one matter matcher ({@link searchMatters}) that serves intake and the 12345 import.
 *
 * Each entry names its matter by the code AND the formal name of the sample power list
 * (resources/sample/township.json): a centre with its own list still matches by the name; a code alone
 * is trusted only when that matter's name says the same (see search.ts). Names of the 数字城管
 * standard's event classes (GB/T 30428.2, 市容环境 / 宣传广告 / 施工管理 / 街面秩序) are included.
 *
 * A word names the matter it usually means when typed alone (噪音 is mostly 社会生活噪声, ST-007; 占道 is
 * mostly 占道经营, CG-001); the other matters it may mean list longer words that contain it (施工噪音,
 * 占道洗车), so a search for the short word finds them all, the usual one first.
 *
 * Deliberately absent: catch-all words (环境脏乱差, 其他, 城市管理, 扰民, 违章) and names whose matter is not
 * the township's to decide (机动车乱停放 is the traffic police's); the operator maps those in the import
 * dialog or picks the matter by name.
 */

export interface MatterSynonyms {
  /** The matter's code in the sample power list. */
  readonly code: string;
  /** The matter's formal name in the sample power list. */
  readonly name: string;
  /** Words for the matter as hotlines and people write them. */
  readonly words: readonly string[];
}

export const MATTER_SYNONYMS: readonly MatterSynonyms[] = [
  {
    code: 'CG-001',
    name: '对擅自占用城市道路摆摊设点的行政处罚',
    words: [
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
      '占道',
      '摆摊',
      '地摊',
      '路边摊',
      '小摊贩',
      '摊贩占道',
      '夜市摆摊',
      '早市占道',
    ],
  },
  {
    code: 'CG-002',
    name: '对店外经营、超出门窗外墙经营的行政处罚',
    words: [
      '店外经营',
      '出店经营',
      '跨门经营',
      '超门窗经营',
      '超出门窗经营',
      '出店',
      '店外堆物',
      '门口摆放商品',
    ],
  },
  {
    code: 'CG-003',
    name: '对擅自设置户外广告设施的行政处罚',
    words: [
      '户外广告',
      '违规户外广告',
      '违规广告牌',
      '擅设广告牌',
      '违规牌匾',
      '广告牌匾',
      '广告牌',
      '店招',
      '灯箱广告',
      '横幅',
    ],
  },
  {
    code: 'CG-004',
    name: '对乱张贴、乱涂写、乱刻画的行政处罚',
    words: [
      '非法小广告',
      '小广告',
      '牛皮癣',
      '违法张贴',
      '乱张贴',
      '乱涂写',
      '乱刻画',
      '乱贴乱画',
      '乱涂乱画',
      '张贴广告',
      '野广告',
      '喷涂广告',
      '墙面涂鸦',
    ],
  },
  {
    code: 'CG-005',
    name: '对随意倾倒、抛撒、堆放生活垃圾的行政处罚',
    words: [
      '暴露垃圾',
      '积存垃圾',
      '乱倒垃圾',
      '乱扔垃圾',
      '垃圾乱倒',
      '生活垃圾乱倒',
      '垃圾乱堆',
      '散落垃圾',
      '垃圾',
      '倒垃圾',
      '垃圾堆放',
      '扔垃圾',
    ],
  },
  {
    code: 'CG-006',
    name: '对随意倾倒、抛撒建筑垃圾的行政处罚',
    words: [
      '乱倒建筑垃圾',
      '建筑垃圾乱倒',
      '偷倒渣土',
      '渣土乱倒',
      '积存渣土',
      '装修垃圾乱倒',
      '建筑垃圾',
      '装修垃圾',
      '渣土',
    ],
  },
  {
    code: 'CG-007',
    name: '对运输建筑垃圾车辆未密闭、沿途撒漏的行政处罚',
    words: [
      '道路遗撒',
      '渣土车遗撒',
      '渣土车撒漏',
      '渣土车未密闭',
      '沿途撒漏',
      '渣土车',
      '抛洒滴漏',
      '车辆撒漏',
    ],
  },
  {
    code: 'CG-008',
    name: '对擅自占用、挖掘城市道路的行政处罚',
    words: ['擅自挖掘道路', '挖掘道路', '占道施工', '违规占道施工', '挖路', '道路开挖', '私自挖路'],
  },
  {
    code: 'CG-009',
    name: '对车辆在城市道路上冲洗、维修的行政处罚',
    words: [
      '占道洗车',
      '占道修车',
      '路边修车',
      '占道汽修',
      '洗车',
      '修车',
      '路边洗车',
      '占道修理',
      '马路洗车',
    ],
  },
  {
    code: 'CG-010',
    name: '对在禁止区域露天烧烤食品的行政处罚',
    words: ['露天烧烤', '占道烧烤', '烧烤扰民', '烧烤', '夜宵烧烤', '烧烤摊'],
  },
  {
    code: 'CG-011',
    name: '对餐饮服务单位未安装油烟净化设施的行政处罚',
    words: ['油烟扰民', '油烟污染', '餐饮油烟', '油烟', '油烟直排', '饭店油烟'],
  },
  {
    code: 'CG-012',
    name: '对施工工地未采取扬尘防治措施的行政处罚',
    words: ['工地扬尘', '施工扬尘', '扬尘污染', '扬尘', '工地灰尘', '渣土未覆盖'],
  },
  {
    code: 'CG-013',
    name: '对夜间施工噪声扰民的行政处罚',
    words: [
      '施工噪音',
      '施工噪声',
      '施工扰民',
      '夜间施工',
      '夜间施工扰民',
      '施工噪音扰民',
      '夜间施工噪音',
      '工地噪音',
    ],
  },
  {
    code: 'CG-014',
    name: '对商业经营活动使用高音广播喇叭招揽顾客的行政处罚',
    words: [
      '高音喇叭',
      '喇叭扰民',
      '商业噪音',
      '音响扰民',
      '商铺噪音',
      '喇叭',
      '店铺喇叭',
      '叫卖喇叭',
      '音响',
    ],
  },
  {
    code: 'CG-015',
    name: '对损毁城市绿地、擅自占用绿地的行政处罚',
    words: ['毁绿占绿', '侵占绿地', '损坏绿地', '毁坏绿化', '毁绿', '占绿', '绿化带被毁', '踩踏绿地'],
  },
  {
    code: 'CG-016',
    name: '对临街阳台、窗外堆放吊挂有碍市容物品的行政处罚',
    words: ['沿街晾挂', '乱晾乱挂', '阳台堆物', '晾晒', '窗外吊挂', '阳台吊挂'],
  },
  {
    code: 'CG-017',
    name: '对城市道路上擅自设置障碍物的行政处罚',
    words: [
      '道路设障',
      '占道设障',
      '私设路障',
      '私装地锁',
      '乱堆物堆料',
      '占道堆物',
      '乱堆乱放',
      '路障',
      '地锁',
      '地桩',
      '占道堆放',
    ],
  },
  {
    code: 'CG-018',
    name: '对单位和个人未履行门前三包责任的行政处罚',
    words: ['门前三包', '门前脏乱', '门前卫生', '门前脏乱差'],
  },
  {
    code: 'CG-019',
    name: '对未按规定分类投放生活垃圾的行政处罚',
    words: ['垃圾分类', '垃圾未分类投放', '分类投放', '垃圾混投'],
  },
  {
    code: 'SC-002',
    name: '对无照经营行为的行政处罚',
    words: ['无照经营', '无证经营'],
  },
  {
    code: 'SC-003',
    name: '对食品摊贩未进行登记卡备案从事经营的行政处罚',
    words: ['食品摊贩', '摆摊卖食品'],
  },
  {
    code: 'SC-004',
    name: '对销售超过保质期食品的行政处罚',
    words: ['过期食品', '卖过期食品'],
  },
  {
    code: 'SC-008',
    name: '对价格欺诈、不明码标价的行政处罚',
    words: ['价格欺诈', '不明码标价', '乱收费'],
  },
  {
    code: 'GH-003',
    name: '对擅自搭建建筑物、构筑物的行政强制',
    words: [
      '违章搭建',
      '违法搭建',
      '私搭乱建',
      '乱搭乱建',
      '违章建筑',
      '违建',
      '违搭',
      '私搭',
      '乱搭建',
      '加盖',
    ],
  },
  {
    code: 'GH-005',
    name: '对施工单位未设置围挡的行政处罚',
    words: ['工地未设围挡', '围挡缺失', '围挡', '工地围挡'],
  },
  {
    code: 'GH-010',
    name: '对建设单位未按规定处置施工泥浆的行政处罚',
    words: ['施工泥浆', '泥浆外溢'],
  },
  {
    code: 'GH-011',
    name: '对违法建设的查封施工现场的行政强制',
    words: ['违建查封', '查封违建工地'],
  },
  {
    code: 'ST-001',
    name: '对露天焚烧垃圾、落叶的行政处罚',
    words: ['焚烧垃圾', '焚烧树叶', '焚烧垃圾树叶', '露天焚烧', '烧垃圾', '烧树叶', '焚烧落叶'],
  },
  {
    code: 'ST-002',
    name: '对企业超标排放水污染物的行政处罚',
    words: ['污水直排', '企业排污', '废水排放'],
  },
  {
    code: 'ST-003',
    name: '对企业违规排放大气污染物的行政处罚',
    words: ['废气排放', '工厂废气', '企业排废气'],
  },
  {
    code: 'ST-004',
    name: '对工业企业噪声超标的行政处罚',
    words: ['工业噪音', '工厂噪音', '工厂噪声', '企业噪音'],
  },
  {
    code: 'ST-007',
    name: '对餐饮、汽修等服务业噪声扰民的行政处罚',
    words: [
      '噪音扰民',
      '噪声扰民',
      '社会生活噪声',
      '汽修噪音',
      '餐饮噪音',
      '噪音',
      '噪声',
      '汽修噪声',
      '饭店噪音',
      '广场舞噪音',
    ],
  },
  {
    code: 'ST-009',
    name: '对焚烧沥青、塑料等产生有毒有害烟尘的行政处罚',
    words: ['焚烧塑料', '焚烧轮胎', '焚烧沥青', '烧塑料', '烧轮胎', '有毒烟尘'],
  },
  {
    code: 'NY-001',
    name: '对露天焚烧秸秆的行政处罚',
    words: ['焚烧秸秆', '秸秆焚烧', '烧秸秆', '秸秆'],
  },
  {
    code: 'NY-003',
    name: '对电鱼、毒鱼、炸鱼的行政处罚',
    words: ['电鱼', '毒鱼', '炸鱼', '非法捕鱼'],
  },
  {
    code: 'NY-005',
    name: '对未经检疫屠宰、销售动物产品的行政处罚',
    words: ['私屠滥宰', '私宰'],
  },
  {
    code: 'NY-006',
    name: '对未按规定处理病死畜禽的行政处罚',
    words: ['病死畜禽', '乱丢病死畜禽'],
  },
  {
    code: 'YJ-002',
    name: '对占用、堵塞消防车通道的行政处罚',
    words: ['占用消防通道', '堵塞消防通道', '消防通道堵塞', '消防通道', '消防车通道', '堵消防通道'],
  },
  {
    code: 'YJ-003',
    name: '对电动自行车在楼道内充电停放的行政处罚',
    words: [
      '飞线充电',
      '楼道充电',
      '电动车楼道充电',
      '电瓶车充电',
      '电动车充电',
      '电瓶车',
      '楼道停车',
      '楼道电动车',
    ],
  },
  {
    code: 'YJ-004',
    name: '对非法经营烟花爆竹的行政处罚',
    words: ['非法销售烟花爆竹', '烟花爆竹', '烟花', '鞭炮', '卖鞭炮'],
  },
  {
    code: 'YJ-005',
    name: '对小型经营场所违规住人的行政处罚',
    words: ['三合一场所', '违规住人'],
  },
  {
    code: 'SW-001',
    name: '对在河道管理范围内违法建设的行政处罚',
    words: ['河道违建', '河道内建房'],
  },
  {
    code: 'SW-003',
    name: '对向河道倾倒垃圾、渣土的行政处罚',
    words: ['河道垃圾', '水域不洁', '河道倾倒垃圾', '河道倒垃圾', '河里倒垃圾'],
  },
  {
    code: 'SW-004',
    name: '对非法采砂、取土的行政处罚',
    words: ['非法采砂', '偷采砂石', '乱挖沙'],
  },
  {
    code: 'WS-001',
    name: '对公共场所未落实控烟措施的行政处罚',
    words: ['公共场所吸烟', '控烟'],
  },
  {
    code: 'WL-001',
    name: '对互联网上网服务营业场所接纳未成年人的行政处罚',
    words: ['网吧接纳未成年人', '网吧未成年人'],
  },
  {
    code: 'WL-002',
    name: '对娱乐场所超时营业的行政处罚',
    words: ['娱乐场所超时营业', 'KTV超时营业'],
  },
  {
    code: 'JT-001',
    name: '对擅自占用公路、在公路上堆放物品的行政处罚',
    words: ['公路堆物', '占用公路', '公路堆放', '公路晒粮'],
  },
  {
    code: 'JT-002',
    name: '对在公路建筑控制区内修建建筑物的行政处罚',
    words: ['公路边违建', '公路控制区建房'],
  },
  {
    code: 'ZR-001',
    name: '对农村村民未经批准非法占用土地建住宅的行政处罚',
    words: ['非法占地建房', '违法占地建房', '农村违建', '违建住宅', '占地建房'],
  },
  {
    code: 'ZR-006',
    name: '对擅自砍伐林木的行政处罚',
    words: ['乱砍滥伐', '砍伐树木', '砍树', '乱砍树木'],
  },
  {
    code: 'MZ-001',
    name: '对在公墓以外区域建造坟墓的行政处罚',
    words: ['乱埋乱葬', '私建坟墓', '乱建坟'],
  },
  {
    code: 'MZ-003',
    name: '对殡葬活动占道搭棚的行政处罚',
    words: ['丧事占道', '占道搭棚'],
  },
];
