import Analysis

/// A results CSV read and turned into store rows, before any store is touched (both stores share it).
public struct PreparedImport: Sendable {
    /// The CSV file.
    public var path: String
    /// Run or pipeline CSV.
    public var kind: ResultsKind
    /// Each row with its write-sample aggregate (its `resultID` still 0) when the samples file had its writes.
    public var rows: [(result: StoredResult, samples: StoredSampleAggregate?)]

    /// Reads the CSV at `csvPath` and the samples file beside it; throws when it is no WriterBench results CSV.
    public init(csvPath: String, context: RecordingContext) throws {
        let table = try ResultsTable(contentsOf: csvPath)
        guard let kind = ResultsKind(header: table.header) else {
            throw HistoryError.unknownCSV(path: csvPath, reason: "its header has neither `fps` and `repeat` nor `pipeline_fps`")
        }
        let samples = try SampleSummaries(resultsPath: csvPath)
        var commitTimes: [String: String] = [:]
        for revision in Set(table.rows.map { $0[.gitRevision] }) { commitTimes[revision] = context.commitTime(revision) }
        path = csvPath
        self.kind = kind
        rows = table.rows.map { row in
            let result = StoredResult(row: row, kind: kind, source: csvPath, context: context,
                                      commitTime: commitTimes[row[.gitRevision]] ?? "")
            return (result, samples.aggregate(runID: result.runID, strategy: result.strategy, resultID: 0))
        }
    }

    /// A summary with nothing added yet.
    public var emptySummary: ImportSummary {
        ImportSummary(path: path, kind: kind, added: 0, alreadyStored: 0, withSamples: 0)
    }
}
