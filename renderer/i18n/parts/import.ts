/**
 * Texts of the 12345 hotline import (`import.*` keys from shared/import) and the names of its target
 * fields (`importField.*`, for the column-mapping dialog). Row messages get `file`, `row`, `column`,
 * and `value` when the cell had one; some add `firstRow`, `candidates`, `lon`, `lat`.
 */
export const importMessages = {
  'zh-CN': {
    import: {
      title: '导入12345热线工单',
      chooseFile: '选择导出文件（CSV 或 Excel）',
      coordSystem: '坐标系',
      coordWgs84: 'WGS84 / CGCS2000（GPS、天地图）',
      coordGcj02: 'GCJ-02（高德、腾讯）',
      coordBd09: 'BD-09（百度）',
      defaultMatter: '无法归类时使用的执法事项',
      mappingTitle: '字段对应',
      unmapped: '（不导入）',
      summary: '共 {total} 行：可导入 {accepted} 行，退回 {rejected} 行',
      noLocationNote: '{count} 条工单只有地址、没有坐标，导入后请在地图上标注位置',
      unmappedField: '请为“{field}”选择对应的列',
      notXlsx: '{file} 不是有效的 Excel（.xlsx）文件，也无法作为 CSV 读取',
      noWorksheet: '{file} 中没有工作表',
      emptyFile: '{file} 是空文件，没有表头和数据',
      missingField: '{file} 第 {row} 行：“{column}”为空',
      badDate: '{file} 第 {row} 行：“{column}”的值“{value}”不是可识别的时间（例如 2026-11-20 09:15:00）',
      badCoordinate: '{file} 第 {row} 行：“{column}”的值“{value}”不是有效坐标',
      coordinateOutsideChina: '{file} 第 {row} 行：坐标（{lon}，{lat}）不在中国境内，请检查',
      coordinatesSwapped: '{file} 第 {row} 行：坐标（{lon}，{lat}）的经度和纬度似乎填反了',
      missingPlace: '{file} 第 {row} 行：既没有坐标也没有地址，无法确定位置',
      unknownCategory: '{file} 第 {row} 行：“{column}”的值“{value}”对应不到任何执法事项',
      ambiguousCategory: '{file} 第 {row} 行：“{column}”的值“{value}”可对应多个执法事项：{candidates}',
      badUrgency: '{file} 第 {row} 行：“{column}”的值“{value}”不是一般、紧急或特急',
      duplicateRef: '{file} 第 {row} 行：工单编号“{value}”与第 {firstRow} 行重复',
      refExists: '{file} 第 {row} 行：工单编号“{value}”已经导入过',
    },
    importField: {
      externalRef: '工单编号',
      reportedAt: '来电时间',
      description: '诉求内容',
      address: '事发地址',
      lon: '经度',
      lat: '纬度',
      category: '诉求分类',
      urgency: '紧急程度',
      reporterName: '来电人',
      reporterPhone: '联系电话',
    },
    importReview: {
      crsTitle: '坐标系',
      crsAsk: '文件没有注明坐标系，请选择。选错会让每个点偏移约 500 米（例如把 GCJ-02 当作 WGS84）。',
      crsStated: '文件注明（{header}）',
      crsRemembered: '按此来源上次的选择',
      crsFit: '{inside}/{total} 个点在{township}内',
      crsSuggested: '建议',
      crsNoHint: '三种坐标系下落在镇域内的点一样多，无法据位置判断；多数12345平台导出 GCJ-02。',
      crsPending: '请先选择坐标系，再预览和导入',
      categoryTitle: '未能归类的诉求分类：每类选择一次，下次同一来源自动使用',
      categoryColumn: '诉求分类',
      rowsColumn: '行数',
      matterColumn: '执法事项',
      categoryPick: '选择执法事项',
      categoryRemembered: '上次的选择',
      candidates: '可能是：{candidates}',
      mapTitle: '导入预览：{inside} 个点在镇域内，{outside} 个在镇域外',
      sourceKnown: '来源：{label}（沿用上次的坐标系和分类对应）',
      sourceNew: '新来源：导入后记住本次的坐标系和分类对应',
      descriptionFallback: '文件没有诉求内容列，描述将由诉求分类和地址生成',
      rememberFailed: '未能记住此来源的选择：{reason}',
    },
    geoImport: {
      file: {
        empty: '{file} 是空文件',
        tooBig: '{file} 大小为 {size} MB，超过此类文件的上限 {limit} MB，未读取',
        unknownType: '无法读取 {file}：请选择以下类型的文件：{types}',
        notZip: '{file} 不是完整的 ZIP 压缩文件（可能下载或复制不完整），请重新获取',
      },
      json: {
        bad: '{file} 不是有效的 JSON 文件（内容不完整或有语法错误）',
        notGeoJson: '{file} 不是 GeoJSON：第 {feature} 个要素不是有效的 Feature（0 表示整个文件）',
      },
      xml: {
        bad: '{file} 不是有效的 KML/GPX 文件（XML 内容不完整或有语法错误）',
        noFeatures: '{file} 中没有任何地标、轨迹或航点',
      },
      kmz: { noKml: '{file} 中没有 .kml 文件' },
      shp: {
        noShapefile: '{file} 中没有 Shapefile（.shp）',
        missingPart: '{file} 中的图层“{layer}”缺少 {parts}：Shapefile 须包含 .shp、.shx 和 .dbf，请一起压缩',
        severalLayers: '{file} 中有多个图层：{layers}，请选择一个',
        badFile: '{file} 中的 {part} 已损坏或不完整',
        recordCountMismatch:
          '{file} 中图层“{layer}”的各部分记录数不一致（.shp {shp} 条，.shx {shx} 条，.dbf {dbf} 条），文件可能不完整',
      },
      gpkg: {
        noSqlite: '无法读取 GeoPackage 文件 {file}：SQLite 组件未加载，请重试；仍不行请联系技术支持',
        notSqlite: '{file} 不是 GeoPackage 文件（不是 SQLite 数据库）',
        badFile: '{file} 已损坏或不完整（可能下载或复制不完整），请重新获取',
        notGeoPackage: '{file} 是 SQLite 数据库，但不是 GeoPackage（缺少 gpkg_contents 等表）',
        noFeatures: '{file} 中没有矢量要素图层（只有瓦片或属性表）',
        severalLayers: '{file} 中有多个要素图层：{layers}，请选择一个',
        unknownLayer: '{file} 中没有图层“{layer}”，其中的图层有：{layers}',
        badGeometry: '{file} 中图层“{layer}”第 {feature} 个要素的几何字段“{column}”已损坏，无法读取',
      },
      table: {
        noGeometryColumns:
          '{file} 中找不到位置列：需要 WKT 几何列（如 WKT、geometry、几何）或一对坐标列（经度/纬度、lon/lat、X坐标/Y坐标）。现有的列：{columns}',
        noRows: '{file} 只有表头，没有数据行',
        badWkt: '{file} 第 {row} 行：“{column}”不是有效的 WKT（约第 {at} 个字符处有误）：{value}',
        badCoordinate: '{file} 第 {row} 行：“{column}”的值“{value}”不是有效坐标',
        missingGeometry: '{file} 第 {row} 行：“{column}”为空，这一行没有位置或图形',
        moreProblems: '{file} 另有 {count} 行有同类问题，未逐一列出',
        axesSwapped:
          '{file} 的“{x}”是北向（纵）坐标、“{y}”是东向（横）坐标（测量坐标的写法），已按此读取，请在地图上核对位置',
      },
      encoding: {
        guessed: '{file}（{layer}）没有 .cpg 编码说明，按内容判断为 {encoding}。请确认属性显示正确：{sample}',
        unknownCpg: '{file}（{layer}）的 .cpg 写的编码“{cpg}”无法识别，已按内容判断',
        cpgWrong:
          '{file}（{layer}）的 .cpg 写的是“{cpg}”，但属性表不是这种编码，已按 {encoding} 读取。请确认：{sample}',
      },
      crs: {
        projectedWithoutPrj:
          '{file} 没有坐标系说明（.prj），坐标是投影坐标（X {minX}～{maxX}，Y {minY}～{maxY}）。请选择坐标系；可能的有：{zones}',
        projectedWithoutCrs:
          '{file} 没有注明坐标系，坐标却是投影坐标（X {minX}～{maxX}，Y {minY}～{maxY}）。请选择坐标系；可能的有：{zones}',
        assumedLonLat:
          '{file} 没有坐标系说明（.prj），坐标看起来是经纬度，已按 WGS84/CGCS2000 读取，请在地图上核对位置',
        assumedLonLatNoCrs:
          '{file} 没有注明坐标系，坐标看起来是经纬度，已按 WGS84/CGCS2000 读取；如果来自高德或百度地图，请改选 GCJ-02 或 BD-09，并在地图上核对位置',
        assumedWgs84ForKml:
          '{file} 按 KML/GPX 标准视为 WGS84 经纬度；如果是在高德或百度地图上绘制的，请改选 GCJ-02 或 BD-09',
        unsupported: '{file} 的坐标系“{name}”暂不支持，请先在 QGIS 或 ArcGIS 中转换为 CGCS2000',
        badPrj: '{file} 中的 {part} 不是可识别的坐标系说明',
        outsideChina: '{file} 的数据位于（{lon}，{lat}），不在中国境内，请检查坐标系',
      },
      datum: {
        notLonLat:
          '{file} 是投影坐标，不是经纬度：GCJ-02、BD-09 坐标偏移（所选：{datum}）只适用于经纬度，请把坐标偏移改回 WGS84/CGCS2000',
        hintKml: '{file} 的文档信息写有“{evidence}”',
        hintColumns: '{file} 的列名“{evidence}”',
      },
      geometry: {
        missing: '{file} 第 {feature} 个要素没有几何图形',
        nonFinite: '{file} 第 {feature} 个要素的坐标中有非数值（NaN 或无穷大）',
        ringTooShort: '{file} 第 {feature} 个要素的第 {ring} 个环只有 {count} 个点，面至少需要 3 个不同的点',
        ringNotClosed: '{file} 第 {feature} 个要素的第 {ring} 个环没有闭合（首尾点不同），可自动闭合',
        selfIntersects:
          '{file} 第 {feature} 个要素的边界自相交（如“8”字形），交点约在（{lon}，{lat}），请在源数据中修正',
        wrongOrientation:
          '{file} 第 {feature} 个要素有 {rings} 个环方向相反（首个为第 {ring} 个环），可自动调整方向',
      },
    },
    importSources: {
      notAllowed: '只有值班员或带班领导可以保存导入来源的设置',
    },
  },
  en: {
    import: {
      title: 'Import 12345 hotline cases',
      chooseFile: 'Choose an export file (CSV or Excel)',
      coordSystem: 'Coordinate system',
      coordWgs84: 'WGS84 / CGCS2000 (GPS, Tianditu)',
      coordGcj02: 'GCJ-02 (Amap, Tencent)',
      coordBd09: 'BD-09 (Baidu)',
      defaultMatter: 'Matter for rows that fit none',
      mappingTitle: 'Columns',
      unmapped: '(not imported)',
      summary: '{total} rows: {accepted} to import, {rejected} refused',
      noLocationNote: '{count} cases have an address but no coordinates: place them on the map after import',
      unmappedField: 'Choose the column for "{field}"',
      notXlsx: '{file} is not a valid Excel (.xlsx) file and cannot be read as CSV',
      noWorksheet: '{file} has no worksheet',
      emptyFile: '{file} is empty: no header and no data',
      missingField: '{file} row {row}: "{column}" is empty',
      badDate:
        '{file} row {row}: "{column}" value "{value}" is not a time we can read (e.g. 2026-11-20 09:15:00)',
      badCoordinate: '{file} row {row}: "{column}" value "{value}" is not a valid coordinate',
      coordinateOutsideChina: '{file} row {row}: coordinates ({lon}, {lat}) are outside China; please check',
      coordinatesSwapped:
        '{file} row {row}: coordinates ({lon}, {lat}) look like longitude and latitude swapped',
      missingPlace: '{file} row {row}: neither coordinates nor an address, so the place is unknown',
      unknownCategory: '{file} row {row}: "{column}" value "{value}" fits no enforcement matter',
      ambiguousCategory: '{file} row {row}: "{column}" value "{value}" fits several matters: {candidates}',
      badUrgency:
        '{file} row {row}: "{column}" value "{value}" is not 一般 (normal), 紧急 (urgent) or 特急 (critical)',
      duplicateRef: '{file} row {row}: case number "{value}" repeats row {firstRow}',
      refExists: '{file} row {row}: case number "{value}" has already been imported',
    },
    importField: {
      externalRef: 'Case number',
      reportedAt: 'Call time',
      description: 'Description',
      address: 'Address',
      lon: 'Longitude',
      lat: 'Latitude',
      category: 'Category',
      urgency: 'Urgency',
      reporterName: 'Caller',
      reporterPhone: 'Phone',
    },
    importReview: {
      crsTitle: 'Coordinate system',
      crsAsk:
        'The file does not say which coordinate system it uses. Choose one: the wrong one puts every point about 500 m off (e.g. GCJ-02 read as WGS84).',
      crsStated: 'Stated in the file ({header})',
      crsRemembered: 'As chosen last time for this source',
      crsFit: '{inside}/{total} points inside {township}',
      crsSuggested: 'Suggested',
      crsNoHint:
        'As many points fall inside the township under each system, so position cannot tell; most 12345 platforms export GCJ-02.',
      crsPending: 'Choose the coordinate system to preview and import',
      categoryTitle: 'Categories that fit no matter: choose once, reused next time for this source',
      categoryColumn: 'Category',
      rowsColumn: 'Rows',
      matterColumn: 'Matter',
      categoryPick: 'Choose a matter',
      categoryRemembered: 'chosen last time',
      candidates: 'Could be: {candidates}',
      mapTitle: 'Preview: {inside} points inside the township, {outside} outside',
      sourceKnown: 'Source: {label} (its coordinate system and categories as last time)',
      sourceNew: 'New source: this import’s coordinate system and categories will be remembered',
      descriptionFallback:
        'The file has no description column: descriptions are made from category and address',
      rememberFailed: 'Could not remember this source’s choices: {reason}',
    },
    geoImport: {
      file: {
        empty: '{file} is empty',
        tooBig: '{file} is {size} MB, over the limit of {limit} MB for this kind of file; it was not read',
        unknownType: 'Cannot read {file}: choose a file of one of these types: {types}',
        notZip: '{file} is not a complete ZIP archive (perhaps cut short in download or copy); get it again',
      },
      json: {
        bad: '{file} is not valid JSON (cut short or with a syntax error)',
        notGeoJson:
          '{file} is not GeoJSON: feature {feature} is not a valid Feature (0 means the whole file)',
      },
      xml: {
        bad: '{file} is not a valid KML/GPX file (the XML is cut short or has a syntax error)',
        noFeatures: '{file} holds no placemarks, tracks or waypoints',
      },
      kmz: { noKml: '{file} holds no .kml file' },
      shp: {
        noShapefile: '{file} holds no Shapefile (.shp)',
        missingPart:
          'Layer "{layer}" in {file} lacks {parts}: a Shapefile needs its .shp, .shx and .dbf zipped together',
        severalLayers: '{file} holds several layers: {layers}; choose one',
        badFile: '{part} in {file} is damaged or incomplete',
        recordCountMismatch:
          'The parts of layer "{layer}" in {file} disagree on the number of records (.shp {shp}, .shx {shx}, .dbf {dbf}): the file may be incomplete',
      },
      gpkg: {
        noSqlite:
          'Cannot read the GeoPackage {file}: the SQLite component is not loaded. Try again; if it persists, call technical support',
        notSqlite: '{file} is not a GeoPackage (not an SQLite database)',
        badFile: '{file} is damaged or incomplete (perhaps cut short in download or copy); get it again',
        notGeoPackage:
          '{file} is an SQLite database but not a GeoPackage (it lacks gpkg_contents and the other tables)',
        noFeatures: '{file} holds no feature layer (only tiles or attribute tables)',
        severalLayers: '{file} holds several feature layers: {layers}; choose one',
        unknownLayer: '{file} has no layer "{layer}"; its layers are: {layers}',
        badGeometry:
          'In {file}, feature {feature} of layer "{layer}" has a damaged geometry in column "{column}" that cannot be read',
      },
      table: {
        noGeometryColumns:
          '{file} has no place columns: it needs a WKT geometry column (such as WKT, geometry, 几何) or a pair of coordinate columns (经度/纬度, lon/lat, X坐标/Y坐标). Its columns: {columns}',
        noRows: '{file} has a header and no data rows',
        badWkt: '{file} row {row}: "{column}" is not valid WKT (wrong near character {at}): {value}',
        badCoordinate: '{file} row {row}: "{column}" value "{value}" is not a valid coordinate',
        missingGeometry: '{file} row {row}: "{column}" is empty, so the row has no place or shape',
        moreProblems: '{file}: {count} more rows have problems of this kind, not listed one by one',
        axesSwapped:
          'In {file}, "{x}" holds the northing and "{y}" the easting (the surveying way round); read so: check the position on the map',
      },
      encoding: {
        guessed:
          '{file} ({layer}) has no .cpg saying its encoding; from its content it is {encoding}. Check the attributes read right: {sample}',
        unknownCpg:
          'The .cpg of {file} ({layer}) names an encoding we do not know ("{cpg}"); judged from the content',
        cpgWrong:
          'The .cpg of {file} ({layer}) says "{cpg}", but the attribute table is not in it; read as {encoding}. Please check: {sample}',
      },
      crs: {
        projectedWithoutPrj:
          '{file} has no coordinate system (.prj) and its coordinates are projected (X {minX} to {maxX}, Y {minY} to {maxY}). Choose the system; it could be: {zones}',
        projectedWithoutCrs:
          '{file} does not name its coordinate system, yet its coordinates are projected (X {minX} to {maxX}, Y {minY} to {maxY}). Choose the system; it could be: {zones}',
        assumedLonLat:
          '{file} has no coordinate system (.prj); its coordinates look like longitude and latitude and were read as WGS84/CGCS2000: check the position on the map',
        assumedLonLatNoCrs:
          '{file} does not name its coordinate system; its coordinates look like longitude and latitude and were read as WGS84/CGCS2000. If they come from Amap or Baidu, choose GCJ-02 or BD-09 instead; check the position on the map',
        assumedWgs84ForKml:
          '{file} is WGS84 longitude and latitude, as KML/GPX define; if it was drawn on Amap or Baidu, choose GCJ-02 or BD-09 instead',
        unsupported:
          'The coordinate system "{name}" of {file} is not supported: convert it to CGCS2000 in QGIS or ArcGIS first',
        badPrj: '{part} in {file} is not a coordinate system we can read',
        outsideChina: 'The data of {file} lies at ({lon}, {lat}), outside China: check the coordinate system',
      },
      datum: {
        notLonLat:
          '{file} is in projected coordinates, not longitude and latitude: a GCJ-02 or BD-09 offset (chosen: {datum}) applies to longitude and latitude only; set the offset back to WGS84/CGCS2000',
        hintKml: 'the document information of {file} says “{evidence}”',
        hintColumns: 'the column “{evidence}” of {file}',
      },
      geometry: {
        missing: '{file} feature {feature} has no geometry',
        nonFinite: '{file} feature {feature} has a coordinate that is not a number (NaN or infinity)',
        ringTooShort:
          '{file} feature {feature}: ring {ring} has only {count} points; an area needs at least 3 distinct points',
        ringNotClosed:
          '{file} feature {feature}: ring {ring} is not closed (first and last points differ); it can be closed automatically',
        selfIntersects:
          '{file} feature {feature}: its boundary crosses itself (a bow-tie) near ({lon}, {lat}); fix it in the source data',
        wrongOrientation:
          '{file} feature {feature}: {rings} rings wound the wrong way (the first is ring {ring}); they can be turned automatically',
      },
    },
    importSources: {
      notAllowed: 'Only an operator or shift leader may save import source settings',
    },
  },
} as const;
