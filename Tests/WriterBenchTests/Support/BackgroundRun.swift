import Foundation
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// A `writerbench` started in the background, with its output in files, for tests that signal it mid-run.
///
/// Its environment carries a marker (`WRITERBENCH_TEST_MARKER`) that every descendant inherits, so a test can tell
/// whether any child (a fake encoder, its helpers) outlived it; TMPDIR points into the test's own folder, so the
/// test can see every temporary folder it made.
final class BackgroundRun {
    let process = Process()
    let marker = "wbt-" + UUID().uuidString
    let temporaryDirectory: String
    private let outputPath: String
    private let errorPath: String

    /// Starts `writerbench arguments` with `environment` added; TMPDIR is `directory/tmp`.
    init(_ arguments: [String], in directory: String, environment: [String: String] = [:]) throws {
        temporaryDirectory = directory + "/tmp"
        try FileManager.default.createDirectory(atPath: temporaryDirectory, withIntermediateDirectories: true)
        outputPath = directory + "/stdout.txt"
        errorPath = directory + "/stderr.txt"
        _ = FileManager.default.createFile(atPath: outputPath, contents: nil)
        _ = FileManager.default.createFile(atPath: errorPath, contents: nil)
        process.executableURL = CommandLineRun.executable
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: packageRoot())
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
            .merging(["WRITERBENCH_TEST_MARKER": marker, "TMPDIR": temporaryDirectory]) { $1 }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: outputPath))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errorPath))
        try process.run()
    }

    deinit { if isAlive { kill(process.processIdentifier, SIGKILL); process.waitUntilExit() } }

    /// True while the program has not exited, from /proc (a zombie counts as exited). Foundation's `isRunning`
    /// was seen to read false while the program still ran.
    var isAlive: Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return false }
        return stat[stat.index(after: close)...].split(separator: " ").first != "Z"
    }

    /// Sends `signal` to the program.
    func send(_ signal: Int32) { kill(process.processIdentifier, signal) }

    /// Waits up to `seconds` for `condition`, polling every 20 ms; false when it never held (or the program ended
    /// first and it still does not hold).
    func wait(seconds: Double, until condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if condition() { return true }
            if !isAlive { return condition() }
            usleep(20_000)
        }
        return false
    }

    /// Waits up to `seconds` for the program to exit and returns its status; nil (after killing it) when it did not.
    func exitStatus(within seconds: Double) -> Int32? {
        guard wait(seconds: seconds, until: { !isAlive }) else {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            return nil
        }
        process.waitUntilExit()
        return process.terminationStatus
    }

    var stderr: String { (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? "" }

    /// Pids of live processes whose environment carries this run's marker (the program itself excluded).
    func processesWithMarker() -> [Int32] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        let needle = Data("WRITERBENCH_TEST_MARKER=\(marker)".utf8)
        return entries.compactMap(Int32.init).filter { pid in
            guard pid != process.processIdentifier, let environment = Self.readAll("/proc/\(pid)/environ") else { return false }
            return environment.range(of: needle) != nil
        }
    }

    /// The whole of a /proc file (whose size reads as 0, so it is read to end of file); nil when unreadable.
    private static func readAll(_ path: String) -> Data? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { break }
            data.append(contentsOf: buffer[..<count])
        }
        return data
    }

    /// What is left in the program's TMPDIR.
    func temporaryLeftovers() -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: temporaryDirectory)) ?? ["<cannot list>"]
    }
}

/// Rows of a CSV file, header excluded (0 while it does not exist).
func dataLineCount(_ path: String) -> Int {
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return 0 }
    return max(0, text.split(separator: "\n").count - 1)
}
