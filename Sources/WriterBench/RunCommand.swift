import Analysis
import AnalysisCommands
import ArgumentParser
import Foundation
import Harness
import Strategies

/// `writerbench run`: measures strategies on frame sets and writes a results CSV.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Measure strategies and write one CSV row per run.",
        discussion: "Here: 0 when every strategy ran (with valid output) or was unavailable; 1 when one failed or wrote "
            + "invalid output; 2 --compare-to found a regression.\n\n" + ExitStatus.table)

    @OptionGroup var selection: StrategySelection

    @OptionGroup var frameOptions: FrameOptions
    @OptionGroup var encoderOptions: EncoderOptions
    @OptionGroup var stallTimeout: StallTimeoutOption
    @OptionGroup var externalOptions: ExternalStrategyOptions

    @Option(help: "max (offer frames as fast as the writer takes them) or a rate in frames/s.")
    var pace = Pace.max

    @Option(name: .customLong("repeat"), parsing: .unconditional, help: "Recorded repetitions of each configuration.")
    var repetitions = 1

    @Flag(help: "Skip the unrecorded warm-up run before each strategy × frame set × size.")
    var noWarmup = false

    @Option(help: "Results CSV, appended to when it exists (default: results/<timestamp>-<pid>.csv).")
    var out: String?

    @Option(help: "Keep output videos in this directory (default: a temporary directory, deleted afterwards).")
    var keepOutputs: String?

    @Flag(help: "Skip the encoder-ceiling reference rows (and leave ceiling_ratio empty).")
    var noCeiling = false

    @Flag(help: "Skip the null reference row (a writer that discards frames: the harness's own cost per write).")
    var noNull = false

    @Option(name: .customLong("debug-write-delay-us"),
            help: ArgumentHelp("Debugging: add this many microseconds to every write, to show that compare and the gate catch a slowdown.", visibility: .hidden))
    var debugWriteDelayMicroseconds: UInt32 = 0

    @Flag(help: "Skip verifying outputs (validity and quality columns stay empty).")
    var noVerify = false

    @Option(name: .customLong("verify-stride"), parsing: .unconditional, help: "Measure quality on every k-th frame (validity is always checked on all).")
    var verifyStride = 1

    @Option(parsing: .unconditional, help: "Memory budget for pre-generated frames, MiB; beyond it a ring of frames is cycled.")
    var memoryBudgetMb = FrameRing.defaultBudgetBytes >> 20

    @OptionGroup var history: HistoryRecordingOptions

    @Option(help: "After the run, compare with this baseline of this machine (`writerbench baseline save`); exit 2 on a regression.")
    var compareTo: String?

    @Flag(help: "Print the summary as a JSON array (one object per run, keyed by CSV column) instead of the table.")
    var json = false

    func validate() throws {
        guard repetitions >= 1 else { throw ValidationError("--repeat must be at least 1") }
        guard verifyStride >= 1 else { throw ValidationError("--verify-stride must be at least 1") }
        guard memoryBudgetMb >= 1 else { throw ValidationError("--memory-budget-mb must be at least 1") }
        if let compareTo { do { try BaselineStore.validate(name: compareTo) } catch { throw ValidationError("--compare-to: \(error)") } }
    }

    func run() throws {
        let options = try externalOptions.adding(to: encoderOptions.strategyOptions)
        let strategies = try selection.strategies(from: StrategyRegistry.all(options))
        let environment = EnvironmentFingerprint.current()
        let csvPath = out ?? ResultsFileName.stamped(timestamp: environment.timestamp)
        let outputDirectory = keepOutputs ?? NSTemporaryDirectory() + "writerbench-\(ProcessInfo.processInfo.processIdentifier)"
        let temporaryOutputs = keepOutputs == nil ? outputDirectory : nil
        let signals = InterruptSignals { if let temporaryOutputs { try? FileManager.default.removeItem(atPath: temporaryOutputs) } }
        defer { signals.stop() }

        var plan = RunPlan(strategies: strategies, outputDirectory: outputDirectory)
        plan.frameSets = frameOptions.frameSets
        plan.sizes = frameOptions.sizes
        plan.frames = frameOptions.frames
        plan.frameRate = frameOptions.fps
        plan.pace = pace
        plan.repetitions = repetitions
        plan.warmUp = !noWarmup
        plan.ceiling = !noCeiling
        plan.nullBaseline = !noNull
        plan.debugWriteDelayMicroseconds = debugWriteDelayMicroseconds
        plan.memoryBudgetBytes = memoryBudgetMb << 20
        plan.stallTimeout = stallTimeout.duration

        // The console names the encoder `auto` will use, and why (the CSV's reason column keeps the same words).
        for case let auto as AutoStrategy in strategies { printError(auto.plan().summary) }

        let results = try CSVFileWriter(path: csvPath, header: CSVColumn.header)
        let samples = try CSVFileWriter(path: SamplesFile.path(forResults: csvPath), header: SamplesFile.header)
        let progressLine = ProgressLine()
        var writeError: (any Error)?
        let runner = BenchmarkRunner(plan: plan, environment: environment,
                                     verifier: noVerify ? nil : RunVerifier(qualityStride: verifyStride),
                                     interruption: signals.interruption) { event in
            progressLine.show(event)
            if case .finished(let record) = event {
                do {
                    try results.append(record.csvFields)
                    try samples.appendLines(SamplesFile.lines(for: record))
                } catch { writeError = error }
            }
        }
        let records = runner.run()
        progressLine.clear()
        if keepOutputs == nil { try? FileManager.default.removeItem(atPath: outputDirectory) }
        if let writeError { throw writeError }
        if let status = signals.exitStatus {
            signals.reportKept(rows: records.count, in: [csvPath, samples.path])
            throw ExitCode(status)
        }

        if json { print(RunSummary.json(records)) } else { print(RunSummary.text(records)) }
        // With --json, stdout holds only the JSON; the paths, the history line and the baseline check go to stderr.
        let say: (String) -> Void = { [json] text in if json { printError(text) } else { print(text) } }
        say("\nresults: \(csvPath)\nsamples: \(samples.path)")
        history.record(csvPath: csvPath, say: say)
        let baselineCheck = compareTo.map { BaselineCheck(resultsPath: csvPath, baseline: $0) }
        if let baselineCheck { say("\n" + baselineCheck.text) }
        if records.contains(where: { $0.status == .failed || $0.verification?.valid == false }) {
            throw ExitCode(1)
        }
        if baselineCheck?.exitStatus == 2 { throw ExitCode(2) }
    }
}
