import Foundation

/// The revisions `bisect` searches: the good revision, then the bad revision's first-parent history after it, oldest
/// first (`git rev-list --first-parent --reverse GOOD..BAD`), as full commit IDs with their subjects.
public struct FirstParentHistory: Sendable {
    /// Full commit IDs, the good revision first and the bad one last.
    public var commits: [String]
    /// One-line subjects, by commit ID.
    public var subjects: [String: String]

    /// Reads the history of the repository at `repository` between `good` and `bad` (git waits at most 60 s).
    /// Throws ``BisectCandidateFailure`` when a revision is unknown, `good` is not an ancestor of `bad`, or no
    /// commit lies after `good`.
    public init(repository: String, good: String, bad: String) throws {
        func git(_ arguments: [String]) -> String? {
            BoundedChild(["git", "-C", repository] + arguments, timeLimit: 60).output()
        }
        guard let goodID = git(["rev-parse", "--verify", "--quiet", good + "^{commit}"])?.trimmed, !goodID.isEmpty else {
            throw BisectCandidateFailure("--good \(good) is not a commit of \(repository)")
        }
        guard let badID = git(["rev-parse", "--verify", "--quiet", bad + "^{commit}"])?.trimmed, !badID.isEmpty else {
            throw BisectCandidateFailure("--bad \(bad) is not a commit of \(repository)")
        }
        guard git(["merge-base", "--is-ancestor", goodID, badID]) != nil else {
            throw BisectCandidateFailure("--good \(good) is not an ancestor of --bad \(bad): nothing lies between them")
        }
        guard let listed = git(["rev-list", "--first-parent", "--reverse", "--format=%H %s", goodID + ".." + badID]) else {
            throw BisectCandidateFailure("git rev-list \(good)..\(bad) failed")
        }
        var commits = [goodID]
        var subjects: [String: String] = [:]
        for line in listed.split(separator: "\n") where !line.hasPrefix("commit ") {
            let parts = line.split(separator: " ", maxSplits: 1)
            guard let id = parts.first else { continue }
            commits.append(String(id))
            subjects[String(id)] = parts.count > 1 ? String(parts[1]) : ""
        }
        if let subject = git(["show", "-s", "--format=%s", goodID])?.trimmed { subjects[goodID] = subject }
        guard commits.count >= 2 else {
            throw BisectCandidateFailure("no commit lies after --good \(good) on the first-parent history of --bad \(bad)")
        }
        self.commits = commits
        self.subjects = subjects
    }
}

extension String {
    var trimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}
