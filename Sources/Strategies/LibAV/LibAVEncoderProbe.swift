import Synchronization

/// Whether an encoder can really encode here, decided once per encoder name and process.
///
/// Finding the encoder by name is not enough: a build may list an encoder that cannot open on this machine
/// (h264_nvenc without a GPU, a library missing at run time). So the probe also opens and closes it on a 64x64
/// picture: measured at under 4 ms for libx264, libx265 and mpeg4 (FFmpeg 5.1), cheap enough for a check before a
/// run; the answer is cached anyway, since the CLI asks for every strategy several times. The probe uses the
/// fastest preset and one thread, so a bad `--preset` or `--crf` is reported when the writer opens, as a libav
/// error, not as a missing encoder.
enum LibAVEncoderProbe {
    private static let answers = Mutex<[String: Availability]>([:])

    /// `.available`, or `.unavailable` with a reason a user can act on.
    static func availability(of encoder: String) -> Availability {
        answers.withLock { answers in
            if let known = answers[encoder] { return known }
            let answer = probe(encoder)
            answers[encoder] = answer
            return answer
        }
    }

    private static func probe(_ encoder: String) -> Availability {
        if let reason = EncoderContext.unsupportedReason(encoder) { return .unavailable(reason: reason) }
        LibAVLogLevel.quietenDefault()
        let settings = EncoderSettings(encoder: encoder, preset: "ultrafast", crf: 23, threads: 1)
        do {
            _ = try EncoderContext(settings: settings, width: 64, height: 64, frameRate: FrameRate(30), globalHeader: false)
            return .available
        } catch {
            return .unavailable(reason: "encoder '\(encoder)' is in this libavcodec build but cannot open here (\(error))")
        }
    }
}
