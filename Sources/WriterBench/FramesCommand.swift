import Analysis
import ArgumentParser
import Harness

/// `writerbench frames`: raw BGR24 frames of a frame set, so other tools see exactly the frames WriterBench uses.
struct FramesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "frames",
        abstract: "Write raw BGR24 frames of a frame set (to stdout by default).",
        discussion: "Feed them to ffmpeg with: -f rawvideo -pix_fmt bgr24 -video_size WxH -framerate FPS -i -")

    @OptionGroup var frameOptions: FrameOptions

    @Option(help: "Output file (default: standard output).")
    var out: String?

    func validate() throws {
        guard frameOptions.frameSetNames.count <= 1, frameOptions.sizeNames.count <= 1 else {
            throw ValidationError("frames takes one --frameset and one --size")
        }
    }

    func run() throws {
        try RawFrameExporter.export(frameOptions.frameSets[0], size: frameOptions.sizes[0],
                                    count: frameOptions.frames, to: out)
    }
}
