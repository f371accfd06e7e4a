/// The search: measures both endpoints, then bisects the revisions between them, judging each candidate against the
/// endpoints with a ``BisectDecisionRule``. Candidates that cannot be built or measured are skipped (the nearest
/// other candidate in the remaining range is tried, as `git bisect skip` does); an inconclusive candidate stops the
/// search with the range found so far, instead of guessing.
public struct Bisector: Sendable {
    /// The decision rule.
    public var rule: BisectDecisionRule
    /// Benchmark runs per revision (their values are pooled).
    public var runsPerRevision: Int
    /// The series check run at the end.
    public var monotonicity: MonotonicityCheck

    /// A search with `runsPerRevision` benchmark runs per revision (at least 1).
    public init(rule: BisectDecisionRule = BisectDecisionRule(), runsPerRevision: Int = 1,
                monotonicity: MonotonicityCheck = MonotonicityCheck()) {
        self.rule = rule
        self.runsPerRevision = max(1, runsPerRevision)
        self.monotonicity = monotonicity
    }

    /// Bisects `revisions` (oldest first: the good endpoint first, the bad endpoint last, the first-parent commits
    /// between in order), telling `report` every step.
    public func bisect<Workbench: BisectWorkbench>(_ revisions: [String], on workbench: inout Workbench,
                                                    report: (BisectEvent) -> Void = { _ in }) -> BisectOutcome {
        precondition(revisions.count >= 2, "bisect needs a good and a bad revision")
        var outcome = BisectOutcome(conclusion: .endpointsIndistinct(""))
        let goodIndex = 0, badIndex = revisions.count - 1

        func measure(_ index: Int) -> Result<RevisionMeasurement, BisectCandidateFailure> {
            let revision = revisions[index]
            outcome.builds += 1
            do {
                try workbench.build(revision)
                report(.built(index: index, revision: revision, failure: nil))
            } catch {
                outcome.failedBuilds += 1
                let failure = (error as? BisectCandidateFailure) ?? BisectCandidateFailure("\(error)")
                report(.built(index: index, revision: revision, failure: failure.reason))
                return .failure(failure)
            }
            var values: [Double] = []
            var failures: [String] = []
            for run in 1...runsPerRevision {
                outcome.benchmarkRuns += 1
                do { values += try workbench.measure(revision, run: run) } catch {
                    failures.append((error as? BisectCandidateFailure)?.reason ?? "\(error)")
                }
            }
            guard !values.isEmpty else {
                let failure = BisectCandidateFailure(failures.joined(separator: "; "))
                report(.measured(index: index, revision: revision, measurement: nil, failure: failure.reason))
                return .failure(failure)
            }
            let measurement = RevisionMeasurement(values: values)
            outcome.measurements[index] = measurement
            report(.measured(index: index, revision: revision, measurement: measurement,
                             failure: failures.isEmpty ? nil : failures.joined(separator: "; ")))
            return .success(measurement)
        }

        let good: RevisionMeasurement, bad: RevisionMeasurement
        switch measure(goodIndex) {
        case .success(let value): good = value
        case .failure(let failure):
            outcome.conclusion = .endpointFailed(index: goodIndex, reason: failure.reason)
            return outcome
        }
        switch measure(badIndex) {
        case .success(let value): bad = value
        case .failure(let failure):
            outcome.conclusion = .endpointFailed(index: badIndex, reason: failure.reason)
            return outcome
        }
        if let problem = rule.endpointsProblem(good: good, bad: bad) {
            outcome.conclusion = .endpointsIndistinct(problem)
            return outcome
        }

        var lastGood = goodIndex, firstBad = badIndex
        search: while true {
            let remaining = (lastGood + 1..<firstBad).filter { outcome.skipped[$0] == nil }
            guard let candidate = Self.nearestToMiddle(remaining, lastGood: lastGood, firstBad: firstBad) else {
                let skippedBetween = (lastGood + 1..<firstBad).filter { outcome.skipped[$0] != nil }
                outcome.conclusion = skippedBetween.isEmpty ? .firstBad(firstBad) : .oneOf(skippedBetween + [firstBad])
                break search
            }
            let measurement: RevisionMeasurement
            switch measure(candidate) {
            case .success(let value): measurement = value
            case .failure(let failure):
                outcome.skipped[candidate] = failure.reason
                report(.skipped(index: candidate, revision: revisions[candidate], reason: failure.reason))
                continue
            }
            let verdict = rule.verdict(on: measurement, good: good, bad: bad)
            outcome.verdicts[candidate] = verdict
            switch verdict {
            case .good: lastGood = candidate
            case .bad: firstBad = candidate
            case .inconclusive: break
            }
            report(.judged(index: candidate, revision: revisions[candidate], verdict: verdict,
                           position: rule.position(of: measurement, good: good, bad: bad),
                           lastGood: lastGood, firstBad: firstBad))
            if case .inconclusive(let reason) = verdict {
                outcome.conclusion = .inconclusive(candidate: candidate, reason: reason, lastGood: lastGood,
                                                   firstBad: firstBad)
                break search
            }
        }
        let positions = outcome.measurements.keys.sorted().map { index in
            (label: revisions[index], t: rule.position(of: outcome.measurements[index]!, good: good, bad: bad))
        }
        outcome.warnings = monotonicity.warnings(for: positions)
        return outcome
    }

    /// The candidate of `remaining` nearest the middle of (lastGood, firstBad); on a tie the older one.
    static func nearestToMiddle(_ remaining: [Int], lastGood: Int, firstBad: Int) -> Int? {
        let middle = Double(lastGood + firstBad) / 2
        return remaining.min { a, b in
            let da = abs(Double(a) - middle), db = abs(Double(b) - middle)
            return da != db ? da < db : a < b
        }
    }
}
