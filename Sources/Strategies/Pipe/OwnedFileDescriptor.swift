#if canImport(Glibc)
import Glibc
#endif
import CPosixShim
import SystemPackage

/// An owned file descriptor: the only place in Strategies that reads, writes or closes one.
///
/// Every call goes through swift-system's `FileDescriptor`, which retries on EINTR and (in `writeAll`) continues after
/// partial writes; this type adds what swift-system leaves out: ownership (it closes the descriptor once, on
/// ``close()`` or in `deinit`) and errors in WriterError's terms, naming the call and the errno text.
/// Not thread-safe: one owner at a time. `close` is idempotent.
final class OwnedFileDescriptor {
    private var descriptor: FileDescriptor?

    /// Takes ownership of `descriptor`.
    init(_ descriptor: FileDescriptor) { self.descriptor = descriptor }

    deinit { close() }

    /// A new pipe whose ends are both close-on-exec (pipe2 with O_CLOEXEC), so that a child spawned by another thread
    /// never inherits them. Ignores SIGPIPE first (``BrokenPipeSignal/ignore()``): writing to the pipe after its
    /// reader has gone then fails with EPIPE instead of killing the process.
    ///
    /// - Throws: ``WriterError/system(call:errno:message:)`` naming `pipe2` (EMFILE when out of descriptors).
    static func pipe() throws(WriterError) -> (readEnd: OwnedFileDescriptor, writeEnd: OwnedFileDescriptor) {
        BrokenPipeSignal.ignore()
        do {
            let ends = try FileDescriptor.pipe(options: .closeOnExec)
            return (OwnedFileDescriptor(ends.readEnd), OwnedFileDescriptor(ends.writeEnd))
        } catch {
            throw WriterError(call: "pipe2", errno: error)
        }
    }

    /// The descriptor number, or -1 once closed.
    var rawValue: Int32 { descriptor?.rawValue ?? -1 }

    /// Whether the descriptor is still open.
    var isOpen: Bool { descriptor != nil }

    /// Closes the descriptor (once; later calls do nothing). A failing close is ignored: the descriptor is gone
    /// either way, and retrying close on Linux could close a descriptor another thread just opened.
    func close() {
        guard let descriptor else { return }
        self.descriptor = nil
        try? descriptor.close()
    }

    /// Hands the descriptor to the caller, who must close it; this object then owns nothing.
    func release() -> FileDescriptor? {
        defer { descriptor = nil }
        return descriptor
    }

    /// Writes every byte of `buffer`, retrying on EINTR and continuing after partial writes.
    ///
    /// - Throws: ``WriterError/system(call:errno:message:)`` naming `write` with the failing errno (EPIPE when the
    ///   reader is gone, EBADF after ``close()``).
    func writeAll(_ buffer: UnsafeRawBufferPointer) throws(WriterError) {
        guard let descriptor else { throw WriterError(call: "write", errno: .badFileDescriptor) }
        do {
            try descriptor.writeAll(buffer)
        } catch {
            throw WriterError(call: "write", errno: error)
        }
    }

    /// Puts the descriptor in non-blocking mode (O_NONBLOCK), for ``writeAll(_:stallTimeout:onProgress:)``.
    ///
    /// - Throws: ``WriterError/system(call:errno:message:)`` naming `fcntl`.
    func makeNonBlocking() throws(WriterError) {
        guard let descriptor else { throw WriterError(call: "fcntl", errno: .badFileDescriptor) }
        let flags = fcntl(descriptor.rawValue, F_GETFL)
        guard flags >= 0, fcntl(descriptor.rawValue, F_SETFL, flags | O_NONBLOCK) == 0 else {
            throw WriterError(call: "fcntl(O_NONBLOCK)", errno: Errno(rawValue: errno))
        }
    }

    /// Writes every byte of `buffer` to a non-blocking descriptor, waiting with poll(2) whenever it is full; returns
    /// false when no byte was accepted for `stallTimeout` (the rest is then unwritten). Each accepted chunk restarts
    /// the wait and calls `onProgress`.
    ///
    /// - Throws: ``WriterError/system(call:errno:message:)`` naming `write` or `poll` (EPIPE when the reader is gone).
    func writeAll(_ buffer: UnsafeRawBufferPointer, stallTimeout: Duration,
                  onProgress: () -> Void = {}) throws(WriterError) -> Bool {
        guard let descriptor else { throw WriterError(call: "write", errno: .badFileDescriptor) }
        var offset = 0
        while offset < buffer.count {
            let written: Int
            do {
                written = try descriptor.write(UnsafeRawBufferPointer(rebasing: buffer[offset...]))
            } catch let error as Errno where error == .wouldBlock || error == .resourceTemporarilyUnavailable {
                guard try waitUntilWritable(descriptor, for: stallTimeout) else { return false }
                continue
            } catch {
                throw WriterError(call: "write", errno: error)
            }
            offset += written
            onProgress()
        }
        return true
    }

    /// Waits until `descriptor` can take bytes (or its reader is gone), at most `timeout`. False on timeout.
    private func waitUntilWritable(_ descriptor: FileDescriptor, for timeout: Duration) throws(WriterError) -> Bool {
        let deadline = Heartbeat.now() + timeout.wholeNanoseconds
        while true {
            let now = Heartbeat.now()
            guard now < deadline else { return false }
            var entry = pollfd(fd: descriptor.rawValue, events: Int16(POLLOUT), revents: 0)
            let milliseconds = Int32(min((deadline - now + 999_999) / 1_000_000, UInt64(Int32.max)))
            let ready = poll(&entry, 1, milliseconds)
            if ready > 0 { return true }
            if ready < 0 && errno != EINTR { throw WriterError(call: "poll", errno: Errno(rawValue: errno)) }
        }
    }

    /// Reads up to `buffer.count` bytes, retrying on EINTR. Returns 0 at end of file.
    ///
    /// - Throws: ``WriterError/system(call:errno:message:)`` naming `read` (EBADF after ``close()``).
    func read(into buffer: UnsafeMutableRawBufferPointer) throws(WriterError) -> Int {
        guard let descriptor else { throw WriterError(call: "read", errno: .badFileDescriptor) }
        do {
            return try descriptor.read(into: buffer)
        } catch {
            throw WriterError(call: "read", errno: error)
        }
    }

    /// Asks the kernel for a pipe buffer of `bytes` (Linux F_SETPIPE_SZ), capped by /proc/sys/fs/pipe-max-size
    /// for unprivileged processes. Returns the size in effect afterwards, or nil where the system has no such call.
    func enlargePipeBuffer(to bytes: Int) -> Int? {
        guard let descriptor else { return nil }
        var request = bytes
        while request >= 65_536 {
            if cposix_set_pipe_size(descriptor.rawValue, Int32(request)) >= 0 { break }
            request /= 2
        }
        let size = cposix_get_pipe_size(descriptor.rawValue)
        return size > 0 ? Int(size) : nil
    }
}
