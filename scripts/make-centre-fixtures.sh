#!/usr/bin/env bash
# Makes the fixtures of setting up a centre from its own files (test/fixtures/centre/), from the
# sample township as a surveying bureau would hand it over: its grids and its boundary as zipped
# Shapefiles in CGCS2000 / 3-degree Gauss-Kruger zone 40 (EPSG:4528, zone number in the false
# easting) with GBK attributes, written by GDAL's ogr2ogr; its patrol areas as a KML drawn over them
# (named 澄湖东南片区…, coloured, so what the centre shows can be told from the grids' own field); its
# teams, officers (with the 终端编号 of each phone), grid workers (with the grids each answers for), own
# matters (two of the catalogue's codes with the township's own limits, two matters of its own) and
# county departments (the catalogue's with phones, and one more) as XLSX sheets written by GDAL's XLSX
# driver. The outputs are committed, so CI needs no GDAL; run this again only to change them.
#
# Usage: scripts/make-centre-fixtures.sh   (needs ogr2ogr, zip and node)
set -euo pipefail
cd "$(dirname "$0")/.."
out=test/fixtures/centre
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
node -e '
const fs = require("fs");
const t = JSON.parse(fs.readFileSync("resources/sample/township.json", "utf8"));
const area = new Map(t.patrolAreas.map((p) => [p.id, p]));
const team = new Map(t.teams.map((x) => [x.id, x]));
const community = new Map(t.communities.map((c) => [c.code, c]));
const features = t.grids.map((g) => ({
  type: "Feature",
  properties: {
    WGBM: g.code,
    WGMC: g.name,
    SQMC: community.get(g.communityCode).name,
    PQMC: area.get(g.patrolAreaId).name,
    ZD: team.get(area.get(g.patrolAreaId).teamId).name,
  },
  geometry: g.geometry,
}));
fs.writeFileSync(process.argv[1] + "/grids.geojson", JSON.stringify({ type: "FeatureCollection", features }));
const csv = (rows) => rows.map((r) => r.map((v) => `"${String(v).replace(/"/g, "\"\"")}"`).join(",")).join("\n") + "\n";
const officerName = new Map(t.officers.map((o) => [o.id, o.name]));
fs.writeFileSync(process.argv[1] + "/teams.csv", csv([["中队名称", "中队长", "值班电话"], ...t.teams.map((x) => [x.name, officerName.get(x.leaderId), x.phone])]));
fs.writeFileSync(process.argv[1] + "/officers.csv", csv([["姓名", "执法证号", "所属中队", "手机号码", "终端编号"],
  ...t.officers.map((o, k) => [o.name, o.kind === "certified" ? o.certificateNo : "辅助人员", team.get(o.teamId).name, o.phone, String(861234050000000 + 7 * (k + 1))])]));
const colours = ["#aa3377", "#228833", "#4477aa"];
const areas = t.patrolAreas.map((p, k) => ({
  type: "Feature",
  properties: { Name: "澄湖" + p.name, PQBH: "PQ-" + (k + 1), ZD: team.get(p.teamId).name, YS: colours[k % colours.length] },
  geometry: p.geometry,
}));
fs.writeFileSync(process.argv[1] + "/patrol-areas.geojson", JSON.stringify({ type: "FeatureCollection", features: areas }));
const boundary = { type: "Feature", properties: { XZQMC: t.township.name, XZQDM: t.township.countyCode + t.township.townshipCode }, geometry: t.township.boundary };
fs.writeFileSync(process.argv[1] + "/boundary.geojson", JSON.stringify({ type: "FeatureCollection", features: [boundary] }));
const gridsOf = new Map();
for (const g of t.grids) gridsOf.set(g.gridWorkerId, [...(gridsOf.get(g.gridWorkerId) ?? []), g.code]);
fs.writeFileSync(process.argv[1] + "/grid-workers.csv", csv([["姓名", "手机号码", "负责网格编码"],
  ...t.gridWorkers.map((w) => [w.name, w.phone, (gridsOf.get(w.id) ?? []).join("、")])]));
const dept = new Map(t.departments.map((d) => [d.id, d]));
const matterHead = ["事项编码", "事项名称", "执法领域", "法律依据", "权限", "县级部门", "立案时限（工作小时）", "派遣时限（工作小时）", "处置时限（工作小时）", "核查时限（工作小时）", "需两名持证人员"];
const cg1 = t.matters.find((m) => m.code === "CG-001");
const cg2 = t.matters.find((m) => m.code === "CG-002");
fs.writeFileSync(process.argv[1] + "/matters.csv", csv([matterHead,
  [cg1.code, cg1.name, "城市管理", cg1.legalBasis, "赋权", "", 1, 1, 16, 4, "是"],
  [cg2.code, cg2.name, "城市管理", cg2.legalBasis, "赋权", "", 1, 1, 16, 4, "是"],
  ["CH-001", "对在澄湖湖区擅自设置渔簖网围的行政处罚", "农业农村", "《江苏省渔业管理条例》第二十五条", "赋权", "", 2, 2, 24, 8, "是"],
  ["CH-002", "对澄湖沿岸非法采砂的查处", "水利", "《中华人民共和国水法》第七十二条", "县级部门", "兴化市公安局", "", "", "", "", "否"],
]));
fs.writeFileSync(process.argv[1] + "/departments.csv", csv([["部门名称", "简称", "联系电话"],
  ...t.departments.map((d) => [d.name, d.shortName, d.phone]), ["兴化市公安局", "公安局", "0523-83241110"]]));
' "$work"
rm -f "$out"/*.zip "$out"/*.kmz "$out"/*.xlsx "$out"/*.kml "$out"/*.geojson
mkdir -p "$work/shp" "$work/bnd"
ogr2ogr -f "ESRI Shapefile" -t_srs EPSG:4528 -lco ENCODING=CP936 -nln grids "$work/shp/grids.shp" "$work/grids.geojson"
(cd "$work/shp" && zip -q -X "$OLDPWD/$out/chenghu-grids-gk40.zip" grids.*)
# The Shapefile as GDAL turns it into a (2008) GeoJSON in lon/lat: its rings keep the Shapefile's
# clockwise outer rings, so every grid's ring order is repaired (and the report folds those warnings).
ogr2ogr -f GeoJSON -lco RFC7946=NO -lco COORDINATE_PRECISION=7 -t_srs EPSG:4326 \
  "$out/chenghu-grids-gdal.geojson" "/vsizip/$out/chenghu-grids-gk40.zip"
ogr2ogr -f "ESRI Shapefile" -t_srs EPSG:4528 -lco ENCODING=CP936 -nln boundary "$work/bnd/boundary.shp" "$work/boundary.geojson"
(cd "$work/bnd" && zip -q -X "$OLDPWD/$out/chenghu-boundary-gk40.zip" boundary.*)
ogr2ogr -f KML "$out/chenghu-patrol-areas.kml" "$work/patrol-areas.geojson" -nln 片区
# The same grids as an 奥维 KMZ would hold them: LIBKML's KML with 奥维互动地图 as the document's author,
# zipped as doc.kml (LIBKML's own KMZ puts the layer behind a NetworkLink). The numbers are the sample's;
# the tests read them as GCJ-02 (what 奥维 9.3 and later export) and expect them converted.
ogr2ogr -f LIBKML -nln grids -dsco NAME=澄湖镇网格 -dsco AUTHOR_NAME=奥维互动地图 "$work/doc.kml" "$work/grids.geojson"
(cd "$work" && TZ=UTC touch -t 202612020000 doc.kml && zip -q -X "$OLDPWD/$out/chenghu-grids-ovital.kmz" doc.kml)
ogr2ogr -f XLSX "$out/teams.xlsx" "$work/teams.csv" -nln 中队
ogr2ogr -f XLSX "$out/officers.xlsx" "$work/officers.csv" -nln 执法人员
ogr2ogr -f XLSX "$out/grid-workers.xlsx" "$work/grid-workers.csv" -nln 网格员
ogr2ogr -f XLSX "$out/matters.xlsx" "$work/matters.csv" -nln 执法事项
ogr2ogr -f XLSX "$out/departments.xlsx" "$work/departments.csv" -nln 县级部门
ls -l "$out"
