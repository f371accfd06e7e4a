import Foundation
import Testing
import TestSupport

/// .github/workflows/bench-matrix.yml is not run here; these checks keep it valid YAML with the jobs README describes.
@Suite struct BenchMatrixWorkflowTests {
    static let path = packageRoot() + "/.github/workflows/bench-matrix.yml"

    /// python3 with PyYAML, when this machine has it (Debian: python3-yaml); nil otherwise.
    static let python: String? = {
        for candidate in ["/usr/bin/python3", "/usr/local/bin/python3"] where FileManager.default.isExecutableFile(atPath: candidate) {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: candidate)
            process.arguments = ["-c", "import yaml"]
            process.standardError = FileHandle.nullDevice
            guard (try? process.run()) != nil else { continue }
            process.waitUntilExit()
            if process.terminationStatus == 0 { return candidate }
        }
        return nil
    }()

    @Test(.enabled(if: python != nil, "needs python3 with PyYAML (Debian: python3-yaml) to parse the workflow"))
    func theWorkflowParsesAsYAMLWithTheMatrixAndTheMergeJob() throws {
        let script = """
            import sys, yaml
            doc = yaml.safe_load(open(sys.argv[1]))
            jobs = doc["jobs"]
            runners = [row["runner"] for row in jobs["bench"]["strategy"]["matrix"]["include"]]
            print("jobs", " ".join(sorted(jobs)))
            print("runners", " ".join(runners))
            print("gpu", " ".join(jobs["bench-gpu"]["runs-on"]), jobs["bench-gpu"]["continue-on-error"])
            print("needs", " ".join(jobs["merge"]["needs"]))
            steps = " ".join(step.get("run", "") for step in jobs["merge"]["steps"])
            print("merge", "writerbench-analysis merge" in steps, "history import" in steps, "report" in steps)
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(Self.python))
        process.arguments = ["-c", script, Self.path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(text == """
            jobs bench bench-gpu merge
            runners ubuntu-24.04 ubuntu-24.04-arm
            gpu self-hosted linux gpu True
            needs bench bench-gpu
            merge True True True

            """)
    }

    @Test func theWorkflowHasNoTabsAndNamesItsJobsAtTheTopLevel() throws {
        // A structural check that needs no YAML parser: YAML forbids tabs in indentation, and each job is a key
        // indented by two spaces under `jobs:`.
        let text = try String(contentsOfFile: Self.path, encoding: .utf8)
        #expect(!text.contains("\t"))
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let jobs = lines.drop { $0 != "jobs:" }.dropFirst()
            .filter { $0.hasPrefix("  ") && !$0.hasPrefix("   ") && $0.hasSuffix(":") }
            .map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(jobs == ["bench:", "bench-gpu:", "merge:"])
        #expect(text.contains("runs-on: [self-hosted, linux, gpu]"))
    }
}
