#!/usr/bin/env bash
# Makes the geographic import fixtures under test/fixtures/geo/ with GDAL's ogr2ogr (Debian gdal-bin),
# from the hand-written grids in test/fixtures/geo/source/. The outputs are committed, so CI needs no GDAL;
# run this again only to change them. Expectations (expected/*.geojson) are ogr2ogr's own reprojection of
# each file to EPSG:4326, which the readers' output is compared with.
#
# Usage: scripts/make-geo-fixtures.sh   (needs ogr2ogr, zip, python3, sqlite3, iconv; GDAL's Python
# bindings, Debian python3-gdal, for the big-endian GeoPackage)
set -euo pipefail
cd "$(dirname "$0")/../test/fixtures/geo"
SRC=source/grids.geojson
TRACK=source/patrol-track.geojson
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rm -rf expected ./*.zip ./*.kml ./*.ovkml ./*.kmz ./*.gpx ./gk6-4499.geojson broken/*.zip broken/empty.geojson broken/projected-nocrs.geojson \
  ./*.gpkg ./*.csv ./*.xlsx broken/*.gpkg broken/*.sqlite
mkdir -p expected broken

# shapefile <name> <ogr2ogr options...>: writes $work/<name>/grids.{shp,shx,dbf,prj,cpg}
shapefile() {
  local name=$1
  shift
  mkdir -p "$work/$name"
  ogr2ogr -f 'ESRI Shapefile' "$work/$name/grids.shp" "$SRC" -nln grids "$@"
}
# pack <zip> <dir> <parts...>: zips the named parts flat, as users send them
pack() {
  local out=$1 dir=$2
  shift 2
  (cd "$dir" && stamp "$@" && zip -q -X "$OLDPWD/$out" "$@")
}
# stamp <files...>: one fixed modification time, so a rerun gives byte-identical zips
stamp() { TZ=UTC touch -h -t 202612020000 "$@"; }
# expect <name>: ogr2ogr's reprojection to EPSG:4326 of that Shapefile
expect() {
  ogr2ogr -f GeoJSON "expected/$1.geojson" "$work/$1/grids.shp" -t_srs EPSG:4326 \
    -lco COORDINATE_PRECISION=10 -lco RFC7946=YES
}

# 1. GBK attributes, CGCS2000 3° Gauss–Krüger zone 40 with the zone number (EPSG:4528), .cpg as ArcGIS
#    writes it ("936"; GDAL would write "CP936").
shapefile gk40-gbk -t_srs EPSG:4528 -lco ENCODING=CP936
printf '936' >"$work/gk40-gbk/grids.cpg"
pack gk40-gbk.zip "$work/gk40-gbk" grids.shp grids.shx grids.dbf grids.prj grids.cpg
expect gk40-gbk
# 2. The same without a .cpg: the reader must detect GBK.
pack gk40-gbk-nocpg.zip "$work/gk40-gbk" grids.shp grids.shx grids.dbf grids.prj
# 3. UTF-8 attributes in CGCS2000 geographic (EPSG:4490).
shapefile cgcs2000-utf8 -t_srs EPSG:4490 -lco ENCODING=UTF-8
pack cgcs2000-utf8.zip "$work/cgcs2000-utf8" grids.shp grids.shx grids.dbf grids.prj grids.cpg
expect cgcs2000-utf8
# 4. CGCS2000 3° GK, central meridian 120°E without the zone number (EPSG:4549), .cpg "ANSI 936",
#    in a folder inside the zip.
shapefile cm120 -t_srs EPSG:4549 -lco ENCODING=CP936
# (GDAL 3.6 itself reads "ANSI 936" with a line end as an unknown code page, so the expectation is
#  made from GDAL's own "CP936" first.)
expect cm120
printf 'ANSI 936\r\n' >"$work/cm120/grids.cpg"
mkdir -p "$work/cm120-zip/网格"
cp "$work/cm120"/grids.* "$work/cm120-zip/网格/"
(cd "$work/cm120-zip" && stamp 网格 网格/* && zip -q -X -r "$OLDPWD/cm120-4549.zip" 网格)
# 5. KML (as Google Earth writes it), KMZ (the KML zipped as doc.kml), GPX of a patrol track.
ogr2ogr -f KML grids.kml "$SRC" -dsco NameField=name -dsco DescriptionField=code
cp grids.kml "$work/doc.kml"
(cd "$work" && stamp doc.kml && zip -q -X "$OLDPWD/grids.kmz" doc.kml)
ogr2ogr -f GPX patrol.gpx "$TRACK" -nlt MULTILINESTRING -lco FORCE_GPX_TRACK=YES
# 5b. The same grids in a KML whose document names 奥维互动地图 as its author (LIBKML's AUTHOR_NAME), as a
#     stand-in for a KML exported by 奥维 9.3 or later, which writes GCJ-02: the reader proposes GCJ-02
#     from that metadata, and the tests read the file's numbers as GCJ-02.
ogr2ogr -f LIBKML grids-ovital.kml "$SRC" -nln grids -dsco NAME=网格 -dsco AUTHOR_NAME=奥维互动地图
# 5c. LIBKML's own KMZ: doc.kml holds only a <NetworkLink> to layers/grids.kml inside the archive. And
#     the grids as 奥维's .ovkml (KML under 奥维's extension; LIBKML names its output by the extension, so
#     written as .kml and renamed), without 奥维 in its metadata: the extension alone suggests GCJ-02.
ogr2ogr -f LIBKML grids-libkml.kmz "$SRC" -nln grids
ogr2ogr -f LIBKML "$work/grids-ovital.kml" "$SRC" -nln grids -dsco NAME=网格
mv "$work/grids-ovital.kml" grids-ovital.ovkml
# 6. Web Mercator (EPSG:3857), as web tools export it.
shapefile mercator -t_srs EPSG:3857 -lco ENCODING=UTF-8
pack web-mercator.zip "$work/mercator" grids.shp grids.shx grids.dbf grids.prj grids.cpg
expect mercator
# 7. GeoJSON with a crs member as GDAL writes it (urn:ogc:def:crs:EPSG::4499): CGCS2000 6° zone 21 with
#    the zone number, millimetre precision; the expectation is GDAL's reprojection of that same file.
ogr2ogr -f GeoJSON gk6-4499.geojson "$SRC" -nln grids -t_srs EPSG:4499 -lco RFC7946=NO -lco COORDINATE_PRECISION=3
ogr2ogr -f GeoJSON expected/gk6-4499.geojson gk6-4499.geojson -t_srs EPSG:4326 \
  -lco COORDINATE_PRECISION=10 -lco RFC7946=YES
# 8. GDAL's own definitions of every CGCS2000 Gauss–Krüger zone (EPSG:4491–4554): its proj4 string and
#    the .prj ArcGIS would write (ESRI WKT), to check the zones the readers build from the formula.
python3 - >expected/gk-zones.json <<'PY'
import json, subprocess
def srs(code, fmt):
    out = subprocess.run(['gdalsrsinfo', '--single-line', '-o', fmt, f'EPSG:{code}'], capture_output=True, text=True, check=True)
    return out.stdout.strip()
print(json.dumps({code: {'proj4': srs(code, 'proj4'), 'esri': srs(code, 'wkt_esri')} for code in range(4491, 4555)}, indent=1))
PY
# 9. The GBK Shapefile as Chinese Windows zips it: the entry names 网格.* in GBK, without the UTF-8 flag
#    (Info-ZIP stores the file names' bytes as they are on disk; in the C locale it adds no UTF-8 field).
mkdir -p "$work/windows"
python3 - "$work/gk40-gbk" "$work/windows" <<'PY'
import os, shutil, sys
src, dst = sys.argv[1], sys.argv[2]
for ext in ['shp', 'shx', 'dbf', 'prj', 'cpg']:
    shutil.copy(f'{src}/grids.{ext}', os.path.join(dst.encode(), '网格.'.encode('gbk') + ext.encode()))
PY
(cd "$work/windows" && stamp ./* && LC_ALL=C zip -q -X "$OLDPWD/gk40-gbk-windows-names.zip" ./*)

# 10. GeoPackages as QGIS and ogr2ogr write them: page size 1 KiB and a fixed date in gpkg_contents, so
#     the files stay small and a rerun gives the same bytes.
GPKG=(--config OGR_CURRENT_DATE 2026-12-02T00:00:00.000Z --config OGR_SQLITE_PRAGMA page_size=1024 -f GPKG)
# expect_layer <name> <source> <layer> [options]: ogr2ogr's reprojection to EPSG:4326 of one layer
expect_layer() {
  local name=$1 source=$2 layer=$3
  shift 3
  ogr2ogr -f GeoJSON "expected/$name.geojson" "$source" "$layer" -t_srs EPSG:4326 \
    -lco COORDINATE_PRECISION=10 -lco RFC7946=YES "$@"
}
#  a. CGCS2000 3° Gauss–Krüger zone 40 (EPSG:4528), a Chinese table name, with its R-tree index.
ogr2ogr "${GPKG[@]}" grids-gk40.gpkg "$SRC" -nln 网格 -t_srs EPSG:4528
sqlite3 grids-gk40.gpkg 'VACUUM'
expect_layer gpkg-gk40 grids-gk40.gpkg 网格
#  b. CGCS2000 geographic (EPSG:4490), no spatial index.
ogr2ogr "${GPKG[@]}" grids-4490.gpkg "$SRC" -nln grids -t_srs EPSG:4490 -lco SPATIAL_INDEX=NO
sqlite3 grids-4490.gpkg 'VACUUM'
expect_layer gpkg-4490 grids-4490.gpkg grids
#  c. Two feature layers: the grids and a patrol route.
ogr2ogr "${GPKG[@]}" township.gpkg "$SRC" -nln 网格 -t_srs EPSG:4490 -lco SPATIAL_INDEX=NO
ogr2ogr "${GPKG[@]}" -update township.gpkg "$TRACK" -nln 巡查路线 -t_srs EPSG:4490 -lco SPATIAL_INDEX=NO
sqlite3 township.gpkg 'VACUUM'
#  d. Every geometry type in XYZ, XYM, XYZM and XY layers (from the WKT of source/shapes.csv, one
#     layer per value of its `layer` column), with an empty point (which ogr2ogr cannot reproject: its
#     expectation has it without geometry). GDAL 3.6's RFC 7946 writer turns a GeometryCollection into its last member,
#     so the mixed layer's expectation is the 2008 GeoJSON (its polygon is wound RFC 7946's way already).
for spec in pt_xyz:POINTZ line_xym:LINESTRINGM area_xyzm:MULTIPOLYGONZM mixed:GEOMETRY; do
  layer=${spec%%:*}
  update=()
  [[ -e shapes.gpkg ]] && update=(-update)
  ogr2ogr "${GPKG[@]}" "${update[@]}" shapes.gpkg source/shapes.csv -where "layer='$layer'" -select name \
    -nln "$layer" -nlt "${spec#*:}" -a_srs EPSG:4490 -lco SPATIAL_INDEX=NO
  if [[ $layer == mixed ]]; then
    ogr2ogr -f GeoJSON "expected/gpkg-$layer.geojson" shapes.gpkg "$layer" -t_srs EPSG:4326 \
      -lco COORDINATE_PRECISION=10 -lco RFC7946=NO
  else
    expect_layer "gpkg-$layer" shapes.gpkg "$layer" -skipfailures 2>/dev/null
  fi
done
sqlite3 shapes.gpkg 'VACUUM'
#  e. The same geometries big-endian (GDAL writes little-endian only): each blob's WKB as GDAL exports it
#     in XDR, under a big-endian GeoPackage header whose envelope cycles through none, XY, XYZ, XYM, XYZM.
cp shapes.gpkg shapes-xdr.gpkg
/usr/bin/python3 - shapes-xdr.gpkg <<'PY'
import sqlite3, struct, sys
from osgeo import ogr
db = sqlite3.connect(sys.argv[1])
for (table,) in db.execute("SELECT table_name FROM gpkg_contents WHERE data_type = 'features'").fetchall():
    for k, (fid, blob) in enumerate(db.execute(f'SELECT fid, geom FROM "{table}" ORDER BY fid').fetchall()):
        flags, srs_id = blob[3], struct.unpack_from('<i', blob, 4)[0]
        envelope_bytes = [0, 32, 48, 48, 64][(flags >> 1) & 7]
        geom = ogr.CreateGeometryFromWkb(bytes(blob[8 + envelope_bytes:]))
        empty = flags & 0x10
        kind = 0 if empty else k % 5
        minx, maxx, miny, maxy, minz, maxz = geom.GetEnvelope3D()
        values = [[], [minx, maxx, miny, maxy], [minx, maxx, miny, maxy, minz, maxz],
                  [minx, maxx, miny, maxy, 0.0, 0.0], [minx, maxx, miny, maxy, minz, maxz, 0.0, 0.0]][kind]
        header = b'GP' + bytes([0, (kind << 1) | empty]) + struct.pack('>i', srs_id) + struct.pack(f'>{len(values)}d', *values)
        db.execute(f'UPDATE "{table}" SET geom = ? WHERE fid = ?', (header + geom.ExportToIsoWkb(ogr.wkbXDR), fid))
db.commit()
db.execute('VACUUM')
PY
# 11. Tables of coordinates. a: ogr2ogr's CSV with a WKT column, lon/lat; b: the same in zone 40
#     (EPSG:4528, projected, so the table does not say its system) in GBK as Excel on Chinese Windows
#     saves it, the column named 几何; c: an XLSX of places with 经度/纬度, by GDAL's XLSX driver; d: the
#     places in zone 40 the surveying way (X坐标 the northing, Y坐标 the easting).
ogr2ogr -f CSV grids-wkt.csv "$SRC" -lco GEOMETRY=AS_WKT
ogr2ogr -f GeoJSON expected/csv-wkt.geojson grids-wkt.csv -oo KEEP_GEOM_COLUMNS=NO -s_srs EPSG:4326 -t_srs EPSG:4326 \
  -lco COORDINATE_PRECISION=10 -lco RFC7946=YES
ogr2ogr -f CSV "$work/grids-wkt-gk40.csv" "$SRC" -t_srs EPSG:4528 -lco GEOMETRY=AS_WKT
ogr2ogr -f GeoJSON expected/csv-wkt-gk40.geojson "$work/grids-wkt-gk40.csv" -oo KEEP_GEOM_COLUMNS=NO -s_srs EPSG:4528 -t_srs EPSG:4326 \
  -lco COORDINATE_PRECISION=10 -lco RFC7946=YES
sed '1s/^WKT,/几何,/' "$work/grids-wkt-gk40.csv" | iconv -f UTF-8 -t GBK >grids-wkt-gk40-gbk.csv
PLACES=(source/places.csv -oo X_POSSIBLE_NAMES=经度 -oo Y_POSSIBLE_NAMES=纬度 -oo KEEP_GEOM_COLUMNS=NO -oo AUTODETECT_TYPE=YES)
ogr2ogr -f GeoJSON expected/places.geojson "${PLACES[@]}" -a_srs EPSG:4326 -lco COORDINATE_PRECISION=10 -lco RFC7946=YES
ogr2ogr -f XLSX places.xlsx source/places.csv -oo AUTODETECT_TYPE=YES -nln 场所
ogr2ogr -f CSV "$work/places-gk40.csv" "${PLACES[@]}" -s_srs EPSG:4326 -t_srs EPSG:4528 -lco GEOMETRY=AS_XY
ogr2ogr -f XLSX places-gk40-survey.xlsx "$work/places-gk40.csv" -oo AUTODETECT_TYPE=YES -nln 场所 \
  -dialect SQLite -sql 'SELECT 名称, 类别, Y AS "X坐标", X AS "Y坐标" FROM "places-gk40"'

# The broken corpus.
# Truncated zip: the first half of a good one.
head -c $(($(stat -c %s gk40-gbk.zip) / 2)) gk40-gbk.zip >broken/truncated.zip
# A zip without the .shx.
pack broken/missing-shx.zip "$work/gk40-gbk" grids.shp grids.dbf grids.prj grids.cpg
# Projected coordinates and no .prj.
pack broken/projected-noprj.zip "$work/gk40-gbk" grids.shp grids.shx grids.dbf grids.cpg
# A .cpg that says UTF-8 over GBK attributes.
mkdir -p "$work/lying-cpg" && cp "$work/gk40-gbk"/grids.* "$work/lying-cpg/"
printf 'UTF-8' >"$work/lying-cpg/grids.cpg"
pack broken/gbk-cpg-says-utf8.zip "$work/lying-cpg" grids.shp grids.shx grids.dbf grids.prj grids.cpg
# NaN coordinates in a Shapefile: GDAL will not write one, so the first x of the first polygon of a
# GDAL-written file is overwritten with a NaN double (record 1 starts at byte 100; its points at 100+8+44).
mkdir -p "$work/nan" && cp "$work/cgcs2000-utf8"/grids.* "$work/nan/"
python3 - "$work/nan/grids.shp" <<'PY'
import struct, sys
path = sys.argv[1]
data = bytearray(open(path, 'rb').read())
num_parts = struct.unpack_from('<i', data, 100 + 8 + 36)[0]
points_at = 100 + 8 + 44 + 4 * num_parts
struct.pack_into('<d', data, points_at, float('nan'))
open(path, 'wb').write(data)
PY
pack broken/nan.zip "$work/nan" grids.shp grids.shx grids.dbf grids.prj grids.cpg
# A bow-tie polygon, written by GDAL as given.
mkdir -p "$work/bowtie"
ogr2ogr -f 'ESRI Shapefile' "$work/bowtie/grids.shp" broken/bowtie.geojson -nln grids -lco ENCODING=UTF-8
pack broken/bowtie.zip "$work/bowtie" grids.shp grids.shx grids.dbf grids.prj grids.cpg
# Projected GeoJSON that does not say so: the 6° file without its crs member.
python3 - gk6-4499.geojson broken/projected-nocrs.geojson <<'PY'
import json, sys
data = json.load(open(sys.argv[1], encoding='utf-8'))
del data['crs']
json.dump(data, open(sys.argv[2], 'w', encoding='utf-8'), ensure_ascii=False)
PY
# A GeoPackage cut short: its first half.
head -c $(($(stat -c %s grids-gk40.gpkg) / 2)) grids-gk40.gpkg >broken/truncated.gpkg
# An SQLite database that is not a GeoPackage (a table of officers), named .gpkg.
sqlite3 broken/not-geopackage.gpkg "PRAGMA page_size=1024; CREATE TABLE officers (name TEXT, badge TEXT);
  INSERT INTO officers VALUES ('张伟', '32021400123');"
# Empty files.
: >broken/empty.geojson
: >broken/empty.zip
ls -l . broken expected
