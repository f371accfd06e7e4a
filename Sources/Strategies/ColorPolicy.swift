/// How a writer converts RGB to YUV and how it tags the stream: matrix coefficients and range.
///
/// WriterBench's own writers convert with BT.709, limited (TV) range and tag the stream so, which is what players
/// assume for HD; libswscale's untagged default would be BT.601.
public struct ColorPolicy: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Matrix coefficients, FFmpeg spelling (`bt709`, `bt470bg`/`smpte170m` for BT.601).
    public var matrix: String
    /// `tv` (limited, 16–235) or `pc` (full, 0–255).
    public var range: String
    /// Whether the writer tags the stream with this policy (false when it cannot control tagging, e.g. OpenCV).
    public var tagged: Bool

    /// Creates a policy.
    public init(matrix: String, range: String, tagged: Bool) {
        self.matrix = matrix
        self.range = range
        self.tagged = tagged
    }

    /// BT.709, limited range, tagged.
    public static let bt709Limited = ColorPolicy(matrix: "bt709", range: "tv", tagged: true)

    /// `matrix/range` plus `untagged` when the stream is not tagged; used in CSV rows.
    public var description: String { "\(matrix)/\(range)" + (tagged ? "" : "/untagged") }
}
