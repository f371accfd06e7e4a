import Analysis
import Strategies
/// Why the pipeline could not read its source or had to stop.
public enum PipelineError: Error, Sendable, Equatable, CustomStringConvertible {
    /// libav cannot open or decode the `--input` file.
    case unreadableInput(path: String, reason: String)
    /// The input's width or height is odd, which the 4:2:0 writers cannot represent exactly.
    case oddInputSize(path: String, width: Int, height: Int)
    /// One output's writer failed (its encoder died, its disk filled up): the pipeline stopped handing out frames,
    /// and the other outputs were finished so that what they hold stays playable.
    /// `others` names each other output with the frames it was finished with, or its own error.
    case outputFailed(output: PipelineOutput, path: String, framesHanded: Int, detail: String, others: [String])

    public var description: String {
        switch self {
        case .unreadableInput(let path, let reason):
            "cannot read input '\(path)': \(reason); give a video file libav can decode"
        case .oddInputSize(let path, let width, let height):
            "input '\(path)' is \(width)x\(height); the writers need even width and height, so crop or pad it first"
        case .outputFailed(let output, let path, let frames, let detail, let others):
            "output '\(output.rawValue)' (\(path)) failed after \(frames) frames: \(detail); the pipeline stopped"
                + (others.isEmpty ? "" : "; finished the other outputs: \(others.joined(separator: ", "))")
        }
    }
}
