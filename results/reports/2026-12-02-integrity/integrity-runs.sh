#!/usr/bin/env bash
# Integrity runs for issue 14: N reruns of the CI gate benchmark (make gate-bench settings), each compared with the
# first; then N runs with a write delay injected, each compared with the same first run.
# Usage: run.sh BIN OUTDIR N DELAY_US
set -u
BIN=$1; OUT=$2; N=$3; DELAY=$4
mkdir -p "$OUT"
bench() { # $1 = csv, rest = extra args
  local csv=$1; shift
  flock /tmp/wb-measure.lock "$BIN" run --strategy ffmpeg-pipe --strategy ffmpeg-pipe-async --frameset camera \
    --size 1920x1080 --frames 300 --pace 30 --repeat 3 --no-ceiling --verify-stride 10 --no-db --out "$csv" "$@" \
    > "$csv.log" 2>&1
  echo "run $csv exit $?"; sleep 5
}
judge() { # $1 base, $2 new, $3 label
  "$BIN" compare "$1" "$2" > "$2.compare.txt" 2>&1; local c=$?
  "$BIN" gate --csv "$2" --rules "$(dirname "$0")/../../gate-rules.txt" > "$2.gate.txt" 2>&1; local g=$?
  echo "$3 $(basename "$2") compare_exit=$c gate_exit=$g" | tee -a "$OUT/verdicts.txt"
}
[ -f "$OUT/base-00.csv" ] || bench "$OUT/base-00.csv"
for i in $(seq -w 1 "$N"); do
  [ -f "$OUT/rerun-$i.csv" ] || bench "$OUT/rerun-$i.csv"
  judge "$OUT/base-00.csv" "$OUT/rerun-$i.csv" rerun
done
for i in $(seq -w 1 "$N"); do
  [ -f "$OUT/slow-$i.csv" ] || bench "$OUT/slow-$i.csv" --debug-write-delay-us "$DELAY"
  judge "$OUT/base-00.csv" "$OUT/slow-$i.csv" slowed
done
echo finished >> "$OUT/verdicts.txt"
