/**
 * Which property of an imported layer holds which field of a grid, patrol area or boundary.
 * {@link guessMapping} proposes one from the property names surveying bureaus and GIS tools commonly
 * write (Chinese, pinyin initials such as WGBM 网格编码, English) and from the values (15-digit grid
 * codes, phone numbers, #rrggbb colours); the wizard shows it and lets the operator change it. A
 * mapping is plain data: field → property name, a field left out is not read.
 */
import type { GeoFeature } from '../geo';
import { normaliseHeader } from '../mapping';

/** The fields of each layer kind, in the order the wizard lists them. */
export const CENTRE_FIELDS = {
  boundary: ['name', 'code'],
  grids: [
    'code',
    'name',
    'communityCode',
    'communityName',
    'patrolArea',
    'team',
    'gridWorkerName',
    'gridWorkerPhone',
  ],
  patrolAreas: ['id', 'name', 'team', 'color'],
  /** 地名: a list of named places (points, roads, settlements) for 事件定位's search and the map. */
  places: ['name', 'kind'],
} as const;

export type CentreLayerKind = keyof typeof CENTRE_FIELDS;
export type CentreField<K extends CentreLayerKind> = (typeof CENTRE_FIELDS)[K][number];
/** Field → property name as written in the file. */
export type FieldMapping<K extends CentreLayerKind> = Readonly<Partial<Record<CentreField<K>, string>>>;

interface Synonyms {
  /** The normalised property name equals one of these; earlier ones are preferred. */
  readonly exact: readonly string[];
  /** The normalised name contains one of these (specific words only). */
  readonly contains: readonly string[];
}

const GRID_SYNONYMS: Readonly<Record<CentreField<'grids'>, Synonyms>> = {
  code: {
    exact: [
      '网格编码',
      '网格编号',
      '网格代码',
      '网格号',
      'wgbm',
      'wgbh',
      'wgdm',
      'gridcode',
      'gridid',
      'gridno',
      '编码',
      '编号',
      '代码',
      'code',
      'bm',
      'bh',
      'dm',
      'id',
    ],
    contains: ['网格编码', '网格编号', '网格代码', 'gridcode', 'wgbm'],
  },
  name: {
    exact: ['网格名称', '网格名', 'wgmc', 'gridname', '名称', '名字', 'mc', 'name'],
    contains: ['网格名称', 'wgmc', 'gridname'],
  },
  communityCode: {
    exact: [
      '社区编码',
      '社区编号',
      '社区代码',
      '村社区编码',
      '所属社区编码',
      '村编码',
      '村编号',
      'sqbm',
      'sqdm',
      'sqbh',
      'communitycode',
      'communityid',
    ],
    contains: ['社区编码', '社区代码', '社区编号', '村编码', 'communitycode'],
  },
  communityName: {
    exact: [
      '社区',
      '所属社区',
      '社区名称',
      '村社区',
      '所属村社区',
      '社区村',
      '村居',
      '所属村',
      '行政村',
      'sq',
      'sqmc',
      'ssq',
      'sssq',
      'community',
      'communityname',
    ],
    contains: ['社区名称', '所属社区', '社区', '村居', 'community'],
  },
  patrolArea: {
    exact: [
      '片区',
      '巡查片区',
      '所属片区',
      '片区名称',
      '责任片区',
      '片区编号',
      'pq',
      'pqmc',
      'xcpq',
      'sspq',
      'patrolarea',
      'area',
      'zone',
    ],
    contains: ['片区', 'patrolarea'],
  },
  team: {
    exact: [
      '中队',
      '执法中队',
      '所属中队',
      '责任中队',
      '队伍',
      '执法队伍',
      'zd',
      'zdmc',
      'sszd',
      'team',
      'squad',
    ],
    contains: ['中队', '队伍', 'team'],
  },
  gridWorkerName: {
    exact: ['网格员', '网格员姓名', '专职网格员', '网格长', '责任人', 'wgy', 'wgyxm', 'gridworker', 'worker'],
    contains: ['网格员', '网格长', 'gridworker'],
  },
  gridWorkerPhone: {
    exact: [
      '网格员电话',
      '网格员手机',
      '联系电话',
      '电话',
      '手机',
      '手机号',
      'lxdh',
      'dh',
      'sj',
      'phone',
      'tel',
      'mobile',
    ],
    contains: ['电话', '手机', 'phone', 'mobile'],
  },
};

const PATROL_AREA_SYNONYMS: Readonly<Record<CentreField<'patrolAreas'>, Synonyms>> = {
  id: {
    exact: [
      '片区编号',
      '片区编码',
      '片区代码',
      'pqbh',
      'pqbm',
      '编号',
      '编码',
      '代码',
      'bh',
      'bm',
      'id',
      'code',
    ],
    contains: ['片区编号', '片区编码', '片区代码'],
  },
  name: {
    exact: ['片区名称', '片区', '巡查片区', 'pqmc', '名称', '名字', 'mc', 'name'],
    contains: ['片区名称', '名称', 'name'],
  },
  team: GRID_SYNONYMS.team,
  color: {
    exact: ['颜色', '色彩', '显示颜色', 'ys', 'color', 'colour'],
    contains: ['颜色', 'color', 'colour'],
  },
};

const BOUNDARY_SYNONYMS: Readonly<Record<CentreField<'boundary'>, Synonyms>> = {
  name: {
    exact: ['乡镇名称', '街道名称', '名称', '镇名', 'xzmc', 'xzqmc', 'mc', 'name'],
    contains: ['名称', 'name'],
  },
  code: {
    exact: ['区划代码', '行政区划代码', '区划编码', 'xzqdm', 'xzqhdm', 'qhdm', '编码', '代码', 'dm', 'code'],
    contains: ['区划代码', '区划编码', '代码', 'code'],
  },
};

const PLACE_SYNONYMS: Readonly<Record<CentreField<'places'>, Synonyms>> = {
  name: {
    exact: ['标准名称', '地名', '地名名称', '名称', '名字', 'poi名称', 'bzmc', 'dmmc', 'mc', 'name', 'title'],
    contains: ['名称', '地名', 'name'],
  },
  kind: {
    exact: [
      '地名类别',
      '类别',
      '类型',
      '分类',
      '大类',
      'poi类型',
      'dmlb',
      'lb',
      'lx',
      'fl',
      'kind',
      'type',
      'category',
    ],
    contains: ['类别', '类型', '分类', 'type', 'kind', 'category'],
  },
};

const SYNONYMS: { readonly [K in CentreLayerKind]: Readonly<Record<CentreField<K>, Synonyms>> } = {
  boundary: BOUNDARY_SYNONYMS,
  grids: GRID_SYNONYMS,
  patrolAreas: PATROL_AREA_SYNONYMS,
  places: PLACE_SYNONYMS,
};

/**
 * The order of the "contains" pass: more specific fields first, so `社区编码` is the community code
 * (not the code), `网格员电话` the phone (not the worker's name).
 */
const CONTAINS_ORDER: { readonly [K in CentreLayerKind]: readonly CentreField<K>[] } = {
  boundary: ['code', 'name'],
  grids: [
    'communityCode',
    'communityName',
    'gridWorkerPhone',
    'gridWorkerName',
    'patrolArea',
    'team',
    'code',
    'name',
  ],
  patrolAreas: ['id', 'color', 'team', 'name'],
  places: ['kind', 'name'],
};

/** How many features the guess looks at. */
const SAMPLE = 200;
/** Share of the non-empty sampled values that must fit for a guess by values. */
const FIT = 0.8;

/** A property value as text: numbers as written (a DBF numeric code), empty for null. */
export function propertyText(value: unknown): string {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'bigint') return String(value);
  return '';
}

/** The property names of the features (the first {@link SAMPLE}), in the order first met. */
export function propertyNames(features: readonly GeoFeature[]): string[] {
  const names = new Set<string>();
  for (const feature of features.slice(0, SAMPLE))
    for (const key of Object.keys(feature.properties)) names.add(key);
  return [...names];
}

function valuesFit(
  features: readonly GeoFeature[],
  property: string,
  fits: (text: string) => boolean,
): boolean {
  let seen = 0;
  let fit = 0;
  for (const feature of features.slice(0, SAMPLE)) {
    const text = propertyText(feature.properties[property]);
    if (text === '') continue;
    seen++;
    if (fits(text)) fit++;
  }
  return seen > 0 && fit / seen >= FIT;
}

const GRID_CODE = /^\d{15}$/;
const PHONE = /^(1\d{10}|0\d{2,3}-?\d{7,8}|\d{7,8})$/;
const COLOUR = /^#?[0-9a-fA-F]{6}$/;

/**
 * Proposes a property for each field of `kind`: first property names equal to a synonym (earlier
 * synonyms preferred), then names containing a specific word, then values: a property whose values
 * are 15-digit codes is the grid code (it wins over a name-only match such as `ID`), 3-digit values
 * equal to the codes' community part are the community code, phone-like values the grid worker's
 * phone, #rrggbb values the colour. Each property goes to at most one field; fields with no fitting
 * property are left out.
 */
export function guessMapping<K extends CentreLayerKind>(
  kind: K,
  features: readonly GeoFeature[],
): FieldMapping<K> {
  const names = propertyNames(features);
  const normalised = names.map(normaliseHeader);
  const synonyms = SYNONYMS[kind] as Readonly<Record<string, Synonyms>>;
  const fields = CENTRE_FIELDS[kind] as readonly string[];
  const mapping: Record<string, string> = {};
  const used = new Set<string>();
  const take = (field: string, property: string): void => {
    mapping[field] = property;
    used.add(property);
  };

  if (kind === 'grids') {
    const byValue = names.find((name) => valuesFit(features, name, (t) => GRID_CODE.test(t)));
    if (byValue !== undefined) take('code', byValue);
  }
  for (const field of fields) {
    if (mapping[field] !== undefined) continue;
    for (const word of synonyms[field]?.exact ?? []) {
      const k = normalised.findIndex((name, i) => name === word && !used.has(names[i] as string));
      if (k >= 0) {
        take(field, names[k] as string);
        break;
      }
    }
  }
  for (const field of CONTAINS_ORDER[kind] as readonly string[]) {
    if (mapping[field] !== undefined) continue;
    const k = normalised.findIndex(
      (name, i) =>
        name !== '' &&
        !used.has(names[i] as string) &&
        (synonyms[field]?.contains ?? []).some((w) => name.includes(w)),
    );
    if (k >= 0) take(field, names[k] as string);
  }
  const free = (): string[] => names.filter((n) => !used.has(n));
  if (kind === 'grids') {
    const code = mapping['code'];
    if (mapping['communityCode'] === undefined && code !== undefined) {
      const part = (f: GeoFeature): string => propertyText(f.properties[code]).slice(9, 12);
      const fitting = free().find((name) => {
        let seen = 0;
        let fit = 0;
        for (const f of features.slice(0, SAMPLE)) {
          const text = propertyText(f.properties[name]);
          if (text === '') continue;
          seen++;
          if (/^\d{3}$/.test(text) && text === part(f)) fit++;
        }
        return seen > 0 && fit / seen >= FIT;
      });
      if (fitting !== undefined) take('communityCode', fitting);
    }
    if (mapping['gridWorkerPhone'] === undefined) {
      const phone = free().find((name) => valuesFit(features, name, (t) => PHONE.test(t)));
      if (phone !== undefined) take('gridWorkerPhone', phone);
    }
  }
  if (kind === 'patrolAreas' && mapping['color'] === undefined) {
    const colour = free().find((name) => valuesFit(features, name, (t) => COLOUR.test(t)));
    if (colour !== undefined) take('color', colour);
  }
  return mapping as FieldMapping<K>;
}
