import Foundation

/// What `compare` concludes about one metric of one configuration.
public enum MetricVerdict: String, Sendable, CaseIterable {
    /// Better by at least the threshold, and the repetitions of the two sides are separated: significant by the
    /// Mann–Whitney test, or, with 3 repetitions a side, by the small-sample rule (see ``MetricComparison/Basis``).
    case improved
    /// Worse by at least the threshold, and separated as for ``improved``.
    case regressed
    /// The medians differ by less than the threshold.
    case unchanged
    /// The data cannot decide: too few repetitions, overlapping repetitions, or a side without the metric.
    case inconclusive
}

