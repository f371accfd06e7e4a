import Foundation

/// A results CSV read back: the header and one dictionary per row, for the gate, compare and report.
public struct ResultsTable: Sendable {
    /// One row: column name → field text (empty when the column was left empty).
    public struct Row: Sendable {
        /// 1-based line number in the file, for messages.
        public let line: Int
        /// Field text by column name.
        public let fields: [String: String]

        /// The field's text, or "" when absent.
        public subscript(_ column: String) -> String { fields[column] ?? "" }
        /// The field's text for a known column.
        public subscript(_ column: CSVColumn) -> String { self[column.rawValue] }

        /// The field as a number; nil when empty. Throws when it is not a number.
        public func number(_ column: String) throws -> Double? {
            let text = self[column]
            guard !text.isEmpty else { return nil }
            guard let value = Double(text), value.isFinite else {
                throw CSVError(line: line, field: 0, message: "column \(column) holds '\(text)', which is not a number")
            }
            return value
        }

        /// The machine that wrote the row: ``EnvironmentFingerprint/machineID(cpuModel:logicalCores:os:)`` of its
        /// `cpu_model`, `logical_cores` and `os` fields (the same in run and pipeline CSVs).
        public var machineID: String {
            EnvironmentFingerprint.machineID(cpuModel: self["cpu_model"], logicalCores: self["logical_cores"],
                                             os: self["os"])
        }
    }

    /// Column names in file order.
    public let header: [String]
    /// The data rows.
    public let rows: [Row]

    /// Parses CSV text. Every row must have as many fields as the header; `requiredColumns` must all be present.
    public init(text: String, requiredColumns: [String] = []) throws {
        let records = try CSVFormat.parse(text)
        guard let header = records.first, !header.allSatisfy(\.isEmpty) else {
            throw CSVError(line: 1, field: 0, message: "the file is empty; expected a header line")
        }
        for column in requiredColumns where !header.contains(column) {
            throw CSVError(line: 1, field: 0, message: "the header has no column '\(column)'")
        }
        var rows: [Row] = []
        for (offset, record) in records.dropFirst().enumerated() {
            let line = offset + 2
            if record.count == 1 && record[0].isEmpty { continue }
            guard record.count == header.count else {
                throw CSVError(line: line, field: 0,
                               message: "has \(record.count) fields, the header has \(header.count)")
            }
            rows.append(Row(line: line, fields: Dictionary(zip(header, record), uniquingKeysWith: { a, _ in a })))
        }
        self.header = header
        self.rows = rows
    }

    /// A table of rows already read (a subset of another table's rows, a merge of several tables).
    public init(header: [String], rows: [Row]) {
        self.header = header
        self.rows = rows
    }

    /// The same header with only the rows `isIncluded` keeps.
    public func filter(_ isIncluded: (Row) -> Bool) -> ResultsTable {
        ResultsTable(header: header, rows: rows.filter(isIncluded))
    }

    /// Reads and parses the CSV file at `path`.
    public init(contentsOf path: String, requiredColumns: [String] = []) throws {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw CSVError(line: 0, field: 0, message: "cannot read '\(path)'")
        }
        try self.init(text: text, requiredColumns: requiredColumns)
    }
}
