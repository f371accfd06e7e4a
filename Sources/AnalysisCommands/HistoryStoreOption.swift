import ArgumentParser
import Foundation
import History

/// `--db PATH`: which history store a `history` subcommand reads or fills.
struct HistoryStoreOption: ParsableArguments {
    @Option(help: "History store: a SQLite file or postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE (default: $WRITERBENCH_DB, else \(HistoryLocation.defaultPath)).")
    var db: String?

    /// The store's path.
    var path: String { HistoryLocation.resolve(option: db, environment: ProcessInfo.processInfo.environment) }

    /// Opens the store, or prints why not and exits 1.
    func open(create: Bool, command: String) throws -> any HistoryBackend {
        do { return try HistoryStores.open(path, create: create) } catch {
            printError("history \(command): \(error)")
            throw ExitCode(1)
        }
    }
}
