@testable import Strategies
import Testing

/// Pins that the ffmpeg program and libav are told the same things by one resolved ``EncoderOptions``, and that the
/// command lines built from it are the ones WriterBench has always run.
@Suite struct EncoderOptionsTests {
    let configuration = WriterConfiguration(outputPath: "/tmp/out.mp4", width: 640, height: 480)

    static let softwareEncoders: [(settings: EncoderSettings, resolved: [EncoderOption])] = [
        (EncoderSettings(encoder: "libx264", preset: "ultrafast", crf: 18, threads: 2),
         [.privateOption(name: "preset", value: "ultrafast"), .privateOption(name: "crf", value: "18"), .threads(2)]),
        (EncoderSettings(encoder: "libx265", preset: "ultrafast", crf: 28),
         [.privateOption(name: "preset", value: "ultrafast"), .privateOption(name: "crf", value: "28"),
          .privateOption(name: "x265-params", value: "log-level=error"), .threads(0)]),
        (EncoderSettings(encoder: "mpeg4", preset: "ultrafast", crf: 18, threads: 3),
         [.fixedQuantiser(EncoderSettings.mpeg4Quantiser), .threads(3)]),
    ]

    @Test(arguments: softwareEncoders)
    func quirksAreResolvedOnceFromTheSettings(settings: EncoderSettings, resolved: [EncoderOption]) {
        #expect(EncoderOptions(settings).options == resolved)
    }

    @Test(arguments: softwareEncoders)
    func pipeAndLibAVApplyTheSameResolvedOptions(settings: EncoderSettings, resolved: [EncoderOption]) throws {
        let options = EncoderOptions(settings)
        let arguments = FFmpegPipeStrategy(settings: settings).arguments(for: configuration)
        #expect(arguments.containsRun(options.ffmpegEncoderArguments))
        #expect(arguments.containsRun(options.ffmpegColorArguments))
        LibAVLogLevel.quietenDefault()
        let context = try EncoderContext(settings: settings, width: 64, height: 64, frameRate: FrameRate(30), globalHeader: false)
        #expect(context.appliedOptions == options.options)
    }

    @Test(.enabled(if: EncoderContext.unsupportedReason("h264_nvenc") == nil, "this libavcodec build lacks h264_nvenc"))
    func hardwarePipeAndLibAVApplyTheSameResolvedOptions() throws {
        let pipe = HardwarePipeStrategy(encoder: .h264NVENC, threads: 2)
        let libav = HardwareLibAVStrategy(encoder: .h264NVENC, threads: 2)
        #expect(pipe.settings == libav.settings)
        let options = EncoderOptions(libav.settings)
        #expect(options.options == [.threads(2)], "hardware encoders run at their default rate control")
        let arguments = pipe.arguments(for: configuration)
        #expect(arguments.containsRun(options.ffmpegEncoderArguments))
        #expect(arguments.containsRun(options.ffmpegColorArguments))
        // Without the GPU the encoder cannot open, so libav is asked what it would apply to an unopened context.
        #expect(try EncoderContext.dryRun(options) == options.options)
    }

    @Test func automaticThreadsAreTheProgramsDefaultButAreToldToLibAV() {
        #expect(EncoderOption.threads(0).ffmpegArguments.isEmpty)
        #expect(EncoderOption.threads(4).ffmpegArguments == ["-threads", "4"])
        #expect(EncoderOptions(.default).options.last == .threads(0))
    }

    // MARK: The command lines, unchanged by building them from EncoderOptions

    @Test func softwarePipeConvertsBGRWithBT709AndStatesTheOutputFormat() {
        #expect(FFmpegPipeStrategy().arguments(for: configuration) == [
            "-hide_banner", "-loglevel", "error", "-nostats", "-y",
            "-f", "rawvideo", "-pix_fmt", "bgr24", "-video_size", "640x480", "-framerate", "30", "-i", "pipe:0", "-an",
            "-vf", "scale=out_color_matrix=bt709:out_range=tv,format=yuv420p",
            "-c:v", "libx264", "-preset", "ultrafast", "-crf", "18",
            "-pix_fmt", "yuv420p",
            "-colorspace", "bt709", "-color_primaries", "bt709", "-color_trc", "bt709", "-color_range", "tv",
            "-f", "mp4", "/tmp/out.mp4",
        ])
    }

    @Test func softwarePipeLeavesYUV420pInputUnfiltered() {
        let settings = EncoderSettings(encoder: "mpeg4", preset: "", crf: 0, threads: 2, container: "mkv")
        let yuv = WriterConfiguration(outputPath: "/tmp/out.mkv", width: 640, height: 480, fps: 25, inputFormat: .yuv420p)
        #expect(FFmpegPipeStrategy(settings: settings).arguments(for: yuv) == [
            "-hide_banner", "-loglevel", "error", "-nostats", "-y",
            "-f", "rawvideo", "-pix_fmt", "yuv420p", "-video_size", "640x480", "-framerate", "25", "-i", "pipe:0", "-an",
            "-c:v", "mpeg4", "-q:v", "3", "-threads", "2",
            "-pix_fmt", "yuv420p",
            "-colorspace", "bt709", "-color_primaries", "bt709", "-color_trc", "bt709", "-color_range", "tv",
            // `mkv` names the Matroska muxer and its crash-safe options (ContainerFormat), not a muxer called mkv.
            "-cluster_time_limit", "1000", "-flush_packets", "1", "-f", "matroska", "/tmp/out.mkv",
        ])
    }

    @Test func hardwarePipeUploadsWithoutAnOutputPixelFormat() {
        #expect(HardwarePipeStrategy(encoder: .h264VAAPI).arguments(for: configuration) == [
            "-hide_banner", "-loglevel", "error", "-nostats", "-y", "-vaapi_device", HardwareUpload.vaapiDevice,
            "-f", "rawvideo", "-pix_fmt", "bgr24", "-video_size", "640x480", "-framerate", "30", "-i", "pipe:0", "-an",
            "-vf", "scale=out_color_matrix=bt709:out_range=tv,format=nv12,hwupload",
            "-c:v", "h264_vaapi",
            "-colorspace", "bt709", "-color_primaries", "bt709", "-color_trc", "bt709", "-color_range", "tv",
            "-f", "mp4", "/tmp/out.mp4",
        ])
    }

    @Test func hardwarePipeAlwaysFiltersSoftwareFramesIntoTheEncodersFormat() {
        let yuv = WriterConfiguration(outputPath: "/tmp/out.mp4", width: 640, height: 480, inputFormat: .yuv420p)
        let arguments = HardwarePipeStrategy(encoder: .h264NVENC).arguments(for: yuv)
        #expect(arguments[arguments.firstIndex(of: "-vf")! + 1] == "format=yuv420p")
        #expect(arguments.filter { $0 == "-pix_fmt" }.count == 1, "only the input's")
    }

    @Test func probeRendersTheSameEncoderArgumentsAsARun() {
        #expect(HardwarePipeStrategy.probeArguments(.h264NVENC) == [
            "-hide_banner", "-loglevel", "error", "-nostdin",
            "-f", "lavfi", "-i", "color=black:s=\(EncoderProbe.frameSide)x\(EncoderProbe.frameSide):d=0.1",
            "-frames:v", "1", "-vf", "format=yuv420p", "-c:v", "h264_nvenc", "-f", "null", "-",
        ])
    }
}

private extension Array where Element: Equatable {
    /// Whether `run` occurs in this array as consecutive elements.
    func containsRun(_ run: [Element]) -> Bool {
        guard !run.isEmpty, run.count <= count else { return run.isEmpty }
        return (0...(count - run.count)).contains { Array(self[$0..<($0 + run.count)]) == run }
    }
}
