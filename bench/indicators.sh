#!/bin/sh
# Indicators benchmark: `pijlermonitor indicators` on a store of N hulpvragen.
#   bench/indicators.sh                   N = 100000 and 1000000
#   bench/indicators.sh --keep            keep the databases, reuse them next time
#   bench/indicators.sh 10000 100000      other sizes; see bench/run_indicators.py --help
exec /usr/bin/python3 "$(dirname "$0")/run_indicators.py" "$@"
