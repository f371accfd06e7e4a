import Foundation
import Harness
import Strategies
import Testing
import Verification

/// Every container a pipe or libav writer can produce verifies valid, with every frame, through the in-process
/// verifier.
@Suite(.enabled(if: FFmpegExecutable.resolve() != nil, "needs the ffmpeg program"))
struct ContainerVerificationTests {
    static let frames = 45
    static let size = FrameSize(width: 160, height: 120)

    static let cases: [(strategy: String, container: ContainerFormat)] = ["ffmpeg-pipe", "libav"].flatMap { name in
        ContainerFormat.selectable.map { (name, $0) }
    }

    @Test(arguments: cases)
    func aCompleteFileOfEveryContainerVerifiesValidWithEveryFrame(strategy name: String, container: ContainerFormat) throws {
        var settings = EncoderSettings.default
        settings.container = container.rawValue
        let strategy = try #require(StrategyRegistry.named(name, StrategyOptions(settings: settings)))
        if case .unavailable(let reason) = strategy.availability() {
            #expect(container == .hybridFragmentedMP4, "only hybrid-fmp4 may be missing here: \(reason)")
            return
        }
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("writerbench-containers-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = "\(directory)/out.\(settings.fileExtension)"
        let writer = try strategy.makeWriter(WriterConfiguration(outputPath: path, width: Self.size.width,
                                                                 height: Self.size.height, fps: 30))
        for index in 0..<Self.frames { try writer.write(FrameSet.camera.frame(index, size: Self.size)) }
        _ = try writer.finish()

        let result = OutputVerifier(frameSet: .camera, size: Self.size, frameCount: Self.frames, framesPerSecond: 30,
                                    codec: "h264", qualityStride: 5).verify(path: path)
        #expect(result.valid, "\(result.invalidReason ?? "")")
        #expect(result.framesDecoded == Self.frames)
        #expect(path.hasSuffix(container == .matroska ? ".mkv" : ".mp4"))
    }
}
