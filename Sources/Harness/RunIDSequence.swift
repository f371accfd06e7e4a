import Analysis

/// Identifies the rows of one invocation: `<prefix><timestamp digits>-<n>`, n counting from 1, e.g.
/// `20261125120000-3` for `run` and `p20261125120000-1` for `pipeline`.
public struct RunIDSequence: Sendable {
    private let stem: String
    private var count = 0

    /// Ids stamped with the first 14 digits of `environment`'s timestamp (year to second), after `prefix`.
    public init(environment: EnvironmentFingerprint, prefix: String = "") {
        stem = prefix + String(environment.timestamp.filter { $0.isNumber }.prefix(14))
    }

    /// The next id.
    public mutating func next() -> String {
        count += 1
        return "\(stem)-\(count)"
    }
}
