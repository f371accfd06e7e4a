import ArgumentParser
import Foundation
import Harness
import Strategies

/// `writerbench crash-child` (hidden): the writer process `writerbench crash` kills; see ``CrashChild``.
struct CrashChildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "crash-child",
        abstract: "Write frames and report each one, to be killed by `writerbench crash`.",
        shouldDisplay: false)

    @Option var strategy: String
    @Option var container = "mp4"
    @Option var size: String
    @Option var frames: Int
    @Option var fps = 30
    @Option var frameset = FrameSet.camera.rawValue
    @Option var output: String
    @Option(help: "Stop after this many frames and wait to be killed.") var stopAfter: Int?
    @Option var encoder = EncoderSettings.default.encoder
    @Option var preset = EncoderSettings.default.preset
    @Option var crf = EncoderSettings.default.crf
    @Option var threads = 0

    func validate() throws {
        guard FrameSize(parsing: size) != nil else { throw ValidationError("cannot read size '\(size)'") }
        guard FrameSet(rawValue: frameset) != nil else { throw ValidationError("unknown frame set '\(frameset)'") }
        guard frames >= 1, fps >= 1 else { throw ValidationError("--frames and --fps must be at least 1") }
    }

    func run() throws {
        let settings = EncoderSettings(encoder: encoder, preset: preset, crf: crf, threads: threads, container: container)
        guard let writerStrategy = StrategyRegistry.named(strategy, StrategyOptions(settings: settings)) else {
            throw ValidationError("unknown strategy '\(strategy)'")
        }
        let frameSize = FrameSize(parsing: size)!
        let child = CrashChild(strategy: writerStrategy,
                               configuration: WriterConfiguration(outputPath: output, width: frameSize.width,
                                                                  height: frameSize.height, fps: fps),
                               frameSet: FrameSet(rawValue: frameset)!, frames: frames, stopAfter: stopAfter)
        // Unbuffered: the parent reads each line as it is printed.
        try child.run { line in FileHandle.standardOutput.write(Data((line + "\n").utf8)) }
    }
}
