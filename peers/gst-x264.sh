#!/bin/sh
# Peer: GStreamer's command line, as its users pipe into it:
#   fdsrc ! rawvideoparse ! videoconvert ! x264enc ! mp4mux ! filesink
# x264enc gets WriterBench's preset (speed-preset) and threads; pass=qual with quantizer=CRF is x264's CRF mode
# (rate control X264_RC_CRF with that rate factor). gst-launch-1.0 cannot time its own writes, so this adapter
# reports only its version on fd 3: write_ms is WriterBench's caller-side time into gst-launch's stdin, which is
# what a program feeding it this way is blocked for.
# Usage: gst-x264.sh WIDTH HEIGHT FPS PRESET CRF THREADS OUTPUT
set -eu
width=$1 height=$2 fps=$3 preset=$4 crf=$5 threads=$6 output=$7
if { true >&3; } 2>/dev/null; then
  echo "version $(gst-launch-1.0 --version | sed -n 's/^GStreamer //p' | head -n 1 | sed 's/^/GStreamer /')" >&3
  exec 3>&-
fi
exec gst-launch-1.0 -q fdsrc fd=0 blocksize=$((width * height * 3)) \
  ! rawvideoparse width="$width" height="$height" format=bgr framerate="$fps/1" \
  ! videoconvert ! video/x-raw,format=I420 \
  ! x264enc speed-preset="$preset" pass=qual quantizer="$crf" threads="$threads" \
  ! mp4mux ! filesink location="$output"
