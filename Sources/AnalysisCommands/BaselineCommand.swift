import Analysis
import ArgumentParser

/// `writerbench baseline`: saved reference results per machine, for `compare` and `run --compare-to`.
public struct BaselineCommand: ParsableCommand {
    /// Creates the command with default options (ArgumentParser fills them in).
    public init() {}

    public static let configuration = CommandConfiguration(
        commandName: "baseline",
        abstract: "Save and list reference results under results/baselines/<machine>/.",
        subcommands: [Save.self, List.self])

    /// `writerbench baseline save NAME [--from RESULTS.csv]`.
    struct Save: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Store a results CSV as baseline NAME of the machine that measured it.",
            discussion: """
                Writes results/baselines/<machine ID>/NAME.csv (meant to be committed), replacing an older one of \
                that name. The machine ID is rebuilt from the CSV's cpu_model, logical_cores and os columns. \
                Here: 0 saved; 64 a bad name; 66 no results CSV; 65 a malformed CSV; 70 the baseline cannot be written.
                """ + "\n\n" + ExitStatus.table)

        @Argument(help: "Baseline name (letters, digits, '.', '-', '_').")
        var name: String

        @Option(help: "Results CSV to store (default: the newest results/*.csv that is not a samples file).")
        var from: String?

        @Option(help: "Baselines folder (default: results/baselines of the package the program was built in).")
        var directory = PackageLocation.resolve("results/baselines")

        func validate() throws {
            do { try BaselineStore.validate(name: name) } catch { throw ValidationError("\(error)") }
        }

        func run() throws {
            guard let source = from ?? BaselineStore.newestResults() else {
                printError("baseline: no results CSV in results/; run `writerbench run` first or pass --from FILE")
                throw ExitStatus.missingInput.exit
            }
            do {
                let path = try BaselineStore(directory: directory).save(name: name, from: source)
                print("baseline: saved \(source) as \(path)")
            } catch let error as BaselineError {
                printError("baseline: \(error)")
                switch error.kind {
                case .invalidName: throw ExitStatus.usage.exit
                case .unreadableInput: throw ExitStatus.missingInput.exit
                case .malformedInput: throw ExitStatus.malformedInput.exit
                case .unwritableDestination: throw ExitStatus.couldNotComplete.exit
                }
            }
        }
    }

    /// `writerbench baseline list`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the baselines saved for this machine.")

        @Option(help: "Baselines folder (default: results/baselines of the package the program was built in).")
        var directory = PackageLocation.resolve("results/baselines")

        func run() throws {
            let fingerprint = EnvironmentFingerprint.machine()
            let machine = fingerprint.machineID
            let names = BaselineStore(directory: directory).names(machineID: machine, legacyMachineID: fingerprint.legacyMachineID)
            print(names.isEmpty ? "baseline: none saved for this machine (\(machine))"
                  : "baselines for \(machine):\n" + names.map { "  \($0)" }.joined(separator: "\n"))
        }
    }
}
