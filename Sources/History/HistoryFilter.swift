/// Which stored rows a query reads; empty lists and nil values mean "all".
public struct HistoryFilter: Sendable, Equatable {
    public var kind: ResultsKind?
    public var strategies: [String]
    public var machines: [String]
    /// Rows whose run started at or after this ISO 8601 time (a date `2026-11-01` works: times compare as text).
    public var since: String?

    public init(kind: ResultsKind? = nil, strategies: [String] = [], machines: [String] = [], since: String? = nil) {
        self.kind = kind
        self.strategies = strategies
        self.machines = machines
        self.since = since
    }
}
