import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A CSV file that records are appended to as they arrive, so an interrupted run keeps what it measured, and that
/// several runs may share: every append holds an exclusive lock (`flock`) on the file, and nothing is ever truncated.
///
/// Two `writerbench run --out same.csv` started together both keep all their rows: the header is written only
/// when the file is empty, checked under the lock, and each record (or bulk of lines) is written whole under it.
/// Owns one file descriptor; confined to its owner's thread.
public final class CSVFileWriter {
    /// Path of the file.
    public let path: String
    private let descriptor: Int32

    /// How long an append waits for another process's lock before it gives up, seconds.
    public static let lockTimeoutSeconds = 30

    /// Opens `path` for appending, creating it and its folders when missing. Under the lock, an empty file gets
    /// `header`; a file with rows keeps them and must start with the same header. Throws ``ResultsFileError``.
    public init(path: String, header: [String]) throws {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw ResultsFileError.cannotOpen(
                path: path, reason: "cannot create the folder '\(folder.path)' (\(error.localizedDescription))")
        }
        let descriptor = open(path, O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw ResultsFileError.cannotOpen(path: path, reason: Self.errnoText()) }
        self.descriptor = descriptor
        self.path = path
        let headerLine = CSVFormat.line(header) + "\n"
        try locked {
            var status = stat()
            guard fstat(descriptor, &status) == 0 else { throw ResultsFileError.cannotOpen(path: path, reason: Self.errnoText()) }
            if status.st_size == 0 {
                try writeAll(headerLine)
            } else {
                let found = try firstLine(upTo: headerLine.utf8.count)
                guard found == headerLine else {
                    throw ResultsFileError.differentHeader(path: path, found: found.trimmingCharacters(in: .newlines))
                }
            }
        }
    }

    deinit { close(descriptor) }

    /// Appends one record.
    public func append(_ fields: [String]) throws { try appendLines(CSVFormat.line(fields) + "\n") }

    /// Appends already formatted CSV lines (each ending in a newline), for bulk output, in one locked write.
    public func appendLines(_ text: String) throws {
        guard !text.isEmpty else { return }
        try locked { try writeAll(text) }
    }

    /// Runs `body` holding the exclusive lock, waiting at most ``lockTimeoutSeconds`` for it.
    private func locked(_ body: () throws -> Void) throws {
        var waitedMs = 0
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR else {
                throw ResultsFileError.appendFailed(path: path, reason: "flock: \(Self.errnoText())")
            }
            guard waitedMs < Self.lockTimeoutSeconds * 1000 else {
                throw ResultsFileError.lockTimedOut(path: path, seconds: Self.lockTimeoutSeconds)
            }
            usleep(5_000)
            waitedMs += 5
        }
        defer { _ = flock(descriptor, LOCK_UN) }
        try body()
    }

    /// Writes all of `text` at the end of the file (O_APPEND), retrying partial writes and EINTR.
    private func writeAll(_ text: String) throws {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                throw ResultsFileError.appendFailed(path: path, reason: Self.errnoText())
            }
            offset += written
        }
    }

    /// The file's first line with its newline (or the first `limit` bytes when it has no newline that early).
    private func firstLine(upTo limit: Int) throws -> String {
        var buffer = [UInt8](repeating: 0, count: limit)
        var filled = 0
        while filled < limit {
            let count = buffer[filled...].withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, off_t(filled)) }
            if count < 0 {
                if errno == EINTR { continue }
                throw ResultsFileError.cannotOpen(path: path, reason: Self.errnoText())
            }
            if count == 0 { break }
            filled += count
        }
        let head = buffer[..<filled]
        let end = head.firstIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? filled
        return String(decoding: head[..<end], as: UTF8.self)
    }

    private static func errnoText() -> String { String(cString: strerror(errno)) }
}
