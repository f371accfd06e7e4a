/// One check of the gate: which rows, which metric, how repetitions are combined, and the limit.
public struct GateRule: Sendable, Equatable {
    /// How the matched rows' values are combined before comparing with the limit.
    public enum Aggregate: String, Sendable, CaseIterable {
        /// The median over matched rows (repetitions): robust to one noisy run. The default.
        case median
        /// The arithmetic mean.
        case mean
        /// The smallest value.
        case min
        /// The largest value (the strictest reading of a ceiling).
        case max
        /// Every matched row must meet the limit on its own.
        case all
    }

    /// What the aggregate must satisfy.
    public enum Limit: Sendable, Equatable, CustomStringConvertible {
        /// Value ≤ limit.
        case atMost(Double)
        /// Value ≥ limit.
        case atLeast(Double)
        /// Text equals (for columns like `valid` or `status`); only with aggregate `all`.
        case equals(String)
        /// Value ≥ the same aggregate of the same metric over the rows of strategy `String` that match the rule's
        /// other filters, in the same table (`min_ref=opencv-mp4v`: "at least what opencv-mp4v got on the same run").
        case atLeastReference(String)

        public var description: String {
            switch self {
            case .atMost(let value): "<= \(GateRule.format(value))"
            case .atLeast(let value): ">= \(GateRule.format(value))"
            case .equals(let text): "== \(text)"
            case .atLeastReference(let strategy): ">= \(strategy)"
            }
        }

        /// Whether a numeric value satisfies the limit.
        func accepts(_ value: Double) -> Bool {
            switch self {
            case .atMost(let limit): value <= limit
            case .atLeast(let limit): value >= limit
            case .equals(let text): Double(text) == value
            case .atLeastReference: false  // needs the reference rows; judged by ``Gate``
            }
        }
    }

    /// Which results CSV a rule reads.
    public enum Table: String, Sendable, CaseIterable {
        /// The `writerbench run` CSV (columns: ``CSVColumn``). The default.
        case run
        /// The `writerbench pipeline` CSV (columns: ``PipelineColumn``); `csv=pipeline` in the rules file.
        case pipeline

        /// Whether `name` is a column of this table.
        func hasColumn(_ name: String) -> Bool {
            switch self {
            case .run: CSVColumn(rawValue: name) != nil
            case .pipeline: PipelineColumn(rawValue: name) != nil
            }
        }
    }

    /// Rule name, printed in verdicts.
    public var name: String
    /// Column name → accepted values; a row matches when every filtered column holds one of the values.
    /// `size` is matched against `WIDTHxHEIGHT`. `status` defaults to `ok`.
    public var filter: [String: [String]]
    /// The CSV column checked.
    public var metric: String
    /// How matched rows are combined.
    public var aggregate: Aggregate
    /// The limit.
    public var limit: Limit
    /// 1-based line in the rules file, for messages.
    public var line: Int
    /// The table the rule reads.
    public var table: Table

    /// Creates a rule.
    public init(name: String, filter: [String: [String]], metric: String, aggregate: Aggregate = .median,
                limit: Limit, line: Int = 0, table: Table = .run) {
        self.name = name
        self.filter = filter
        self.metric = metric
        self.aggregate = aggregate
        self.limit = limit
        self.line = line
        self.table = table
    }

    /// Whether `row` is one this rule looks at.
    public func matches(_ row: ResultsTable.Row) -> Bool {
        var filter = self.filter
        if filter["status"] == nil { filter["status"] = ["ok"] }
        for (column, accepted) in filter where !accepted.contains("*") {
            let value = column == "size" ? "\(row["width"])x\(row["height"])" : row[column]
            if !accepted.contains(value) { return false }
        }
        return true
    }

    static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e12 ? String(Int(value)) : String(format: "%.4g", value)
    }
}

import Foundation
