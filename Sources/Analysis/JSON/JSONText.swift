import Foundation

/// The `--json` output of gate, compare, recommend and run: Foundation JSON objects rendered with sorted keys, so
/// that the same input always prints the same text. Absent values are `null`, never an empty string.
public enum JSONText {
    /// `object` (dictionaries, arrays, strings, numbers, booleans, `NSNull`) as pretty-printed JSON.
    public static func render(_ object: Any) -> String {
        guard JSONSerialization.isValidJSONObject(object),
              let data = try? JSONSerialization.data(withJSONObject: object,
                                                     options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        else { return "null" }
        return String(decoding: data, as: UTF8.self)
    }

    /// A number, or `null` for nil and for values JSON cannot hold (NaN, infinity).
    public static func number(_ value: Double?) -> Any {
        guard let value, value.isFinite else { return NSNull() }
        return value
    }

    /// A string, or `null` for nil.
    public static func string(_ value: String?) -> Any { value.map { $0 as Any } ?? NSNull() }

    /// A CSV field as JSON: `null` when empty, a number when the column is numeric and the text is one, else the text.
    public static func field(_ text: String, numeric: Bool) -> Any {
        if text.isEmpty { return NSNull() }
        if numeric, let value = Double(text), value.isFinite { return value }
        return text
    }
}
