import Strategies
/// A built-in 5×7 bitmap font for the digits 0–9, drawn into BGR24 pixels by integer scaling; no font files.
///
/// Each glyph is seven rows of five bits, most significant bit leftmost. A glyph cell is six columns wide (one blank
/// column between digits) and seven rows high, before scaling.
public enum DigitFont {
    /// Glyph width in font pixels.
    public static let glyphWidth = 5
    /// Glyph height in font pixels.
    public static let glyphHeight = 7
    /// Horizontal advance per digit in font pixels (glyph plus one blank column).
    public static let advance = 6

    /// Rows of each digit, top to bottom; bit 4 is the leftmost column.
    static let glyphs: [[UInt8]] = [
        [0b01110, 0b10001, 0b10011, 0b10101, 0b11001, 0b10001, 0b01110], // 0
        [0b00100, 0b01100, 0b00100, 0b00100, 0b00100, 0b00100, 0b01110], // 1
        [0b01110, 0b10001, 0b00001, 0b00010, 0b00100, 0b01000, 0b11111], // 2
        [0b11111, 0b00010, 0b00100, 0b00010, 0b00001, 0b10001, 0b01110], // 3
        [0b00010, 0b00110, 0b01010, 0b10010, 0b11111, 0b00010, 0b00010], // 4
        [0b11111, 0b10000, 0b11110, 0b00001, 0b00001, 0b10001, 0b01110], // 5
        [0b00110, 0b01000, 0b10000, 0b11110, 0b10001, 0b10001, 0b01110], // 6
        [0b11111, 0b00001, 0b00010, 0b00100, 0b01000, 0b01000, 0b01000], // 7
        [0b01110, 0b10001, 0b10001, 0b01110, 0b10001, 0b10001, 0b01110], // 8
        [0b01110, 0b10001, 0b10001, 0b01111, 0b00001, 0b00010, 0b01100], // 9
    ]

    /// Whether font pixel (`column`, `row`) of `digit` is set.
    ///
    /// - Precondition: `digit` in 0...9, `column` in 0..<5, `row` in 0..<7.
    public static func isSet(digit: Int, column: Int, row: Int) -> Bool {
        glyphs[digit][row] >> UInt8(glyphWidth - 1 - column) & 1 == 1
    }

    /// Width in image pixels of `text` rendered at `scale` (the trailing blank column excluded).
    public static func width(ofDigits count: Int, scale: Int) -> Int {
        count > 0 ? (count * advance - 1) * scale : 0
    }

    /// Paints the decimal digits of `number` (≥ 0) with their top-left corner at (`x`, `y`), each font pixel a
    /// `scale`×`scale` square of `colour` (B, G, R); unset font pixels are left alone and anything outside the
    /// `width`×`height` image is clipped.
    static func draw(_ number: Int, x: Int, y: Int, scale: Int, colour: (UInt8, UInt8, UInt8),
                     into pixels: UnsafeMutablePointer<UInt8>, width: Int, height: Int, stride: Int) {
        let digits = String(max(0, number)).utf8.map { Int($0) - 48 }
        for (position, digit) in digits.enumerated() {
            let left = x + position * advance * scale
            for row in 0..<glyphHeight {
                for column in 0..<glyphWidth where isSet(digit: digit, column: column, row: row) {
                    fill(x: left + column * scale, y: y + row * scale, width: scale, height: scale, colour: colour,
                         into: pixels, imageWidth: width, imageHeight: height, stride: stride)
                }
            }
        }
    }

    /// Fills a rectangle with `colour`, clipped to the image.
    static func fill(x: Int, y: Int, width: Int, height: Int, colour: (UInt8, UInt8, UInt8),
                     into pixels: UnsafeMutablePointer<UInt8>, imageWidth: Int, imageHeight: Int, stride: Int) {
        let x0 = max(0, x), x1 = min(imageWidth, x + width)
        let y0 = max(0, y), y1 = min(imageHeight, y + height)
        guard x0 < x1, y0 < y1 else { return }
        for row in y0..<y1 {
            var p = pixels + row * stride + x0 * 3
            for _ in x0..<x1 {
                p[0] = colour.0; p[1] = colour.1; p[2] = colour.2
                p += 3
            }
        }
    }
}
