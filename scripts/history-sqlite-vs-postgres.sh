#!/usr/bin/env bash
# The same history in SQLite and in PostgreSQL: imports every committed results CSV under results/reports into a
# fresh SQLite file and into a throwaway PostgreSQL server (started here the way PostgresTestServer starts one:
# initdb + pg_ctl in a folder under /tmp, loopback only, trust authentication, as the postgres user when run as
# root) and prints both stores' row counts. The test committedReportsGiveEqualRowCountsInSQLiteAndPostgreSQL checks
# the same equality.
#   scripts/history-sqlite-vs-postgres.sh [WRITERBENCH_ANALYSIS_BINARY]   (default .build/debug/writerbench-analysis)
set -euo pipefail
cd "$(dirname "$0")/.."
tool=${1:-.build/debug/writerbench-analysis}
[ -x "$tool" ] || { echo "no $tool: build it first (swift build)" >&2; exit 66; }
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -n "$bin" ] && [ -x "$bin/pg_ctl" ] || { echo "PostgreSQL is not installed (scripts/install-deps.sh)" >&2; exit 70; }
as_user=()
[ "$(id -u)" -ne 0 ] || as_user=(runuser -u postgres --)
folder=$(mktemp -d /tmp/writerbench-pg-compare.XXXXXX)
port=$((40000 + RANDOM % 20000))
cleanup() {
    "${as_user[@]}" "$bin/pg_ctl" -D "$folder/data" -m fast -w -t 30 stop >/dev/null 2>&1 || true
    rm -rf "$folder"
}
trap cleanup EXIT
[ "$(id -u)" -ne 0 ] || chown postgres:postgres "$folder"
"${as_user[@]}" "$bin/initdb" -D "$folder/data" -A trust -U postgres --no-sync >"$folder/initdb.log" 2>&1
"${as_user[@]}" "$bin/pg_ctl" -D "$folder/data" -l "$folder/log" -w -t 30 \
    -o "-p $port -k $folder -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
# Run and pipeline CSVs only (the crash CSVs are another table, which the store does not hold).
csvs=()
while IFS= read -r csv; do
    cols=",$(head -n 1 "$csv"),"
    if [[ $cols == *,run_id,* && $cols == *,strategy,* &&
          ( $cols == *,pipeline_fps,* || ( $cols == *,fps,* && $cols == *,repeat,* ) ) ]]; then
        csvs+=("$csv")
    else
        echo "skipped (not a run or pipeline CSV): $csv"
    fi
done < <(find results/reports -name '*.csv' ! -name '*.samples.csv' | sort)
echo "${#csvs[@]} committed run and pipeline CSVs under results/reports"
for db in "$folder/history.sqlite" "postgres://postgres@127.0.0.1:$port/postgres"; do
    # The import prints one line per file, then the store's totals and machines: keep those two.
    "$tool" history import --db "$db" "${csvs[@]}" | tail -n 2
done
