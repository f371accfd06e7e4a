/// Whether the best of two configurations is ahead of the other on a metric by more than run-to-run noise, judged
/// from their repetitions. Reports and `recommend` name a winner only when ``isDecided``.
///
/// The rule, with ``minimumRepetitions`` (3) or more repetitions on each side: the leader is ahead when its worst
/// repetition is better than the other's best (the min–max ranges do not overlap); when they overlap it is a tie
/// within noise. With fewer there is no spread worth comparing (two runs each separate by chance one time in three),
/// so no winner is named unless one median is at least ``singleRunFactor`` times the other.
public enum Lead: Sendable, Equatable {
    /// Enough repetitions each and the ranges do not overlap.
    case clear
    /// Enough repetitions each and the ranges overlap: a tie within noise.
    case tie
    /// Too few repetitions on a side, but the medians differ by at least ``singleRunFactor``×.
    case large
    /// Too few repetitions on a side and a smaller difference: no winner can be named.
    case undecided

    /// Repetitions each side needs for the range rule (complete separation of 3 vs 3 happens by chance 1 time in 10).
    public static let minimumRepetitions = 3

    /// How many times better a median from too few repetitions must be to be named the winner anyway.
    public static let singleRunFactor = 2.0

    /// Judges `leader` (the better median) against `other`, where larger values are better when `higherIsBetter`.
    public static func judge(leader: [Double], other: [Double], higherIsBetter: Bool) -> Lead {
        let (a, b) = (Distribution(leader), Distribution(other))
        guard let aMin = a.min, let aMax = a.max, let bMin = b.min, let bMax = b.max,
              let aMedian = a.median, let bMedian = b.median else { return .undecided }
        if a.count < minimumRepetitions || b.count < minimumRepetitions {
            let (high, low) = (Swift.max(aMedian, bMedian), Swift.min(aMedian, bMedian))
            return low > 0 && high / low >= singleRunFactor ? .large : .undecided
        }
        let separated = higherIsBetter ? aMin > bMax : aMax < bMin
        return separated ? .clear : .tie
    }

    /// Whether a winner may be named.
    public var isDecided: Bool { self == .clear || self == .large }
}
