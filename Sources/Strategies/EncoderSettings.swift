/// Encoder choices shared by every strategy that encodes through FFmpeg's encoders, so that pipe, in-process and
/// OpenCV writers can be compared at equal settings. What each encoder is told follows from these settings in one
/// place, ``EncoderOptions``, which both the ffmpeg command line and the in-process ``EncoderContext`` read.
public struct EncoderSettings: Sendable, Hashable, Codable {
    /// FFmpeg encoder name (`libx264`, `libx265`, `mpeg4`, `h264_nvenc`, …).
    public var encoder: String
    /// Encoder speed preset (`ultrafast` … `veryslow`); used by encoders that have presets.
    public var preset: String
    /// Constant rate factor (lower is better quality); used by encoders that support CRF.
    public var crf: Int
    /// Encoder threads; 0 lets the encoder decide.
    public var threads: Int
    /// Output container (file extension and muxer), e.g. `mp4`.
    public var container: String

    /// libx264, `ultrafast`, CRF 18, automatic threads, mp4: the settings the original pipeline used.
    public static let `default` = EncoderSettings(encoder: "libx264", preset: "ultrafast", crf: 18, threads: 0, container: "mp4")

    /// Creates settings.
    public init(encoder: String, preset: String, crf: Int, threads: Int = 0, container: String = "mp4") {
        self.encoder = encoder
        self.preset = preset
        self.crf = crf
        self.threads = threads
        self.container = container
    }

    /// Whether `preset` and `crf` mean anything to `encoder`. For other encoders they are not passed and the CSV
    /// leaves them empty; MPEG-4 part 2 gets a fixed quantiser instead (see ``mpeg4Quantiser``).
    public var usesPresetAndCRF: Bool {
        ["libx264", "libx265", "libx264rgb"].contains(encoder)
    }

    /// Fixed quantiser used for `mpeg4` (FFmpeg's `-q:v`), since its default 200 kb/s bitrate would make
    /// quality comparisons meaningless. 2 is near-transparent; 31 is worst.
    public static let mpeg4Quantiser = 3
}
