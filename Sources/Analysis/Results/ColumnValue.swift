/// One measured or configured value of a row, before the column's ``ColumnFormat`` turns it into CSV text.
public enum ColumnValue: Sendable, Equatable {
    case text(String)
    /// Written as `true` or `false`.
    case flag(Bool)
    case integer(Int64)
    case number(Double)
}
