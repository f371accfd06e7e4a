/// Whether a verified file shows the frames it should, judged by ``QualityFloor`` from the measured quality.
///
/// Completeness (frame count, size, duration) says a file holds the right *number* of frames; this says they are the
/// right *pictures*. A file of entirely different content decodes cleanly but scores around 5–10 dB PSNR.
public enum ContentVerdict: String, Sendable, Hashable, Codable {
    /// Mean PSNR and mean SSIM are both at or above the floor.
    case matches
    /// Mean PSNR or mean SSIM is below the floor: the file is invalid.
    case doesNotMatch = "does-not-match"
    /// No frame was compared (the file did not open or decode, its size differs, or nothing was due), so there is
    /// nothing to judge; this alone never makes a file invalid.
    case notJudged = "not-judged"
}
