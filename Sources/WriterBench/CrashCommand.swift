import Analysis
import AnalysisCommands
import ArgumentParser
import Foundation
import Harness
import Strategies

/// `writerbench crash`: kills writers mid-run and measures what survives, per strategy × container, next to the
/// write cost of each container.
struct CrashCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "crash",
        abstract: "Kill writers with SIGKILL mid-run and measure what survives, per strategy × container.",
        discussion: """
            For every strategy × container, a child `writerbench crash-child` is killed (with its process group, \
            so a pipe strategy's ffmpeg dies too) after handing the writer each kill point's frames; the file left \
            behind is opened and decoded in-process. One ordinary complete run of each strategy × container measures \
            the write cost (fps, write p95, bytes). Exit status: 0 when every row was measured or unavailable, 1 \
            when a trial failed.
            """)

    @Option(name: .customLong("strategy"), help: "A strategy to crash (repeatable; default: ffmpeg-pipe, libav).")
    var strategyNames: [String] = []

    @Option(name: .customLong("container"),
            help: "A container (repeatable; default: mp4, fmp4, mkv). Known: \(ContainerFormat.selectable.map(\.rawValue).joined(separator: ", ")).")
    var containerNames: [String] = []

    @Option(help: "Frame size as WxH or a name (720p, 1080p, …).")
    var size = "1280x720"

    @Option(help: "Frames of a complete run; kill points are percentages of it.")
    var frames = 150

    @Option(help: "Stream frame rate (frames/s).")
    var fps = 30

    @Option(name: .customLong("kill-at"), parsing: .upToNextOption,
            help: "Kill points, in percent of --frames (default: 10 50 90).")
    var killPercentages: [Double] = [10, 50, 90]

    @Option(help: "Longest wait for a child to reach its kill point, seconds; then it is killed and the row fails.")
    var childTimeout = 300.0

    @Option(help: "Crash CSV (default: results/crash-<timestamp>.csv).")
    var out: String?

    @Option(help: "Keep output videos in this directory (default: a temporary directory, deleted afterwards).")
    var keepOutputs: String?

    func validate() throws {
        let known = StrategyRegistry.names
        for name in strategyNames where !known.contains(name) {
            throw ValidationError("unknown strategy '\(name)'; known: \(known.joined(separator: ", "))")
        }
        for name in containerNames where ContainerFormat(rawValue: name).map(ContainerFormat.selectable.contains) != true {
            throw ValidationError("unknown container '\(name)'; use one of \(ContainerFormat.selectable.map(\.rawValue).joined(separator: ", "))")
        }
        guard FrameSize(parsing: size) != nil else { throw ValidationError("cannot read size '\(size)'; use WxH, e.g. 1920x1080") }
        guard frames >= 2 else { throw ValidationError("--frames must be at least 2") }
        guard fps > 0, fps <= 1000 else { throw ValidationError("--fps must be between 1 and 1000") }
        guard !killPercentages.isEmpty, killPercentages.allSatisfy({ $0 > 0 && $0 <= 100 }) else {
            throw ValidationError("--kill-at takes percentages above 0 and at most 100")
        }
        guard childTimeout > 0 else { throw ValidationError("--child-timeout must be positive") }
    }

    func run() throws {
        let environment = EnvironmentFingerprint.current()
        let stamp = environment.timestamp.replacingOccurrences(of: ":", with: "")
        let csvPath = out ?? "results/crash-\(stamp).csv"
        let outputDirectory = keepOutputs ?? NSTemporaryDirectory() + "writerbench-crash-\(ProcessInfo.processInfo.processIdentifier)"
        guard let executable = Bundle.main.executablePath else {
            throw ValidationError("cannot find the writerbench program to run the crash children")
        }
        var plan = CrashPlan(outputDirectory: outputDirectory, childExecutable: executable)
        if !strategyNames.isEmpty { plan.strategies = strategyNames }
        if !containerNames.isEmpty { plan.containers = containerNames.compactMap(ContainerFormat.init(rawValue:)) }
        plan.size = FrameSize(parsing: size)!
        plan.frames = frames
        plan.fps = fps
        plan.killFractions = killPercentages.map { $0 / 100 }
        plan.childTimeoutSeconds = childTimeout

        let results = try CSVFileWriter(path: csvPath, header: CrashTable.header)
        var writeError: (any Error)?
        let rows = CrashRunner(plan: plan, environment: environment) { progress in
            switch progress {
            case .measuringWriteCost(let container): printError("write cost: complete runs in \(container)…")
            case .killing(let strategy, let container, let frame):
                printError("crash: \(strategy) \(container), SIGKILL after frame \(frame)…")
            case .finished(let row):
                do { try results.append(CrashTable.fields(row)) } catch { writeError = error }
            }
        }.run()
        if keepOutputs == nil { try? FileManager.default.removeItem(atPath: outputDirectory) }
        if let writeError { throw writeError }

        print("What survives a SIGKILL (frames decoded / frames handed to the writer, decodable seconds):")
        print(CrashTable.survival(rows).render())
        print("\nWrite cost of complete runs (same run):")
        print(CrashTable.writeCost(rows).render())
        print("\ncrash results: \(csvPath)")
        if rows.contains(where: { $0.status == .failed }) { throw ExitCode(1) }
    }
}
