@testable import Analysis
import Foundation
import Testing

/// `writerbench export --format bmf`: the JSON shape Bencher's json adapter reads, pinned by decoding it back.
@Suite struct BencherMetricFormatTests {
    /// BMF as Bencher documents it: benchmark name → measure name → value with optional lower and upper values.
    struct Measure: Decodable, Equatable {
        var value: Double
        var lower_value: Double?
        var upper_value: Double?
    }

    static let table: ResultsTable = {
        var rows = ReportFixtures.repetitions("libav", fps: [100, 104, 98], [.writeMsP95: "0.2"])
        rows += ReportFixtures.repetitions("ffmpeg-pipe", fps: [50], [.preset: "ultrafast"])
        rows.append(ReportFixtures.unavailable("hw-h264-nvenc-pipe", reason: "no GPU"))
        rows.append(ReportFixtures.row("opencv-mp4v", [.valid: "false", .invalidReason: "short", .runID: "bad"]))
        return try! ReportFixtures.table(rows)
    }()

    @Test func theJSONDecodesAsBenchmarksOfMeasuresWithMedianAndRange() throws {
        let document = try BencherMetricFormat(table: Self.table, metrics: ["fps", "write_ms_p95"])
        let decoded = try JSONDecoder().decode([String: [String: Measure]].self, from: Data(document.json.utf8))
        let libavName = try #require(decoded.keys.first { $0.hasPrefix("libav · ") })
        #expect(decoded[libavName]?["fps"] == Measure(value: 100, lower_value: 98, upper_value: 104))
        #expect(decoded[libavName]?["write_ms_p95"] == Measure(value: 0.2, lower_value: 0.2, upper_value: 0.2))
        // One repetition: a value without a range.
        let pipe = try #require(decoded.first { $0.key.hasPrefix("ffmpeg-pipe · ") }?.value)
        #expect(pipe["fps"] == Measure(value: 50, lower_value: nil, upper_value: nil))
        // Unavailable and invalid configurations measured nothing that can be tracked.
        #expect(decoded.count == 2)
    }

    @Test func benchmarkNamesComeFromTheConfigurationOnlySoTheyAreStableAndUnique() throws {
        let first = try BencherMetricFormat(table: Self.table)
        var moved = Self.table.rows.map(\.fields)
        for index in moved.indices {
            moved[index]["run_id"] = "other-\(index)"
            moved[index]["timestamp"] = "2027-01-01T00:00:00Z"
            moved[index]["git_revision"] = "fff0000"
        }
        let text = ([CSVFormat.line(Self.table.header)] + moved.map { row in CSVFormat.line(Self.table.header.map { row[$0] ?? "" }) })
            .joined(separator: "\n")
        let second = try BencherMetricFormat(table: try ResultsTable(text: text))
        #expect(Set(first.benchmarks.keys) == Set(second.benchmarks.keys))
        #expect(first.benchmarks.keys.contains("libav · camera 64x64 · libx264 preset veryfast crf 23 threads auto · pace max · 60 frames"))
        #expect(first.json == second.json)
    }

    @Test func aMergedFileIsExportedOneMachineAtATime() throws {
        var rows = ReportFixtures.repetitions("libav", fps: [100])
        rows += ReportFixtures.repetitions("libav", fps: [50], [.cpuModel: "Other CPU", .runID: "other"])
        let table = try ReportFixtures.table(rows)
        #expect(throws: BencherMetricFormat.Failure.self) { try BencherMetricFormat(table: table) }
        let other = EnvironmentFingerprint.machineID(cpuModel: "Other CPU", logicalCores: "8", os: "Linux 6.1.0 (Test OS 1)")
        let document = try BencherMetricFormat(table: table, metrics: ["fps"], machine: other)
        #expect(document.benchmarks.values.map { $0["fps"]?.value } == [50])
    }

    @Test func aColumnThatIsNotMeasuredIsRefused() {
        #expect(throws: BencherMetricFormat.Failure.unknownMetric("strategy", kind: .run)) {
            try BencherMetricFormat(table: Self.table, metrics: ["strategy"])
        }
    }

    @Test func pipelineRowsExportTheirOwnMetrics() throws {
        let header = PipelineColumn.header
        var values = Dictionary(uniqueKeysWithValues: header.map { ($0, "") })
        values.merge(["run_id": "p1", "strategy": "libav-async", "encoder": "libx264", "frameset": "talking-head",
                      "width": "1920", "height": "1080", "frames": "1000", "batch_size": "8", "status": "ok",
                      "pipeline_fps": "31.5", "cpu_model": "CPU", "logical_cores": "2", "os": "Linux"]) { $1 }
        let text = CSVFormat.line(header) + "\n" + CSVFormat.line(header.map { values[$0] ?? "" }) + "\n"
        let document = try BencherMetricFormat(table: try ResultsTable(text: text))
        #expect(document.benchmarks == ["pipeline · libav-async · talking-head · 1920x1080 · libx264 · 1000 frames · batch 8":
                                            ["pipeline_fps": .init(value: 31.5)]])
    }
}
