/** WMTS servers and local PMTiles/MBTiles files as basemaps (shared/tiles/wmts-source.ts, local-files.ts). */
export const basemapSourcesMessages = {
  'zh-CN': {
    basemap: {
      choice: {
        wmts: 'WMTS 服务',
        local: '本地瓦片文件',
        noWmts: '尚未设置 WMTS 服务：请在底图设置中填写服务能力地址并选择图层',
        noLocal: '尚未选择本地瓦片文件：请在底图设置中选择 PMTiles 或 MBTiles 文件',
      },
      settings: {
        wmtsName: '请为 WMTS 服务填写名称',
        localName: '请为本地瓦片文件填写名称',
      },
      sources: {
        wmts: 'WMTS 服务（GetCapabilities）',
        wmtsUrl: '服务能力地址',
        wmtsRead: '读取图层',
        wmtsLayer: '图层',
        wmtsMatrixSet: '切片方案',
        wmtsNotMercator: '{id}（{crs}，非 Web 墨卡托，无法显示）',
        wmtsSaved: '当前：{name}（{layer} / {matrixSet}）',
        wmtsRemove: '不用 WMTS',
        local: '本地瓦片文件（PMTiles / MBTiles）',
        localFile: '文件',
        localPick: '选择文件…',
        localNone: '没有可用的文件',
        localWebHint: '浏览器模式下列出的是 Web 服务器 --basemap-dir 文件夹中的文件',
        localRemove: '不用本地文件',
        size: '{mib} MiB',
      },
      wmts: {
        badUrl: '“{source}”不是 http 或 https 网址，无法读取 WMTS 服务能力',
        unreachable: '无法连接 {source}：{reason}',
        refusedFetch: '{source} 的服务能力无法读取：{reason}',
        httpStatus: '{source} 应答 HTTP {status}，没有返回服务能力文档：请检查地址',
        noUsableSet: '{source} 的图层都没有 Web 墨卡托（EPSG:3857）切片方案（只有 {crs}），地图无法显示',
      },
      local: {
        notOffered:
          '本机找不到瓦片文件“{file}”：请在底图设置中重新选择（浏览器模式下须放在 --basemap-dir 文件夹中）',
        corrupt: '瓦片文件“{file}”已损坏或不是有效的 PMTiles/MBTiles：{reason}',
        tooLarge: 'MBTiles 文件“{file}”太大（{reason}）：请用 pmtiles convert 转换为 PMTiles 后再选择',
        unreadable: '无法读取瓦片文件“{file}”：{reason}',
        vector: '瓦片文件“{file}”是矢量瓦片，按通用样式显示',
        notTiles: '“{file}”不是 PMTiles 或 MBTiles 文件',
      },
    },
  },
  en: {
    basemap: {
      choice: {
        wmts: 'WMTS server',
        local: 'Local tile file',
        noWmts: 'No WMTS server is set: enter its capabilities address in basemap settings and pick a layer',
        noLocal: 'No local tile file is chosen: pick a PMTiles or MBTiles file in basemap settings',
      },
      settings: {
        wmtsName: 'Give the WMTS server a name',
        localName: 'Give the local tile file a name',
      },
      sources: {
        wmts: 'WMTS server (GetCapabilities)',
        wmtsUrl: 'Capabilities address',
        wmtsRead: 'Read layers',
        wmtsLayer: 'Layer',
        wmtsMatrixSet: 'Tile matrix set',
        wmtsNotMercator: '{id} ({crs}, not Web Mercator, cannot be drawn)',
        wmtsSaved: 'Now: {name} ({layer} / {matrixSet})',
        wmtsRemove: 'No WMTS',
        local: 'Local tile file (PMTiles / MBTiles)',
        localFile: 'File',
        localPick: 'Pick a file…',
        localNone: 'No files available',
        localWebHint: "In a browser these are the files of the web server's --basemap-dir folder",
        localRemove: 'No local file',
        size: '{mib} MiB',
      },
      wmts: {
        badUrl: '“{source}” is not an http or https address: its WMTS capabilities cannot be read',
        unreachable: 'Cannot reach {source}: {reason}',
        refusedFetch: 'The capabilities of {source} cannot be read: {reason}',
        httpStatus: '{source} answered HTTP {status}, not a capabilities document: check the address',
        noUsableSet:
          'No layer of {source} has a Web Mercator (EPSG:3857) tile matrix set (only {crs}), so the map cannot draw it',
      },
      local: {
        notOffered:
          'The tile file “{file}” is not found on this PC: pick it again in basemap settings (in a browser it must be in the --basemap-dir folder)',
        corrupt: 'The tile file “{file}” is damaged or not a valid PMTiles/MBTiles: {reason}',
        tooLarge:
          'The MBTiles file “{file}” is too large ({reason}): convert it to PMTiles with pmtiles convert and pick that',
        unreadable: 'Cannot read the tile file “{file}”: {reason}',
        vector: 'The tile file “{file}” holds vector tiles, drawn with a generic style',
        notTiles: '“{file}” is not a PMTiles or MBTiles file',
      },
    },
  },
} as const;
