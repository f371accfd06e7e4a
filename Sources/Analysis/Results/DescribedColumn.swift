/// The typed column names of one CSV, each with its catalogue entry: what ``ColumnTable`` documents.
public protocol DescribedColumn: RawRepresentable<String>, CaseIterable, Sendable {
    /// Unit, direction, format, noise floor and meaning of the column.
    var about: ColumnDescription { get }
}

extension DescribedColumn {
    /// The CSV header line's fields, in order.
    public static var header: [String] { allCases.map(\.rawValue) }

    /// Unit of the column's values ("" for text and plain counts).
    public var unit: String { about.unit.rawValue }

    /// The direction of improvement of a measured column; nil for configuration, environment and text columns.
    ///
    /// `compare` and `recommend` read this instead of deciding per metric in their own code, so a column's direction
    /// is defined once, in its catalogue entry, next to its unit and meaning.
    public var direction: MetricDirection? { about.direction }

    /// The smallest absolute change of this column that `compare` treats as real, or nil for none
    /// (``ColumnUnit/defaultNoiseFloor`` says why millisecond timings have one).
    public var noiseFloor: Double? { about.noiseFloor }

    /// Whether the column holds numbers (every measured column, plus numeric configuration columns).
    public var isNumeric: Bool { about.format.isNumeric }
}
