import Foundation

/// What `compare` concludes about one metric of one configuration.
public enum MetricVerdict: String, Sendable, CaseIterable {
    /// Better by at least the threshold, and the repetitions of the two sides are separated (significant).
    case improved
    /// Worse by at least the threshold, and significant.
    case regressed
    /// The medians differ by less than the threshold.
    case unchanged
    /// The data cannot decide: too few repetitions, overlapping repetitions, or a side without the metric.
    case inconclusive
}

/// The comparison of one metric between two sets of repetitions of the same configuration.
public struct MetricComparison: Sendable, Equatable {
    /// The column compared.
    public var metric: CSVColumn
    /// The conclusion.
    public var verdict: MetricVerdict
    /// Median over the base side's repetitions; nil when not measured there.
    public var baseMedian: Double?
    /// Median over the new side's repetitions; nil when not measured there.
    public var newMedian: Double?
    /// Relative change of the median, new / base − 1 (0.1 = 10 % larger); nil when a side is missing.
    public var change: Double?
    /// Two-sided Mann–Whitney p-value; nil when the test was not run.
    public var pValue: Double?
    /// Repetitions measured on the base side.
    public var baseCount: Int
    /// Repetitions measured on the new side.
    public var newCount: Int
    /// Why the verdict is what it is, in words.
    public var reason: String

    /// Judges one metric: effect size first (`threshold`, relative change of the medians), then significance
    /// (Mann–Whitney at `alpha`). Returns nil when neither side measured the metric.
    ///
    /// - too few repetitions for the test to ever reach `alpha` → inconclusive (never a guess);
    /// - |change| < threshold, or an absolute change below the column's ``CSVColumn/noiseFloor`` → unchanged;
    /// - |change| ≥ threshold and p ≤ alpha → improved or regressed, by the metric's ``CSVColumn/direction``;
    /// - otherwise → inconclusive (a large but noisy change).
    public static func judge(_ metric: CSVColumn, base: [Double], new: [Double], threshold: Double = 0.05,
                             alpha: Double = 0.05) -> MetricComparison? {
        guard !base.isEmpty || !new.isEmpty else { return nil }
        let baseMedian = Distribution(base).median, newMedian = Distribution(new).median
        var result = MetricComparison(metric: metric, verdict: .inconclusive, baseMedian: baseMedian,
                                      newMedian: newMedian, change: nil, pValue: nil, baseCount: base.count,
                                      newCount: new.count, reason: "")
        guard let baseMedian, let newMedian else {
            result.reason = "not measured on the \(base.isEmpty ? "base" : "new") side"
            return result
        }
        let change: Double
        if baseMedian == newMedian { change = 0 }
        else if baseMedian == 0 { change = newMedian > 0 ? .infinity : -.infinity }
        else { change = (newMedian - baseMedian) / abs(baseMedian) }
        result.change = change
        if MannWhitneyTest.smallestPValue(base.count, new.count) > alpha {
            result.reason = "\(base.count) vs \(new.count) repetitions cannot show a difference at α=\(format(alpha)); "
                + "run at least \(MannWhitneyTest.repetitionsNeeded(alpha: alpha)) per side"
            return result
        }
        let test = MannWhitneyTest(base, new)
        result.pValue = test?.pValue
        if abs(change) < threshold {
            result.verdict = .unchanged
            result.reason = "median change below the \(format(threshold * 100))% threshold"
            return result
        }
        if let floor = metric.noiseFloor, abs(newMedian - baseMedian) < floor {
            result.verdict = .unchanged
            result.reason = "median change of \(format(abs(newMedian - baseMedian))) \(metric.unit) is below the \(format(floor)) \(metric.unit) noise floor"
            return result
        }
        guard let p = test?.pValue, p <= alpha else {
            result.reason = "change of \(percent(change)) but the repetitions overlap (p=\(format(test?.pValue ?? 1)))"
            return result
        }
        let better = (change > 0) == (metric.direction != .prefersSmaller)
        result.verdict = better ? .improved : .regressed
        result.reason = "\(percent(change)), p=\(format(p))"
        return result
    }

    static func format(_ value: Double) -> String { String(format: "%.3g", value) }
    static func percent(_ change: Double) -> String {
        change.isFinite ? String(format: "%+.1f%%", change * 100) : (change > 0 ? "+∞" : "−∞")
    }
}
