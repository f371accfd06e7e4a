import ArgumentParser
import Harness
import Strategies

/// `--frameset NAME` and `--size WxH`: the one frame set and size a command reads, shared by verify and pipeline;
/// each command names its defaults with `Defaults`. (`run` and `frames` take repeatable lists: ``FrameOptions``.)
struct FrameSourceOptions<Defaults: FrameSourceDefaults>: ParsableArguments {
    @Option(name: .customLong("frameset"),
            help: "Frame set: \(FrameSet.allCases.map(\.rawValue).joined(separator: ", ")).",
            completion: .list(FrameSet.allCases.map(\.rawValue)))
    var frameSetName = Defaults.frameSet.rawValue

    @Option(name: .customLong("size"), parsing: .unconditional,
            help: "Frame size as WxH or \(FrameSize.named.map(\.name).joined(separator: "/")).")
    var sizeName = Defaults.size.description

    /// The parsed frame set (checked by ``validate()``).
    var frameSet: FrameSet { FrameSet(rawValue: frameSetName) ?? Defaults.frameSet }

    /// The parsed size (checked by ``validate()``).
    var size: FrameSize { FrameSize(parsing: sizeName) ?? Defaults.size }

    func validate() throws {
        guard FrameSet(rawValue: frameSetName) != nil else {
            throw ValidationError("unknown frame set '\(frameSetName)'; use one of \(FrameSet.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard FrameSize(parsing: sizeName) != nil else {
            throw ValidationError("cannot read size '\(sizeName)'; use WxH (e.g. 1920x1080) or \(FrameSize.named.map(\.name).joined(separator: ", "))")
        }
    }
}
