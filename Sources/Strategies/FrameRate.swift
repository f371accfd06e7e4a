/// A stream's frame rate as a fraction of whole numbers, so that NTSC rates are exact: 30000/1001 frames per second
/// is what "29.97" means to an encoder, and libav's time base is its inverse (1001/30000 s per frame).
public struct FrameRate: Sendable, Hashable, CustomStringConvertible {
    /// Frames…
    public let numerator: Int
    /// …per this many seconds.
    public let denominator: Int

    /// A rate of `numerator`/`denominator` frames per second, reduced; nil unless both are positive.
    public init?(numerator: Int, denominator: Int) {
        guard numerator > 0, denominator > 0 else { return nil }
        var (a, b) = (numerator, denominator)
        while b != 0 { (a, b) = (b, a % b) }
        self.numerator = numerator / a
        self.denominator = denominator / a
    }

    /// A whole rate; non-positive values become 1 (callers validate before).
    public init(_ framesPerSecond: Int) {
        numerator = max(1, framesPerSecond)
        denominator = 1
    }

    /// The NTSC rates written as decimals, read as the fractions encoders use for them.
    static let ntsc: [String: (Int, Int)] = [
        "23.976": (24000, 1001), "23.98": (24000, 1001), "29.97": (30000, 1001), "47.952": (48000, 1001),
        "59.94": (60000, 1001), "119.88": (120000, 1001),
    ]

    /// Reads "30", "30000/1001" or a decimal such as "29.97" (the NTSC decimals mean their x000/1001 fractions;
    /// other decimals are taken exactly, "12.5" = 25/2). Nil for anything else, zero or negative rates, or more
    /// than six decimals.
    public init?(parsing text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let (n, d) = Self.ntsc[trimmed] {
            self.init(numerator: n, denominator: d)
            return
        }
        let parts = trimmed.split(separator: "/", omittingEmptySubsequences: false)
        if parts.count == 2 {
            guard let n = Int(parts[0]), let d = Int(parts[1]) else { return nil }
            self.init(numerator: n, denominator: d)
            return
        }
        let pieces = trimmed.split(separator: ".", omittingEmptySubsequences: false)
        guard pieces.count <= 2, let whole = Int(pieces[0]), !pieces[0].hasPrefix("-") else { return nil }
        guard pieces.count == 2 else {
            self.init(numerator: whole, denominator: 1)
            return
        }
        let fraction = pieces[1]
        guard !fraction.isEmpty, fraction.count <= 6, fraction.allSatisfy(\.isNumber), let digits = Int(fraction) else {
            return nil
        }
        var scale = 1
        for _ in 0..<fraction.count { scale *= 10 }
        self.init(numerator: whole * scale + digits, denominator: scale)
    }

    /// Frames per second as a number (29.97002997… for 30000/1001).
    public var value: Double { Double(numerator) / Double(denominator) }

    /// Whether it is a whole number of frames per second.
    public var isWhole: Bool { denominator == 1 }

    /// "30" or "30000/1001": what ffmpeg's `-framerate` takes.
    public var description: String { isWhole ? "\(numerator)" : "\(numerator)/\(denominator)" }
}
