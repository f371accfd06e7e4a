import Foundation

/// Writes raw frames, exactly as the caller hands them (tightly packed rows), into an external command's stdin.
/// See ``ExternalStrategy``.
///
/// Synchronous: `write` returns once the frame's bytes are in the pipe, so the harness's caller-side time is the
/// pipe's. The command's own times (fd 3) come back in ``WriterReport/writerTimedWritesMs`` from `finish`.
final class ExternalWriter: VideoWriter {
    private let process: ExternalProcess
    private let watchdog: StallWatchdog
    private let declaration: ExternalStrategyDeclaration
    private let configuration: WriterConfiguration
    private let notes: [String]
    private var framesWritten = 0
    private var closed = false

    /// Spawns `command` for `configuration`.
    init(command: ExternalCommand, declaration: ExternalStrategyDeclaration, configuration: WriterConfiguration,
         notes: [String]) throws {
        self.declaration = declaration
        self.configuration = configuration
        self.notes = notes
        process = try ExternalProcess(shellText: command.shellText)
        watchdog = StallWatchdog(pid: process.pid, limitSeconds: declaration.stallTimeoutSeconds)
    }

    deinit { abort() }

    func write(_ frame: Frame) throws {
        guard !closed else { throw WriterError.closed }
        try configuration.geometry.check(frame)
        watchdog.writeBegins()
        defer { watchdog.writeEnds() }
        do {
            try frame.withUnsafeBytes { bytes in
                if frame.isTightlyPacked {
                    try process.stdin.writeAll(UnsafeRawBufferPointer(rebasing: bytes[..<frame.packedByteCount]))
                } else {
                    let rowBytes = frame.format.minimumStride(width: frame.width)
                    for row in 0..<frame.height {
                        let start = row * frame.stride
                        try process.stdin.writeAll(UnsafeRawBufferPointer(rebasing: bytes[start..<(start + rowBytes)]))
                    }
                }
            }
        } catch let error as WriterError {
            throw failure(after: error)
        }
        framesWritten += 1
    }

    func finish() throws -> WriterReport {
        guard !closed else { throw WriterError.closed }
        closed = true
        watchdog.stop()
        process.closeStdin()
        guard let status = process.wait(timeout: declaration.finishTimeoutSeconds) else {
            throw WriterError.encoderFailed(
                encoder: label,
                detail: "did not exit within \(Self.seconds(declaration.finishTimeoutSeconds)) after end of input (finish_timeout_s); killed. It said: \(process.stderrTail.lastLines())")
        }
        guard ChildProcess.succeeded(status) else {
            throw WriterError.encoderFailed(
                encoder: label,
                detail: "\(ChildProcess.describe(status: status)) at finish; it said: \(process.stderrTail.lastLines())")
        }
        let timing = process.timingLog.parse(frames: framesWritten)
        var notes = self.notes
        if let problem = timing.problem { notes.append("\(problem); write_ms is caller-side") }
        // "unknown" (an ad hoc --external) must not reach verification as a codec name: empty accepts any codec.
        let encoderUsed = declaration.encoder == "unknown" ? "" : declaration.encoder
        return WriterReport(bytesWritten: OutputPath.size(configuration.outputPath), encoderUsed: encoderUsed,
                            framesWritten: framesWritten, notes: notes, writerTimedWritesMs: timing.writeMs,
                            writerVersion: timing.version)
    }

    func abort() {
        guard !closed else { return }
        closed = true
        watchdog.stop()
        process.kill()
    }

    private var label: String { "external writer \(declaration.name)" }

    /// Turns a failed pipe write into the command's own explanation: reap it and quote its stderr.
    private func failure(after error: WriterError) -> WriterError {
        closed = true
        watchdog.stop()
        process.closeStdin()
        let stalled = watchdog.hasFired
        guard case .system(_, let code, _) = error, code == EPIPE else {
            process.kill()
            return error
        }
        let status = process.wait(timeout: 5)
        let outcome = status.map(ChildProcess.describe(status:)) ?? "did not exit; killed"
        let why = stalled
            ? "stalled: one write blocked longer than \(Self.seconds(declaration.stallTimeoutSeconds)) (stall_timeout_s), so it was killed"
            : "\(outcome) after \(framesWritten) frames"
        return .encoderFailed(encoder: label, detail: "\(why); it said: \(process.stderrTail.lastLines())")
    }

    private static func seconds(_ value: Double) -> String { String(format: "%g s", value) }
}
