/// A shift in a series' level: the first point of the new level and how the segments either side differ.
public struct ChangePoint: Sendable, Equatable {
    /// Index of the first point after the change.
    public var index: Int
    /// Mean of the segment before (back to the previous change point).
    public var meanBefore: Double
    /// Mean of the segment after (up to the next change point).
    public var meanAfter: Double
    /// (after − before) / |before|.
    public var relativeChange: Double
    /// Welch t-test p-value between the two segments.
    public var pValue: Double
}
