import CFFmpegShim
import Foundation

/// Collects the lines libav logs on the calling thread while `body` runs, so that a refused encoder is explained in
/// the library's own words.
///
/// `avcodec_open2` on a machine without the hardware returns a generic code (`AVERROR_EXTERNAL`, "Generic error in
/// an external library"); the useful sentence ("Cannot load libcuda.so.1", "Could not find a valid device") only goes
/// to libav's log. libav has a single process-wide log callback, so the capturing callback (in the CFFmpegShim C
/// target, because libav hands it a `va_list`) is installed by the first capture and stays: lines from other threads,
/// and every line when no capture runs, go on to `av_log_default_callback`, which applies libav's level as before.
/// The cost for everyone else is one thread-local read per logged line. Swift only starts and ends captures and reads
/// the kept lines; no C code calls into Swift.
enum LibAVLogCapture {
    /// Runs `body` and returns its result with the warning and error lines libav logged on this thread meanwhile, in
    /// the form of ``readable(_:)``. Captures take one lock, so at most one thread captures at a time.
    static func capture<R>(_ body: () -> R) -> (result: R, lines: [String]) {
        exclusive.lock()
        defer { exclusive.unlock() }
        cffmpeg_log_capture_begin()
        let result = body()
        let count = cffmpeg_log_capture_end()
        let lines = (0..<count).compactMap { index in cffmpeg_log_capture_line(index).map { String(cString: $0) } }
            .map(readable).filter { !$0.isEmpty }
        return (result, Array(lines.prefix(lineLimit)))
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

    /// Held for the whole of a capture and while its lines are read: the C side keeps one capture's lines, so two
    /// captures must never interleave.
    private static let exclusive = NSLock()
    /// Keeps at most this many lines; a failing open logs two or three.
    private static let lineLimit = 16
}
