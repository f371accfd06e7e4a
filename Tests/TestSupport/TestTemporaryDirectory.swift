import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Where tests put their files: one folder per test process, `<tmp>/writerbench-tests-<pid>`, removed when the
/// process exits, so that `swift test` leaves no `writerbench-*` folder behind, even for a test that forgets to
/// clean up. Folders of test processes that died without cleaning up (a crash) are removed by the next run.
public enum TestTemporaryDirectory {
    /// The folder of this test process (created on first use).
    public static var root: String { prepared }

    /// A fresh folder inside ``root`` for one test's outputs, named after `label`.
    public static func make(_ label: String) throws -> String {
        let cleaned = label.filter { $0.isLetter || $0.isNumber || $0 == "-" }
        let path = root + "/\(cleaned.prefix(80))-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Names of the `writerbench-*` entries directly in the system temporary directory right now.
    public static func writerBenchEntries() -> Set<String> {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: systemTemporaryDirectory)) ?? []
        return Set(entries.filter { $0.hasPrefix("writerbench-") })
    }

    /// The system temporary directory (TMPDIR or /tmp), without a trailing slash.
    public static var systemTemporaryDirectory: String {
        var path = NSTemporaryDirectory()
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        return path
    }

    private static let prefix = "writerbench-tests-"

    private static let prepared: String = {
        removeAbandonedRoots()
        let path = systemTemporaryDirectory + "/" + prefix + "\(getpid())"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        atexit { TestTemporaryDirectory.removeRoot() }
        return path
    }()

    private static func removeRoot() {
        try? FileManager.default.removeItem(atPath: systemTemporaryDirectory + "/" + prefix + "\(getpid())")
    }

    /// Removes the folders of earlier test processes that are no longer running.
    private static func removeAbandonedRoots() {
        for entry in writerBenchEntries() where entry.hasPrefix(prefix) {
            guard let pid = Int32(entry.dropFirst(prefix.count)), pid != getpid() else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH {
                try? FileManager.default.removeItem(atPath: systemTemporaryDirectory + "/" + entry)
            }
        }
    }
}

/// A fresh temporary directory for one test's outputs, inside ``TestTemporaryDirectory/root`` (removed when the test
/// process exits). Tests that write much should still remove it themselves, with ``withTemporaryDirectory(_:_:)``.
public func makeTemporaryDirectory(_ label: String = #function) throws -> String {
    try TestTemporaryDirectory.make(label)
}

/// Runs `body` with a fresh temporary directory and removes the directory afterwards, whatever `body` does.
public func withTemporaryDirectory<Result>(_ label: String = #function,
                                           _ body: (String) throws -> Result) throws -> Result {
    let directory = try TestTemporaryDirectory.make(label)
    defer { try? FileManager.default.removeItem(atPath: directory) }
    return try body(directory)
}
