import Analysis

/// What one revision measured: every value of the metric its benchmark runs produced (one per repetition row).
public struct RevisionMeasurement: Sendable, Equatable {
    /// The values, in the order measured.
    public let values: [Double]
    private let distribution: Distribution

    /// A measurement of `values`; needs at least one value (``median`` etc. are then defined).
    public init(values: [Double]) {
        precondition(!values.isEmpty, "a measurement needs at least one value")
        self.values = values
        distribution = Distribution(values)
    }

    /// Number of values.
    public var count: Int { values.count }
    /// The median of the values.
    public var median: Double { distribution.median! }
    /// The smallest value.
    public var min: Double { distribution.min! }
    /// The largest value.
    public var max: Double { distribution.max! }

    /// Whether the ranges [min, max] of the two measurements share a point.
    public func overlaps(_ other: RevisionMeasurement) -> Bool {
        min <= other.max && other.min <= max
    }

    /// "median 0.0231, spread 0.0220–0.0257, n 3" with `unit` after the numbers.
    public func summary(unit: String = "") -> String {
        let suffix = unit.isEmpty ? "" : " " + unit
        return "median \(Self.format(median))\(suffix), spread \(Self.format(min))–\(Self.format(max))\(suffix), n \(count)"
    }

    /// Four significant digits, enough to tell the steps of a benchmark apart.
    static func format(_ value: Double) -> String {
        let magnitude = Swift.abs(value)
        let digits = magnitude >= 1000 ? 0 : magnitude >= 100 ? 1 : magnitude >= 10 ? 2 : magnitude >= 1 ? 3
            : magnitude >= 0.1 ? 4 : magnitude >= 0.01 ? 5 : 6
        return String(format: "%.\(digits)f", value)
    }
}
