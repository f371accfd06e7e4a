/// Where a writer was when its encoder stopped making progress (see ``WriterError/stalled(strategy:phase:frame:timeoutSeconds:encoderSaid:)``).
public enum StallPhase: String, Sendable, Equatable {
    /// Opening the encoder (an asynchronous writer's inner writer): the open call did not return.
    case open
    /// Handing over a frame: the encoder took none of its bytes.
    case write
    /// After the last frame: the encoder neither exited nor produced output.
    case finish

    /// "while opening: …", "on frame 41: …" or "at finish after 300 frames: …", for error messages.
    func describe(frame: Int, timeoutSeconds: Double) -> String {
        let seconds = timeoutSeconds == timeoutSeconds.rounded() ? String(Int(timeoutSeconds)) : String(timeoutSeconds)
        switch self {
        case .open:
            return "while opening: the encoder did not open within \(seconds) s"
        case .write:
            return "on frame \(frame): the encoder took no input for \(seconds) s"
        case .finish:
            return "at finish after \(frame) frames: the encoder neither exited nor produced output for \(seconds) s"
        }
    }
}
