#!/usr/bin/env python3
"""Verification ms per 1080p frame pair (verify_s / frames), PSNR and SSIM, per strategy and side, from measure.sh CSVs."""
import csv, glob, os, statistics, sys
out = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
rows = {}
for path in sorted(glob.glob(os.path.join(out, "*-*-[0-9]*.csv"))):
    if path.endswith(".samples.csv"):
        continue
    frameset, side = os.path.basename(path).split("-")[:2] if not os.path.basename(path).startswith("talking-head") \
        else ("talking-head", os.path.basename(path).split("-")[2])
    for r in csv.DictReader(open(path)):
        if not r.get("verify_s"):
            continue
        key = (frameset, r["strategy"], side)
        rows.setdefault(key, []).append((1000 * float(r["verify_s"]) / int(r["frames"]), r["psnr_db"], r["psnr_luma_db"], r["ssim"], r["valid"]))
print(f"{'frameset':13} {'strategy':18} {'side':7} {'ms/pair runs':24} {'median':>7}  psnr_db  psnr_luma  ssim     valid")
for (frameset, strategy, side), values in sorted(rows.items()):
    ms = [v[0] for v in values]
    first = values[0]
    print(f"{frameset:13} {strategy:18} {side:7} {' '.join(f'{m:.1f}' for m in ms):24} {statistics.median(ms):7.1f}  {first[1]:7}  {first[2]:9}  {first[3]:8} {','.join(sorted(set(v[4] for v in values)))}")
