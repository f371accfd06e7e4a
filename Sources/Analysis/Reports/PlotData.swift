import Foundation

/// The charts `scripts/plot.sh` draws; each has a file name stem and a data layout built by ``PlotData``.
public enum PlotChart: String, CaseIterable, Sendable {
    /// Write time p50/p95/p99/max per strategy (log ms axis, 1 ms gate line).
    case writeTime = "write-time"
    /// Cumulative distribution of write times per strategy, from the samples file.
    case latencyCDF = "latency-cdf"
    /// Median fps per strategy with min–max bars, the encoder ceiling as a line.
    case throughput
    /// PSNR against fps, one labelled point per strategy.
    case qualitySpeed = "quality-speed"
    /// fps against frame size, one line per strategy (only when the CSV holds several sizes).
    case fpsResolution = "fps-resolution"

    /// Human title of the chart.
    public var title: String {
        switch self {
        case .writeTime: "Write time per strategy"
        case .latencyCDF: "Write latency CDF"
        case .throughput: "Throughput per strategy"
        case .qualitySpeed: "Quality against speed"
        case .fpsResolution: "Throughput against frame size"
        }
    }
}

/// One panel of a chart: a title and a whitespace-separated table for gnuplot.
public struct PlotPanel: Sendable, Equatable {
    /// Panel title: the workload (frame set, size, encoder settings, pace, frames).
    public var title: String
    /// The encoder ceiling's median fps for the workload (drawn as a line), if measured.
    public var ceilingFPS: Double?
    /// Column headers.
    public var header: [String]
    /// Rows of cells; text cells are quoted, missing numbers are `NaN`.
    public var rows: [[String]]
}

/// What one chart plots, shaped for gnuplot, plus the caption naming what it leaves out.
///
/// `writerbench aggregate --for plot-<chart>` prints it, so that plot.sh only drives gnuplot.
public struct PlotData: Sendable {
    /// The chart.
    public var chart: PlotChart
    /// The panels, one per workload with something to draw.
    public var panels: [PlotPanel]
    /// Lines naming rows that are not drawn and why (unavailable, failed, nothing measured).
    public var caption: [String]

    /// Shapes `aggregates` for `chart`. `samples` is needed for the latency CDF only.
    public init(chart: PlotChart, aggregates: [RowAggregate], samples: WriteSamples?) {
        self.chart = chart
        var panels: [PlotPanel] = []
        var caption: [String] = []
        func leftOut(_ group: RowAggregate, _ why: String) {
            caption.append("\(group.strategy) (\(group.configuration.workload.frameset) \(group.configuration.workload.size)): \(why)")
        }
        for group in aggregates where group.outcome != .ok {
            let reason = Self.shorten(group.outcome.reason)
            if group.completedRows.isEmpty { leftOut(group, "\(group.outcome.label), not plotted — \(reason)") }
            else { leftOut(group, "\(group.outcome.label) — \(reason)") }
        }
        let drawn = aggregates.filter { !$0.completedRows.isEmpty }
        switch chart {
        case .fpsResolution:
            let sizes = Set(drawn.map(\.configuration.workload.size))
            if sizes.count < 2 {
                caption.append("only one frame size (\(sizes.sorted().joined(separator: ", "))): no fps-against-size chart")
                break
            }
            for (workload, groups) in Self.grouped(drawn, by: \.configuration.workload.ignoringSize) {
                let bySize = Dictionary(grouping: groups, by: \.configuration.workload.size)
                guard bySize.count >= 2 else { continue }
                let strategies = Self.unique(groups.map(\.strategy))
                let sizeRows = bySize.values.compactMap(\.first).sorted { $0.configuration.workload.pixels < $1.configuration.workload.pixels }
                let rows = sizeRows.map { sizeGroup -> [String] in
                    let size = sizeGroup.configuration.workload
                    return [Self.number(Double(size.pixels) / 1_000_000), Self.quoted(size.size)] + strategies.map { strategy in
                        Self.number(bySize[size.size]?.first { $0.strategy == strategy }?.median(.fps))
                    }
                }
                panels.append(PlotPanel(title: workload.description, ceilingFPS: nil,
                                        header: ["megapixels", "size"] + strategies, rows: rows))
            }
        default:
            for (workload, groups) in Self.grouped(drawn, by: \.configuration.workload) {
                if let panel = Self.panel(chart, workload, groups, samples, leftOut) { panels.append(panel) }
            }
        }
        self.panels = panels
        self.caption = caption
    }

    /// The data for gnuplot: one dataset per panel (header line first), separated by two blank lines so that
    /// `index N` selects panel N.
    public var dataText: String {
        panels.map { panel in
            ([panel.header.map(Self.quoted)] + panel.rows).map { $0.joined(separator: " ") }.joined(separator: "\n")
        }.joined(separator: "\n\n\n") + (panels.isEmpty ? "" : "\n")
    }

    /// One line per panel, tab-separated: title, then the ceiling fps or `NaN`.
    public var panelsText: String {
        panels.map { "\(Self.plain($0.title))\t\(Self.number($0.ceilingFPS))\n" }.joined()
    }

    /// The caption lines, one per line, plain text safe inside a single-quoted gnuplot string.
    public var captionText: String { caption.map { Self.plain($0) + "\n" }.joined() }

    /// The host line for chart titles: host, CPU, cores and OS of the rows (several when the file mixes machines).
    public static func heading(_ table: ResultsTable) -> String {
        let machines = unique(table.rows.map { "\($0[.host]) (\($0[.cpuModel]), \($0[.logicalCores]) cores, \($0[.os]))" })
        return plain("host " + machines.joined(separator: "; "))
    }

    private static func panel(_ chart: PlotChart, _ workload: Workload, _ groups: [RowAggregate],
                              _ samples: WriteSamples?, _ leftOut: (RowAggregate, String) -> Void) -> PlotPanel? {
        let ceiling = groups.first(where: \.configuration.isEncoderCeiling)?.median(.fps)
        switch chart {
        case .writeTime:
            let rows = groups.compactMap { group -> [String]? in
                guard group.median(.writeMsP50) != nil else { leftOut(group, "no write times"); return nil }
                return [quoted(group.strategy)] + [CSVColumn.writeMsP50, .writeMsP95, .writeMsP99, .writeMsMax]
                    .map { number(group.median($0)) }
            }
            return rows.isEmpty ? nil : PlotPanel(title: workload.description, ceilingFPS: ceiling,
                                                  header: ["strategy", "p50", "p95", "p99", "max"], rows: rows)
        case .throughput:
            let rows = groups.filter { !$0.configuration.isEncoderCeiling }.compactMap { group -> [String]? in
                let fps = group.distribution(.fps)
                guard let median = fps.median else { leftOut(group, "no fps"); return nil }
                return [quoted(group.strategy), number(median), number(fps.min), number(fps.max)]
            }
            return rows.isEmpty ? nil : PlotPanel(title: workload.description, ceilingFPS: ceiling,
                                                  header: ["strategy", "fps", "min", "max"], rows: rows)
        case .qualitySpeed:
            let rows = groups.compactMap { group -> [String]? in
                guard let fps = group.median(.fps), let psnr = group.median(.psnrDB) else {
                    leftOut(group, "no PSNR (output not verified)"); return nil
                }
                return [quoted(group.strategy), number(fps), number(psnr)]
            }
            return rows.isEmpty ? nil : PlotPanel(title: workload.description, ceilingFPS: ceiling,
                                                  header: ["strategy", "fps", "psnr_db"], rows: rows)
        case .latencyCDF:
            var curves: [(String, Distribution)] = []
            for group in groups {
                let writes = samples?.writes(of: group) ?? []
                if writes.isEmpty { leftOut(group, samples == nil ? "no samples file" : "no samples"); continue }
                curves.append((group.strategy, Distribution(writes)))
            }
            guard !curves.isEmpty else { return nil }
            let rows = cdfLevels.map { level in
                [number(level * 100)] + curves.map { number($0.1.percentile(level * 100)) }
            }
            return PlotPanel(title: workload.description, ceilingFPS: ceiling,
                             header: ["percent"] + curves.map(\.0), rows: rows)
        case .fpsResolution:
            return nil
        }
    }

    /// Cumulative fractions at which the CDF is sampled: fine steps in the tail, where latency problems live, and
    /// a bounded number of points whatever the run length.
    static let cdfLevels: [Double] = {
        let body = stride(from: 0.0, to: 0.9, by: 0.01)
        let tail = stride(from: 0.9, to: 0.99, by: 0.002)
        let extreme = stride(from: 0.99, to: 1.0, by: 0.0005)
        return Array(body) + Array(tail) + Array(extreme) + [1.0]
    }()

    static func grouped<Key: Hashable>(_ groups: [RowAggregate], by key: (RowAggregate) -> Key) -> [(Key, [RowAggregate])] {
        var order: [Key] = []
        var byKey: [Key: [RowAggregate]] = [:]
        for group in groups {
            let value = key(group)
            if byKey[value] == nil { order.append(value) }
            byKey[value, default: []].append(group)
        }
        return order.map { ($0, byKey[$0] ?? []) }
    }

    static func unique(_ values: [String]) -> [String] {
        var seen = Set<String>()
        return values.filter { seen.insert($0).inserted }
    }

    static func number(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "NaN" }
        return String(format: "%.6g", value)
    }

    static func quoted(_ text: String) -> String { "\"" + plain(text).replacingOccurrences(of: "\"", with: "'") + "\"" }

    /// Text without tabs, line breaks or characters gnuplot would interpret inside a single-quoted string.
    static func plain(_ text: String) -> String {
        String(text.map { $0 == "\t" || $0 == "\n" || $0 == "\r" ? " " : $0 == "'" ? "’" : $0 })
    }

    static func shorten(_ text: String, to length: Int = 90) -> String {
        text.count <= length ? text : String(text.prefix(length - 1)) + "…"
    }
}
