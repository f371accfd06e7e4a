import Analysis
import Foundation

/// The real ``BisectWorkbench``: one git worktree outside the user's checkout, checked out at each candidate in turn,
/// and one scratch (build) folder reused for every candidate, so that each build after the first is incremental
/// (a fresh release build with postgres-nio's BoringSSL takes about 10 minutes on a 2-core machine, an incremental
/// one a minute or two when few files changed). Each candidate's own `writerbench` runs the benchmark, from the
/// worktree, so the revision it records is the candidate's.
public struct WorktreeWorkbench: BisectWorkbench {
    /// Where everything lives: `worktree/`, `scratch/`, `logs/` and `runs/` under one folder.
    public struct Layout: Sendable {
        /// The folder holding the rest.
        public var workspace: String
        public var worktree: String { workspace + "/worktree" }
        public var scratch: String { workspace + "/scratch" }
        public var logs: String { workspace + "/logs" }
        public var runs: String { workspace + "/runs" }
        /// The candidate's program, as `swift build --scratch-path` leaves it.
        public var executable: String { scratch + "/release/writerbench" }

        /// The layout under `workspace`.
        public init(workspace: String) { self.workspace = workspace }
    }

    /// The repository bisected (any folder inside it).
    public var repository: String
    public var layout: Layout
    /// The benchmark command after the program name: `run …` or `pipeline …`, without `--out`.
    public var benchmark: [String]
    /// Which values count.
    public var selection: MetricSelection
    /// Longest build and longest benchmark run, in seconds.
    public var buildTimeLimit: Int
    public var runTimeLimit: Int
    /// Builds at idle CPU priority (`chrt -i 0`), so that measurements of others on the machine are not disturbed.
    public var idleBuilds: Bool
    /// The build, run in the worktree: `swift build -c release --scratch-path SCRATCH --product writerbench` (tests
    /// put a script that leaves a program at ``Layout/executable`` instead).
    public var buildCommand: [String]
    /// A file the benchmark holds with `flock` while it runs (a lock shared with other measurements); nil for none.
    public var measurementLock: String?
    /// Told each child started (what, and its log), for the console.
    public var say: @Sendable (String) -> Void

    /// A workbench; ``prepare(at:)`` must run before the first build.
    public init(repository: String, layout: Layout, benchmark: [String], selection: MetricSelection,
                buildTimeLimit: Int = 3600, runTimeLimit: Int = 1800, idleBuilds: Bool = true,
                measurementLock: String? = nil, say: @escaping @Sendable (String) -> Void = { _ in }) {
        self.repository = repository
        self.layout = layout
        self.benchmark = benchmark
        self.selection = selection
        self.buildTimeLimit = buildTimeLimit
        self.runTimeLimit = runTimeLimit
        self.idleBuilds = idleBuilds
        buildCommand = ["swift", "build", "-c", "release", "--scratch-path", layout.scratch, "--product", "writerbench"]
        self.measurementLock = measurementLock
        self.say = say
    }

    /// Creates the workspace, and the worktree at `revision` unless it exists; an existing worktree must belong to
    /// the same repository. Throws ``BisectCandidateFailure`` with the reason.
    public func prepare(at revision: String) throws {
        for folder in [layout.workspace, layout.logs, layout.runs] {
            do { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) } catch {
                throw BisectCandidateFailure("cannot create \(folder): \(error)")
            }
        }
        let common = { (folder: String) in
            BoundedChild(["git", "-C", folder, "rev-parse", "--path-format=absolute", "--git-common-dir"], timeLimit: 60)
                .output()?.trimmed
        }
        if FileManager.default.fileExists(atPath: layout.worktree) {
            guard let theirs = common(layout.worktree), theirs == common(repository) else {
                throw BisectCandidateFailure("\(layout.worktree) exists but is no worktree of \(repository); "
                    + "remove it or choose another --workspace")
            }
            return
        }
        let log = layout.logs + "/worktree.log"
        let ending = BoundedChild(["git", "-C", repository, "worktree", "add", "--detach", layout.worktree, revision],
                                  timeLimit: 600).run(log: log)
        guard ending == .exited(0) else {
            throw BisectCandidateFailure("git worktree add \(layout.worktree) failed (\(ending)); see \(log)")
        }
    }

    public mutating func build(_ revision: String) throws {
        let short = String(revision.prefix(12))
        let log = layout.logs + "/build-\(short).log"
        try? FileManager.default.removeItem(atPath: log)
        let checkout = BoundedChild(["git", "-C", layout.worktree, "checkout", "--quiet", "--force", "--detach", revision],
                                    timeLimit: 300).run(log: log)
        guard checkout == .exited(0) else {
            throw BisectCandidateFailure("checkout of \(short) failed (\(checkout)); see \(log)")
        }
        try? FileManager.default.removeItem(atPath: layout.executable)
        say("building \(short) (log: \(log))")
        let ending = BoundedChild((idleBuilds ? ["chrt", "-i", "0"] : []) + buildCommand, in: layout.worktree,
                                  timeLimit: buildTimeLimit).run(log: log)
        switch ending {
        case .exited(0) where FileManager.default.isExecutableFile(atPath: layout.executable): return
        case .exited(0): throw BisectCandidateFailure("the build of \(short) left no \(layout.executable); see \(log)")
        case .timedOut: throw BisectCandidateFailure("the build of \(short) took longer than \(buildTimeLimit) s; see \(log)")
        case .exited(let status): throw BisectCandidateFailure("the build of \(short) failed (exit \(status)); see \(log)")
        case .notStarted(let reason): throw BisectCandidateFailure("the build of \(short) did not start: \(reason)")
        }
    }

    public mutating func measure(_ revision: String, run: Int) throws -> [Double] {
        let short = String(revision.prefix(12))
        let csv = layout.runs + "/\(short)-\(run).csv"
        let log = layout.logs + "/run-\(short)-\(run).log"
        for file in [csv, log] { try? FileManager.default.removeItem(atPath: file) }
        let program = [layout.executable] + benchmark + ["--out", csv]
        let command = measurementLock.map { ["flock", $0] + program } ?? program
        say("running \(short), run \(run) (log: \(log))")
        let ending = BoundedChild(command, in: layout.worktree, timeLimit: runTimeLimit).run(log: log)
        switch ending {
        // 1: a configuration failed or was invalid; the rows that ran still count.
        case .exited(0), .exited(1): break
        case .timedOut: throw BisectCandidateFailure("the benchmark of \(short) took longer than \(runTimeLimit) s; see \(log)")
        case .exited(let status): throw BisectCandidateFailure("the benchmark of \(short) exited \(status); see \(log)")
        case .notStarted(let reason): throw BisectCandidateFailure("the benchmark of \(short) did not start: \(reason)")
        }
        let table: ResultsTable
        do { table = try ResultsTable(contentsOf: csv) } catch {
            throw BisectCandidateFailure("the results of \(short) cannot be read (\(error)); see \(log)")
        }
        do { return try selection.values(in: table) } catch let failure as BisectCandidateFailure {
            throw BisectCandidateFailure(failure.reason + "; see \(log)")
        }
    }
}
