import Analysis
import Foundation
import Testing
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// SIGINT and SIGTERM during `run` and `pipeline`: the completed rows stay, the open writer's encoder is killed and
/// reaped, the temporary outputs go, and the exit status is 128 + the signal.
@Suite struct InterruptTests {
    /// A stand-in for ffmpeg that answers `-version` and copies stdin to its output file (the last argument),
    /// `blockSize` bytes a read (1: slowly, a read call per byte).
    private func installCopyingEncoder(in directory: String, blockSize: Int = 65536) throws -> String {
        let path = directory + "/ffmpeg"
        try writeExecutableScript("""
            #!/bin/sh
            case "$*" in *-version*) echo "ffmpeg version fake-copy"; exit 0;; esac
            for last; do :; done
            exec dd of="$last" bs=\(blockSize) status=none
            """, to: path)
        return path
    }

    /// `run` paced at 20 frames/s, 20 frames a repetition: a row about every second, for 20 s.
    private func slowRun(_ signal: Int32) throws {
        let directory = try makeTemporaryDirectory("interrupt\(signal)")
        let encoder = try installCopyingEncoder(in: directory)
        let csv = directory + "/r.csv"
        let run = try BackgroundRun([
            "run", "--strategy", "ffmpeg-pipe", "--size", "64x64", "--frames", "20", "--pace", "20", "--repeat", "20",
            "--no-warmup", "--no-ceiling", "--no-null", "--no-verify", "--out", csv,
        ], in: directory, environment: ["WRITERBENCH_FFMPEG": encoder])
        #expect(run.wait(seconds: 60) { dataLineCount(csv) >= 1 }, "no row within 60 s: \(run.stderr)")
        // Mid-run: the encoder child of the next repetition is running.
        #expect(run.wait(seconds: 10) { !run.processesWithMarker().isEmpty }, "no encoder child seen")
        run.send(signal)
        let status = run.exitStatus(within: 30)
        #expect(status == 128 + signal, "\(run.stderr)")
        let table = try ResultsTable(contentsOf: csv)
        #expect(!table.rows.isEmpty && table.rows.count < 20)
        #expect(table.rows.allSatisfy { $0["status"] == "ok" }, "only completed runs are rows")
        let samples = try ResultsTable(contentsOf: SamplesFile.path(forResults: csv))
        #expect(samples.rows.count == table.rows.count * 20, "every completed row keeps its samples")
        #expect(run.stderr.contains("completed row"), "\(run.stderr)")
        #expect(run.stderr.contains(csv))
        #expect(run.processesWithMarker().isEmpty, "an encoder child outlived writerbench")
        #expect(run.temporaryLeftovers().isEmpty, "left in TMPDIR: \(run.temporaryLeftovers())")
    }

    @Test func sigintKeepsTheCompletedRowsKillsTheEncoderAndExits130() throws { try slowRun(SIGINT) }

    @Test func sigtermKeepsTheCompletedRowsKillsTheEncoderAndExits143() throws { try slowRun(SIGTERM) }

    /// A write blocked on an encoder that never reads does not keep WriterBench alive: the first SIGINT aborts the
    /// writer (killing the encoder ends the blocked write) and the run ends with 130; should it still be running a
    /// few seconds later, a second SIGINT quits at once. Either way: 130, no encoder, no temporary folder.
    @Test func aStuckEncoderDoesNotKeepSigintFromEndingTheRun() throws {
        let directory = try makeTemporaryDirectory()
        let encoder = directory + "/ffmpeg"
        try writeExecutableScript("""
            #!/bin/sh
            case "$*" in *-version*) echo "ffmpeg version fake-stuck"; exit 0;; esac
            exec sleep 600
            """, to: encoder)
        let csv = directory + "/r.csv"
        let run = try BackgroundRun([
            "run", "--strategy", "ffmpeg-pipe", "--size", "64x64", "--frames", "100000", "--memory-budget-mb", "1",
            "--no-warmup", "--no-ceiling", "--no-null", "--no-verify", "--out", csv,
        ], in: directory, environment: ["WRITERBENCH_FFMPEG": encoder])
        #expect(run.wait(seconds: 60) { !run.processesWithMarker().isEmpty }, "no encoder child seen: \(run.stderr)")
        run.send(SIGINT)
        #expect(run.wait(seconds: 10) { run.stderr.contains("again to quit at once") }, "\(run.stderr)")
        let endedOnFirst = run.wait(seconds: 5) { !run.isAlive }
        if !endedOnFirst { run.send(SIGINT) }
        #expect(run.exitStatus(within: 30) == 130, "\(run.stderr)")
        let said = endedOnFirst ? "interrupted by SIGINT" : "SIGINT again: quitting at once"
        #expect(run.stderr.contains(said), "\(run.stderr)")
        #expect(run.temporaryLeftovers().isEmpty, "left in TMPDIR: \(run.temporaryLeftovers())")
        #expect(run.wait(seconds: 5) { run.processesWithMarker().isEmpty }, "the stuck encoder outlived writerbench")
    }

    @Test func aRunWhoseEncoderDiesLeavesNoTemporaryFolderAndNoChild() throws {
        let directory = try makeTemporaryDirectory()
        let encoder = try FakeEncoder.install(in: directory, bytesBeforeDying: 20_000)
        let run = try BackgroundRun([
            "run", "--strategy", "ffmpeg-pipe", "--size", "64x64", "--frames", "30", "--repeat", "2",
            "--no-ceiling", "--no-null", "--no-verify", "--out", directory + "/r.csv",
        ], in: directory, environment: ["WRITERBENCH_FFMPEG": encoder])
        #expect(run.exitStatus(within: 60) == 1, "\(run.stderr)")
        #expect(try ResultsTable(contentsOf: directory + "/r.csv").rows.allSatisfy { $0["status"] == "failed" })
        #expect(run.processesWithMarker().isEmpty)
        #expect(run.temporaryLeftovers().isEmpty, "left in TMPDIR: \(run.temporaryLeftovers())")
    }

    @Test func pipelineSigtermKeepsTheBaselineRowAndExits143() throws {
        let directory = try makeTemporaryDirectory()
        // Encoders that read a byte at a time: the strategy's run is still going when the signal comes.
        let encoder = try installCopyingEncoder(in: directory, blockSize: 1)
        let csv = directory + "/p.csv"
        let run = try BackgroundRun([
            "pipeline", "--strategy", "ffmpeg-pipe", "--size", "64x64", "--frames", "2000", "--batch", "10",
            "--no-verify", "--out", csv,
        ], in: directory, environment: ["WRITERBENCH_FFMPEG": encoder])
        #expect(run.wait(seconds: 120) { dataLineCount(csv) >= 1 }, "no baseline row: \(run.stderr)")
        #expect(run.wait(seconds: 10) { run.processesWithMarker().count >= 3 }, "no encoder children seen")
        run.send(SIGTERM)
        #expect(run.exitStatus(within: 30) == 143, "\(run.stderr)")
        let table = try ResultsTable(contentsOf: csv)
        #expect(table.rows.map { $0["strategy"] } == ["null"])
        #expect(run.processesWithMarker().isEmpty, "an encoder child outlived writerbench")
        #expect(run.temporaryLeftovers().isEmpty, "left in TMPDIR: \(run.temporaryLeftovers())")
    }
}

/// Two runs writing one results CSV at once keep every row of both, with ids that tell them apart.
@Suite struct SharedResultsFileTests {
    @Test func twoRunsOnOneCSVStartedTogetherKeepEveryRowOfBoth() throws {
        let directory = try makeTemporaryDirectory()
        let encoder = directory + "/ffmpeg"
        try writeExecutableScript("""
            #!/bin/sh
            case "$*" in *-version*) echo "ffmpeg version fake-copy"; exit 0;; esac
            for last; do :; done
            exec dd of="$last" bs=65536 status=none
            """, to: encoder)
        let csv = directory + "/same.csv"
        let arguments = ["run", "--strategy", "ffmpeg-pipe", "--frames", "10", "--size", "64x64", "--repeat", "2",
                         "--no-warmup", "--no-ceiling", "--no-null", "--no-verify", "--out", csv]
        let runs = try (0..<2).map { index -> BackgroundRun in
            let folder = directory + "/run\(index)"
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            return try BackgroundRun(arguments, in: folder, environment: ["WRITERBENCH_FFMPEG": encoder])
        }
        for run in runs { #expect(run.exitStatus(within: 120) == 0, "\(run.stderr)") }
        let table = try ResultsTable(contentsOf: csv)
        #expect(table.rows.count == 4)
        let ids = Set(table.rows.map { $0["run_id"] })
        #expect(ids.count == 4, "run ids are unique across the two processes: \(ids)")
        let samples = try ResultsTable(contentsOf: SamplesFile.path(forResults: csv))
        for id in ids { #expect(samples.rows.filter { $0["run_id"] == id }.count == 10) }
    }
}
