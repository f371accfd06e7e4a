import Foundation

/// The processes below one process, read from /proc (Linux): what a crash trial must kill together with the writer,
/// since an encoder child may lead a process group of its own (pipe strategies put ffmpeg in its own group so that a
/// stall kills everything it started).
enum ProcessTree {
    /// Every descendant of `pid` (children, their children, …) alive now; empty where /proc cannot be read.
    static func descendants(of pid: Int32) -> [Int32] {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return [] }
        var children: [Int32: [Int32]] = [:]
        for entry in entries {
            guard let child = Int32(entry), let parent = parentID(of: child) else { continue }
            children[parent, default: []].append(child)
        }
        var found: [Int32] = []
        var pending = children[pid] ?? []
        while let next = pending.popLast() {
            found.append(next)
            pending.append(contentsOf: children[next] ?? [])
        }
        return found
    }

    /// The parent pid from /proc/PID/stat ("pid (comm) state ppid …"; comm may hold spaces and parentheses).
    private static func parentID(of pid: Int32) -> Int32? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return nil }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        return fields.count > 1 ? Int32(fields[1]) : nil
    }
}
