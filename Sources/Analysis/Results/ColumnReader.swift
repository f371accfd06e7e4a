/// How a row of type `Row` yields one column's value (nil when the row did not measure it).
public struct ColumnReader<Row>: Sendable {
    /// The row's value of the column.
    public let read: @Sendable (Row) -> ColumnValue?

    /// Creates a reader from a function of the row.
    public init(_ read: @escaping @Sendable (Row) -> ColumnValue?) { self.read = read }

    /// Reads text.
    public static func text(_ value: @escaping @Sendable (Row) -> String?) -> Self {
        Self { value($0).map(ColumnValue.text) }
    }

    /// Reads a flag, written `true`/`false`.
    public static func flag(_ value: @escaping @Sendable (Row) -> Bool?) -> Self {
        Self { value($0).map(ColumnValue.flag) }
    }

    /// Reads a whole number.
    public static func integer(_ value: @escaping @Sendable (Row) -> Int?) -> Self {
        Self { value($0).map { .integer(Int64($0)) } }
    }

    /// Reads a whole number (sizes in bytes).
    public static func integer(_ value: @escaping @Sendable (Row) -> Int64?) -> Self {
        Self { value($0).map(ColumnValue.integer) }
    }

    /// Reads a real number.
    public static func number(_ value: @escaping @Sendable (Row) -> Double?) -> Self {
        Self { value($0).map(ColumnValue.number) }
    }
}
