import Foundation
import Harness
import Strategies
import Testing

/// `writerbench frames` opens and writes through swift-system like the pipe writers, with its own error words.
@Suite struct RawFrameExporterTests {
    @Test func rawFrameExportOpensThroughTheSamePathAndWritesWholeFrames() throws {
        let missing = "/nonexistent-writerbench-dir/frames.raw"
        let error = #expect(throws: RawFrameExporter.ExportError.self) {
            try RawFrameExporter.export(.camera, size: FrameSize(width: 64, height: 48), count: 1, to: missing)
        }
        #expect(error?.description == "cannot open '\(missing)' for writing: No such file or directory")

        let path = FileManager.default.temporaryDirectory.appendingPathComponent("export-\(UUID().uuidString).raw").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try RawFrameExporter.export(.camera, size: FrameSize(width: 64, height: 48), count: 3, to: path)
        let written = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(written.count == 64 * 48 * 3 * 3)
        #expect(written.prefix(64 * 48 * 3) == Data(FrameSet.camera.frame(0, size: FrameSize(width: 64, height: 48)).bytes))
    }
}
