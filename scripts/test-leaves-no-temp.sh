#!/usr/bin/env bash
# Runs the test suite (`swift test` with any arguments given) with a private temporary directory and fails when a
# WriterBench folder (`writerbench-*`) is left in it afterwards: the suite must clean up after itself.
set -uo pipefail
cd "$(dirname "$0")/.."
SWIFT=${SWIFT:-swift}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/wb-test-tmp.XXXXXX")
TMPDIR="$tmp" "$SWIFT" test "$@"
status=$?
left=$(find "$tmp" -mindepth 1 -maxdepth 1 -name 'writerbench-*' | wc -l)
if [ "$left" -gt 0 ]; then
    echo "the test suite left $left writerbench-* folder(s) in the temporary directory:" >&2
    find "$tmp" -mindepth 1 -maxdepth 1 -name 'writerbench-*' | head -5 >&2
    [ "$status" -ne 0 ] || status=1
else
    echo "temporary directory: the test suite left no writerbench-* folder"
fi
rm -rf "$tmp"
exit "$status"
