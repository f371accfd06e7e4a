/// The colour description a video stream declares, spelled as FFmpeg names it (`ffprobe`'s `color_space`,
/// `color_primaries`, `color_transfer`, `color_range`).
///
/// An untagged property reads `"unknown"` (FFmpeg's name for "unspecified"). These are what the file *says*; what
/// verification *did* is ``ColorInterpretation``.
public struct StreamColorTags: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Matrix coefficients: `bt709`, `bt470bg` or `smpte170m` (both BT.601), `bt2020nc`, `gbr`, `unknown`, ….
    public var matrix: String
    /// Colour primaries: `bt709`, `bt470bg`, `smpte170m`, `bt2020`, `unknown`, ….
    public var primaries: String
    /// Transfer characteristics: `bt709`, `smpte170m`, `iec61966-2-1` (sRGB), `unknown`, ….
    public var transfer: String
    /// `tv` (limited, 16–235), `pc` (full, 0–255) or `unknown`.
    public var range: String

    /// Creates tags from FFmpeg's names.
    public init(matrix: String, primaries: String, transfer: String, range: String) {
        self.matrix = matrix
        self.primaries = primaries
        self.transfer = transfer
        self.range = range
    }

    /// All four properties unspecified.
    public static let untagged = StreamColorTags(matrix: "unknown", primaries: "unknown", transfer: "unknown",
                                                 range: "unknown")

    /// `matrix/primaries/transfer/range`, e.g. `bt709/bt709/bt709/tv`.
    public var description: String { "\(matrix)/\(primaries)/\(transfer)/\(range)" }
}
