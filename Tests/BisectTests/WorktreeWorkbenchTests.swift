import Foundation
import Testing
@testable import Bisect

/// The thin layer on a real git repository, with a build command that copies a script instead of compiling: each
/// commit's `bench.sh` is its "writerbench", writing a CSV whose value comes from the commit's `speed` file.
@Suite struct WorktreeWorkbenchTests {
    static let bench = """
        #!/bin/sh
        out=""
        while [ $# -gt 0 ]; do [ "$1" = --out ] && out=$2; shift; done
        speed=$(cat speed)
        printf 'strategy,frameset,width,height,repeat,status,valid,write_ms_p95\\n' > "$out"
        printf 'fake,camera,64,64,1,ok,true,%s\\nfake,camera,64,64,2,ok,true,%s5\\n' "$speed" "$speed" >> "$out"

        """

    func git(_ repository: String, _ arguments: [String]) throws {
        let ending = BoundedChild(["git", "-C", repository, "-c", "user.name=Bisect Test", "-c", "user.email=bisect@test"]
                                  + arguments, timeLimit: 60).run(log: nil)
        try #require(ending == .exited(0), "git \(arguments.joined(separator: " "))")
    }

    /// A repository of `speeds.count` commits, one `speed` per commit ("broken" fails the fake build).
    func repository(speeds: [String], in folder: String) throws -> String {
        let repository = folder + "/repo"
        try FileManager.default.createDirectory(atPath: repository, withIntermediateDirectories: true)
        try git(repository, ["init", "--quiet", "--initial-branch=main"])
        try Self.bench.write(toFile: repository + "/bench.sh", atomically: true, encoding: .utf8)
        for (index, speed) in speeds.enumerated() {
            try speed.write(toFile: repository + "/speed", atomically: true, encoding: .utf8)
            try git(repository, ["add", "-A"])
            try git(repository, ["commit", "--quiet", "--allow-empty", "-m", "commit \(index): speed \(speed)"])
        }
        return repository
    }

    func workbench(_ repository: String, in folder: String) -> WorktreeWorkbench {
        let layout = WorktreeWorkbench.Layout(workspace: folder + "/workspace")
        var workbench = WorktreeWorkbench(repository: repository, layout: layout, benchmark: ["run", "--frames", "3"],
                                          selection: MetricSelection(metric: "write_ms_p95"),
                                          buildTimeLimit: 60, runTimeLimit: 60, idleBuilds: false)
        workbench.buildCommand = ["sh", "-c", "! grep -q broken speed && mkdir -p \(layout.scratch)/release "
                                  + "&& cp bench.sh \(layout.executable) && chmod +x \(layout.executable)"]
        return workbench
    }

    func temporaryFolder() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bisect-test-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func theFirstSlowCommitIsFoundInAWorktreeOutsideTheCheckout() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let repository = try repository(speeds: ["1.0", "1.0", "broken", "1.0", "2.0", "2.0", "2.0"], in: folder)
        let history = try FirstParentHistory(repository: repository, good: "HEAD~6", bad: "HEAD")
        #expect(history.commits.count == 7)
        #expect(history.subjects[history.commits[4]] == "commit 4: speed 2.0")
        var bench = workbench(repository, in: folder)
        try bench.prepare(at: history.commits[0])
        let outcome = Bisector().bisect(history.commits, on: &bench)
        #expect(outcome.conclusion == .firstBad(4))
        #expect(outcome.measurements[0]?.values == [1.0, 1.05])
        // The user's checkout is untouched: still at the newest commit, the worktree is elsewhere.
        let head = try #require(BoundedChild(["git", "-C", repository, "rev-parse", "HEAD"], timeLimit: 60).output())
        #expect(head.trimmed == history.commits[6])
        #expect(FileManager.default.fileExists(atPath: folder + "/workspace/worktree/speed"))
    }

    @Test func anUnbuildableCommitIsSkippedWithItsLog() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let repository = try repository(speeds: ["1.0", "1.0", "broken", "2.0", "2.0"], in: folder)
        let history = try FirstParentHistory(repository: repository, good: "HEAD~4", bad: "HEAD")
        var bench = workbench(repository, in: folder)
        try bench.prepare(at: history.commits[0])
        let outcome = Bisector().bisect(history.commits, on: &bench)
        #expect(outcome.conclusion == .oneOf([2, 3]))
        #expect(outcome.skipped[2]?.contains("failed (exit 1); see") == true)
    }

    @Test func aGoodRevisionAfterTheBadOneIsRefused() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let repository = try repository(speeds: ["1.0", "2.0"], in: folder)
        #expect(throws: BisectCandidateFailure.self) {
            try FirstParentHistory(repository: repository, good: "HEAD", bad: "HEAD~1")
        }
    }

    @Test func aChildPastItsTimeLimitIsStopped() {
        let started = Date()
        #expect(BoundedChild(["sleep", "30"], timeLimit: 1).run(log: nil) == .timedOut)
        #expect(Date().timeIntervalSince(started) < 10)
    }
}
