#!/usr/bin/env bash
# An external writer in shell, to show the fd-3 protocol is language-neutral: it reads each raw frame from stdin
# (untimed), then times its own write of that frame into an ffmpeg pipe and reports `INDEX MICROSECONDS` on fd 3.
# Usage: sh-ffmpeg-timed.sh WIDTH HEIGHT FPS OUTPUT
set -euo pipefail
width=$1 height=$2 fps=$3 output=$4
bytes=$((width * height * 3))
frame=$(mktemp) && trap 'rm -f "$frame"' EXIT
exec 4> >(exec ffmpeg -loglevel error -y -f rawvideo -pix_fmt bgr24 -s "${width}x${height}" -r "$fps" -i - \
  -c:v libx264 -preset ultrafast -crf 18 -pix_fmt yuv420p "$output")
ffmpeg_pid=$!
echo "version bash $BASH_VERSION" >&3
index=0
while head -c "$bytes" >"$frame" && [ -s "$frame" ]; do
  start=$EPOCHREALTIME                      # bash 5: microsecond wall clock (no monotonic clock in bash)
  cat "$frame" >&4
  end=$EPOCHREALTIME
  echo "$index $(( ${end/./} - ${start/./} ))" >&3
  index=$((index + 1))
done
exec 4>&-
wait "$ffmpeg_pid"
