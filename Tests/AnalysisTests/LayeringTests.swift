import Foundation
import TestSupport
import Testing

/// The analysis side (CSV, gate, compare, report, recommend) must build and run without any video library, so that
/// `writerbench-analysis` can judge results on a machine without FFmpeg or OpenCV.
@Suite struct LayeringTests {
    static let allowedImports: Set<String> = ["Foundation", "Glibc", "Analysis", "ArgumentParser", "History", "GRDB", "HistoryPostgres",
                                                     "PostgresNIO"]

    @Test(arguments: ["Sources/Analysis", "Sources/History", "Sources/HistoryPostgres", "Sources/AnalysisCommands", "Sources/WriterBenchAnalysis",
                      "Sources/Bisect"])
    func analysisTargetsImportNoVideoLibraryAndNoWriter(folder: String) throws {
        let root = URL(fileURLWithPath: packageRoot()).appendingPathComponent(folder)
        let files = try #require(FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil))
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }
        #expect(!files.isEmpty, "\(folder) has Swift files")
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            for line in text.split(separator: "\n") where line.hasPrefix("import ") || line.hasPrefix("@testable import ") {
                let module = String(line.split(separator: " ").last ?? "")
                let allowed = Self.allowedImports.contains(module) || module == "AnalysisCommands"
                #expect(allowed, "\(file.lastPathComponent) imports \(module)")
            }
        }
    }
}
