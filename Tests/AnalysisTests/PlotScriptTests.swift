@testable import Analysis
import Foundation
import Testing
import TestSupport

/// Runs scripts/plot.sh on a crafted results CSV (two sizes, an encoder ceiling, an unavailable and a failed row,
/// and a samples file) with the writerbench binary built next to this test bundle (or $WRITERBENCH).
@Suite(.serialized) struct PlotScriptTests {
    static let gnuplot = ["/usr/bin/gnuplot", "/usr/local/bin/gnuplot"].first { FileManager.default.isExecutableFile(atPath: $0) }

    static var writerbench: String {
        if let path = ProcessInfo.processInfo.environment["WRITERBENCH"] { return path }
        return URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("writerbench").path
    }

    func fixture(in directory: String) throws -> String {
        var rows: [[CSVColumn: String]] = []
        for (width, height, scale) in [("64", "64", 1.0), ("128", "96", 0.6)] {
            let size: [CSVColumn: String] = [.width: width, .height: height]
            rows += ReportFixtures.repetitions("ffmpeg-pipe", fps: [200 * scale, 210 * scale], size.merging([.psnrDB: "41"]) { a, _ in a })
            rows += ReportFixtures.repetitions("ffmpeg-pipe-async", fps: [300 * scale, 290 * scale], size)
            rows += ReportFixtures.repetitions(RunConfiguration.encoderCeiling, fps: [400 * scale, 405 * scale], size)
        }
        rows.append(ReportFixtures.unavailable("opencv-avc1", reason: "no avc1 encoder"))
        rows.append(ReportFixtures.row("libav", [.status: "failed", .reason: "encoder said 'no'", .fps: ""]))
        let results = directory + "/fixture.csv"
        try ReportFixtures.csv(rows).write(toFile: results, atomically: true, encoding: .utf8)
        var samples = SamplesFile.header.joined(separator: ",") + "\n"
        for row in rows where row[.status] == "ok" {
            for frame in 0..<50 {
                samples += "\(row[.runID] ?? ""),\(row[.strategy] ?? ""),\(frame),\(0.05 + Double(frame % 17) * 0.03),,\n"
            }
        }
        try samples.write(toFile: SamplesFile.path(forResults: results), atomically: true, encoding: .utf8)
        return results
    }

    func runScript(_ arguments: [String]) throws -> (status: Int32, errors: String) {
        let run = try ProgramRun.run(packageRoot() + "/scripts/plot.sh", arguments,
                                     environment: ["WRITERBENCH": Self.writerbench])
        return (run.status, run.stderr)
    }

    @Test func everyChartIsWrittenAsNonEmptyPNGAndSVG() throws {
        guard Self.gnuplot != nil else {
            print("PlotScriptTests: SKIPPED — gnuplot is not installed (scripts/install-deps.sh installs gnuplot-nox)")
            return
        }
        let directory = try ReportFixtures.temporaryDirectory("plot")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let results = try fixture(in: directory)
        let outcome = try runScript([results, directory + "/plots"])
        #expect(outcome.status == 0, "plot.sh failed: \(outcome.errors)")
        for chart in PlotChart.allCases {
            for ext in ["png", "svg"] {
                let path = PlotFiles.path(chart, in: directory + "/plots", ext: ext)
                let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
                #expect(size > 0, "\(path) is missing or empty")
            }
        }
        let svg = try String(contentsOfFile: PlotFiles.path(.throughput, in: directory + "/plots", ext: "svg"), encoding: .utf8)
        #expect(svg.contains("encoder ceiling (in-memory reference)"))
        #expect(svg.contains("not drawn: 1 strategy unavailable here (opencv-avc1: no avc1 encoder)"))
        let quality = try String(contentsOfFile: PlotFiles.path(.qualitySpeed, in: directory + "/plots", ext: "svg"), encoding: .utf8)
        #expect(quality.contains("Pareto front"))
    }

    @Test func anEmptyOrMalformedCSVFailsWithAMessage() throws {
        guard Self.gnuplot != nil else {
            print("PlotScriptTests: SKIPPED — gnuplot is not installed")
            return
        }
        let directory = try ReportFixtures.temporaryDirectory("plot-bad")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try "".write(toFile: directory + "/empty.csv", atomically: true, encoding: .utf8)
        let empty = try runScript([directory + "/empty.csv"])
        #expect(empty.status == 1)
        #expect(empty.errors.contains("the file is empty"))
        try "strategy,status\n\"unterminated,ok\n".write(toFile: directory + "/bad.csv", atomically: true, encoding: .utf8)
        let malformed = try runScript([directory + "/bad.csv"])
        #expect(malformed.status == 1)
        #expect(malformed.errors.contains("bad.csv: line 2"))
        let missing = try runScript([directory + "/nothing.csv"])
        #expect(missing.status == 1)
        #expect(missing.errors.contains("no such file"))
    }

    @Test func plotDataNeverDrawsUnavailableRowsAsZero() throws {
        let table = try ReportFixtures.table(ReportFixtures.repetitions("libav", fps: [100])
                                             + [ReportFixtures.unavailable("opencv-avc1", reason: "no encoder")])
        let data = PlotData(chart: .throughput, aggregates: try RowAggregate.group(table), samples: nil)
        #expect(!data.dataText.contains("opencv-avc1"))
        #expect(data.captionText.contains("not drawn: 1 strategy unavailable here (opencv-avc1: no encoder); see `writerbench probe`"))
    }
}
