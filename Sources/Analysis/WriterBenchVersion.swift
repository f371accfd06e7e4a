/// The version `--version` prints: a release number kept here by hand, and the git revision of the checkout the
/// program was built in, read when the program runs (`git rev-parse` in ``PackageLocation/root``) because a SwiftPM
/// build here has no step that could embed it. Outside a checkout (or without git) the revision is "unknown".
public struct WriterBenchVersion: Sendable, CustomStringConvertible {
    /// The release number; raise it with changes to the CSV format or the exit-status table.
    public static let number = "0.4.0"

    /// The version of this program, revision read now.
    public static var current: WriterBenchVersion {
        let revision = PackageLocation.root.flatMap {
            EnvironmentFingerprint.firstLine(of: "/usr/bin/env", ["git", "-C", $0, "rev-parse", "--short", "HEAD"])
        }
        return WriterBenchVersion(number: number, revision: revision, root: PackageLocation.root)
    }

    /// Release number.
    public var number: String
    /// Short git revision of the checkout, nil when unknown.
    public var revision: String?
    /// The package checkout the program lives in, nil when unknown.
    public var root: String?

    /// "0.4.0 (git 1a2b3c4, /work/writerbench)".
    public var description: String {
        "\(number) (git \(revision ?? "unknown")" + (root.map { ", \($0)" } ?? "") + ")"
    }
}
