/// What a bisection found, with what it cost.
public struct BisectOutcome: Sendable {
    /// The answer.
    public enum Conclusion: Sendable, Equatable {
        /// The first bad revision (an index into the revisions searched).
        case firstBad(Int)
        /// The first bad revision is one of these: the candidates between were skipped (unbuildable or unmeasured).
        case oneOf([Int])
        /// A candidate was close to neither endpoint; the first bad revision lies in `lastGood + 1 ... firstBad`.
        case inconclusive(candidate: Int, reason: String, lastGood: Int, firstBad: Int)
        /// The endpoints do not differ decisively: nothing to bisect.
        case endpointsIndistinct(String)
        /// An endpoint could not be built or measured.
        case endpointFailed(index: Int, reason: String)
    }

    /// The answer.
    public var conclusion: Conclusion
    /// Each measured revision's measurement, by index.
    public var measurements: [Int: RevisionMeasurement] = [:]
    /// Each judged candidate's verdict, by index.
    public var verdicts: [Int: CandidateVerdict] = [:]
    /// Revisions left out, with the reason.
    public var skipped: [Int: String] = [:]
    /// Builds started (endpoints included), and how many of them failed.
    public var builds = 0
    public var failedBuilds = 0
    /// Benchmark runs started.
    public var benchmarkRuns = 0
    /// Warnings about the measured series (``MonotonicityCheck``).
    public var warnings: [String] = []
}
