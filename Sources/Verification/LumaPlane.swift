import Strategies

/// An 8-bit greyscale image: the luma that quality metrics compare.
public struct LumaPlane: Sendable, Equatable {
    /// Width in pixels.
    public let width: Int
    /// Height in pixels.
    public let height: Int
    /// `width × height` samples, row after row, no padding.
    public let samples: [UInt8]

    /// Wraps existing samples.
    ///
    /// - Precondition: `samples.count == width * height` and both dimensions are positive.
    public init(width: Int, height: Int, samples: [UInt8]) {
        precondition(width > 0 && height > 0, "luma plane dimensions must be positive")
        precondition(samples.count == width * height, "luma plane holds \(samples.count) samples, needs \(width * height)")
        self.width = width
        self.height = height
        self.samples = samples
    }

    /// The luma of a BGR24 frame: Y′ = 0.299 R + 0.587 G + 0.114 B (ITU-R BT.601 weights, full range 0–255),
    /// rounded to 8 bits.
    ///
    /// BT.601 weights whatever the stream's matrix, so luma PSNR and SSIM of different runs (and tagging choices)
    /// are computed the same way, and match the usual greyscale used by the SSIM literature, OpenCV's
    /// `COLOR_BGR2GRAY` and MATLAB's `rgb2gray`.
    /// - Precondition: `frame.format == .bgr24`.
    public init(bgr frame: Frame) {
        precondition(frame.format == .bgr24, "luma is computed from BGR24 frames, got \(frame.format)")
        let width = frame.width, height = frame.height, stride = frame.stride
        let samples = [UInt8](unsafeUninitializedCapacity: width * height) { luma, initialized in
            frame.withUnsafeBytes { bytes in
                for y in 0..<height {
                    let row = bytes.baseAddress!.advanced(by: y * stride).assumingMemoryBound(to: UInt8.self)
                    let out = luma.baseAddress!.advanced(by: y * width)
                    for x in 0..<width {
                        // 16-bit fixed-point weights summing to 65536, rounded: exact for grey (B = G = R).
                        let b = UInt32(row[3 * x]), g = UInt32(row[3 * x + 1]), r = UInt32(row[3 * x + 2])
                        out[x] = UInt8(truncatingIfNeeded: (19595 &* r &+ 38470 &* g &+ 7471 &* b &+ 32768) >> 16)
                    }
                }
            }
            initialized = width * height
        }
        self.init(width: width, height: height, samples: samples)
    }
}
