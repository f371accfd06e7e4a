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

    /// A record with every field filled, so every column renders text (not a consistent run: it pins formatting).
    static func fullyMeasuredRecord() -> RunRecord {
        var r = RunRecord(environment: environment)
        r.runID = "r-1"; r.strategy = "libav-async"; r.encoder = "libx264"; r.encoderUsed = "libx264"
        r.preset = "veryfast"; r.crf = 23; r.threads = 2; r.container = "mp4"; r.colorPolicy = "bt709/tv"
        r.queue = "8"; r.frameset = "noise"; r.width = 640; r.height = 360; r.frames = 5; r.ringSize = 3
        r.streamFPS = 25; r.pace = .fixed(fps: 24); r.repeatIndex = 2; r.status = .ok; r.reason = "pipe \"64k\""
        r.openMs = 1.23456; r.write = Distribution([0.1, 0.25, 3.333, 0.4, 0.05]); r.finishMs = 9.87654
        r.totalS = 0.123456; r.fps = 40.4567; r.lateFrames = 1; r.latenessMsMax = 2.5555; r.ceilingRatio = 0.87654
        r.peerVersion = "av 18.1.0"; r.pipeWrite = Distribution([0.01, 0.02, 0.03, 0.04, 0.05])
        r.queueBlockedMs = 0.1234; r.queueBlockedWrites = 2; r.queueHighWaterFrames = 4; r.queueHighWaterMB = 2.6367
        r.cpu = CPUTimes(selfUser: 0.1111, selfSystem: 0.0222, childrenUser: 1.23456, childrenSystem: 0.0005)
        r.peakRSSMB = 123.456; r.bytes = 98765
        r.verification = VerificationSummary(
            valid: false, invalidReason: "frames 4, expected 5", framesDecoded: 4, psnrMean: 41.23456, psnrMin: 38.1,
            psnrLumaMean: 44.44444, ssimMean: 0.987654, ssimMin: 0.9512345, colorMatrix: "bt709",
            colorPrimaries: "bt709", colorTransfer: "bt709", colorRange: "tv", decodedAs: "bt709/tv",
            verifySeconds: 0.45678)
        return r
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

    @Test func aFullyMeasuredRowKeepsItsExactText() {
        // Captured before the column catalogue replaced RunRecord's per-column switch: the CSV stays byte-identical
        // (plus the columns added since at the ends of their groups: peer_version, write_timed_by, pipe_write_ms_*,
        // cpu_ms_per_frame, ceiling_cpu_ms_per_frame, ceiling_cpu_ratio).
        let expected = #"2026-11-25T12:00:00Z,abc1234,"ci, the ""box""",Test CPU,2,Linux,5.1,5.1,4.6.0,r-1,libav-async,"#
            + #"libx264,libx264,veryfast,23,2,mp4,bt709/tv,8,noise,640,360,5,3,25,24,2,av 18.1.0,ok,"pipe ""64k""",1.235,0.8266,"#
            + #"0.2500,2.7464,3.2157,3.3330,9.877,0.1235,40.46,1,2.555,0.877,writer,0.0300,0.0480,0.0496,0.0500,"#
            + #"0.123,2,4,2.6,0.111,0.022,1.235,0.001,"#
            + #"123.5,98765,3950.6,273.672,,,false,"frames 4, expected 5",4,41.235,38.100,44.444,0.98765,0.95123,bt709,bt709,"#
            + #"bt709,tv,0.457,bt709/tv"#
        #expect(CSVFormat.line(Self.fullyMeasuredRecord().csvFields) == expected)
        let empty = #"2026-11-25T12:00:00Z,abc1234,"ci, the ""box""",Test CPU,2,Linux,5.1,5.1,4.6.0,,,,,,,,,,,,0,0,0,,0,,0,,"#
            + "ok" + String(repeating: ",", count: 46)
        #expect(CSVFormat.line(RunRecord(environment: Self.environment).csvFields) == empty)
    }

    @Test func aFractionalPaceIsWrittenAsGivenAndAWholeOneWithoutAPoint() {
        var record = RunRecord(environment: Self.environment)
        record.pace = .fixed(fps: 29.97)
        #expect(record.field(.paceFPS) == "29.97")
        record.pace = .fixed(fps: 30)
        #expect(record.field(.paceFPS) == "30")
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
