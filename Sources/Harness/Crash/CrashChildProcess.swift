import Foundation

/// A running `writerbench crash-child`: its standard output read line by line with a deadline, its stderr in a
/// file, and the SIGKILL that ends it together with its process group (its encoder child included).
///
/// Every wait is bounded: ``nextLine(before:)`` by the caller's deadline, ``killAndReap()`` by a few seconds after
/// SIGKILL, which no process can ignore.
final class CrashChildProcess {
    private let process = Process()
    private let output = Pipe()
    private var buffered = Data()
    private var endOfOutput = false
    /// Where the child's standard error goes (read back for failure reasons).
    let stderrPath: String

    /// Starts `executable` with `arguments`, its stderr into `stderrPath`.
    ///
    /// - Throws: When the file cannot be created or the program cannot be started.
    init(executable: String, arguments: [String], stderrPath: String) throws {
        self.stderrPath = stderrPath
        guard FileManager.default.createFile(atPath: stderrPath, contents: nil),
              let stderrHandle = FileHandle(forWritingAtPath: stderrPath) else {
            throw CrashTrialError.cannotStart("cannot create \(stderrPath)")
        }
        defer { try? stderrHandle.close() }
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = output
        process.standardError = stderrHandle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        try? output.fileHandleForWriting.close()
    }

    deinit {
        if process.isRunning { killAndReap() }
        try? output.fileHandleForReading.close()
    }

    /// The child's process id.
    var pid: Int32 { process.processIdentifier }

    /// The next line the child printed, or nil at the end of its output or when `deadline` passes first.
    func nextLine(before deadline: ContinuousClock.Instant) -> String? {
        let clock = ContinuousClock()
        while true {
            if let newline = buffered.firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: buffered[buffered.startIndex..<newline], as: UTF8.self)
                buffered.removeSubrange(buffered.startIndex...newline)
                return line
            }
            if endOfOutput { return nil }
            let remaining = clock.now.duration(to: deadline)
            guard remaining > .zero else { return nil }
            let milliseconds = Int32(clamping: remaining.components.seconds * 1000 + remaining.components.attoseconds / 1_000_000_000_000_000 + 1)
            var descriptor = pollfd(fd: output.fileHandleForReading.fileDescriptor, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, min(milliseconds, 1000))
            if ready < 0 && errno != EINTR { endOfOutput = true; continue }
            guard ready > 0 else { continue }
            var chunk = [UInt8](repeating: 0, count: 4096)
            let count = read(descriptor.fd, &chunk, chunk.count)
            if count > 0 { buffered.append(contentsOf: chunk[0..<count]) } else if count == 0 || errno != EINTR { endOfOutput = true }
        }
    }

    /// Sends SIGKILL to the child's process group, to the child itself (should it not lead one yet) and to every
    /// process below it (an encoder child in a process group of its own), all at once, then waits for the child to
    /// exit: at most 10 s, which only a process stuck in the kernel would need.
    func killAndReap() {
        let pid = process.processIdentifier
        if pid > 0 {
            let below = ProcessTree.descendants(of: pid)
            _ = kill(-pid, SIGKILL)
            _ = kill(pid, SIGKILL)
            for descendant in below { _ = kill(descendant, SIGKILL) }
        }
        let deadline = Date().addingTimeInterval(10)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
    }

    /// Waits up to `seconds` for the child to exit on its own; true when it did.
    func waitForExit(seconds: Double) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        return !process.isRunning
    }

    /// The child's exit status, valid after it exited.
    var exitStatus: Int32 { process.terminationStatus }

    /// The last `count` lines of the child's stderr, joined by " | ".
    func stderrTail(_ count: Int = 3) -> String {
        let text = (try? String(contentsOfFile: stderrPath, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").suffix(count).joined(separator: " | ")
    }
}
