/// Summary statistics of a sample (write times in ms, fps over repetitions, …), computed once from sorted values.
///
/// Percentiles interpolate linearly between the closest ranks (numpy's default, "type 7"), so p50 of an even-sized
/// sample is the mean of the two middle values.
public struct Distribution: Sendable, Equatable {
    /// The values, ascending.
    public let sorted: [Double]

    /// Sorts `values` once. An empty sample has no statistics (every accessor returns nil).
    public init<S: Sequence>(_ values: S) where S.Element == Double {
        sorted = values.sorted()
    }

    /// Number of values.
    public var count: Int { sorted.count }

    /// Arithmetic mean.
    public var mean: Double? {
        guard !sorted.isEmpty else { return nil }
        return sorted.reduce(0, +) / Double(sorted.count)
    }

    /// Smallest value.
    public var min: Double? { sorted.first }
    /// Largest value.
    public var max: Double? { sorted.last }
    /// The 50th percentile.
    public var median: Double? { percentile(50) }

    /// The `p`-th percentile, 0 ≤ p ≤ 100.
    public func percentile(_ p: Double) -> Double? {
        guard !sorted.isEmpty else { return nil }
        let rank = Swift.min(Swift.max(p, 0), 100) / 100 * Double(sorted.count - 1)
        let lower = Int(rank.rounded(.down))
        let upper = Swift.min(lower + 1, sorted.count - 1)
        let fraction = rank - Double(lower)
        return sorted[lower] + (sorted[upper] - sorted[lower]) * fraction
    }

    /// Sample standard deviation (n − 1); nil with fewer than two values.
    public var standardDeviation: Double? {
        guard sorted.count > 1, let mean else { return nil }
        let squares = sorted.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        return (squares / Double(sorted.count - 1)).squareRoot()
    }
}
