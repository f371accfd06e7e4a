import Analysis
import Testing
@testable import Bisect

@Suite struct MetricSelectionTests {
    let csv = """
        strategy,frameset,width,height,repeat,status,valid,write_ms_p95,fps
        encoder-ceiling,camera,1920,1080,1,ok,,0.5,90
        ffmpeg-pipe,camera,1920,1080,1,ok,true,9.1,29.9
        ffmpeg-pipe,camera,1920,1080,2,ok,true,9.4,29.8
        ffmpeg-pipe-async,camera,1920,1080,1,ok,true,0.021,29.9
        ffmpeg-pipe-async,camera,1920,1080,2,failed,,,
        ffmpeg-pipe-async,camera,1920,1080,3,ok,false,0.5,29.9
        ffmpeg-pipe-async,camera,1920,1080,4,ok,,0.023,29.9

        """

    @Test func onlyTheChosenStrategysRowsThatRanWithValidOutputCount() throws {
        let table = try ResultsTable(text: csv)
        #expect(try MetricSelection(metric: "write_ms_p95", strategy: "ffmpeg-pipe-async").values(in: table) == [0.021, 0.023])
    }

    @Test func severalConfigurationsWithoutAStrategyAreRefused() throws {
        let table = try ResultsTable(text: csv)
        #expect(throws: BisectCandidateFailure.self) { try MetricSelection(metric: "fps").values(in: table) }
        do { _ = try MetricSelection(metric: "fps").values(in: table) } catch let failure as BisectCandidateFailure {
            #expect(failure.reason.contains("choose one with bisect's --strategy"))
        }
    }

    @Test func theEncoderCeilingNeverCounts() throws {
        let table = try ResultsTable(text: csv.split(separator: "\n").filter { !$0.hasPrefix("ffmpeg-pipe,") }
            .joined(separator: "\n"))
        #expect(try MetricSelection(metric: "fps").values(in: table) == [29.9, 29.9])
    }

    @Test func aColumnTheResultsLackIsNamed() throws {
        let table = try ResultsTable(text: csv)
        #expect(throws: BisectCandidateFailure("the results have no column pipeline_fps")) {
            try MetricSelection(metric: "pipeline_fps", strategy: "ffmpeg-pipe").values(in: table)
        }
    }

    @Test func metricsHaveTheCataloguesDirection() {
        #expect(MetricSelection.direction(of: "fps") == .prefersLarger)
        #expect(MetricSelection.direction(of: "write_ms_p95") == .prefersSmaller)
        #expect(MetricSelection.direction(of: "pipeline_fps") == .prefersLarger)
        #expect(MetricSelection.direction(of: "strategy") == nil)
    }
}
