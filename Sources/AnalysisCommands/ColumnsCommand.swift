import Analysis
import ArgumentParser
import Foundation

/// `writerbench columns`: the column catalogue of a results CSV, and the README tables generated from it.
public struct ColumnsCommand: ParsableCommand {
    /// Creates the command with default options (ArgumentParser fills them in).
    public init() {}

    public static let configuration = CommandConfiguration(
        commandName: "columns",
        abstract: "Describe the columns of the results or pipeline CSV, or regenerate results/README.md's tables.",
        discussion: """
            Every column's unit, direction, number format, noise floor and meaning are defined once, in the column \
            catalogue (Sources/Analysis); this prints them. --markdown prints the README table of the --csv chosen; \
            --update FILE rewrites every generated table in FILE (the lines between `<!-- columns:run begin -->` and \
            `<!-- columns:run end -->`, and the same for `pipeline` and `samples`), leaving the rest of the file as it is. \
            Here: 0 printed or updated; 65 the file lacks a region's markers; 66 it cannot be read; 70 it cannot be \
            written.
            """ + "\n\n" + ExitStatus.table)

    @Option(help: "Which CSV: \(ColumnTable.CSV.allCases.map(\.rawValue).joined(separator: ", ")).")
    var csv: ColumnTable.CSV = .run

    @Flag(help: "Print the Markdown table results/README.md holds.")
    var markdown = false

    @Option(help: "Rewrite the generated column tables of this README (e.g. results/README.md).")
    var update: String?

    public func validate() throws {
        if markdown && update != nil { throw ValidationError("--markdown prints a table and --update rewrites a file; give one") }
    }

    public func run() throws {
        guard let update else {
            print(markdown ? csv.markdown : csv.plainTable.render(), terminator: markdown ? "" : "\n")
            return
        }
        do {
            let text = try String(contentsOfFile: update, encoding: .utf8)
            let updated = try ColumnTable.updating(text)
            guard updated != text else { return print("\(update): column tables are up to date") }
            try updated.write(toFile: update, atomically: true, encoding: .utf8)
            print("\(update): column tables regenerated")
        } catch let error as ColumnTable.MissingRegion {
            printError("columns: \(update): \(error)")
            throw ExitStatus.malformedInput.exit
        } catch {
            printError("columns: \(update): \(error.localizedDescription)")
            throw (ExitStatus.loading(update) == .missingInput ? ExitStatus.missingInput : .couldNotComplete).exit
        }
    }
}

extension ColumnTable.CSV: ExpressibleByArgument {}
