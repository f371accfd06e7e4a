import ArgumentParser
import Harness

/// `writerbench gate`: applies the gate rules to a results CSV; non-zero exit on any violation.
struct GateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gate",
        abstract: "Check a results CSV against the gate rules.",
        discussion: """
            Prints one line per rule (rule, rows matched, measured value, limit, PASS/FAIL).
            Exit status: 0 every rule passed; 1 a rule failed or matched no row; 2 the CSV or rules file is malformed.
            """)

    @Option(help: "Results CSV to check.")
    var csv: String

    @Option(help: "Rules file.")
    var rules = "results/gate-rules.txt"

    func run() throws {
        let table: ResultsTable
        let ruleList: [GateRule]
        do {
            table = try ResultsTable(contentsOf: csv, requiredColumns: ["strategy", "status"])
        } catch {
            printError("gate: \(csv): \(error)")
            throw ExitCode(2)
        }
        do {
            ruleList = try GateRuleFile.load(rules)
        } catch {
            printError("gate: \(rules): \(error)")
            throw ExitCode(2)
        }
        let verdicts = Gate.evaluate(table, rules: ruleList)
        verdicts.forEach { print($0.line) }
        let failed = verdicts.filter { !$0.passed }.count
        print(failed == 0 ? "gate: \(verdicts.count) rule(s) passed" : "gate: \(failed) of \(verdicts.count) rule(s) failed")
        if !Gate.passed(verdicts) { throw ExitCode(1) }
    }
}
