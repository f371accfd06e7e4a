extension ReportDocument {
    /// The report as Markdown (GitHub flavour): tables for results, gate and runs, images referencing the plot PNGs.
    public func markdown() -> String {
        var out: [String] = ["# \(Self.markdownText(title))", ""]
        out += ["## Environment", "", "| | |", "|---|---|"]
        out += environment.map { "| \(Self.markdownText($0.label)) | \(Self.markdownText($0.value)) |" }
        out += ["", "## Conclusions", ""]
        for section in sections {
            if sections.count > 1 { out += ["**\(Self.markdownText(Self.heading(section)))**", ""] }
            out += section.conclusions.map { "- \(Self.markdownText($0))" } + [""]
        }
        out += ["## Gate", "", "**\(Self.markdownText(gateSummary))**", ""]
        if case .verdicts(_, let verdicts) = gate, !verdicts.isEmpty {
            out += Self.markdownTable(["rule", "verdict", "rows", "measured", "limit", "detail"], verdicts.map(Self.gateCells))
            out.append("")
        }
        out += ["## Results by workload", "",
                "Values are medians over repetitions; ± is half the min–max range relative to the median.", ""]
        for section in sections {
            out += ["### \(Self.markdownText(Self.heading(section)))", ""]
            var rank = 0
            let rows = section.ranked.map { group -> [String] in
                if group.isRankable { rank += 1 }
                return Self.cells(group, rank: rank).map { cell in cell.spread.map { "\(cell.text) \($0)" } ?? cell.text }
            }
            out += Self.markdownTable(Self.tableHeader, rows) + [""]
        }
        let peers = peerSections
        if !peers.isEmpty {
            out += ["## Peers", "",
                    "External writers beside ours on the same frames, pace and verification; \"timed by writer\": the peer's own write() times (fd 3).", ""]
            for (workload, rows) in peers {
                out += ["### \(Self.markdownText(workload.description))", ""]
                out += Self.markdownTable(Self.peerHeader, rows.map { $0.map { cell in cell.spread.map { "\(cell.text) \($0)" } ?? cell.text } }) + [""]
            }
        }
        if let crossMachine {
            out += ["## Across machines", "",
                    "Each machine's own median over its repetitions (n when more than one; ± half the min–max range); "
                        + "values of different machines are never pooled.", ""]
            out += Self.markdownTable(["machine ID", "host (CPU, cores, OS)", "rows"],
                                      crossMachine.machines.map { [$0.id, $0.description, "\($0.rows)"] }) + [""]
            for (column, title) in CrossMachineView.metrics {
                out += ["### \(Self.markdownText(title))", ""]
                out += Self.markdownTable(crossMachine.header, crossMachine.lines.map { line in
                    crossMachine.cells(line, column).map { cell in cell.spread.map { "\(cell.text) \($0)" } ?? cell.text }
                }) + [""]
            }
        }
        if let history { out += markdownHistory(history) }
        out += ["## Unavailable and failed", ""]
        if notRun.isEmpty { out += ["Every configuration completed at least one run.", ""] }
        else {
            out += notRun.map {
                "- \(Self.markdownText($0.configuration.description)): **\($0.outcome.label)** — \(Self.markdownText($0.outcome.reason))"
            } + [""]
        }
        out += ["## Plots", ""]
        if let plotNote { out += ["\(Self.markdownText(plotNote))", ""] }
        out += plots.map { "![\(Self.markdownText($0.chart.title))](\($0.reference.replacingOccurrences(of: " ", with: "%20")))\n" }
        out += ["## All runs", ""]
        out += Self.markdownTable(Self.rowHeader, rows.map(Self.cells))
        return out.joined(separator: "\n") + "\n"
    }

    func markdownHistory(_ section: HistorySection) -> [String] {
        var out = ["## History", ""]
        switch section {
        case .absent(let why):
            out += [Self.markdownText(why), ""]
        case .trends(let trends):
            out += ["Store \(Self.markdownText(trends.store)); metrics \(trends.metrics.joined(separator: ", ")). "
                    + Self.markdownText(trends.detectorNote), ""]
            if trends.changes.isEmpty { out += ["No change points.", ""] }
            else { out += Self.markdownTable(HistoryTrends.changeHeader, trends.changes) + [""] }
            for series in trends.series {
                out += ["### \(Self.markdownText(series.title))", ""]
                out += Self.markdownTable(HistoryTrends.seriesHeader, series.rows) + [""]
            }
            if let note = trends.chartNote { out += [Self.markdownText(note), ""] }
        }
        return out
    }

    static func gateCells(_ verdict: GateVerdict) -> [String] {
        [verdict.rule.name, verdict.applicable ? verdict.label : "not applicable", "\(verdict.rowsMatched)",
         verdict.measured.map { "\(verdict.rule.aggregate.rawValue)(\(verdict.rule.metric)) = \(ReportFormat.number($0))" } ?? "–",
         verdict.rule.limit.description, verdict.detail]
    }

    static func markdownTable(_ header: [String], _ rows: [[String]]) -> [String] {
        let line: ([String]) -> String = { "| " + $0.map(markdownText).joined(separator: " | ") + " |" }
        return [line(header), "|" + String(repeating: "---|", count: header.count)] + rows.map(line)
    }

    /// Text that cannot break a Markdown table or be read as HTML or emphasis.
    static func markdownText(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "|": escaped += "\\|"
            case "\n", "\r", "\t": escaped += " "
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "&": escaped += "&amp;"
            case "*", "_", "`", "[", "]", "\\": escaped += "\\\(character)"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
