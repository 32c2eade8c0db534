/** Basemaps and the tile cache (shared/tiles): templates, WMTS capabilities, tile answers, downloads. */
export const basemapMessages = {
  'zh-CN': {
    basemap: {
      choice: {
        label: '底图',
        own: '本镇底图',
        'tianditu-vec': '天地图矢量',
        'tianditu-img': '天地图影像',
        'tianditu-ter': '天地图地形',
        custom: '自有瓦片服务',
        none: '无底图',
        noKey: '天地图需要本中心的密钥：请在底图设置中填写',
        noCustom: '尚未设置自有瓦片服务：请在底图设置中填写地址模板',
      },
      status: { offline: '网络不通，显示缓存瓦片' },
      settings: {
        open: '底图设置',
        title: '底图设置',
        readOnly: '只有带班领导可以修改底图设置；瓦片缓存可随时清理。',
        tianditu: '天地图',
        key: '密钥（tk）',
        keyHint: '天地图开发者控制台申请的 32 位密钥',
        tiandituKey: '天地图密钥应为 32 位十六进制字符',
        custom: '自有瓦片服务（县级 GIS 等，XYZ/TMS）',
        customName: '名称',
        template: '地址模板',
        subdomains: '子域名',
        maxZoom: '最大级别',
        save: '保存',
        saved: '底图设置已保存',
        leaderOnly: '只有带班领导可以修改底图设置',
      },
      cache: {
        title: '瓦片缓存（本机）',
        cap: '容量上限',
        tiles: '{count} 张',
        clear: '清除',
        empty: '尚无缓存瓦片',
        formerCustom: '原自有瓦片服务',
        tianditu: {
          vec: '天地图矢量',
          cva: '天地图矢量注记',
          img: '天地图影像',
          cia: '天地图影像注记',
          ter: '天地图地形',
          cta: '天地图地形注记',
        },
      },
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
        notFound: '瓦片服务器对所请求的瓦片都应答 404（找不到）：请检查地址模板和最大级别',
      },
      download: {
        tooMany: '所选范围和级别共 {tiles} 张瓦片，超过单次下载上限 {max} 张：请缩小范围或降低最大级别',
      },
    },
  },
  en: {
    basemap: {
      choice: {
        label: 'Basemap',
        own: "Township's own map",
        'tianditu-vec': 'Tianditu vector',
        'tianditu-img': 'Tianditu imagery',
        'tianditu-ter': 'Tianditu terrain',
        custom: 'Own tile server',
        none: 'No basemap',
        noKey: "Tianditu needs the centre's key: enter it in basemap settings",
        noCustom: 'No own tile server is set: enter its URL template in basemap settings',
      },
      status: { offline: 'network down, showing cached tiles' },
      settings: {
        open: 'Basemap settings',
        title: 'Basemap settings',
        readOnly:
          'Only a shift leader can change the basemap settings; the tile cache can be cleared at any time.',
        tianditu: 'Tianditu',
        key: 'Key (tk)',
        keyHint: 'The 32-character key from the Tianditu developer console',
        tiandituKey: 'A Tianditu key is 32 hexadecimal characters',
        custom: 'Own tile server (county GIS etc., XYZ/TMS)',
        customName: 'Name',
        template: 'URL template',
        subdomains: 'Subdomains',
        maxZoom: 'Max zoom',
        save: 'Save',
        saved: 'Basemap settings saved',
        leaderOnly: 'Only a shift leader can change the basemap settings',
      },
      cache: {
        title: 'Tile cache (this PC)',
        cap: 'Size cap',
        tiles: '{count} tiles',
        clear: 'Clear',
        empty: 'No tiles cached yet',
        formerCustom: 'Former own tile server',
        tianditu: {
          vec: 'Tianditu vector',
          cva: 'Tianditu vector labels',
          img: 'Tianditu imagery',
          cia: 'Tianditu imagery labels',
          ter: 'Tianditu terrain',
          cta: 'Tianditu terrain labels',
        },
      },
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
        notFound:
          'The tile server answers 404 (not found) for every tile asked: check the URL template and the maximum zoom',
      },
      download: {
        tooMany:
          'The chosen area and zooms take {tiles} tiles, more than the {max} one download may fetch: choose a smaller area or a lower maximum zoom',
      },
    },
  },
} as const;
