import Analysis
import Foundation

/// Identifies the rows of one invocation: `<prefix><timestamp digits>-<pid>-<n>`, n counting from 1, e.g.
/// `20261125120000-4711-3` for `run` and `p20261125120000-4711-1` for `pipeline`. The process id keeps the ids of
/// two invocations started in the same second apart when they append to the same file.
public struct RunIDSequence: Sendable {
    private let stem: String
    private var count = 0

    /// Ids stamped with the first 14 digits of `environment`'s timestamp (year to second), after `prefix`, and
    /// `processID`.
    public init(environment: EnvironmentFingerprint, prefix: String = "",
                processID: Int32 = ProcessInfo.processInfo.processIdentifier) {
        stem = prefix + String(environment.timestamp.filter { $0.isNumber }.prefix(14)) + "-\(processID)"
    }

    /// The next id.
    public mutating func next() -> String {
        count += 1
        return "\(stem)-\(count)"
    }
}
