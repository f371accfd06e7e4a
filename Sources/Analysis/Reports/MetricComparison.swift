import Foundation

/// The comparison of one metric between two sets of repetitions of the same configuration.
public struct MetricComparison: Sendable, Equatable {
    /// Which rule decided a verdict.
    public enum Basis: String, Sendable, Equatable {
        /// One side has no value for the metric (inconclusive).
        case notMeasured
        /// Too few repetitions for any rule to decide: fewer than 3 on a side while the test cannot reach α
        /// (inconclusive).
        case tooFewRepetitions
        /// The medians differ by less than the threshold (unchanged).
        case belowThreshold
        /// The medians differ by less than the column's ``CSVColumn/noiseFloor`` (unchanged).
        case belowNoiseFloor
        /// The Mann–Whitney test is significant (improved or regressed).
        case significant
        /// A large change whose repetitions overlap: p > α, or not completely separated under the small-sample rule
        /// (inconclusive).
        case overlapping
        /// The small-sample rule: every new value beyond every base value, and a change of at least
        /// ``MetricComparison/smallSampleEffect(threshold:)`` (improved or regressed).
        case separated
        /// Completely separated under the small-sample rule, but the change is too small for it (inconclusive).
        case separatedButSmall
        /// Completely separated with a large enough change, but the gap between the two sides is smaller than the
        /// scatter of the repetitions within a side (inconclusive): a shift that noise makes often enough.
        case separatedWithinScatter
    }

    /// The column compared.
    public var metric: CSVColumn
    /// The conclusion.
    public var verdict: MetricVerdict
    /// The rule that decided ``verdict``.
    public var basis: Basis
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

    /// The fewest repetitions per side with which the small-sample rule may decide.
    public static let smallSampleRepetitions = 3
    /// The smallest relative change the small-sample rule ever accepts (20 %), whatever the threshold.
    public static let smallSampleMinimumEffect = 0.2

    /// The relative change of the medians the small-sample rule needs: 4 × `threshold`, and at least 20 %.
    public static func smallSampleEffect(threshold: Double) -> Double {
        max(4 * threshold, smallSampleMinimumEffect)
    }

    /// Judges one metric: effect size first (`threshold`, relative change of the medians), then separation of the
    /// repetitions. Returns nil when neither side measured the metric.
    ///
    /// - a side without the metric → inconclusive;
    /// - fewer than 3 repetitions on a side, when the Mann–Whitney test cannot reach `alpha` with them →
    ///   inconclusive (never a guess);
    /// - |change| < threshold, or an absolute change below the column's ``CSVColumn/noiseFloor`` → unchanged;
    /// - when the test can reach `alpha` (4 or more per side at α = 0.05): p ≤ alpha → improved or regressed, by the
    ///   metric's ``CSVColumn/direction``; otherwise inconclusive (a large but noisy change);
    /// - when it cannot but both sides have at least 3 repetitions (3 vs 3 and 3 vs 4 at α = 0.05), the
    ///   **small-sample rule**: every new value strictly beyond every base value in the direction of the change
    ///   (complete separation), |change| ≥ ``smallSampleEffect(threshold:)`` (4 × threshold, at least 20 %),
    ///   **and** a gap between the two sides at least as large as the scatter within either side
    ///   (``clearsScatter(base:new:increased:)``) → improved or regressed; otherwise inconclusive. Complete
    ///   separation of 3 vs 3 is the most extreme ordering there is, but it happens by chance (exact p = 1/20 per
    ///   direction), and for noisy metrics (write p99, finish time: 25–35 % scatter between repetitions here) a
    ///   chance shift of 20 % is common: reruns of one configuration showed it. Asking the two sides to lie
    ///   further apart than their own repetitions scatter cuts those chance verdicts about tenfold in simulation
    ///   (lognormal scatter of 20–40 %: 3–4 % → 0.3 % per metric and direction), while a 2× change of a metric
    ///   with ≤ 10 % scatter is still found (≥ 96 %).
    public static func judge(_ metric: CSVColumn, base: [Double], new: [Double], threshold: Double = 0.05,
                             alpha: Double = 0.05) -> MetricComparison? {
        guard !base.isEmpty || !new.isEmpty else { return nil }
        let baseMedian = Distribution(base).median, newMedian = Distribution(new).median
        var result = MetricComparison(metric: metric, verdict: .inconclusive, basis: .notMeasured,
                                      baseMedian: baseMedian, newMedian: newMedian, change: nil, pValue: nil,
                                      baseCount: base.count, newCount: new.count, reason: "")
        guard let baseMedian, let newMedian else {
            result.reason = "not measured on the \(base.isEmpty ? "base" : "new") side"
            return result
        }
        let change: Double
        if baseMedian == newMedian { change = 0 }
        else if baseMedian == 0 { change = newMedian > 0 ? .infinity : -.infinity }
        else { change = (newMedian - baseMedian) / abs(baseMedian) }
        result.change = change
        let testCanDecide = MannWhitneyTest.smallestPValue(base.count, new.count) <= alpha
        if !testCanDecide && min(base.count, new.count) < smallSampleRepetitions {
            result.basis = .tooFewRepetitions
            result.reason = tooFewRepetitionsReason(base.count, new.count, alpha: alpha)
            return result
        }
        let test = MannWhitneyTest(base, new)
        result.pValue = test?.pValue
        if abs(change) < threshold {
            result.verdict = .unchanged
            result.basis = .belowThreshold
            result.reason = "median change below the \(format(threshold * 100))% threshold"
            return result
        }
        if let floor = metric.noiseFloor, abs(newMedian - baseMedian) < floor {
            result.verdict = .unchanged
            result.basis = .belowNoiseFloor
            result.reason = "median change of \(format(abs(newMedian - baseMedian))) \(metric.unit) is below the \(format(floor)) \(metric.unit) noise floor"
            return result
        }
        let better = (change > 0) == (metric.direction != .prefersSmaller)
        if testCanDecide {
            guard let p = test?.pValue, p <= alpha else {
                result.basis = .overlapping
                result.reason = "change of \(percent(change)) but the repetitions overlap (p=\(format(test?.pValue ?? 1)))"
                return result
            }
            result.verdict = better ? .improved : .regressed
            result.basis = .significant
            result.reason = "\(percent(change)), p=\(format(p))"
            return result
        }
        let separated = change > 0 ? new.min()! > base.max()! : new.max()! < base.min()!
        let needed = smallSampleEffect(threshold: threshold)
        let counts = "\(base.count) vs \(new.count) repetitions"
        guard separated else {
            result.basis = .overlapping
            result.reason = "change of \(percent(change)) but the \(counts) overlap; with this few, only complete "
                + "separation can decide"
            return result
        }
        guard abs(change) >= needed else {
            result.basis = .separatedButSmall
            result.reason = "change of \(percent(change)) with the \(counts) separated, but with this few a change "
                + "must reach ±\(format(needed * 100))% to decide"
            return result
        }
        guard clearsScatter(base: base, new: new, increased: change > 0) else {
            result.basis = .separatedWithinScatter
            result.reason = "change of \(percent(change)) with the \(counts) separated, but the sides lie closer "
                + "together than the repetitions within a side scatter"
            return result
        }
        result.verdict = better ? .improved : .regressed
        result.basis = .separated
        result.reason = "\(percent(change)), all \(counts) separated (small-sample rule: ≥ \(format(needed * 100))%)"
        return result
    }

    /// The small-sample rule's margin: true when the gap between the closest values of the two sides is at least
    /// the larger spread (largest − smallest) within a side. Measured as ratios (in logarithms) when every value
    /// is positive, so that a side's scatter is judged relative to its own level; in the metric's unit otherwise.
    /// `increased`: whether the new side lies above the base side.
    public static func clearsScatter(base: [Double], new: [Double], increased: Bool) -> Bool {
        guard let baseMin = base.min(), let baseMax = base.max(), let newMin = new.min(), let newMax = new.max()
        else { return false }
        let positive = baseMin > 0 && newMin > 0
        let scale: (Double) -> Double = positive ? { Foundation.log($0) } : { $0 }
        let gap = increased ? scale(newMin) - scale(baseMax) : scale(baseMin) - scale(newMax)
        let scatter = max(scale(baseMax) - scale(baseMin), scale(newMax) - scale(newMin))
        return gap > 0 && gap >= scatter
    }

    /// Why `m` vs `n` repetitions decide nothing at `alpha`.
    public static func tooFewRepetitionsReason(_ m: Int, _ n: Int, alpha: Double) -> String {
        "\(m) vs \(n) repetitions cannot show a difference at α=\(format(alpha)); run at least "
            + "\(MannWhitneyTest.repetitionsNeeded(alpha: alpha)) per side (\(smallSampleRepetitions) per side decide "
            + "only large, completely separated changes)"
    }

    static func format(_ value: Double) -> String { String(format: "%.3g", value) }
    static func percent(_ change: Double) -> String {
        change.isFinite ? String(format: "%+.1f%%", change * 100) : (change > 0 ? "+∞" : "−∞")
    }
}
