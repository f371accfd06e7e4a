/// Writes frames synchronously into an ffmpeg child process. See ``FFmpegPipeStrategy``.
///
/// Never waits for the child without a bound: a write that the child takes no byte of for the configuration's
/// ``WriterConfiguration/stallTimeout``, or a `finish` during which it neither exits nor produces output for as long,
/// kills and reaps it and throws ``WriterError/stalled(strategy:phase:frame:timeoutSeconds:encoderSaid:)``.
final class FFmpegPipeWriter: VideoWriter {
    private let child: ChildProcess
    private let configuration: WriterConfiguration
    private let strategy: String
    private let encoder: String
    private let pipeBufferBytes: Int?
    private var framesWritten = 0
    private var closed = false

    init(strategy: String, executable: String, arguments: [String], configuration: WriterConfiguration,
         encoder: String, pipeBufferBytes: Int) throws {
        self.strategy = strategy
        self.configuration = configuration
        self.encoder = encoder
        self.child = try ChildProcess(executable: executable, arguments: arguments)
        self.pipeBufferBytes = child.stdin.enlargePipeBuffer(to: pipeBufferBytes)
    }

    deinit { abort() }

    /// Everything a pipe strategy does before the first frame, in order: find ffmpeg, refuse odd sizes, prove the
    /// output path writable, spawn ffmpeg with `arguments`.
    ///
    /// - Throws: ``WriterError/unavailable(strategy:reason:)`` without ffmpeg, ``WriterError/oddDimensions(width:height:)``,
    ///   ``WriterError/unwritableOutput(path:reason:)``, or the spawn's failure.
    static func open(strategy: String, ffmpegPath: String?, configuration: WriterConfiguration, arguments: [String],
                     encoder: String, pipeBufferBytes: Int) throws -> FFmpegPipeWriter {
        guard let executable = FFmpegExecutable.resolve(ffmpegPath) else {
            throw WriterError.unavailable(strategy: strategy, reason: FFmpegExecutable.missingReason(ffmpegPath))
        }
        try configuration.validateForYUV420()
        try OutputPath.prepare(configuration.outputPath)
        return try FFmpegPipeWriter(strategy: strategy, executable: executable, arguments: arguments, configuration: configuration,
                                    encoder: encoder, pipeBufferBytes: pipeBufferBytes)
    }

    func write(_ frame: Frame) throws {
        guard !closed else { throw WriterError.closed }
        try configuration.geometry.check(frame)
        do {
            try frame.withUnsafeBytes { bytes in
                if frame.isTightlyPacked {
                    try send(UnsafeRawBufferPointer(rebasing: bytes[..<frame.packedByteCount]))
                } else {
                    try writeRows(of: frame, from: bytes)
                }
            }
        } catch let error as WriterError {
            if case .stalled = error { throw error }
            throw failure(after: error)
        }
        framesWritten += 1
    }

    func finish() throws -> WriterReport {
        guard !closed else { throw WriterError.closed }
        closed = true
        child.closeStdin()
        let path = configuration.outputPath
        let heartbeat = configuration.heartbeat
        let child = self.child
        guard let status = child.wait(stallTimeout: configuration.stallTimeout, progress: {
            let progress = OutputPath.size(path) &+ child.bytesWrittenByChild
            heartbeat?.beat()
            return progress
        }) else {
            throw stall(.finish)
        }
        guard ChildProcess.succeeded(status) else {
            throw WriterError.encoderFailed(
                encoder: "ffmpeg (\(encoder))",
                detail: "\(ChildProcess.describe(status: status)) at finish; ffmpeg said: \(child.stderrTail.lastLines())")
        }
        var notes: [String] = []
        if let pipeBufferBytes { notes.append("pipe buffer \(pipeBufferBytes) bytes") }
        return WriterReport(bytesWritten: OutputPath.size(configuration.outputPath), encoderUsed: encoder,
                            framesWritten: framesWritten, notes: notes)
    }

    func abort() {
        closed = true
        child.kill()
    }

    /// Writes a padded frame row by row, so ffmpeg receives tightly packed rawvideo.
    private func writeRows(of frame: Frame, from bytes: UnsafeRawBufferPointer) throws {
        let planes: [(offset: Int, stride: Int, rowBytes: Int, rows: Int)]
        switch frame.format {
        case .yuv420p:
            let lumaSize = frame.stride * frame.height
            let chromaStride = frame.stride / 2
            let chromaRows = (frame.height + 1) / 2
            let chromaWidth = (frame.width + 1) / 2
            planes = [(0, frame.stride, frame.width, frame.height),
                      (lumaSize, chromaStride, chromaWidth, chromaRows),
                      (lumaSize + chromaStride * chromaRows, chromaStride, chromaWidth, chromaRows)]
        default:
            planes = [(0, frame.stride, frame.format.minimumStride(width: frame.width), frame.height)]
        }
        for plane in planes {
            for row in 0..<plane.rows {
                let start = plane.offset + row * plane.stride
                try send(UnsafeRawBufferPointer(rebasing: bytes[start..<(start + plane.rowBytes)]))
            }
        }
    }

    /// Writes `bytes` to the child's stdin, waiting at most the stall timeout for each byte to be taken.
    private func send(_ bytes: UnsafeRawBufferPointer) throws(WriterError) {
        let heartbeat = configuration.heartbeat
        let accepted = try child.stdin.writeAll(bytes, stallTimeout: configuration.stallTimeout) { heartbeat?.beat() }
        if !accepted { throw stall(.write) }
    }

    /// Kills and reaps the stalled child; the error names the strategy, the frame and what the child said last.
    private func stall(_ phase: StallPhase) -> WriterError {
        closed = true
        child.kill()
        return .stalled(strategy: strategy, phase: phase, frame: framesWritten,
                        timeoutSeconds: configuration.stallTimeout.secondsForMessages,
                        encoderSaid: child.stderrTail.lastLines())
    }

    /// Turns a failed pipe write into the encoder's own explanation: reap the child and quote its stderr.
    private func failure(after error: WriterError) -> WriterError {
        closed = true
        child.closeStdin()
        if case .system(_, let code, _) = error, code == EPIPE {
            // The child closed its stdin; it is exiting, or it must be stopped.
            guard let status = child.wait(stallTimeout: configuration.stallTimeout) else {
                child.kill()
                return .encoderFailed(
                    encoder: "ffmpeg (\(encoder))",
                    detail: "closed its input after \(framesWritten) frames and did not exit within \(configuration.stallTimeout.secondsForMessages) s, so it was killed; ffmpeg said: \(child.stderrTail.lastLines())")
            }
            return .encoderFailed(
                encoder: "ffmpeg (\(encoder))",
                detail: "\(ChildProcess.describe(status: status)) after \(framesWritten) frames; ffmpeg said: \(child.stderrTail.lastLines())")
        }
        child.kill()
        return error
    }
}

#if canImport(Glibc)
import Glibc
#endif
