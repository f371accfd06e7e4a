import Foundation
import Strategies
import TestSupport
import Testing

/// The library as a Swift program adopts it: only `import Strategies` (no `@testable`), through the README's example.
@Suite struct LibraryExampleTests {
    static let ffmpegAvailable = StrategyRegistry.named("libav-async")?.availability().isAvailable == true

    @Test(.enabled(if: ffmpegAvailable), arguments: ["auto", "libav-async", "ffmpeg-pipe-async", "opencv-mp4v"])
    func theExampleWritesACompleteFileAndReportsIt(strategy: String) throws {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("library-example-\(strategy)-\(UUID().uuidString).mp4").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let available = StrategyRegistry.named(strategy)?.availability().isAvailable == true
        try #require(available, "\(strategy) runs on this machine")

        let report = try writeRamp(to: path, strategyName: strategy, count: 30)

        #expect(report.framesWritten == 30)
        #expect(!report.encoderUsed.isEmpty)
        let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int64
        #expect(report.bytesWritten == size && (size ?? 0) > 0)
        let probe = try #require(try FFprobe.probe(path), "ffprobe reads \(path)")
        #expect(probe.decodedFrames == 30 && probe.width == 320 && probe.height == 240)
    }

    @Test func anUnknownStrategyIsAnErrorThatNamesIt() {
        #expect(throws: WriterError.invalidConfiguration("no strategy nope; see StrategyRegistry.names")) {
            try writeRamp(to: "/tmp/never-written.mp4", strategyName: "nope")
        }
    }

    @Test(.enabled(if: ffmpegAvailable)) func anUnwritablePathIsATypedErrorBeforeAnyFrame() {
        #expect(throws: WriterError.self) {
            try writeRamp(to: "/nonexistent-folder/clip.mp4", strategyName: "libav-async")
        }
    }

    @Test func theReadmeShowsExactlyTheCompiledExample() throws {
        let readme = try String(contentsOfFile: packageRoot() + "/README.md", encoding: .utf8)
        let source = try String(contentsOfFile: packageRoot() + "/Tests/StrategiesAPITests/LibraryExample.swift",
                                encoding: .utf8)
        let shown = try #require(Self.between("```swift\n// example begin\n", "// example end\n```", in: readme),
                                 "README.md has the example between ```swift // example begin … // example end ```")
        let compiled = try #require(Self.between("// example begin\n", "// example end", in: source))
        #expect(shown == compiled, "copy Tests/StrategiesAPITests/LibraryExample.swift's example into README.md")
    }

    static func between(_ start: String, _ end: String, in text: String) -> String? {
        guard let from = text.range(of: start), let to = text.range(of: end, range: from.upperBound..<text.endIndex)
        else { return nil }
        return String(text[from.upperBound..<to.lowerBound])
    }
}
