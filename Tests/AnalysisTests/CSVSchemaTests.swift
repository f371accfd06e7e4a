@testable import Analysis
import Foundation
import Testing
import TestSupport

@Suite struct CSVSchemaTests {
    static let environment = EnvironmentFingerprint(
        timestamp: "2026-11-25T12:00:00Z", gitRevision: "abc1234", host: "ci, the \"box\"", cpuModel: "Test CPU",
        logicalCores: 2, os: "Linux", libavVersion: "5.1", ffmpegVersion: "5.1", opencvVersion: "4.6.0")

    static func sampleRecord() -> RunRecord {
        var record = RunRecord(environment: environment)
        record.runID = "20261125120000-1"
        record.strategy = "ffmpeg-pipe"
        record.encoder = "libx264"
        record.encoderUsed = "libx264"
        record.preset = "ultrafast"
        record.crf = 18
        record.threads = 0
        record.container = "mp4"
        record.frameset = "camera"
        record.width = 1280
        record.height = 720
        record.frames = 4
        record.ringSize = 4
        record.streamFPS = 30
        record.pace = .fixed(fps: 30)
        record.openMs = 12.5
        record.write = Distribution([0.5, 1.0, 1.5, 2.0])
        record.finishMs = 40
        record.totalS = 0.2
        record.fps = 20
        record.bytes = 120_000
        record.reason = "note with, a comma"
        return record
    }

    @Test func headerIsExactlyTheDocumentedColumnsInOrder() throws {
        let readme = try String(contentsOfFile: packageRoot() + "/results/README.md", encoding: .utf8)
        let section = readme.components(separatedBy: "## Columns").dropFirst().first?
            .components(separatedBy: "\n## ").first ?? ""
        let tableLines = section.split(separator: "\n").filter { $0.hasPrefix("| `") }
        let documented = tableLines.flatMap { line -> [String] in
            let firstCell = line.split(separator: "|", omittingEmptySubsequences: true).first ?? ""
            return firstCell.split(separator: ",").map {
                $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "`"))
            }
        }
        #expect(documented == CSVColumn.header)
    }

    @Test func headerStartsWithTheColumnsTheFoundationPromised() {
        let required = ["timestamp", "git_revision", "host", "cpu_model", "logical_cores", "os", "libav_version",
                        "ffmpeg_version", "opencv_version", "strategy", "encoder", "preset", "crf", "container",
                        "frameset", "width", "height", "frames", "ring_size", "pace_fps", "repeat", "status", "reason",
                        "open_ms", "write_ms_mean", "write_ms_p50", "write_ms_p95", "write_ms_p99", "write_ms_max",
                        "finish_ms", "total_s", "fps", "cpu_user_s", "cpu_sys_s", "peak_rss_mb", "bytes",
                        "bitrate_kbps", "valid", "frames_decoded", "psnr_db", "ssim"]
        let header = CSVColumn.header
        #expect(required.allSatisfy(header.contains))
        let positions = required.compactMap { header.firstIndex(of: $0) }
        #expect(positions == positions.sorted())
    }

    @Test func aRowRoundTripsThroughTheCSVReader() throws {
        let record = Self.sampleRecord()
        let text = CSVFormat.line(CSVColumn.header) + "\n" + CSVFormat.line(record.csvFields) + "\n"
        let table = try ResultsTable(text: text)
        #expect(table.header == CSVColumn.header)
        let row = try #require(table.rows.first)
        for column in CSVColumn.allCases {
            #expect(row[column] == record.field(column), "column \(column.rawValue)")
        }
        #expect(row["host"] == "ci, the \"box\"")
        #expect(row["write_ms_p50"] == "1.2500")
        #expect(row["pace_fps"] == "30")
        #expect(row["bitrate_kbps"] == "7200.0")
    }

    @Test func unmeasuredColumnsAreEmptyNeverInvented() {
        var record = RunRecord(environment: Self.environment)
        record.strategy = "opencv-avc1"
        record.status = .unavailable
        record.reason = "no encoder"
        for column in [CSVColumn.openMs, .writeMsP95, .fps, .bytes, .valid, .psnrDB, .ssim, .paceFPS] {
            #expect(record.field(column).isEmpty, "column \(column.rawValue)")
        }
        record.openMs = .nan
        #expect(record.field(.openMs).isEmpty)
    }

    @Test(arguments: [
        ("a,b\n\"x,y\n", "never closed"),
        ("a,b\n1,2,3\n", "has 3 fields, the header has 2"),
        ("a,b\n1\"2,3\n", "stray quote"),
        ("", "the file is empty"),
    ])
    func malformedCSVNamesTheLineAndProblem(text: String, message: String) {
        #expect {
            _ = try ResultsTable(text: text)
        } throws: { error in
            (error as? CSVError)?.message.contains(message) == true
        }
    }
}
