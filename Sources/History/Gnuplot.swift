import Foundation

/// Runs gnuplot on a script, with a bound on the wait.
public enum Gnuplot {
    /// Why a chart was not drawn.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// Feeds `script` to `gnuplot` and waits at most `timeout` seconds (then ends it). Throws when gnuplot is
    /// missing, fails or takes too long.
    public static func run(script: String, timeout: TimeInterval = 60) throws {
        let scriptURL = FileManager.default.temporaryDirectory
            .appendingPathComponent("writerbench-history-\(ProcessInfo.processInfo.processIdentifier).gp")
        try script.write(to: scriptURL, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: scriptURL) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["gnuplot", scriptURL.path]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        let done = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in done.signal() }
        do { try process.run() } catch {
            throw Failure(description: "cannot start gnuplot (\(error)); install it with scripts/install-deps.sh")
        }
        if done.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            _ = done.wait(timeout: .now() + 5)
            throw Failure(description: "gnuplot did not finish within \(Int(timeout)) s; ended it")
        }
        let message = String(decoding: errors.fileHandleForReading.availableData, as: UTF8.self)
        guard process.terminationStatus == 0 else {
            let hint = process.terminationStatus == 127 ? "gnuplot not found; install it with scripts/install-deps.sh (gnuplot-nox)" : message
            throw Failure(description: "gnuplot failed (exit \(process.terminationStatus)): \(hint.trimmingCharacters(in: .whitespacesAndNewlines))")
        }
    }
}
