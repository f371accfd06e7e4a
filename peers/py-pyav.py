"""Peer: PyAV (libav through Python) encoding libx264 with WriterBench's preset, CRF and threads, as its users write
it: VideoFrame.from_ndarray, stream.encode, container.mux."""
import av

import peer_frames

args = peer_frames.arguments(__doc__)
timing = peer_frames.TimingReport()
libavcodec = ".".join(str(part) for part in av.library_versions["libavcodec"])
timing.version(f"av {av.__version__} (libavcodec {libavcodec})")
container = av.open(args.output, mode="w")
stream = container.add_stream("libx264", rate=args.fps)
stream.width = args.width
stream.height = args.height
stream.pix_fmt = "yuv420p"
stream.options = {"preset": args.preset, "crf": str(args.crf)}
if args.threads > 0:
    stream.codec_context.thread_count = args.threads


def write(frame):
    for packet in stream.encode(av.VideoFrame.from_ndarray(frame, format="bgr24")):
        container.mux(packet)


for index, frame in enumerate(peer_frames.frames(args.width, args.height)):
    timing.timed(index, write, frame)
for packet in stream.encode():
    container.mux(packet)
container.close()
timing.close()
