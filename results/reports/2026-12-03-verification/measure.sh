#!/usr/bin/env bash
# Verification cost per 1080p frame pair, before vs after, one benchmark at a time (shared lock), interleaved so both
# sides share the machine's moods. Each run writes 300 frames of 1920x1080 with three strategies and verifies every
# frame (the default --verify-stride 1); verify_s / frames is the cost per pair, all in (open, demux, decode, convert
# back to BGR, PSNR/SSIM).
# usage: measure.sh BEFORE_BINARY AFTER_BINARY OUT_DIR [ROUNDS] [FRAMESET]
set -euo pipefail
before=$1 after=$2 out=$3 rounds=${4:-3} frameset=${5:-camera}
mkdir -p "$out"
for round in $(seq 1 "$rounds"); do
  for side in before after; do
    bin=$before; [ "$side" = after ] && bin=$after
    flock /tmp/wb-measure.lock "$bin" run --strategy libav-async --strategy opencv-mp4v --strategy ffmpeg-pipe-async \
      --frameset "$frameset" --size 1920x1080 --frames 300 --no-null --no-ceiling --no-db \
      --out "$out/$frameset-$side-$round.csv" > "$out/$frameset-$side-$round.console.txt" 2>&1
  done
done
