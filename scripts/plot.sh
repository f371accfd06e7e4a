#!/usr/bin/env bash
# Draws the WriterBench charts of a results CSV with gnuplot, each as PNG and SVG.
#
#   scripts/plot.sh RESULTS.csv [OUTDIR]        OUTDIR defaults to RESULTS without .csv, plus -plots
#
# Charts (OUTDIR/<chart>.png and .svg), one panel per workload (frame set, size, encoder settings, pace, frames):
#   write-time      write p50/p95/p99/max per strategy on a log ms axis, with the 1 ms gate line
#   latency-cdf     cumulative distribution of every write, per strategy (needs RESULTS.samples.csv)
#   throughput      median fps per strategy (bars show min–max over runs), the encoder ceiling as a line
#   quality-speed   PSNR against fps, one labelled point per strategy (needs verified runs)
#   fps-resolution  fps against frame size per strategy (only when the CSV holds several sizes)
# Rows that are unavailable or failed are named in each chart's caption, never drawn as zero.
#
# This script only drives gnuplot: `writerbench aggregate RESULTS --for plot-<chart>` shapes the data. The binary
# is $WRITERBENCH, else .build/release/writerbench, else .build/debug/writerbench (relative to the package root).
#
# Exit status: 0 charts written; 1 bad input (missing, empty or malformed CSV); 2 gnuplot or writerbench is
# missing; 3 gnuplot failed.
set -euo pipefail

fail() { echo "plot.sh: $2" >&2; exit "$1"; }

[ $# -ge 1 ] && [ $# -le 2 ] || fail 1 "usage: scripts/plot.sh RESULTS.csv [OUTDIR]"
csv=$1
outdir=${2:-${csv%.csv}-plots}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

command -v gnuplot >/dev/null 2>&1 \
  || fail 2 "gnuplot not found; install it with scripts/install-deps.sh (Debian package gnuplot-nox)"
wb=${WRITERBENCH:-}
if [ -z "$wb" ]; then
  for candidate in "$root/.build/release/writerbench" "$root/.build/debug/writerbench"; do
    if [ -x "$candidate" ]; then wb=$candidate; break; fi
  done
fi
[ -n "$wb" ] && [ -x "$wb" ] \
  || fail 2 "writerbench binary not found (${wb:-no .build/release or .build/debug build}); run 'swift build -c release' or set WRITERBENCH"

[ -f "$csv" ] || fail 1 "$csv: no such file"
[ -s "$csv" ] || fail 1 "$csv: the file is empty; expected a results CSV from 'writerbench run'"
# Reads and checks the whole CSV; writerbench prints what is wrong with it.
heading=$("$wb" aggregate "$csv" --for plot-heading) || fail 1 "$csv: cannot be plotted (see above)"

mkdir -p "$outdir"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# gnuplot commands for panel $2 of chart $1 (data file $3, encoder ceiling fps $4 or NaN).
panel_commands() {
  local chart=$1 index=$2 data=$3 ceiling=$4
  case $chart in
    write-time) cat <<GP
set ylabel 'write time per frame (ms, log scale)'
# Start the axis below the shortest p50 so that its bar has a visible height.
stats '$data' index $index using 2 nooutput
set yrange [(STATS_min > 0 ? STATS_min / 3 : 1e-5):*]
set logscale y
set format y '%g'
set style fill solid 0.85 border -1
set boxwidth 0.2 absolute
set offsets 0.6, 0.6, 0, 0
set xtics rotate by -20
plot for [c=2:5] '$data' index $index using (\$0 + (c - 3.5) * 0.2):c with boxes title columnheader(c), \
     '' index $index using 0:(NaN):xtic(1) notitle, \
     1 with lines dt 2 lw 2 lc rgb '#c62828' title '1 ms gate'
GP
      ;;
    latency-cdf) cat <<GP
set xlabel 'write time (ms, log scale)'
set ylabel 'writes taking at most this long (%)'
set logscale x
set yrange [0:100]
set key bottom right
plot for [c=2:*] '$data' index $index using c:1 with lines lw 2 title columnheader(c)
GP
      ;;
    throughput) cat <<GP
set ylabel 'throughput (frames/s)'
set yrange [0:*]
set style fill solid 0.85 border -1
set boxwidth 0.6 absolute
set offsets 0.6, 0.6, 0, 0
set xtics rotate by -20
ceiling = $ceiling
plot '$data' index $index using 0:2:xtic(1) with boxes lc rgb '#4a7ebb' title 'median fps', \
     '' index $index using 0:2:3:4 with yerrorbars pt -1 lc rgb '#333333' title 'min–max over runs', \
     (ceiling == ceiling ? ceiling : NaN) with lines dt 2 lw 2 lc rgb '#c62828' \
       title (ceiling == ceiling ? sprintf('encoder ceiling %.1f fps', ceiling) : 'no encoder ceiling measured')
GP
      ;;
    quality-speed) cat <<GP
set xlabel 'throughput (frames/s)'
set ylabel 'PSNR (dB)'
set xrange [0:*]
set offsets 0, graph 0.3, graph 0.15, graph 0.15
plot '$data' index $index using 2:3 with points pt 7 ps 1.6 lc rgb '#4a7ebb' notitle, \
     '' index $index using 2:3:1 with labels left offset char 1,0.6 notitle
GP
      ;;
    fps-resolution) cat <<GP
set xlabel 'frame size (spaced by megapixels)'
set ylabel 'throughput (frames/s)'
set yrange [0:*]
set offsets graph 0.05, graph 0.05, 0, 0
plot for [c=3:*] '$data' index $index using 1:c:xtic(2) with linespoints lw 2 pt 7 title columnheader(c)
GP
      ;;
  esac
}

# Writes one chart as PNG and SVG; a chart with nothing to draw is skipped with the reason.
plot_chart() {
  local chart=$1 title=$2
  local data=$tmp/$chart.dat
  "$wb" aggregate "$csv" --for "plot-$chart" > "$data"
  local panels caption
  mapfile -t panels < <("$wb" aggregate "$csv" --for "plot-$chart" --part panels)
  mapfile -t caption < <("$wb" aggregate "$csv" --for "plot-$chart" --part caption)
  if [ ${#panels[@]} -eq 0 ]; then
    echo "plot.sh: $chart: nothing to draw${caption[0]:+ (${caption[*]})}" >&2
    return 0
  fi
  local count=${#panels[@]}
  local cols=$(( count > 1 ? 2 : 1 ))
  local rows=$(( (count + cols - 1) / cols ))
  local captions=${#caption[@]}
  local width=$(( cols > 1 ? 1000 * cols : 1400 )) height=$(( 600 * rows + 22 * captions + 110 ))
  for format in png svg; do
    local script=$tmp/$chart.$format.gp
    {
      if [ "$format" = png ]; then
        echo "set terminal pngcairo noenhanced size $width,$height font 'DejaVu Sans,10'"
      else
        echo "set terminal svg noenhanced size $width,$height font 'DejaVu Sans,10' background rgb 'white'"
      fi
      echo "set encoding utf8"
      echo "set output '$outdir/$chart.$format'"
      # Layout in screen fractions: room at the bottom for one caption line per left-out row, 60 px for the title.
      echo "W = $width.0; H = $height.0; C = $captions"
      echo "set multiplot layout $rows,$cols title '$title — $heading' font ',13' margins 90/W,1-30/W,(22*C+70)/H,1-60/H spacing 110/W,0.2"
      local i=0
      for line in "${panels[@]}"; do
        local panel_title=${line%%$'\t'*} ceiling=${line##*$'\t'}
        echo "reset"
        echo "set datafile columnheaders"
        echo "set grid ytics lc rgb '#dddddd'"
        echo "set key inside top left opaque"
        echo "set title '$panel_title'"
        if [ $i -eq 0 ]; then
          local n=0
          for text in "${caption[@]}"; do
            n=$((n + 1))
            echo "set label $((100 + n)) '$text' at screen 0.01, screen (22*(C-$n)+12)/H font ',9' tc rgb '#555555'"
          done
        fi
        panel_commands "$chart" "$i" "$data" "$ceiling"
        i=$((i + 1))
      done
      echo "unset multiplot"
    } > "$script"
    gnuplot "$script" 2> "$tmp/$chart.err" || { cat "$tmp/$chart.err" >&2; fail 3 "$chart: gnuplot failed"; }
    [ -s "$outdir/$chart.$format" ] || fail 3 "$chart: gnuplot wrote no $format"
  done
  echo "plot.sh: wrote $outdir/$chart.png and .svg"
}

plot_chart write-time "Write time per strategy"
plot_chart latency-cdf "Write latency CDF"
plot_chart throughput "Throughput per strategy"
plot_chart quality-speed "Quality against speed"
plot_chart fps-resolution "Throughput against frame size"
