import Analysis
import AnalysisCommands
import ArgumentParser
import FaceMirror
import Foundation
import Harness
import Strategies

/// `writerbench soak`: many frames through each asynchronous writer and through the pipeline, resident memory read
/// every `--every` frames; fails when memory grows by more than `--limit-mib` after warm-up.
struct SoakCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "soak",
        abstract: "Write many frames through writers and the pipeline and check that memory levels off.",
        discussion: """
            Per target: resident memory (VmRSS) before the first frame and after every --every frames. Growth is the \
            highest reading after --warm-up frames minus the reading that ends the warm-up; drift is the last \
            reading minus it. The curves go to the CSV (columns target, frame, rss_mib).

            Exit status: 0 when every target that ran grew by at most --limit-mib; 1 when one grew more or failed.
            """)

    /// The talking head at 1280x720: the soak's defaults.
    enum FrameDefaults: FrameSourceDefaults {
        static var frameSet: FrameSet { .talkingHead }
        static var size: FrameSize { FrameSize(width: 1280, height: 720) }
    }

    @OptionGroup var frameSource: FrameSourceOptions<FrameDefaults>

    @Option(name: .customLong("strategy"), help: "A writer to soak on its own (repeatable; default: ffmpeg-pipe-async and libav-async).")
    var strategyNames: [String] = []

    @Option(name: .customLong("pipeline-strategy"), help: "The strategy whose writers the pipeline soak uses (repeatable; default: libav-async).")
    var pipelineStrategyNames: [String] = []

    @Flag(help: "Skip the pipeline soak.")
    var noPipeline = false

    @Option(help: "Frames per target.")
    var frames = 10_000

    @Option(help: "Frames between two memory readings (for the pipeline: its batch size).")
    var every = 100

    @Option(name: .customLong("warm-up"), help: "Frames before growth is judged (default: a tenth of --frames).")
    var warmUp: Int?

    @Option(help: "Largest growth after warm-up that passes, MiB.")
    var limitMib = 16.0

    @Option(help: "CSV of the curves (default: results/soak-<timestamp>-<pid>.csv).")
    var out: String?

    func validate() throws {
        guard frames >= 1 else { throw ValidationError("--frames must be at least 1") }
        guard every >= 1 && every <= frames else { throw ValidationError("--every must be between 1 and --frames") }
        if let warmUp, !(0..<frames).contains(warmUp) { throw ValidationError("--warm-up must be between 0 and --frames - 1") }
        let known = StrategyRegistry.names
        for name in strategyNames + pipelineStrategyNames where !known.contains(name) {
            throw ValidationError("unknown strategy '\(name)'; known: \(known.joined(separator: ", "))")
        }
    }

    func run() throws {
        let registered = StrategyRegistry.all()
        func named(_ names: [String]) -> [any WriterStrategy] { names.compactMap { name in registered.first { $0.name == name } } }
        let writers = named(strategyNames.isEmpty ? ["ffmpeg-pipe-async", "libav-async"] : strategyNames)
        let pipelineWriters = noPipeline ? [] : named(pipelineStrategyNames.isEmpty ? ["libav-async"] : pipelineStrategyNames)
        let warmUpFrames = warmUp ?? frames / 10
        let environment = EnvironmentFingerprint.current()
        let csvPath = out ?? ResultsFileName.stamped(prefix: "soak-", timestamp: environment.timestamp)
        let outputDirectory = NSTemporaryDirectory() + "writerbench-soak-\(ProcessInfo.processInfo.processIdentifier)"
        defer { try? FileManager.default.removeItem(atPath: outputDirectory) }
        let curves = try CSVFileWriter(path: csvPath, header: ["target", "frame", "rss_mib", "heap_in_use_mib",
                                                               "heap_free_mib"])

        var soak = WriterSoak(size: frameSource.size, outputDirectory: outputDirectory)
        soak.frameSet = frameSource.frameSet
        soak.frames = frames
        soak.sampleEvery = every
        print("soak: \(frames) frames of \(frameSource.frameSet.rawValue) at \(frameSource.size), memory every \(every) "
              + "frames, judged after \(warmUpFrames) frames, limit \(limitMib) MiB")
        var outcomes: [SoakOutcome] = []
        for strategy in writers {
            printError("\(strategy.name): soaking…")
            outcomes.append(soak.run(strategy))
        }
        for strategy in pipelineWriters {
            printError("pipeline/\(strategy.name): soaking…")
            // Made here, not before the writer soaks: the source's ring of frames would be resident during them.
            var pipeline = PipelineSoak(source: .frameSet(frameSource.frameSet, size: frameSource.size, frames: frames,
                                                          ringBudgetBytes: soak.ringBudgetBytes),
                                        outputDirectory: outputDirectory + "/pipeline")
            pipeline.batchSize = every
            outcomes.append(pipeline.run(strategy, environment: environment))
        }
        for outcome in outcomes {
            var lines = ""
            for (index, sample) in outcome.curve.samples.enumerated() {
                let heap: HeapUsage? = index < outcome.heap.count ? outcome.heap[index] : nil
                let fields: [String] = [outcome.target, String(sample.frame), String(format: "%.2f", sample.residentMiB),
                                        heap.map { String(format: "%.2f", $0.inUseMiB) } ?? "",
                                        heap.map { String(format: "%.2f", $0.freeMiB) } ?? ""]
                lines += CSVFormat.line(fields) + "\n"
            }
            try curves.appendLines(lines)
        }
        let table = SoakTable(outcomes: outcomes, warmUpFrames: warmUpFrames, limitMiB: limitMib)
        print(table.render())
        print("\ncurves: \(csvPath)")
        if table.anyFailed { throw ExitCode(1) }
    }
}
