import Foundation
import SystemPackage
#if canImport(Glibc)
import Glibc
#endif

/// Checks, before a child process or encoder is started, that the output file can be created.
enum OutputPath {
    /// Creates (or truncates) the file at `path` to prove it is writable, then leaves it empty for the encoder.
    ///
    /// - Throws: ``WriterError/unwritableOutput(path:reason:)`` with the system's reason.
    static func prepare(_ path: String) throws {
        do {
            try FileDescriptor.createForWriting(path).close()
        } catch {
            throw WriterError.unwritableOutput(path: path, reason: String(describing: error))
        }
    }

    /// Size of the file at `path` in bytes, or 0 when it cannot be read.
    static func size(_ path: String) -> Int64 {
        var info = stat()
        return stat(path, &info) == 0 ? Int64(info.st_size) : 0
    }
}
