import ArgumentParser
import Strategies

/// `--all` or `--strategy NAME …`: which registered strategies a command measures; shared by run and pipeline.
struct StrategySelection: ParsableArguments {
    @Flag(help: "Every registered strategy (pipeline: every available one except references).")
    var all = false

    @Option(name: .customLong("strategy"), help: "A strategy to measure (repeatable). See `writerbench list`.",
            completion: .list(StrategyRegistry.names))
    var strategyNames: [String] = []

    func validate() throws {
        guard all || !strategyNames.isEmpty else {
            throw ValidationError("name strategies with --strategy NAME, or use --all; `writerbench list` shows them")
        }
        let known = StrategyRegistry.names
        for name in strategyNames where !known.contains(name) {
            throw ValidationError("unknown strategy '\(name)'; known: \(known.joined(separator: ", "))")
        }
    }

    /// The named strategies, in the order given, or every one of `registered` with `--all`.
    func strategies(from registered: [any WriterStrategy]) -> [any WriterStrategy] {
        all ? registered : strategyNames.compactMap { name in registered.first { $0.name == name } }
    }
}
