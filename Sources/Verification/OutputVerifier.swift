import CFFmpeg
import Foundation
import Strategies

/// Opens a written video in-process with libavformat/libavcodec, checks that it holds exactly the frames a run wrote,
/// and measures how faithfully each frame survived encoding.
///
/// Checks, each adding to ``VerificationResult/invalidReason`` when it fails: the file opens and has a decodable
/// video stream; its codec is the expected one (when given); decoded width and height equal the run's; the decoder
/// produces exactly `frameCount` frames without errors; the duration is within one frame interval of
/// `frameCount / framesPerSecond`; the average frame rate is within 0.5 % of `framesPerSecond` (so 29.97 passes for
/// 30, but 25 does not). Quality is measured on every `qualityStride`-th decoded frame after converting it back to
/// BGR with the stream's tagged matrix (see ``ColorInterpretation``) and comparing it with the regenerated source;
/// when frames were compared, their mean luma PSNR and SSIM must reach ``qualityFloor`` (see ``ContentVerdict``), or the
/// file is invalid because its content does not match the frame set. A file with no frame compared is not judged on
/// content.
public struct OutputVerifier: Sendable {
    /// Frames the run wrote.
    public var frameCount: Int
    /// The frame rate the run declared, frames/s.
    public var framesPerSecond: Double
    /// Size of every frame the run wrote.
    public var size: FrameSize
    /// The codec expected, by FFmpeg codec name (`h264`) or encoder name (`libx264`); nil to accept any.
    public var codec: String?
    /// Measure quality on frames 0, k, 2k, …; 1 measures every frame.
    public var qualityStride: Int
    /// Regenerates the BGR24 source of run frame `i` (the exact bytes the writer was given).
    public var expectedFrame: @Sendable (Int) -> Frame
    /// The quality below which the decoded frames are not the expected ones (default ``QualityFloor/standard``).
    public var qualityFloor: QualityFloor

    /// Relative tolerance of the average frame rate check.
    public static let frameRateTolerance = 0.005

    /// Creates a verifier for a run of `frameCount` frames whose sources `expectedFrame` regenerates.
    ///
    /// - Precondition: `frameCount ≥ 1`, `framesPerSecond > 0`, `qualityStride ≥ 1`.
    public init(frameCount: Int, framesPerSecond: Double, size: FrameSize, codec: String? = nil,
                qualityStride: Int = 1, qualityFloor: QualityFloor = .standard,
                expectedFrame: @escaping @Sendable (Int) -> Frame) {
        precondition(frameCount >= 1, "a run writes at least one frame")
        precondition(framesPerSecond > 0 && framesPerSecond.isFinite, "frame rate must be positive")
        precondition(qualityStride >= 1, "quality stride must be at least 1")
        self.frameCount = frameCount
        self.framesPerSecond = framesPerSecond
        self.size = size
        self.codec = codec
        self.qualityStride = qualityStride
        self.qualityFloor = qualityFloor
        self.expectedFrame = expectedFrame
    }

    /// Verifies the file at `path`.
    ///
    /// Never throws and never traps for a bad file: a missing, truncated, corrupt or foreign file yields
    /// `valid == false` with libav's reason in ``VerificationResult/invalidReason``; so does a complete file whose
    /// frames fall below ``qualityFloor`` (`content does not match the frame set: mean luma PSNR 13 dB, …`). Never
    /// waits for the decoder without a bound either: a decoder that produces nothing for ``decoderStallBound`` makes
    /// the file invalid (`the decoder produced nothing for 60.0 seconds after N frames`), and verification returns.
    public func verify(path: String) -> VerificationResult {
        let clock = ContinuousClock()
        let start = clock.now
        var inspection = FileInspection()
        do {
            let input = try DecodingInput(path: path)
            inspection.describe(input, expectedCodec: codec)
            try decodeAll(input, into: &inspection)
        } catch let error as LibAVError {
            inspection.problems.append(inspection.codec == nil ? "cannot open: \(error)" : "cannot decode: \(error)")
        } catch {
            inspection.problems.append("cannot verify: \(error)")
        }
        inspection.checkCompleteness(against: self)
        if let shortfall = qualityFloor.shortfall(of: inspection.qualities) { inspection.problems.append(shortfall) }
        let elapsed = start.duration(to: clock.now)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return VerificationResult(
            path: path, valid: inspection.problems.isEmpty,
            invalidReason: inspection.problems.isEmpty ? nil : inspection.problems.joined(separator: "; "),
            codec: inspection.codec, width: inspection.width, height: inspection.height,
            framesExpected: frameCount, framesDecoded: inspection.framesDecoded,
            durationSeconds: inspection.durationSeconds, averageFPS: inspection.averageFPS,
            colorTags: inspection.colorTags, colorInterpretation: inspection.interpretation,
            frameQualities: inspection.qualities, verifySeconds: seconds,
            contentVerdict: qualityFloor.verdict(for: inspection.qualities), qualityFloor: qualityFloor)
    }

    /// How long verification waits for the decoder's next picture before it gives the file up as undecodable.
    public static let decoderStallBound: Duration = .seconds(60)

    /// Demuxes and decodes every video packet on a ``DecodingThread``, scoring pictures as they come out of it.
    private func decodeAll(_ input: DecodingInput, into inspection: inout FileInspection) throws {
        let decoder = try VideoDecoder(codec: input.decoder, parameters: input.codecParameters,
                                       timeBase: input.timeBase)
        let decoding = try DecodingThread(input: input, decoder: decoder)
        var converter: DecodedFrameConverter?
        while true {
            switch decoding.next(within: Self.decoderStallBound) {
            case .picture(let picture):
                defer { decoding.recycle(picture) }
                if converter == nil {
                    converter = try DecodedFrameConverter(
                        interpretation: ColorInterpretation(tags: inspection.colorTags ?? .untagged,
                                                            height: picture.height, pixelFormat: picture.pixelFormat))
                    inspection.interpretation = converter?.interpretation
                }
                inspection.score(picture, converter: converter!, verifier: self)
            case .readError(let message):
                inspection.problems.append("read error after \(inspection.framesDecoded) frames: \(message)")
            case .decodeError(let message):
                inspection.noteDecodeError(message)
            case .end:
                return
            case .stalled:
                inspection.problems.append("the decoder produced nothing for \(Self.decoderStallBound) after "
                                           + "\(inspection.framesDecoded) frames; verification stopped there")
                return
            }
        }
    }
}

/// What verification has learned about one file so far; the mutable state behind ``OutputVerifier/verify(path:)``.
private struct FileInspection {
    var problems: [String] = []
    var codec: String?
    var codecMatches = true
    var declaredWidth: Int?, declaredHeight: Int?
    var width: Int? { decodedSize?.width ?? declaredWidth }
    var height: Int? { decodedSize?.height ?? declaredHeight }
    var decodedSize: (width: Int, height: Int)?
    var framesDecoded = 0
    var containerDuration: Double?
    var timeBase = 0.0
    var firstTimestamp: Int64?, lastTimestamp: Int64?
    var averageFPS: Double?
    var colorTags: StreamColorTags?
    var interpretation: ColorInterpretation?
    var qualities: [FrameQuality] = []
    var decodeErrors = 0
    var firstDecodeError: String?
    var conversionFailed = false
    var durationSeconds: Double?

    /// Records what the container declares.
    mutating func describe(_ input: DecodingInput, expectedCodec: String?) {
        codec = input.codecName
        if let expectedCodec { codecMatches = input.codecMatches(expectedCodec) }
        (declaredWidth, declaredHeight) = input.declaredSize
        containerDuration = input.durationSeconds
        timeBase = av_q2d(input.timeBase)
        averageFPS = input.averageFrameRate
        colorTags = input.colorTags
    }

    mutating func noteDecodeError(_ error: String) {
        decodeErrors += 1
        if firstDecodeError == nil { firstDecodeError = "\(error) at frame \(framesDecoded)" }
    }

    /// Counts one decoded picture and, when it is due, compares it with its source.
    mutating func score(_ picture: DecodedPicture, converter: DecodedFrameConverter, verifier: OutputVerifier) {
        let index = framesDecoded
        framesDecoded += 1
        if decodedSize == nil { decodedSize = (picture.width, picture.height) }
        if let timestamp = picture.bestEffortTimestamp {
            if firstTimestamp == nil { firstTimestamp = timestamp }
            lastTimestamp = max(lastTimestamp ?? timestamp, timestamp)
        }
        guard index < verifier.frameCount, index % verifier.qualityStride == 0, !conversionFailed,
              picture.width == verifier.size.width, picture.height == verifier.size.height else { return }
        do {
            let expected = verifier.expectedFrame(index)
            if picture.width >= 8, picture.height >= 8, let (coefficients, planes) = converter.planarSource(picture) {
                // Converted row by row inside the comparison: the decoded BGR frame is never written out whole.
                qualities.append(QualityMetrics.compare(expected: expected, decoded: planes, coefficients: coefficients,
                                                        index: index))
            } else {
                qualities.append(QualityMetrics.compare(expected: expected, actual: try converter.convert(picture),
                                                        index: index))
            }
        } catch {
            conversionFailed = true
            problems.append("cannot convert decoded pictures to BGR: \(error)")
        }
    }

    /// Adds a problem for every completeness check that fails.
    mutating func checkCompleteness(against expected: OutputVerifier) {
        guard codec != nil else { return }  // the file did not open; its reason is already recorded
        if !codecMatches, let wanted = expected.codec {
            problems.append("codec \(codec ?? "?"), expected \(wanted)")
        }
        if let width, let height, width != expected.size.width || height != expected.size.height {
            problems.append("size \(width)x\(height), expected \(expected.size)")
        }
        if framesDecoded != expected.frameCount {
            problems.append("decoded \(framesDecoded) frames, expected \(expected.frameCount)")
        }
        if decodeErrors > 0, let firstDecodeError {
            problems.append("\(decodeErrors) decode error(s), first: \(firstDecodeError)")
        }
        let interval = 1 / expected.framesPerSecond
        // Raw elementary streams and files cut short record no duration; the decoded timestamps still span it.
        durationSeconds = containerDuration ?? firstTimestamp.flatMap { first in
            lastTimestamp.map { Double($0 - first) * timeBase + interval }
        }
        let expectedDuration = Double(expected.frameCount) * interval
        if let durationSeconds {
            // A microsecond of slack absorbs time-base rounding (Matroska stores milliseconds).
            if abs(durationSeconds - expectedDuration) > interval + 1e-6 {
                problems.append("duration \(Self.format(durationSeconds)) s, expected \(Self.format(expectedDuration)) s "
                                + "± one frame (\(Self.format(interval)) s)")
            }
        } else {
            problems.append("duration unknown")
        }
        if let averageFPS {
            if abs(averageFPS - expected.framesPerSecond) > OutputVerifier.frameRateTolerance * expected.framesPerSecond {
                problems.append("average frame rate \(Self.format(averageFPS)) frames/s, expected "
                                + Self.format(expected.framesPerSecond))
            }
        } else {
            problems.append("average frame rate unknown")
        }
    }

    static func format(_ value: Double) -> String { String(format: "%.3f", value) }
}
