import Foundation
import Testing
import TestSupport

/// `writerbench bisect`'s refusals, on the built binary: each is a usage error (64) that says what to do, before any
/// worktree is made or anything is built. (The search itself is pinned by BisectTests with a fake workbench.)
@Suite struct BisectCommandTests {
    @Test func aBisectWithoutABenchmarkSaysHowToGiveOne() throws {
        let run = try CommandLineRun.writerbench(["bisect", "--good", "HEAD~1", "--bad", "HEAD"])
        #expect(run.status == 64)
        #expect(run.stderr.contains("give the benchmark after --"))
    }

    @Test func theBenchmarksOutIsBisectsOwn() throws {
        let run = try CommandLineRun.writerbench(["bisect", "--good", "HEAD~1", "--bad", "HEAD", "--", "--out", "x.csv"])
        #expect(run.status == 64)
        #expect(run.stderr.contains("leave --out out of RUN-ARGS"))
    }

    @Test func aMetricThatIsNoMeasuredColumnIsRefused() throws {
        let run = try CommandLineRun.writerbench(["bisect", "--good", "HEAD~1", "--bad", "HEAD", "--metric", "strategy",
                                                  "--", "--frames", "10"])
        #expect(run.status == 64)
        #expect(run.stderr.contains("is not a measured column"))
    }

    @Test func anUnknownRevisionIsAUsageError() throws {
        let workspace = TestTemporaryDirectory.root + "/bisect-unknown-revision"
        let run = try CommandLineRun.writerbench(["bisect", "--good", "no-such-revision-xyz", "--bad", "HEAD",
                                                  "--workspace", workspace, "--", "--frames", "10"])
        #expect(run.status == 64)
        #expect(run.stderr.contains("--good no-such-revision-xyz is not a commit"))
        #expect(!FileManager.default.fileExists(atPath: workspace))
    }
}
