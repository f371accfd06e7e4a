/// A strategy name or a shell-style glob over strategy names: `*` matches any run of characters (also none), `?`
/// exactly one; everything else matches itself. `libav*` matches `libav` and `libav-async`; `hw-*-pipe` every
/// hardware pipe strategy.
public struct StrategyPattern: Sendable, Hashable, CustomStringConvertible {
    /// The pattern as given.
    public let text: String

    /// Creates the pattern `text`.
    public init(_ text: String) { self.text = text }

    /// Whether the pattern holds a wildcard (otherwise it names one strategy).
    public var isGlob: Bool { text.contains("*") || text.contains("?") }

    /// Whether `name` matches the whole pattern.
    public func matches(_ name: String) -> Bool {
        Self.match(Array(text), Array(name))
    }

    public var description: String { text }

    /// Iterative glob matching with back-tracking to the last `*` (linear in practice, never exponential).
    private static func match(_ pattern: [Character], _ name: [Character]) -> Bool {
        var p = 0, n = 0
        var star: Int?
        var starName = 0
        while n < name.count {
            if p < pattern.count, pattern[p] == "?" || pattern[p] == name[n] {
                p += 1
                n += 1
            } else if p < pattern.count, pattern[p] == "*" {
                star = p
                starName = n
                p += 1
            } else if let star {
                p = star + 1
                starName += 1
                n = starName
            } else {
                return false
            }
        }
        while p < pattern.count, pattern[p] == "*" { p += 1 }
        return p == pattern.count
    }
}

/// Which strategies a command measures: everything or the names matching `--strategy` patterns, minus those
/// matching `--exclude` patterns.
public struct StrategyFilter: Sendable {
    /// Patterns to include (nil: every strategy).
    public var include: [StrategyPattern]?
    /// Patterns to leave out.
    public var exclude: [StrategyPattern]

    /// Creates a filter; `include` nil selects every strategy before exclusions.
    public init(include: [StrategyPattern]?, exclude: [StrategyPattern] = []) {
        self.include = include
        self.exclude = exclude
    }

    /// The selected names among `known`: in the order of the include patterns (each name once), else in `known`'s
    /// order. Throws ``StrategySelectionError`` when a pattern matches no known strategy, or nothing is left.
    public func select(from known: [String]) throws(StrategySelectionError) -> [String] {
        for pattern in (include ?? []) + exclude where !known.contains(where: pattern.matches) {
            throw .noMatch(pattern: pattern.text, known: known)
        }
        var chosen: [String] = []
        if let include {
            for pattern in include {
                for name in known where pattern.matches(name) && !chosen.contains(name) { chosen.append(name) }
            }
        } else {
            chosen = known
        }
        let left = chosen.filter { name in !exclude.contains { $0.matches(name) } }
        guard !left.isEmpty else { throw .nothingLeft(excluded: exclude.map(\.text)) }
        return left
    }
}

/// Why a strategy selection cannot be made, and what to do.
public enum StrategySelectionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A `--strategy` or `--exclude` pattern matches no strategy.
    case noMatch(pattern: String, known: [String])
    /// Every selected strategy was excluded.
    case nothingLeft(excluded: [String])

    public var description: String {
        switch self {
        case .noMatch(let pattern, let known):
            (StrategyPattern(pattern).isGlob
                ? "'\(pattern)' matches no strategy"
                : "unknown strategy '\(pattern)' (globs such as 'hw-*' match several)")
                + "; known: \(known.joined(separator: ", ")) (`writerbench list` describes them)"
        case .nothingLeft(let excluded):
            "--exclude \(excluded.joined(separator: " ")) leaves no strategy to run"
        }
    }
}
