import Analysis
import ArgumentParser
import Harness
import Strategies

/// `--frameset`, `--size`, `--frames`, `--fps`: which frames, shared by run, frames and verify.
struct FrameOptions: ParsableArguments {
    @Option(name: .customLong("frameset"),
            help: "Frame set: \(FrameSet.allCases.map(\.rawValue).joined(separator: ", ")). Repeat for several (run).",
            completion: .list(FrameSet.allCases.map(\.rawValue)))
    var frameSetNames: [String] = []

    @Option(name: .customLong("size"), parsing: .unconditionalSingleValue,
            help: "Frame size as WxH or \(FrameSize.named.map(\.name).joined(separator: "/")). Repeat for several (run).")
    var sizeNames: [String] = []

    @Option(parsing: .unconditional, help: "Frames per run.")
    var frames = 300

    @Option(parsing: .unconditional,
            help: "Stream frame rate of the output, frames/s (1…1000): 30, 29.97 (= 30000/1001) or a fraction N/D.",
            transform: FrameRateArgument.parse)
    var fps = FrameRate(30)

    /// The parsed frame sets (default: camera).
    var frameSets: [FrameSet] {
        frameSetNames.isEmpty ? [.camera] : frameSetNames.compactMap(FrameSet.init(rawValue:))
    }

    /// The parsed sizes (default: 1280x720).
    var sizes: [FrameSize] {
        sizeNames.isEmpty ? [.default] : sizeNames.compactMap(FrameSize.init(parsing:))
    }

    func validate() throws {
        for name in frameSetNames where FrameSet(rawValue: name) == nil {
            throw ValidationError("unknown frame set '\(name)'; use one of \(FrameSet.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        for name in sizeNames where FrameSize(parsing: name) == nil {
            throw ValidationError("cannot read size '\(name)'; use WxH (e.g. 1920x1080) or \(FrameSize.named.map(\.name).joined(separator: ", "))")
        }
        guard frames > 0 else { throw ValidationError("--frames must be at least 1") }
        guard fps.value >= 1, fps.value <= 1000 else { throw ValidationError("--fps must be between 1 and 1000 frames/s, got \(fps)") }
    }
}
