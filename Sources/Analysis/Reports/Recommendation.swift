/// Limits a recommended strategy must meet, each on the median over its repetitions; nil means no limit.
public struct RecommendationConstraints: Sendable, Equatable {
    /// Largest acceptable `write_ms_p99`, ms.
    public var maxWriteP99Ms: Double?
    /// Smallest acceptable `psnr_db`, dB.
    public var minPSNR: Double?
    /// Smallest acceptable `fps`, frames/s.
    public var minFPS: Double?

    /// Creates constraints.
    public init(maxWriteP99Ms: Double? = nil, minPSNR: Double? = nil, minFPS: Double? = nil) {
        self.maxWriteP99Ms = maxWriteP99Ms
        self.minPSNR = minPSNR
        self.minFPS = minFPS
    }

    /// Whether no limit was given (then the best valid writer is recommended).
    public var isEmpty: Bool { maxWriteP99Ms == nil && minPSNR == nil && minFPS == nil }

    /// Why `aggregate` misses the limits, one phrase per limit missed (empty when it meets them all).
    func violations(of aggregate: RowAggregate) -> [String] {
        var reasons: [String] = []
        func check(_ column: CSVColumn, _ limit: Double?, _ name: String, _ unit: String, atMost: Bool) {
            guard let limit else { return }
            guard let value = aggregate.median(column) else {
                reasons.append("\(name) not measured\(column == .psnrDB ? " (output not verified)" : "")")
                return
            }
            if atMost ? value > limit : value < limit {
                reasons.append("\(name) \(ReportFormat.number(value))\(unit) \(atMost ? ">" : "<") \(ReportFormat.number(limit))\(unit)")
            }
        }
        check(.writeMsP99, maxWriteP99Ms, "write p99", " ms", atMost: true)
        check(.psnrDB, minPSNR, "PSNR", " dB", atMost: false)
        check(.fps, minFPS, "fps", "", atMost: false)
        return reasons
    }
}

/// The best strategy for one workload under constraints, the runner-up, and why every other one was left out.
public struct Recommendation: Sendable {
    /// A strategy that was not recommended, and why.
    public struct Exclusion: Sendable, Equatable {
        /// Strategy name.
        public var strategy: String
        /// Why it was left out (unavailable, failed, invalid, or the constraint with the measured value).
        public var reason: String
    }

    /// The workload the strategies were given.
    public var workload: Workload
    /// Strategies meeting every constraint, fastest (median fps) first.
    public var eligible: [RowAggregate]
    /// Strategies left out, in file order.
    public var excluded: [Exclusion]

    /// The recommended strategy; nil when none qualifies.
    public var best: RowAggregate? { eligible.first }
    /// The next best writer: the fastest other eligible one that is not the same writer as ``best`` (`auto` and the
    /// strategy it delegated to are one writer); nil when there is none.
    public var runnerUp: RowAggregate? {
        guard let best else { return nil }
        return eligible.dropFirst().first { !$0.isSameWriter(as: best) }
    }
    /// Whether any configuration of the workload could run here (false when every row is `unavailable`, as for
    /// hardware encoders this machine lacks).
    public var anyAvailable: Bool = true
    /// Whether some writer (not the reference) completed a valid run: then a missing recommendation means the
    /// limits excluded it.
    public var anyValidWriter: Bool = true

    /// How clearly the best leads the runner-up on fps (nil without a runner-up); see ``Lead``.
    public var lead: Lead? {
        guard let best, let runnerUp else { return nil }
        return Lead.judge(leader: best.values(.fps), other: runnerUp.values(.fps), higherIsBetter: true)
    }

    /// The workloads among `recommendations` in which nothing could run, in one line ("" when there are none):
    /// how many, and which encoders they asked for.
    public static func unavailableSummary(_ recommendations: [Recommendation]) -> String {
        let none = recommendations.filter { !$0.anyAvailable }
        guard !none.isEmpty else { return "" }
        var encoders: [String] = []
        for recommendation in none where !encoders.contains(recommendation.workload.encoder) {
            encoders.append(recommendation.workload.encoder)
        }
        return "\(none.count) workload(s) with every strategy unavailable on this machine (encoders: "
            + "\(encoders.joined(separator: ", "))); `writerbench probe` says why"
    }

    /// One recommendation per workload of `table`, in file order. Throws ``CSVError`` for a malformed number.
    public static func make(_ table: ResultsTable, constraints: RecommendationConstraints) throws -> [Recommendation] {
        let groups = try RowAggregate.group(table)
        var workloads: [Workload] = []
        for group in groups where !workloads.contains(group.configuration.workload) {
            workloads.append(group.configuration.workload)
        }
        return workloads.map { workload in
            make(groups.filter { $0.configuration.workload == workload }, workload: workload, constraints: constraints)
        }
    }

    /// Ranks the configurations of one workload.
    static func make(_ groups: [RowAggregate], workload: Workload, constraints: RecommendationConstraints) -> Recommendation {
        var eligible: [RowAggregate] = []
        var excluded: [Exclusion] = []
        for group in groups {
            let reason: String?
            if group.configuration.isEncoderCeiling {
                reason = "the encoder ceiling is a reference, not a writer"
            } else if group.configuration.isNullWriter {
                reason = "the null writer is a reference (the harness's own cost), not a writer"
            } else if group.outcome != .ok {
                reason = "\(group.outcome.label): \(group.outcome.reason)"
            } else if group.median(.fps) == nil {
                reason = "fps not measured"
            } else {
                let violations = constraints.violations(of: group)
                reason = violations.isEmpty ? nil : violations.joined(separator: "; ")
            }
            if let reason { excluded.append(Exclusion(strategy: group.strategy, reason: reason)) }
            else { eligible.append(group) }
        }
        eligible.sort { ($0.median(.fps) ?? 0, $1.strategy) > ($1.median(.fps) ?? 0, $0.strategy) }
        var recommendation = Recommendation(workload: workload, eligible: eligible, excluded: excluded)
        recommendation.anyAvailable = groups.contains { $0.outcome.label != "unavailable" }
        recommendation.anyValidWriter = groups.contains(where: \.isRankable)
        return recommendation
    }

    /// The recommendation in words: best, runner-up, the other qualifying strategies, and every exclusion.
    public func render() -> String {
        var lines = ["\(workload):"]
        func summary(_ group: RowAggregate) -> String {
            var parts = ["\(ReportFormat.number(group.median(.fps))) fps"]
            if let p99 = group.median(.writeMsP99) { parts.append("write p99 \(ReportFormat.number(p99)) ms") }
            if let psnr = group.median(.psnrDB) { parts.append("PSNR \(ReportFormat.number(psnr)) dB") }
            parts.append(group.verified ? "valid" : "not verified")
            let runs = group.completedRows.count
            return "\(group.strategy) (\(parts.joined(separator: ", ")); median of \(runs) run\(runs == 1 ? "" : "s"))"
        }
        if let best {
            lines.append("  recommended: \(summary(best))")
            lines.append("  runner-up:   " + (runnerUp.map(summary) ?? "none"))
            if let runnerUp, let lead, let fps = best.median(.fps), let other = runnerUp.median(.fps), other > 0 {
                let ratio = String(format: "%.2f× the runner-up's median fps", fps / other)
                switch lead {
                case .clear: lines.append("  lead:        \(ratio); the ranges of their repetitions do not overlap")
                case .large: lines.append("  lead:        \(ratio) (at least \(ReportFormat.number(Lead.singleRunFactor))× with fewer than \(Lead.minimumRepetitions) repetitions)")
                case .tie: lines.append("  lead:        tie within noise on fps: \(ratio), but the ranges of their repetitions overlap")
                case .undecided: lines.append("  lead:        none can be named: \(ratio) from fewer than \(Lead.minimumRepetitions) repetitions on a side; run with --repeat 3 to decide")
                }
            }
            for other in eligible.dropFirst() where other.strategy != runnerUp?.strategy {
                let note = other.isSameWriter(as: best) ? " — the same writer as \(best.strategy) (auto delegated to it)" : ""
                lines.append("  also meets the constraints: \(summary(other))\(note)")
            }
        } else {
            lines.append(anyValidWriter ? "  recommended: none — no strategy meets the constraints"
                         : "  recommended: none — no writer completed a valid run")
        }
        for exclusion in excluded { lines.append("  excluded \(exclusion.strategy): \(exclusion.reason)") }
        return lines.joined(separator: "\n")
    }
}
