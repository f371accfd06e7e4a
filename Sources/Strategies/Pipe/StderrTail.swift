import Foundation
import Synchronization

/// The last few kilobytes a child process printed on stderr, kept for error messages.
///
/// Written by the drain thread, read by the writer; guarded by a mutex.
final class StderrTail: Sendable {
    private let storage = Mutex<[UInt8]>([])
    private let total = Mutex<Int64>(0)
    private let limit: Int

    init(limit: Int = 16 * 1024) { self.limit = limit }

    /// Bytes appended so far (including those no longer kept): grows while the child prints.
    var byteCount: Int64 { total.withLock { $0 } }

    func append(_ bytes: UnsafeRawBufferPointer) {
        total.withLock { $0 += Int64(bytes.count) }
        storage.withLock { buffer in
            buffer.append(contentsOf: bytes)
            if buffer.count > limit { buffer.removeFirst(buffer.count - limit) }
        }
    }

    /// The last `count` non-empty lines, joined with " | ", or "(no output on stderr)".
    func lastLines(_ count: Int = 6) -> String {
        let text = storage.withLock { String(decoding: $0, as: UTF8.self) }
        let lines = text.split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        return lines.isEmpty ? "(no output on stderr)" : lines.suffix(count).joined(separator: " | ")
    }
}
