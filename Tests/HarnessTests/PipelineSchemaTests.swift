@testable import Analysis
import FaceMirror
import Foundation
@testable import Harness
import Testing
import TestSupport
import Strategies
import Verification

/// The pipeline CSV's columns and their documentation stay in step.
@Suite struct PipelineSchemaTests {
    @Test func headerIsExactlyTheDocumentedPipelineColumnsInOrder() throws {
        let readme = try String(contentsOfFile: packageRoot() + "/results/README.md", encoding: .utf8)
        let section = readme.components(separatedBy: "## Pipeline CSV").dropFirst().first?
            .components(separatedBy: "\n## ").first ?? ""
        let documented = section.split(separator: "\n").filter { $0.hasPrefix("| `") }.flatMap { line -> [String] in
            let firstCell = line.split(separator: "|", omittingEmptySubsequences: true).first ?? ""
            return firstCell.split(separator: ",").map {
                $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "`"))
            }
        }
        #expect(documented == PipelineColumn.header)
    }

    /// A record with every field filled, so every column renders text (not a consistent run: it pins formatting).
    static func fullyMeasuredRecord() -> PipelineRecord {
        var p = PipelineRecord(environment: EnvironmentFingerprint(
            timestamp: "2026-11-25T12:00:00Z", gitRevision: "abc1234", host: "ci, the \"box\"", cpuModel: "Test CPU",
            logicalCores: 2, os: "Linux", libavVersion: "5.1", ffmpegVersion: "5.1", opencvVersion: "4.6.0"))
        p.runID = "p-1"; p.strategy = "libav-async"; p.encoder = "libx264"; p.queue = "8"; p.frameset = "talking-head"
        p.width = 640; p.height = 360; p.frames = 40; p.ringSize = 10; p.streamFPS = 30; p.midline = 320
        p.batchSize = 10; p.batches = 4; p.status = .ok; p.failedOutput = .left; p.reason = "left failed"
        p.processingMsPerFrame = 1.23456; p.batchDelays = Distribution([1.1, 2.2, 3.3, 9.9]); p.finishMs = 12.3456
        p.totalS = 1.23456; p.nullWriterFPS = 99.876; p.poolCopies = 3; p.peakRSSMB = 77.77
        p.cpu = CPUTimes(selfUser: 0.1111, selfSystem: 0.0222, childrenUser: 1.23456, childrenSystem: 0.0005)
        for (i, output) in PipelineOutput.allCases.enumerated() {
            var result = PipelineOutputResult(path: "/tmp/\(output.rawValue).mp4")
            result.framesHanded = 40
            result.write = Distribution([0.1 * Double(i + 1), 0.2, 0.35, 1.5])
            result.report = WriterReport(
                bytesWritten: Int64(1000 + i), encoderUsed: i == 2 ? "mpeg4" : "libx264", framesWritten: 40,
                queue: QueueStatistics(blockedSeconds: 0.001 * Double(i), blockedWrites: i, highWaterFrames: 3,
                                       highWaterBytes: 100))
            result.verification = VerificationSummary(
                valid: i != 1, invalidReason: i == 1 ? "short" : "", framesDecoded: 40,
                psnrMean: 40 + Double(i) * 1.11111, psnrMin: 30, psnrLumaMean: 41, ssimMean: 0.9, ssimMin: 0.8,
                colorMatrix: "bt709", colorPrimaries: "bt709", colorTransfer: "bt709", colorRange: "tv",
                decodedAs: "bt709/tv", verifySeconds: 0.1 * Double(i + 1))
            p.outputs[output] = result
        }
        return p
    }

    @Test func aFullyMeasuredRowKeepsItsExactText() {
        // Captured before the column catalogue replaced PipelineRecord's per-column switch: byte-identical CSV.
        // The four fingerprint columns after `logical_cores` were added later (same machine ID as the run CSV), and
        // the empty `hand_off` column after `process_threads_max`, and the hand-off accounts after it (without traces
        // only `batch_delay_excl_steal_ms_max`, which is then the raw maximum).
        let expected = #"2026-11-25T12:00:00Z,abc1234,"ci, the ""box""",Test CPU,2,Linux,5.1,5.1,4.6.0,p-1,libav-async,libx264,libx264,"#
            + "libx264,mpeg4,8,talking-head,,640,360,40,10,30,320,10,4,ok,left,left failed,32.40,99.88,67.6,1.235,3,"
            + "2.750,9.900,3.000,,32.40,,,,,,,,,,,,,,,9.900,,,,,,,0.2750,1.3275,1.4655,1.5000,0.2750,1.3275,1.4655,1.5000,0.3250,1.3275,1.4655,1.5000,"
            + "12.346,1.2346,30.864,0.111,0.022,1.235,0.001,77.8,1000,1001,1002,false,true,false,true,left: short,"
            + "40.000,40.000,41.111,42.222,0.600"
        let record = Self.fullyMeasuredRecord()
        #expect(CSVFormat.line(record.csvFields) == expected)
        let empty = #"2026-11-25T12:00:00Z,abc1234,"ci, the ""box""",Test CPU,2,Linux,5.1,5.1,4.6.0,,,,,,,,,,0,0,0,,0,0,0,0,ok"#
            + String(repeating: ",", count: 66)
        #expect(CSVFormat.line(PipelineRecord(environment: record.environment).csvFields) == empty)
    }

    @Test func aPipelineRowNamesItsMachineAsTheRunCSVDoes() throws {
        let record = Self.fullyMeasuredRecord()
        let text = CSVFormat.line(PipelineColumn.header) + "\n" + CSVFormat.line(record.csvFields) + "\n"
        let row = try #require(try ResultsTable(text: text).rows.first)
        #expect(row["os"] == record.environment.os)
        #expect(row.machineID == record.environment.machineID)
    }

    @Test func aPipelineCSVWrittenBeforeTheFingerprintColumnsIsStillRead() throws {
        // The 2026-11-26 pipeline CSV has no `os` … `opencv_version` columns; it is read by column name.
        let old = try ResultsTable(contentsOf: packageRoot() + "/results/reports/2026-11-26/pipeline-1080p.csv")
        #expect(!old.header.contains("os"))
        #expect(old.rows.allSatisfy { !$0["pipeline_fps"].isEmpty || $0["status"] != "ok" })
        #expect(ResultsCSVKind(header: old.header) == .pipeline)
    }

    /// ``fullyMeasuredRecord()`` plus the batch-boundary, warm-up and ceiling measurements added after its exact
    /// text was captured, so that every column has a value.
    static func everyColumnMeasuredRecord() -> PipelineRecord {
        var p = fullyMeasuredRecord()
        p.batchTraces = (0..<4).map { batch in
            PipelineBatchTrace(delayMs: 1.5 * Double(batch + 1), queuedAtBoundary: [.right: batch, .left: 0, .debug: 1],
                               handOffMs: [.right: 0.5, .left: 0.25, .debug: Double(batch)], processingMs: 100,
                               processingCPUMs: 90,
                               account: HandOffAccount(delayMs: 1.5 * Double(batch + 1), cpuMs: 0.3, runQueueMs: 0.1,
                                                       sleeps: batch % 2, preemptions: 0))
        }
        p.hostStealPercent = 1.25
        p.processThreadsMax = 17; p.poolWarmupMs = 250; p.openMs = 30; p.processingCPUMs = 360
        p.handOffLevers = ["hold-wake-ups", "realtime"]
        p.nullWriterSteadyFPS = 120.5
        p.ceiling = PipelineCeiling(processingCPUMs: 9, encodeCPUMs: [.right: 12, .left: 12, .debug: 6], cores: 2)
        return p
    }

    @Test func everyColumnReadsTheKindOfValueItsFormatWrites() {
        let record = Self.everyColumnMeasuredRecord()
        for column in PipelineColumn.allCases {
            let value = PipelineRecord.reader(column).read(record)
            let fits = switch (value, column.about.format) {
            case (.text?, .text), (.flag?, .text), (.integer?, .integer), (.number?, .decimal), (.number?, .shortest): true
            default: false
            }
            #expect(fits, "column \(column.rawValue): \(String(describing: value))")
        }
    }

    @Test func everyPerOutputColumnExistsForAllThreeOutputs() {
        for column in PipelineColumn.allCases where column.rawValue.hasSuffix("_right") {
            for output in PipelineOutput.allCases {
                #expect(PipelineColumn.perOutput(column, output).rawValue.hasSuffix("_" + output.rawValue))
            }
        }
    }
}
