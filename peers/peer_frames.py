"""Shared plumbing of the Python peer adapters: arguments, raw BGR frames from stdin, writer-side timing on fd 3.

The timing protocol (results/README.md, "Writer-side timing"): one line per frame, `INDEX MICROSECONDS`, the time the
adapter's caller was blocked in the library's write call; one `version TEXT` line. Reading a frame from stdin is not
timed: that is WriterBench's side of the pipe.
"""
import argparse
import os
import sys
import time

import numpy as np


def arguments(description):
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--width", type=int, required=True)
    parser.add_argument("--height", type=int, required=True)
    parser.add_argument("--fps", type=int, required=True)
    parser.add_argument("--output", required=True)
    parser.add_argument("--preset", default=None)
    parser.add_argument("--crf", type=int, default=None)
    parser.add_argument("--threads", type=int, default=0)
    return parser.parse_args()


class TimingReport:
    """Writes `INDEX MICROSECONDS` lines to fd 3 when the caller opened it; does nothing otherwise."""

    def __init__(self):
        try:
            os.fstat(3)
            self.stream = os.fdopen(3, "w", buffering=1 << 16)
        except OSError:
            self.stream = None

    def version(self, text):
        if self.stream:
            self.stream.write(f"version {text}\n")

    def timed(self, index, call, *args):
        start = time.perf_counter_ns()
        result = call(*args)
        elapsed = time.perf_counter_ns() - start
        if self.stream:
            self.stream.write(f"{index} {elapsed / 1000:.1f}\n")
        return result

    def close(self):
        if self.stream:
            self.stream.close()


def frames(width, height):
    """Yields each frame from stdin as a (height, width, 3) uint8 BGR array; stops at end of input."""
    size = width * height * 3
    stdin = sys.stdin.buffer
    while True:
        buffer = bytearray(size)
        view = memoryview(buffer)
        filled = 0
        while filled < size:
            count = stdin.readinto(view[filled:])
            if not count:
                if filled:
                    sys.exit(f"input ended inside a frame ({filled} of {size} bytes)")
                return
            filled += count
        yield np.frombuffer(buffer, dtype=np.uint8).reshape(height, width, 3)
