@testable import Analysis
import Foundation
import TestSupport

/// Results CSVs crafted for the compare, recommend, report, baseline and plot tests: every column from
/// ``CSVColumn/header``, plausible defaults, and the values a test cares about overridden.
enum ReportFixtures {
    static let environment: [CSVColumn: String] = [
        .timestamp: "2025-01-02T03:04:05Z", .gitRevision: "abc1234", .host: "bench-host",
        .cpuModel: "Test CPU 9000 @ 3.0GHz", .logicalCores: "8", .os: "Linux 6.1.0 (Test OS 1)",
        .libavVersion: "5.1", .ffmpegVersion: "5.1", .opencvVersion: "4.6.0",
    ]

    /// One ok row of `strategy`, repetition `rep`, with `overrides` applied (an empty string empties a column).
    static func row(_ strategy: String, rep: Int = 0, _ overrides: [CSVColumn: String] = [:]) -> [CSVColumn: String] {
        var values = environment
        let defaults: [CSVColumn: String] = [
            .strategy: strategy, .encoder: "libx264", .encoderUsed: "libx264", .preset: "veryfast", .crf: "23",
            .threads: "0", .container: "mp4", .frameset: "camera", .width: "64", .height: "64", .frames: "60",
            .streamFPS: "30", .repeatIndex: "\(rep)", .status: "ok", .openMs: "3.0", .writeMsMean: "0.15",
            .writeMsP50: "0.1", .writeMsP95: "0.2", .writeMsP99: "0.3", .writeMsMax: "0.5", .finishMs: "10",
            .totalS: "0.6", .fps: "100", .bytes: "100000", .valid: "true", .framesDecoded: "60", .psnrDB: "40",
            .ssim: "0.98",
        ]
        values.merge(defaults) { _, new in new }
        values.merge(overrides) { _, new in new }
        if values[.runID] == nil {
            values[.runID] = "\(strategy)-\(values[.width] ?? "")x\(values[.height] ?? "")-\(rep)"
        }
        return values
    }

    /// A row for a strategy that could not run.
    static func unavailable(_ strategy: String, reason: String, _ overrides: [CSVColumn: String] = [:]) -> [CSVColumn: String] {
        var values = environment
        values.merge([.strategy: strategy, .encoder: "libx264", .preset: "veryfast", .crf: "23", .threads: "0",
                      .frameset: "camera", .width: "64", .height: "64", .frames: "60", .streamFPS: "30",
                      .repeatIndex: "0", .status: "unavailable", .reason: reason,
                      .runID: "\(strategy)-unavailable"]) { _, new in new }
        values.merge(overrides) { _, new in new }
        return values
    }

    /// `count` repetitions of `strategy`, repetition i with `fps[i]` (and other overrides).
    static func repetitions(_ strategy: String, fps: [Double], _ overrides: [CSVColumn: String] = [:]) -> [[CSVColumn: String]] {
        fps.enumerated().map { index, value in
            var values = overrides
            values[.fps] = String(value)
            return row(strategy, rep: index, values)
        }
    }

    static func csv(_ rows: [[CSVColumn: String]]) -> String {
        ([CSVFormat.line(CSVColumn.header)] + rows.map { row in CSVFormat.line(CSVColumn.allCases.map { row[$0] ?? "" }) })
            .joined(separator: "\n") + "\n"
    }

    static func table(_ rows: [[CSVColumn: String]]) throws -> ResultsTable {
        try ResultsTable(text: csv(rows))
    }

    /// A fresh empty directory under the temporary directory.
    static func temporaryDirectory(_ label: String) throws -> String {
        try TestTemporaryDirectory.make(label)
    }
}
