import Analysis
import Testing

@Suite struct PeerReportTests {
    @Test func peersGetTheirOwnSectionBesideOurStrategiesWithTheirVersionAndWhoTimedTheWrites() throws {
        let peer: [CSVColumn: String] = [.peerVersion: "av 18.1.0", .writeTimedBy: "writer", .pipeWriteMsP99: "0.5",
                                         .cpuUserS: "0.1", .cpuSysS: "0.1", .childCPUUserS: "0.6", .childCPUSysS: "0.2",
                                         .frames: "100"]
        let rows = ReportFixtures.repetitions("libav-async", fps: [90, 92], [.writeTimedBy: "caller", .frames: "100"])
            + ReportFixtures.repetitions("py-pyav", fps: [70, 71], peer)
        let html = try ReportDocument(table: ReportFixtures.table(rows), source: "x.csv", gate: .unavailable("none")).html()
        #expect(html.contains("<h2>Peers</h2>"))
        #expect(html.contains("<td>py-pyav</td><td>av 18.1.0</td>"))
        #expect(html.contains("<td>libav-async</td><td>WriterBench</td>"))
        // (0.1 + 0.1 + 0.6 + 0.2) s over 100 frames.
        #expect(html.contains("<td>10</td>"))
        let markdown = try ReportDocument(table: ReportFixtures.table(rows), source: "x.csv", gate: .unavailable("none")).markdown()
        #expect(markdown.contains("## Peers"))
        #expect(markdown.contains("| py-pyav | av 18.1.0 |"))
    }

    @Test func aResultsFileWithoutPeersHasNoPeersSection() throws {
        let rows = ReportFixtures.repetitions("libav-async", fps: [90, 92])
        let html = try ReportDocument(table: ReportFixtures.table(rows), source: "x.csv", gate: .unavailable("none")).html()
        #expect(!html.contains("<h2>Peers</h2>"))
        let markdown = try ReportDocument(table: ReportFixtures.table(rows), source: "x.csv", gate: .unavailable("none")).markdown()
        #expect(!markdown.contains("## Peers"))
    }
}
