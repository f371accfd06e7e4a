"""Peer: the hand-written ffmpeg pipe of the story that started WriterBench: subprocess.Popen with a large buffer
(bufsize=10**8), libx264 at ffmpeg's defaults (preset medium, CRF 23), proc.stdin.write(frame.tobytes())."""
import shutil
import subprocess
import sys

import peer_frames

args = peer_frames.arguments(__doc__)
timing = peer_frames.TimingReport()
ffmpeg = shutil.which("ffmpeg")
if ffmpeg is None:
    sys.exit("ffmpeg not found in PATH")
version = subprocess.run([ffmpeg, "-version"], capture_output=True, text=True).stdout.split(" Copyright")[0]
timing.version(f"python {sys.version.split()[0]}, {version}")
command = [ffmpeg, "-y", "-loglevel", "error", "-f", "rawvideo", "-pix_fmt", "bgr24",
           "-s", f"{args.width}x{args.height}", "-r", str(args.fps), "-i", "-",
           "-c:v", "libx264", "-pix_fmt", "yuv420p", args.output]
process = subprocess.Popen(command, stdin=subprocess.PIPE, bufsize=10**8)


def write(frame):
    process.stdin.write(frame.tobytes())


for index, frame in enumerate(peer_frames.frames(args.width, args.height)):
    timing.timed(index, write, frame)
process.stdin.close()
sys.exit(process.wait())
