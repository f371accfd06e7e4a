import Analysis
import AnalysisCommands
import ArgumentParser
import FaceMirror
import Foundation
import Harness
import Strategies

/// `writerbench pipeline`: the face-mirror pipeline under each strategy's writers, against a null-writer baseline,
/// judged by the original success criteria.
struct PipelineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pipeline",
        abstract: "Run the face-mirror pipeline (three outputs, batches) with each strategy and a null-writer baseline.",
        discussion: """
            Per frame: split the face at the midline, build the right-mirrored, left-mirrored and debug frames, \
            and hand each to its own writer of the strategy (three encoders at once), a batch at a time. \
            The CSV columns are documented in results/README.md ("Pipeline CSV").

            Here: 0 when every strategy ran with valid outputs or was unavailable; 1 when one failed.
            """ + "\n\n" + ExitStatus.table)

    @OptionGroup var selection: StrategySelection

    /// The face the pipeline was designed for, at the camera's size.
    enum FrameDefaults: FrameSourceDefaults {
        static var frameSet: FrameSet { .talkingHead }
        static var size: FrameSize { FrameSize(width: 1920, height: 1080) }
    }

    /// The source frame set and its size (both ignored with --input).
    @OptionGroup var frameSource: FrameSourceOptions<FrameDefaults>

    @Option(parsing: .unconditional, help: "Frames to process (default: 1000 of a frame set; every frame of --input).")
    var frames: Int?

    @Option(help: "Source video file, decoded in-process with libav, instead of a frame set (--frameset and --size are then ignored).")
    var input: String?

    @Option(parsing: .unconditional, help: "Stream frame rate of the outputs, whole frames/s (default: --input's rate rounded, else 30).",
            transform: WholeFrameRate.parse)
    var fps: Int?

    @Option(parsing: .unconditional, help: "Midline column (default: width / 2, where the frame sets centre the face).")
    var midline: Int?

    @Option(name: .customLong("batch"), parsing: .unconditional, help: "Frames processed before they are handed to the writers.")
    var batchSize = 100

    @OptionGroup var encoderOptions: EncoderOptions
    @OptionGroup var stallTimeout: StallTimeoutOption
    @OptionGroup var externalOptions: ExternalStrategyOptions

    @Option(help: "Pipeline CSV, appended to when it exists (default: results/pipeline-<timestamp>-<pid>.csv).")
    var out: String?

    @Option(help: "Keep the output videos in this directory (default: a temporary directory, deleted afterwards).")
    var keepOutputs: String?

    @OptionGroup var history: HistoryRecordingOptions

    @Flag(help: "Skip verifying outputs (validity and PSNR columns stay empty).")
    var noVerify = false

    @Option(name: .customLong("producer-nice"), parsing: .unconditional,
            help: "Nice steps the processing thread gives up while queueing writers encode (0: none).")
    var producerNice = PipelinePlan.defaultProducerNice

    @Flag(help: "Hold back the writer threads' wake-ups during a batch hand-off and wake them once after it.")
    var holdWakeUps = false

    @Flag(help: "Run each hand-off to a queueing writer at real-time priority (SCHED_FIFO 1), so encoder threads cannot preempt it; needs root or ulimit -r >= 1.")
    var realtimeHandOff = false

    @Flag(help: "Skip the null-writer baseline (null_writer_fps and writer_overhead_pct stay empty; the ceiling takes the row's own processing CPU).")
    var noBaseline = false

    @Flag(help: "Skip measuring the pipeline's ceiling (pipeline_ceiling_fps stays empty).")
    var noCeiling = false

    @Option(name: .customLong("verify-stride"), parsing: .unconditional, help: "Measure PSNR on every k-th frame (validity always decodes all).")
    var verifyStride = 10

    func validate() throws {
        let size = frameSource.size
        if let frames, frames < 1 { throw ValidationError("--frames must be at least 1") }
        if let fps, !(1...1000).contains(fps) { throw ValidationError("--fps must be between 1 and 1000") }
        guard batchSize >= 1 else { throw ValidationError("--batch must be at least 1") }
        guard verifyStride >= 1 else { throw ValidationError("--verify-stride must be at least 1") }
        guard (0...19).contains(producerNice) else { throw ValidationError("--producer-nice must be between 0 and 19") }
        if realtimeHandOff, let refusal = PipelinePlan.realtimeHandOffRefusal {
            throw ValidationError("--realtime-hand-off needs root (CAP_SYS_NICE) or a real-time priority limit of at least 1 (ulimit -r 1); the system said: \(refusal)")
        }
        if let midline, input == nil, !(1..<size.width).contains(midline) {
            throw ValidationError("--midline must be inside the frame, 1…\(size.width - 1)")
        }
        if let input, !FileManager.default.fileExists(atPath: input) {
            throw ValidationError("--input '\(input)' does not exist")
        }
    }

    func run() throws {
        let source: PipelineSource
        if let input {
            do { source = try PipelineSource.video(path: input, frames: frames) } catch {
                printError("pipeline: \(error)")
                throw ExitCode(1)
            }
            if let midline, !(1..<source.size.width).contains(midline) {
                throw ValidationError("--midline must be inside the input's frame, 1…\(source.size.width - 1)")
            }
        } else {
            source = .frameSet(frameSource.frameSet, size: frameSource.size, frames: frames ?? 1000)
        }
        var options = try externalOptions.adding(to: encoderOptions.strategyOptions)
        options.queue = PipelinePlan.writerQueueCapacity(batchSize: batchSize, frameSize: source.size,
                                                         requested: encoderOptions.requestedQueue)
        var strategies = try selection.strategies(from: StrategyRegistry.all(options).filter {
            !selection.all || (!$0.isReference && $0.name != NullWriterStrategy.strategyName)
        })
        if selection.all {
            let unavailable = strategies.compactMap { strategy -> (name: String, reason: String)? in
                if case .unavailable(let reason) = strategy.availability() { return (strategy.name, reason) }
                return nil
            }
            if let line = UnavailableSummary(unavailable).line { print("skipping " + line) }
            strategies.removeAll { !$0.availability().isAvailable }
        }
        let environment = EnvironmentFingerprint.current()
        let csvPath = out ?? ResultsFileName.stamped(prefix: "pipeline-", timestamp: environment.timestamp)
        let outputDirectory = keepOutputs ?? NSTemporaryDirectory() + "writerbench-pipeline-\(ProcessInfo.processInfo.processIdentifier)"
        let temporaryOutputs = keepOutputs == nil ? outputDirectory : nil
        let signals = InterruptSignals { if let temporaryOutputs { try? FileManager.default.removeItem(atPath: temporaryOutputs) } }
        defer { signals.stop() }

        var plan = PipelinePlan(strategies: strategies, source: source, outputDirectory: outputDirectory)
        plan.batchSize = batchSize
        plan.midline = midline
        plan.streamFPS = fps ?? source.frameRate.map { max(1, Int($0.rounded())) } ?? 30
        plan.verify = !noVerify
        plan.verifyStride = verifyStride
        plan.stallTimeout = stallTimeout.duration
        plan.ceiling = !noCeiling
        plan.baseline = !noBaseline
        plan.producerNice = producerNice
        plan.holdsWakeUpsDuringHandOff = holdWakeUps
        plan.realtimeHandOff = realtimeHandOff

        print("pipeline: \(source.label), \(source.frameLimit.map { "\($0) frames" } ?? "every frame"), "
              + "batch \(batchSize), midline x=\(plan.effectiveMidline), \(plan.streamFPS) fps; outputs in \(outputDirectory)")
        print("async queue per writer: \(options.queue)"
              + (encoderOptions.requestedQueue == nil ? " (a batch and a half; --queue to change)" : ""))
        print("encoders (each strategy's three writers: right, left, debug):")
        for strategy in strategies {
            print("  \(strategy.name): \(strategy.settings.encoder) — \(strategy.summary)")
        }

        let results = try CSVFileWriter(path: csvPath, header: PipelineColumn.header)
        var writeError: (any Error)?
        let runner = PipelineRunner(plan: plan, environment: environment, interruption: signals.interruption) { event in
            switch event {
            case .starting(let strategy, _, _):
                printError("\(strategy): running…")
            case .batch(let strategy, let batches, let frames, let elapsed):
                printError(String(format: "%@: %d batches, %d frames, %.1f s", strategy, batches, frames, elapsed))
            case .verifying(let strategy):
                printError("\(strategy): verifying outputs…")
            case .finished(let record):
                var outcome = record.status == .ok
                    ? String(format: "%.1f fps, batch delay max %.2f ms, encoder %@", record.pipelineFPS ?? 0,
                             record.batchDelays?.max ?? 0, record.encodersUsed)
                    : "\(record.status.rawValue): \(record.reason)"
                if record.status == .ok, let worst = record.worstBatch, record.queue != "" {
                    outcome += " (batch \(worst.index + 1), slowest hand-off: \(worst.trace.slowestOutput?.rawValue ?? "-"), "
                        + "queued r/l/d at its boundary: \(worst.trace.queuedText))"
                }
                printError("\(record.strategy): \(outcome)")
                do { try results.append(record.csvFields) } catch { writeError = error }
            }
        }
        let records = runner.run()
        if keepOutputs == nil { try? FileManager.default.removeItem(atPath: outputDirectory) }
        if let writeError { throw writeError }
        if let status = signals.exitStatus {
            signals.reportKept(rows: records.count, in: [csvPath])
            throw ExitCode(status)
        }

        print("")
        print(PipelineCriteria.table(records).render())
        let notes = PipelineCriteria.notes(records)
        if !notes.isEmpty { print("\n" + notes.joined(separator: "\n")) }
        if !records.contains(where: { $0.strategy == PipelineCriterion.qualityReference && $0.status == .ok }) {
            print("quality: n/a without an \(PipelineCriterion.qualityReference) row to compare PSNR with; outputs are still checked for validity")
        }
        print("")
        for line in PipelineCriteria.steadyStateLines(records) { print(line) }
        for line in PipelineCriteria.handOffLines(records) { print(line) }
        print("\nresults: \(csvPath)")
        history.record(csvPath: csvPath)
        let failed = records.filter { $0.status == .failed || $0.allValid == false }
        for record in failed {
            printError("pipeline: \(record.strategy): \(record.status == .failed ? record.reason : "invalid output: " + record.field(.invalidReason))")
        }
        if !failed.isEmpty { throw ExitCode(1) }
    }
}
