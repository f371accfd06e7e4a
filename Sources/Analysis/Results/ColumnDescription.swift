/// Everything a CSV column means, apart from how a row computes it: unit, direction, number format, noise floor and
/// the sentence results/README.md prints for it.
///
/// One catalogue per CSV holds these (``CSVColumn/spec``, ``PipelineColumn/about``, ``SampleColumn/about``); the
/// README's column tables are generated from them (``ColumnTable``), and `compare`, `recommend` and the reports read
/// them.
public struct ColumnDescription: Sendable, Equatable {
    /// Unit of the values (``ColumnUnit/unitless`` for text and plain counts).
    public var unit: ColumnUnit
    /// Which way the value should move to be an improvement; nil for configuration, environment and text columns.
    public var direction: MetricDirection?
    /// How values are written.
    public var format: ColumnFormat
    /// The smallest absolute change `compare` treats as real, or nil for none.
    public var noiseFloor: Double?
    /// What the column holds, as results/README.md says it (Markdown).
    public var meaning: String

    /// Creates a description whose noise floor is the unit's (``ColumnUnit/defaultNoiseFloor``).
    public init(unit: ColumnUnit, direction: MetricDirection?, format: ColumnFormat, meaning: String) {
        self.unit = unit
        self.direction = direction
        self.format = format
        self.noiseFloor = unit.defaultNoiseFloor
        self.meaning = meaning
    }

    /// A text column (names, reasons, tags).
    public static func text(_ meaning: String) -> Self {
        Self(unit: .unitless, direction: nil, format: .text, meaning: meaning)
    }

    /// A `true`/`false` column.
    public static func flag(_ meaning: String) -> Self {
        Self(unit: .unitless, direction: nil, format: .text, meaning: meaning)
    }

    /// A whole-number column.
    public static func integer(_ unit: ColumnUnit, direction: MetricDirection? = nil, _ meaning: String) -> Self {
        Self(unit: unit, direction: direction, format: .integer, meaning: meaning)
    }

    /// A fixed-point column with `digits` decimals.
    public static func number(_ unit: ColumnUnit, direction: MetricDirection? = nil, digits: Int,
                              _ meaning: String) -> Self {
        Self(unit: unit, direction: direction, format: .decimal(digits: digits), meaning: meaning)
    }
}
