import Foundation

/// The result of running the `writerbench` executable.
struct CommandLineRun {
    var status: Int32
    var stdout: Data
    var stderr: String
    var output: String { String(decoding: stdout, as: UTF8.self) }

    /// Runs the built `writerbench` with `arguments` in `directory` (default: the package root).
    static func writerbench(_ arguments: [String], in directory: String? = nil,
                            environment: [String: String] = [:]) throws -> CommandLineRun {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory ?? packageRoot())
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes concurrently with the process so neither can fill up and stall it.
        let errData = ErrorCollector(err.fileHandleForReading)
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CommandLineRun(status: process.terminationStatus, stdout: data, stderr: errData.text())
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

/// Collects a pipe's bytes on a background thread.
final class ErrorCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        Thread {
            let bytes = handle.readDataToEndOfFile()
            self.lock.lock(); self.data = bytes; self.lock.unlock()
            self.done.signal()
        }.start()
    }

    func text() -> String {
        done.wait()
        lock.lock(); defer { lock.unlock() }
        return String(decoding: data, as: UTF8.self)
    }
}

/// The package's root folder (this file is Tests/WriterBenchTests/Support/CommandLineRun.swift).
func packageRoot() -> String {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path
}

/// A fresh temporary directory.
func makeTemporaryDirectory() throws -> String {
    let path = NSTemporaryDirectory() + "writerbench-cli-\(UUID().uuidString.prefix(8))"
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}
