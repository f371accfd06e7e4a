import Analysis
import Foundation

/// What the store adds to each row beyond the CSV: the branch, the revision's commit time and the tool version.
public struct RecordingContext: Sendable {
    /// Version of the WriterBench code that stores rows; bump it with releases.
    public static let toolVersion = "writerbench 0.1.0-dev"

    /// Branch checked out when recording ("" for imports: a CSV does not say which branch it was measured on).
    public var branch: String
    /// Looks up a revision's commit time (ISO 8601 UTC), "" when unknown.
    public var commitTime: @Sendable (String) -> String
    /// Tool version stored with each row.
    public var toolVersion: String
    /// When the rows are stored.
    public var now: String

    /// Explicit values (tests).
    public init(branch: String, toolVersion: String = RecordingContext.toolVersion, now: String,
                commitTime: @escaping @Sendable (String) -> String = { _ in "" }) {
        self.branch = branch
        self.toolVersion = toolVersion
        self.now = now
        self.commitTime = commitTime
    }

    /// The working directory's git repository: its branch when `recordBranch` (a run records the checked-out branch;
    /// an import does not know it), and each revision's commit time from `git show`, when the revision is known here.
    public static func gitWorkingDirectory(recordBranch: Bool) -> RecordingContext {
        let branch = recordBranch
            ? EnvironmentFingerprint.firstLine(of: "/usr/bin/env", ["git", "rev-parse", "--abbrev-ref", "HEAD"]) ?? ""
            : ""
        return RecordingContext(branch: branch, now: ISO8601DateFormatter().string(from: Date())) { revision in
            let commit = revision.replacingOccurrences(of: "+dirty", with: "")
            guard !commit.isEmpty, commit.allSatisfy(\.isHexDigit),
                  let text = EnvironmentFingerprint.firstLine(
                      of: "/usr/bin/env", ["git", "show", "-s", "--format=%ct", commit + "^{commit}"]),
                  let seconds = TimeInterval(text) else { return "" }
            return ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: seconds))
        }
    }
}
