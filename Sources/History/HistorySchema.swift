import GRDB

/// The store's versioned schema: GRDB's migrator records which migrations a file has had (table
/// `grdb_migrations`), so an older store is brought up to date when it is opened. Never edit a registered
/// migration; add a new one.
enum HistorySchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: results and write-sample aggregates") { db in
            try db.create(table: "result") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("row_key", .text).notNull().unique(onConflict: .abort)
                table.column("kind", .text).notNull()
                table.column("source", .text).notNull()
                table.column("run_id", .text).notNull()
                table.column("strategy", .text).notNull()
                table.column("repeat", .integer)
                table.column("encoder", .text).notNull()
                table.column("preset", .text).notNull()
                table.column("crf", .integer)
                table.column("threads", .integer)
                table.column("frameset", .text).notNull()
                table.column("width", .integer)
                table.column("height", .integer)
                table.column("pace", .text).notNull()
                table.column("frames", .integer)
                table.column("status", .text).notNull()
                table.column("machine", .text).notNull()
                table.column("host", .text).notNull()
                table.column("revision", .text).notNull()
                table.column("branch", .text).notNull()
                table.column("commit_time", .text).notNull()
                table.column("timestamp", .text).notNull()
                table.column("tool_version", .text).notNull()
                table.column("recorded_at", .text).notNull()
                table.column("fields", .text).notNull()
            }
            try db.create(index: "result_series", on: "result", columns: [
                "kind", "strategy", "encoder", "preset", "crf", "threads", "frameset", "width", "height", "pace",
                "frames", "machine",
            ])
            try db.create(index: "result_revision", on: "result", columns: ["revision"])
            try db.create(index: "result_timestamp", on: "result", columns: ["timestamp"])
            try db.create(table: "write_samples") { table in
                table.column("result_id", .integer).primaryKey().references("result", onDelete: .cascade)
                table.column("count", .integer).notNull()
                table.column("mean_ms", .double).notNull()
                table.column("p50_ms", .double).notNull()
                table.column("p95_ms", .double).notNull()
                table.column("p99_ms", .double).notNull()
                table.column("max_ms", .double).notNull()
                table.column("stddev_ms", .double).notNull()
            }
        }
        return migrator
    }
}
