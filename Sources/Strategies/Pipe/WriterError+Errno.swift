import SystemPackage

extension WriterError {
    /// A failed system call, as ``WriterError/system(call:errno:message:)``: `call` names it, `errno` says why
    /// (its number and strerror text, e.g. "write failed (errno 32): Broken pipe").
    init(call: String, errno: Errno) {
        self = .system(call: call, errno: errno.rawValue, message: errno.description)
    }

    /// The same for an error swift-system threw, which is always an `Errno`; anything else keeps its own words.
    init(call: String, errno error: any Error) {
        if let errno = error as? Errno {
            self.init(call: call, errno: errno)
        } else {
            self = .system(call: call, errno: 0, message: String(describing: error))
        }
    }
}
