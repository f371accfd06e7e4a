import Analysis
import Strategies

/// The face-mirror pipeline's per-frame processing: pure functions from a BGR24 source frame to the three outputs.
///
/// Conventions (pinned by tests):
/// - The **midline** `m` is a column boundary, 0 ≤ m ≤ width: columns `x < m` are the image's left part, `x ≥ m` its
///   right part. Mirroring reflects about that boundary: column `x` maps to `2·m − 1 − x`.
/// - **Right-mirrored** ("anatomical right face"): columns `x ≥ m` are the source's; each column `x < m` is source
///   column `min(2·m − 1 − x, width − 1)`. When the midline is left of centre the right part is shorter than the
///   left; the mirror image then runs out and the outermost left columns repeat the last column (clamp).
/// - **Left-mirrored**: columns `x < m` are the source's; each column `x ≥ m` is source column `max(2·m − 1 − x, 0)`.
/// - **Debug**: the source, then the frame index in ``DigitFont`` digits (white on a black box) at the top left,
///   then the midline as the two columns `m − 1` and `m` in green (B, G, R = 0, 255, 0), drawn last so it is always
///   visible. Digits are scaled by `max(1, height / 120)`; box and digits start `2·scale` from the corner with one
///   `scale` of padding.
///
/// Outputs are tightly packed BGR24 frames of the source's size, in fresh storage or in storage from an
/// ``OutputBufferPool``; either way a writer may keep them (an asynchronous writer holds frames until encoded) and the
/// pipeline never mutates what it handed over.
public enum FaceMirror {
    /// Colour of the midline in debug frames, (B, G, R).
    public static let midlineColour: (UInt8, UInt8, UInt8) = (0, 255, 0)
    /// Colour of the frame index digits in debug frames, (B, G, R).
    public static let digitColour: (UInt8, UInt8, UInt8) = (255, 255, 255)
    /// Colour of the box behind the digits in debug frames, (B, G, R).
    public static let digitBoxColour: (UInt8, UInt8, UInt8) = (0, 0, 0)

    /// The digit scale for a frame `height` lines high.
    public static func digitScale(height: Int) -> Int { max(1, height / 120) }

    /// The three outputs for source frame `index`.
    ///
    /// - Precondition: `source` is BGR24 and `0 ≤ midline ≤ source.width`.
    public static func process(_ source: Frame, midline: Int, index: Int) -> ProcessedFrame {
        ProcessedFrame(right: rightMirrored(source, midline: midline), left: leftMirrored(source, midline: midline),
                       debug: debugView(source, midline: midline, index: index))
    }

    /// Only the frame for `output` (what verification regenerates for one output file).
    public static func render(_ output: PipelineOutput, from source: Frame, midline: Int, index: Int) -> Frame {
        switch output {
        case .right: rightMirrored(source, midline: midline)
        case .left: leftMirrored(source, midline: midline)
        case .debug: debugView(source, midline: midline, index: index)
        }
    }

    /// The anatomical right face: the source's right part and its mirror image (see the type's conventions).
    public static func rightMirrored(_ source: Frame, midline: Int) -> Frame {
        mirrored(source, midline: midline, keepRight: true)
    }

    /// The anatomical left face: the source's left part and its mirror image (see the type's conventions).
    public static func leftMirrored(_ source: Frame, midline: Int) -> Frame {
        mirrored(source, midline: midline, keepRight: false)
    }

    /// The source with the frame index and the midline drawn on it (see the type's conventions).
    public static func debugView(_ source: Frame, midline: Int, index: Int) -> Frame {
        check(source, midline: midline)
        return Frame(width: source.width, height: source.height, format: .bgr24) { out in
            drawDebug(source, midline: midline, index: index, into: out.baseAddress!)
        }
    }

    /// The three outputs for source frame `index`, in storage taken from `pool` (reused once writers let go).
    public static func process(_ source: Frame, midline: Int, index: Int, pool: OutputBufferPool) -> ProcessedFrame {
        check(source, midline: midline)
        func frame(_ draw: (UnsafeMutablePointer<UInt8>) -> Void) -> Frame {
            Frame(width: source.width, height: source.height, format: .bgr24, bytes: pool.fill(draw))
        }
        return ProcessedFrame(
            right: frame { drawMirrored(source, midline: midline, keepRight: true, into: $0) },
            left: frame { drawMirrored(source, midline: midline, keepRight: false, into: $0) },
            debug: frame { drawDebug(source, midline: midline, index: index, into: $0) })
    }

    private static func drawDebug(_ source: Frame, midline: Int, index: Int, into destination: UnsafeMutablePointer<UInt8>) {
        let width = source.width, height = source.height, rowBytes = width * 3
        source.withUnsafeBytes { raw in
            let input = raw.baseAddress!.assumingMemoryBound(to: UInt8.self)
            if source.isTightlyPacked {
                destination.update(from: input, count: rowBytes * height)
            } else {
                for y in 0..<height {
                    (destination + y * rowBytes).update(from: input + y * source.stride, count: rowBytes)
                }
            }
        }
        let scale = digitScale(height: height)
        let digits = String(max(0, index)).count
        let margin = 2 * scale
        DigitFont.fill(x: margin, y: margin, width: DigitFont.width(ofDigits: digits, scale: scale) + 2 * scale,
                       height: (DigitFont.glyphHeight + 2) * scale, colour: digitBoxColour, into: destination,
                       imageWidth: width, imageHeight: height, stride: rowBytes)
        DigitFont.draw(index, x: margin + scale, y: margin + scale, scale: scale, colour: digitColour,
                       into: destination, width: width, height: height, stride: rowBytes)
        DigitFont.fill(x: midline - 1, y: 0, width: 2, height: height, colour: midlineColour, into: destination,
                       imageWidth: width, imageHeight: height, stride: rowBytes)
    }

    private static func check(_ source: Frame, midline: Int) {
        precondition(source.format == .bgr24, "face mirroring takes bgr24 frames, not \(source.format.rawValue)")
        precondition((0...source.width).contains(midline), "midline \(midline) outside 0...\(source.width)")
    }

    private static func mirrored(_ source: Frame, midline m: Int, keepRight: Bool) -> Frame {
        check(source, midline: m)
        return Frame(width: source.width, height: source.height, format: .bgr24) { out in
            drawMirrored(source, midline: m, keepRight: keepRight, into: out.baseAddress!)
        }
    }

    /// One row loop per output: the kept part is one contiguous copy, the mirrored part a pixel loop.
    private static func drawMirrored(_ source: Frame, midline m: Int, keepRight: Bool,
                                     into destination: UnsafeMutablePointer<UInt8>) {
        let width = source.width, height = source.height, rowBytes = width * 3
        source.withUnsafeBytes { raw in
            let input = raw.baseAddress!.assumingMemoryBound(to: UInt8.self)
            for y in 0..<height {
                let from = input + y * source.stride
                let to = destination + y * rowBytes
                if keepRight {
                    if m < width { (to + m * 3).update(from: from + m * 3, count: (width - m) * 3) }
                    for x in 0..<m {
                        let s = min(2 * m - 1 - x, width - 1) * 3
                        let d = x * 3
                        to[d] = from[s]; to[d + 1] = from[s + 1]; to[d + 2] = from[s + 2]
                    }
                } else {
                    if m > 0 { to.update(from: from, count: m * 3) }
                    for x in m..<width {
                        let s = max(2 * m - 1 - x, 0) * 3
                        let d = x * 3
                        to[d] = from[s]; to[d + 1] = from[s + 1]; to[d + 2] = from[s + 2]
                    }
                }
            }
        }
    }
}

/// The three outputs of processing one source frame.
public struct ProcessedFrame: Sendable {
    /// The anatomical right face (right part and its mirror image).
    public var right: Frame
    /// The anatomical left face (left part and its mirror image).
    public var left: Frame
    /// The source with midline and frame index drawn.
    public var debug: Frame

    /// Creates the triple.
    public init(right: Frame, left: Frame, debug: Frame) {
        self.right = right
        self.left = left
        self.debug = debug
    }

    /// The frame for `output`.
    public subscript(output: PipelineOutput) -> Frame {
        switch output {
        case .right: right
        case .left: left
        case .debug: debug
        }
    }
}
