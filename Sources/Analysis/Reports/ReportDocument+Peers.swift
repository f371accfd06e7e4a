extension ReportDocument {
    /// Headers of the peers table.
    public static let peerHeader = ["strategy", "peer", "runs", "fps", "write p50 ms", "write p95 ms", "write p99 ms",
                                    "write max ms", "timed by", "pipe write p99 ms", "finish ms", "PSNR dB",
                                    "CPU ms/frame", "validity"]

    /// Per workload that has external writers reporting a library version (`peer_version`): every configuration that
    /// ran in it, ours and the peers', fastest first, with the columns that compare them. Empty without peers.
    public var peerSections: [(workload: Workload, rows: [[Cell]])] {
        sections.compactMap { section in
            let candidates = section.ranked.filter { !$0.configuration.isReference && !$0.completedRows.isEmpty }
            guard candidates.contains(where: { Self.peerVersion($0) != nil }) else { return nil }
            return (section.workload, candidates.map(Self.peerCells))
        }
    }

    /// The peer version the rows of `group` report, if any.
    static func peerVersion(_ group: RowAggregate) -> String? {
        let versions = Set(group.completedRows.map { $0[.peerVersion] }.filter { !$0.isEmpty })
        return versions.isEmpty ? nil : versions.sorted().joined(separator: " / ")
    }

    /// The cells of one configuration in the peers table, matching ``peerHeader``.
    static func peerCells(_ group: RowAggregate) -> [Cell] {
        func measured(_ column: CSVColumn) -> Cell {
            Cell(text: ReportFormat.number(group.median(column)), spread: ReportFormat.spread(group.relativeSpread(column)))
        }
        let timedBy = Set(group.completedRows.map { $0[.writeTimedBy] }).sorted().joined(separator: "/")
        // CPU of writerbench and of its children (the external writer) per frame written, median over runs.
        let cpuPerFrame = group.completedRows.compactMap { row -> Double? in
            let parts = [CSVColumn.cpuUserS, .cpuSysS, .childCPUUserS, .childCPUSysS].map { try? row.number($0.rawValue) }
            guard let frames = try? row.number(CSVColumn.frames.rawValue), frames > 0,
                  parts.allSatisfy({ $0 != nil }) else { return nil }
            return parts.compactMap { $0 }.reduce(0, +) * 1000 / frames
        }
        let runs = group.completedRows.count == group.rows.count ? "\(group.rows.count)"
            : "\(group.completedRows.count) of \(group.rows.count)"
        return [
            Cell(text: group.strategy), Cell(text: peerVersion(group) ?? "WriterBench"), Cell(text: runs),
            measured(.fps), measured(.writeMsP50), measured(.writeMsP95), measured(.writeMsP99), measured(.writeMsMax),
            Cell(text: timedBy.isEmpty ? "–" : timedBy), measured(.pipeWriteMsP99), measured(.finishMs),
            measured(.psnrDB), Cell(text: ReportFormat.number(Distribution(cpuPerFrame).median)),
            Cell(text: group.validityText),
        ]
    }
}
