#!/usr/bin/env python3
"""Summarises pipeline CSVs of the batch-criterion series: per file, the libav-async rows' worst batch per run and
the medians of fps, steady fps, ceiling and ratio. Usage: summarize.py LABEL=FILE.csv ..."""
import csv
import statistics
import sys

print("| series | runs | worst batch ≤ 10 ms | worst batch per run, ms | pipeline fps | steady fps | ceiling fps | ratio | median batch ms |")
print("|---|---|---|---|---|---|---|---|---|")
for argument in sys.argv[1:]:
    label, path = argument.split("=", 1)
    rows = [r for r in csv.DictReader(open(path)) if r["strategy"] == "libav-async" and r["status"] == "ok"]
    worst = [float(r["batch_delay_ms_max"]) for r in rows]

    def median(column):
        values = [float(r[column]) for r in rows if r.get(column)]
        return f"{statistics.median(values):.1f}" if values else "-"

    ratio = [float(r["ceiling_ratio"]) for r in rows if r.get("ceiling_ratio")]
    print(f"| {label} | {len(rows)} | {sum(w <= 10 for w in worst)} of {len(rows)} | "
          + ", ".join(f"{w:.1f}" for w in worst)
          + f" | {median('pipeline_fps')} | {median('steady_fps')} | {median('pipeline_ceiling_fps')} | "
          + (f"{statistics.median(ratio):.2f}" if ratio else "-") + f" | {median('batch_delay_ms_p50')} |")
