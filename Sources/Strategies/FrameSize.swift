/// A frame size given by name (`720p`) or as `WxH`.
public struct FrameSize: Sendable, Hashable, CustomStringConvertible, Codable {
    /// Width in pixels.
    public var width: Int
    /// Height in pixels.
    public var height: Int

    /// Creates a size.
    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    /// The named sizes: `480p` 640x480, `720p` 1280x720 (the default), `1080p` 1920x1080, `2160p`/`4k` 3840x2160.
    public static let named: [(name: String, size: FrameSize)] = [
        ("480p", FrameSize(width: 640, height: 480)),
        ("720p", FrameSize(width: 1280, height: 720)),
        ("1080p", FrameSize(width: 1920, height: 1080)),
        ("2160p", FrameSize(width: 3840, height: 2160)),
        ("4k", FrameSize(width: 3840, height: 2160)),
    ]

    /// 1280x720.
    public static let `default` = FrameSize(width: 1280, height: 720)

    /// Parses a name from ``named`` or `WxH` with positive integers; nil otherwise.
    public init?(parsing text: String) {
        if let entry = Self.named.first(where: { $0.name == text.lowercased() }) {
            self = entry.size
            return
        }
        let parts = text.lowercased().split(separator: "x")
        guard parts.count == 2, let width = Int(parts[0]), let height = Int(parts[1]), width > 0, height > 0,
              width <= 16384, height <= 16384 else { return nil }
        self.init(width: width, height: height)
    }

    /// `WxH`.
    public var description: String { "\(width)x\(height)" }
}
