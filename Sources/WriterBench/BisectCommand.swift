import AnalysisCommands
import ArgumentParser
import Bisect
import Foundation

/// `writerbench bisect --good REV --bad REV -- RUN-ARGS`: finds the first commit at which a benchmark got worse, by
/// building and measuring revisions between a good and a bad one. The search and its decision rule are in `Bisect`
/// (``Bisector``); this only wires options to it.
struct BisectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bisect",
        abstract: "Find the first commit that made a benchmark slower: build and measure revisions between a good and a bad one.",
        discussion: """
            Searches the first-parent history after --good up to --bad. Each revision is checked out in ONE git \
            worktree outside your checkout (WORKSPACE/worktree) and built in release mode into ONE scratch folder \
            (WORKSPACE/scratch) reused for every candidate, so builds after the first are incremental: a fresh \
            release build (SwiftNIO/BoringSSL for the PostgreSQL store) takes about 10 minutes on a 2-core machine, \
            an incremental one far less. Keep the workspace between bisects to keep that; remove it with \
            `git worktree remove WORKSPACE/worktree`. Builds run at idle CPU priority (chrt -i 0) unless \
            --no-idle-build.

            The candidate's own writerbench runs `RUN-ARGS` (arguments of `run`, or `pipeline …`) --repeat times from \
            the worktree (so it records the candidate's revision; give paths in RUN-ARGS absolute), and --metric's \
            values of the rows that ran with valid output are pooled (one per repetition row). Both endpoints are \
            measured first; their ranges must not overlap and their medians must differ by --minimum-change. A \
            candidate is good when its median lies within the first third of the way from the good median to the \
            bad one and its range does not reach the bad endpoint's, bad in the last third likewise, and otherwise \
            inconclusive: the search stops there and names the range left, instead of guessing. A candidate that \
            cannot be built or measured is skipped like `git bisect skip`. Each step prints the median, spread and \
            n; the end prints the builds and benchmark runs used, and warns when the measured revisions are not \
            monotonic from good to bad (then the commit named may be one of several changes). Every build and run \
            is bounded by --build-timeout and --run-timeout.

            Exit status: 0 the first bad commit was found; 64 bad revisions or options; 70 inconclusive or could \
            not complete (the message says which).
            """ + "\n\n" + ExitStatus.table)

    @Option(help: "A revision where the benchmark was good (an ancestor of --bad).")
    var good: String

    @Option(help: "A revision where it is bad.")
    var bad: String

    @Option(help: "The results column to judge (a measured column of run or pipeline: write_ms_p95, fps, pipeline_fps, …).")
    var metric = "write_ms_p95"

    @Option(help: "The strategy whose rows are judged, when RUN-ARGS measure several.")
    var strategy: String?

    @Option(name: .customLong("repeat"), help: "Benchmark runs per revision (their rows are pooled).")
    var runsPerRevision = 1

    @Option(help: "Least relative difference of the endpoints' medians, in percent.")
    var minimumChange = 5.0

    @Option(help: "Folder for the worktree, scratch (build) folder, logs and CSVs (default: $TMPDIR/writerbench-bisect-<repository name>).")
    var workspace: String?

    @Option(help: "The repository to bisect (any folder inside it).")
    var repository = "."

    @Option(help: "Hold this file with flock(1) while each benchmark runs (a lock shared with other measurements).")
    var measurementLock: String?

    @Option(help: "Longest build of one revision, in seconds.")
    var buildTimeout = 3600

    @Option(help: "Longest benchmark run, in seconds (waiting for --measurement-lock included).")
    var runTimeout = 1800

    @Flag(inversion: .prefixedNo, help: "Build at idle CPU priority (chrt -i 0).")
    var idleBuild = true

    @Argument(parsing: .postTerminator, help: "After --: the arguments of `writerbench run` (or `pipeline …`), without --out.")
    var runArguments: [String] = []

    func validate() throws {
        guard runsPerRevision >= 1 else { throw ValidationError("--repeat must be at least 1") }
        guard buildTimeout >= 1, runTimeout >= 1 else { throw ValidationError("--build-timeout and --run-timeout must be at least 1") }
        guard minimumChange >= 0 else { throw ValidationError("--minimum-change must be at least 0") }
        guard MetricSelection.direction(of: metric) != nil else {
            throw ValidationError("--metric \(metric) is not a measured column of run or pipeline (see `writerbench columns`)")
        }
        guard !runArguments.isEmpty else {
            throw ValidationError("give the benchmark after --, e.g. `-- --strategy ffmpeg-pipe-async --frames 300 --repeat 3`")
        }
        guard !runArguments.contains(where: { $0 == "--out" || $0.hasPrefix("--out=") }) else {
            throw ValidationError("leave --out out of RUN-ARGS: bisect writes each run's CSV into its workspace")
        }
    }

    func run() throws {
        let history: FirstParentHistory
        do { history = try FirstParentHistory(repository: repository, good: good, bad: bad) } catch {
            printError("bisect: \(error)")
            throw ExitStatus.usage.exit
        }
        let root = BoundedChild(["git", "-C", repository, "rev-parse", "--show-toplevel"], timeLimit: 60).output()?
            .trimmingCharacters(in: .whitespacesAndNewlines) ?? repository
        let temporary = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        let layout = WorktreeWorkbench.Layout(
            workspace: workspace ?? "\(temporary)/writerbench-bisect-\(URL(fileURLWithPath: root).lastPathComponent)")
        let benchmark = ["run", "pipeline"].contains(runArguments[0]) ? runArguments : ["run"] + runArguments
        var workbench = WorktreeWorkbench(
            repository: root, layout: layout, benchmark: benchmark,
            selection: MetricSelection(metric: metric, strategy: strategy),
            buildTimeLimit: buildTimeout, runTimeLimit: runTimeout, idleBuilds: idleBuild,
            measurementLock: measurementLock, say: { Self.say("  " + $0) })
        do { try workbench.prepare(at: history.commits[0]) } catch {
            printError("bisect: \(error)")
            throw ExitStatus.couldNotComplete.exit
        }
        let console = BisectConsole(revisions: history.commits, subjects: history.subjects, metric: metric,
                                    unit: MetricSelection.unit(of: metric))
        let steps = Int(log2(Double(max(history.commits.count - 2, 1))).rounded(.up))
        Self.say("bisect: \(history.commits.count - 1) commits after \(good) up to \(bad) (first-parent); "
            + "2 endpoints and about \(steps) candidate\(steps == 1 ? "" : "s") to build and measure, "
            + "\(runsPerRevision) benchmark run\(runsPerRevision == 1 ? "" : "s") each; workspace \(layout.workspace)")
        let bisector = Bisector(rule: BisectDecisionRule(minimumRelativeChange: minimumChange / 100),
                                runsPerRevision: runsPerRevision)
        let outcome = bisector.bisect(history.commits, on: &workbench) { Self.say(console.line(for: $0)) }
        console.summary(of: outcome).forEach { Self.say($0) }
        if case .firstBad = outcome.conclusion { return }
        throw ExitStatus.couldNotComplete.exit
    }

    /// Prints a line at once (unbuffered), so a bisect that runs for an hour shows each step as it happens.
    static func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }
}
