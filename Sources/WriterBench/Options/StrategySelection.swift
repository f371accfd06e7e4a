import ArgumentParser
import Strategies

/// `--all` or `--strategy PATTERN …`, minus `--exclude PATTERN …`: which registered strategies a command measures;
/// shared by run and pipeline. Patterns are names or globs (`'libav*'`, `'hw-*'`); see ``StrategyFilter``.
struct StrategySelection: ParsableArguments {
    @Flag(help: "Every registered strategy (pipeline: every available one except references).")
    var all = false

    @Option(name: .customLong("strategy"),
            help: "A strategy name or glob such as 'libav*' (repeatable; quote globs). See `writerbench list`.",
            completion: .list(StrategyRegistry.names))
    var strategyNames: [String] = []

    @Option(name: .customLong("exclude"), help: "Leave out strategies matching this name or glob (repeatable), e.g. 'hw-*'.")
    var excluded: [String] = []

    func validate() throws {
        guard all || !strategyNames.isEmpty else {
            throw ValidationError("name strategies with --strategy NAME (globs such as 'libav*' work), or use --all; `writerbench list` shows them")
        }
    }

    private var filter: StrategyFilter {
        StrategyFilter(include: all ? nil : strategyNames.map(StrategyPattern.init), exclude: excluded.map(StrategyPattern.init))
    }

    /// The matching strategies, in the order the patterns name them, or every one of `registered` with `--all`;
    /// excluded ones left out.
    ///
    /// - Throws: `ValidationError` for a pattern that matches no registered strategy (external strategies count
    ///   once loaded), naming the known ones.
    func strategies(from registered: [any WriterStrategy]) throws -> [any WriterStrategy] {
        let names: [String]
        do { names = try filter.select(from: registered.map(\.name)) } catch { throw ValidationError("\(error)") }
        return names.compactMap { name in registered.first { $0.name == name } }
    }
}
