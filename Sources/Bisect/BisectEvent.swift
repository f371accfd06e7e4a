/// One thing the search did, as it happens, for the console.
public enum BisectEvent: Sendable, Equatable {
    /// A revision was built (or failed to).
    case built(index: Int, revision: String, failure: String?)
    /// A revision was measured: all its runs' values (nil with the reason when no run gave a value).
    case measured(index: Int, revision: String, measurement: RevisionMeasurement?, failure: String?)
    /// A candidate's verdict and where the first bad commit lies now (`lastGood` < first bad ≤ `firstBad`).
    case judged(index: Int, revision: String, verdict: CandidateVerdict, position: Double, lastGood: Int, firstBad: Int)
    /// A candidate that could not be built or measured, left out like `git bisect skip`.
    case skipped(index: Int, revision: String, reason: String)
}
