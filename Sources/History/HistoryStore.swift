import Analysis
import Foundation
import GRDB

/// The results history: a SQLite file (GRDB) holding every recorded or imported results row, migrated to the
/// current schema (``HistorySchema``) when opened.
public struct HistoryStore: HistoryBackend {
    /// The file's path.
    public let path: String
    public var location: String { path }
    private let queue: DatabaseQueue

    /// Opens the store at `path`, creating it (and its folder) when `create` is true; throws ``HistoryError/noStore``
    /// when it is absent and `create` is false.
    public init(path: String, create: Bool) throws {
        if path.contains("://") { throw HistoryError.unsupportedLocation(path) }
        if !FileManager.default.fileExists(atPath: path) {
            guard create else { throw HistoryError.noStore(path: path) }
            let folder = (path as NSString).deletingLastPathComponent
            if !folder.isEmpty { try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        }
        self.path = path
        do {
            var configuration = Configuration()
            configuration.busyMode = .timeout(10) // another writer holds the file: wait at most 10 s, then fail
            queue = try DatabaseQueue(path: path, configuration: configuration)
            try HistorySchema.migrator.migrate(queue)
        } catch let error as DatabaseError {
            throw HistoryError.database(path: path, message: error.message ?? error.description)
        }
    }

    /// Names of the migrations this file has had, oldest first.
    public func appliedMigrations() throws -> [String] {
        try read { db in try HistorySchema.migrator.appliedMigrations(db) }
    }

    /// Stores the rows of the results CSV at `csvPath` (and summaries of its samples file, when there is one);
    /// rows already stored are skipped, so recording a file twice adds nothing.
    @discardableResult
    public func record(csvPath: String, context: RecordingContext) throws -> ImportSummary {
        let prepared = try PreparedImport(csvPath: csvPath, context: context)
        return try write { db in
            var summary = prepared.emptySummary
            for (row, samples) in prepared.rows {
                var result = row
                if try StoredResult.filter(Column("row_key") == result.rowKey).fetchCount(db) > 0 {
                    summary.alreadyStored += 1
                    continue
                }
                try result.insert(db)
                summary.added += 1
                if let id = result.id, var aggregate = samples {
                    aggregate.resultID = id
                    try aggregate.insert(db)
                    summary.withSamples += 1
                }
            }
            return summary
        }
    }

    /// Stored rows matching `filter`, oldest first (by commit time where known, else run time).
    public func results(_ filter: HistoryFilter) throws -> [StoredResult] {
        try read { db in
            var request = StoredResult.all()
            if let kind = filter.kind { request = request.filter(Column("kind") == kind.rawValue) }
            if !filter.strategies.isEmpty { request = request.filter(filter.strategies.contains(Column("strategy"))) }
            if !filter.machines.isEmpty { request = request.filter(filter.machines.contains(Column("machine"))) }
            if let since = filter.since { request = request.filter(Column("timestamp") >= since) }
            return try request.order(Column("timestamp"), Column("id")).fetchAll(db)
        }
    }

    /// Number of stored rows and write-sample aggregates.
    public func counts() throws -> (results: Int, sampleAggregates: Int) {
        try read { db in (try StoredResult.fetchCount(db), try StoredSampleAggregate.fetchCount(db)) }
    }

    /// The write-sample aggregate of a stored row, if its samples were stored.
    public func sampleAggregate(resultID: Int64) throws -> StoredSampleAggregate? {
        try read { db in try StoredSampleAggregate.filter(Column("result_id") == resultID).fetchOne(db) }
    }

    private func read<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try queue.read(body) } catch let error as DatabaseError {
            throw HistoryError.database(path: path, message: error.message ?? error.description)
        }
    }

    private func write<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try queue.write(body) } catch let error as DatabaseError {
            throw HistoryError.database(path: path, message: error.message ?? error.description)
        }
    }
}
