/** The datum of the centre's own tile server (GCJ-02 tiles shift the overlays on screen), in 底图设置. */
export const basemapDatumMessages = {
  'zh-CN': {
    basemap: {
      settings: {
        datum: {
          label: '坐标系',
          wgs84: 'WGS-84 / CGCS2000（天地图、多数县级 GIS）',
          gcj02: 'GCJ-02（高德、腾讯瓦片）',
          hint: 'GCJ-02 底图上，网格、案件等图层在屏幕上随底图偏移显示；存储的坐标始终为 WGS-84。',
        },
      },
    },
  },
  en: {
    basemap: {
      settings: {
        datum: {
          label: 'Datum',
          wgs84: 'WGS-84 / CGCS2000 (Tianditu, most county GIS servers)',
          gcj02: 'GCJ-02 (Amap, Tencent tiles)',
          hint: 'On a GCJ-02 basemap the grids, cases and other layers are drawn shifted to match it; stored coordinates stay WGS-84.',
        },
      },
    },
  },
} as const;
