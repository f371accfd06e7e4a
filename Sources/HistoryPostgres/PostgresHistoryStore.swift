import Foundation
import History
import PostgresNIO

/// The results history on a PostgreSQL server (`--db postgres://user[:password]@host[:port]/database`), so that
/// many machines write one history. Same rows and schema as the SQLite store; its migrations are recorded in table
/// `history_migrations` and applied under a table lock, so machines starting at once migrate once.
///
/// Its methods block the calling thread (at most ``init(url:timeout:)``'s timeout per operation) while the work
/// runs as a Swift task: call them from an ordinary thread (the CLI's main thread), not from inside a task, where
/// blocking one of the few cooperative threads can starve the very task being waited for.
public struct PostgresHistoryStore: HistoryBackend {
    /// The URL without its password.
    public let location: String
    private let configuration: PostgresConnection.Configuration
    /// Longest wait for the server on one operation.
    private let timeout: TimeInterval

    /// Whether `location` names a PostgreSQL server rather than a file.
    public static func handles(_ location: String) -> Bool {
        location.hasPrefix("postgres://") || location.hasPrefix("postgresql://")
    }

    /// Connects to the server at `url`, checks it answers and brings the schema up to date.
    public init(url: String, timeout: TimeInterval = 30) throws {
        guard let parts = URLComponents(string: url), Self.handles(url), let host = parts.host, !host.isEmpty,
              let user = parts.user, !user.isEmpty else {
            throw HistoryError.unsupportedLocation(url + " (expected postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE)")
        }
        let database = parts.path.hasPrefix("/") ? String(parts.path.dropFirst()) : parts.path
        configuration = PostgresConnection.Configuration(
            host: host, port: parts.port ?? 5432, username: user, password: parts.password,
            database: database.isEmpty ? nil : database, tls: .disable)
        var shown = parts
        shown.password = nil
        location = shown.string ?? url
        self.timeout = timeout
        try run { connection, logger in try await PostgresSchema.migrate(connection, logger: logger) }
    }

    @discardableResult
    public func record(csvPath: String, context: RecordingContext) throws -> ImportSummary {
        let prepared = try PreparedImport(csvPath: csvPath, context: context)
        return try run { connection, logger in
            try await connection.withTransaction(logger: logger) { connection in
                var summary = prepared.emptySummary
                for (row, samples) in prepared.rows {
                    guard let id = try await PostgresSchema.insert(row, connection, logger: logger) else {
                        summary.alreadyStored += 1
                        continue
                    }
                    summary.added += 1
                    if var aggregate = samples {
                        aggregate.resultID = id
                        try await PostgresSchema.insert(aggregate, connection, logger: logger)
                        summary.withSamples += 1
                    }
                }
                return summary
            }
        }
    }

    public func results(_ filter: HistoryFilter) throws -> [StoredResult] {
        try run { connection, logger in try await PostgresSchema.results(filter, connection, logger: logger) }
    }

    public func counts() throws -> (results: Int, sampleAggregates: Int) {
        let counts = try run { connection, logger in try await PostgresSchema.counts(connection, logger: logger) }
        return (counts[0], counts[1])
    }

    /// Opens a connection, runs `body` on it, closes it; waits at most ``timeout`` for all of it.
    private func run<T: Sendable>(_ body: @escaping @Sendable (PostgresConnection, Logger) async throws -> T) throws -> T {
        let configuration = configuration
        let location = location
        let outcome = BlockingOutcome<T>()
        let task = Task {
            let logger = Logger(label: "writerbench.history")
            do {
                let connection = try await PostgresConnection.connect(configuration: configuration, id: 1, logger: logger)
                do {
                    let value = try await body(connection, logger)
                    try? await connection.close()
                    outcome.finish(.success(value))
                } catch {
                    try? await connection.close()
                    throw error
                }
            } catch {
                outcome.finish(.failure(HistoryError.database(path: location, message: String(reflecting: error))))
            }
        }
        guard let result = outcome.wait(seconds: timeout) else {
            task.cancel()
            throw HistoryError.database(path: location, message: "the server did not answer within \(Int(timeout)) s")
        }
        return try result.get()
    }
}

/// The result of work on another task, waited for with a bound.
private final class BlockingOutcome<T: Sendable>: @unchecked Sendable {
    // @unchecked: `result` is written once before `done` is signalled and read only after waiting for it.
    private var result: Result<T, any Error>?
    private let done = DispatchSemaphore(value: 0)

    func finish(_ result: Result<T, any Error>) {
        self.result = result
        done.signal()
    }

    func wait(seconds: TimeInterval) -> Result<T, any Error>? {
        done.wait(timeout: .now() + seconds) == .timedOut ? nil : result
    }
}
