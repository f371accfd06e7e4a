import CFFmpeg
import Foundation
@testable import Strategies
import Testing
import TestSupport

/// What this machine has that a hardware encoder could use. The tests that pin "unavailable, with a reason" only run
/// where none of it exists (the CI container: no GPU, no /dev/dri, no /dev/video*), so they stay true on a developer's
/// workstation with a GPU instead of failing there.
enum ThisMachine {
    static let hasHardwareEncoderDevices: Bool = {
        let devices = (try? FileManager.default.contentsOfDirectory(atPath: "/dev")) ?? []
        return devices.contains { $0 == "dri" || $0.hasPrefix("nvidia") || $0.hasPrefix("video") }
    }()
    static let lacksHardwareEncoders = !hasHardwareEncoderDevices
}

@Suite struct HardwareProbeTests {
    @Test(arguments: HardwareEncoder.allCases)
    func everyPathOfEveryEncoderIsEitherAvailableOrSaysWhyNot(encoder: HardwareEncoder) {
        let result = EncoderProbe.probe(encoder)
        #expect(result.encoder == encoder)
        for path in EncoderPath.allCases {
            let availability = result.availability(via: path)
            if !availability.isAvailable {
                #expect(!(availability.reason ?? "").trimmingCharacters(in: .whitespaces).isEmpty,
                        "\(encoder.ffmpegName) via \(path) is unavailable without a reason")
            }
        }
    }

    @Test(.enabled(if: ThisMachine.lacksHardwareEncoders), arguments: HardwareEncoder.allCases)
    func withoutTheHardwareEveryEncoderIsUnavailableOnBothPaths(encoder: HardwareEncoder) {
        let result = EncoderProbe.probe(encoder)
        #expect(!result.libav.isAvailable)
        #expect(!result.ffmpeg.isAvailable)
    }

    @Test func probeAllListsTheSevenEncodersInTheIssuesOrder() {
        #expect(EncoderProbe.probeAll().map(\.encoder.ffmpegName) == [
            "h264_nvenc", "hevc_nvenc", "h264_vaapi", "h264_qsv", "h264_videotoolbox", "h264_v4l2m2m", "h264_amf",
        ])
    }

    @Test(.enabled(if: !FileManager.default.fileExists(atPath: HardwareUpload.vaapiDevice)))
    func missingRenderNodeIsTheInProcessVAAPIReason() {
        #expect(EncoderProbe.availability(of: .h264VAAPI, via: .libav)
                == .unavailable(reason: "no render node \(HardwareUpload.vaapiDevice)"))
    }

    @Test(.enabled(if: avcodec_find_encoder_by_name("h264_amf") == nil))
    func encoderMissingFromTheLibraryIsReportedAsNotCompiledIn() {
        let reason = EncoderProbe.availability(of: .h264AMF, via: .libav).reason ?? ""
        #expect(reason.contains("not compiled in"))
    }

    @Test(.enabled(if: ThisMachine.lacksHardwareEncoders && avcodec_find_encoder_by_name("h264_nvenc") != nil))
    func inProcessReasonQuotesTheLibraryNotJustTheErrorCode() {
        // NVENC's open fails with a bare EPERM/AVERROR_EXTERNAL; the sentence that helps is in libav's log.
        let reason = EncoderProbe.availability(of: .h264NVENC, via: .libav).reason ?? ""
        #expect(reason.hasPrefix("h264_nvenc: "))
        #expect(reason.contains("avcodec_open2"))
    }

    @Test func libavLogLinesLoseTheContextAddress() {
        #expect(LibAVLogCapture.readable("[h264_nvenc @ 0x558d06b295c0] Cannot load libcuda.so.1\n")
                == "h264_nvenc: Cannot load libcuda.so.1")
        #expect(LibAVLogCapture.readable("Device creation failed: -22.\n") == "Device creation failed: -22.")
    }

    @Test func ffmpegReasonKeepsTheComponentsCauseAndDropsTheGenericAftermath() {
        let nvenc = """
            [h264_nvenc @ 0x558d06b295c0] Cannot load libcuda.so.1
            Error initializing output stream 0:0 -- Error while opening encoder for output stream #0:0 - maybe incorrect parameters such as bit_rate, rate, width or height
            """
        #expect(EncoderProbe.cause(in: nvenc) == "h264_nvenc: Cannot load libcuda.so.1")
        #expect(EncoderProbe.cause(in: "Unknown encoder 'h264_amf'\n") == "Unknown encoder 'h264_amf'")
    }

    @Test func pipeArgumentsUploadNV12ToTheDeviceForVAAPI() throws {
        let strategy = HardwarePipeStrategy(encoder: .h264VAAPI)
        let arguments = strategy.arguments(for: WriterConfiguration(outputPath: "/tmp/x.mp4", width: 640, height: 480))
        let device = try #require(arguments.firstIndex(of: "-vaapi_device"))
        #expect(arguments[device + 1] == HardwareUpload.vaapiDevice)
        #expect(device < (arguments.firstIndex(of: "-i") ?? 0), "the device is a global option, before the input")
        let filters = arguments[try #require(arguments.firstIndex(of: "-vf")) + 1]
        #expect(filters == "scale=out_color_matrix=bt709:out_range=tv,format=nv12,hwupload")
        #expect(arguments[arguments.firstIndex(of: "-c:v")! + 1] == "h264_vaapi")
        // An output -pix_fmt would ask ffmpeg to download the surfaces again.
        #expect(arguments.filter { $0 == "-pix_fmt" }.count == 1)
    }

    @Test func pipeArgumentsHandSoftwareFramesToNVENC() {
        let arguments = HardwarePipeStrategy(encoder: .h264NVENC)
            .arguments(for: WriterConfiguration(outputPath: "/tmp/x.mp4", width: 640, height: 480))
        #expect(!arguments.contains("-vaapi_device") && !arguments.contains("-init_hw_device"))
        #expect(arguments[arguments.firstIndex(of: "-vf")! + 1] == "scale=out_color_matrix=bt709:out_range=tv,format=yuv420p")
        #expect(arguments.contains("h264_nvenc"))
        #expect(!arguments.contains("-crf") && !arguments.contains("-preset"))
    }

    @Test func qsvProbeUsesTheSameDeviceAndUploadAsARun() {
        let arguments = HardwarePipeStrategy.probeArguments(.h264QSV)
        #expect(arguments.starts(with: ["-hide_banner", "-loglevel", "error", "-nostdin",
                                        "-init_hw_device", "qsv=hw", "-filter_hw_device", "hw"]))
        #expect(arguments.contains("format=nv12,hwupload=extra_hw_frames=64,format=qsv"))
        #expect(arguments.suffix(4) == ["h264_qsv", "-f", "null", "-"])
    }

    @Test(arguments: HardwareEncoder.allCases)
    func strategyNamesAreKebabCaseStemsWithThePath(encoder: HardwareEncoder) {
        let stem = "hw-" + encoder.ffmpegName.replacingOccurrences(of: "_", with: "-")
        #expect(HardwarePipeStrategy(encoder: encoder).name == stem + "-pipe")
        #expect(HardwareLibAVStrategy(encoder: encoder).name == stem + "-libav")
    }

    @Test func registryEndsWithAutoAndTheFourteenHardwareStrategies() {
        let names = StrategyRegistry.names
        let tail = Array(names.suffix(15))
        #expect(tail.first == "auto")
        #expect(Array(tail.dropFirst()) == HardwareEncoder.allCases.flatMap { [$0.strategyStem + "-pipe", $0.strategyStem + "-libav"] })
        #expect(Set(names).count == names.count, "strategy names are unique")
    }

    // MARK: Strategies on a machine without the hardware

    static let hardwareStrategies: [any WriterStrategy] = HardwareEncoder.allCases.flatMap {
        [HardwarePipeStrategy(encoder: $0), HardwareLibAVStrategy(encoder: $0)] as [any WriterStrategy]
    }

    @Test(.enabled(if: ThisMachine.lacksHardwareEncoders), arguments: 0..<14)
    func hardwareStrategyIsUnavailableWithTheProbeReasonAndRefusesToOpen(index: Int) throws {
        let strategy = Self.hardwareStrategies[index]
        let reason = try #require(strategy.availability().reason)
        #expect(!reason.isEmpty)
        let path = try makeTemporaryDirectory() + "/\(strategy.name).mp4"
        #expect(throws: WriterError.unavailable(strategy: strategy.name, reason: reason)) {
            _ = try strategy.makeWriter(WriterConfiguration(outputPath: path, width: 320, height: 240))
        }
        #expect(!FileManager.default.fileExists(atPath: path), "nothing is created for an unavailable strategy")
    }
}
