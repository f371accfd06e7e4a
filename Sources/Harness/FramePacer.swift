/// When frames are offered to a writer: as fast as it takes them, or on a fixed schedule like a live source.
public enum Pace: Sendable, Hashable, CustomStringConvertible {
    /// Offer the next frame as soon as the previous write returned.
    case max
    /// Offer frame i at start + i / fps; a late frame is offered at once (never skipped) and its lateness recorded.
    case fixed(fps: Double)

    /// Parses `max` or a positive number of frames per second.
    public init?(parsing text: String) {
        if text == "max" { self = .max; return }
        guard let fps = Double(text), fps > 0, fps.isFinite else { return nil }
        self = .fixed(fps: fps)
    }

    /// `max` or the rate, as written in the CSV's pace_fps column (empty for max).
    public var description: String {
        switch self {
        case .max: "max"
        case .fixed(let fps): fps == fps.rounded() ? String(Int(fps)) : String(fps)
        }
    }
}

/// Keeps a ``Pace`` schedule and records how late each frame was offered.
public struct FramePacer: Sendable {
    private let pace: Pace
    private var start: UInt64 = 0
    /// Frames offered after their scheduled time (by more than 1 ms).
    public private(set) var lateFrames = 0
    /// The largest lateness, in milliseconds.
    public private(set) var maxLatenessMs = 0.0

    /// Creates a pacer; call ``begin()`` right before the first frame.
    public init(pace: Pace) { self.pace = pace }

    /// Starts the schedule now.
    public mutating func begin() { start = MonotonicClock.now() }

    /// Waits until frame `index` is due (no wait for `.max`), and records lateness.
    public mutating func waitForFrame(_ index: Int) {
        guard case .fixed(let fps) = pace else { return }
        let due = start + UInt64(Double(index) * 1e9 / fps)
        let now = MonotonicClock.now()
        if now < due {
            MonotonicClock.sleep(until: due)
        } else {
            let lateMs = Double(now - due) / 1e6
            if lateMs > 1 { lateFrames += 1 }
            maxLatenessMs = Swift.max(maxLatenessMs, lateMs)
        }
    }
}
