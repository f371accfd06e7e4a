import ArgumentParser
import Strategies

/// `--all` or `--strategy NAME …`: which registered strategies a command measures; shared by run and pipeline.
struct StrategySelection: ParsableArguments {
    @Flag(help: "Every registered strategy (pipeline: every available one except references).")
    var all = false

    @Option(name: .customLong("strategy"), help: "A strategy to measure (repeatable). See `writerbench list`.")
    var strategyNames: [String] = []

    func validate() throws {
        guard all || !strategyNames.isEmpty else {
            throw ValidationError("name strategies with --strategy NAME, or use --all; `writerbench list` shows them")
        }
    }

    /// The named strategies, in the order given, or every one of `registered` with `--all`.
    ///
    /// - Throws: `ValidationError` for a name that is not registered (external strategies count once loaded).
    func strategies(from registered: [any WriterStrategy]) throws -> [any WriterStrategy] {
        if all { return registered }
        return try strategyNames.map { name in
            guard let strategy = registered.first(where: { $0.name == name }) else {
                throw ValidationError("unknown strategy '\(name)'; known: \(registered.map(\.name).joined(separator: ", "))")
            }
            return strategy
        }
    }
}
