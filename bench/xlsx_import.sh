#!/bin/sh
# .xlsx import against the CSV import of the same rows (issue 17 point 5).
#   bench/xlsx_import.sh                 N = 100000
#   bench/xlsx_import.sh 1000000         other sizes; see bench/run_xlsx_import.py
exec /usr/bin/python3 "$(dirname "$0")/run_xlsx_import.py" "$@"
