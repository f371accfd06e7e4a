#!/usr/bin/env bash
# Records the demonstration history of results/reports/2026-12-02-history/README.md: every revision of
# `git rev-list --first-parent --reverse FIRST^..LAST` is checked out in ONE separate worktree, built in release mode
# at idle CPU priority into ONE scratch folder (so each build is incremental), and measured once with the gate
# settings (ffmpeg-pipe-async, camera 1920x1080, 300 frames, pace 30, 3 repetitions) under the shared measurement
# lock; `--db` appends the rows to the history store, with the revision read from the worktree.
#
#   record-history.sh FIRST LAST OUT_DIR [WORKTREE] [SCRATCH]
set -euo pipefail
first=$1 last=$2 out=$3
worktree=${4:-/tmp/wb-bisect/worktree} scratch=${5:-/tmp/wb-bisect/scratch}
mkdir -p "$out/runs" "$out/builds"
[ -d "$worktree" ] || git worktree add --detach "$worktree" "$first"
i=0
for rev in $(git rev-list --first-parent --reverse "$first^..$last"); do
    i=$((i + 1)); short=$(git rev-parse --short "$rev")
    git -C "$worktree" checkout -q --detach "$rev"
    start=$(date +%s)
    # Builds run at idle priority and outside the lock; a build has 40 minutes at most.
    if ! (cd "$worktree" && timeout 2400 chrt -i 0 swift build -c release --scratch-path "$scratch" --product writerbench \
            > "$out/builds/$i-$short.log" 2>&1); then
        echo "$i $short: build failed (see $out/builds/$i-$short.log); skipped"; continue
    fi
    echo "$i $short: built in $(( $(date +%s) - start )) s"
    # Only the benchmark holds the lock; it runs from the worktree so the revision recorded is the candidate's.
    (cd "$worktree" && timeout 600 flock /tmp/wb-measure.lock "$scratch/release/writerbench" run \
        --strategy ffmpeg-pipe-async --frameset camera --size 1920x1080 --frames 300 --pace 30 --repeat 3 \
        --no-ceiling --verify-stride 10 --out "$out/runs/$i-$short.csv" --db "$out/history.sqlite") \
        > "$out/runs/$i-$short.log" 2>&1 || echo "$i $short: run exited $? (see $out/runs/$i-$short.log)"
    grep -E "^history:" "$out/runs/$i-$short.log" | sed "s/^/$i $short: /" || true
done
