import Foundation

/// A gnuplot trend chart of metric series: each series' medians over its points, with min–max bars and the
/// revision under each point; change points drawn as vertical dashed lines.
public struct TrendChart: Sendable {
    public var series: [MetricSeries]
    public var changes: [SeriesChange]

    public init(series: [MetricSeries], changes: [SeriesChange]) {
        self.series = series
        self.changes = changes
    }

    /// The data file: one gnuplot index block per series (point number, median, min, max, revision).
    public var data: String {
        series.map { one in
            "# \(one.key)\n" + one.points.enumerated().map { index, point in
                let range = point.range
                return "\(index) \(point.median) \(range.min) \(range.max) \"\(point.revision)\""
            }.joined(separator: "\n")
        }.joined(separator: "\n\n\n") + "\n"
    }

    /// The gnuplot commands that draw `dataPath` into the PNG at `outputPath`.
    public func script(dataPath: String, outputPath: String) -> String {
        let metric = series.first?.metric ?? "metric"
        var lines = [
            "set terminal pngcairo size 1200,\(400 + 40 * series.count) noenhanced",
            "set output '\(escape(outputPath))'",
            "set title 'WriterBench history: \(escape(metric)) (median per run, bars min-max)'",
            "set xlabel 'run, oldest first (revision)'",
            "set ylabel '\(escape(metric))'",
            "set key below",
            "set grid ytics",
            "set xtics rotate by -45",
            "set offsets 0.5, 0.5, 0, 0",
        ]
        for change in changes {
            let x = Double(change.changePoint.index) - 0.5
            lines.append("set arrow from \(x), graph 0 to \(x), graph 1 nohead dt 2 lc rgb '\(change.isRegression ? "#c62828" : "#2e7d32")'")
        }
        let plots = series.enumerated().map { index, one in
            "'\(escape(dataPath))' index \(index) using 1:2:3:4:xtic(5) with yerrorlines title '\(escape(one.key.description))'"
        }
        lines.append("plot " + (plots.isEmpty ? "NaN notitle" : plots.joined(separator: ", \\\n     ")))
        return lines.joined(separator: "\n") + "\n"
    }

    private func escape(_ text: String) -> String { text.replacingOccurrences(of: "'", with: "''") }
}
