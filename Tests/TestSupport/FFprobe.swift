import Foundation

/// What ffprobe says about the first video stream of a file, counting frames by decoding them.
public struct FFprobe: Equatable, Sendable {
    public var codec: String
    public var width: Int
    public var height: Int
    public var decodedFrames: Int

    public init(codec: String, width: Int, height: Int, decodedFrames: Int) {
        self.codec = codec
        self.width = width
        self.height = height
        self.decodedFrames = decodedFrames
    }

    /// Runs `ffprobe -count_frames` on `path`; nil when ffprobe cannot read it.
    public static func probe(_ path: String) throws -> FFprobe? {
        let run = try ProgramRun.run("ffprobe", ["-v", "error", "-count_frames", "-select_streams", "v:0",
                                                 "-show_entries", "stream=codec_name,width,height,nb_read_frames",
                                                 "-of", "csv=p=0", path])
        guard run.status == 0 else { return nil }
        let fields = run.output.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ",").map(String.init)
        guard fields.count >= 4, let width = Int(fields[1]), let height = Int(fields[2]),
              let frames = Int(fields[3]) else { return nil }
        return FFprobe(codec: fields[0], width: width, height: height, decodedFrames: frames)
    }
}
