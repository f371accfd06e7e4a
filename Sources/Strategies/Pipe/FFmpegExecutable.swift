import Foundation

/// Finds the `ffmpeg` program a pipe strategy runs.
public enum FFmpegExecutable {
    /// The environment variable that overrides the program (a path), e.g. to test a missing or failing ffmpeg.
    public static let environmentKey = "WRITERBENCH_FFMPEG"

    /// `path` if given, else `$WRITERBENCH_FFMPEG`, else `ffmpeg` looked up in `$PATH`; nil when nothing executable
    /// is found.
    public static func resolve(_ path: String? = nil) -> String? {
        if let path = path ?? ProcessInfo.processInfo.environment[environmentKey] {
            return FileManager.default.isExecutableFile(atPath: path) ? path : nil
        }
        let searchPath = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in searchPath.split(separator: ":") {
            let candidate = "\(directory)/ffmpeg"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// The reason a pipe strategy gives when no ffmpeg is found.
    static func missingReason(_ path: String?) -> String {
        if let path = path ?? ProcessInfo.processInfo.environment[environmentKey] {
            return "ffmpeg not found at \(path) (install Debian's ffmpeg package or fix \(environmentKey))"
        }
        return "ffmpeg not found in PATH (install Debian's ffmpeg package)"
    }
}
