/// The verdict of one rule on one results table.
public struct GateVerdict: Sendable, Equatable {
    /// The rule judged.
    public var rule: GateRule
    /// Rows the rule's filter matched.
    public var rowsMatched: Int
    /// The aggregated value (nil when nothing could be measured, or for `all` rules).
    public var measured: Double?
    /// Whether the rule holds.
    public var passed: Bool
    /// Why it failed, or a note on how it passed.
    public var detail: String
    /// False when the table holds nothing the rule is about: no row matched its filter, its reference strategy has
    /// no row, or its CSV was not given. Such a rule is never `passed` (a gate that checked nothing must not pass),
    /// but a report calls it "not applicable" rather than a failure.
    public var applicable: Bool = true
    /// For an `equals=` rule: how many of the matched rows hold the expected text (nil for numeric rules).
    public var rowsEqual: Int?

    /// "PASS", "FAIL" or "N/A" (not applicable: the rule matched nothing in this table).
    public var label: String { passed ? "PASS" : applicable ? "FAIL" : "N/A" }

    /// One line: PASS/FAIL/N/A, rule, rows, measured value, limit, detail.
    public var line: String {
        let value: String
        if let rowsEqual, case .equals(let expected) = rule.limit {
            value = "\(rule.metric)=\(expected) in \(rowsEqual) of \(rowsMatched) rows"
        } else if let measured { value = "\(rule.aggregate.rawValue)(\(rule.metric))=\(GateRule.format(measured))" }
        else { value = "\(rule.aggregate.rawValue)(\(rule.metric))=-" }
        return "\(label)  \(rule.name)  rows=\(rowsMatched)  \(value)  limit \(rule.limit)"
            + (detail.isEmpty ? "" : "  (\(detail))")
    }
}

/// The results tables a gate reads: the run CSV, the pipeline CSV, or both.
public struct GateTables: Sendable {
    /// The `writerbench run` CSV, for rules with `csv=run` (the default).
    public var run: ResultsTable?
    /// The `writerbench pipeline` CSV, for rules with `csv=pipeline`.
    public var pipeline: ResultsTable?

    /// Creates the set of tables.
    public init(run: ResultsTable? = nil, pipeline: ResultsTable? = nil) {
        self.run = run
        self.pipeline = pipeline
    }

    /// The table `rule` reads, or nil when it was not given.
    public subscript(table: GateRule.Table) -> ResultsTable? {
        switch table {
        case .run: run
        case .pipeline: pipeline
        }
    }
}

/// Applies gate rules to results: a pure function from (tables, rules) to verdicts.
public enum Gate {
    /// Judges every rule against the run CSV `table`. A rule that matches no row fails: a gate that checked nothing
    /// must not pass; so does a `csv=pipeline` rule, which this table cannot answer.
    public static func evaluate(_ table: ResultsTable, rules: [GateRule]) -> [GateVerdict] {
        evaluate(GateTables(run: table), rules: rules)
    }

    /// Judges every rule against its table. A rule whose table is not given fails, saying which CSV it needs.
    public static func evaluate(_ tables: GateTables, rules: [GateRule]) -> [GateVerdict] {
        rules.map { rule in
            guard let table = tables[rule.table] else {
                let option = rule.table == .run ? "--csv" : "--pipeline-csv"
                return GateVerdict(rule: rule, rowsMatched: 0, measured: nil, passed: false,
                                   detail: "the rule reads the \(rule.table.rawValue) CSV, which was not given (\(option))",
                                   applicable: false)
            }
            return evaluate(table, rule: rule)
        }
    }

    /// True when every verdict passed (and there was at least one). Rules that were not applicable count as not
    /// passed: this is the `gate` command's verdict, where a rule that checked nothing must fail.
    public static func passed(_ verdicts: [GateVerdict]) -> Bool {
        !verdicts.isEmpty && verdicts.allSatisfy(\.passed)
    }

    /// The verdicts counted for a summary that tells failures from rules that had nothing to judge.
    public static func summary(_ verdicts: [GateVerdict]) -> GateSummary {
        GateSummary(passed: verdicts.filter(\.passed).count,
                    failed: verdicts.filter { !$0.passed && $0.applicable }.count,
                    notApplicable: verdicts.filter { !$0.applicable }.count)
    }

    static func evaluate(_ table: ResultsTable, rule: GateRule) -> GateVerdict {
        let rows = table.rows.filter(rule.matches)
        func verdict(_ measured: Double?, _ passed: Bool, _ detail: String) -> GateVerdict {
            GateVerdict(rule: rule, rowsMatched: rows.count, measured: measured, passed: passed, detail: detail)
        }
        guard !rows.isEmpty else {
            var verdict = verdict(nil, false, "no row matched the rule's filter")
            verdict.applicable = false
            return verdict
        }
        if case .equals(let expected) = rule.limit {
            let failing = rows.filter { $0[rule.metric] != expected }
            var equals = verdict(nil, failing.isEmpty, failing.isEmpty ? "" :
                "\(failing.count) row(s) differ, e.g. line \(failing[0].line): \(rule.metric)='\(failing[0][rule.metric])' \(failing[0]["strategy"]) \(failing[0]["invalid_reason"])"
                    .trimmingCharacters(in: .whitespaces))
            equals.rowsEqual = rows.count - failing.count
            return equals
        }
        let values: [Double]
        switch numbers(rows, rule.metric) {
        case .failure(let problem): return verdict(nil, false, problem.message)
        case .success(let parsed): values = parsed
        }
        var accepts: (Double) -> Bool = rule.limit.accepts
        var note = ""
        if case .atLeastReference(let strategy) = rule.limit {
            var filter = rule.filter
            filter["strategy"] = [strategy]
            var referenceRule = rule
            referenceRule.filter = filter
            let referenceRows = table.rows.filter(referenceRule.matches)
            guard !referenceRows.isEmpty else {
                var verdict = verdict(nil, false, "no row of the reference strategy \(strategy) matched the rule's other filters")
                verdict.applicable = false
                return verdict
            }
            let referenceValues: [Double]
            switch numbers(referenceRows, rule.metric) {
            case .failure(let problem): return verdict(nil, false, "reference " + problem.message)
            case .success(let parsed): referenceValues = parsed
            }
            let referenceAggregate = rule.aggregate == .all ? GateRule.Aggregate.median : rule.aggregate
            guard let reference = aggregate(Distribution(referenceValues), referenceAggregate) else {
                return verdict(nil, false, "no reference values")
            }
            accepts = { $0 >= reference }
            note = "\(strategy): \(referenceAggregate.rawValue)(\(rule.metric))=\(GateRule.format(reference))"
        }
        func joined(_ parts: String...) -> String { parts.filter { !$0.isEmpty }.joined(separator: "; ") }
        let distribution = Distribution(values)
        if rule.aggregate == .all {
            let failing = values.filter { !accepts($0) }
            return verdict(distribution.max, failing.isEmpty,
                           joined(failing.isEmpty ? "" : "\(failing.count) of \(values.count) rows outside the limit", note))
        }
        guard let value = aggregate(distribution, rule.aggregate) else { return verdict(nil, false, "no values") }
        return verdict(value, accepts(value), joined(values.count > 1 ? "over \(values.count) runs" : "", note))
    }

    private struct Problem: Error { var message: String }

    /// The metric of every row as a number; a problem naming the line when one is not a number or empty.
    private static func numbers(_ rows: [ResultsTable.Row], _ metric: String) -> Result<[Double], Problem> {
        var values: [Double] = []
        for row in rows {
            let parsed: Double?
            do { parsed = try row.number(metric) } catch {
                return .failure(Problem(message: "line \(row.line): \(metric)='\(row[metric])' is not a number"))
            }
            guard let value = parsed else {
                return .failure(Problem(message: "line \(row.line): \(metric) is empty (not measured)"))
            }
            values.append(value)
        }
        return .success(values)
    }

    private static func aggregate(_ distribution: Distribution, _ aggregate: GateRule.Aggregate) -> Double? {
        switch aggregate {
        case .median, .all: distribution.median
        case .mean: distribution.mean
        case .min: distribution.min
        case .max: distribution.max
        }
    }
}

import Foundation
