import Foundation

/// Writes raw frames, exactly as the caller hands them (tightly packed rows), into an external command's stdin.
/// See ``ExternalStrategy``.
///
/// Synchronous: `write` returns once the frame's bytes are in the pipe, so the harness's caller-side time is the
/// pipe's. The command's own times (fd 3) come back in ``WriterReport/writerTimedWritesMs`` from `finish`.
///
/// The command runs under `/bin/sh -c` as a ``ChildProcess`` with an fd 3 channel, on the normal scheduler (a peer
/// is measured as its users run it), and is watched as the ffmpeg pipe is: a write whose bytes the command takes
/// none of for `stall_timeout_s` kills its process group; a `finish` longer than `finish_timeout_s` too.
final class ExternalWriter: VideoWriter {
    private let process: ChildProcess
    private let declaration: ExternalStrategyDeclaration
    private let configuration: WriterConfiguration
    private let notes: [String]
    private var framesWritten = 0
    private var closed = false
    /// Whether a write gave up on the command (see ``send(_:)``).
    private var stalled = false

    /// Spawns `command` for `configuration`.
    init(command: ExternalCommand, declaration: ExternalStrategyDeclaration, configuration: WriterConfiguration,
         notes: [String]) throws {
        self.declaration = declaration
        self.configuration = configuration
        self.notes = notes
        process = try ChildProcess(shellText: command.shellText, timingChannel: true, batchScheduling: false)
    }

    deinit { abort() }

    func write(_ frame: Frame) throws {
        guard !closed else { throw WriterError.closed }
        try configuration.geometry.check(frame)
        do {
            try frame.withUnsafeBytes { bytes in
                if frame.isTightlyPacked {
                    try send(UnsafeRawBufferPointer(rebasing: bytes[..<frame.packedByteCount]))
                } else {
                    let rowBytes = frame.format.minimumStride(width: frame.width)
                    for row in 0..<frame.height {
                        let start = row * frame.stride
                        try send(UnsafeRawBufferPointer(rebasing: bytes[start..<(start + rowBytes)]))
                    }
                }
            }
        } catch let error as WriterError {
            throw failure(after: error)
        }
        framesWritten += 1
    }

    /// Writes `bytes` to the command's stdin, waiting at most `stall_timeout_s` for each chunk to be taken; on a
    /// stall, kills the process group and throws EPIPE, which ``failure(after:)`` turns into the stall's message.
    private func send(_ bytes: UnsafeRawBufferPointer) throws(WriterError) {
        let heartbeat = configuration.heartbeat
        let accepted = try process.stdin.writeAll(bytes, stallTimeout: stallTimeout) { heartbeat?.beat() }
        if !accepted {
            stalled = true
            process.kill()
            throw WriterError(call: "write", errno: .brokenPipe)
        }
    }

    func finish() throws -> WriterReport {
        guard !closed else { throw WriterError.closed }
        closed = true
        process.closeStdin()
        // A plain deadline (constant progress, stderr not counted): finish_timeout_s bounds the whole finish.
        guard let status = process.wait(stallTimeout: .seconds(declaration.finishTimeoutSeconds), countingStderr: false)
        else {
            process.kill()
            throw WriterError.encoderFailed(
                encoder: label,
                detail: "did not exit within \(Self.seconds(declaration.finishTimeoutSeconds)) after end of input (finish_timeout_s); killed. It said: \(process.stderrTail.lastLines())")
        }
        guard ChildProcess.succeeded(status) else {
            throw WriterError.encoderFailed(
                encoder: label,
                detail: "\(ChildProcess.describe(status: status)) at finish; it said: \(process.stderrTail.lastLines())")
        }
        let timing = process.timingLog?.parse(frames: framesWritten) ?? WriterTimingReport(text: "", frames: framesWritten)
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
        process.kill()
    }

    private var label: String { "external writer \(declaration.name)" }

    private var stallTimeout: Duration { .seconds(declaration.stallTimeoutSeconds) }

    /// Turns a failed pipe write into the command's own explanation: reap it and quote its stderr.
    private func failure(after error: WriterError) -> WriterError {
        closed = true
        process.closeStdin()
        guard case .system(_, let code, _) = error, code == EPIPE else {
            process.kill()
            return error
        }
        let status = process.wait(stallTimeout: .seconds(5), countingStderr: false)
        if status == nil { process.kill() }
        let outcome = status.map(ChildProcess.describe(status:)) ?? "did not exit; killed"
        let why = stalled
            ? "stalled: it took no input for \(Self.seconds(declaration.stallTimeoutSeconds)) (stall_timeout_s), so it was killed"
            : "\(outcome) after \(framesWritten) frames"
        return .encoderFailed(encoder: label, detail: "\(why); it said: \(process.stderrTail.lastLines())")
    }

    private static func seconds(_ value: Double) -> String { String(format: "%g s", value) }
}
