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

        /// The configuration's verdict: regressed when any verdict is, else improved when any is, else inconclusive
        /// when any is, else unchanged; nil when there was nothing to compare (unavailable or failed on both sides).
        public var verdict: MetricVerdict? {
            let verdicts = self.verdicts
            for verdict in [MetricVerdict.regressed, .improved, .inconclusive, .unchanged] where verdicts.contains(verdict) {
                return verdict
            }
            return nil
        }
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
        // The null writer's times are the harness's own (~µs, noisy): not a writer's performance to judge.
        let baseGroups = try RowAggregate.group(base).filter { !$0.configuration.isNullWriter }
        let newGroups = try RowAggregate.group(new).filter { !$0.configuration.isNullWriter }
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
    /// (1, bad input, is decided by the command: an unreadable file, or no verdict possible at all, see
    /// ``requireVerdicts(base:new:)``.)
    public var exitStatus: Int32 {
        let verdicts = entries.flatMap(\.verdicts)
        if verdicts.contains(.regressed) { return 2 }
        if verdicts.contains(.improved) { return 4 }
        return 0
    }

    /// How many metric verdicts of each kind, over all configurations.
    public var counts: [MetricVerdict: Int] {
        entries.flatMap(\.verdicts).reduce(into: [:]) { $0[$1, default: 0] += 1 }
    }

    /// How many matched configurations have each ``Entry/verdict``.
    public var configurationCounts: [MetricVerdict: Int] {
        entries.compactMap(\.verdict).reduce(into: [:]) { $0[$1, default: 0] += 1 }
    }

    /// Whether at least one configuration had something to compare; when none did, no verdict can be given.
    public var comparedAnything: Bool { entries.contains { $0.verdict != nil } }

    /// The comparison as text: a summary line, the explanation of too few repetitions (once), one line per
    /// configuration compared, one line per kind of configuration with nothing to compare, and the one-sided
    /// configurations. `baseName` and `newName` (file paths) name the sides in the summary when given.
    public func render(baseName: String? = nil, newName: String? = nil) -> String {
        var lines: [String] = []
        let counts = configurationCounts
        let notCompared = entries.filter { $0.verdict == nil }
        let files = baseName.flatMap { base in newName.map { " (\(base) → \($0))" } } ?? ""
        lines.append("compare: \(entries.count) configuration(s) matched: "
                     + [MetricVerdict.regressed, .improved, .unchanged, .inconclusive]
                        .map { "\(counts[$0] ?? 0) \($0.rawValue)" }.joined(separator: ", ")
                     + (notCompared.isEmpty ? "" : ", \(notCompared.count) with nothing to compare")
                     + (onlyInBase.isEmpty && onlyInNew.isEmpty ? ""
                        : "; \(onlyInBase.count) only in base, \(onlyInNew.count) only in new")
                     + "; threshold \(MetricComparison.format(threshold * 100))%, α=\(MetricComparison.format(alpha))"
                     + files)
        let fewRepetitions = entries.flatMap(\.metrics).filter { $0.basis == .tooFewRepetitions }
        for (pair, metrics) in Dictionary(grouping: fewRepetitions, by: { [$0.baseCount, $0.newCount] })
            .sorted(by: { $0.key.lexicographicallyPrecedes($1.key) }) {
            lines.append("note: " + MetricComparison.tooFewRepetitionsReason(pair[0], pair[1], alpha: alpha)
                         + " — \(metrics.count) metric verdict(s) inconclusive for this reason")
        }
        let compared = entries.filter { $0.verdict != nil }
        if !compared.isEmpty { lines.append("") }
        let width = compared.map { ($0.verdict?.rawValue.count ?? 0) }.max() ?? 0
        for entry in compared {
            let label = (entry.verdict?.rawValue.uppercased() ?? "")
            lines.append(label.padding(toLength: width, withPad: " ", startingAt: 0) + "  "
                         + "\(entry.configuration): " + details(entry))
        }
        if !notCompared.isEmpty { lines.append("") }
        for (outcomes, group) in Dictionary(grouping: notCompared, by: { Self.outcomePair($0) })
            .sorted(by: { $0.key < $1.key }) {
            lines.append("\(outcomes), nothing to compare (\(group.count)): "
                         + group.map { "\($0.configuration.strategy) \($0.configuration.workload.size)" }
                            .joined(separator: ", "))
        }
        if !onlyInBase.isEmpty || !onlyInNew.isEmpty { lines.append("") }
        for configuration in onlyInBase { lines.append("only in base: \(configuration)") }
        for configuration in onlyInNew { lines.append("only in new: \(configuration)") }
        return lines.joined(separator: "\n")
    }

    /// One configuration's changes on one line: the status change, every metric that changed by at least the
    /// threshold or was judged otherwise than unchanged (with the rule that decided it), then how many stayed
    /// unchanged and how many are inconclusive only for too few repetitions although their medians barely moved.
    func details(_ entry: Entry) -> String {
        var items: [String] = []
        if let outcomeVerdict = entry.outcomeVerdict {
            items.append("status \(entry.baseOutcome.label) → \(entry.newOutcome.label) \(outcomeVerdict.rawValue.uppercased())"
                         + (entry.newOutcome.reason.isEmpty ? "" : " (\(entry.newOutcome.reason))"))
        } else if entry.baseOutcome != .ok || entry.newOutcome != .ok {
            items.append("status base \(entry.baseOutcome.label), new \(entry.newOutcome.label)")
        }
        func isQuiet(_ metric: MetricComparison) -> Bool {
            metric.basis == .tooFewRepetitions && abs(metric.change ?? .infinity) < threshold
        }
        for metric in entry.metrics where metric.verdict != .unchanged && !isQuiet(metric) {
            let values = "\(Self.value(metric.baseMedian)) → \(Self.value(metric.newMedian))"
                + (metric.change.map { " (\(MetricComparison.percent($0)))" } ?? "")
            let basis = Self.basis(metric, threshold: threshold)
            items.append("\(metric.metric.rawValue) \(values) \(metric.verdict.rawValue.uppercased())"
                         + (basis.isEmpty ? "" : " [\(basis)]"))
        }
        let unchanged = entry.metrics.filter { $0.verdict == .unchanged }.count
        let quiet = entry.metrics.filter(isQuiet).count
        let all = items.isEmpty && (unchanged == entry.metrics.count || quiet == entry.metrics.count)
        if unchanged > 0 { items.append(all ? "all \(unchanged) metrics unchanged" : "\(unchanged) unchanged") }
        if quiet > 0 {
            items.append((all ? "all \(quiet) metrics" : "\(quiet)") + " inconclusive with a median change below "
                         + "\(MetricComparison.format(threshold * 100))%")
        }
        return items.joined(separator: "; ")
    }

    /// The rule behind a metric's verdict, in a few words; empty for too few repetitions (explained once above).
    static func basis(_ metric: MetricComparison, threshold: Double) -> String {
        let counts = "\(metric.baseCount) vs \(metric.newCount)"
        switch metric.basis {
        case .tooFewRepetitions: return ""
        case .notMeasured, .belowThreshold, .belowNoiseFloor: return metric.reason
        case .significant: return "p=\(MetricComparison.format(metric.pValue ?? 1))"
        case .overlapping:
            return "repetitions overlap" + (metric.pValue.map { ", p=\(MetricComparison.format($0))" } ?? "")
        case .separated:
            return "small-sample rule: \(counts) separated, ≥ "
                + "\(MetricComparison.format(MetricComparison.smallSampleEffect(threshold: threshold) * 100))%"
        case .separatedButSmall:
            return "\(counts) separated, but the small-sample rule needs ≥ "
                + "\(MetricComparison.format(MetricComparison.smallSampleEffect(threshold: threshold) * 100))%"
        case .separatedWithinScatter:
            return "\(counts) separated by less than their own scatter"
        }
    }

    static func value(_ value: Double?) -> String { value.map(ReportFormat.number) ?? "-" }

    /// The outcomes of a configuration with nothing to compare, in words: `unavailable on both sides`,
    /// `base failed, new unavailable`.
    static func outcomePair(_ entry: Entry) -> String {
        entry.baseOutcome.label == entry.newOutcome.label
            ? "\(entry.baseOutcome.label) on both sides"
            : "base \(entry.baseOutcome.label), new \(entry.newOutcome.label)"
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
