import Foundation

/// The report's trend section: what the results history store holds about the watched series, prepared by the
/// caller that reads the store (this module links no database), or why there is no store.
public enum HistorySection: Sendable {
    /// No store: the one line saying how to get one.
    case absent(String)
    /// The store's trends and change points.
    case trends(HistoryTrends)
}

/// The watched series of a history store: a table per series, its change points, and an optional chart per metric.
public struct HistoryTrends: Sendable {
    /// One series (strategy × configuration × machine) of one metric over its stored runs.
    public struct Series: Sendable {
        /// The series' name (strategy, settings, workload, machine) and metric.
        public var title: String
        /// One line per stored run: revision, run start, median, min–max, n, change.
        public var rows: [[String]]

        /// A series table.
        public init(title: String, rows: [[String]]) {
            self.title = title
            self.rows = rows
        }
    }

    /// A trend chart drawn from the store.
    public struct Chart: Sendable {
        /// What it shows.
        public var title: String
        /// The PNG's bytes.
        public var png: Data

        /// A chart.
        public init(title: String, png: Data) {
            self.title = title
            self.png = png
        }
    }

    /// Headers of a series table.
    public static let seriesHeader = ["revision", "run", "median", "min–max", "n", "change"]
    /// Headers of the change-point table (the columns of `history regressions`).
    public static let changeHeader = ["series", "metric", "commits", "mean before → after", "change", "p", "verdict"]

    /// The store's location (password left out).
    public var store: String
    /// The metrics shown.
    public var metrics: [String]
    /// The series with at least one stored run, per metric.
    public var series: [Series]
    /// Every change point found, as `history regressions` lists them.
    public var changes: [[String]]
    /// The detector's parameters and how many series were long enough to judge, in one sentence.
    public var detectorNote: String
    /// Trend charts, when gnuplot could draw them.
    public var charts: [Chart]
    /// Why charts are missing, if they are.
    public var chartNote: String?

    /// Trends read from a store.
    public init(store: String, metrics: [String], series: [Series], changes: [[String]], detectorNote: String,
                charts: [Chart], chartNote: String?) {
        self.store = store
        self.metrics = metrics
        self.series = series
        self.changes = changes
        self.detectorNote = detectorNote
        self.charts = charts
        self.chartNote = chartNote
    }
}
