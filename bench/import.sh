#!/bin/sh
# Import benchmark: pijlermonitor against the sqlite3 shell's .import.
#   bench/import.sh                  N = 10000 and 100000
#   bench/import.sh 100000 1000000   other sizes; see bench/run_import.py --help
exec /usr/bin/python3 "$(dirname "$0")/run_import.py" "$@"
