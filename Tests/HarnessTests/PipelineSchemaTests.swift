@testable import Analysis
import FaceMirror
import Foundation
@testable import Harness
import Testing
import TestSupport
import Verification

/// The pipeline CSV's columns and their documentation stay in step.
@Suite struct PipelineSchemaTests {
    @Test func headerIsExactlyTheDocumentedPipelineColumnsInOrder() throws {
        let readme = try String(contentsOfFile: packageRoot() + "/results/README.md", encoding: .utf8)
        let section = readme.components(separatedBy: "## Pipeline CSV").dropFirst().first?
            .components(separatedBy: "\n## ").first ?? ""
        let documented = section.split(separator: "\n").filter { $0.hasPrefix("| `") }.flatMap { line -> [String] in
            let firstCell = line.split(separator: "|", omittingEmptySubsequences: true).first ?? ""
            return firstCell.split(separator: ",").map {
                $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "`"))
            }
        }
        #expect(documented == PipelineColumn.header)
    }

    @Test func everyPerOutputColumnExistsForAllThreeOutputs() {
        for column in PipelineColumn.allCases where column.rawValue.hasSuffix("_right") {
            for output in PipelineOutput.allCases {
                #expect(PipelineColumn.perOutput(column, output).rawValue.hasSuffix("_" + output.rawValue))
            }
        }
    }
}
