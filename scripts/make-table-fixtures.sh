#!/usr/bin/env bash
# Makes the centre-table import fixtures under test/fixtures/tables/ from the hand-written CSVs in
# test/fixtures/tables/source/: an officers workbook written by GDAL's XLSX driver (ogr2ogr, Debian
# gdal-bin), as a sheet from a tool other than GridDesk, and the teams CSV in GBK (iconv), as Excel on
# a Chinese Windows saves "CSV (逗号分隔)". The outputs are committed, so CI needs neither tool; run this
# again only to change them.
#
# Usage: scripts/make-table-fixtures.sh   (needs ogr2ogr and iconv)
set -euo pipefail
cd "$(dirname "$0")/../test/fixtures/tables"
rm -f officers-ogr.xlsx teams-gbk.csv
# The CSV driver reads every column as text (no AUTODETECT_TYPE), so phone numbers and IMEIs keep
# their digits; -nln names the worksheet.
ogr2ogr -f XLSX officers-ogr.xlsx source/officers.csv -nln 执法人员
iconv -f UTF-8 -t GBK source/teams.csv > teams-gbk.csv
