import History
import PostgresNIO

/// The PostgreSQL form of the history schema (the same tables and columns as the SQLite store's ``HistorySchema``)
/// and the queries on it. Values are always bound parameters (PostgresQuery's interpolation), never spliced text.
enum PostgresSchema {
    static let migrations: [(identifier: String, statements: [PostgresQuery])] = [
        ("v1: results and write-sample aggregates", [
            """
            CREATE TABLE result (
                id BIGSERIAL PRIMARY KEY, row_key TEXT NOT NULL UNIQUE, kind TEXT NOT NULL, source TEXT NOT NULL,
                run_id TEXT NOT NULL, strategy TEXT NOT NULL, repeat BIGINT, encoder TEXT NOT NULL,
                preset TEXT NOT NULL, crf BIGINT, threads BIGINT, frameset TEXT NOT NULL, width BIGINT,
                height BIGINT, pace TEXT NOT NULL, frames BIGINT, status TEXT NOT NULL, machine TEXT NOT NULL,
                host TEXT NOT NULL, revision TEXT NOT NULL, branch TEXT NOT NULL, commit_time TEXT NOT NULL,
                timestamp TEXT NOT NULL, tool_version TEXT NOT NULL, recorded_at TEXT NOT NULL, fields TEXT NOT NULL)
            """,
            """
            CREATE INDEX result_series ON result (kind, strategy, encoder, preset, crf, threads, frameset, width,
                height, pace, frames, machine)
            """,
            "CREATE INDEX result_revision ON result (revision)",
            "CREATE INDEX result_timestamp ON result (timestamp)",
            """
            CREATE TABLE write_samples (
                result_id BIGINT PRIMARY KEY REFERENCES result (id) ON DELETE CASCADE, count BIGINT NOT NULL,
                mean_ms DOUBLE PRECISION NOT NULL, p50_ms DOUBLE PRECISION NOT NULL,
                p95_ms DOUBLE PRECISION NOT NULL, p99_ms DOUBLE PRECISION NOT NULL,
                max_ms DOUBLE PRECISION NOT NULL, stddev_ms DOUBLE PRECISION NOT NULL)
            """,
        ]),
    ]

    /// Applies the migrations the database has not had, under a lock on the migrations table.
    static func migrate(_ connection: PostgresConnection, logger: Logger) async throws {
        try await connection.query("CREATE TABLE IF NOT EXISTS history_migrations (identifier TEXT PRIMARY KEY)",
                                   logger: logger)
        try await connection.withTransaction(logger: logger) { connection in
            try await connection.query("LOCK TABLE history_migrations IN EXCLUSIVE MODE", logger: logger)
            var applied: Set<String> = []
            for try await identifier in try await connection.query("SELECT identifier FROM history_migrations",
                                                                     logger: logger).decode(String.self) {
                applied.insert(identifier)
            }
            for migration in migrations where !applied.contains(migration.identifier) {
                for statement in migration.statements { try await connection.query(statement, logger: logger) }
                try await connection.query(
                    "INSERT INTO history_migrations (identifier) VALUES (\(migration.identifier))", logger: logger)
            }
        }
    }

    /// Inserts `row` unless its `row_key` is stored; its new id, or nil when it was already there.
    static func insert(_ row: StoredResult, _ connection: PostgresConnection, logger: Logger) async throws -> Int64? {
        let query: PostgresQuery = """
            INSERT INTO result (row_key, kind, source, run_id, strategy, repeat, encoder, preset, crf, threads,
                frameset, width, height, pace, frames, status, machine, host, revision, branch, commit_time,
                timestamp, tool_version, recorded_at, fields)
            VALUES (\(row.rowKey), \(row.kind.rawValue), \(row.source), \(row.runID), \(row.strategy),
                \(row.repeatIndex), \(row.encoder), \(row.preset), \(row.crf), \(row.threads), \(row.frameset),
                \(row.width), \(row.height), \(row.pace), \(row.frames), \(row.status), \(row.machine), \(row.host),
                \(row.revision), \(row.branch), \(row.commitTime), \(row.timestamp), \(row.toolVersion),
                \(row.recordedAt), \(row.fields))
            ON CONFLICT (row_key) DO NOTHING RETURNING id
            """
        var id: Int64?
        for try await value in try await connection.query(query, logger: logger).decode(Int64.self) { id = value }
        return id
    }

    static func insert(_ aggregate: StoredSampleAggregate, _ connection: PostgresConnection, logger: Logger) async throws {
        try await connection.query("""
            INSERT INTO write_samples (result_id, count, mean_ms, p50_ms, p95_ms, p99_ms, max_ms, stddev_ms)
            VALUES (\(aggregate.resultID), \(aggregate.count), \(aggregate.meanMs), \(aggregate.p50Ms),
                \(aggregate.p95Ms), \(aggregate.p99Ms), \(aggregate.maxMs), \(aggregate.stddevMs))
            """, logger: logger)
    }

    static func results(_ filter: HistoryFilter, _ connection: PostgresConnection, logger: Logger) async throws
        -> [StoredResult] {
        let kind = filter.kind?.rawValue ?? ""
        let since = filter.since ?? ""
        let rows = try await connection.query("""
            SELECT id, row_key, kind, source, run_id, strategy, repeat, encoder, preset, crf, threads, frameset,
                width, height, pace, frames, status, machine, host, revision, branch, commit_time, timestamp,
                tool_version, recorded_at, fields
            FROM result
            WHERE (\(kind) = '' OR kind = \(kind))
              AND (cardinality(\(filter.strategies)::text[]) = 0 OR strategy = ANY(\(filter.strategies)::text[]))
              AND (cardinality(\(filter.machines)::text[]) = 0 OR machine = ANY(\(filter.machines)::text[]))
              AND (\(since) = '' OR timestamp >= \(since))
            ORDER BY timestamp, id
            """, logger: logger)
        var results: [StoredResult] = []
        for try await row in rows {
            let cells = row.makeRandomAccess()
            func text(_ name: String) throws -> String { try cells[name].decode(String.self) }
            func integer(_ name: String) throws -> Int? { try cells[name].decode(Int64?.self).map { Int($0) } }
            results.append(StoredResult(
                id: try cells["id"].decode(Int64.self), rowKey: try text("row_key"),
                kind: ResultsKind(rawValue: try text("kind")) ?? .run, source: try text("source"),
                runID: try text("run_id"), strategy: try text("strategy"), repeatIndex: try integer("repeat"),
                encoder: try text("encoder"), preset: try text("preset"), crf: try integer("crf"),
                threads: try integer("threads"), frameset: try text("frameset"), width: try integer("width"),
                height: try integer("height"), pace: try text("pace"), frames: try integer("frames"),
                status: try text("status"), machine: try text("machine"), host: try text("host"),
                revision: try text("revision"), branch: try text("branch"), commitTime: try text("commit_time"),
                timestamp: try text("timestamp"), toolVersion: try text("tool_version"),
                recordedAt: try text("recorded_at"), fields: try text("fields")))
        }
        return results
    }

    /// Rows in `result` and in `write_samples`.
    static func counts(_ connection: PostgresConnection, logger: Logger) async throws -> [Int] {
        var counts: [Int] = []
        for try await (results, samples) in try await connection.query(
            "SELECT (SELECT count(*) FROM result), (SELECT count(*) FROM write_samples)", logger: logger
        ).decode((Int64, Int64).self) {
            counts = [Int(results), Int(samples)]
        }
        return counts.count == 2 ? counts : [0, 0]
    }
}
