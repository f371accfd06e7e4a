import Foundation

extension GateVerdict {
    /// The verdict as a JSON object: rule, verdict (PASS, FAIL, N/A), applicable, rows matched, measured, limit,
    /// detail, and whether it was report-only.
    public func jsonObject(reportOnly: Bool = false) -> [String: Any] {
        ["rule": rule.name, "verdict": label, "passed": passed, "applicable": applicable, "rows_matched": rowsMatched,
         "metric": rule.metric, "aggregate": rule.aggregate.rawValue, "measured": JSONText.number(measured),
         "limit": rule.limit.description, "detail": detail, "report_only": reportOnly]
    }
}

extension GateSummary {
    /// The counts as a JSON object.
    public var jsonObject: [String: Any] {
        ["passed": passed, "failed": failed, "not_applicable": notApplicable, "total": total]
    }
}

extension RunConfiguration {
    /// The configuration's identifying columns as a JSON object.
    public var jsonObject: [String: Any] {
        ["description": description, "strategy": strategy, "frameset": workload.frameset, "size": workload.size,
         "encoder": workload.encoder, "preset": workload.preset, "crf": workload.crf, "threads": workload.threads,
         "pace_fps": workload.paceFPS, "frames": workload.frames]
    }
}

extension Comparison {
    /// The comparison as a JSON object: files, threshold, exit status, verdict counts per configuration, and every
    /// configuration with its per-metric verdicts.
    public func jsonObject(base: String, new: String) -> [String: Any] {
        var counts: [String: Int] = [:]
        for (verdict, count) in configurationCounts { counts[verdict.rawValue] = count }
        let entries = self.entries.map { entry -> [String: Any] in
            ["configuration": entry.configuration.jsonObject,
             "verdict": JSONText.string(entry.verdict?.rawValue),
             "base_outcome": entry.baseOutcome.label, "new_outcome": entry.newOutcome.label,
             "metrics": entry.metrics.map { metric -> [String: Any] in
                 ["metric": metric.metric.rawValue, "verdict": metric.verdict.rawValue, "basis": metric.basis.rawValue,
                  "base_median": JSONText.number(metric.baseMedian), "new_median": JSONText.number(metric.newMedian),
                  "change": JSONText.number(metric.change), "p_value": JSONText.number(metric.pValue),
                  "base_repetitions": metric.baseCount, "new_repetitions": metric.newCount, "reason": metric.reason]
             }]
        }
        return ["base": base, "new": new, "threshold": threshold, "alpha": alpha, "exit_status": Int(exitStatus),
                "configurations": counts, "entries": entries,
                "only_in_base": onlyInBase.map(\.description), "only_in_new": onlyInNew.map(\.description)]
    }
}

extension Recommendation {
    /// The recommendation as a JSON object: workload, recommended and runner-up (with median fps, write p99,
    /// PSNR and repetitions), the lead, and every exclusion.
    public var jsonObject: [String: Any] {
        func summary(_ group: RowAggregate?) -> Any {
            guard let group else { return NSNull() }
            return ["strategy": group.strategy, "fps_median": JSONText.number(group.median(.fps)),
                    "write_ms_p99_median": JSONText.number(group.median(.writeMsP99)),
                    "psnr_db_median": JSONText.number(group.median(.psnrDB)), "verified": group.verified,
                    "repetitions": group.completedRows.count] as [String: Any]
        }
        let leadText: Any = lead.map { lead -> String in
            switch lead {
            case .clear: "clear"
            case .large: "large"
            case .tie: "tie within noise"
            case .undecided: "undecided"
            }
        } ?? NSNull()
        return ["workload": workload.description, "encoder": workload.encoder, "available": anyAvailable,
                "recommended": summary(best), "runner_up": summary(runnerUp), "lead": leadText,
                "also_eligible": eligible.dropFirst().map(\.strategy).filter { $0 != runnerUp?.strategy },
                "excluded": excluded.map { ["strategy": $0.strategy, "reason": $0.reason] }]
    }
}

extension RunSummary {
    /// `run --json`: one object per record, keyed by CSV column name (numbers as numbers, empty fields as null).
    public static func json(_ records: [RunRecord]) -> String {
        JSONText.render(records.map { record -> [String: Any] in
            var object: [String: Any] = [:]
            for (column, text) in zip(CSVColumn.allCases, record.csvFields) {
                object[column.rawValue] = JSONText.field(text, numeric: column.isNumeric)
            }
            return object
        })
    }
}
