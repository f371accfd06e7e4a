import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Checks, before a child process or encoder is started, that the output file can be created.
enum OutputPath {
    /// Creates (or truncates) the file at `path` to prove it is writable, then leaves it empty for the encoder.
    ///
    /// - Throws: ``WriterError/unwritableOutput(path:reason:)`` with the system's reason.
    static func prepare(_ path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw WriterError.unwritableOutput(path: path, reason: String(cString: strerror(errno)))
        }
        close(fd)
    }

    /// Size of the file at `path` in bytes, or 0 when it cannot be read.
    static func size(_ path: String) -> Int64 {
        var info = stat()
        return stat(path, &info) == 0 ? Int64(info.st_size) : 0
    }
}
