import Analysis
import Foundation
import Harness

/// The live status line on standard error: rewritten in place on a terminal, one line per finished run otherwise.
final class ProgressLine {
    private let isTerminal = isatty(STDERR_FILENO) != 0
    private var shown = false

    func show(_ event: RunProgress) {
        switch event {
        case .generating(let frameSet, let size, let frames):
            update("generating \(frameSet.rawValue) \(size) (\(frames) frames)…")
        case .writing(let strategy, let frameSet, let size, let repetition, let done, let frames, let elapsed, let warmUp):
            let run = warmUp ? "warm-up" : "rep \(repetition + 1)"
            update(String(format: "%@ %@ %@ %@: %d/%d frames, %.1f s", strategy, frameSet.rawValue, size.description,
                          run, done, frames, elapsed))
        case .verifying(let strategy):
            update("\(strategy): verifying output…")
        case .finished(let record):
            let outcome = record.status == .ok
                ? String(format: "%.1f fps, write p95 %.3f ms", record.fps ?? 0, record.write?.percentile(95) ?? 0)
                : "\(record.status.rawValue): \(record.reason)"
            finish("\(record.strategy) \(record.frameset) \(record.width)x\(record.height) rep \(record.repeatIndex + 1): \(outcome)")
        }
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
