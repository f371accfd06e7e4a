"""Peer: OpenCV's cv2.VideoWriter with fourcc mp4v, as its users write it. OpenCV takes no preset, CRF or threads."""
import sys

import cv2

import peer_frames

args = peer_frames.arguments(__doc__)
timing = peer_frames.TimingReport()
timing.version(f"opencv-python-headless {cv2.__version__}")
writer = cv2.VideoWriter(args.output, cv2.VideoWriter_fourcc(*"mp4v"), args.fps, (args.width, args.height))
if not writer.isOpened():
    sys.exit(f"cv2.VideoWriter could not open {args.output} with mp4v")
for index, frame in enumerate(peer_frames.frames(args.width, args.height)):
    timing.timed(index, writer.write, frame)
writer.release()
timing.close()
