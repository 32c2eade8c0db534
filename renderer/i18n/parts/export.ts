/**
 * Texts of the geographic exports (shared/export/geo): the problems and notices the writers return
 * (`geoExport.dbf.*`, `geoExport.shp.*`) and the column headers of each exported layer
 * (`geoExport.column.<layer>.<key>`). Chinese headers are at most 5 characters and English ones at
 * most 10 letters, so that a GBK or ASCII Shapefile keeps them whole (a .dbf field name holds 10 bytes).
 */
export const exportMessages = {
  'zh-CN': {
    geoExportDialog: {
      layerLabel: '图层',
      layer: { grids: '网格', patrolAreas: '巡查片区', officers: '执法人员', cases: '案件' },
      casesLabel: '案件范围',
      cases: { open: '在办案件', all: '全部案件（含已结案）' },
      formatLabel: '格式',
      format: { shapefile: 'Shapefile（zip）', geojson: 'GeoJSON', csv: 'CSV', xlsx: 'Excel（xlsx）' },
      encodingLabel: '属性编码',
      encoding: { gbk: 'GBK（ArcGIS、QGIS 均可读）', utf8: 'UTF-8' },
      run: '导出',
      saved: '已导出 {file}（{count} 条）',
    },
    geoExport: {
      dbf: {
        notEncodable:
          '{layer} 第 {feature} 个要素：“{field}”中的字“{char}”无法用 GBK 编码，请改用 UTF-8 导出',
        valueTooLong: '{layer} 第 {feature} 个要素：“{field}”长 {bytes} 字节，超过 Shapefile 的 254 字节上限',
        badNumber: '{layer} 第 {feature} 个要素：“{field}”的值“{value}”不能写成 Shapefile 数值字段',
        fieldRenamed: '{layer}：字段名“{from}”超过 10 字节或与其他字段重名，已改为“{to}”',
        valueTruncated: '{layer} 第 {feature} 个要素：“{field}”超过 254 字节，Shapefile 中已截断',
      },
      shp: {
        mixedGeometry:
          '{layer} 第 {feature} 个要素是 {type}，与前面的 {first} 不同：一个 Shapefile 只能有一种几何类型',
        unsupportedGeometry: '{layer} 第 {feature} 个要素的几何类型 {type} 不能写入 Shapefile',
        tooLarge: '{layer} 的 .shp 达 {bytes} 字节，超过 Shapefile 的 2 GB 上限',
      },
      xlsx: {
        cellTooLong:
          '{layer} 第 {feature} 行：“{field}”超过 Excel 单元格 32767 个字符的上限，请改用 GeoJSON 或 Shapefile',
      },
      csv: { lon: '经度', lat: '纬度' },
      column: {
        grids: {
          code: '网格编码',
          name: '网格名称',
          community: '所属社区',
          patrolArea: '所属片区',
          team: '责任中队',
          areaM2: '面积平方米',
        },
        patrolAreas: {
          id: '片区编号',
          name: '片区名称',
          team: '责任中队',
          color: '颜色',
          gridCount: '网格数',
          areaM2: '面积平方米',
        },
        officers: {
          id: '人员编号',
          name: '姓名',
          kind: '人员类别',
          certificateNo: '执法证号',
          team: '所属中队',
          phone: '联系电话',
          status: '状态',
          deviceId: '终端编号',
        },
        cases: {
          caseNo: '案件编号',
          stage: '阶段',
          source: '来源',
          urgency: '紧急程度',
          matterCode: '事项编码',
          matter: '执法事项',
          gridCode: '网格编码',
          grid: '网格名称',
          team: '处置中队',
          officers: '处置人员',
          reportedAt: '上报时间',
          registeredAt: '立案时间',
          dispatchedAt: '派遣时间',
          closedAt: '结案时间',
          address: '事发地址',
          description: '问题描述',
          externalRef: '工单编号',
        },
      },
    },
  },
  en: {
    geoExportDialog: {
      layerLabel: 'Layer',
      layer: { grids: 'Grids', patrolAreas: 'Patrol areas', officers: 'Officers', cases: 'Cases' },
      casesLabel: 'Which cases',
      cases: { open: 'Open cases', all: 'All cases (closed too)' },
      formatLabel: 'Format',
      format: { shapefile: 'Shapefile (zip)', geojson: 'GeoJSON', csv: 'CSV', xlsx: 'Excel (xlsx)' },
      encodingLabel: 'Attribute encoding',
      encoding: { gbk: 'GBK (ArcGIS and QGIS read it)', utf8: 'UTF-8' },
      run: 'Export',
      saved: 'Exported {file} ({count} features)',
    },
    geoExport: {
      dbf: {
        notEncodable:
          '{layer} feature {feature}: the character “{char}” in “{field}” has no GBK code; export as UTF-8 instead',
        valueTooLong:
          '{layer} feature {feature}: “{field}” is {bytes} bytes, over the Shapefile limit of 254',
        badNumber: '{layer} feature {feature}: the value “{value}” of “{field}” cannot be a Shapefile number',
        fieldRenamed:
          '{layer}: the field name “{from}” is over 10 bytes or taken, so it is written as “{to}”',
        valueTruncated:
          '{layer} feature {feature}: “{field}” is over 254 bytes and was cut short in the Shapefile',
      },
      shp: {
        mixedGeometry:
          '{layer} feature {feature} is a {type}, unlike the {first} before it: a Shapefile holds one geometry kind',
        unsupportedGeometry: '{layer} feature {feature}: a {type} cannot be written to a Shapefile',
        tooLarge: 'The .shp of {layer} would be {bytes} bytes, over the Shapefile limit of 2 GB',
      },
      xlsx: {
        cellTooLong:
          '{layer} row {feature}: “{field}” is over the 32,767 characters an Excel cell holds; export as GeoJSON or Shapefile',
      },
      csv: { lon: 'lon', lat: 'lat' },
      column: {
        grids: {
          code: 'code',
          name: 'name',
          community: 'community',
          patrolArea: 'patrol',
          team: 'team',
          areaM2: 'area_m2',
        },
        patrolAreas: {
          id: 'id',
          name: 'name',
          team: 'team',
          color: 'color',
          gridCount: 'grids',
          areaM2: 'area_m2',
        },
        officers: {
          id: 'id',
          name: 'name',
          kind: 'kind',
          certificateNo: 'cert_no',
          team: 'team',
          phone: 'phone',
          status: 'status',
          deviceId: 'device_id',
        },
        cases: {
          caseNo: 'case_no',
          stage: 'stage',
          source: 'source',
          urgency: 'urgency',
          matterCode: 'matter_no',
          matter: 'matter',
          gridCode: 'grid_code',
          grid: 'grid',
          team: 'team',
          officers: 'officers',
          reportedAt: 'reported',
          registeredAt: 'registered',
          dispatchedAt: 'dispatched',
          closedAt: 'closed',
          address: 'address',
          description: 'details',
          externalRef: 'ticket_no',
        },
      },
    },
  },
} as const;
