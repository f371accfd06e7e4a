import CFFmpeg

extension EncoderProbe {
    /// Opens `encoder` in-process the way ``HardwareLibAVStrategy`` does, encodes one black frame into the null
    /// muxer, and reports what libav said if anything failed.
    static func probeInProcess(_ encoder: HardwareEncoder) -> Availability {
        guard avcodec_find_encoder_by_name(encoder.ffmpegName) != nil else {
            return .unavailable(reason: "encoder not compiled in (this libavcodec build has no \(encoder.ffmpegName))")
        }
        if let reason = encoder.upload?.missingDeviceReason { return .unavailable(reason: reason) }
        LibAVLogLevel.quietenDefault()
        let (failure, lines) = LibAVLogCapture.capture { testEncode(encoder) }
        guard let failure else { return .available }
        return .unavailable(reason: explanation(failure, libraryLines: lines))
    }

    /// The failing call's error, nil on success.
    private static func testEncode(_ encoder: HardwareEncoder) -> String? {
        var settings = HardwareSettings.make(encoder, threads: 0)
        settings.container = "null"
        let configuration = WriterConfiguration(outputPath: "", width: frameSide, height: frameSide)
        let black = Frame(width: frameSide, height: frameSide, bytes: [UInt8](repeating: 0, count: frameSide * frameSide * 3))
        do {
            let writer = try HardwareLibAVStrategy.open(encoder, configuration: configuration, settings: settings)
            try writer.write(black)
            _ = try writer.finish()
            return nil
        } catch WriterError.encoderFailed(_, let detail) {
            return detail
        } catch {
            return "\(error)"
        }
    }

    /// The library's own sentence first (`h264_nvenc: Cannot load libcuda.so.1`), then the call that failed with
    /// av_strerror's text, which alone is too generic to act on ("Generic error in an external library").
    static func explanation(_ failure: String, libraryLines: [String]) -> String {
        var unique: [String] = []
        for line in libraryLines where !unique.contains(line) { unique.append(line) }
        return unique.isEmpty ? failure : "\(unique.joined(separator: "; ")) (\(failure))"
    }
}
