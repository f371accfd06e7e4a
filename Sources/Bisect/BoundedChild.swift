import Foundation

/// Runs a program to its end or to a time limit, its standard output and error appended to a log file: the only way
/// `bisect` starts a child (git, swift build, the candidate's benchmark). Every wait is bounded: the child runs under
/// coreutils' `timeout`, which kills the child's whole process group (a build's compiler jobs too) at the limit, and
/// this process waits at most 60 s more before it terminates `timeout` itself. The kill is SIGKILL at once: a child
/// started from a test runner may inherit SIGTERM blocked, and a build or run cut off is a failed one either way.
public struct BoundedChild: Sendable {
    /// The program and its arguments (looked up in PATH).
    public var command: [String]
    /// Working directory; nil for this process's.
    public var directory: String?
    /// Longest run, in seconds.
    public var timeLimit: Int

    /// A child running `command` in `directory` for at most `timeLimit` seconds.
    public init(_ command: [String], in directory: String? = nil, timeLimit: Int) {
        self.command = command
        self.directory = directory
        self.timeLimit = timeLimit
    }

    /// How the child ended.
    public enum Ending: Sendable, Equatable {
        /// Exited with this status (0 is success).
        case exited(Int32)
        /// Ran past its time limit and was killed.
        case timedOut
        /// Could not be started (the reason).
        case notStarted(String)
    }

    /// Runs the child, appending its output to `log` (created when missing); nil `log` discards it.
    public func run(log: String?) -> Ending {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["timeout", "--signal=KILL", "\(timeLimit)"] + command
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        var handle: FileHandle?
        if let log {
            if !FileManager.default.fileExists(atPath: log) {
                _ = FileManager.default.createFile(atPath: log, contents: nil)
            }
            handle = FileHandle(forWritingAtPath: log)
            handle?.seekToEndOfFile()
        }
        process.standardOutput = handle ?? FileHandle.nullDevice
        process.standardError = handle ?? FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        let ended = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in ended.signal() }
        do { try process.run() } catch {
            try? handle?.close()
            return .notStarted("\(command.first ?? "?"): \(error)")
        }
        defer { try? handle?.close() }
        let started = DispatchTime.now()
        if ended.wait(timeout: .now() + .seconds(timeLimit + 60)) == .timedOut {
            process.terminate()
            _ = ended.wait(timeout: .now() + .seconds(5))
            return .timedOut
        }
        // `timeout` exits 124 or 137 when it killed the command, or is itself killed with the process group.
        let status = process.terminationStatus
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        if elapsed >= Double(timeLimit) && (status == 124 || status == 137 || process.terminationReason == .uncaughtSignal) {
            return .timedOut
        }
        return process.terminationReason == .uncaughtSignal ? .exited(128 + status) : .exited(status)
    }

    /// The child's standard output, or nil when it did not exit with status 0 (its standard error is discarded).
    public func output() -> String? {
        let file = FileManager.default.temporaryDirectory
            .appendingPathComponent("writerbench-bisect-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString).out").path
        defer { try? FileManager.default.removeItem(atPath: file) }
        var quiet = self
        quiet.command = ["sh", "-c", "exec \"$@\" 2>/dev/null", "sh"] + command
        guard quiet.run(log: file) == .exited(0) else { return nil }
        return try? String(contentsOfFile: file, encoding: .utf8)
    }
}
