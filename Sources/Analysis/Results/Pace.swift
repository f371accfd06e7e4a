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
        case .fixed(let fps): ColumnFormat.shortest(fps)
        }
    }
}
