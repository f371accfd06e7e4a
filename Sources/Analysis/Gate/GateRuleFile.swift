import Foundation

/// Reads gate rules from their versioned text file (results/gate-rules.txt).
///
/// Format, one rule per line, `#` starts a comment, the first rule-bearing line is `version=1`:
/// ```
/// version=1
/// rule=pipe-async-p95 strategy=ffmpeg-pipe-async frameset=camera size=1920x1080 pace_fps=30 metric=write_ms_p95 aggregate=median max=1.0
/// ```
/// Keys: `rule` (name, required), `metric` (CSV column, required), `aggregate` (median|mean|min|max|all, default
/// median), exactly one limit (`max=`, `min=` or `equals=`), and any other key is a row filter on the CSV column of
/// that name (`size=WxH` matches width and height; comma-separated alternatives; `*` for any).
///
/// `csv=pipeline` makes a rule read the pipeline CSV (`writerbench gate --pipeline-csv`), whose columns are
/// ``PipelineColumn``; the default `csv=run` reads the run CSV (``CSVColumn``). Metric and filter names are checked
/// against the rule's table. `min_ref=STRATEGY` is a limit: the rule's aggregate must be at least the same aggregate
/// over the rows of `STRATEGY` that match the rule's other filters.
public enum GateRuleFile {
    /// The format version this build reads.
    public static let version = "1"

    /// Parses rules text. Throws ``CSVError`` naming the line and field of the first problem.
    public static func parse(_ text: String) throws -> [GateRule] {
        var rules: [GateRule] = []
        var sawVersion = false
        for (offset, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = offset + 1
            let content = rawLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let tokens = content.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
            guard !tokens.isEmpty else { continue }
            if !sawVersion {
                guard tokens.count == 1, tokens[0] == "version=\(version)" else {
                    throw CSVError(line: line, field: 1,
                                   message: "expected 'version=\(version)' before any rule, found '\(tokens[0])'")
                }
                sawVersion = true
                continue
            }
            rules.append(try rule(tokens.map(String.init), line: line))
        }
        guard sawVersion else { throw CSVError(line: 1, field: 0, message: "no 'version=\(version)' line and no rules") }
        let names = rules.map(\.name)
        if let duplicate = names.first(where: { name in names.filter { $0 == name }.count > 1 }),
           let rule = rules.last(where: { $0.name == duplicate }) {
            throw CSVError(line: rule.line, field: 1, message: "rule name '\(duplicate)' is used twice")
        }
        return rules
    }

    /// Reads and parses the rules file at `path`.
    public static func load(_ path: String) throws -> [GateRule] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw CSVError(line: 0, field: 0, message: "cannot read rules file '\(path)'")
        }
        return try parse(text)
    }

    private static func rule(_ tokens: [String], line: Int) throws -> GateRule {
        var name: String?
        var metric: String?
        var aggregate = GateRule.Aggregate.median
        var limit: GateRule.Limit?
        var filter: [String: [String]] = [:]
        var filterFields: [(key: String, field: Int, token: String)] = []
        var table = GateRule.Table.run
        for (index, token) in tokens.enumerated() {
            let field = index + 1
            func fail(_ message: String) -> CSVError { CSVError(line: line, field: field, message: "'\(token)': \(message)") }
            let parts = token.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { throw fail("expected key=value") }
            let key = String(parts[0]), value = String(parts[1])
            func number() throws -> Double {
                guard let number = Double(value), number.isFinite else { throw fail("'\(value)' is not a number") }
                return number
            }
            switch key {
            case "rule": name = value
            case "metric": metric = value
            case "aggregate":
                guard let parsed = GateRule.Aggregate(rawValue: value) else {
                    throw fail("unknown aggregate (expected \(GateRule.Aggregate.allCases.map(\.rawValue).joined(separator: ", ")))")
                }
                aggregate = parsed
            case "csv":
                guard let parsed = GateRule.Table(rawValue: value) else {
                    throw fail("unknown table (expected \(GateRule.Table.allCases.map(\.rawValue).joined(separator: ", ")))")
                }
                table = parsed
            case "max", "min", "equals", "min_ref":
                guard limit == nil else { throw fail("a rule has exactly one limit (max, min, equals or min_ref)") }
                switch key {
                case "max": limit = .atMost(try number())
                case "min": limit = .atLeast(try number())
                case "equals": limit = .equals(value)
                default: limit = .atLeastReference(value)
                }
            default:
                filterFields.append((key, field, token))
                filter[key] = value.split(separator: ",").map(String.init)
            }
        }
        let tableName = table == .run ? "CSV column" : "pipeline CSV column"
        for (key, field, token) in filterFields where key != "size" && !table.hasColumn(key) {
            throw CSVError(line: line, field: field,
                           message: "'\(token)': '\(key)' is neither a rule key (rule, metric, aggregate, csv, max, min, equals, min_ref) nor a \(tableName)")
        }
        guard let name else { throw CSVError(line: line, field: 0, message: "the rule has no name (rule=NAME)") }
        guard let metric else { throw CSVError(line: line, field: 0, message: "rule \(name) has no metric=COLUMN") }
        guard table.hasColumn(metric) else {
            throw CSVError(line: line, field: 0, message: "rule \(name): metric '\(metric)' is not a \(tableName)")
        }
        guard let limit else {
            throw CSVError(line: line, field: 0, message: "rule \(name) has no limit (max=, min=, equals= or min_ref=)")
        }
        if case .equals = limit, aggregate != .all {
            throw CSVError(line: line, field: 0, message: "rule \(name): equals= needs aggregate=all")
        }
        return GateRule(name: name, filter: filter, metric: metric, aggregate: aggregate, limit: limit, line: line,
                        table: table)
    }
}
