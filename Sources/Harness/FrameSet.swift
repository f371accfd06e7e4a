import Analysis
import Strategies

/// A fixed, deterministic family of synthetic BGR24 frames.
///
/// Frame `i` of a set at a given size is a pure function of (set, i, width, height): the same bytes on every call,
/// run and machine (integer arithmetic and ``SeededGenerator`` only), so verification can regenerate any frame.
public enum FrameSet: String, Sendable, CaseIterable, Codable {
    /// Panning gradient, five moving textured shapes, per-pixel sensor-like noise of ±6 levels: the realistic hard case.
    case camera
    /// Static background and face, one small moving region (the mouth), ±2 levels of noise: the face-video case.
    case talkingHead = "talking-head"
    /// Uniform random pixels: the worst case for any encoder.
    case noise

    /// Generates frame `index` at `size` as tightly packed BGR24.
    public func frame(_ index: Int, size: FrameSize) -> Frame {
        Frame(width: size.width, height: size.height, format: .bgr24) { pixels in
            render(index, width: size.width, height: size.height, into: pixels)
        }
    }

    /// Writes frame `index` as tightly packed BGR24 into `pixels` (width·height·3 bytes).
    public func render(_ index: Int, width: Int, height: Int, into pixels: UnsafeMutableBufferPointer<UInt8>) {
        precondition(pixels.count >= width * height * 3)
        switch self {
        case .camera:
            FrameSetPainter.gradient(into: pixels, width: width, height: height, pan: index * 4)
            for shape in 0..<5 {
                FrameSetPainter.movingShape(shape, frame: index, into: pixels, width: width, height: height)
            }
            FrameSetPainter.addNoise(into: pixels, width: width, height: height, amplitude: 6,
                                     seed: SeededGenerator.seed(1, UInt64(index)))
        case .talkingHead:
            FrameSetPainter.gradient(into: pixels, width: width, height: height, pan: 0)
            FrameSetPainter.face(into: pixels, width: width, height: height, frame: index)
            FrameSetPainter.addNoise(into: pixels, width: width, height: height, amplitude: 2,
                                     seed: SeededGenerator.seed(2, UInt64(index)))
        case .noise:
            FrameSetPainter.uniformNoise(into: pixels, seed: SeededGenerator.seed(3, UInt64(index)))
        }
    }
}

/// The drawing primitives behind ``FrameSet``, all integer arithmetic.
enum FrameSetPainter {
    /// Diagonal colour gradient; `pan` shifts it horizontally (pixels).
    static func gradient(into p: UnsafeMutableBufferPointer<UInt8>, width: Int, height: Int, pan: Int) {
        for y in 0..<height {
            let g = UInt8(truncatingIfNeeded: 40 + y * 160 / height)
            var offset = y * width * 3
            for x in 0..<width {
                let u = (x + pan) % (2 * width)
                let ramp = u < width ? u : 2 * width - u
                p[offset] = UInt8(truncatingIfNeeded: 30 + ramp * 190 / width)
                p[offset + 1] = g
                p[offset + 2] = UInt8(truncatingIfNeeded: 200 - (ramp + y) * 150 / (width + height))
                offset += 3
            }
        }
    }

    /// A triangle wave in 0...period, for motion without floating point.
    static func bounce(_ t: Int, period: Int) -> Int {
        guard period > 0 else { return 0 }
        let phase = t % (2 * period)
        return phase < period ? phase : 2 * period - phase
    }

    /// Shape `k` of five: rectangles with stripes or checks, and discs, each on its own path and speed.
    static func movingShape(_ k: Int, frame: Int, into p: UnsafeMutableBufferPointer<UInt8>, width: Int, height: Int) {
        let side = max(4, min(width, height) / (5 + k))
        let x0 = bounce(frame * (3 + 2 * k) + k * 97, period: max(1, width - side))
        let y0 = bounce(frame * (2 + k) + k * 53, period: max(1, height - side))
        let colours: [(UInt8, UInt8, UInt8)] = [(20, 220, 240), (230, 60, 40), (60, 200, 60), (250, 250, 250), (40, 40, 200)]
        let (b, g, r) = colours[k % colours.count]
        let radius2 = (side / 2) * (side / 2)
        for y in y0..<min(height, y0 + side) {
            for x in x0..<min(width, x0 + side) {
                let dx = x - x0 - side / 2, dy = y - y0 - side / 2
                let inside: Bool
                let on: Bool
                switch k % 3 {
                case 0: inside = true; on = ((x - x0 + frame) / 6) % 2 == 0            // stripes, scrolling
                case 1: inside = dx * dx + dy * dy <= radius2; on = ((x / 8) + (y / 8)) % 2 == 0 // checked disc
                default: inside = true; on = ((x - x0) / 5 + (y - y0) / 5 + frame / 3) % 2 == 0 // moving checks
                }
                guard inside else { continue }
                let o = (y * width + x) * 3
                p[o] = on ? b : b / 3
                p[o + 1] = on ? g : g / 3
                p[o + 2] = on ? r : r / 3
            }
        }
    }

    /// An oval face with eyes whose mouth opens and closes with the frame index; centred on the frame's midline.
    static func face(into p: UnsafeMutableBufferPointer<UInt8>, width: Int, height: Int, frame: Int) {
        let cx = width / 2, cy = height / 2
        let rx = max(2, width / 7), ry = max(2, height / 3)
        func ellipse(_ ex: Int, _ ey: Int, _ ax: Int, _ ay: Int, _ colour: (UInt8, UInt8, UInt8)) {
            guard ax > 0, ay > 0 else { return }
            for y in max(0, ey - ay)..<min(height, ey + ay + 1) {
                for x in max(0, ex - ax)..<min(width, ex + ax + 1) {
                    let dx = x - ex, dy = y - ey
                    guard dx * dx * ay * ay + dy * dy * ax * ax <= ax * ax * ay * ay else { continue }
                    let o = (y * width + x) * 3
                    p[o] = colour.0; p[o + 1] = colour.1; p[o + 2] = colour.2
                }
            }
        }
        ellipse(cx, cy, rx, ry, (120, 160, 215))                                  // skin
        ellipse(cx - rx / 2, cy - ry / 3, rx / 6, ry / 10, (60, 40, 30))         // eyes
        ellipse(cx + rx / 2, cy - ry / 3, rx / 6, ry / 10, (60, 40, 30))
        ellipse(cx, cy + ry / 12, rx / 12, ry / 6, (100, 130, 190))              // nose
        let open = 1 + bounce(frame, period: max(2, ry / 6))                     // the moving region: the mouth
        ellipse(cx, cy + ry / 2, rx / 3, open, (50, 40, 150))
    }

    /// Adds per-pixel noise in -amplitude...amplitude to every byte, clamped, from one generator per row.
    static func addNoise(into p: UnsafeMutableBufferPointer<UInt8>, width: Int, height: Int, amplitude: Int, seed: UInt64) {
        let span = UInt64(2 * amplitude + 1)
        let rowBytes = width * 3
        for y in 0..<height {
            var generator = SeededGenerator(seed: seed ^ UInt64(y) &* 0x9E37_79B9)
            var bits: UInt64 = 0
            var left = 0
            let base = y * rowBytes
            for i in 0..<rowBytes {
                if left == 0 { bits = generator.next(); left = 8 }
                let delta = Int(((bits & 0xFF) &* span) >> 8) - amplitude
                bits >>= 8
                left -= 1
                let value = Int(p[base + i]) + delta
                p[base + i] = UInt8(clamping: value)
            }
        }
    }

    /// Fills every byte with uniform random values.
    static func uniformNoise(into p: UnsafeMutableBufferPointer<UInt8>, seed: UInt64) {
        var generator = SeededGenerator(seed: seed)
        let raw = UnsafeMutableRawBufferPointer(p)
        var i = 0
        while i + 8 <= raw.count {
            raw.storeBytes(of: generator.next().littleEndian, toByteOffset: i, as: UInt64.self)
            i += 8
        }
        var last = generator.next()
        while i < raw.count { raw[i] = UInt8(truncatingIfNeeded: last); last >>= 8; i += 1 }
    }
}
