import Analysis
import Foundation
import Harness

/// The live status line on standard error: "3 of 10 configurations, ETA 01:24 · libav camera 640x480 rep 1: 30/60
/// frames", rewritten in place on a terminal; one line per finished run otherwise.
final class ProgressLine {
    private let isTerminal = isatty(STDERR_FILENO) != 0
    private var shown = false
    private let started = Date()
    private var configurations: ConfigurationProgress?

    func show(_ event: RunProgress) {
        switch event {
        case .generating(let frameSet, let size, let frames):
            update("generating \(frameSet.rawValue) \(size) (\(frames) frames)…")
        case .configuration(let index, let total, let repetitions):
            if configurations == nil { configurations = ConfigurationProgress(total: total) }
            configurations?.start(configuration: index, repetitions: repetitions)
        case .writing(let strategy, let frameSet, let size, let repetition, let done, let frames, _, let warmUp):
            configurations?.wrote(repetition: repetition, framesDone: done, frames: frames)
            let run = warmUp ? "warm-up" : "rep \(repetition + 1)"
            update("\(overall) · \(strategy) \(frameSet.rawValue) \(size) \(run): \(done)/\(frames) frames")
        case .verifying(let strategy):
            update("\(overall) · \(strategy): verifying output…")
        case .finished(let record):
            // Unavailable strategies get one line in the closing summary, not one each here.
            guard record.status != .unavailable else { return }
            configurations?.wrote(repetition: record.repeatIndex, framesDone: record.frames, frames: record.frames)
            let outcome = record.status == .ok
                ? String(format: "%.1f fps, write p95 %.3f ms", record.fps ?? 0, record.write?.percentile(95) ?? 0)
                : "\(record.status.rawValue): \(record.reason)"
            finish("[\(overall)] \(record.strategy) \(record.frameset) \(record.width)x\(record.height) rep \(record.repeatIndex + 1): \(outcome)")
        }
    }

    /// "k of N configurations, ETA mm:ss".
    private var overall: String {
        configurations?.text(elapsedSeconds: Date().timeIntervalSince(started)) ?? "starting"
    }

    func clear() {
        if isTerminal && shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        shown = false
    }

    private func update(_ text: String) {
        guard isTerminal else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K\(text)".utf8))
        shown = true
    }

    private func finish(_ text: String) {
        clear()
        FileHandle.standardError.write(Data("\(text)\n".utf8))
    }
}
