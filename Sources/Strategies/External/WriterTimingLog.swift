import Foundation
import Synchronization

/// What an external writer reported on file descriptor 3: its own time for each `write`, and its library version.
///
/// The protocol (results/README.md, "Writer-side timing"): one line per frame, `INDEX MICROSECONDS` (0-based frame
/// index, decimal microseconds the writer's caller was blocked in its write call); optionally one line
/// `version TEXT`; blank lines and lines starting with `#` are ignored. Filled by a drain thread, read after the
/// writer has exited; guarded by a mutex.
final class WriterTimingLog: Sendable {
    private let bytes = Mutex<[UInt8]>([])

    /// Appends bytes read from fd 3.
    func append(_ buffer: UnsafeRawBufferPointer) {
        bytes.withLock { $0.append(contentsOf: buffer) }
    }

    /// The parsed report for a run of `frames` frames.
    func parse(frames: Int) -> WriterTimingReport {
        let text = bytes.withLock { String(decoding: $0, as: UTF8.self) }
        return WriterTimingReport(text: text, frames: frames)
    }
}

/// The parsed content of a ``WriterTimingLog``.
struct WriterTimingReport: Equatable {
    /// Writer-side write times in milliseconds, indexed by frame; nil unless every frame 0..<frames has exactly one.
    var writeMs: [Double]?
    /// The `version` line's text.
    var version: String?
    /// Why the times were not used, when lines were present but incomplete or unreadable.
    var problem: String?

    init(text: String, frames: Int) {
        var times = [Double?](repeating: nil, count: frames)
        var timeLines = 0
        for (number, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("version ") {
                version = String(line.dropFirst("version ".count)).trimmingCharacters(in: .whitespaces)
                continue
            }
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            guard fields.count == 2, let index = Int(fields[0]), let micros = Double(fields[1]), micros >= 0,
                  micros.isFinite else {
                problem = problem ?? "fd 3 line \(number + 1) is not 'INDEX MICROSECONDS': '\(line.prefix(60))'"
                continue
            }
            timeLines += 1
            guard (0..<frames).contains(index) else {
                problem = problem ?? "fd 3 reported frame \(index), outside 0..<\(frames)"
                continue
            }
            if times[index] != nil { problem = problem ?? "fd 3 reported frame \(index) twice" }
            times[index] = micros / 1000
        }
        guard timeLines > 0 else { return }
        let complete = times.compactMap { $0 }
        if problem == nil && complete.count < frames {
            problem = "fd 3 reported \(complete.count) of \(frames) write times"
        }
        if problem == nil { writeMs = complete }
    }
}
