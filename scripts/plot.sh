#!/usr/bin/env bash
# Draws the WriterBench charts of a results CSV with gnuplot, each as PNG and SVG.
#
#   scripts/plot.sh RESULTS.csv [OUTDIR]        OUTDIR defaults to RESULTS without .csv, plus -plots
#
# Charts (OUTDIR/<chart>.png and .svg), one panel per frame set × size × pace × frames, holding every strategy and
# encoder setting (a label carries the settings when a panel holds several; encoder ceilings always do):
#   write-time      write p50/p95/p99/max per strategy on a log ms axis that always shows the 1 ms gate line
#   latency-cdf     cumulative distribution of every write, one line per strategy (needs RESULTS.samples.csv)
#   throughput      median fps per strategy (bars show min–max over runs), coloured by encoder settings; encoder
#                   ceilings hatched
#   quality-speed   PSNR against fps, one point per strategy (colour = encoder settings, shape = strategy, named in
#                   the key), the Pareto front drawn as a line; the PSNR axis spans at least 3 dB
#   fps-resolution  fps against frame size per strategy (only when the CSV holds several sizes)
# Rows that are not drawn are named in the caption, never drawn as zero: one line for all unavailable strategies,
# one line per other reason.
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

# gnuplot commands for panel $2 of chart $1 (data file $3; range $4..$5, NaN when gnuplot chooses).
# Arrays L (legend), S (series labels), G (series legend group) and C (colours) are set before.
panel_commands() {
  local chart=$1 index=$2 data=$3 low=$4 high=$5
  case $chart in
    write-time) cat <<GP
set ylabel 'write time per frame (ms, log scale)'
set yrange [$low:$high]
set logscale y
set format y '%g'
set style fill solid 0.85 border -1
set boxwidth 0.2 absolute
stats '$data' index $index using 2 nooutput
set xrange [-0.7:STATS_records - 0.3]
set xtics rotate by -35 left
set key outside right top
plot for [c=2:5] '$data' index $index using (\$0 + (c - 3.5) * 0.2):c with boxes title columnheader(c), \
     '' index $index using 0:(NaN):xtic(1) notitle, \
     1 with lines dt 2 lw 2 lc rgb '#c62828' title '1 ms gate'
GP
      ;;
    latency-cdf) cat <<GP
set xlabel 'write time (ms, log scale)'
set ylabel 'writes taking at most this long (%)'
set logscale x
set format x '%g'
set xrange [$low:$high]
set yrange [0:100]
set key outside right top
set arrow 1 from 1, graph 0 to 1, graph 1 nohead dt 2 lw 2 lc rgb '#c62828'
plot for [c=2:|S|+1] '$data' index $index using c:1 with lines lw 2 lc rgb K[(c-2) % |K| + 1] title S[c-1], \
     NaN with lines dt 2 lw 2 lc rgb '#c62828' title '1 ms gate'
GP
      ;;
    throughput) cat <<GP
set ylabel 'throughput (frames/s)'
set yrange [0:*]
set style fill solid 0.85 border -1
set boxwidth 0.6 absolute
stats '$data' index $index using 2 nooutput
set xrange [-0.7:STATS_records - 0.3]
set xtics rotate by -35 left
set key outside right top
plot '$data' index $index using 0:(\$6 == 0 ? \$2 : NaN):(C[int(\$5)]):xtic(1) with boxes lc rgb variable notitle, \
     '' index $index using 0:(\$6 == 1 ? \$2 : NaN):(C[int(\$5)]) with boxes fs pattern 4 lc rgb variable notitle, \
     '' index $index using 0:2:3:4 with yerrorbars pt -1 lc rgb '#333333' title 'min–max over runs', \
     for [i=1:|L|] NaN with boxes fs solid 0.85 lc rgb C[i] title L[i], \
     NaN with boxes fs pattern 4 lc rgb '#555555' title 'encoder ceiling (in-memory reference)'
GP
      ;;
    quality-speed) cat <<GP
set xlabel 'throughput (frames/s)'
set ylabel 'mean PSNR (dB)'
set xrange [0:*]
set yrange [$low:$high]
set offsets 0, graph 0.08, 0, 0
set key outside right top
plot for [i=1:|S|] '$data' index $index every ::(i-1):0:(i-1):0 using 2:3 with points \
       pt (P[(i-1) % |P| + 1]) ps 2 lc rgb C[G[i]] title S[i], \
     '' index $index every :::1::1 using 1:2 with linespoints dt 2 lw 2 pt 6 ps 3.5 lc rgb '#555555' \
       title 'Pareto front (nothing both faster and better)', \
     for [i=1:|L|] NaN with points pt 7 ps 2 lc rgb C[i] title sprintf('colour: %s', L[i])
GP
      ;;
    fps-resolution) cat <<GP
set xlabel 'frame size (spaced by megapixels)'
set ylabel 'throughput (frames/s)'
set yrange [0:*]
set offsets graph 0.05, graph 0.05, 0, 0
set key outside right top
plot for [c=3:*] '$data' index $index using 1:c:xtic(2) with linespoints lw 2 pt 7 title columnheader(c)
GP
      ;;
  esac
}

# A gnuplot array statement: name, then the elements (strings when $2 is 'text', numbers otherwise).
gnuplot_array() {
  local name=$1 kind=$2; shift 2
  local items=() item
  for item in "$@"; do
    if [ "$kind" = text ]; then items+=("'$item'"); else items+=("$item"); fi
  done
  if [ ${#items[@]} -eq 0 ]; then items=("'-'"); fi
  local IFS=,
  echo "array $name[${#items[@]}] = [${items[*]}]"
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
  # Two columns only for an even number of panels from four on: never an empty half page.
  local cols=$(( count >= 4 && count % 2 == 0 ? 2 : 1 ))
  local rows=$(( (count + cols - 1) / cols ))
  local captions=${#caption[@]}
  # Room right of each panel for its key, and under it for rotated strategy labels (bar charts).
  local key=390 xtics=60
  case $chart in write-time|throughput) xtics=190 ;; esac
  local width=$(( cols > 1 ? 1350 * cols : 1500 )) height=$(( (560 + xtics) * rows + 22 * captions + 110 ))
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
      # Colours of encoder settings (legend groups), point shapes of strategies.
      echo "array C[6] = [0x1f77b4, 0xd62728, 0x2ca02c, 0x9467bd, 0xff7f0e, 0x8c564b]"
      echo "array P[12] = [5, 7, 9, 11, 13, 15, 4, 6, 8, 10, 12, 14]"
      # Colours of strategies (latency curves).
      echo "array K[10] = [0x1f77b4, 0xd62728, 0x2ca02c, 0x9467bd, 0xff7f0e, 0x8c564b, 0xe377c2, 0x7f7f7f, 0xbcbd22, 0x17becf]"
      # Layout in screen fractions: room at the bottom for the caption lines and labels, 60 px for the title.
      echo "W = $width.0; H = $height.0; N = $captions"
      echo "set multiplot layout $rows,$cols title '$title — $heading' font ',13' margins 90/W,1-$key/W,(22*N+$xtics+40)/H,1-60/H spacing ($key+90)/W,($xtics+90)/H"
      local i=0
      for line in "${panels[@]}"; do
        local fields
        IFS=$'\t' read -r -a fields <<< "$line"
        local panel_title=${fields[0]} low=${fields[1]:-NaN} high=${fields[2]:-NaN}
        [ "$low" = NaN ] && low='*'
        [ "$high" = NaN ] && high='*'
        local legend=() series=() groups=()
        [ -n "${fields[3]:-}" ] && IFS='|' read -r -a legend <<< "${fields[3]}"
        [ -n "${fields[4]:-}" ] && IFS='|' read -r -a series <<< "${fields[4]}"
        [ -n "${fields[5]:-}" ] && IFS=' ' read -r -a groups <<< "${fields[5]}"
        echo "reset"
        gnuplot_array L text "${legend[@]}"
        gnuplot_array S text "${series[@]}"
        gnuplot_array G number "${groups[@]}"
        echo "set datafile columnheaders"
        echo "set grid ytics lc rgb '#dddddd'"
        echo "set title '$panel_title'"
        if [ $i -eq 0 ]; then
          local n=0
          for text in "${caption[@]}"; do
            n=$((n + 1))
            echo "set label $((100 + n)) '$text' at screen 0.01, screen (22*(N-$n)+12)/H font ',9' tc rgb '#555555'"
          done
        fi
        panel_commands "$chart" "$i" "$data" "$low" "$high"
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
