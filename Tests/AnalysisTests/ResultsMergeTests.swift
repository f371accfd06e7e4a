@testable import Analysis
import Foundation
import Testing

/// `writerbench merge`'s rules: rows of many machines kept with their fingerprints, duplicates dropped and counted,
/// mixed kinds, schemas and conflicting rows refused.
@Suite struct ResultsMergeTests {
    /// The fingerprint columns of one synthetic machine (not measured anywhere: the tests only need distinct IDs).
    static func machine(_ name: String, cores: String, os: String) -> [CSVColumn: String] {
        [.host: name, .cpuModel: "Test CPU \(name)", .logicalCores: cores, .os: os]
    }

    static let machines = [
        machine("x86", cores: "4", os: "Linux 6.8.0 (Ubuntu 24.04.1 LTS)"),
        machine("arm", cores: "4", os: "Linux 6.8.0 (Ubuntu 24.04.1 LTS)"),
        machine("gpu", cores: "16", os: "Linux 6.1.0 (Debian GNU/Linux 12 (bookworm))"),
    ]

    static func input(_ name: String, _ rows: [[CSVColumn: String]]) throws -> ResultsMerge.Input {
        ResultsMerge.Input(path: name, table: try ReportFixtures.table(rows))
    }

    static func machineFile(_ index: Int, fps: [Double]) throws -> ResultsMerge.Input {
        var rows = ReportFixtures.repetitions("libav", fps: fps, machines[index])
        rows += ReportFixtures.repetitions("ffmpeg-pipe", fps: fps.map { $0 / 2 }, machines[index])
        return try input("machine\(index).csv", rows)
    }

    @Test func threeMachinesMergeIntoOneTableThatKeepsEachRowsMachine() throws {
        let merged = try ResultsMerge([try Self.machineFile(0, fps: [100, 101, 99]),
                                       try Self.machineFile(1, fps: [60, 61, 59]),
                                       try Self.machineFile(2, fps: [300, 310, 290])])
        #expect(merged.kind == .run)
        #expect(merged.table.rows.count == 18)
        #expect(merged.duplicatesDropped == 0)
        #expect(merged.machines.count == 3)
        #expect(merged.table.header == CSVColumn.header)
        let reread = try ResultsTable(text: merged.csv)
        #expect(PlotData.unique(reread.rows.map(\.machineID)) == merged.machines)
        #expect(reread.rows.map { $0[.host] } == merged.table.rows.map { $0[.host] })
    }

    @Test func aFileGivenTwiceAddsNothingAndItsRowsAreCountedAsDuplicates() throws {
        let file = try Self.machineFile(0, fps: [100, 101, 99])
        let merged = try ResultsMerge([file, try Self.machineFile(1, fps: [60]), file])
        #expect(merged.table.rows.count == 8)
        #expect(merged.duplicatesDropped == 6)
    }

    @Test func runAndPipelineCSVsAreNotMerged() throws {
        let pipeline = "run_id,strategy,pipeline_fps\np-1,libav-async,30\n"
        let error = #expect(throws: ResultsMerge.Failure.self) {
            try ResultsMerge([try Self.machineFile(0, fps: [1]),
                              ResultsMerge.Input(path: "p.csv", table: try ResultsTable(text: pipeline))])
        }
        #expect(error.map { "\($0)" }?.contains("merge each kind into its own file") == true)
    }

    @Test func filesWithOtherColumnsAreRefusedWithTheColumnNamed() throws {
        let full = try Self.machineFile(0, fps: [1])
        let header = CSVColumn.header.filter { $0 != "peer_version" }
        let older = CSVFormat.line(header) + "\n" + CSVFormat.line(header.map { full.table.rows[0][$0] }) + "\n"
        let error = #expect(throws: ResultsMerge.Failure.self) {
            try ResultsMerge([full, ResultsMerge.Input(path: "old.csv", table: try ResultsTable(text: older))])
        }
        #expect(error.map { "\($0)" }?.contains("no column `peer_version`") == true)
    }

    @Test func twoDifferentRowsUnderOneRunAreRefusedNotDropped() throws {
        let a = try Self.input("a.csv", [ReportFixtures.row("libav", [.fps: "100"])])
        let b = try Self.input("b.csv", [ReportFixtures.row("libav", [.fps: "90"])])
        #expect(throws: ResultsMerge.Failure.self) { try ResultsMerge([a, b]) }
    }

    @Test func aReportOfAMergedCSVShowsEveryMachineSideBySideAndRanksPerMachine() throws {
        let merged = try ResultsMerge([try Self.machineFile(0, fps: [100, 101, 99]),
                                       try Self.machineFile(1, fps: [60, 61, 59]),
                                       try Self.machineFile(2, fps: [300, 310, 290])])
        let document = try ReportDocument(table: merged.table, source: "merged.csv", gate: .unavailable("test"))
        let view = try #require(document.crossMachine)
        #expect(view.machines.map(\.id) == merged.machines)
        #expect(view.lines.count == 2)
        let libav = try #require(view.lines.first { $0.configuration.strategy == "libav" })
        #expect(view.cells(libav, .fps).map(\.text) == ["libav", libav.configuration.workload.description,
                                                        "100 (n=3)", "60 (n=3)", "300 (n=3)"])
        // One ranked section per machine: medians never pool machines.
        #expect(document.sections.count == 3)
        #expect(Set(document.sections.compactMap(\.machine)) == Set(merged.machines))
        let markdown = document.markdown()
        #expect(markdown.contains("## Across machines"))
        for id in merged.machines { #expect(markdown.contains(id)) }
        #expect(document.html().contains("<h2>Across machines</h2>"))
    }

    @Test func aReportOfOneMachineHasNoCrossMachineSection() throws {
        let document = try ReportDocument(table: try Self.machineFile(0, fps: [1, 2, 3]).table, source: "one.csv",
                                          gate: .unavailable("test"))
        #expect(document.crossMachine == nil)
        #expect(!document.markdown().contains("Across machines"))
    }
}
