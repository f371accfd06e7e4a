/// The repetitions of one configuration, summarised: outcome, and per measured column the values of the runs that
/// completed, with their median and spread.
public struct RowAggregate: Sendable {
    /// How the configuration's runs went, judged over all its repetitions.
    public enum Outcome: Sendable, Equatable {
        /// Every run completed and no output was found invalid (it may not have been verified).
        case ok
        /// The strategy cannot run on this machine (why).
        case unavailable(String)
        /// At least one run failed (how many, and the first reason).
        case failed(String)
        /// At least one run's output failed verification (the first mismatch).
        case invalid(String)

        /// One word: ok, unavailable, failed or invalid.
        public var label: String {
            switch self {
            case .ok: "ok"
            case .unavailable: "unavailable"
            case .failed: "failed"
            case .invalid: "invalid"
            }
        }

        /// The reason given with the outcome ("" for ok).
        public var reason: String {
            switch self {
            case .ok: ""
            case .unavailable(let reason), .failed(let reason), .invalid(let reason): reason
            }
        }
    }

    /// The configuration the rows share.
    public let configuration: RunConfiguration
    /// Every row of the configuration, in file order.
    public let rows: [ResultsTable.Row]
    /// The rows with `status=ok`: the repetitions that measured something.
    public let completedRows: [ResultsTable.Row]
    /// Outcome over all repetitions.
    public let outcome: Outcome
    private let values: [CSVColumn: [Double]]

    /// Summarises `rows`, which must share one configuration. Throws ``CSVError`` when a completed row holds text
    /// where a number belongs.
    public init(configuration: RunConfiguration, rows: [ResultsTable.Row]) throws {
        self.configuration = configuration
        self.rows = rows
        completedRows = rows.filter { $0[.status] == "ok" }
        var values: [CSVColumn: [Double]] = [:]
        for column in CSVColumn.allCases where column.isNumeric {
            values[column] = try completedRows.compactMap { try $0.number(column.rawValue) }
        }
        self.values = values
        outcome = Self.outcome(rows: rows, completed: completedRows)
    }

    /// Groups a table's rows by configuration, in order of first appearance.
    public static func group(_ table: ResultsTable) throws -> [RowAggregate] {
        var order: [RunConfiguration] = []
        var rowsByConfiguration: [RunConfiguration: [ResultsTable.Row]] = [:]
        for row in table.rows {
            let configuration = RunConfiguration(row)
            if rowsByConfiguration[configuration] == nil { order.append(configuration) }
            rowsByConfiguration[configuration, default: []].append(row)
        }
        return try order.map { try RowAggregate(configuration: $0, rows: rowsByConfiguration[$0] ?? []) }
    }

    /// Strategy name.
    public var strategy: String { configuration.strategy }

    /// The values of `column` over completed repetitions (empty when not measured).
    public func values(_ column: CSVColumn) -> [Double] { values[column] ?? [] }

    /// The distribution of `column` over completed repetitions.
    public func distribution(_ column: CSVColumn) -> Distribution { Distribution(values(column)) }

    /// Median of `column` over completed repetitions; nil when not measured.
    public func median(_ column: CSVColumn) -> Double? { distribution(column).median }

    /// Half the min–max range of `column` relative to its median (0.02 = ±2 %); nil with fewer than two values or
    /// a zero median.
    public func relativeSpread(_ column: CSVColumn) -> Double? {
        let distribution = distribution(column)
        guard distribution.count > 1, let median = distribution.median, median != 0,
              let low = distribution.min, let high = distribution.max else { return nil }
        return (high - low) / 2 / abs(median)
    }

    /// The strategy an `auto` configuration delegated to in every completed run, read from its reason
    /// ("auto: using libx264 via libav-async (…)"); nil for other strategies or when the runs differ.
    public var delegate: String? {
        let names = Set(completedRows.map { Self.delegate(inReason: $0[.reason]) })
        guard names.count == 1, let name = names.first else { return nil }
        return name
    }

    /// The strategy named by an `auto` row's reason ("auto: using libx264 via libav-async (…)" → "libav-async");
    /// nil for any other reason.
    public static func delegate(inReason reason: String) -> String? {
        guard reason.hasPrefix("auto: using "), let via = reason.range(of: " via ") else { return nil }
        let rest = reason[via.upperBound...]
        return String(rest.prefix { $0 != " " && $0 != "(" && $0 != ";" })
    }

    /// Whether `other` ran the same writer: one of them is `auto` and delegated to the other.
    public func isSameWriter(as other: RowAggregate) -> Bool {
        delegate == other.strategy || other.delegate == strategy
    }

    /// Whether the output of every completed repetition was verified valid.
    public var verified: Bool { !completedRows.isEmpty && completedRows.allSatisfy { $0[.valid] == "true" } }

    /// Whether this configuration can stand as a writer in rankings: it ran, its output is not known to be
    /// invalid, and it is not a reference (the encoder ceiling or the null writer).
    public var isRankable: Bool { outcome == .ok && !configuration.isReference && median(.fps) != nil }

    /// Validity in words: "valid", "not verified", "invalid: …", "unavailable: …", "failed: …".
    public var validityText: String {
        switch outcome {
        case .ok: verified ? "valid" : "not verified"
        default: "\(outcome.label): \(outcome.reason)"
        }
    }

    private static func outcome(rows: [ResultsTable.Row], completed: [ResultsTable.Row]) -> Outcome {
        let failed = rows.filter { $0[.status] != "ok" && $0[.status] != "unavailable" }
        func reason(_ row: ResultsTable.Row) -> String {
            let text = row[.reason]
            return row[.status] == "failed" ? text : "status '\(row[.status])' \(text)".trimmingCharacters(in: .whitespaces)
        }
        if completed.isEmpty {
            if let first = failed.first { return .failed(reason(first)) }
            return .unavailable(rows.first?[.reason] ?? "")
        }
        if let invalid = completed.first(where: { $0[.valid] == "false" }) {
            return .invalid(invalid[.invalidReason])
        }
        if let first = failed.first {
            return .failed("\(failed.count) of \(rows.count) runs failed: \(reason(first))")
        }
        return .ok
    }
}
