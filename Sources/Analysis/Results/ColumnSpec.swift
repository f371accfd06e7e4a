/// One catalogue entry of a CSV whose rows are `Row`: what the column means and how a row's field is read.
///
/// Rendering a row is mapping its CSV's catalogue over the row (``RunRecord/csvFields``), so a column's number
/// format is stated once, next to its unit and meaning, instead of in a per-record switch.
public struct ColumnSpec<Row>: Sendable {
    /// Unit, direction, format, noise floor and meaning.
    public var about: ColumnDescription
    /// How a row yields the column's value.
    public var reader: ColumnReader<Row>

    /// Creates an entry.
    public init(_ about: ColumnDescription, _ reader: ColumnReader<Row>) {
        self.about = about
        self.reader = reader
    }

    /// The CSV field of `row` in this column (empty when the row did not measure it).
    public func field(of row: Row) -> String {
        about.format.render(reader.read(row))
    }

    /// A text column.
    public static func text(_ meaning: String, _ value: @escaping @Sendable (Row) -> String?) -> Self {
        Self(.text(meaning), .text(value))
    }

    /// A `true`/`false` column.
    public static func flag(_ meaning: String, _ value: @escaping @Sendable (Row) -> Bool?) -> Self {
        Self(.flag(meaning), .flag(value))
    }

    /// A whole-number column.
    public static func integer(_ unit: ColumnUnit, direction: MetricDirection? = nil, _ meaning: String,
                               _ value: @escaping @Sendable (Row) -> Int?) -> Self {
        Self(.integer(unit, direction: direction, meaning), .integer(value))
    }

    /// A whole-number column of sizes in bytes.
    public static func integer(_ unit: ColumnUnit, direction: MetricDirection? = nil, _ meaning: String,
                               _ value: @escaping @Sendable (Row) -> Int64?) -> Self {
        Self(.integer(unit, direction: direction, meaning), .integer(value))
    }

    /// A fixed-point column with `digits` decimals.
    public static func number(_ unit: ColumnUnit, direction: MetricDirection? = nil, digits: Int, _ meaning: String,
                              _ value: @escaping @Sendable (Row) -> Double?) -> Self {
        Self(.number(unit, direction: direction, digits: digits, meaning), .number(value))
    }
}
