import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes `text` to `path` as an executable script whose file descriptor is close-on-exec from the start.
///
/// Why not `String.write(toFile:)`: its descriptor is inheritable, so a child that another test spawns at that
/// moment (ffprobe, ffmpeg) keeps the file open for writing for its whole life, and executing the script then fails
/// with ETXTBSY ("Text file busy"), which made the suite flaky.
public func writeExecutableScript(_ text: String, to path: String) throws {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o755)
    guard fd >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
    defer { close(fd) }
    let bytes = Array(text.utf8)
    var offset = 0
    while offset < bytes.count {
        let written = bytes[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        if written < 0 {
            if errno == EINTR { continue }
            throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
        }
        offset += written
    }
    // open's mode is filtered by the umask; make sure the script is executable.
    guard fchmod(fd, 0o755) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
}
