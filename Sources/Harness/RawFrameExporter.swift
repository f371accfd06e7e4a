import Analysis
import Foundation
import Strategies
import SystemPackage

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
    ///
    /// - Throws: ``ExportError/cannotOpen(path:reason:)`` or ``ExportError/writeFailed(reason:errno:)`` with the
    ///   errno text (EPIPE, "Broken pipe", when a reader such as `head -c` stops early).
    public static func export(_ frameSet: FrameSet, size: FrameSize, count: Int, to path: String?) throws {
        // A reader that stops early (`| head -c`) must not kill us with SIGPIPE; the write then fails with EPIPE.
        BrokenPipeSignal.ignore()
        let destination: FileDescriptor
        if let path {
            do {
                destination = try FileDescriptor.createForWriting(path)
            } catch {
                throw ExportError.cannotOpen(path: path, reason: String(describing: error))
            }
        } else {
            destination = .standardOutput
        }
        defer { if path != nil { try? destination.close() } }
        let byteCount = size.width * size.height * 3
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: byteCount)
        defer { buffer.deallocate() }
        for index in 0..<count {
            frameSet.render(index, width: size.width, height: size.height, into: buffer)
            do {
                // swift-system retries on EINTR and continues after partial writes.
                try destination.writeAll(UnsafeRawBufferPointer(buffer))
            } catch let error as Errno {
                throw ExportError.writeFailed(reason: error.description, errno: error.rawValue)
            }
        }
    }
}
