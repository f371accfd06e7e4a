import Foundation

/// How a CSV column writes its values.
public enum ColumnFormat: Sendable, Equatable {
    /// Free text (names, reasons, tags, `true`/`false`).
    case text
    /// Whole numbers, written as decimal integers.
    case integer
    /// Fixed-point numbers with `digits` decimals.
    case decimal(digits: Int)
    /// Numbers as a user would write them: whole numbers without a point (`30`), others in the shortest text that
    /// reads back as the same number (`29.97`).
    case shortest

    /// Whether values in this format are numbers.
    public var isNumeric: Bool { self != .text }

    /// The field text of `value`; empty for nil and for non-finite numbers (never "nan" or "inf").
    public func render(_ value: ColumnValue?) -> String {
        switch value {
        case nil: ""
        case .text(let text): text
        case .flag(let flag): flag ? "true" : "false"
        case .integer(let integer): String(integer)
        case .number(let number):
            switch self {
            case .decimal(let digits): Self.fixedPoint(number, digits)
            case .shortest: Self.shortest(number)
            case .text, .integer: Self.fixedPoint(number, 0)
            }
        }
    }

    /// `value` without a point when it is whole, else its shortest round-tripping text; empty when not finite.
    public static func shortest(_ value: Double) -> String {
        guard value.isFinite else { return "" }
        return value == value.rounded() && abs(value) < 9e18 ? String(Int64(value)) : String(value)
    }

    /// Fixed-point text of `value` with `digits` decimals; empty for nil and non-finite values.
    public static func fixedPoint(_ value: Double?, _ digits: Int) -> String {
        guard let value, value.isFinite else { return "" }
        return String(format: "%.\(digits)f", value)
    }
}
