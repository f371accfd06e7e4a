import ArgumentParser
import Strategies

/// `--strategies-dir DIR` and `--external NAME='COMMAND'`: the external strategies a command knows besides the
/// built-in ones; shared by list, run and pipeline.
struct ExternalStrategyOptions: ParsableArguments {
    @Option(name: .customLong("strategies-dir"),
            help: "Folder of external strategy declarations (*.toml). Default: \(StrategiesDirectory.defaultPath) in the working directory, when present.")
    var strategiesDirectory: String?

    @Option(name: .customLong("external"),
            help: ArgumentHelp("An ad hoc external strategy: NAME='COMMAND' with placeholders {width} {height} {fps} {pix_fmt} {output} {preset} {crf} {threads} {frames} (repeatable).",
                               valueName: "name=command"))
    var adHoc: [String] = []

    /// The declarations: the directory's, then the `--external` ones.
    ///
    /// - Throws: `ValidationError` with the file and line of a broken declaration, or a duplicate name.
    func declarations() throws -> [ExternalStrategyDeclaration] {
        do {
            let directory = StrategiesDirectory(path: strategiesDirectory ?? StrategiesDirectory.defaultPath)
            let declared = try directory.load(required: strategiesDirectory != nil)
                + adHoc.map { text throws(ExternalStrategyError) in try StrategiesDirectory.parseArgument(text) }
            try StrategiesDirectory.checkUnique(declared)
            return declared
        } catch {
            throw ValidationError(error.description)
        }
    }

    /// `options` with the external strategies added.
    func adding(to options: StrategyOptions) throws -> StrategyOptions {
        var options = options
        options.external = try declarations()
        let builtIn = Set(StrategyRegistry.names)
        if let clash = options.external.first(where: { builtIn.contains($0.name) }) {
            throw ValidationError("external strategy '\(clash.name)' (\(clash.origin)) has the name of a built-in strategy; rename it")
        }
        return options
    }
}
