/// Why a writer could not open, accept a frame or finish. Every case says what went wrong and what to do.
public enum WriterError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A frame's size or pixel layout differs from what the writer was opened for. Nothing was written.
    case frameMismatch(expected: FrameGeometry, actual: FrameGeometry)
    /// The output path cannot be created or written.
    case unwritableOutput(path: String, reason: String)
    /// Width or height is odd, which 4:2:0 output cannot represent exactly.
    case oddDimensions(width: Int, height: Int)
    /// Some other setting is out of range.
    case invalidConfiguration(String)
    /// The strategy cannot run on this machine.
    case unavailable(strategy: String, reason: String)
    /// The encoder (child process or library) failed; `detail` carries its own words (stderr tail, av_strerror).
    case encoderFailed(encoder: String, detail: String)
    /// A system call failed.
    case system(call: String, errno: Int32, message: String)
    /// `write` or `finish` was called after `finish` or `abort`.
    case closed
    /// The encoder made no progress for `timeoutSeconds` (``WriterConfiguration/stallTimeout``): during `write` it
    /// took no bytes of frame `frame` (0-based), during `finish` it neither exited nor produced output after `frame`
    /// frames. A child process was killed and reaped; `encoderSaid` holds its last stderr lines.
    case stalled(strategy: String, phase: StallPhase, frame: Int, timeoutSeconds: Double, encoderSaid: String)

    public var description: String {
        switch self {
        case .frameMismatch(let expected, let actual):
            "frame is \(actual), but the writer was opened for \(expected); resize or convert frames before writing"
        case .unwritableOutput(let path, let reason):
            "cannot write output '\(path)': \(reason); choose a writable path"
        case .oddDimensions(let width, let height):
            "\(width)x\(height) has an odd dimension; yuv420p needs even width and height, so crop or pad the frames to an even size"
        case .invalidConfiguration(let message):
            "invalid writer configuration: \(message)"
        case .unavailable(let strategy, let reason):
            "strategy \(strategy) is unavailable here: \(reason)"
        case .encoderFailed(let encoder, let detail):
            "\(encoder) failed: \(detail)"
        case .system(let call, let errno, let message):
            "\(call) failed (errno \(errno)): \(message)"
        case .closed:
            "the writer is already finished or aborted; open a new one"
        case .stalled(let strategy, let phase, let frame, let timeout, let said):
            "\(strategy) stalled \(phase.describe(frame: frame, timeoutSeconds: timeout)), so it was stopped; " +
            "the encoder said: \(said). Check that the encoder is not stuck (a stopped process, a wedged device, " +
            "a hung disk); if it is only slow (huge frames, a very slow preset), raise --stall-timeout"
        }
    }
}
