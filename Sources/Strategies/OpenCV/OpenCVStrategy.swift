import Foundation
import Synchronization

/// Hands BGR24 frames to OpenCV's `cv::VideoWriter` (FFmpeg backend) with one fourcc, through the C++ shim in
/// `COpenCVShim`. Synchronous: each `write` returns once OpenCV has converted and encoded the frame.
///
/// OpenCV chooses the encoder from the fourcc and the container from the output file's extension; it takes no
/// preset, CRF or thread settings, so ``settings`` describes what OpenCV itself asks for rather than the CLI's
/// `--encoder/--preset/--crf`.
public struct OpenCVStrategy: WriterStrategy {
    /// `opencv-<fourcc>`, e.g. `opencv-mp4v`.
    public let name: String
    /// The four-character code handed to `cv::VideoWriter` (`mp4v`, `avc1`).
    public let fourcc: String
    /// The encoder OpenCV uses for ``fourcc`` and the settings it gives it (see `settings(for:)`); `unknown` for a
    /// fourcc whose mapping was not confirmed.
    public let settings: EncoderSettings

    /// OpenCV 4.6's FFmpeg backend converts BGR24 to yuv420p with libswscale's defaults (`sws_getContext(…,
    /// SWS_BICUBIC, …)`, no `sws_setColorspaceDetails`), i.e. BT.601 limited range, and leaves the stream's
    /// colour fields unset. Measured on Debian 12: pure red/green/blue/white/black written through `mp4v` and
    /// `avc1` decode to Y/U/V 81/90/239, 144/53/34, 40/239/109, 234/127/127, 16/128/128 (BT.601 limited; BT.709
    /// would give red Y 63), and `ffprobe -show_streams` reports `color_space=unknown color_range=unknown`.
    public let colorPolicy = ColorPolicy(matrix: "smpte170m", range: "tv", tagged: false)

    /// Creates the strategy for `fourcc` (exactly four characters), named `opencv-<fourcc>` in lower case.
    ///
    /// `container` is the one the run asks for (`--container`); OpenCV cannot be given muxer options, so it writes
    /// only plain mp4 and any other container makes the strategy unavailable, saying so (see ``availability()``).
    public init(fourcc: String, container: String = "mp4") {
        self.fourcc = fourcc
        self.name = "opencv-\(fourcc.lowercased())"
        var settings = Self.settings(for: fourcc)
        settings.container = container
        self.settings = settings
    }

    /// OpenCV's version string as linked (CV_VERSION, e.g. "4.6.0"), for the CSV column `opencv_version`.
    public static let openCVVersion: String = OpenCVVideoWriterHandle.version

    /// One line for `writerbench list`: OpenCV's version, the fourcc and its encoder.
    public var summary: String {
        "OpenCV \(Self.openCVVersion) cv::VideoWriter, fourcc '\(fourcc)' (\(settings.encoder)), synchronous writes"
    }

    /// Opens (and releases) a 64x64 writer into a temporary file, once per fourcc and process.
    ///
    /// - Returns: `.unavailable` for any container but plain mp4 (OpenCV's `VideoWriter` takes no muxer options, so
    ///   it cannot write fragmented mp4, and WriterBench compares its mp4 only), or with OpenCV's words when it cannot
    ///   open the fourcc (unknown tag, encoder missing).
    public func availability() -> Availability {
        guard settings.container == ContainerFormat.mp4.rawValue else {
            return .unavailable(reason: "OpenCV's VideoWriter takes no muxer options and writes plain mp4 only, not '\(settings.container)'; use --container mp4")
        }
        return Self.probes.withLock { probes in
            if let known = probes[fourcc] { return known }
            let result = Self.probe(fourcc: fourcc, container: settings.container)
            probes[fourcc] = result
            return result
        }
    }

    /// Opens a writer for BGR24 frames.
    ///
    /// - Throws: ``WriterError/unavailable(strategy:reason:)`` when OpenCV cannot open the fourcc here,
    ///   ``WriterError/oddDimensions(width:height:)``, ``WriterError/invalidConfiguration(_:)`` for non-BGR24
    ///   input, ``WriterError/unwritableOutput(path:reason:)``, or ``WriterError/encoderFailed(encoder:detail:)``
    ///   with OpenCV's words when `cv::VideoWriter::open` fails.
    public func makeWriter(_ configuration: WriterConfiguration) throws -> any VideoWriter {
        if case .unavailable(let reason) = availability() {
            throw WriterError.unavailable(strategy: name, reason: reason)
        }
        try configuration.validateForYUV420()
        guard configuration.geometry.format == .bgr24 else {
            throw WriterError.invalidConfiguration(
                "OpenCV's VideoWriter takes bgr24 frames, not \(configuration.geometry.format.rawValue); convert the frames or choose another strategy")
        }
        try OutputPath.prepare(configuration.outputPath)
        return try OpenCVVideoWriter(configuration: configuration, fourcc: fourcc, encoder: settings.encoder)
    }

    /// Availability per fourcc, probed at most once per process. Probing holds the lock, so concurrent callers
    /// wait for one probe instead of opening several encoders.
    private static let probes = Mutex<[String: Availability]>([:])

    private static func probe(fourcc: String, container: String) -> Availability {
        let tag = fourcc.utf8.map { String($0, radix: 16) }.joined()
        let path = NSTemporaryDirectory() + "writerbench-opencv-probe-\(tag)-\(getpid()).\(container)"
        defer { try? FileManager.default.removeItem(atPath: path) }
        do {
            let handle = try OpenCVVideoWriterHandle(path: path, fourcc: fourcc, fps: 30, width: 64, height: 64)
            _ = try handle.release()
            return .available
        } catch {
            return .unavailable(reason: error.description)
        }
    }

    /// What OpenCV 4.6's FFmpeg backend asks for, per fourcc. Confirmed on Debian 12 (OpenCV 4.6.0+dfsg-12,
    /// FFmpeg 5.1) by probing the output: `ffprobe` reports codec `mpeg4` (encoder tag Lavc59, i.e. libavcodec's
    /// `mpeg4`) for `mp4v` and `h264` for `avc1`, whose SEI reads "x264 - core 164 … rc=crf … crf=23.0" with
    /// x264's default (`medium`) analysis settings: OpenCV sets no preset and CRF 23 for H.264.
    private static func settings(for fourcc: String) -> EncoderSettings {
        switch fourcc {
        case "mp4v":
            // Preset and CRF mean nothing to mpeg4 (reports leave them empty); OpenCV drives it by bitrate.
            EncoderSettings(encoder: "mpeg4", preset: "", crf: 0, container: "mp4")
        case "avc1":
            EncoderSettings(encoder: "libx264", preset: "medium", crf: 23, container: "mp4")
        default:
            // OpenCV picks libavcodec's default encoder for the codec the tag maps to; not confirmed here.
            EncoderSettings(encoder: "unknown", preset: "", crf: 0, container: "mp4")
        }
    }
}
