import SystemPackage

extension FileDescriptor {
    /// Creates the file at `path`, or truncates it to empty, and opens it write-only and close-on-exec with mode 0644
    /// (less the umask): how WriterBench opens every file it writes itself (output probes, raw frame exports).
    /// The caller owns the descriptor and closes it. Retried on EINTR.
    ///
    /// - Throws: `Errno` (ENOENT for a missing directory, EACCES, EISDIR…), whose description is strerror's text.
    public static func createForWriting(_ path: String) throws -> FileDescriptor {
        try open(FilePath(path), .writeOnly, options: [.create, .truncate, .closeOnExec],
                 permissions: [.ownerReadWrite, .groupRead, .otherRead])
    }
}
