/**
 * Texts of setting up a centre from a township's own files (shared/import/centre): the problems and
 * notices of the grid, patrol-area and boundary steps and of the assembly (`centreImport.*`, with
 * `file`, `feature` numbered from 1, `field` as written in the file, areas in m²), and the names of
 * the fields the mapping step offers (`centreImport.field.<kind>.<field>`). Geometry problems keep
 * the readers' `geoImport.geometry.*` texts.
 */
export const centreImportMessages = {
  'zh-CN': {
    centreImport: {
      field: {
        boundary: { name: '名称', code: '区划代码' },
        grids: {
          code: '网格编码',
          name: '网格名称',
          communityCode: '社区（村）编码',
          communityName: '社区（村）名称',
          patrolArea: '所属片区',
          team: '执法中队',
          gridWorkerName: '网格员',
          gridWorkerPhone: '网格员电话',
        },
        patrolAreas: { id: '片区编号', name: '片区名称', team: '执法中队', color: '颜色' },
      },
      mapping: {
        noCode: '{file}：请指定哪个字段是网格编码',
        noName: '{file}：请指定哪个字段是片区名称或片区编号',
      },
      geometry: {
        notArea: '{file} 第 {feature} 个要素是 {type}，不是面，无法作为区域导入',
      },
      code: {
        missing: '{file} 第 {feature} 个要素：“{field}”为空，网格必须有编码',
        length: '{file} 第 {feature} 个要素：“{field}”的值“{value}”有 {length} 位，网格编码应为 15 位数字',
        nonDigit: '{file} 第 {feature} 个要素：“{field}”的值“{value}”含非数字字符，网格编码只能是数字',
        province:
          '{file} 第 {feature} 个要素：网格编码“{value}”（“{field}”）以 {prefix} 开头，不是有效的省级区划代码',
        countyZero: '{file} 第 {feature} 个要素：网格编码“{value}”（“{field}”）缺少县级区划部分',
        townshipZero: '{file} 第 {feature} 个要素：网格编码“{value}”（“{field}”）的乡镇（街道）部分为 000',
        communityZero: '{file} 第 {feature} 个要素：网格编码“{value}”（“{field}”）的社区（村）部分为 000',
        sequenceZero: '{file} 第 {feature} 个要素：网格编码“{value}”（“{field}”）的顺序码为 000',
        otherTownship:
          '{file} 第 {feature} 个要素：网格编码“{value}”（“{field}”）以 {actual} 开头，本中心的网格编码应以 {expected} 开头',
        duplicate: '{file} 第 {feature} 个要素：网格编码“{value}”（“{field}”）与第 {firstFeature} 个要素重复',
      },
      grid: {
        nameMissing: '{file} 第 {feature} 个要素（{code}）没有网格名称，将以编码作为名称',
        overlap:
          '{file} 第 {feature} 个要素（{code}）与第 {otherFeature} 个要素（{otherCode}）重叠 {areaM2} 平方米，约在（{lon}，{lat}）',
        gap: '{file} 中网格之间有 {areaM2} 平方米未被任何网格覆盖，约在（{lon}，{lat}），周边为第 {features} 个要素（{codes}）',
        overlayFailed: '{file}：无法计算第 {features} 个要素的叠加关系（{message}），请检查几何图形',
        outsideBoundary: '{file} 第 {feature} 个要素（{code}）完全在镇（街道）边界之外',
        partlyOutside:
          '{file} 第 {feature} 个要素（{code}）有 {areaM2} 平方米（{percent}%）在镇（街道）边界之外',
        communityMismatch:
          '{file} 第 {feature} 个要素：“{field}”为 {value}，但网格编码 {code} 中的社区（村）部分为 {part}，以编码为准',
        communityNameConflict:
          '{file} 第 {feature} 个要素：社区（村）{community} 的名称“{value}”（“{field}”）与之前的“{name}”不同，使用“{name}”',
        patrolAreaMissing: '{file} 第 {feature} 个要素（{code}）：“{field}”为空，每个网格都须属于一个片区',
        unknownPatrolArea: '{file} 第 {feature} 个要素：“{field}”的值“{value}”不是已导入的片区',
        outsidePatrolAreas: '{file} 第 {feature} 个要素（{code}）不在任何已导入的片区内',
        inTwoPatrolAreas:
          '{file} 第 {feature} 个要素（{code}）同时位于片区“{patrolArea}”和“{otherPatrolArea}”内，请修正片区边界',
        noPatrolArea: '{file}：无法确定网格所属片区：请指定片区或执法中队字段，或先导入片区文件',
        teamConflict:
          '{file}：片区“{patrolArea}”的网格中“{field}”不一致，多数为“{team}”，也有“{others}”；片区归“{team}”',
        noGridWorker: '{file}：{count} 个网格没有网格员，将先标为“待配备”，之后可以补录',
      },
      community: {
        nameMissing: '{file}：社区（村）{community} 没有名称，将以编码作为名称',
      },
      team: {
        unknown: '{file} 第 {feature} 个要素：“{field}”的值“{value}”不是已录入的执法中队',
        missing: '{file}：片区“{patrolArea}”没有指定执法中队',
      },
      patrolArea: {
        unnamed: '{file} 第 {feature} 个要素既没有片区名称也没有片区编号',
        nameMissing: '{file} 第 {feature} 个要素没有片区名称，将以编号“{id}”作为名称',
        duplicate: '{file} 第 {feature} 个要素：片区“{value}”（“{field}”）与第 {firstFeature} 个要素重复',
        badColor: '{file} 第 {feature} 个要素：“{field}”的值“{value}”不是颜色（如 #2e86ab），将自动配色',
        colourAssigned: '{file}：{count} 个片区没有颜色，已自动配色',
        noGrids: '{file}：片区“{name}”内没有网格',
        overlap:
          '{file} 第 {feature} 个要素（{name}）与第 {otherFeature} 个要素（{otherName}）重叠 {areaM2} 平方米，约在（{lon}，{lat}）',
      },
      boundary: {
        noFeatures: '{file} 中没有可用作镇（街道）边界的面',
        dissolved: '{file} 有 {count} 个面，已合并为一个镇（街道）边界',
        fromGrids: '没有边界文件：镇（街道）边界由 {file} 的 {count} 个网格合并而成',
        codeMismatch:
          '{file} 第 {feature} 个要素：“{field}”为 {value}，与本中心的区划代码 {expected} 不符，请确认是本镇（街道）的边界',
      },
      gridWorker: {
        unknownGrid: '{file} 第 {row} 行：“{field}”中的网格编码 {code} 不在网格文件中',
        gridTwice: '{file} 第 {row} 行：网格 {code}（“{field}”）已在第 {firstRow} 行分给另一名网格员',
        noGrid: '{file} 第 {row} 行：网格员{name}没有负责的网格，先录入，之后可以分配',
        replacesFile: '{file} 第 {row} 行：网格 {code} 的网格员按本表为{name}（网格文件中为{fileName}）',
      },
      matter: {
        replacesCatalogue: '{file}：{count} 个事项编码与内置目录相同，以本表为准：{codes}',
      },
      assemble: {
        noGrids: '还没有网格：请先导入网格',
        noMatters: '还没有执法事项：请导入事项清单，或以内置示例事项为起点',
        teamWithoutOfficer: '执法中队“{team}”还没有执法人员：每个中队至少需要一名执法人员',
      },
    },
  },
  en: {
    centreImport: {
      field: {
        boundary: { name: 'Name', code: 'Division code' },
        grids: {
          code: 'Grid code',
          name: 'Grid name',
          communityCode: 'Community code',
          communityName: 'Community name',
          patrolArea: 'Patrol area',
          team: 'Team',
          gridWorkerName: 'Grid worker',
          gridWorkerPhone: 'Grid worker phone',
        },
        patrolAreas: { id: 'Patrol area id', name: 'Patrol area name', team: 'Team', color: 'Colour' },
      },
      mapping: {
        noCode: '{file}: choose the field that holds the grid code',
        noName: '{file}: choose the field that holds the patrol area name or id',
      },
      geometry: {
        notArea: '{file} feature {feature} is a {type}, not an area, and cannot be imported as one',
      },
      code: {
        missing: '{file} feature {feature}: "{field}" is empty; every grid needs a code',
        length:
          '{file} feature {feature}: "{field}" is "{value}", {length} digits; a grid code has 15 digits',
        nonDigit: '{file} feature {feature}: "{field}" is "{value}", which has characters other than digits',
        province:
          '{file} feature {feature}: grid code "{value}" ("{field}") starts with {prefix}, which is not a province code',
        countyZero: '{file} feature {feature}: grid code "{value}" ("{field}") has no county part',
        townshipZero: '{file} feature {feature}: grid code "{value}" ("{field}") has township part 000',
        communityZero: '{file} feature {feature}: grid code "{value}" ("{field}") has community part 000',
        sequenceZero: '{file} feature {feature}: grid code "{value}" ("{field}") has sequence 000',
        otherTownship:
          '{file} feature {feature}: grid code "{value}" ("{field}") starts with {actual}; this centre\'s grid codes start with {expected}',
        duplicate: '{file} feature {feature}: grid code "{value}" ("{field}") repeats feature {firstFeature}',
      },
      grid: {
        nameMissing: '{file} feature {feature} ({code}) has no grid name; its code is used as the name',
        overlap:
          '{file} feature {feature} ({code}) overlaps feature {otherFeature} ({otherCode}) by {areaM2} m², near ({lon}, {lat})',
        gap: '{file}: {areaM2} m² near ({lon}, {lat}) is covered by no grid; around it are features {features} ({codes})',
        overlayFailed:
          '{file}: the overlay of features {features} could not be computed ({message}); check their geometry',
        outsideBoundary: '{file} feature {feature} ({code}) lies wholly outside the township boundary',
        partlyOutside:
          '{file} feature {feature} ({code}) has {areaM2} m² ({percent}%) outside the township boundary',
        communityMismatch:
          '{file} feature {feature}: "{field}" is {value} but the community part of grid code {code} is {part}; the code is used',
        communityNameConflict:
          '{file} feature {feature}: community {community} is named "{value}" ("{field}") here but "{name}" before; "{name}" is used',
        patrolAreaMissing:
          '{file} feature {feature} ({code}): "{field}" is empty; every grid must belong to a patrol area',
        unknownPatrolArea:
          '{file} feature {feature}: "{field}" is "{value}", which is not an imported patrol area',
        outsidePatrolAreas: '{file} feature {feature} ({code}) lies in none of the imported patrol areas',
        inTwoPatrolAreas:
          '{file} feature {feature} ({code}) lies in both patrol areas "{patrolArea}" and "{otherPatrolArea}"; correct their outlines',
        noPatrolArea:
          '{file}: no way to tell which patrol area each grid belongs to: choose a patrol area or team field, or import patrol areas first',
        teamConflict:
          '{file}: the grids of patrol area "{patrolArea}" name different teams in "{field}": mostly "{team}", also "{others}"; the area goes to "{team}"',
        noGridWorker:
          '{file}: {count} grids have no grid worker; they are marked vacant until one is entered',
      },
      community: {
        nameMissing: '{file}: community {community} has no name; its code is used as the name',
      },
      team: {
        unknown: '{file} feature {feature}: "{field}" is "{value}", which is not an entered team',
        missing: '{file}: patrol area "{patrolArea}" names no team',
      },
      patrolArea: {
        unnamed: '{file} feature {feature} has neither a patrol area name nor an id',
        nameMissing: '{file} feature {feature} has no patrol area name; its id "{id}" is used as the name',
        duplicate:
          '{file} feature {feature}: patrol area "{value}" ("{field}") repeats feature {firstFeature}',
        badColor:
          '{file} feature {feature}: "{field}" is "{value}", which is not a colour (such as #2e86ab); a colour is assigned',
        colourAssigned: '{file}: {count} patrol areas had no colour; colours were assigned',
        noGrids: '{file}: patrol area "{name}" holds no grid',
        overlap:
          '{file} feature {feature} ({name}) overlaps feature {otherFeature} ({otherName}) by {areaM2} m², near ({lon}, {lat})',
      },
      boundary: {
        noFeatures: '{file} has no area that can serve as the township boundary',
        dissolved: '{file} has {count} areas; they were merged into one township boundary',
        fromGrids: 'No boundary file: the township boundary is the union of the {count} grids of {file}',
        codeMismatch:
          '{file} feature {feature}: "{field}" is {value}, which does not match this centre\'s division code {expected}; check that it is this township\'s boundary',
      },
      gridWorker: {
        unknownGrid: '{file} row {row}: grid code {code} in "{field}" is not in the grids file',
        gridTwice:
          '{file} row {row}: grid {code} ("{field}") was already given to another worker on row {firstRow}',
        noGrid: '{file} row {row}: grid worker {name} answers for no grid yet; one can be assigned later',
        replacesFile:
          '{file} row {row}: grid {code} goes to {name} as this sheet says (the grids file names {fileName})',
      },
      matter: {
        replacesCatalogue:
          "{file}: {count} matter codes are also in the built-in catalogue; this sheet's rows are used: {codes}",
      },
      assemble: {
        noGrids: 'There are no grids yet: import the grids first',
        noMatters:
          'There are no enforcement matters yet: import the list, or start from the built-in sample matters',
        teamWithoutOfficer: 'Team "{team}" has no officers yet: every team needs at least one officer',
      },
    },
  },
} as const;
