#!/usr/bin/env bash
# Verification cost per 1080p frame pair next to its floor: FFmpeg decoding the same file and nothing else.
# Each round runs BEFORE and AFTER (interleaved, one benchmark at a time under a shared lock): 300 frames of 1920x1080
# written with three strategies, every frame verified (verify_s / frames = ms per pair, all in: open, demux, decode,
# convert back to BGR, PSNR/SSIM), outputs kept; then `ffmpeg -threads 0 -i OUTPUT -f null -` decodes each output
# (three times, fastest kept) under the same lock: the wall time per frame of decoding alone.
# usage: measure.sh BEFORE_BINARY AFTER_BINARY OUT_DIR [ROUNDS] [FRAMESET...]
set -euo pipefail
before=$1 after=$2 out=$3 rounds=${4:-3}
shift 4 || shift $#
framesets=("${@:-camera}")
mkdir -p "$out"
keep=$(mktemp -d)
trap 'rm -rf "$keep"' EXIT
floor="$out/decode-floor.csv"
[ -f "$floor" ] || echo "frameset,side,round,strategy,frames,decode_wall_s" > "$floor"
for round in $(seq 1 "$rounds"); do
  for frameset in "${framesets[@]}"; do
    for side in before after; do
      bin=$before; [ "$side" = after ] && bin=$after
      rm -rf "${keep:?}"/*
      flock /tmp/wb-measure.lock "$bin" run --strategy libav-async --strategy opencv-mp4v --strategy ffmpeg-pipe-async \
        --frameset "$frameset" --size 1920x1080 --frames 300 --no-null --no-ceiling --no-db --keep-outputs "$keep" \
        --out "$out/$frameset-$side-$round.csv" > "$out/$frameset-$side-$round.console.txt" 2>&1
      for file in "$keep"/*.mp4 "$keep"/*.mkv "$keep"/*.avi; do
        [ -f "$file" ] || continue
        strategy=$(basename "$file" | sed -E "s/-$frameset-.*//")
        best=$(flock /tmp/wb-measure.lock python3 -c '
import subprocess, sys, time
walls = []
for _ in range(3):
    start = time.monotonic()
    subprocess.run(["ffmpeg", "-nostdin", "-v", "error", "-threads", "0", "-i", sys.argv[1], "-f", "null", "-"], check=True)
    walls.append(time.monotonic() - start)
print(f"{min(walls):.3f}")' "$file")
        frames=$(ffprobe -v error -count_frames -select_streams v:0 -show_entries stream=nb_read_frames -of csv=p=0 "$file")
        echo "$frameset,$side,$round,$strategy,$frames,$best" >> "$floor"
      done
    done
  done
done
