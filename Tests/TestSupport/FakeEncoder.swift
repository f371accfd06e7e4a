import Foundation

/// A stand-in for ffmpeg that reads `bytesBeforeDying` bytes of stdin, complains on stderr and dies the way asked,
/// for testing how writers report an encoder that fails mid-stream.
public enum FakeEncoder {
    /// How the fake encoder dies.
    public enum Death: String, Sendable { case exitWithError = "exit 3", killed = "kill -9 $$" }

    /// Writes the script into `directory` and returns its path. The script records its pid in `pidFile(in:)`.
    public static func install(in directory: String, bytesBeforeDying: Int, death: Death = .exitWithError,
                        message: String = "fake encoder: out of disk space") throws -> String {
        let path = directory + "/fake-ffmpeg"
        let script = """
            #!/bin/sh
            echo $$ > "\(pidFile(in: directory))"
            head -c \(bytesBeforeDying) > /dev/null
            echo "\(message)" >&2
            \(death.rawValue)
            """
        try writeExecutableScript(script, to: path)
        return path
    }

    /// How a stalling fake encoder stops making progress.
    public enum Stall: String, Sendable, CaseIterable {
        /// Replaces itself with `sleep`: alive, reading nothing, printing nothing.
        case sleep = "exec sleep 1000"
        /// Stops itself with SIGSTOP, as a debugger or a wedged driver would leave it.
        case stopItself = "kill -STOP $$"
    }

    /// Writes a fake encoder that reads `bytesBeforeStalling` bytes of stdin (0: none), says so on stderr and stalls
    /// the way asked, and returns its path. With `readAllThenStall` it reads stdin to its end first, so that it
    /// stalls at `finish` instead. Records its pid like ``install(in:bytesBeforeDying:death:message:)``.
    public static func installStalling(in directory: String, bytesBeforeStalling: Int = 0, stall: Stall = .sleep,
                                       readAllThenStall: Bool = false) throws -> String {
        let path = directory + "/fake-ffmpeg"
        let read = readAllThenStall ? "cat > /dev/null" : "head -c \(bytesBeforeStalling) > /dev/null"
        let script = """
            #!/bin/sh
            echo $$ > "\(pidFile(in: directory))"
            \(read)
            echo "fake encoder: stalling now" >&2
            \(stall.rawValue)
            """
        try writeExecutableScript(script, to: path)
        return path
    }

    public static func pidFile(in directory: String) -> String { directory + "/fake-ffmpeg.pid" }

    /// True when the fake encoder that ran in `directory` has been reaped: no process with its pid (not even a
    /// zombie) is left as our child.
    public static func wasReaped(in directory: String) -> Bool {
        guard let text = try? String(contentsOfFile: pidFile(in: directory), encoding: .utf8),
              let pid = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)) else { return false }
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return true }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        return !(fields.count > 2 && Int32(fields[1]) == getpid())
    }
}

/// A thread name unique to one test (Linux keeps 15 characters of a thread's name).
public func uniqueThreadName() -> String { "wbt-" + UUID().uuidString.prefix(8) }

/// Number of live threads of this process called `name`, from /proc, once it equals `expected` or after a second.
/// Polling is needed both ways: a thread names itself after it starts, and signals completion just before the
/// kernel reaps it.
public func liveThreads(named name: String, expecting expected: Int = 0) -> Int {
    func count() -> Int {
        let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/task")) ?? []
        return tasks.filter { task in
            (try? String(contentsOfFile: "/proc/self/task/\(task)/comm", encoding: .utf8))?
                .trimmingCharacters(in: .whitespacesAndNewlines) == String(name.prefix(15))
        }.count
    }
    var live = count()
    for _ in 0..<50 where live != expected { usleep(20_000); live = count() }
    return live
}
