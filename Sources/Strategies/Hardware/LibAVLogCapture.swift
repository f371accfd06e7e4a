import CFFmpeg
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Collects the lines libav logs on the calling thread while `body` runs, so that a refused encoder is explained in
/// the library's own words.
///
/// `avcodec_open2` on a machine without the hardware returns a generic code (`AVERROR_EXTERNAL`, "Generic error in
/// an external library"); the useful sentence ("Cannot load libcuda.so.1", "Could not find a valid device") only goes
/// to libav's log. libav has a single process-wide log callback, so the capturing callback
/// (`cffmpeg_capturing_log_callback`, in C because of its `va_list`) is installed once and stays: lines from other
/// threads, and every line when no capture runs, go on to `av_log_default_callback`, which applies libav's level as
/// before. The cost for everyone else is one lock per logged line, and libav logs rarely at WriterBench's level.
enum LibAVLogCapture {
    /// Runs `body` and returns its result with the warning and error lines libav logged on this thread meanwhile, in
    /// the form of ``readable(_:)``. Captures take one lock, so at most one thread captures at a time.
    static func capture<R>(_ body: () -> R) -> (result: R, lines: [String]) {
        installCallback()
        exclusive.lock()
        defer { exclusive.unlock() }
        state.withLock { $0 = Capture(thread: pthread_self(), lines: []) }
        let result = body()
        let lines = state.withLock { capture in
            defer { capture = nil }
            return capture?.lines ?? []
        }
        return (result, lines)
    }

    /// `[h264_nvenc @ 0x55d1…] Cannot load libcuda.so.1\n` → `h264_nvenc: Cannot load libcuda.so.1`: the address
    /// changes on every run and means nothing to a reader of the CSV.
    static func readable(_ line: String) -> String {
        var text = Substring(line)
        while let last = text.last, last.isWhitespace { text.removeLast() }
        guard text.hasPrefix("["), let close = text.firstIndex(of: "]") else { return String(text) }
        let prefix = text[text.index(after: text.startIndex)..<close]
        let name = prefix.range(of: " @ ").map { String(prefix[..<$0.lowerBound]) } ?? String(prefix)
        let message = text[text.index(after: close)...].drop { $0 == " " }
        return name.isEmpty ? String(message) : "\(name): \(message)"
    }

    /// Whether the calling thread is the one capturing (called by the C callback for every line).
    static func isCapturingThread() -> Bool {
        state.withLock { capture in capture.map { pthread_equal($0.thread, pthread_self()) != 0 } ?? false }
    }

    /// Keeps one line logged on the capturing thread (called by the C callback).
    static func record(_ line: String) {
        let line = readable(line)
        guard !line.isEmpty else { return }
        state.withLock { capture in
            if let count = capture?.lines.count, count < lineLimit { capture?.lines.append(line) }
        }
    }

    private struct Capture {
        var thread: pthread_t
        var lines: [String]
    }

    /// Held for the whole of a capture, so two captures never interleave.
    private static let exclusive = NSLock()
    /// The running capture, read by the callback on whatever thread libav logs from.
    private static let state = Mutex<Capture?>(nil)
    /// Keeps at most this many lines; a failing open logs two or three.
    private static let lineLimit = 16

    private static let installed: Void = { cffmpeg_install_capturing_log_callback() }()
    private static func installCallback() { _ = installed }
}

// The two functions CFFmpeg's C log callback calls back into. Public only so that no build (release, whole-module,
// dead-stripping) can drop or hide the C symbols the callback links against; not meant for Swift callers.

/// Called by libav's log callback (`writerbench_log_capture_active` in CFFmpeg.h), not by Swift code: 1 when the
/// calling thread is capturing libav's log.
@_cdecl("writerbench_log_capture_active")
public func writerbenchLogCaptureActive() -> Int32 {
    LibAVLogCapture.isCapturingThread() ? 1 : 0
}

/// Called by libav's log callback (`writerbench_log_capture_line` in CFFmpeg.h), not by Swift code: keeps one
/// formatted line logged on the capturing thread.
@_cdecl("writerbench_log_capture_line")
public func writerbenchLogCaptureLine(_ level: Int32, _ line: UnsafePointer<CChar>?) {
    guard let line else { return }
    LibAVLogCapture.record(String(cString: line))
}
