#!/usr/bin/env python3
"""Per series: runs, worst batch (raw and without the host's share), sleeps, pipeline and steady fps, host steal."""
import csv, statistics, sys, glob, os
d = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
print("| series | runs | raw worst <= 10 ms | worst batch per run, ms (raw / without host) | hand-offs that slept | pipeline fps (median) | steady fps (median) | host steal % (median, max) |")
print("|---|---|---|---|---|---|---|---|")
for f in sorted(glob.glob(os.path.join(d, "*.csv"))):
    rows = [r for r in csv.DictReader(open(f)) if r["strategy"] == "libav-async"]
    if not rows: continue
    raw = [float(r["batch_delay_ms_max"]) for r in rows]
    own = [float(r["batch_delay_excl_steal_ms_max"]) for r in rows]
    slept = sum(1 for r in rows for b in r["batch_hand_offs"].split(";") if b and int(b.split("/")[3]) > 0)
    total = sum(1 for r in rows for b in r["batch_hand_offs"].split(";") if b)
    fps = statistics.median(float(r["pipeline_fps"]) for r in rows)
    steady = statistics.median(float(r["steady_fps"]) for r in rows)
    steal = [float(r["host_steal_pct"]) for r in rows if r["host_steal_pct"]]
    per = ", ".join(f"{a:.1f}/{b:.1f}" for a, b in zip(raw, own))
    print(f"| {os.path.basename(f)[:-4]} | {len(rows)} | {sum(x <= 10 for x in raw)} of {len(rows)} | {per} | {slept} of {total} | {fps:.1f} | {steady:.1f} | {statistics.median(steal):.2f}, {max(steal):.2f} |")
