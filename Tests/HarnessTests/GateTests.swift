import Testing
@testable import Harness

@Suite struct GateTests {
    /// A results CSV with the given (strategy, size, pace, write_ms_p95, status) rows; other columns empty.
    func table(_ rows: [(String, String, String, String, String)]) throws -> ResultsTable {
        var lines = [CSVFormat.line(CSVColumn.header)]
        for (strategy, size, pace, p95, status) in rows {
            let dims = size.split(separator: "x").map(String.init)
            let values: [CSVColumn: String] = [.strategy: strategy, .frameset: "camera", .width: dims[0],
                                               .height: dims[1], .paceFPS: pace, .writeMsP95: p95,
                                               .writeMsMean: p95, .status: status, .valid: "true"]
            lines.append(CSVFormat.line(CSVColumn.allCases.map { values[$0] ?? "" }))
        }
        return try ResultsTable(text: lines.joined(separator: "\n") + "\n")
    }

    let defaultRules = """
        version=1
        rule=async-p95 strategy=ffmpeg-pipe-async frameset=camera size=1920x1080 pace_fps=30 metric=write_ms_p95 aggregate=median max=1.0
        """

    @Test func passesWhenTheMedianOverRepetitionsMeetsTheLimit() throws {
        let rows = try table([("ffmpeg-pipe-async", "1920x1080", "30", "0.4", "ok"),
                              ("ffmpeg-pipe-async", "1920x1080", "30", "5.0", "ok"),
                              ("ffmpeg-pipe-async", "1920x1080", "30", "0.6", "ok")])
        let verdicts = Gate.evaluate(rows, rules: try GateRuleFile.parse(defaultRules))
        #expect(Gate.passed(verdicts))
        #expect(verdicts[0].rowsMatched == 3)
        #expect(verdicts[0].measured == 0.6)
    }

    @Test func failsWhenWritesExceedOneMillisecond() throws {
        let rows = try table([("ffmpeg-pipe-async", "1920x1080", "30", "1.4", "ok"),
                              ("ffmpeg-pipe-async", "1920x1080", "30", "1.2", "ok")])
        let verdicts = Gate.evaluate(rows, rules: try GateRuleFile.parse(defaultRules))
        #expect(!Gate.passed(verdicts))
        #expect(verdicts[0].line.hasPrefix("FAIL"))
    }

    @Test func failsWhenNoRowMatches() throws {
        let rows = try table([("ffmpeg-pipe-async", "1280x720", "30", "0.1", "ok"),
                              ("ffmpeg-pipe", "1920x1080", "30", "0.1", "ok"),
                              ("ffmpeg-pipe-async", "1920x1080", "", "0.1", "ok"),
                              ("ffmpeg-pipe-async", "1920x1080", "30", "", "failed")])
        let verdicts = Gate.evaluate(rows, rules: try GateRuleFile.parse(defaultRules))
        #expect(!Gate.passed(verdicts))
        #expect(verdicts[0].rowsMatched == 0)
        #expect(verdicts[0].detail.contains("no row matched"))
    }

    @Test func failsWhenAMatchedRowHasNoMeasurement() throws {
        let rows = try table([("ffmpeg-pipe-async", "1920x1080", "30", "", "ok")])
        #expect(!Gate.passed(Gate.evaluate(rows, rules: try GateRuleFile.parse(defaultRules))))
    }

    @Test func anEmptyRuleListNeverPasses() throws {
        #expect(!Gate.passed([]))
    }

    @Test func equalsRulesCheckEveryRow() throws {
        let rules = try GateRuleFile.parse("version=1\nrule=valid strategy=* metric=valid aggregate=all equals=true\n")
        let rows = try table([("a", "64x64", "", "1", "ok")])
        #expect(Gate.passed(Gate.evaluate(rows, rules: rules)))
    }

    @Test(arguments: [
        ("rule=x metric=fps max=1", 1, "expected 'version=1'"),
        ("version=1\nrule=x metric=fps aggregate=medain max=1", 2, "unknown aggregate"),
        ("version=1\nrule=x metric=fps max=abc", 2, "not a number"),
        ("version=1\nrule=x metric=nosuch max=1", 2, "not a CSV column"),
        ("version=1\nrule=x metric=fps", 2, "no limit"),
        ("version=1\nrule=x metric=fps max=1 min=0", 2, "exactly one limit"),
        ("version=1\nrule=x metric=fps bogus=1 max=1", 2, "'bogus' is neither"),
        ("version=1\nrule=x metric=fps max=1\nrule=x metric=fps max=2", 3, "used twice"),
        ("version=1\nmetric=fps max=1", 2, "no name"),
    ])
    func malformedRulesNameTheLine(text: String, line: Int, message: String) {
        #expect {
            _ = try GateRuleFile.parse(text)
        } throws: { error in
            guard let error = error as? CSVError else { return false }
            return error.line == line && error.message.contains(message)
        }
    }

    @Test func theCommittedRulesFileParsesAndGuardsTheHeadlineClaim() throws {
        let rules = try GateRuleFile.load(packageRoot() + "/results/gate-rules.txt")
        let headline = try #require(rules.first { $0.metric == "write_ms_p95" })
        #expect(headline.filter["strategy"] == ["ffmpeg-pipe-async"])
        #expect(headline.filter["pace_fps"] == ["30"])
        #expect(headline.limit == .atMost(1.0))
    }
}
