/// What the search needs from the outside world: build a revision, and run its benchmark once. The real one
/// (``WorktreeWorkbench``) builds in a git worktree and runs the built binary; tests use a fake.
public protocol BisectWorkbench {
    /// Builds `revision`; throws ``BisectCandidateFailure`` (with the reason) when it cannot be built.
    mutating func build(_ revision: String) throws
    /// Runs the benchmark of the built `revision` once (`run` counts from 1) and returns the metric's values, one per
    /// repetition row; throws ``BisectCandidateFailure`` when the run gives none.
    mutating func measure(_ revision: String, run: Int) throws -> [Double]
}

/// Why one revision could not be built or measured: it is skipped (like `git bisect skip`).
public struct BisectCandidateFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, for the user (with the log file to read).
    public var reason: String

    /// A failure with its reason.
    public init(_ reason: String) { self.reason = reason }

    public var description: String { reason }
}
