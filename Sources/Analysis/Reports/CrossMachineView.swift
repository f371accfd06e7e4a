/// A results table recorded on several machines (a merged CI matrix), side by side: one line per strategy ×
/// configuration, one column per machine, each cell that machine's median over its repetitions.
///
/// Values from different machines are never pooled: each cell comes from one machine's rows only.
public struct CrossMachineView: Sendable {
    /// One machine of the table.
    public struct Machine: Sendable, Equatable {
        /// ``EnvironmentFingerprint/machineID(cpuModel:logicalCores:os:)`` of its rows.
        public var id: String
        /// Host names, CPU, cores and OS its rows give (distinct values joined).
        public var description: String
        /// Rows it recorded.
        public var rows: Int
    }

    /// One strategy × configuration and its summary on each machine that recorded it.
    public struct Line: Sendable {
        /// The configuration.
        public var configuration: RunConfiguration
        /// Machine ID → that machine's repetitions of the configuration.
        public var byMachine: [String: RowAggregate]
    }

    /// The measured columns the view shows, one table each, with their headings.
    public static let metrics: [(column: CSVColumn, title: String)] = [
        (.fps, "fps (higher is better)"), (.writeMsP95, "write p95 ms (lower is better)"),
    ]

    /// The machines, in order of first appearance.
    public var machines: [Machine]
    /// The configurations, ordered by workload then strategy.
    public var lines: [Line]

    /// The view of `table`; nil when all its rows come from one machine. Throws ``CSVError`` for text where a
    /// number belongs.
    public init?(_ table: ResultsTable) throws {
        var order: [String] = []
        var rowsByMachine: [String: [ResultsTable.Row]] = [:]
        for row in table.rows {
            let id = row.machineID
            if rowsByMachine[id] == nil { order.append(id) }
            rowsByMachine[id, default: []].append(row)
        }
        guard order.count > 1 else { return nil }
        machines = order.map { id in
            let rows = rowsByMachine[id] ?? []
            let described = PlotData.unique(rows.map {
                "\($0[.host]) (\($0[.cpuModel]), \($0[.logicalCores]) cores, \($0[.os]))"
            })
            return Machine(id: id, description: described.joined(separator: "; "), rows: rows.count)
        }
        var configurations: [RunConfiguration] = []
        var byConfiguration: [RunConfiguration: [String: RowAggregate]] = [:]
        for id in order {
            for group in try RowAggregate.group(ResultsTable(header: table.header, rows: rowsByMachine[id] ?? [])) {
                if byConfiguration[group.configuration] == nil { configurations.append(group.configuration) }
                byConfiguration[group.configuration, default: [:]][id] = group
            }
        }
        // Configurations no machine could run (hardware encoders missing everywhere) are left to "Unavailable and
        // failed"; one that ran on any machine stays, with the other machines' outcomes in its cells.
        lines = configurations.sorted {
            ($0.workload.description, $0.strategy) < ($1.workload.description, $1.strategy)
        }.map { Line(configuration: $0, byMachine: byConfiguration[$0] ?? [:]) }
            .filter { line in line.byMachine.values.contains { !$0.completedRows.isEmpty } }
    }

    /// Headers of a metric's table: strategy, workload, then one column per machine ID.
    public var header: [String] { ["strategy", "workload"] + machines.map(\.id) }

    /// The cells of one line for `column`: the median with its spread on each machine that ran it, the outcome
    /// where it did not complete, "not run" where that machine has no such configuration.
    public func cells(_ line: Line, _ column: CSVColumn) -> [ReportDocument.Cell] {
        [ReportDocument.Cell(text: line.configuration.strategy), ReportDocument.Cell(text: line.configuration.workload.description)]
            + machines.map { machine in
                guard let group = line.byMachine[machine.id] else { return ReportDocument.Cell(text: "not run") }
                guard let median = group.median(column) else {
                    return ReportDocument.Cell(text: group.outcome == .ok ? "–" : group.outcome.label)
                }
                let runs = group.completedRows.count
                return ReportDocument.Cell(
                    text: ReportFormat.number(median) + (runs == 1 ? "" : " (n=\(runs))"),
                    spread: ReportFormat.spread(group.relativeSpread(column)))
            }
    }
}
