/// What verifying one output file found: whether it is complete, what it declares, and how faithful it is.
///
/// `valid` covers completeness (the file opens and decodes; codec, size, frame count, duration and frame rate match)
/// and content: when frames were compared, their mean luma PSNR and SSIM reach the ``qualityFloor`` (see
/// ``contentVerdict``). Quality above the floor is reported, and judged by the benchmark gate, not here.
public struct VerificationResult: Sendable, Hashable, Codable {
    /// The file verified.
    public var path: String
    /// True only when every check passed (see ``invalidReason``).
    public var valid: Bool
    /// Every failed check, `; `-separated (e.g. `decoded 29 frames, expected 30`, or
    /// `content does not match the frame set: mean luma PSNR 13 dB, mean SSIM 0.023 (floor: luma PSNR 20 dB, SSIM 0.5)`); nil when valid.
    public var invalidReason: String?
    /// FFmpeg's name of the video stream's codec (`h264`, …); nil when the file did not open.
    public var codec: String?
    /// Width in pixels of the decoded pictures (or the declared width when none decoded); nil when unknown.
    public var width: Int?
    /// Height in pixels, as ``width``.
    public var height: Int?
    /// Frames the run wrote.
    public var framesExpected: Int
    /// Frames the decoder produced.
    public var framesDecoded: Int
    /// Stream (else container) duration, seconds; nil when the file records none and no timestamps were decoded.
    public var durationSeconds: Double?
    /// Average frame rate the container reports, frames/s; nil when it reports none.
    public var averageFPS: Double?
    /// The colour description the stream declares; nil when the file did not open.
    public var colorTags: StreamColorTags?
    /// The matrix and range decoded pictures were converted back to BGR with; nil when nothing was converted.
    public var colorInterpretation: ColorInterpretation?
    /// Frames whose quality was measured (every `stride`-th of those decoded, up to ``framesExpected``).
    public var framesCompared: Int
    /// Mean over compared frames of BGR PSNR, dB (capped, see ``QualityMetrics/psnrCap``); nil when none compared.
    public var psnrMean: Double?
    /// Lowest BGR PSNR of any compared frame, dB; nil when none compared.
    public var psnrMin: Double?
    /// Mean luma PSNR, dB; nil when none compared.
    public var psnrLumaMean: Double?
    /// Mean luma SSIM, -1…1; nil when none compared.
    public var ssimMean: Double?
    /// Lowest luma SSIM of any compared frame; nil when none compared.
    public var ssimMin: Double?
    /// The run frame index with the lowest BGR PSNR; nil when none compared.
    public var worstFrameIndex: Int?
    /// Per-frame scores of every compared frame, in frame order.
    public var frameQualities: [FrameQuality]
    /// Whether the compared frames show the expected content; ``ContentVerdict/notJudged`` when none were compared.
    public var contentVerdict: ContentVerdict
    /// The floor ``contentVerdict`` was judged against.
    public var qualityFloor: QualityFloor
    /// Wall-clock seconds verification took (opening, decoding, regenerating sources, metrics); never part of any
    /// writing measurement.
    public var verifySeconds: Double

    /// Creates a result; ``OutputVerifier`` is the usual producer.
    public init(path: String, valid: Bool, invalidReason: String?, codec: String?, width: Int?, height: Int?,
                framesExpected: Int, framesDecoded: Int, durationSeconds: Double?, averageFPS: Double?,
                colorTags: StreamColorTags?, colorInterpretation: ColorInterpretation?, frameQualities: [FrameQuality],
                verifySeconds: Double, contentVerdict: ContentVerdict = .notJudged,
                qualityFloor: QualityFloor = .standard) {
        self.path = path
        self.valid = valid
        self.invalidReason = invalidReason
        self.codec = codec
        self.width = width
        self.height = height
        self.framesExpected = framesExpected
        self.framesDecoded = framesDecoded
        self.durationSeconds = durationSeconds
        self.averageFPS = averageFPS
        self.colorTags = colorTags
        self.colorInterpretation = colorInterpretation
        self.frameQualities = frameQualities
        self.framesCompared = frameQualities.count
        let count = Double(frameQualities.count)
        let worst = frameQualities.min { $0.psnr < $1.psnr }
        self.psnrMean = frameQualities.isEmpty ? nil : frameQualities.reduce(0) { $0 + $1.psnr } / count
        self.psnrMin = worst?.psnr
        self.psnrLumaMean = frameQualities.isEmpty ? nil : frameQualities.reduce(0) { $0 + $1.psnrLuma } / count
        self.ssimMean = frameQualities.isEmpty ? nil : frameQualities.reduce(0) { $0 + $1.ssim } / count
        self.ssimMin = frameQualities.map(\.ssim).min()
        self.worstFrameIndex = worst?.index
        self.verifySeconds = verifySeconds
        self.contentVerdict = contentVerdict
        self.qualityFloor = qualityFloor
    }
}
