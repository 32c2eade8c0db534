#!/usr/bin/env bash
# Makes the fixtures of setting up a centre from its own files (test/fixtures/centre/), from the
# sample township as a surveying bureau would hand it over: its grids as a zipped Shapefile in
# CGCS2000 / 3-degree Gauss-Kruger zone 40 (EPSG:4528, zone number in the false easting) with GBK
# attributes, written by GDAL's ogr2ogr; its teams and officers as XLSX sheets written by GDAL's XLSX
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
fs.writeFileSync(process.argv[1] + "/officers.csv", csv([["姓名", "执法证号", "所属中队", "手机号码"],
  ...t.officers.map((o) => [o.name, o.kind === "certified" ? o.certificateNo : "辅助人员", team.get(o.teamId).name, o.phone])]));
' "$work"
rm -f "$out"/chenghu-grids-gk40.zip "$out"/chenghu-grids-ovital.kmz "$out"/teams.xlsx "$out"/officers.xlsx
mkdir -p "$work/shp"
ogr2ogr -f "ESRI Shapefile" -t_srs EPSG:4528 -lco ENCODING=CP936 -nln grids "$work/shp/grids.shp" "$work/grids.geojson"
(cd "$work/shp" && zip -q -X "$OLDPWD/$out/chenghu-grids-gk40.zip" grids.*)
# The same grids as an 奥维 KMZ would hold them: LIBKML's KML with 奥维互动地图 as the document's author,
# zipped as doc.kml (LIBKML's own KMZ puts the layer behind a NetworkLink). The numbers are the sample's;
# the tests read them as GCJ-02 (what 奥维 9.3 and later export) and expect them converted.
ogr2ogr -f LIBKML -nln grids -dsco NAME=澄湖镇网格 -dsco AUTHOR_NAME=奥维互动地图 "$work/doc.kml" "$work/grids.geojson"
(cd "$work" && TZ=UTC touch -t 202612020000 doc.kml && zip -q -X "$OLDPWD/$out/chenghu-grids-ovital.kmz" doc.kml)
ogr2ogr -f XLSX "$out/teams.xlsx" "$work/teams.csv" -nln 中队
ogr2ogr -f XLSX "$out/officers.xlsx" "$work/officers.csv" -nln 执法人员
ls -l "$out"
