/** Basemaps and the tile cache (shared/tiles): templates, WMTS capabilities, tile answers, downloads. */
export const basemapMessages = {
  'zh-CN': {
    basemap: {
      template: {
        empty: "请填写瓦片地址模板，例如 https://tiles.example.cn/{'{z}'}/{'{x}'}/{'{y}'}.png",
        notUrl: '“{template}”不是有效的网址',
        scheme: '瓦片地址“{template}”使用 {scheme}:，只支持 http 或 https（本地文件请选择 PMTiles/MBTiles）',
        unknownPlaceholder:
          "瓦片地址“{template}”中的 {placeholder} 无法识别（可用 {'{z}'} {'{x}'} {'{y}'} {'{-y}'} {'{s}'} {'{quadkey}'}）",
        missingPlaceholder: '瓦片地址“{template}”缺少 {placeholders}',
        noSubdomains: "瓦片地址“{template}”含 {'{s}'}，请填写子域名，例如 a,b,c",
      },
      wmts: {
        notXml: '{source} 不是有效的 XML，无法读取 WMTS 服务能力',
        notCapabilities: '{source} 返回的是 <{root}> 而不是 WMTS 服务能力文档（GetCapabilities）',
        noLayers: '{source} 的服务能力中没有图层',
        unknownLayer: '{source} 中没有图层“{layer}”',
        unknownMatrixSet: '{source} 的图层“{layer}”没有切片方案“{matrixSet}”',
        notMercator:
          '{source} 的切片方案“{matrixSet}”坐标系为 {crs}，不是 Web 墨卡托（EPSG:3857），地图无法显示；请选择 Web 墨卡托方案（天地图为 w）',
        noTileUrl: '{source} 的图层“{layer}”没有可用的瓦片地址（既无 ResourceURL 也无 GetTile）',
      },
      answer: {
        tiandituKey:
          '天地图拒绝了请求：密钥（tk）缺失、错误、未授权本机地址或已超出当日配额，请在设置中检查天地图密钥',
        refused: '瓦片服务器拒绝访问（需要登录或授权）',
        throttled: '瓦片服务器要求降低请求频率，稍后再试',
        server: '瓦片服务器出错，稍后再试；已缓存的瓦片照常显示',
        unexpected: '瓦片服务器的应答无法识别',
      },
      download: {
        tooMany: '所选范围和级别共 {tiles} 张瓦片，超过单次下载上限 {max} 张：请缩小范围或降低最大级别',
      },
    },
  },
  en: {
    basemap: {
      template: {
        empty: "Enter a tile URL template, for example https://tiles.example.cn/{'{z}'}/{'{x}'}/{'{y}'}.png",
        notUrl: '“{template}” is not a valid address',
        scheme:
          'The tile address “{template}” uses {scheme}:; only http and https are supported (for local files pick PMTiles/MBTiles)',
        unknownPlaceholder:
          "The tile address “{template}” has {placeholder}, which is not known (use {'{z}'} {'{x}'} {'{y}'} {'{-y}'} {'{s}'} {'{quadkey}'})",
        missingPlaceholder: 'The tile address “{template}” lacks {placeholders}',
        noSubdomains: "The tile address “{template}” has {'{s}'}: enter its subdomains, for example a,b,c",
      },
      wmts: {
        notXml: '{source} is not valid XML: its WMTS capabilities cannot be read',
        notCapabilities:
          '{source} answered with <{root}>, not a WMTS capabilities document (GetCapabilities)',
        noLayers: 'The capabilities of {source} list no layers',
        unknownLayer: '{source} has no layer “{layer}”',
        unknownMatrixSet: 'Layer “{layer}” of {source} has no tile matrix set “{matrixSet}”',
        notMercator:
          'Tile matrix set “{matrixSet}” of {source} is in {crs}, not Web Mercator (EPSG:3857), so the map cannot draw it; pick a Web Mercator set (w on Tianditu)',
        noTileUrl: 'Layer “{layer}” of {source} has no tile address (neither a ResourceURL nor GetTile)',
      },
      answer: {
        tiandituKey:
          'Tianditu refused the request: its key (tk) is missing or wrong, not authorised for this address, or over its daily quota; check the Tianditu key in settings',
        refused: 'The tile server refused access (it needs a sign-in or authorisation)',
        throttled: 'The tile server asks for fewer requests; try again later',
        server: 'The tile server failed; try again later. Cached tiles are still shown',
        unexpected: 'The tile server gave an answer that is not understood',
      },
      download: {
        tooMany:
          'The chosen area and zooms take {tiles} tiles, more than the {max} one download may fetch: choose a smaller area or a lower maximum zoom',
      },
    },
  },
} as const;
