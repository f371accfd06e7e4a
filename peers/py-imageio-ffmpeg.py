"""Peer: imageio-ffmpeg's write_frames generator (its bundled ffmpeg binary behind a pipe), libx264 with
WriterBench's preset and CRF, as its users write it."""
import imageio_ffmpeg

import peer_frames

args = peer_frames.arguments(__doc__)
timing = peer_frames.TimingReport()
timing.version(f"imageio-ffmpeg {imageio_ffmpeg.__version__} (ffmpeg {imageio_ffmpeg.get_ffmpeg_version()})")
output_params = ["-preset", args.preset, "-crf", str(args.crf)]
if args.threads > 0:
    output_params += ["-threads", str(args.threads)]
writer = imageio_ffmpeg.write_frames(
    args.output, (args.width, args.height), fps=args.fps, codec="libx264", pix_fmt_in="bgr24",
    pix_fmt_out="yuv420p", quality=None, macro_block_size=1, output_params=output_params, ffmpeg_log_level="error")
writer.send(None)
for index, frame in enumerate(peer_frames.frames(args.width, args.height)):
    timing.timed(index, writer.send, frame)
writer.close()
timing.close()
