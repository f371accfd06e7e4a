import Foundation

/// Two results files compared configuration by configuration: a verdict per metric, status changes, and the
/// configurations found on one side only.
public struct Comparison: Sendable {
    /// One configuration present on both sides.
    public struct Entry: Sendable {
        /// The configuration (strategy, encoder settings, frame set, size, pace, frames).
        public var configuration: RunConfiguration
        /// Outcome over the base side's repetitions.
        public var baseOutcome: RowAggregate.Outcome
        /// Outcome over the new side's repetitions.
        public var newOutcome: RowAggregate.Outcome
        /// A change of outcome judged on its own: ok → failed/invalid regresses, the reverse improves; nil when the
        /// outcome did not change or the change says nothing about the writer (unavailable on one side).
        public var outcomeVerdict: MetricVerdict?
        /// Per-metric comparisons (metrics measured on neither side are left out).
        public var metrics: [MetricComparison]

        /// Every verdict of the entry: the outcome change and the metrics.
        public var verdicts: [MetricVerdict] { (outcomeVerdict.map { [$0] } ?? []) + metrics.map(\.verdict) }
    }

    /// Configurations on both sides, in the new file's order.
    public var entries: [Entry]
    /// Configurations only the base file has.
    public var onlyInBase: [RunConfiguration]
    /// Configurations only the new file has.
    public var onlyInNew: [RunConfiguration]
    /// Minimum relative change of a median that counts (0.05 = 5 %).
    public var threshold: Double
    /// Significance level of the Mann–Whitney test.
    public var alpha: Double

    /// Compares `base` with `new`. Throws ``CSVError`` when a row holds text where a number belongs.
    public init(base: ResultsTable, new: ResultsTable, threshold: Double = 0.05, alpha: Double = 0.05) throws {
        let baseGroups = try RowAggregate.group(base), newGroups = try RowAggregate.group(new)
        let baseByConfiguration = Dictionary(baseGroups.map { ($0.configuration, $0) }, uniquingKeysWith: { a, _ in a })
        let newConfigurations = Set(newGroups.map(\.configuration))
        self.threshold = threshold
        self.alpha = alpha
        onlyInBase = baseGroups.map(\.configuration).filter { !newConfigurations.contains($0) }
        onlyInNew = newGroups.map(\.configuration).filter { baseByConfiguration[$0] == nil }
        entries = newGroups.compactMap { newGroup in
            guard let baseGroup = baseByConfiguration[newGroup.configuration] else { return nil }
            return Entry(
                configuration: newGroup.configuration, baseOutcome: baseGroup.outcome, newOutcome: newGroup.outcome,
                outcomeVerdict: Self.outcomeVerdict(base: baseGroup.outcome, new: newGroup.outcome),
                metrics: CSVColumn.comparedMetrics.compactMap {
                    MetricComparison.judge($0, base: baseGroup.values($0), new: newGroup.values($0),
                                           threshold: threshold, alpha: alpha)
                })
        }
    }

    /// Exit status of `writerbench compare`: 2 when anything regressed, else 4 when something improved, else 0.
    /// (1, bad input, is decided before a comparison exists.)
    public var exitStatus: Int32 {
        let verdicts = entries.flatMap(\.verdicts)
        if verdicts.contains(.regressed) { return 2 }
        if verdicts.contains(.improved) { return 4 }
        return 0
    }

    /// How many verdicts of each kind.
    public var counts: [MetricVerdict: Int] {
        entries.flatMap(\.verdicts).reduce(into: [:]) { $0[$1, default: 0] += 1 }
    }

    /// The comparison as text: one block per configuration, a line per metric, the one-sided configurations, and a
    /// summary line.
    public func render() -> String {
        var lines: [String] = []
        for entry in entries {
            lines.append(entry.configuration.description)
            if let outcomeVerdict = entry.outcomeVerdict {
                lines.append("  status: \(entry.baseOutcome.label) → \(entry.newOutcome.label)  \(outcomeVerdict.rawValue.uppercased())"
                             + (entry.newOutcome.reason.isEmpty ? "" : "  (\(entry.newOutcome.reason))"))
            } else if entry.baseOutcome != .ok || entry.newOutcome != .ok {
                lines.append("  status: base \(entry.baseOutcome.label), new \(entry.newOutcome.label)")
            }
            var table = PlainTable(header: ["  metric", "base", "new", "change", "p", "verdict", "why"])
            for metric in entry.metrics {
                table.rows.append([
                    "  " + metric.metric.rawValue,
                    Self.cell(metric.baseMedian, metric.baseCount), Self.cell(metric.newMedian, metric.newCount),
                    metric.change.map(MetricComparison.percent) ?? "-",
                    metric.pValue.map(MetricComparison.format) ?? "-",
                    metric.verdict.rawValue.uppercased(), metric.reason,
                ])
            }
            if !entry.metrics.isEmpty { lines.append(table.render()) }
            lines.append("")
        }
        for configuration in onlyInBase { lines.append("only in base: \(configuration)") }
        for configuration in onlyInNew { lines.append("only in new: \(configuration)") }
        if !onlyInBase.isEmpty || !onlyInNew.isEmpty { lines.append("") }
        let counts = self.counts
        lines.append("compare: \(entries.count) configuration(s) matched; "
                     + MetricVerdict.allCases.map { "\(counts[$0] ?? 0) \($0.rawValue)" }.joined(separator: ", ")
                     + "; threshold \(MetricComparison.format(threshold * 100))%, α=\(MetricComparison.format(alpha))")
        return lines.joined(separator: "\n")
    }

    static func cell(_ value: Double?, _ count: Int) -> String {
        guard let value else { return "-" }
        return "\(ReportFormat.number(value)) (n=\(count))"
    }

    static func outcomeVerdict(base: RowAggregate.Outcome, new: RowAggregate.Outcome) -> MetricVerdict? {
        func isBroken(_ outcome: RowAggregate.Outcome) -> Bool {
            if case .failed = outcome { return true }
            if case .invalid = outcome { return true }
            return false
        }
        if base == .ok && isBroken(new) { return .regressed }
        if isBroken(base) && new == .ok { return .improved }
        return nil
    }
}
