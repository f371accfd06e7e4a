import CPosixShim
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An owned POSIX file descriptor: the only place in Strategies that calls `write`, `read` and `close` on one.
///
/// Not thread-safe: one owner at a time. `close` is idempotent.
final class FileDescriptor {
    private(set) var rawValue: Int32

    init(_ rawValue: Int32) { self.rawValue = rawValue }

    deinit { close() }

    var isOpen: Bool { rawValue >= 0 }

    func close() {
        if rawValue >= 0 {
            _ = Glibc.close(rawValue)
            rawValue = -1
        }
    }

    /// Writes every byte of `buffer`, retrying on EINTR and continuing after partial writes.
    ///
    /// - Throws: ``WriterError/system(call:errno:message:)`` with the failing errno (EPIPE when the reader is gone).
    func writeAll(_ buffer: UnsafeRawBufferPointer) throws {
        guard var base = buffer.baseAddress else { return }
        var remaining = buffer.count
        while remaining > 0 {
            let written = Glibc.write(rawValue, base, remaining)
            if written < 0 {
                let code = errno
                if code == EINTR { continue }
                throw WriterError.system(call: "write", errno: code, message: String(cString: strerror(code)))
            }
            remaining -= written
            base += written
        }
    }

    /// Reads up to `buffer.count` bytes, retrying on EINTR. Returns 0 at end of file.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        while true {
            let count = Glibc.read(rawValue, buffer.baseAddress, buffer.count)
            if count >= 0 { return count }
            let code = errno
            if code == EINTR { continue }
            throw WriterError.system(call: "read", errno: code, message: String(cString: strerror(code)))
        }
    }

    /// Asks the kernel for a pipe buffer of `bytes` (Linux F_SETPIPE_SZ), capped by /proc/sys/fs/pipe-max-size
    /// for unprivileged processes. Returns the size in effect afterwards, or nil where the system has no such call.
    func enlargePipeBuffer(to bytes: Int) -> Int? {
        var request = bytes
        while request >= 65_536 {
            if cposix_set_pipe_size(rawValue, Int32(request)) >= 0 { break }
            request /= 2
        }
        let size = cposix_get_pipe_size(rawValue)
        return size > 0 ? Int(size) : nil
    }
}
