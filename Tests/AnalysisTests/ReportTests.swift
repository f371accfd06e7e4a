@testable import Analysis
import Foundation
import Testing

@Suite struct ReportTests {
    func rows() -> [[CSVColumn: String]] {
        ReportFixtures.repetitions("ffmpeg-pipe-async", fps: [300, 310], [.writeMsP99: "0.4"])
            + ReportFixtures.repetitions("ffmpeg-pipe", fps: [200, 190], [.writeMsP99: "3.5", .psnrDB: "44"])
            + ReportFixtures.repetitions(RunConfiguration.encoderCeiling, fps: [400, 410])
            + [ReportFixtures.unavailable("opencv-avc1", reason: "no <avc1> encoder & \"friends\"")]
            + [ReportFixtures.row("libav", [.status: "failed", .reason: "<script>alert(1)</script>", .fps: ""])]
    }

    func document() throws -> ReportDocument {
        let table = try ReportFixtures.table(rows())
        let rules = try GateRuleFile.parse("""
            version=1
            rule=async-p99 strategy=ffmpeg-pipe-async metric=write_ms_p99 max=1.0
            rule=pipe-p99 strategy=ffmpeg-pipe metric=write_ms_p99 max=1.0
            """)
        return try ReportDocument(table: table, source: "fixture.csv",
                                  gate: .verdicts(rulesPath: "rules.txt", Gate.evaluate(table, rules: rules)))
    }

    @Test func markdownContainsEveryRowAndTheGateVerdict() throws {
        let markdown = try document().markdown()
        for row in rows() { #expect(markdown.contains(ReportDocument.markdownText(row[.runID] ?? "?"))) }
        #expect(markdown.contains("FAIL — rules.txt: 1 of 2 applicable rule(s) failed"))
        #expect(markdown.contains("| pipe-p99 | FAIL |"))
        #expect(markdown.contains("| async-p99 | PASS |"))
    }

    @Test func htmlContainsEveryRowAndTheGateVerdict() throws {
        let html = try document().html()
        for row in rows() { #expect(html.contains("<td>\(ReportDocument.escape(row[.runID] ?? "?"))</td>")) }
        #expect(html.contains("FAIL — rules.txt: 1 of 2 applicable rule(s) failed"))
        #expect(html.contains("<td>async-p99</td><td>PASS</td>"))
    }

    @Test func htmlEscapesEveryTextValue() throws {
        let html = try document().html()
        #expect(!html.contains("<script>"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("no &lt;avc1&gt; encoder &amp; &quot;friends&quot;"))
    }

    @Test func tablesRankByMedianFPSWithTheReferenceAndFailuresListed() throws {
        let section = try #require(try document().sections.first)
        #expect(section.ranked.map(\.strategy) == [RunConfiguration.encoderCeiling, "ffmpeg-pipe-async", "ffmpeg-pipe",
                                                   "libav", "opencv-avc1"])
        let cells = ReportDocument.cells(section.ranked[1], rank: 1)
        #expect(cells[0].text == "1")
        #expect(cells[3].text == "305")
        #expect(cells[3].spread == "±1.6%")
        let notRun = try document().notRun.map(\.strategy)
        #expect(notRun == ["opencv-avc1", "libav"])
    }

    @Test func conclusionsNameTheWinners() throws {
        let conclusions = try #require(try document().sections.first).conclusions
        // Two repetitions each and 1.56×: too few to name the faster one.
        #expect(conclusions[0].hasPrefix("Fastest valid writer: fewer than 3 repetitions on a side: no winner can be named "
                                         + "(ffmpeg-pipe-async at 305 fps is 1.56× the median fps of ffmpeg-pipe at 195 fps"))
        #expect(conclusions[0].contains("0.75× the encoder ceiling's median fps (405 fps)"))
        // 3.5 ms against 0.4 ms is more than 2×.
        #expect(conclusions[1].hasPrefix("Lowest caller latency: ffmpeg-pipe-async at 0.4 ms, 0.11× the median write p99 of the runner-up ffmpeg-pipe"))
        #expect(conclusions[2].hasPrefix("Best quality at the 30 fps stream rate: ffmpeg-pipe, PSNR 44 dB"))
        #expect(conclusions[3] == "Meet 1 ms/frame (median write p99 ≤ 1 ms): ffmpeg-pipe-async.")
    }

    func conclusions(_ rows: [[CSVColumn: String]]) throws -> [String] {
        let document = try ReportDocument(table: ReportFixtures.table(rows), source: "x.csv", gate: .unavailable("none"))
        return try #require(document.sections.first).conclusions
    }

    @Test func threeSeparatedRepetitionsEachNameAWinnerWithTheRatioItsOf() throws {
        let lines = try conclusions(ReportFixtures.repetitions("libav-async", fps: [300, 310, 305])
                                    + ReportFixtures.repetitions("libav", fps: [250, 260, 255]))
        #expect(lines[0].hasPrefix("Fastest valid writer: libav-async at 305 fps (median; 300–310 fps over 3 repetitions), "
                                   + "1.20× the median fps of the runner-up libav (255 fps; 250–260 fps over 3 repetitions); "
                                   + "the ranges of their repetitions do not overlap"))
    }

    @Test func aPacedWorkloadNamesNoFastestWriterButWhoKeptThePace() throws {
        let paced: [CSVColumn: String] = [.paceFPS: "30", .lateFrames: "0"]
        let lines = try conclusions(ReportFixtures.repetitions("libav-async", fps: [29.9, 29.8, 29.9], paced)
                                    + ReportFixtures.repetitions("libav", fps: [29.7, 29.6, 29.7], paced)
                                    + ReportFixtures.repetitions("py-pyav", fps: [21, 22, 21.5],
                                                                 [.paceFPS: "30", .lateFrames: "149"]))
        #expect(lines[0] == "Throughput: paced at 30 fps, so fps is set by the pace and no fastest writer is named; "
                + "kept the pace in every repetition: libav-async, libav; fell behind: py-pyav (21.5 fps, 149 late "
                + "frames, median).", "\(lines[0])")
        #expect(!lines.contains { $0.hasPrefix("Fastest valid writer") })
    }

    @Test func autoAndTheStrategyItRanAreOneWriterNotAWinnerAndARunnerUp() throws {
        let lines = try conclusions(
            ReportFixtures.repetitions("auto", fps: [830, 840, 835], [.reason: "auto: using libx264 via libav-async (h264_nvenc unavailable)"])
            + ReportFixtures.repetitions("libav-async", fps: [420, 430, 425])
            + ReportFixtures.repetitions("ffmpeg-pipe", fps: [100, 110, 105]))
        #expect(lines[0].contains("the runner-up ffmpeg-pipe"))
        #expect(lines[0].contains("auto ran libav-async here, so auto at 1.96× libav-async's median fps is run-to-run "
                                  + "variation of one writer"), "\(lines[0])")
    }

    @Test func overlappingRepetitionsAreATieWithinNoiseNotAWinner() throws {
        let lines = try conclusions(ReportFixtures.repetitions("libav-async", fps: [300, 330, 310])
                                    + ReportFixtures.repetitions("libav", fps: [305, 290, 320]))
        #expect(lines[0].hasPrefix("Fastest valid writer: tie within noise between libav-async (median 310 fps; "
                                   + "300–330 fps over 3 repetitions) and libav (median 305 fps; 290–320 fps over 3 repetitions)"))
        #expect(!lines[0].contains("×"))
    }

    @Test func oneRepetitionEachNamesNoWinnerUnlessTheDifferenceIsLarge() throws {
        let close = try conclusions(ReportFixtures.repetitions("auto", fps: [321])
                                    + ReportFixtures.repetitions("libav-async", fps: [300]))
        #expect(close[0].hasPrefix("Fastest valid writer: one repetition each: no winner can be named (auto at 321 fps "
                                   + "is 1.07× the median fps of libav-async at 300 fps"))
        let far = try conclusions(ReportFixtures.repetitions("libav-async", fps: [300])
                                  + ReportFixtures.repetitions("opencv-mp4v", fps: [120]))
        #expect(far[0].hasPrefix("Fastest valid writer: libav-async at 300 fps, 2.50× the median fps of the runner-up opencv-mp4v"))
    }

    @Test func latencyWinnersFollowTheSameRule() throws {
        let lines = try conclusions(ReportFixtures.repetitions("a", fps: [100, 101, 102], [.writeMsP99: "0.3"])
                                    + ReportFixtures.repetitions("b", fps: [200, 201, 202], [.writeMsP99: "0.3"]))
        #expect(lines[1].hasPrefix("Lowest caller latency: tie within noise"), "\(lines[1])")
    }

    @Test func rulesMatchingNoRowAreNotApplicableRatherThanFailures() throws {
        let table = try ReportFixtures.table(rows())
        let rules = try GateRuleFile.parse("""
            version=1
            rule=async-p99 strategy=ffmpeg-pipe-async metric=write_ms_p99 max=1.0
            rule=hd-only strategy=ffmpeg-pipe-async width=1920 height=1080 metric=write_ms_p99 max=1.0
            """)
        let document = try ReportDocument(table: table, source: "x.csv",
                                          gate: .verdicts(rulesPath: "rules.txt", Gate.evaluate(table, rules: rules)))
        #expect(document.gateSummary == "PASS — rules.txt: 1 rule(s) passed; 1 not applicable (matched no row of this CSV)")
        #expect(document.markdown().contains("| hd-only | not applicable | 0 |"))
        #expect(!document.html().contains("verdict fail"))

        let elsewhere = try GateRuleFile.parse("version=1\nrule=hd-only strategy=x width=1920 metric=fps min=1\n")
        let none = try ReportDocument(table: table, source: "x.csv",
                                      gate: .verdicts(rulesPath: "rules.txt", Gate.evaluate(table, rules: elsewhere)))
        #expect(none.gateSummary.hasPrefix("NOT APPLICABLE — rules.txt: no rule matched a row of this CSV"))
        #expect(none.html().contains("class=\"verdict na\""))
    }

    @Test func withoutRulesTheReportSaysThereIsNoVerdict() throws {
        let document = try ReportDocument(table: ReportFixtures.table(rows()), source: "x.csv",
                                          gate: .unavailable("no rules file at results/gate-rules.txt"))
        #expect(document.markdown().contains("no gate verdict: no rules file"))
    }

    @Test func plotsAreEmbeddedInHTMLAndLinkedFromMarkdown() throws {
        var document = try document()
        document.plots = [ReportDocument.Plot(chart: .throughput, reference: "fixture-plots/throughput.png",
                                              png: Data([0x89, 0x50, 0x4e, 0x47]))]
        #expect(document.html().contains("src=\"data:image/png;base64,iVBORw==\""))
        #expect(document.markdown().contains("](fixture-plots/throughput.png)"))
    }
}
