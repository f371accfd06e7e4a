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

        public var description: String {
            switch self {
            case .atMost(let value): "<= \(GateRule.format(value))"
            case .atLeast(let value): ">= \(GateRule.format(value))"
            case .equals(let text): "== \(text)"
            }
        }

        /// Whether a numeric value satisfies the limit.
        func accepts(_ value: Double) -> Bool {
            switch self {
            case .atMost(let limit): value <= limit
            case .atLeast(let limit): value >= limit
            case .equals(let text): Double(text) == value
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

    /// Creates a rule.
    public init(name: String, filter: [String: [String]], metric: String, aggregate: Aggregate = .median,
                limit: Limit, line: Int = 0) {
        self.name = name
        self.filter = filter
        self.metric = metric
        self.aggregate = aggregate
        self.limit = limit
        self.line = line
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
