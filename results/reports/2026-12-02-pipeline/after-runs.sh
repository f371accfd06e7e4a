#!/usr/bin/env bash
# The after-table of the batch criterion (issue 17): RUNS consecutive pipeline runs of libav-async at 1080p
# talking-head, 1000 frames, batch 100, each under the shared measurement lock, rows appended to OUT.csv.
# Extra arguments go to `writerbench pipeline` (e.g. --hold-wake-ups, --producer-nice 5).
#
#   after-runs.sh WRITERBENCH OUT.csv RUNS [PIPELINE-ARGS...]
set -euo pipefail
bin=$1 out=$2 runs=$3; shift 3
for i in $(seq 1 "$runs"); do
    flock /tmp/wb-measure.lock "$bin" pipeline --strategy libav-async --frameset talking-head --size 1920x1080 \
        --frames 1000 --batch 100 --no-verify --out "$out" "$@" > "$out.$i.log" 2>&1 || echo "run $i exited $?"
done
python3 - "$out" <<'PY'
import csv, sys
rows = [r for r in csv.DictReader(open(sys.argv[1])) if r["strategy"] == "libav-async"]
maxima = [float(r["batch_delay_ms_max"]) for r in rows]
print("batch delay max per run (ms):", ", ".join(f"{m:.1f}" for m in maxima))
print(f"<= 10 ms in {sum(m <= 10 for m in maxima)} of {len(maxima)} runs")
PY
