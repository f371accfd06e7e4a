@testable import Analysis
import Testing
import TestSupport

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
        #expect(!verdicts[0].applicable)
        #expect(verdicts[0].line.hasPrefix("N/A  "))
        #expect(Gate.summary(verdicts).notApplicable > 0)
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

    @Test func anEqualsRuleSaysHowManyRowsHoldTheValue() throws {
        let rules = try GateRuleFile.parse("version=1\nrule=valid strategy=* metric=valid aggregate=all equals=true\n")
        let verdicts = Gate.evaluate(try table([("a", "64x64", "", "1", "ok"), ("b", "64x64", "", "1", "ok")]),
                                     rules: rules)
        #expect(verdicts[0].rowsEqual == 2)
        #expect(verdicts[0].line.contains("valid=true in 2 of 2 rows"), "\(verdicts[0].line)")
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

    /// A pipeline CSV with (strategy, batch_delay_ms_max, psnr_db, valid) rows at 1080p talking-head.
    func pipelineTable(_ rows: [(String, String, String, String)]) throws -> ResultsTable {
        var lines = [CSVFormat.line(PipelineColumn.header)]
        for (strategy, delay, psnr, valid) in rows {
            let values: [PipelineColumn: String] = [.strategy: strategy, .frameset: "talking-head", .width: "1920",
                                                    .height: "1080", .status: "ok", .batchDelayMsMax: delay,
                                                    .psnrDB: psnr, .valid: valid]
            lines.append(CSVFormat.line(PipelineColumn.allCases.map { values[$0] ?? "" }))
        }
        return try ResultsTable(text: lines.joined(separator: "\n") + "\n")
    }

    let pipelineRules = """
        version=1
        rule=delay csv=pipeline strategy=libav-async size=1920x1080 metric=batch_delay_ms_max aggregate=max max=10
        rule=quality csv=pipeline strategy=libav-async metric=psnr_db min_ref=opencv-mp4v
        """

    @Test func pipelineRulesReadThePipelineTable() throws {
        let rules = try GateRuleFile.parse(pipelineRules)
        #expect(rules.map(\.table) == [.pipeline, .pipeline])
        #expect(rules[1].limit == .atLeastReference("opencv-mp4v"))
        let table = try pipelineTable([("opencv-mp4v", "900", "31.0", "true"), ("libav-async", "2.5", "38.0", "true")])
        let verdicts = Gate.evaluate(GateTables(pipeline: table), rules: rules)
        #expect(Gate.passed(verdicts), "\(verdicts.map(\.line))")
        #expect(verdicts[1].measured == 38.0 && verdicts[1].detail.contains("opencv-mp4v: median(psnr_db)=31"))
    }

    @Test func minRefFailsBelowTheReferenceAndWithoutOne() throws {
        let rules = try GateRuleFile.parse(pipelineRules)
        let worse = try pipelineTable([("opencv-mp4v", "900", "31.0", "true"), ("libav-async", "2.5", "30.9", "true")])
        let verdicts = Gate.evaluate(GateTables(pipeline: worse), rules: rules)
        #expect(verdicts[0].passed && !verdicts[1].passed)
        let alone = try pipelineTable([("libav-async", "2.5", "38.0", "true")])
        let lonely = Gate.evaluate(GateTables(pipeline: alone), rules: rules)[1]
        #expect(!lonely.passed && lonely.detail.contains("no row of the reference strategy opencv-mp4v"))
    }

    @Test func aRuleWhoseTableWasNotGivenFailsSayingWhichCSVItNeeds() throws {
        let rules = try GateRuleFile.parse(pipelineRules + "\n" + "rule=run-p95 strategy=ffmpeg-pipe-async metric=write_ms_p95 max=1")
        let run = try table([("ffmpeg-pipe-async", "1920x1080", "30", "0.4", "ok")])
        let verdicts = Gate.evaluate(run, rules: rules)
        #expect(!verdicts[0].passed && verdicts[0].detail.contains("--pipeline-csv"))
        #expect(verdicts[2].passed)
        let onlyPipeline = Gate.evaluate(GateTables(pipeline: try pipelineTable([])), rules: rules)
        #expect(!onlyPipeline[2].passed && onlyPipeline[2].detail.contains("--csv"))
    }

    @Test(arguments: [
        ("version=1\nrule=x csv=pipeline metric=write_ms_p95 max=1", "not a pipeline CSV column"),
        ("version=1\nrule=x csv=pipeline metric=pipeline_fps pace_fps=30 min=20", "'pace_fps' is neither"),
        ("version=1\nrule=x metric=pipeline_fps min=20", "not a CSV column"),
        ("version=1\nrule=x csv=table metric=fps min=20", "unknown table"),
        ("version=1\nrule=x csv=pipeline metric=psnr_db min=1 min_ref=opencv-mp4v", "exactly one limit"),
    ])
    func pipelineRuleNamesAreCheckedAgainstTheirTable(text: String, message: String) {
        #expect {
            _ = try GateRuleFile.parse(text)
        } throws: { error in
            guard let error = error as? CSVError else { return false }
            return error.line == 2 && error.message.contains(message)
        }
    }

    @Test func theCommittedRulesFileHoldsThePipelineCriteria() throws {
        let rules = try GateRuleFile.load(packageRoot() + "/results/gate-rules.txt").filter { $0.table == .pipeline }
        let metrics = Set(rules.map(\.metric))
        #expect(metrics.isSuperset(of: ["batch_delay_excl_steal_ms_max", "batch_delay_ms_max", "pipeline_fps", "total_s_per_1000_frames", "valid", "psnr_db"]))
        #expect(rules.contains { $0.limit == .atLeastReference("opencv-mp4v") })
        #expect(rules.allSatisfy { $0.filter["frameset"] == ["talking-head"] && $0.filter["size"] == ["1920x1080"] })
    }
}
