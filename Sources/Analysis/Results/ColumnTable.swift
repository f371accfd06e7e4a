/// The Markdown column tables of results/README.md, generated from the column catalogues.
///
/// Each table sits between `<!-- columns:NAME begin -->` and `<!-- columns:NAME end -->` lines; only that region is
/// ever replaced, so the prose around it stays hand-written. `writerbench-analysis columns --update results/README.md`
/// regenerates every region, and a test fails while the committed README differs from what this type renders.
public enum ColumnTable {
    /// A CSV whose columns results/README.md documents.
    public enum CSV: String, Sendable, CaseIterable {
        /// The `writerbench run` results CSV (``CSVColumn``), README section "Columns".
        case run
        /// The `writerbench pipeline` CSV (``PipelineColumn``), README section "Pipeline CSV".
        case pipeline
        /// The per-write samples file next to a results CSV (``SampleColumn``), README section "Per-write samples".
        case samples

        /// The Markdown table of this CSV's columns.
        public var markdown: String {
            switch self {
            case .run: ColumnTable.markdown(CSVColumn.self)
            case .pipeline: ColumnTable.markdown(PipelineColumn.self)
            case .samples: ColumnTable.markdown(SampleColumn.self)
            }
        }

        /// A terminal table of this CSV's columns: name, unit, which way is better, format, noise floor, meaning.
        public var plainTable: PlainTable {
            switch self {
            case .run: ColumnTable.plain(CSVColumn.self)
            case .pipeline: ColumnTable.plain(PipelineColumn.self)
            case .samples: ColumnTable.plain(SampleColumn.self)
            }
        }

        /// The line that opens this CSV's generated region.
        public var beginMarker: String { "<!-- columns:\(rawValue) begin -->" }
        /// The line that closes this CSV's generated region.
        public var endMarker: String { "<!-- columns:\(rawValue) end -->" }
    }

    /// A README without a CSV's region markers, or with them out of order.
    public struct MissingRegion: Error, Sendable, Equatable, CustomStringConvertible {
        /// The CSV whose region is missing.
        public var csv: CSV

        public var description: String {
            "no `\(csv.beginMarker)` line followed by a `\(csv.endMarker)` line"
        }
    }

    /// A Markdown table with one row per column, in file order: name, unit, which way is better, meaning.
    ///
    /// Consecutive columns that share unit, direction and meaning share a row (`width`, `height`), as the README
    /// has always listed them.
    public static func markdown<Column: DescribedColumn>(_ columns: Column.Type) -> String {
        var rows: [(names: [String], about: ColumnDescription)] = []
        for column in Column.allCases {
            let about = column.about
            if let last = rows.last, last.about.unit == about.unit, last.about.direction == about.direction,
               last.about.meaning == about.meaning {
                rows[rows.count - 1].names.append(column.rawValue)
            } else {
                rows.append(([column.rawValue], about))
            }
        }
        let lines = rows.map { row in
            let names = row.names.map { "`\($0)`" }.joined(separator: ", ")
            return "| \(names) |" + cell(row.about.unit.rawValue) + cell(better(row.about.direction))
                + " \(row.about.meaning) |"
        }
        return (["| column | unit | better | meaning |", "|---|---|---|---|"] + lines).joined(separator: "\n") + "\n"
    }

    /// One line per column, for reading in a terminal: name, unit, which way is better, format, noise floor, meaning.
    public static func plain<Column: DescribedColumn>(_ columns: Column.Type) -> PlainTable {
        var table = PlainTable(header: ["column", "unit", "better", "format", "noise floor", "meaning"])
        for column in Column.allCases {
            let about = column.about
            let format = switch about.format {
            case .text: "text"
            case .integer: "integer"
            case .decimal(let digits): "\(digits) decimals"
            case .shortest: "shortest"
            }
            table.rows.append([column.rawValue, about.unit.rawValue, better(about.direction), format,
                               about.noiseFloor.map { "\($0) \(about.unit.rawValue)" } ?? "", about.meaning])
        }
        return table
    }

    /// `text` with every CSV's region replaced by its freshly generated table.
    ///
    /// - Throws: ``MissingRegion`` when a CSV's begin and end markers are not both there, in that order.
    public static func updating(_ text: String) throws(MissingRegion) -> String {
        var result = text
        for csv in CSV.allCases {
            result = try replacingRegion(of: csv, in: result, with: csv.markdown)
        }
        return result
    }

    /// The text between `csv`'s markers (without the marker lines).
    ///
    /// - Throws: ``MissingRegion`` when the markers are not both there, in order.
    public static func region(of csv: CSV, in text: String) throws(MissingRegion) -> String {
        let (begin, end) = try bounds(of: csv, in: text)
        return String(text[begin..<end])
    }

    private static func replacingRegion(of csv: CSV, in text: String, with table: String) throws(MissingRegion)
        -> String {
        let (begin, end) = try bounds(of: csv, in: text)
        return String(text[..<begin]) + table + String(text[end...])
    }

    /// From just after the begin marker's line to the start of the end marker's line.
    private static func bounds(of csv: CSV, in text: String) throws(MissingRegion) -> (String.Index, String.Index) {
        guard let begin = text.range(of: csv.beginMarker + "\n"),
              let end = text.range(of: csv.endMarker, range: begin.upperBound..<text.endIndex)
        else { throw MissingRegion(csv: csv) }
        return (begin.upperBound, end.lowerBound)
    }

    private static func cell(_ text: String) -> String { text.isEmpty ? " |" : " \(text) |" }

    private static func better(_ direction: MetricDirection?) -> String {
        switch direction {
        case .prefersLarger: "higher"
        case .prefersSmaller: "lower"
        case nil: ""
        }
    }
}
