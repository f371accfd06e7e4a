/// Why a results or samples file could not be opened or appended to; each case says what to do.
public enum ResultsFileError: Error, Equatable, CustomStringConvertible {
    /// The file (or its folder) could not be created or opened.
    case cannotOpen(path: String, reason: String)
    /// The file already holds rows under another header (another table, or another WriterBench version's columns).
    case differentHeader(path: String, found: String)
    /// Another process held the file's lock for longer than the bound.
    case lockTimedOut(path: String, seconds: Int)
    /// Appending failed (disk full, I/O error).
    case appendFailed(path: String, reason: String)

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason):
            return "cannot open results file '\(path)': \(reason); choose another --out"
        case .differentHeader(let path, let found):
            return "results file '\(path)' already holds rows with other columns (its header starts "
                + "'\(found.prefix(60))'); rows are only appended to a file with the same columns, so choose another "
                + "--out or move that file away"
        case .lockTimedOut(let path, let seconds):
            return "results file '\(path)' stayed locked by another process for \(seconds) s; is a stopped "
                + "writerbench holding it? Choose another --out or end that process"
        case .appendFailed(let path, let reason):
            return "cannot append to results file '\(path)': \(reason)"
        }
    }
}
