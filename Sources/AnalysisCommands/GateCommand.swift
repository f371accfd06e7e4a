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
            Prints one line per rule (rule, rows matched, measured value, limit, PASS/FAIL). \
            Rules with csv=pipeline read --pipeline-csv, the others --csv. Only the rules of the CSVs given are judged; \
            the others are listed as not judged. \
            A rule that matches no row is printed N/A (not applicable) and still fails the gate: a gate that checked \
            nothing must not pass. Here: 0 every rule passed; 1 a rule failed or was not applicable; 64 an unknown \
            --report-only rule; 65 the CSV or rules file is malformed; 66 one of them is missing.
            """ + "\n\n" + ExitStatus.table)

    @Option(help: "Results CSV of `writerbench run` to check.")
    var csv: String?

    @Option(help: "Pipeline CSV of `writerbench pipeline` to check (rules with csv=pipeline).")
    var pipelineCsv: String?

    @Option(help: "Rules file (default: results/gate-rules.txt of the package the program was built in, else of the current folder).")
    var rules = PackageLocation.resolve("results/gate-rules.txt")

    @Option(name: .customLong("report-only"),
            help: "Judge and print this rule, but do not let it fail the gate (repeatable; names a rule).")
    var reportOnly: [String] = []

    @Flag(help: "Print the verdicts as one JSON object instead of lines (exit status unchanged).")
    var json = false

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
                throw ExitStatus.loading(path).exit
            }
        }
        do {
            ruleList = try GateRuleFile.load(rules)
        } catch {
            printError("gate: \(rules): \(error)")
            throw ExitStatus.loading(rules).exit
        }
        // Judging only the tables given keeps `gate --csv` (the run gate) independent of the pipeline's rules.
        let skipped = ruleList.filter { tables[$0.table] == nil }
        ruleList.removeAll { tables[$0.table] == nil }
        for table in GateRule.Table.allCases {
            let count = skipped.filter { $0.table == table }.count
            if count > 0 && !json {
                print("not judged: \(count) \(table.rawValue) rule(s), no \(table == .run ? "--csv" : "--pipeline-csv") given")
            }
        }
        for name in reportOnly where !ruleList.contains(where: { $0.name == name }) {
            printError("gate: --report-only \(name): no such rule among those judged")
            throw ExitStatus.usage.exit
        }
        let reported = Gate.evaluate(tables, rules: ruleList.filter { reportOnly.contains($0.name) })
        let verdicts = Gate.evaluate(tables, rules: ruleList.filter { !reportOnly.contains($0.name) })
        let summary = Gate.summary(verdicts)
        if json {
            print(JSONText.render([
                "rules_file": rules, "passed": Gate.passed(verdicts), "summary": summary.jsonObject,
                "not_judged": skipped.map(\.name),
                "verdicts": verdicts.map { $0.jsonObject() } + reported.map { $0.jsonObject(reportOnly: true) },
            ] as [String: Any]))
            if !Gate.passed(verdicts) { throw ExitStatus.checkFailed.exit }
            return
        }
        reported.forEach { print("REPORT-ONLY " + $0.line) }
        verdicts.forEach { print($0.line) }
        var line = "gate: \(summary.counts)"
        if summary.notApplicable > 0 {
            line += " — the gate fails on rules that are not applicable: a gate that checked nothing must not pass"
        }
        print(line)
        if !Gate.passed(verdicts) { throw ExitStatus.checkFailed.exit }
    }
}
