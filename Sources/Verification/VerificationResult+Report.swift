import Foundation

extension VerificationResult {
    /// A multi-line, human-readable account of the result, as `writerbench verify` prints it.
    public var report: String {
        func fixed(_ value: Double?, _ digits: Int, _ unit: String = "") -> String {
            guard let value, value.isFinite else { return "n/a" }
            return String(format: "%.\(digits)f", value) + unit
        }
        var lines = ["file:         \(path)"]
        lines.append("valid:        " + (valid ? "yes" : "NO — \(invalidReason ?? "unknown reason")"))
        if let codec {
            lines.append("stream:       \(codec), \(width.map(String.init) ?? "?")x\(height.map(String.init) ?? "?")")
        }
        lines.append("frames:       \(framesDecoded) decoded, \(framesExpected) expected")
        lines.append("duration:     \(fixed(durationSeconds, 3, " s"))")
        lines.append("frame rate:   \(fixed(averageFPS, 3, " frames/s"))")
        if let colorTags {
            lines.append("colour tags:  matrix \(colorTags.matrix), primaries \(colorTags.primaries), "
                         + "transfer \(colorTags.transfer), range \(colorTags.range)")
        }
        if let colorInterpretation {
            lines.append("converted as: \(colorInterpretation)")
        }
        if framesCompared > 0 {
            lines.append("compared:     \(framesCompared) frames")
            lines.append("PSNR (BGR):   mean \(fixed(psnrMean, 3)) dB, worst \(fixed(psnrMin, 3)) dB"
                         + (worstFrameIndex.map { " (frame \($0))" } ?? "")
                         + "  [\(fixed(QualityMetrics.psnrCap, 0)) dB = identical]")
            lines.append("PSNR (luma):  mean \(fixed(psnrLumaMean, 3)) dB")
            lines.append("SSIM (luma):  mean \(fixed(ssimMean, 5)), worst \(fixed(ssimMin, 5))")
        } else {
            lines.append("compared:     no frames")
        }
        switch contentVerdict {
        case .matches: lines.append("content:      matches the frame set (floor: \(qualityFloor))")
        case .doesNotMatch: lines.append("content:      DOES NOT MATCH the frame set (floor: \(qualityFloor))")
        case .notJudged: lines.append("content:      not judged (no frames compared)")
        }
        lines.append("verify time:  \(fixed(verifySeconds, 3, " s")) (scan built for \(ScanKernels.selected.instructionSet))")
        return lines.joined(separator: "\n")
    }
}
