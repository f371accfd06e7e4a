import Analysis
import Foundation
import Strategies
#if canImport(Glibc)
import Glibc
#endif

/// Writes frames of a frame set as raw, tightly packed BGR24 (what `ffmpeg -f rawvideo -pix_fmt bgr24` reads),
/// so other tools can be fed exactly the frames WriterBench measures with.
public enum RawFrameExporter {
    /// Why an export stopped.
    public enum ExportError: Error, CustomStringConvertible {
        /// The destination could not be opened.
        case cannotOpen(path: String, reason: String)
        /// A write failed (EPIPE when the reader went away).
        case writeFailed(reason: String, errno: Int32)

        public var description: String {
            switch self {
            case .cannotOpen(let path, let reason): "cannot open '\(path)' for writing: \(reason)"
            case .writeFailed(let reason, _): "writing frames failed: \(reason)"
            }
        }
    }

    /// Writes frames 0..<count of `frameSet` at `size` to `path`, or to standard output when `path` is nil.
    public static func export(_ frameSet: FrameSet, size: FrameSize, count: Int, to path: String?) throws {
        // A reader that stops early (`| head -c`) must not kill us with SIGPIPE; the write then fails with EPIPE.
        signal(SIGPIPE, SIG_IGN)
        let fd: Int32
        if let path {
            fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
            guard fd >= 0 else { throw ExportError.cannotOpen(path: path, reason: String(cString: strerror(errno))) }
        } else {
            fd = STDOUT_FILENO
        }
        defer { if path != nil { close(fd) } }
        let byteCount = size.width * size.height * 3
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: byteCount)
        defer { buffer.deallocate() }
        for index in 0..<count {
            frameSet.render(index, width: size.width, height: size.height, into: buffer)
            var offset = 0
            while offset < byteCount {
                let written = write(fd, buffer.baseAddress! + offset, byteCount - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw ExportError.writeFailed(reason: String(cString: strerror(errno)), errno: errno)
                }
                offset += written
            }
        }
    }
}
