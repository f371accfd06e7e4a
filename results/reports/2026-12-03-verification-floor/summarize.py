#!/usr/bin/env python3
"""Verification ms per 1080p frame pair next to FFmpeg's decode-only wall time per frame of the same outputs.

Reads measure.sh's CSVs (FRAMESET-SIDE-ROUND.csv and decode-floor.csv) from the given directory (default: this one)
and prints one Markdown row per frame set, strategy and side: ms/pair per run and their median, the decode floor
per run and its median, and the median of the per-run differences (verification time beyond decoding alone)."""
import csv, glob, os, re, statistics, sys

out = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
verify, quality = {}, {}
for path in sorted(glob.glob(os.path.join(out, "*.csv"))):
    match = re.fullmatch(r"(camera|talking-head|noise)-(before|after)-(\d+)\.csv", os.path.basename(path))
    if not match:
        continue
    frameset, side, run = match.group(1), match.group(2), int(match.group(3))
    for row in csv.DictReader(open(path)):
        if not row.get("verify_s"):
            continue
        key = (frameset, row["strategy"], side)
        verify.setdefault(key, {})[run] = 1000 * float(row["verify_s"]) / int(row["frames"])
        quality.setdefault(key, set()).add((row["valid"], row["psnr_db"], row["ssim"]))
floor = {}
for row in csv.DictReader(open(os.path.join(out, "decode-floor.csv"))):
    key = (row["frameset"], row["strategy"], row["side"])
    floor.setdefault(key, {})[int(row["round"])] = 1000 * float(row["decode_wall_s"]) / int(row["frames"])

def runs(values):
    return " ".join(f"{values[r]:.1f}" for r in sorted(values))

print("| frame set | strategy | side | verify ms/pair (runs) | median | ffmpeg decode ms/frame (runs) | median "
      "| median of (verify − decode) | valid, PSNR dB, SSIM |")
print("|---|---|---|---|---|---|---|---|---|")
for key in sorted(verify):
    frameset, strategy, side = key
    v, f = verify[key], floor.get(key, {})
    beyond = [v[r] - f[r] for r in v if r in f]
    print(f"| {frameset} | {strategy} | {side} | {runs(v)} | {statistics.median(v.values()):.1f} | {runs(f)} | "
          f"{statistics.median(f.values()):.1f} | {statistics.median(beyond):.1f} | "
          f"{'; '.join(', '.join(q) for q in sorted(quality[key]))} |" if f else
          f"| {frameset} | {strategy} | {side} | {runs(v)} | {statistics.median(v.values()):.1f} | – | – | – | – |")
