/** KML network links and 奥维's .ovkml (shared/import/geo/xml.ts). */
export const kmlLinksMessages = {
  'zh-CN': {
    geoImport: {
      kmz: {
        remoteLink:
          '{file} 中的网络链接指向“{href}”，不在压缩包内：不会联网下载，请先下载该文件，再与 doc.kml 一起打包为 KMZ 或直接选择它',
        linkMissing: '{file} 中的网络链接指向“{href}”，但压缩包中没有这个文件（可能打包不完整）',
      },
      kml: {
        networkLink:
          '{file} 只有指向“{href}”的网络链接，没有地标：不会读取或联网下载链接的文件，请直接选择该文件，或选择包含它的 KMZ',
      },
      datum: { hintOvkml: '{file} 是奥维互动地图的 .ovkml 文件' },
    },
  },
  en: {
    geoImport: {
      kmz: {
        remoteLink:
          'A network link in {file} points to “{href}”, outside the archive: nothing is downloaded; download that file first and zip it with doc.kml as a KMZ, or pick it directly',
        linkMissing:
          'A network link in {file} points to “{href}”, which the archive does not hold (it may be packed incompletely)',
      },
      kml: {
        networkLink:
          '{file} holds only a network link to “{href}” and no placemarks: linked files are not read or downloaded; pick that file itself, or a KMZ holding it',
      },
      datum: { hintOvkml: '{file} is an 奥维 (Ovital) .ovkml file' },
    },
  },
};
