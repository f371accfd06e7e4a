import Foundation
import TestSupport

/// Runs the built `writerbench` executable.
enum CommandLineRun {
    /// Runs `writerbench` with `arguments` in `directory` (default: the package root). Runs append to a history
    /// store in the temporary directory (not the package's results/history.sqlite) unless `environment` names one.
    static func writerbench(_ arguments: [String], in directory: String? = nil,
                            environment: [String: String] = [:]) throws -> ProgramRun {
        let store = ["WRITERBENCH_DB": TestTemporaryDirectory.root + "/history.sqlite"]
        return try ProgramRun.run(executable.path, arguments, environment: store.merging(environment) { $1 },
                                  in: directory ?? packageRoot())
    }

    /// The `writerbench` binary next to the test bundle (SwiftPM builds it because this test target depends on it).
    static let executable: URL = {
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("writerbench")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return URL(fileURLWithPath: packageRoot() + "/.build/debug/writerbench")
    }()
}
