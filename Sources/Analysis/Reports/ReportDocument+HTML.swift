extension ReportDocument {
    /// The report as one self-contained HTML page: inline style, plots embedded as base64 PNG, every text value
    /// escaped.
    public func html() -> String {
        var out: [String] = [
            "<!DOCTYPE html>", "<html lang=\"en\">", "<head>", "<meta charset=\"utf-8\">",
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
            "<title>\(Self.escape(title))</title>", "<style>\(Self.style)</style>", "</head>", "<body>",
            "<h1>\(Self.escape(title))</h1>",
        ]
        out.append("<section><h2>Environment</h2><table class=\"facts\">")
        out += environment.map { "<tr><th>\(Self.escape($0.label))</th><td>\(Self.escape($0.value))</td></tr>" }
        out.append("</table></section>")

        out.append("<section><h2>Conclusions</h2>")
        for section in sections {
            if sections.count > 1 { out.append("<h3>\(Self.escape(Self.heading(section)))</h3>") }
            out.append("<ul>" + section.conclusions.map { "<li>\(Self.escape($0))</li>" }.joined() + "</ul>")
        }
        out.append("</section>")

        out.append("<section><h2>Gate</h2><p class=\"verdict \(gateClass)\">"
                   + "\(Self.escape(gateSummary))</p>")
        if case .verdicts(_, let verdicts) = gate, !verdicts.isEmpty {
            out.append("<table><thead>" + Self.headerRow(["rule", "verdict", "rows", "measured", "limit", "detail"]) + "</thead><tbody>")
            for verdict in verdicts {
                let cells = Self.gateCells(verdict)
                out.append("<tr class=\"\(verdict.passed ? "pass" : verdict.applicable ? "fail" : "na")\">" + cells.map { "<td>\(Self.escape($0))</td>" }.joined() + "</tr>")
            }
            out.append("</tbody></table>")
        }
        out.append("</section>")

        out.append("<section><h2>Results by workload</h2>"
                   + "<p class=\"note\">Values are medians over repetitions; ± is half the min–max range relative to the median.</p>")
        for section in sections {
            out.append("<h3>\(Self.escape(Self.heading(section)))</h3>")
            out.append("<table class=\"results\"><thead>" + Self.headerRow(Self.tableHeader) + "</thead><tbody>")
            var rank = 0
            for group in section.ranked {
                if group.isRankable { rank += 1 }
                let rowClass = group.outcome == .ok ? (group.configuration.isReference ? "reference" : "") : group.outcome.label
                let cells = Self.cells(group, rank: rank).map { cell in
                    "<td>\(Self.escape(cell.text))" + (cell.spread.map { "<span class=\"spread\">\(Self.escape($0))</span>" } ?? "") + "</td>"
                }
                out.append("<tr class=\"\(rowClass)\">" + cells.joined() + "</tr>")
            }
            out.append("</tbody></table>")
        }
        out.append("</section>")

        let peers = peerSections
        if !peers.isEmpty {
            out.append("<section><h2>Peers</h2><p class=\"note\">External writers (strategies.d, peers/) beside ours on the same frames, "
                       + "pace and verification. <em>timed by</em> `writer`: the peer's own write() times (fd 3); the pipe's are in "
                       + "<em>pipe write</em>. CPU includes the peer's processes. Medians over repetitions.</p>")
            for (workload, rows) in peers {
                out.append("<h3>\(Self.escape(workload.description))</h3>")
                out.append("<table class=\"results\"><thead>" + Self.headerRow(Self.peerHeader) + "</thead><tbody>")
                for cells in rows {
                    out.append("<tr>" + cells.map { cell in
                        "<td>\(Self.escape(cell.text))" + (cell.spread.map { "<span class=\"spread\">\(Self.escape($0))</span>" } ?? "") + "</td>"
                    }.joined() + "</tr>")
                }
                out.append("</tbody></table>")
            }
            out.append("</section>")
        }

        if let crossMachine {
            out.append("<section><h2>Across machines</h2><p class=\"note\">Each machine's own median over its repetitions "
                       + "(n when more than one; ± half the min–max range); values of different machines are never pooled.</p>")
            out.append("<table class=\"facts\"><thead>" + Self.headerRow(["machine ID", "host (CPU, cores, OS)", "rows"]) + "</thead><tbody>")
            out += crossMachine.machines.map {
                "<tr><td>\(Self.escape($0.id))</td><td>\(Self.escape($0.description))</td><td>\($0.rows)</td></tr>"
            }
            out.append("</tbody></table>")
            for (column, title) in CrossMachineView.metrics {
                out.append("<h3>\(Self.escape(title))</h3><table class=\"machines\"><thead>" + Self.headerRow(crossMachine.header) + "</thead><tbody>")
                for line in crossMachine.lines {
                    out.append("<tr>" + crossMachine.cells(line, column).map { cell in
                        "<td>\(Self.escape(cell.text))" + (cell.spread.map { "<span class=\"spread\">\(Self.escape($0))</span>" } ?? "") + "</td>"
                    }.joined() + "</tr>")
                }
                out.append("</tbody></table>")
            }
            out.append("</section>")
        }
        if let history { out += htmlHistory(history) }

        out.append("<section><h2>Unavailable and failed</h2>")
        if notRun.isEmpty { out.append("<p>Every configuration completed at least one run.</p>") }
        else {
            out.append("<ul>" + notRun.map {
                "<li>\(Self.escape($0.configuration.description)): <strong>\(Self.escape($0.outcome.label))</strong> — \(Self.escape($0.outcome.reason))</li>"
            }.joined() + "</ul>")
        }
        out.append("</section>")

        out.append("<section><h2>Plots</h2>")
        if let plotNote { out.append("<p class=\"note\">\(Self.escape(plotNote))</p>") }
        for plot in plots {
            out.append("<figure><img alt=\"\(Self.escape(plot.chart.title))\" src=\"data:image/png;base64,\(plot.png.base64EncodedString())\">"
                       + "<figcaption>\(Self.escape(plot.chart.title))</figcaption></figure>")
        }
        out.append("</section>")

        out.append("<section><h2>All runs</h2><table class=\"runs\"><thead>" + Self.headerRow(Self.rowHeader) + "</thead><tbody>")
        for row in rows {
            out.append("<tr class=\"\(Self.escape(row[.status]))\">" + Self.cells(row).map { "<td>\(Self.escape($0))</td>" }.joined() + "</tr>")
        }
        out.append("</tbody></table></section>")
        out += ["</body>", "</html>"]
        return out.joined(separator: "\n") + "\n"
    }

    func htmlHistory(_ section: HistorySection) -> [String] {
        var out = ["<section><h2>History</h2>"]
        switch section {
        case .absent(let why):
            out.append("<p class=\"note\">\(Self.escape(why))</p>")
        case .trends(let trends):
            out.append("<p class=\"note\">Store \(Self.escape(trends.store)); metrics \(Self.escape(trends.metrics.joined(separator: ", "))). "
                       + "\(Self.escape(trends.detectorNote))</p>")
            if trends.changes.isEmpty { out.append("<p>No change points.</p>") }
            else {
                out.append("<table class=\"changes\"><thead>" + Self.headerRow(HistoryTrends.changeHeader) + "</thead><tbody>")
                for row in trends.changes {
                    let verdict = row.last == "REGRESSION" ? "fail" : ""
                    out.append("<tr class=\"\(verdict)\">" + row.map { "<td>\(Self.escape($0))</td>" }.joined() + "</tr>")
                }
                out.append("</tbody></table>")
            }
            for chart in trends.charts {
                out.append("<figure><img alt=\"\(Self.escape(chart.title))\" src=\"data:image/png;base64,\(chart.png.base64EncodedString())\">"
                           + "<figcaption>\(Self.escape(chart.title))</figcaption></figure>")
            }
            if let note = trends.chartNote { out.append("<p class=\"note\">\(Self.escape(note))</p>") }
            for series in trends.series {
                out.append("<h3>\(Self.escape(series.title))</h3><table class=\"trend\"><thead>"
                           + Self.headerRow(HistoryTrends.seriesHeader) + "</thead><tbody>")
                out += series.rows.map { "<tr>" + $0.map { "<td>\(Self.escape($0))</td>" }.joined() + "</tr>" }
                out.append("</tbody></table>")
            }
        }
        out.append("</section>")
        return out
    }

    static func headerRow(_ header: [String]) -> String {
        "<tr>" + header.map { "<th>\(escape($0))</th>" }.joined() + "</tr>"
    }

    /// `text` with the five HTML-significant characters replaced by entities (safe in text and attributes).
    static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    static let style = """
        body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;margin:2em auto;max-width:1300px;\
        padding:0 1em;color:#1d1d1f;line-height:1.4}
        h1{font-size:1.6em;border-bottom:2px solid #ddd;padding-bottom:.3em}h2{margin-top:1.8em;font-size:1.3em}
        h3{font-size:1.05em;margin-top:1.4em;color:#333}
        table{border-collapse:collapse;margin:.5em 0;font-size:.88em}
        th,td{border:1px solid #d0d0d0;padding:.3em .55em;text-align:left;vertical-align:top}
        thead th{background:#f2f2f2;position:sticky;top:0}
        table.results td:nth-child(n+3){text-align:right;white-space:nowrap}
        table.results td:nth-child(10){text-align:left;white-space:normal;max-width:22em}
        table.facts th{background:#f7f7f7;width:10em}
        .spread{display:block;color:#777;font-size:.85em}
        tr.failed td,tr.invalid td,tr.fail td{background:#fdecea}tr.unavailable td{background:#f4f4f4;color:#666}
        tr.reference td{background:#eef4fb}tr.pass td:nth-child(2){color:#1a7f37;font-weight:600}
        tr.fail td:nth-child(2){color:#c62828;font-weight:600}
        .verdict{font-weight:600;padding:.4em .7em;display:inline-block;border-radius:4px}
        .verdict.pass{background:#e6f4ea;color:#1a7f37}.verdict.fail{background:#fdecea;color:#c62828}
        .verdict.na{background:#f4f4f4;color:#555}tr.na td{color:#666}
        .note{color:#555;font-size:.9em}
        figure{margin:1em 0}figure img{max-width:100%;border:1px solid #e0e0e0}figcaption{color:#555;font-size:.9em}
        table.runs{font-size:.8em}
        table.machines td:nth-child(n+3),table.trend td:nth-child(n+3){text-align:right;white-space:nowrap}
        """
}
