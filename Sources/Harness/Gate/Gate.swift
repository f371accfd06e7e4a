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

    /// One line: PASS/FAIL, rule, rows, measured value, limit, detail.
    public var line: String {
        let value: String
        if let measured { value = "\(rule.aggregate.rawValue)(\(rule.metric))=\(GateRule.format(measured))" }
        else { value = "\(rule.aggregate.rawValue)(\(rule.metric))=-" }
        return "\(passed ? "PASS" : "FAIL")  \(rule.name)  rows=\(rowsMatched)  \(value)  limit \(rule.limit)"
            + (detail.isEmpty ? "" : "  (\(detail))")
    }
}

/// Applies gate rules to results: a pure function from (table, rules) to verdicts.
public enum Gate {
    /// Judges every rule. A rule that matches no row fails: a gate that checked nothing must not pass.
    public static func evaluate(_ table: ResultsTable, rules: [GateRule]) -> [GateVerdict] {
        rules.map { evaluate(table, rule: $0) }
    }

    /// True when every verdict passed (and there was at least one).
    public static func passed(_ verdicts: [GateVerdict]) -> Bool {
        !verdicts.isEmpty && verdicts.allSatisfy(\.passed)
    }

    static func evaluate(_ table: ResultsTable, rule: GateRule) -> GateVerdict {
        let rows = table.rows.filter(rule.matches)
        func verdict(_ measured: Double?, _ passed: Bool, _ detail: String) -> GateVerdict {
            GateVerdict(rule: rule, rowsMatched: rows.count, measured: measured, passed: passed, detail: detail)
        }
        guard !rows.isEmpty else { return verdict(nil, false, "no row matched the rule's filter") }
        if case .equals(let expected) = rule.limit {
            let failing = rows.filter { $0[rule.metric] != expected }
            return verdict(nil, failing.isEmpty, failing.isEmpty ? "" :
                "\(failing.count) row(s) differ, e.g. line \(failing[0].line): \(rule.metric)='\(failing[0][rule.metric])' \(failing[0]["strategy"]) \(failing[0]["invalid_reason"])"
                    .trimmingCharacters(in: .whitespaces))
        }
        var values: [Double] = []
        for row in rows {
            let parsed: Double?
            do { parsed = try row.number(rule.metric) } catch {
                return verdict(nil, false, "line \(row.line): \(rule.metric)='\(row[rule.metric])' is not a number")
            }
            guard let value = parsed else { return verdict(nil, false, "line \(row.line): \(rule.metric) is empty (not measured)") }
            values.append(value)
        }
        let distribution = Distribution(values)
        switch rule.aggregate {
        case .all:
            let failing = values.filter { !rule.limit.accepts($0) }
            return verdict(distribution.max, failing.isEmpty,
                           failing.isEmpty ? "" : "\(failing.count) of \(values.count) rows outside the limit")
        case .median: return judge(distribution.median, verdict)
        case .mean: return judge(distribution.mean, verdict)
        case .min: return judge(distribution.min, verdict)
        case .max: return judge(distribution.max, verdict)
        }
        func judge(_ value: Double?, _ make: (Double?, Bool, String) -> GateVerdict) -> GateVerdict {
            guard let value else { return make(nil, false, "no values") }
            return make(value, rule.limit.accepts(value), values.count > 1 ? "over \(values.count) runs" : "")
        }
    }
}

import Foundation
