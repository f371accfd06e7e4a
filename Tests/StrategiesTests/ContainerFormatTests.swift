@testable import Strategies
import Testing

/// Pins that a container's muxer options are resolved once, in ``EncoderOptions``, and reach the ffmpeg program and
/// libav alike; that a container this FFmpeg lacks is unavailable with a reason; and that OpenCV refuses containers
/// it cannot write.
@Suite struct ContainerFormatTests {
    let configuration = WriterConfiguration(outputPath: "/tmp/out.mp4", width: 640, height: 480)

    static func settings(_ container: ContainerFormat) -> EncoderSettings {
        var settings = EncoderSettings.default
        settings.container = container.rawValue
        return settings
    }

    @Test func fragmentedMP4IsTheMP4MuxerWithFragmentsAtKeyframesAndEverySecond() {
        let options = EncoderOptions(Self.settings(.fragmentedMP4))
        #expect(options.muxer == "mp4")
        #expect(options.muxerOptions.map(\.name) == ["movflags", "frag_duration", "flush_packets"])
        #expect(options.muxerOptions.first?.value == "frag_keyframe+empty_moov+default_base_moof")
        #expect(options.muxerOptions[1].value == "1000000")
    }

    @Test func matroskaIsTheMatroskaMuxerWithOneSecondClustersAndAnMKVFile() {
        let settings = Self.settings(.matroska)
        let options = EncoderOptions(settings)
        #expect(options.muxer == "matroska")
        #expect(options.muxerOptions.map(\.name) == ["cluster_time_limit", "flush_packets"])
        #expect(settings.fileExtension == "mkv")
        #expect(Self.settings(.fragmentedMP4).fileExtension == "mp4")
    }

    @Test func plainMP4TellsTheMuxerNothing() {
        #expect(EncoderOptions(.default).muxerOptions.isEmpty)
        #expect(EncoderOptions(.default).muxer == "mp4")
    }

    @Test(arguments: ContainerFormat.selectable)
    func thePipeCommandLineCarriesTheResolvedMuxerOptionsJustBeforeTheOutput(container: ContainerFormat) {
        let options = EncoderOptions(Self.settings(container))
        let arguments = FFmpegPipeStrategy(settings: Self.settings(container)).arguments(for: configuration)
        #expect(Array(arguments.suffix(options.ffmpegMuxerArguments.count + 1))
                == options.ffmpegMuxerArguments + [configuration.outputPath])
        #expect(arguments.suffix(3).first == "-f" || !options.muxerOptions.isEmpty)
    }

    @Test func theAVOptionLookupFindsKnownFlagsAndNotInventedOnes() {
        #expect(ContainerFormat.muxerKnows(constant: "frag_keyframe", ofOption: "movflags", muxer: "mp4"))
        #expect(!ContainerFormat.muxerKnows(constant: "no_such_flag", ofOption: "movflags", muxer: "mp4"))
        #expect(!ContainerFormat.muxerKnows(constant: "frag_keyframe", ofOption: "movflags", muxer: "no-such-muxer"))
    }

    @Test func hybridFragmentedMP4IsAvailableExactlyWhenTheMuxerKnowsTheFlag() {
        let known = ContainerFormat.muxerKnows(constant: "hybrid_fragmented", ofOption: "movflags", muxer: "mp4")
        let settings = Self.settings(.hybridFragmentedMP4)
        for strategy in [LibAVStrategy(settings: settings) as any WriterStrategy, FFmpegPipeStrategy(settings: settings)] {
            if known {
                #expect(settings.containerAvailability == .available)
            } else {
                #expect(strategy.availability().reason?.contains("hybrid_fragmented") == true, "\(strategy.name)")
            }
        }
    }

    @Test func aMuxerNameWriterBenchDoesNotKnowIsHandedToTheMuxerAsItIs() {
        var settings = EncoderSettings.default
        settings.container = "mpegts"
        #expect(settings.containerAvailability == .available)
        #expect(EncoderOptions(settings).muxer == "mpegts")
        #expect(EncoderOptions(settings).muxerOptions.isEmpty)
        #expect(settings.fileExtension == "mpegts")
    }

    @Test(arguments: [ContainerFormat.fragmentedMP4, .matroska])
    func openCVCannotChooseAContainerAndSaysSo(container: ContainerFormat) {
        let strategy = OpenCVStrategy(fourcc: "mp4v", container: container.rawValue)
        #expect(strategy.settings.container == container.rawValue)
        #expect(strategy.availability().reason?.contains("plain mp4 only") == true)
    }

    @Test func theRegistryBuildsEveryFFmpegStrategyWithTheRequestedContainer() {
        let registered = StrategyRegistry.all(StrategyOptions(settings: Self.settings(.matroska)))
        for strategy in registered where !(strategy is OpenCVStrategy) {
            #expect(strategy.settings.container == "mkv", "\(strategy.name)")
        }
    }
}
