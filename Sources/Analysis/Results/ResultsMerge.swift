/// Several results CSVs of one kind — typically one per machine of a CI matrix — as one table: every row kept with
/// its own fingerprint columns (so each keeps its machine ID), rows seen twice dropped and counted.
///
/// A pure function of the tables given: reading files and writing the merged one are the caller's.
public struct ResultsMerge: Sendable {
    /// One input: where it came from (for messages) and its rows.
    public struct Input: Sendable {
        /// The file's path.
        public var path: String
        /// The parsed file.
        public var table: ResultsTable

        /// An input read from `path`.
        public init(path: String, table: ResultsTable) {
            self.path = path
            self.table = table
        }
    }

    /// Why files cannot be merged; each case says what to do.
    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        /// A file is neither a run nor a pipeline results CSV.
        case notResults(path: String)
        /// Files of both kinds were given.
        case mixedKinds(first: String, firstKind: ResultsCSVKind, other: String, otherKind: ResultsCSVKind)
        /// Two files of one kind have different columns (another WriterBench version wrote one of them).
        case mixedSchemas(first: String, other: String, difference: String)
        /// Two rows share run ID, strategy, repetition and machine but differ in other fields.
        case conflictingRows(key: String, first: String, other: String)

        public var description: String {
            switch self {
            case .notResults(let path):
                "\(path) is not a WriterBench results CSV (its header has neither `fps` and `repeat` nor `pipeline_fps`)"
            case .mixedKinds(let first, let firstKind, let other, let otherKind):
                "\(first) is a \(firstKind.rawValue) CSV but \(other) is a \(otherKind.rawValue) CSV; merge each kind "
                    + "into its own file (run CSVs with run CSVs, pipeline CSVs with pipeline CSVs)"
            case .mixedSchemas(let first, let other, let difference):
                "\(other) has other columns than \(first) (\(difference)); it was written by another WriterBench "
                    + "version: re-record it with this one, or merge only files with the same header"
            case .conflictingRows(let key, let first, let other):
                "\(first) and \(other) both hold a row \(key) with different values; one of them was edited or "
                    + "the run IDs collide, so neither can be dropped: remove the wrong file from the merge"
            }
        }
    }

    /// The merged table: the common header, then the rows in input order without duplicates.
    public let table: ResultsTable
    /// Run or pipeline.
    public let kind: ResultsCSVKind
    /// Rows dropped because an identical row (same machine, run ID, strategy, repetition, same fields) came before.
    public let duplicatesDropped: Int
    /// Distinct machine IDs of the merged rows, in order of first appearance.
    public let machines: [String]

    /// Merges `inputs` (at least one). Throws ``Failure`` for a file that is not a results CSV, mixed kinds, mixed
    /// headers, or two different rows under one key.
    public init(_ inputs: [Input]) throws(Failure) {
        guard let first = inputs.first else {
            table = ResultsTable(header: [], rows: [])
            kind = .run
            duplicatesDropped = 0
            machines = []
            return
        }
        guard let kind = ResultsCSVKind(header: first.table.header) else { throw .notResults(path: first.path) }
        var kept: [ResultsTable.Row] = []
        var seen: [String: (path: String, fields: [String: String])] = [:]
        var dropped = 0
        var machines: [String] = []
        for input in inputs {
            guard let otherKind = ResultsCSVKind(header: input.table.header) else { throw .notResults(path: input.path) }
            guard otherKind == kind else {
                throw .mixedKinds(first: first.path, firstKind: kind, other: input.path, otherKind: otherKind)
            }
            if input.table.header != first.table.header {
                throw .mixedSchemas(first: first.path, other: input.path,
                                    difference: Self.difference(first.table.header, input.table.header))
            }
            for row in input.table.rows {
                let key = Self.key(row)
                if let earlier = seen[key] {
                    guard earlier.fields == row.fields else {
                        throw .conflictingRows(key: key, first: earlier.path, other: input.path)
                    }
                    dropped += 1
                    continue
                }
                seen[key] = (input.path, row.fields)
                if !machines.contains(row.machineID) { machines.append(row.machineID) }
                kept.append(ResultsTable.Row(line: kept.count + 2, fields: row.fields))
            }
        }
        self.kind = kind
        table = ResultsTable(header: first.table.header, rows: kept)
        duplicatesDropped = dropped
        self.machines = machines
    }

    /// The merged CSV text: header, then one line per row, each ending in a newline.
    public var csv: String {
        ([table.header] + table.rows.map { row in table.header.map { row[$0] } })
            .map { CSVFormat.line($0) + "\n" }.joined()
    }

    /// What makes a row the same measurement in two files: machine, run ID, strategy and repetition (pipeline rows
    /// have no repetition; their run IDs are per row). The history store's row key is the same.
    static func key(_ row: ResultsTable.Row) -> String {
        "machine \(row.machineID), run \(row["run_id"]), strategy \(row["strategy"]), repeat \(row["repeat"])"
    }

    /// The first column one header has and the other lacks, or the first position where they differ.
    static func difference(_ a: [String], _ b: [String]) -> String {
        if let missing = a.first(where: { !b.contains($0) }) { return "no column `\(missing)`" }
        if let extra = b.first(where: { !a.contains($0) }) { return "an extra column `\(extra)`" }
        let index = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)
        return "the same columns in another order from column \(index + 1)"
    }
}
