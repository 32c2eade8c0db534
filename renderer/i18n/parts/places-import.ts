/** 导入地名: a township's named places from a file (ImportPlacesDialog.vue, shared/import/centre/places.ts). */
export const placesImportMessages = {
  'zh-CN': {
    importPlaces: {
      open: '导入地名…',
      title: '导入地名',
      hint: '导入本镇街的地名地址、兴趣点、道路或村庄（点为兴趣点，线为道路，面为村庄/居民点），供事件定位检索并显示在地图上。可读 Shapefile、GeoJSON、KML/KMZ、GPX、GeoPackage 和带经纬度或 WKT 的 CSV/XLSX；高德、腾讯导出的坐标请在“坐标偏移”中选 GCJ-02。',
      counts: '将新增兴趣点 {pois} 个、道路 {roads} 条、村庄/居民点 {settlements} 个；略过 {skipped} 条',
      examples: '例如：{names}',
      apply: '导入地名',
    },
    places: {
      mapping: { noName: '{file}：请选择“名称”对应的字段' },
      none: '{file}：没有可导入的地名',
      nameMissing: '{file}：{count} 条要素没有名称，已略过（{features}）',
      noGeometry: '{file}：{count} 条要素没有可用的坐标或几何，已略过（{features}）',
      outside: '{file}：{count} 个地名在本镇街边界 1 公里以外，已略过（{features}）',
      duplicate: '{file}：{count} 个地名与已有的同名地名相距不到 50 米，视为重复，已略过（{features}）',
    },
    centreImport: { field: { places: { name: '名称', kind: '类别' } } },
    centreSetup: {
      layer: {
        places: {
          hint: '选择地名文件，再核对“名称”和“类别”字段（类别可不选：兴趣点按名称判断学校、医院、市场等）。',
        },
      },
    },
    imports: {
      kind: { places: '导入地名' },
      count: { places: '地名 {n}' },
      role: { places: '地名' },
    },
  },
  en: {
    importPlaces: {
      open: 'Import places…',
      title: 'Import places',
      hint: "Import the township's named places: addresses, points of interest, roads and villages (points become places, lines roads, areas villages), for Locate's search and the map. Reads Shapefile, GeoJSON, KML/KMZ, GPX, GeoPackage and CSV/XLSX with lon/lat or WKT; for Amap or Tencent exports choose GCJ-02 under datum offset.",
      counts: 'Adds {pois} places, {roads} roads and {settlements} villages; {skipped} left out',
      examples: 'For example: {names}',
      apply: 'Import places',
    },
    places: {
      mapping: { noName: '{file}: choose the field that holds the name' },
      none: '{file}: no place to import',
      nameMissing: '{file}: {count} features have no name and were left out ({features})',
      noGeometry:
        '{file}: {count} features have no usable coordinates or geometry and were left out ({features})',
      outside:
        "{file}: {count} places lie more than 1 km outside the township's boundary and were left out ({features})",
      duplicate:
        '{file}: {count} places are within 50 m of a place of the same name and were left out as duplicates ({features})',
    },
    centreImport: { field: { places: { name: 'Name', kind: 'Category' } } },
    centreSetup: {
      layer: {
        places: {
          hint: 'Choose the places file, then check the Name and Category fields (Category is optional: places are sorted into schools, hospitals, markets… by name).',
        },
      },
    },
    imports: {
      kind: { places: 'Places imported' },
      count: { places: 'places {n}' },
      role: { places: 'Places' },
    },
  },
} as const;
