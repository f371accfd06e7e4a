@testable import Analysis
import Foundation
import Testing
import TestSupport

/// The column catalogues describe every column once, and results/README.md's column tables are rendered from them.
@Suite struct ColumnCatalogueTests {
    static let regenerate = "swift run writerbench-analysis columns --update results/README.md"

    @Test(arguments: ColumnTable.CSV.allCases)
    func readmeColumnTableIsTheCatalogueRendered(csv: ColumnTable.CSV) throws {
        let readme = try String(contentsOfFile: packageRoot() + "/results/README.md", encoding: .utf8)
        let documented = try ColumnTable.region(of: csv, in: readme)
        #expect(documented == csv.markdown,
                "results/README.md's \(csv.rawValue) column table differs from the catalogue; run `\(Self.regenerate)`")
    }

    @Test func updatingReplacesOnlyTheMarkedRegions() throws {
        let text = """
            # Results
            Hand-written prose.
            <!-- columns:run begin -->
            | stale | table |
            <!-- columns:run end -->
            More prose.
            <!-- columns:pipeline begin -->
            <!-- columns:pipeline end -->
            <!-- columns:samples begin -->
            <!-- columns:samples end -->
            The end.

            """
        let updated = try ColumnTable.updating(text)
        #expect(try ColumnTable.region(of: .run, in: updated) == ColumnTable.CSV.run.markdown)
        #expect(try ColumnTable.region(of: .pipeline, in: updated) == ColumnTable.CSV.pipeline.markdown)
        #expect(updated.hasPrefix("# Results\nHand-written prose.\n<!-- columns:run begin -->\n| column |"))
        #expect(updated.contains("|\n<!-- columns:run end -->\nMore prose.\n<!-- columns:pipeline begin -->\n| column |"))
        #expect(updated.contains("|\n<!-- columns:pipeline end -->\n<!-- columns:samples begin -->\n| column |"))
        #expect(updated.hasSuffix("|\n<!-- columns:samples end -->\nThe end.\n"))
        #expect(try ColumnTable.updating(updated) == updated)
    }

    @Test func aReadmeWithoutARegionsMarkersIsRejectedByName() {
        let onlyRun = "<!-- columns:run begin -->\n<!-- columns:run end -->\n<!-- columns:pipeline end -->\n"
        #expect(throws: ColumnTable.MissingRegion(csv: .pipeline)) { try ColumnTable.updating(onlyRun) }
        let reversed = "<!-- columns:run end -->\n<!-- columns:run begin -->\n"
        #expect(throws: ColumnTable.MissingRegion(csv: .run)) { try ColumnTable.region(of: .run, in: reversed) }
    }

    @Test func columnsSharingUnitDirectionAndMeaningShareATableRow() {
        let table = ColumnTable.CSV.run.markdown
        #expect(table.contains("\n| `width`, `height` | pixels | | frame size |\n"))
        #expect(table.contains("\n| `cpu_user_s`, `cpu_sys_s` | s | lower | user and system CPU of the writerbench"))
        #expect(table.contains("\n| `fps` | frames/s | higher | throughput: frames / total_s |\n"))
        #expect(table.contains("\n| `crf` | | | constant rate factor;"))
    }

    @Test func everyColumnReadsTheKindOfValueItsFormatWrites() {
        var record = CSVSchemaTests.fullyMeasuredRecord()
        record.ceilingCPUMsPerFrame = 12.5  // set by the runner from the ceiling row; not part of the exact-text fixture
        for column in CSVColumn.allCases {
            let value = column.spec.reader.read(record)
            #expect(value.map { Self.kindFits($0, column.about.format) } == true, "column \(column.rawValue): \(String(describing: value))")
        }
    }

    @Test func millisecondColumnsAloneHaveANoiseFloorOfTenMicroseconds() {
        for column in CSVColumn.allCases {
            #expect(column.noiseFloor == (column.unit == "ms" ? 0.01 : nil), "column \(column.rawValue)")
        }
        for column in PipelineColumn.allCases {
            #expect(column.noiseFloor == (column.unit == "ms" ? 0.01 : nil), "column \(column.rawValue)")
        }
    }

    @Test func everyMeasuredColumnIsNumericAndEveryUnitMeansANumber() {
        for column in CSVColumn.allCases where column.direction != nil || !column.unit.isEmpty {
            #expect(column.isNumeric, "column \(column.rawValue)")
        }
        for column in PipelineColumn.allCases where column.direction != nil || !column.unit.isEmpty {
            #expect(column.isNumeric, "column \(column.rawValue)")
        }
        #expect(!CSVColumn.valid.isNumeric && !CSVColumn.strategy.isNumeric)
        #expect(CSVColumn.crf.isNumeric && CSVColumn.repeatIndex.isNumeric && CSVColumn.logicalCores.isNumeric)
    }

    @Test func samplesLinesKeepTheirExactText() {
        #expect(SamplesFile.header == ["run_id", "strategy", "frame", "write_ms", "queue_depth", "pipe_write_ms"])
        var record = RunRecord(environment: CSVSchemaTests.environment)
        record.runID = "r-1"
        record.strategy = "a,b"
        record.writeSamplesMs = [0.5, 2.25]
        record.queueDepths = [1, 0]
        #expect(SamplesFile.lines(for: record) == "r-1,\"a,b\",0,0.5000,1,\nr-1,\"a,b\",1,2.2500,0,\n")
        record.queueDepths = nil
        #expect(SamplesFile.lines(for: record) == "r-1,\"a,b\",0,0.5000,,\nr-1,\"a,b\",1,2.2500,,\n")
        record.pipeWriteSamplesMs = [0.01, 0.02]
        #expect(SamplesFile.lines(for: record) == "r-1,\"a,b\",0,0.5000,,0.0100\nr-1,\"a,b\",1,2.2500,,0.0200\n")
    }

    /// Whether `value` is what a column in `format` should hold: text and flags in text columns, whole numbers in
    /// integer columns, real numbers in decimal ones.
    static func kindFits(_ value: ColumnValue, _ format: ColumnFormat) -> Bool {
        switch (value, format) {
        case (.text, .text), (.flag, .text), (.integer, .integer), (.number, .decimal), (.number, .shortest): true
        default: false
        }
    }
}
