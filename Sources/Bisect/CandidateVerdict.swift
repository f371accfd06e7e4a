/// How a candidate revision's measurement compares with the good and bad endpoints'.
public enum CandidateVerdict: Sendable, Equatable {
    /// Like the good endpoint: the change comes later.
    case good
    /// Like the bad endpoint: the change is here or earlier.
    case bad
    /// Close to neither decisively; the reason says why (the search stops instead of guessing).
    case inconclusive(String)

    /// "good", "bad" or "inconclusive".
    public var word: String {
        switch self {
        case .good: "good"
        case .bad: "bad"
        case .inconclusive: "inconclusive"
        }
    }
}
