import Analysis
import Foundation
import Testing
import TestSupport

/// The many-machines flow on the built binary: results recorded under three machine fingerprints → `merge` → one
/// CSV → `report` with three machines, `history import` listing three machines, `export --format bmf` per machine.
///
/// The three machines are synthesized: the committed 2026-11-26 run CSV (measured on one 2-core VM) with its
/// fingerprint columns (host, cpu_model, logical_cores, os) rewritten, so the same measured rows stand for three
/// machines. That is all these tests need (distinct machine IDs on real rows); the numbers are not three machines'.
@Suite struct MergeCommandTests {
    static let recorded = packageRoot() + "/results/reports/2026-11-26/run-all-720p-1080p.csv"
    static let fingerprints: [(host: String, cpu: String, cores: String, os: String)] = [
        ("ci-x86", "Synthetic x86-64 CPU", "4", "Linux 6.8.0-1017-azure (Ubuntu 24.04.1 LTS)"),
        ("ci-arm", "Synthetic Neoverse-N2", "4", "Linux 6.8.0-1017-azure (Ubuntu 24.04.1 LTS)"),
        ("gpu-box", "Synthetic Xeon", "16", "Linux 6.1.0-28-amd64 (Debian GNU/Linux 12 (bookworm))"),
    ]

    /// The recorded CSV with its fingerprint columns rewritten to machine `index` of ``fingerprints``.
    static func asMachine(_ index: Int, in directory: String) throws -> String {
        let table = try ResultsTable(contentsOf: recorded)
        let machine = fingerprints[index]
        var lines = [CSVFormat.line(table.header)]
        for row in table.rows {
            var fields = row.fields
            fields["host"] = machine.host
            fields["cpu_model"] = machine.cpu
            fields["logical_cores"] = machine.cores
            fields["os"] = machine.os
            lines.append(CSVFormat.line(table.header.map { fields[$0] ?? "" }))
        }
        let path = directory + "/run-\(machine.host).csv"
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static func machineIDs() -> [String] {
        fingerprints.map { EnvironmentFingerprint.machineID(cpuModel: $0.cpu, logicalCores: $0.cores, os: $0.os) }
    }

    @Test func threeMachinesMergeIntoOneReportAndOneHistoryStore() throws {
        let directory = try makeTemporaryDirectory()
        let files = try (0..<3).map { try Self.asMachine($0, in: directory) }
        let rows = try ResultsTable(contentsOf: Self.recorded).rows.count
        let merged = directory + "/merged.csv"

        // The first file twice: its rows are dropped and counted, not doubled.
        let merge = try CommandLineRun.writerbench(["merge"] + files + [files[0], "--out", merged])
        #expect(merge.status == 0, "\(merge.stderr)")
        #expect(merge.output.contains("merge: \(3 * rows) run rows from 4 files, 3 machines"), "\(merge.output)")
        #expect(merge.output.contains("; \(rows) duplicate rows dropped"), "\(merge.output)")
        let table = try ResultsTable(contentsOf: merged)
        #expect(table.rows.count == 3 * rows)
        #expect(Set(table.rows.map(\.machineID)) == Set(Self.machineIDs()))

        let report = try CommandLineRun.writerbench(["report", merged, "--no-plots", "--no-history"])
        #expect(report.status == 0, "\(report.stderr)")
        let acrossMachines = try #require(report.output.components(separatedBy: "## Across machines").dropFirst().first)
        let fpsHeader = try #require(acrossMachines.split(separator: "\n").first { $0.hasPrefix("| strategy | workload |") })
        #expect(fpsHeader == "| strategy | workload | " + Self.machineIDs().joined(separator: " | ") + " |")

        let store = directory + "/history.sqlite"
        let history = try CommandLineRun.writerbench(["history", "import", "--db", store] + files)
        #expect(history.status == 0, "\(history.stderr)")
        #expect(history.output.contains("\(store): \(3 * rows) rows"), "\(history.output)")
        #expect(history.output.contains("3 machines: " + Self.machineIDs().sorted().joined(separator: ", ")), "\(history.output)")

        // Bencher takes one machine per upload (its testbed): the merge is refused whole, accepted per machine.
        let mixed = try CommandLineRun.writerbench(["export", "--format", "bmf", merged])
        #expect(mixed.status == 65)
        #expect(mixed.stderr.contains("export one with --machine ID"), "\(mixed.stderr)")
        let one = try CommandLineRun.writerbench(["export", "--format", "bmf", "--machine", Self.machineIDs()[1], merged])
        #expect(one.status == 0, "\(one.stderr)")
        let decoded = try JSONDecoder().decode([String: [String: [String: Double]]].self, from: one.stdout)
        #expect(!decoded.isEmpty)
        #expect(decoded.values.allSatisfy { $0["fps"]?["value"] != nil })
    }

    @Test func aMissingFileExits66AndMixedKindsExit65() throws {
        let directory = try makeTemporaryDirectory()
        let missing = try CommandLineRun.writerbench(["merge", Self.recorded, directory + "/absent.csv", "--out", directory + "/m.csv"])
        #expect(missing.status == 66)
        #expect(missing.stderr.contains("absent.csv: no such file"), "\(missing.stderr)")
        let pipeline = packageRoot() + "/results/reports/2026-11-26/pipeline-1080p.csv"
        let mixed = try CommandLineRun.writerbench(["merge", Self.recorded, pipeline, "--out", directory + "/m.csv"])
        #expect(mixed.status == 65)
        #expect(mixed.stderr.contains("is a run CSV but"), "\(mixed.stderr)")
        #expect(!FileManager.default.fileExists(atPath: directory + "/m.csv"))
    }

    @Test func aReportWithoutAStoreSaysHowToGetTheHistorySection() throws {
        let directory = try makeTemporaryDirectory()
        let report = try CommandLineRun.writerbench(["report", Self.recorded, "--no-plots"],
                                                    environment: ["WRITERBENCH_DB": directory + "/none.sqlite"])
        #expect(report.status == 0, "\(report.stderr)")
        #expect(report.output.contains("## History\n\nNo history store at "), "\(report.output)")
        #expect(report.output.contains("none.sqlite, so no trends"), "\(report.output)")
        let named = try CommandLineRun.writerbench(["report", Self.recorded, "--no-plots", "--db", directory + "/none.sqlite"])
        #expect(named.status == 66)
    }

    @Test func aReportWithAStoreShowsTheTrendsAndChangePointsOfItsStrategies() throws {
        let directory = try makeTemporaryDirectory()
        let store = directory + "/h.sqlite"
        let csv = try HistoryCommandTests().historyCSV(revisions: 10, slowFrom: 6, in: directory)
        #expect(try CommandLineRun.writerbench(["history", "import", "--db", store, csv]).status == 0)
        let report = try CommandLineRun.writerbench(["report", csv, "--no-plots", "--db", store, "--format", "html",
                                                     "--out", directory + "/r.html"])
        #expect(report.status == 0, "\(report.stderr)")
        let html = try String(contentsOfFile: directory + "/r.html", encoding: .utf8)
        #expect(html.contains("<h2>History</h2>"))
        #expect(html.contains("rev05 → rev06"))
        #expect(html.contains("REGRESSION"))
        #expect(html.contains("libav, libx264") && html.contains("— fps (10 runs)"))
        let markdown = try CommandLineRun.writerbench(["report", csv, "--no-plots", "--db", store])
        #expect(markdown.output.contains("## History"))
        #expect(markdown.output.contains("| rev05 → rev06 |"), "\(markdown.output)")
    }
}
