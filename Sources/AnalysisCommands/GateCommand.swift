import Analysis
import ArgumentParser

/// `writerbench gate`: applies the gate rules to a run CSV and/or a pipeline CSV; non-zero exit on any violation.
public struct GateCommand: ParsableCommand {
    /// Creates the command with default options (ArgumentParser fills them in).
    public init() {}

    public static let configuration = CommandConfiguration(
        commandName: "gate",
        abstract: "Check a results CSV (and/or a pipeline CSV) against the gate rules.",
        discussion: """
            Prints one line per rule (rule, rows matched, measured value, limit, PASS/FAIL).
            Rules with csv=pipeline read --pipeline-csv, the others --csv. Only the rules of the CSVs given are judged;
            the others are listed as not judged.
            Exit status: 0 every rule passed; 1 a rule failed or matched no row; 2 the CSV or rules file is malformed.
            """)

    @Option(help: "Results CSV of `writerbench run` to check.")
    var csv: String?

    @Option(help: "Pipeline CSV of `writerbench pipeline` to check (rules with csv=pipeline).")
    var pipelineCsv: String?

    @Option(help: "Rules file.")
    var rules = "results/gate-rules.txt"

    @Option(name: .customLong("report-only"),
            help: "Judge and print this rule, but do not let it fail the gate (repeatable; names a rule).")
    var reportOnly: [String] = []

    public func validate() throws {
        guard csv != nil || pipelineCsv != nil else {
            throw ValidationError("give the CSV to check: --csv FILE (run results) and/or --pipeline-csv FILE")
        }
    }

    public func run() throws {
        var tables = GateTables()
        var ruleList: [GateRule]
        for (path, table) in [(csv, GateRule.Table.run), (pipelineCsv, .pipeline)] {
            guard let path else { continue }
            do {
                let read = try ResultsTable(contentsOf: path, requiredColumns: ["strategy", "status"])
                if table == .run { tables.run = read } else { tables.pipeline = read }
            } catch {
                printError("gate: \(path): \(error)")
                throw ExitCode(2)
            }
        }
        do {
            ruleList = try GateRuleFile.load(rules)
        } catch {
            printError("gate: \(rules): \(error)")
            throw ExitCode(2)
        }
        // Judging only the tables given keeps `gate --csv` (the run gate) independent of the pipeline's rules.
        let skipped = ruleList.filter { tables[$0.table] == nil }
        ruleList.removeAll { tables[$0.table] == nil }
        for table in GateRule.Table.allCases {
            let count = skipped.filter { $0.table == table }.count
            if count > 0 {
                print("not judged: \(count) \(table.rawValue) rule(s), no \(table == .run ? "--csv" : "--pipeline-csv") given")
            }
        }
        for name in reportOnly where !ruleList.contains(where: { $0.name == name }) {
            printError("gate: --report-only \(name): no such rule among those judged")
            throw ExitCode(2)
        }
        let reported = Gate.evaluate(tables, rules: ruleList.filter { reportOnly.contains($0.name) })
        reported.forEach { print("REPORT-ONLY " + $0.line) }
        let verdicts = Gate.evaluate(tables, rules: ruleList.filter { !reportOnly.contains($0.name) })
        verdicts.forEach { print($0.line) }
        let failed = verdicts.filter { !$0.passed }.count
        print(failed == 0 ? "gate: \(verdicts.count) rule(s) passed" : "gate: \(failed) of \(verdicts.count) rule(s) failed")
        if !Gate.passed(verdicts) { throw ExitCode(1) }
    }
}
