import SystemPackage
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one rule for a system call swift-system does not wrap (wait4): -1 means failure with `errno` set, and EINTR
/// means try again, as swift-system's own `valueOrErrno(retryOnInterrupt:)` does for the calls it wraps.
enum SystemCall {
    /// Runs `body` until it succeeds or fails with something other than EINTR, and returns its result.
    ///
    /// - Throws: ``WriterError/system(call:errno:message:)`` naming `call` with the errno of the failure.
    static func value<I: FixedWidthInteger>(_ call: String, retryOnInterrupt: Bool = true,
                                            _ body: () -> I) throws(WriterError) -> I {
        while true {
            let result = body()
            if result != -1 { return result }
            let error = Errno(rawValue: errno)
            if retryOnInterrupt && error == .interrupted { continue }
            throw WriterError(call: call, errno: error)
        }
    }
}
