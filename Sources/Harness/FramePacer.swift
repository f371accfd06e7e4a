import Analysis
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
            let lateMs = MonotonicClock.elapsed(from: due, to: now).milliseconds
            if lateMs > 1 { lateFrames += 1 }
            maxLatenessMs = Swift.max(maxLatenessMs, lateMs)
        }
    }
}
