/// The lines `writerbench bisect` prints: each step's measurement and verdict, and the conclusion with its cost.
public struct BisectConsole: Sendable {
    /// The revisions searched (full IDs, good first) and their subjects.
    public var revisions: [String]
    public var subjects: [String: String]
    /// The metric judged and its unit.
    public var metric: String
    public var unit: String

    /// A console for a search over `revisions`.
    public init(revisions: [String], subjects: [String: String] = [:], metric: String, unit: String) {
        self.revisions = revisions
        self.subjects = subjects
        self.metric = metric
        self.unit = unit
    }

    /// "abc1234 (good)" / "abc1234 (3 of 10)": a revision and where it lies.
    public func label(_ index: Int) -> String {
        let short = String(revisions[index].prefix(7))
        if index == 0 { return "\(short) (good)" }
        if index == revisions.count - 1 { return "\(short) (bad)" }
        return "\(short) (\(index) of \(revisions.count - 1))"
    }

    /// The line for one event.
    public func line(for event: BisectEvent) -> String {
        switch event {
        case .built(let index, _, let failure):
            return failure.map { "\(label(index)): build failed: \($0)" } ?? "\(label(index)): built"
        case .measured(let index, _, let measurement, let failure):
            guard let measurement else { return "\(label(index)): no measurement: \(failure ?? "")" }
            let partly = failure.map { " (some runs failed: \($0))" } ?? ""
            return "\(label(index)): \(metric) \(measurement.summary(unit: unit))\(partly)"
        case .judged(let index, _, let verdict, let position, let lastGood, let firstBad):
            var text = "\(label(index)): \(verdict.word) (at \(BisectDecisionRule.position(position)) of the way from good to bad)"
            if case .inconclusive(let reason) = verdict { text += ": \(reason)" }
            let left = firstBad - lastGood - 1
            return text + "; first bad commit now in \(String(revisions[lastGood + 1].prefix(7)))…"
                + "\(String(revisions[firstBad].prefix(7))), \(left) untested between"
        case .skipped(let index, _, let reason):
            return "\(label(index)): skipped (like git bisect skip): \(reason)"
        }
    }

    /// The closing lines: the answer, the warnings, and the builds and runs it took.
    public func summary(of outcome: BisectOutcome) -> [String] {
        var lines: [String] = []
        func named(_ index: Int) -> String {
            "\(revisions[index].prefix(12)) \(subjects[revisions[index]] ?? "")"
        }
        switch outcome.conclusion {
        case .firstBad(let index):
            lines.append("first bad commit: \(named(index))")
            if let before = outcome.measurements[index - 1], let after = outcome.measurements[index] {
                lines.append("  \(metric) \(before.summary(unit: unit)) at \(revisions[index - 1].prefix(7)) → "
                    + "\(after.summary(unit: unit)) at \(revisions[index].prefix(7))")
            }
        case .oneOf(let indices):
            lines.append("inconclusive: candidates between were skipped; the first bad commit is one of:")
            lines += indices.map { "  \(named($0))" + (outcome.skipped[$0].map { " (skipped: \($0))" } ?? "") }
        case .inconclusive(let candidate, let reason, let lastGood, let firstBad):
            lines.append("inconclusive at \(label(candidate)): \(reason)")
            lines.append("  the first bad commit lies in \(revisions[lastGood + 1].prefix(7))…\(revisions[firstBad].prefix(7)) "
                + "(\(firstBad - lastGood) commits); measure those with more repetitions (--repeat)")
        case .endpointsIndistinct(let reason):
            lines.append("inconclusive: nothing to bisect: \(reason)")
        case .endpointFailed(let index, let reason):
            lines.append("could not complete: \(label(index)) could not be built or measured: \(reason)")
        }
        lines += outcome.warnings.map { "warning: " + $0 }
        lines.append("cost: \(outcome.builds) build\(outcome.builds == 1 ? "" : "s")"
            + (outcome.failedBuilds > 0 ? " (\(outcome.failedBuilds) failed)" : "")
            + ", \(outcome.benchmarkRuns) benchmark run\(outcome.benchmarkRuns == 1 ? "" : "s")"
            + ", \(revisions.count - 1) commits after good")
        return lines
    }
}
