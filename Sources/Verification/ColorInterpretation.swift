/// The YUV→RGB matrix coefficients verification can convert decoded pictures with.
public enum YUVMatrix: String, Sendable, Hashable, Codable, CaseIterable {
    /// ITU-R BT.601 (FFmpeg tags `bt470bg`, `smpte170m`): SD video and libswscale's untagged default.
    case bt601
    /// ITU-R BT.709: HD video.
    case bt709
    /// SMPTE 240M (early HD).
    case smpte240m
    /// FCC 73.682.
    case fcc
    /// ITU-R BT.2020 non-constant luminance (UHD); the constant-luminance variant is converted the same way.
    case bt2020

    /// The matrix a stream's `color_space` tag (FFmpeg's name) names; nil when the tag names no YUV matrix
    /// (`unknown`, `reserved`, `gbr`, …).
    public init?(tag: String) {
        switch tag {
        case "bt709": self = .bt709
        case "bt470bg", "smpte170m": self = .bt601
        case "smpte240m": self = .smpte240m
        case "fcc": self = .fcc
        case "bt2020nc", "bt2020c": self = .bt2020
        default: return nil
        }
    }
}

/// How verification turns a decoded picture back into BGR: which matrix and range, and whether the stream said so.
///
/// Players guess when a stream is untagged, and so must verification. The documented default is the common player
/// heuristic (mpv, VLC, browsers): **BT.601 when the picture is shorter than 720 lines, BT.709 from 720 lines up**,
/// and limited (`tv`) range unless the pixel format is a full-range JPEG one (`yuvj420p`, …). Converting with the
/// tagged — or guessed — matrix, rather than the one the writer used, is deliberate: a writer that converts with one
/// matrix and tags (or leaves to the default) another produces video that players show with shifted colours, and
/// that must show up here as lost PSNR.
public struct ColorInterpretation: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The matrix used; nil when the decoded pictures are RGB-coded and need no matrix (e.g. FFV1 `bgr0`).
    public var matrix: YUVMatrix?
    /// True for full (`pc`, 0–255) range, false for limited (`tv`, 16–235 luma).
    public var fullRange: Bool
    /// True when the matrix came from the stream's tag, false when it is the documented default.
    public var matrixFromTag: Bool
    /// True when the range came from the stream's tag or pixel format, false when it is the documented default.
    public var rangeFromTag: Bool

    /// Creates an interpretation.
    public init(matrix: YUVMatrix?, fullRange: Bool, matrixFromTag: Bool, rangeFromTag: Bool) {
        self.matrix = matrix
        self.fullRange = fullRange
        self.matrixFromTag = matrixFromTag
        self.rangeFromTag = rangeFromTag
    }

    /// The default matrix for an untagged stream of `height` lines: BT.601 below 720 lines, BT.709 otherwise.
    public static func defaultMatrix(forHeight height: Int) -> YUVMatrix {
        height < 720 ? .bt601 : .bt709
    }

    /// Chooses the conversion for a stream with `tags` whose pictures are `height` lines high.
    ///
    /// - Parameters:
    ///   - rgbCoded: the decoded pixel format is RGB (no matrix applies).
    ///   - fullRangePixelFormat: the decoded pixel format is a `yuvj*` one, which implies full range whatever the tag.
    public init(tags: StreamColorTags, height: Int, rgbCoded: Bool = false, fullRangePixelFormat: Bool = false) {
        if rgbCoded {
            self.init(matrix: nil, fullRange: true, matrixFromTag: true, rangeFromTag: true)
            return
        }
        let tagged = YUVMatrix(tag: tags.matrix)
        let fullRange: Bool
        let rangeFromTag: Bool
        switch tags.range {
        case "pc": (fullRange, rangeFromTag) = (true, true)
        case "tv": (fullRange, rangeFromTag) = (fullRangePixelFormat, true)
        default: (fullRange, rangeFromTag) = (fullRangePixelFormat, fullRangePixelFormat)
        }
        self.init(matrix: tagged ?? Self.defaultMatrix(forHeight: height), fullRange: fullRange,
                  matrixFromTag: tagged != nil, rangeFromTag: rangeFromTag)
    }

    /// FFmpeg's range name for ``fullRange``: `pc` or `tv`.
    public var rangeName: String { fullRange ? "pc" : "tv" }

    /// `bt709/tv`, with `(assumed)` when either half is the default; `rgb` for RGB-coded pictures.
    public var description: String {
        guard let matrix else { return "rgb" }
        return "\(matrix.rawValue)/\(rangeName)" + (matrixFromTag && rangeFromTag ? "" : " (assumed)")
    }
}
