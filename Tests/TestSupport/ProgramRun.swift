import Foundation

/// What a program printed and how it ended; the one way the test targets run ffmpeg, ffprobe, scripts and the CLI.
public struct ProgramRun: Sendable {
    /// Exit status.
    public var status: Int32
    /// Everything written to standard output.
    public var stdout: Data
    /// Everything written to standard error, as text.
    public var stderr: String
    /// Standard output as text.
    public var output: String { String(decoding: stdout, as: UTF8.self) }

    /// Runs `executable` (a path, or a program name looked up in PATH) with `arguments` and waits for it.
    ///
    /// Both pipes are drained while the program runs, so neither can fill up and stall it.
    public static func run(_ executable: String, _ arguments: [String], environment: [String: String] = [:],
                           in directory: String? = nil) throws -> ProgramRun {
        let process = Process()
        if executable.contains("/") {
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = [executable] + arguments
        }
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        // Temporary files of the program land in this test process's folder, removed when it exits.
        process.environment = ProcessInfo.processInfo.environment
            .merging(["TMPDIR": TestTemporaryDirectory.root]) { $1 }
            .merging(environment) { $1 }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let errors = PipeCollector(err.fileHandleForReading)
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return ProgramRun(status: process.terminationStatus, stdout: data,
                          stderr: String(decoding: errors.data(), as: UTF8.self))
    }
}

/// Collects a pipe's bytes on a background thread.
private final class PipeCollector: @unchecked Sendable {
    // @unchecked: `collected` is written once by the reading thread before `done` is signalled and read only
    // after waiting for it.
    private var collected = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        Thread {
            self.collected = handle.readDataToEndOfFile()
            self.done.signal()
        }.start()
    }

    func data() -> Data {
        done.wait()
        return collected
    }
}
