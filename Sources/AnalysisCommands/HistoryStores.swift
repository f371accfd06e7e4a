import History
import HistoryPostgres

/// Opens the history store a `--db` value names: a `postgres://` URL on a PostgreSQL server, else a SQLite file.
enum HistoryStores {
    static func open(_ location: String, create: Bool) throws -> any HistoryBackend {
        if PostgresHistoryStore.handles(location) { return try PostgresHistoryStore(url: location) }
        return try HistoryStore(path: location, create: create)
    }
}
