#!/usr/bin/env bash
# The fault suite (issue 18, item 5): runs the built `writerbench` against broken encoders, broken paths and broken
# files, and checks that each case ends in bounded time, without a crash by signal (exit status < 128), with a clear
# message on stderr, with no child process and no WriterBench temporary folder left, and with completed rows intact.
# Prints a table: case, outcome, exit status, seconds to exit. Exit status 0 when every case passed.
#
# Usage: scripts/faults.sh [path/to/writerbench]   (default: .build/debug/writerbench, built if missing)
# Takes about a minute: the stall cases use --stall-timeout 2.
set -uo pipefail
cd "$(dirname "$0")/.."

WRITERBENCH=${1:-.build/debug/writerbench}
if [ ! -x "$WRITERBENCH" ]; then swift build --product writerbench >&2 || exit 1; fi
WRITERBENCH=$(cd "$(dirname "$WRITERBENCH")" && pwd)/$(basename "$WRITERBENCH")

STALL=2                       # --stall-timeout of the stall cases, seconds
WORK=$(mktemp -d "${TMPDIR:-/tmp}/faults.XXXXXX")
MARK="wbfault$$"              # in every fake encoder's command line: no process with it may outlive a case
MOUNTED=""
cleanup() {
    if [ -n "$MOUNTED" ]; then umount "$MOUNTED" 2>/dev/null; fi
    pkill -KILL -f "$MARK" 2>/dev/null
    rm -rf "$WORK"
}
trap cleanup EXIT

failures=0
rows=()

# fake NAME BODY: a bash stand-in for ffmpeg that answers -version (the environment fingerprint asks) and then runs
# BODY; `exec -a` keeps the marker in the command line of whatever it execs.
fake() {
    local path="$WORK/bin-$1/ffmpeg"
    mkdir -p "$WORK/bin-$1"
    cat > "$path" <<SCRIPT
#!/bin/bash
# $MARK
case "\$*" in *-version*) echo "ffmpeg version fake-$MARK"; exit 0;; esac
$2
SCRIPT
    chmod +x "$path"
    echo "$path"
}

# check NAME BOUND_SECONDS EXPECTED_STATUS MESSAGE_REGEX ROWS_CHECK -- COMMAND...
# EXPECTED_STATUS may be "nonzero"; MESSAGE_REGEX is looked for on stderr, or on stdout when prefixed "stdout:"; ROWS_CHECK is "-" or "CSV:STRATEGY=STATUS,..." (each row must be present).
check() {
    local name=$1 bound=$2 expected=$3 message=$4 rowcheck=$5
    shift 6
    local tmp="$WORK/tmp-$name"
    mkdir -p "$tmp"
    local start end status
    start=$(date +%s.%N)
    TMPDIR="$tmp" timeout -s KILL "$bound" "$@" > "$WORK/$name.out" 2> "$WORK/$name.err"
    status=$?
    end=$(date +%s.%N)
    local seconds
    seconds=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.1f", b - a }')
    local problems=()
    if [ "$status" -ge 128 ]; then problems+=("killed by signal $((status - 128))$([ "$status" -eq 137 ] && echo " (timeout ${bound}s?)")"); fi
    if [ "$expected" = nonzero ]; then
        [ "$status" -ne 0 ] || problems+=("exit 0, expected failure")
    elif [ "$status" -ne "$expected" ]; then
        problems+=("exit $status, expected $expected")
    fi
    if [[ $message == stdout:* ]]; then
        grep -Eq -- "${message#stdout:}" "$WORK/$name.out" || problems+=("no /${message#stdout:}/ on stdout")
    else
        grep -Eq -- "$message" "$WORK/$name.err" || problems+=("no /$message/ on stderr")
    fi
    sleep 0.2
    if pgrep -f "$MARK" > /dev/null; then
        problems+=("child left: $(pgrep -af "$MARK" | head -1)")
        pkill -KILL -f "$MARK"
    fi
    local left
    left=$(find "$tmp" -mindepth 1 -maxdepth 1 -name 'writerbench-*' | head -3)
    [ -z "$left" ] || problems+=("temp folder left: $left")
    if [ "$rowcheck" != "-" ]; then
        local csv=${rowcheck%%:*} want
        IFS=',' read -ra want <<< "${rowcheck#*:}"
        for pair in "${want[@]}"; do
            local strategy=${pair%%=*} state=${pair#*=}
            # strategy and status are the CSV's first columns named so; find them by header.
            if ! awk -F, -v s="$strategy" -v t="$state" 'NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
                    $col["strategy"] == s && $col["status"] == t { found = 1 } END { exit !found }' "$csv" 2>/dev/null; then
                problems+=("no $strategy row with status $state in $(basename "$csv")")
            fi
        done
    fi
    local outcome="pass"
    if [ ${#problems[@]} -gt 0 ]; then
        outcome="FAIL: $(IFS='; '; echo "${problems[*]}")"
        failures=$((failures + 1))
        echo "--- $name stderr (last lines):" >&2; tail -5 "$WORK/$name.err" >&2
    fi
    rows+=("$(printf '%-26s %-6s %6s %8s  %s' "$name" "${outcome%%:*}" "$status" "$seconds" "$(head -c 300 <<< "${outcome#pass}")")")
}

RUN=("$WRITERBENCH" run --size 320x240 --frames 40 --no-warmup --no-ceiling --no-verify --stall-timeout "$STALL")
STRATEGIES=(--strategy ffmpeg-pipe --strategy ffmpeg-pipe-async --strategy libav)
# Two stalling strategies, each bounded by the stall timeout plus reaping; generous for a loaded machine.
STALL_BOUND=$((2 * (STALL + 8) + 30))

F=$(fake never-reads 'echo "fake encoder: not reading" >&2; exec -a "'"$MARK"'-sleep" sleep 1000')
check never-reads "$STALL_BOUND" 1 "stalled on frame" "$WORK/never-reads.csv:ffmpeg-pipe=failed,ffmpeg-pipe-async=failed,libav=ok" -- \
    env WRITERBENCH_FFMPEG="$F" "${RUN[@]}" "${STRATEGIES[@]}" --out "$WORK/never-reads.csv"

# The pipeline: three outputs per strategy, so up to three stalls (the two healthy-looking outputs stall at finish).
check pipeline-never-reads $((3 * (STALL + 8) + 30)) 1 "ffmpeg-pipe stalled on frame" "$WORK/pipeline.csv:ffmpeg-pipe=failed,libav-async=ok" -- \
    env WRITERBENCH_FFMPEG="$F" "$WRITERBENCH" pipeline --strategy ffmpeg-pipe --strategy libav-async --size 320x240 \
    --frames 40 --no-verify --stall-timeout "$STALL" --out "$WORK/pipeline.csv"

F=$(fake reads-then-stalls 'head -c 1000000 > /dev/null; echo "fake encoder: stopping myself" >&2; kill -STOP $$')
check reads-then-stalls "$STALL_BOUND" 1 "stalled on frame.*stopping myself" "$WORK/stalls.csv:ffmpeg-pipe=failed,ffmpeg-pipe-async=failed,libav=ok" -- \
    env WRITERBENCH_FFMPEG="$F" "${RUN[@]}" "${STRATEGIES[@]}" --out "$WORK/stalls.csv"

F=$(fake never-exits 'cat > /dev/null; echo "fake encoder: read it all, not exiting" >&2; exec -a "'"$MARK"'-sleep" sleep 1000')
check never-exits "$STALL_BOUND" 1 "stalled at finish after 40 frames" "$WORK/never-exits.csv:ffmpeg-pipe=failed,ffmpeg-pipe-async=failed,libav=ok" -- \
    env WRITERBENCH_FFMPEG="$F" "${RUN[@]}" "${STRATEGIES[@]}" --out "$WORK/never-exits.csv"

F=$(fake dies-mid-stream 'head -c 500000 > /dev/null; echo "fake encoder: giving up" >&2; exit 3')
check dies-mid-stream 60 1 "exited with status 3.*giving up" "$WORK/dies.csv:ffmpeg-pipe=failed,libav=ok" -- \
    env WRITERBENCH_FFMPEG="$F" "${RUN[@]}" --strategy ffmpeg-pipe --strategy libav --out "$WORK/dies.csv"

F=$(fake floods-stderr 'head -c 20000000 /dev/zero | tr "\0" "x" | fold -w 200 >&2 & cat > /dev/null; wait; echo "fake encoder: flooded" >&2; exit 1')
check floods-stderr 60 1 "flooded" "$WORK/flood.csv:ffmpeg-pipe=failed,libav=ok" -- \
    env WRITERBENCH_FFMPEG="$F" "${RUN[@]}" --strategy ffmpeg-pipe --strategy libav --out "$WORK/flood.csv"

mkdir -p "$WORK/empty-bin"
check missing-from-path 60 0 "stdout:unavailable" "$WORK/missing.csv:ffmpeg-pipe=unavailable,libav=ok" -- \
    env -u WRITERBENCH_FFMPEG PATH="$WORK/empty-bin" "${RUN[@]}" --strategy ffmpeg-pipe --strategy libav --out "$WORK/missing.csv"

# Disk full: a 256 KiB tmpfs for the outputs when this machine lets us mount one, else a stand-in that fails the way
# ffmpeg does on a full disk.
mkdir -p "$WORK/full"
if mount -t tmpfs -o size=256k tmpfs "$WORK/full" 2>/dev/null; then
    MOUNTED="$WORK/full"
    check disk-full-tmpfs 60 1 "No space left on device" "$WORK/full.csv:ffmpeg-pipe=failed" -- \
        "${RUN[@]}" --size 640x360 --frames 60 --strategy ffmpeg-pipe --strategy libav --keep-outputs "$WORK/full" --out "$WORK/full.csv"
    umount "$WORK/full" && MOUNTED=""
else
    F=$(fake disk-full 'head -c 300000 > /dev/null; echo "av_interleaved_write_frame(): No space left on device" >&2; exit 1')
    check disk-full-standin 60 1 "No space left on device" "$WORK/full.csv:ffmpeg-pipe=failed,libav=ok" -- \
        env WRITERBENCH_FFMPEG="$F" "${RUN[@]}" --strategy ffmpeg-pipe --strategy libav --out "$WORK/full.csv"
fi

check unwritable-out 60 nonzero "cannot create the folder '/proc/writerbench-faults'" - -- \
    "${RUN[@]}" --strategy libav --out /proc/writerbench-faults/r.csv
check unwritable-keep-outputs 60 1 "cannot write output" "$WORK/keep.csv:libav=failed" -- \
    "${RUN[@]}" --strategy libav --keep-outputs /proc/writerbench-faults --out "$WORK/keep.csv"

# Interrupts (issue 18, item 2) belong to another change; their cases go here:
# check sigint-mid-run ... ; check sigterm-mid-run ...
rows+=("$(printf '%-26s %-6s %6s %8s  %s' sigint-mid-run skip - - "covered by InterruptTests in make test (SIGINT/SIGTERM mid-run, stuck encoder)")")
rows+=("$(printf '%-26s %-6s %6s %8s  %s' sigterm-mid-run skip - - "covered by InterruptTests in make test (SIGINT/SIGTERM mid-run, stuck encoder)")")

# A good results CSV and a good video, for the cases that break only the other input.
"$WRITERBENCH" run --strategy libav --size 320x240 --frames 30 --no-warmup --no-ceiling --no-verify \
    --keep-outputs "$WORK/good" --out "$WORK/good.csv" > /dev/null 2>&1
good=$(ls "$WORK"/good/*.mp4 2>/dev/null | head -1)

printf 'strategy,status\nffmpeg-pipe,ok,"unclosed\n' > "$WORK/bad.csv"
check gate-malformed-csv 30 65 "never closed" - -- "$WRITERBENCH" gate --csv "$WORK/bad.csv" --rules results/gate-rules.txt
printf 'this is not a rule\n' > "$WORK/bad-rules.txt"
check gate-malformed-rules 30 65 "bad-rules.txt: line 1" - -- "$WRITERBENCH" gate --csv "$WORK/good.csv" --rules "$WORK/bad-rules.txt"

: > "$WORK/empty.mp4"
check verify-empty 30 1 "stdout:valid: +NO" - -- "$WRITERBENCH" verify "$WORK/empty.mp4" --frames 10
head -c 200000 /dev/urandom > "$WORK/random.mp4"
check verify-random 30 1 "stdout:valid: +NO" - -- "$WRITERBENCH" verify "$WORK/random.mp4" --frames 10
if [ -n "$good" ]; then
    head -c $(( $(stat -c %s "$good") / 2 )) "$good" > "$WORK/truncated.mp4"
else
    echo "could not make a good video to truncate" >&2; : > "$WORK/truncated.mp4"; failures=$((failures + 1))
fi
check verify-truncated 30 1 "stdout:valid: +NO" - -- "$WRITERBENCH" verify "$WORK/truncated.mp4" --frames 30 --size 320x240

printf '\n%-26s %-6s %6s %8s  %s\n' case result status seconds detail
printf '%s\n' "${rows[@]}"
echo
if [ "$failures" -gt 0 ]; then echo "fault suite: $failures case(s) failed"; exit 1; fi
echo "fault suite: every case passed"
