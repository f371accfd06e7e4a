import ArgumentParser
import History

/// The series filters `history show` and `history regressions` share.
struct HistorySeriesFilter: ParsableArguments {
    @Option(help: "Only this strategy (repeatable).")
    var strategy: [String] = []

    @Option(help: "Only this machine ID (repeatable; `writerbench baseline list` names this machine's).")
    var machine: [String] = []

    @Option(help: "Only runs started at or after this ISO 8601 time or date (e.g. 2026-11-01).")
    var since: String?

    var filter: HistoryFilter { HistoryFilter(strategies: strategy, machines: machine, since: since) }
}
