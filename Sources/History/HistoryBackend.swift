/// A results history store: the SQLite file (``HistoryStore``) or a shared PostgreSQL database (HistoryPostgres).
public protocol HistoryBackend: Sendable {
    /// Where the store is (a file path or a `postgres://` URL without its password).
    var location: String { get }
    /// Stores the rows of a results CSV (and its samples' summaries); rows already stored are skipped.
    @discardableResult
    func record(csvPath: String, context: RecordingContext) throws -> ImportSummary
    /// Stored rows matching `filter`, ordered by run start.
    func results(_ filter: HistoryFilter) throws -> [StoredResult]
    /// Number of stored rows and write-sample aggregates.
    func counts() throws -> (results: Int, sampleAggregates: Int)
}
