import Analysis
import FaceMirror
import Foundation
@testable import Harness
import Strategies
import TestSupport
import Verification

/// Makes small test videos by piping frame set frames through the `ffmpeg` program.
enum TestVideo {
    /// The ffmpeg program, or nil when it is not installed (tests that need it are then disabled).
    static let ffmpeg: String? = FFmpegExecutable.resolve()

    /// A fresh temporary directory for one test's files.
    static func temporaryDirectory(_ label: String = #function) throws -> URL {
        URL(fileURLWithPath: try TestTemporaryDirectory.make("verify-" + label))
    }

    /// Writes the given frames of `frameSet` as raw BGR24, one after another, to `url`.
    static func writeRaw(_ frameSet: FrameSet, size: FrameSize, indices: some Sequence<Int>, to url: URL) throws {
        var data = Data()
        for index in indices {
            frameSet.frame(index, size: size).withUnsafeBytes { data.append(contentsOf: $0) }
        }
        try data.write(to: url)
    }

    /// Runs ffmpeg with `arguments` (after `-y -v error -nostdin`); returns its stderr, throws when it fails.
    @discardableResult
    static func run(_ arguments: [String]) throws -> String {
        guard let ffmpeg else { throw TestVideoError.ffmpegMissing }
        let run = try ProgramRun.run(ffmpeg, ["-y", "-v", "error", "-nostdin"] + arguments)
        guard run.status == 0 else {
            throw TestVideoError.ffmpegFailed(arguments.joined(separator: " "), run.stderr)
        }
        return run.stderr
    }

    /// Encodes frames `indices` of `frameSet` into `name` inside `directory` with the given output options
    /// (codec, filters, tags), at `fps`; returns the output path.
    static func encode(_ frameSet: FrameSet = .camera, size: FrameSize, indices: some Sequence<Int>, fps: Int = 30,
                       in directory: URL, name: String, options: [String]) throws -> String {
        let raw = directory.appendingPathComponent(name + ".bgr")
        try writeRaw(frameSet, size: size, indices: indices, to: raw)
        let output = directory.appendingPathComponent(name).path
        try run(["-f", "rawvideo", "-pix_fmt", "bgr24", "-s", size.description, "-r", String(fps), "-i", raw.path]
                + options + [output])
        return output
    }

    /// The first half of the bytes of a Matroska H.264 file of `frames` frames, in `directory` (Matroska's index is
    /// optional, so the cut file still opens and decodes some frames); returns its path.
    static func streamableH264CutInHalf(size: FrameSize, frames: Int, in directory: URL) throws -> String {
        let path = try encode(size: size, indices: 0..<frames, in: directory, name: "whole.mkv",
                              options: h264Options(matrix: .bt709, tag: .bt709))
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        let truncated = directory.appendingPathComponent("half.mkv")
        try bytes.prefix(bytes.count / 2).write(to: truncated)
        return truncated.path
    }

    /// H.264 at high quality, 4:2:0 limited range, converted from BGR with `matrix` and tagged as `tag` (all four
    /// colour properties), or untagged when `tag` is nil.
    static func h264Options(matrix: YUVMatrix, tag: YUVMatrix?, crf: Int = 18) -> [String] {
        let scale = "scale=out_color_matrix=\(matrix.rawValue):out_range=tv:flags=bicubic+accurate_rnd+full_chroma_int"
        var options = ["-vf", scale, "-c:v", "libx264", "-preset", "ultrafast", "-crf", String(crf),
                       "-pix_fmt", "yuv420p"]
        switch tag {
        case .bt709?:
            options += ["-colorspace", "bt709", "-color_primaries", "bt709", "-color_trc", "bt709", "-color_range", "tv"]
        case .bt601?:
            options += ["-colorspace", "smpte170m", "-color_primaries", "smpte170m", "-color_trc", "smpte170m",
                        "-color_range", "tv"]
        case let other?:
            fatalError("no test tagging for \(other)")
        case nil:
            break
        }
        return options
    }
}

enum TestVideoError: Error {
    case ffmpegMissing
    case ffmpegFailed(String, String)
}
