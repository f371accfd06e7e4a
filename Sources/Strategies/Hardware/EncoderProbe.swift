import Synchronization

/// The two ways WriterBench reaches an encoder, each probed on its own: a machine can have the hardware for one and
/// not the other (a static ffmpeg built with NVENC next to Debian's libavcodec, or the reverse).
public enum EncoderPath: String, Sendable, CaseIterable, Codable {
    /// In-process through libavcodec, as the `hw-*-libav` strategies encode.
    case libav
    /// Through the `ffmpeg` program, as the `hw-*-pipe` strategies encode.
    case ffmpeg
}

/// What probing one hardware encoder found on each path.
public struct EncoderProbeResult: Sendable, Equatable {
    /// The encoder probed.
    public var encoder: HardwareEncoder
    /// The in-process test encode's outcome.
    public var libav: Availability
    /// The ffmpeg program's test encode's outcome.
    public var ffmpeg: Availability

    /// Creates a result.
    public init(encoder: HardwareEncoder, libav: Availability, ffmpeg: Availability) {
        self.encoder = encoder
        self.libav = libav
        self.ffmpeg = ffmpeg
    }

    /// The outcome on `path`.
    public func availability(via path: EncoderPath) -> Availability {
        switch path {
        case .libav: libav
        case .ffmpeg: ffmpeg
        }
    }
}

/// Finds out whether a hardware encoder really works here by encoding one frame with it, in-process and through the
/// ffmpeg program, and says why not in the library's own words.
///
/// `ffmpeg -encoders` and `avcodec_find_encoder_by_name` only say what was compiled in: Debian's FFmpeg lists
/// `h264_nvenc`, `h264_vaapi` and `h264_qsv` on machines with no GPU at all. So each path opens the encoder exactly as
/// its strategy would (same device options, upload and conversion) on one ``frameSide``-square black frame and
/// encodes it into the null muxer. Answers are cached per encoder, path and ffmpeg program for the life of the
/// process: the CLI asks every strategy for its availability several times, and a probe that spawns ffmpeg costs tens
/// of milliseconds. Probing holds one lock, so concurrent callers wait for one probe instead of opening a device
/// twice.
public enum EncoderProbe {
    /// Side of the square test frame, in pixels: hardware encoders refuse tiny frames (minimum sizes vary by GPU and
    /// driver, and 64x64 is below several of them), and 256x256 is above every documented minimum.
    public static let frameSide = 256
    /// How long the ffmpeg program may take for its test encode before the probe gives up, in seconds. A driver that
    /// hangs while opening the device must not hang `writerbench list`.
    public static let ffmpegTimeoutSeconds = 20.0

    /// Both paths' answers for `encoder` (cached).
    ///
    /// - Parameter ffmpegPath: the ffmpeg program to probe; nil looks in `$WRITERBENCH_FFMPEG`, then `$PATH`.
    public static func probe(_ encoder: HardwareEncoder, ffmpegPath: String? = nil) -> EncoderProbeResult {
        EncoderProbeResult(encoder: encoder,
                           libav: availability(of: encoder, via: .libav),
                           ffmpeg: availability(of: encoder, via: .ffmpeg, ffmpegPath: ffmpegPath))
    }

    /// Every ``HardwareEncoder``'s answers, in ``HardwareEncoder/allCases`` order (cached).
    public static func probeAll(ffmpegPath: String? = nil) -> [EncoderProbeResult] {
        HardwareEncoder.allCases.map { probe($0, ffmpegPath: ffmpegPath) }
    }

    /// `.available` when the test encode on `path` succeeded here, else `.unavailable` with a non-empty reason
    /// (cached).
    ///
    /// - Parameter ffmpegPath: for ``EncoderPath/ffmpeg`` only; see ``probe(_:ffmpegPath:)``.
    public static func availability(of encoder: HardwareEncoder, via path: EncoderPath,
                                    ffmpegPath: String? = nil) -> Availability {
        // The program is part of the key: `$WRITERBENCH_FFMPEG` may name another build than the one in PATH.
        let program = path == .ffmpeg ? (FFmpegExecutable.resolve(ffmpegPath) ?? "") : ""
        let key = Key(encoder: encoder, path: path, program: program)
        return answers.withLock { answers in
            if let known = answers[key] { return known }
            let answer: Availability
            switch path {
            case .libav:
                answer = probeInProcess(encoder)
            case .ffmpeg:
                answer = program.isEmpty
                    ? .unavailable(reason: FFmpegExecutable.missingReason(ffmpegPath))
                    : probeProgram(encoder, executable: program)
            }
            answers[key] = answer
            return answer
        }
    }

    private struct Key: Hashable {
        var encoder: HardwareEncoder
        var path: EncoderPath
        var program: String
    }

    private static let answers = Mutex<[Key: Availability]>([:])
}
