/// Why two results files give no comparison at all: `writerbench compare` prints it and exits 1 (bad input), rather
/// than exit 0, which would claim that nothing regressed.
public enum ComparisonError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No configuration of the new file is in the base file (paths of both, and how many configurations each has).
    case noMatchedConfiguration(base: String, new: String, baseConfigurations: Int, newConfigurations: Int)
    /// Configurations matched, but every one was unavailable or failed on both sides (paths, matched count).
    case nothingComparable(base: String, new: String, matched: Int)

    public var description: String {
        switch self {
        case let .noMatchedConfiguration(base, new, baseCount, newCount):
            "no configuration of \(new) (\(newCount)) matches one of \(base) (\(baseCount)); rows match on strategy, "
                + "encoder, preset, crf, threads, frame set, size, pace and frames, so compare results of the same run "
                + "plan (the lines 'only in base/new' above show what each file holds)"
        case let .nothingComparable(base, new, matched):
            "the \(matched) configuration(s) \(base) and \(new) have in common were unavailable or failed on both "
                + "sides, so there is nothing to compare; run where the strategies are available"
        }
    }
}

extension Comparison {
    /// Throws when the comparison can give no verdict at all: no configuration matched, or none of those that
    /// matched has anything to compare. `base` and `new` are the files' paths, for the message.
    public func requireVerdicts(base: String, new: String) throws(ComparisonError) {
        if entries.isEmpty {
            throw .noMatchedConfiguration(base: base, new: new, baseConfigurations: onlyInBase.count,
                                          newConfigurations: onlyInNew.count)
        }
        if !comparedAnything { throw .nothingComparable(base: base, new: new, matched: entries.count) }
    }
}
