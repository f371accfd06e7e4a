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
    /// Panel title: the workload apart from encoder settings (frame set, size, pace, frames), plus the settings when
    /// every row shares them.
    public var title: String
    /// The value axis range (write time and latency: ms on a log axis, always including the 1 ms gate; quality: PSNR
    /// dB, at least ``PlotData/minimumPSNRSpan`` wide); nil lets gnuplot choose.
    public var range: ClosedRange<Double>?
    /// The encoder settings of the panel's rows, in colour order (row group 1 is the first).
    public var legend: [String] = []
    /// Label of each drawn row (or curve), in data order.
    public var series: [String] = []
    /// Encoder-settings group (1-based index into `legend`) of each entry of `series`.
    public var groups: [Int] = []
    /// Column headers.
    public var header: [String]
    /// Rows of cells; text cells are quoted, missing numbers are `NaN`. An empty row separates a second block
    /// (the quality chart's Pareto front).
    public var rows: [[String]]
}

/// What one chart plots, shaped for gnuplot, plus the caption naming what it leaves out.
///
/// `writerbench aggregate --for plot-<chart>` prints it, so that plot.sh only drives gnuplot. Every chart but
/// fps-resolution has one panel per frame set × size × pace × frames, holding every strategy and encoder setting
/// (rows grouped and coloured by encoder settings), so that a trade-off between encoders is seen on one chart.
public struct PlotData: Sendable {
    /// The chart.
    public var chart: PlotChart
    /// The panels, one per workload with something to draw.
    public var panels: [PlotPanel]
    /// Lines naming rows that are not drawn and why: one line for every unavailable strategy, one per other reason.
    public var caption: [String]

    /// The narrowest PSNR axis drawn, dB: smaller differences than this are noise on a quality chart.
    public static let minimumPSNRSpan = 3.0
    /// The write-time gate every latency axis includes, ms.
    public static let gateMs = 1.0

    /// Shapes `aggregates` for `chart`. `samples` is needed for the latency CDF only.
    public init(chart: PlotChart, aggregates: [RowAggregate], samples: WriteSamples?) {
        self.chart = chart
        var panels: [PlotPanel] = []
        var notes = CaptionNotes()
        for group in aggregates where group.outcome != .ok {
            switch group.outcome {
            case .unavailable(let reason): notes.unavailable.append((group.strategy, reason))
            default:
                let drawn = group.completedRows.isEmpty ? ", not drawn" : ""
                notes.add("\(group.outcome.label)\(drawn)", "\(Self.label(group, among: aggregates)) — \(Self.shorten(group.outcome.reason, to: 60))")
            }
        }
        // The null writer's fps (the harness alone, ~10⁵–10⁶ frames/s) would flatten every writer's bar.
        let drawn = aggregates.filter { !$0.completedRows.isEmpty && !$0.configuration.isNullWriter }
        switch chart {
        case .fpsResolution:
            let sizes = Set(drawn.map(\.configuration.workload.size))
            if sizes.count < 2 {
                notes.lines.append("only one frame size (\(sizes.sorted().joined(separator: ", "))): no fps-against-size chart")
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
                panels.append(PlotPanel(title: workload.description, header: ["megapixels", "size"] + strategies, rows: rows))
            }
        default:
            for (workload, groups) in Self.grouped(drawn, by: \.configuration.workload.ignoringEncoder) {
                if let panel = Self.panel(chart, workload, Self.bySettings(groups), samples, &notes) { panels.append(panel) }
            }
        }
        self.panels = panels
        caption = notes.text
    }

    /// The data for gnuplot: one dataset per panel (header line first), separated by two blank lines so that
    /// `index N` selects panel N.
    public var dataText: String {
        panels.map { panel in
            ([panel.header.map(Self.quoted)] + panel.rows).map { $0.joined(separator: " ") }.joined(separator: "\n")
        }.joined(separator: "\n\n\n") + (panels.isEmpty ? "" : "\n")
    }

    /// One line per panel, tab-separated: title, range low, range high (`NaN` when gnuplot chooses), the legend
    /// (`|`-separated), the series labels (`|`-separated) and each series' legend group (space-separated).
    public var panelsText: String {
        panels.map { panel in
            [Self.plain(panel.title), Self.number(panel.range?.lowerBound), Self.number(panel.range?.upperBound),
             panel.legend.map(Self.plain).joined(separator: "|"), panel.series.map(Self.plain).joined(separator: "|"),
             panel.groups.map(String.init).joined(separator: " ")].joined(separator: "\t") + "\n"
        }.joined()
    }

    /// The caption lines, one per line, plain text safe inside a single-quoted gnuplot string.
    public var captionText: String { caption.map { Self.plain($0) + "\n" }.joined() }

    /// The host line for chart titles: host, CPU, cores and OS of the rows (several when the file mixes machines).
    public static func heading(_ table: ResultsTable) -> String {
        let machines = unique(table.rows.map { "\($0[.host]) (\($0[.cpuModel]), \($0[.logicalCores]) cores, \($0[.os]))" })
        return plain("host " + machines.joined(separator: "; "))
    }

    /// A log axis over `values` (ms) that always includes the 1 ms gate with room around it: from half the
    /// smallest value (at most 0.3 ms) to twice the largest (at least 3 ms).
    public static func latencyRange(_ values: [Double]) -> ClosedRange<Double>? {
        let positive = values.filter { $0.isFinite && $0 > 0 }
        guard let low = positive.min(), let high = positive.max() else { return nil }
        return min(low / 2, gateMs * 0.3)...max(high * 2, gateMs * 3)
    }

    /// A PSNR axis over `values` at least ``minimumPSNRSpan`` wide, centred on the values, with 15 % room each side.
    public static func psnrRange(_ values: [Double]) -> ClosedRange<Double>? {
        let finite = values.filter(\.isFinite)
        guard let low = finite.min(), let high = finite.max() else { return nil }
        let span = max(high - low, minimumPSNRSpan) * 1.3
        let centre = (low + high) / 2
        return (centre - span / 2)...(centre + span / 2)
    }

    /// The points not dominated by another (no other point has both more fps and more PSNR), ordered by fps:
    /// the Pareto front of the speed–quality trade-off.
    public static func paretoFront(_ points: [(fps: Double, psnr: Double)]) -> [(fps: Double, psnr: Double)] {
        let front = points.filter { point in
            !points.contains { $0.fps >= point.fps && $0.psnr >= point.psnr && ($0.fps > point.fps || $0.psnr > point.psnr) }
        }
        var seen = Set<String>()
        return front.sorted { $0.fps < $1.fps }.filter { seen.insert("\($0.fps) \($0.psnr)").inserted }
    }

    private static func panel(_ chart: PlotChart, _ workload: Workload, _ groups: [RowAggregate],
                              _ samples: WriteSamples?, _ notes: inout CaptionNotes) -> PlotPanel? {
        let legend = unique(groups.map(\.configuration.workload.shortSettings))
        func group(_ aggregate: RowAggregate) -> Int { (legend.firstIndex(of: aggregate.configuration.workload.shortSettings) ?? 0) + 1 }
        let title = panelTitle(workload, legend: legend)
        func label(_ aggregate: RowAggregate) -> String { Self.label(aggregate, among: groups) }
        switch chart {
        case .writeTime:
            var drawn: [RowAggregate] = []
            let rows = groups.compactMap { aggregate -> [String]? in
                guard aggregate.median(.writeMsP50) != nil else { notes.add("no write times", label(aggregate)); return nil }
                drawn.append(aggregate)
                return [quoted(label(aggregate))] + [CSVColumn.writeMsP50, .writeMsP95, .writeMsP99, .writeMsMax]
                    .map { number(aggregate.median($0)) }
            }
            let values = drawn.flatMap { aggregate in [CSVColumn.writeMsP50, .writeMsMax].compactMap { aggregate.median($0) } }
            return rows.isEmpty ? nil : PlotPanel(title: title, range: latencyRange(values), legend: legend,
                                                  series: drawn.map(label), groups: drawn.map(group),
                                                  header: ["strategy", "p50", "p95", "p99", "max"], rows: rows)
        case .throughput:
            var drawn: [RowAggregate] = []
            let rows = groups.compactMap { aggregate -> [String]? in
                let fps = aggregate.distribution(.fps)
                guard let median = fps.median else { notes.add("no fps", label(aggregate)); return nil }
                drawn.append(aggregate)
                return [quoted(label(aggregate)), number(median), number(fps.min), number(fps.max), String(group(aggregate)),
                        aggregate.configuration.isEncoderCeiling ? "1" : "0"]
            }
            return rows.isEmpty ? nil : PlotPanel(title: title, range: nil, legend: legend, series: drawn.map(label),
                                                  groups: drawn.map(group),
                                                  header: ["strategy", "fps", "min", "max", "group", "ceiling"], rows: rows)
        case .qualitySpeed:
            var drawn: [(RowAggregate, Double, Double)] = []
            for aggregate in groups where !aggregate.configuration.isEncoderCeiling {
                guard let fps = aggregate.median(.fps), let psnr = aggregate.median(.psnrDB) else {
                    notes.add("no PSNR (output not verified)", label(aggregate)); continue
                }
                drawn.append((aggregate, fps, psnr))
            }
            guard !drawn.isEmpty else { return nil }
            let front = paretoFront(drawn.map { ($0.1, $0.2) })
            let rows = drawn.map { [quoted(label($0.0)), number($0.1), number($0.2), String(group($0.0))] }
                + [[]] + front.map { [number($0.fps), number($0.psnr)] }
            return PlotPanel(title: title, range: psnrRange(drawn.map(\.2)), legend: legend,
                             series: drawn.map { label($0.0) }, groups: drawn.map { group($0.0) },
                             header: ["strategy", "fps", "psnr_db", "group"], rows: rows)
        case .latencyCDF:
            var curves: [(RowAggregate, Distribution)] = []
            for aggregate in groups where !aggregate.configuration.isEncoderCeiling {
                let writes = samples?.writes(of: aggregate) ?? []
                if writes.isEmpty { notes.add(samples == nil ? "no samples file" : "no samples", label(aggregate)); continue }
                curves.append((aggregate, Distribution(writes)))
            }
            guard !curves.isEmpty else { return nil }
            let rows = cdfLevels.map { level in
                [number(level * 100)] + curves.map { number($0.1.percentile(level * 100)) }
            }
            let values = curves.flatMap { [$0.1.min, $0.1.max].compactMap { $0 } }
            return PlotPanel(title: title, range: latencyRange(values), legend: legend, series: curves.map { label($0.0) },
                             groups: curves.map { group($0.0) }, header: ["percent"] + curves.map { label($0.0) }, rows: rows)
        case .fpsResolution:
            return nil
        }
    }

    /// "camera 640x480 · pace max · 60 frames", with the encoder settings when the panel has only one.
    static func panelTitle(_ workload: Workload, legend: [String]) -> String {
        "\(workload.frameset) \(workload.size) · \(workload.pace) · \(workload.frames) frames"
            + (legend.count == 1 ? " · \(legend[0])" : "")
    }

    /// The strategy, with its encoder settings when `among` holds more than one setting (an encoder ceiling always
    /// carries them): "opencv-mp4v (mpeg4)", "encoder-ceiling (libx264 ultrafast crf18)".
    static func label(_ aggregate: RowAggregate, among: [RowAggregate]) -> String {
        let settings = aggregate.configuration.workload.shortSettings
        let several = Set(among.map(\.configuration.workload.shortSettings)).count > 1
        return aggregate.configuration.isEncoderCeiling || several ? "\(aggregate.strategy) (\(settings))" : aggregate.strategy
    }

    /// Rows ordered by encoder settings (first appearance), the encoder ceiling first within each.
    static func bySettings(_ groups: [RowAggregate]) -> [RowAggregate] {
        grouped(groups, by: \.configuration.workload.shortSettings).flatMap { _, members in
            members.filter(\.configuration.isEncoderCeiling) + members.filter { !$0.configuration.isEncoderCeiling }
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

/// The caption of a chart under construction: unavailable strategies (one line in the end) and other left-out
/// rows grouped by reason, one line per reason.
struct CaptionNotes {
    var unavailable: [(name: String, reason: String)] = []
    var lines: [String] = []
    private var order: [String] = []
    private var names: [String: [String]] = [:]

    /// `who` is not drawn because of `why`.
    mutating func add(_ why: String, _ who: String) {
        if names[why] == nil { order.append(why) }
        if names[why]?.contains(who) != true { names[why, default: []].append(who) }
    }

    var text: [String] {
        var text = order.map { why in "\(why): \((names[why] ?? []).joined(separator: ", "))" } + lines
        if let line = UnavailableSummary(unavailable).line { text.append("not drawn: " + line) }
        return text
    }
}
