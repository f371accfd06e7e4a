/// Why the history store could not be opened, filled or read; each case says what to do about it.
public enum HistoryError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No store at the path (reading commands do not create one).
    case noStore(path: String)
    /// A CSV that is neither a `writerbench run` nor a `writerbench pipeline` results CSV.
    case unknownCSV(path: String, reason: String)
    /// A metric name that is no measured column of either CSV.
    case unknownMetric(String)
    /// A `--db` value that is neither a file path nor a PostgreSQL URL.
    case unsupportedLocation(String)
    /// SQLite refused an operation.
    case database(path: String, message: String)

    public var description: String {
        switch self {
        case .noStore(let path):
            "no history store at '\(path)'; record one with `writerbench run` (without --no-db) or "
                + "`writerbench history import FILE.csv`, or name another with --db / WRITERBENCH_DB"
        case .unknownCSV(let path, let reason):
            "'\(path)' is not a WriterBench results CSV (\(reason)); import the CSVs `writerbench run` and "
                + "`writerbench pipeline` write"
        case .unknownMetric(let name):
            "'\(name)' is not a measured column of the run or pipeline CSV; `writerbench columns` lists them "
                + "(a metric has a direction in its 'better' column)"
        case .unsupportedLocation(let location):
            "cannot open '\(location)': give a SQLite file path or postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE"
        case .database(let path, let message):
            "history store '\(path)': \(message)"
        }
    }
}
