#!/usr/bin/env bash
# The merged cross-machine report of issue 16's closing note, from three real runs of the demonstration history
# (revisions 1, 4 and 6: all before the slowdown, each 3 repetitions of the gate benchmark on this 2-core VM) with
# their fingerprint columns (host, cpu_model, logical_cores, os) rewritten to three machines, as
# Tests/WriterBenchTests/MergeCommandTests.swift does. The numbers are this machine's, three times; what the
# demonstration shows is the plumbing: merge → one CSV, report → one column per machine, import → one store.
#
#   three-machines.sh WRITERBENCH RUNS_DIR OUT_DIR
set -euo pipefail
bin=$1 runs=$2 out=$3
mkdir -p "$out"
python3 - "$runs" "$out" <<'PY'
import csv, sys
runs, out = sys.argv[1], sys.argv[2]
machines = [("1-f1da297", "ci-x86", "Synthetic x86-64 CPU", "4", "Linux 6.8.0-1017-azure (Ubuntu 24.04.1 LTS)"),
            ("4-4b98326", "ci-arm", "Synthetic Neoverse-N2", "4", "Linux 6.8.0-1017-azure (Ubuntu 24.04.1 LTS)"),
            ("6-a869c3f", "gpu-box", "Synthetic Xeon", "16", "Linux 6.1.0-28-amd64 (Debian GNU/Linux 12 (bookworm))")]
for run, host, cpu, cores, os in machines:
    with open(f"{runs}/{run}.csv", newline="") as f:
        reader = csv.DictReader(f)
        rows, header = list(reader), reader.fieldnames
    for row in rows:
        row.update(host=host, cpu_model=cpu, logical_cores=cores, os=os)
    with open(f"{out}/run-{host}.csv", "w", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=header, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
PY
"$bin" merge "$out"/run-ci-x86.csv "$out"/run-ci-arm.csv "$out"/run-gpu-box.csv --out "$out/merged.csv"
rm -f "$out/history.sqlite"
"$bin" history import --db "$out/history.sqlite" "$out"/run-ci-x86.csv "$out"/run-ci-arm.csv "$out"/run-gpu-box.csv
"$bin" report "$out/merged.csv" --format md --no-plots --db "$out/history.sqlite" --out "$out/report.md"
"$bin" report "$out/merged.csv" --format html --no-plots --db "$out/history.sqlite" --out "$out/report.html"
