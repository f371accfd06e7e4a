#!/bin/bash
# Interleaved pipeline series: ROUNDS rounds of one run per lever set, each run under the shared measurement lock.
# usage: series.sh BINARY OUTDIR ROUNDS
# Writes OUTDIR/realtime.csv (--realtime-hand-off) and OUTDIR/realtime-hold.csv (--realtime-hand-off --hold-wake-ups),
# and each run's console to OUTDIR/console/.
set -u
bin=$1 out=$2 rounds=$3
mkdir -p "$out/console"
args="--strategy libav-async --no-verify --no-baseline --no-ceiling --frameset talking-head --size 1920x1080 --frames 1000"
for i in $(seq 1 "$rounds"); do
  for series in realtime realtime-hold; do
    extra=--realtime-hand-off
    [ "$series" = realtime-hold ] && extra="--realtime-hand-off --hold-wake-ups"
    flock /tmp/wb-measure.lock "$bin" pipeline $args $extra --no-db --out "$out/$series.csv" \
      > "$out/console/$series-$i.txt" 2>&1
    echo "$series $i exit $?"
  done
done
