import Foundation

/// Where the WriterBench package a program was built from lies, so that default paths (results/gate-rules.txt,
/// scripts/plot.sh) resolve wherever the program is started from, not only from the repository root.
public enum PackageLocation {
    /// The file that marks the package root.
    public static let marker = "results/gate-rules.txt"

    /// The package root: the first folder holding ``marker``, walking up from the real path of the running
    /// executable (symbolic links resolved, so `.build/release/writerbench` and a link to it in PATH both find
    /// the checkout). Nil when the executable does not live inside a checkout (an installed copy elsewhere).
    public static let root: String? = root(startingAt: executablePath())

    /// The package root found walking up from `path` (a file or folder); nil when no ancestor holds ``marker``.
    public static func root(startingAt path: String?) -> String? {
        guard let path else { return nil }
        var folder = URL(fileURLWithPath: path).resolvingSymlinksInPath()
        while folder.path != "/" && !folder.path.isEmpty {
            folder.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent(marker).path) { return folder.path }
        }
        return nil
    }

    /// `relative` (e.g. "scripts/plot.sh") inside the package root when the root is known and holds it; otherwise
    /// `relative` as given (resolved against the current directory, as before).
    public static func resolve(_ relative: String) -> String {
        guard let root else { return relative }
        let candidate = URL(fileURLWithPath: root).appendingPathComponent(relative).path
        return FileManager.default.fileExists(atPath: candidate) ? candidate : relative
    }

    /// The running program's path: /proc/self/exe on Linux, else `CommandLine.arguments[0]` (looked up in PATH when
    /// it holds no slash).
    static func executablePath() -> String? {
        if let resolved = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return resolved }
        guard let first = CommandLine.arguments.first else { return nil }
        if first.contains("/") { return first }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        for folder in path.split(separator: ":") {
            let candidate = "\(folder)/\(first)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}
