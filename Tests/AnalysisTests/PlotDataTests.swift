@testable import Analysis
import Testing

/// What the charts are given: one panel per size with every encoder, axes that show what matters.
@Suite struct PlotDataTests {
    typealias F = ReportFixtures
    static let mpeg4: [CSVColumn: String] = [.encoder: "mpeg4", .preset: "", .crf: ""]

    func aggregates() throws -> [RowAggregate] {
        let rows = F.repetitions(RunConfiguration.encoderCeiling, fps: [400, 410])
            + F.repetitions("libav-async", fps: [300, 310], [.psnrDB: "41"])
            + F.repetitions("ffmpeg-pipe", fps: [200, 190], [.psnrDB: "41.005"])
            + F.repetitions(RunConfiguration.encoderCeiling, fps: [900], Self.mpeg4)
            + F.repetitions("opencv-mp4v", fps: [700], Self.mpeg4.merging([.psnrDB: "33"]) { a, _ in a })
            + [F.unavailable("hw-h264-nvenc-pipe", reason: "no GPU"), F.unavailable("hw-h264-vaapi-libav", reason: "no node"),
               F.row("libav", [.status: "failed", .reason: "encoder said no", .fps: ""])]
        return try RowAggregate.group(try F.table(rows))
    }

    @Test func qualityAgainstSpeedIsOneChartWithEveryEncoderAndItsParetoFront() throws {
        let data = PlotData(chart: .qualitySpeed, aggregates: try aggregates(), samples: nil)
        let panel = try #require(data.panels.first)
        #expect(data.panels.count == 1)
        #expect(panel.series == ["libav-async (libx264 veryfast crf23)", "ffmpeg-pipe (libx264 veryfast crf23)",
                                 "opencv-mp4v (mpeg4)"])
        #expect(panel.legend == ["libx264 veryfast crf23", "mpeg4"])
        #expect(panel.groups == [1, 1, 2])
        // ffmpeg-pipe stays on the front: slower than libav-async, but with a (slightly) higher PSNR.
        let front = panel.rows.split(whereSeparator: \.isEmpty).last.map(Array.init) ?? []
        #expect(front == [["195", "41.005"], ["305", "41"], ["700", "33"]])
        #expect(!data.dataText.contains("encoder-ceiling"), "the reference has no output to judge")
    }

    @Test func aDominatedPointIsNotOnTheFront() {
        let front = PlotData.paretoFront([(fps: 100, psnr: 40), (fps: 200, psnr: 41), (fps: 300, psnr: 30)])
        #expect(front.map(\.fps) == [200, 300])
    }

    @Test func thePSNRAxisIsNeverNarrowerThanThreeDB() throws {
        let range = try #require(PlotData.psnrRange([41, 41.008]))
        #expect(range.upperBound - range.lowerBound >= PlotData.minimumPSNRSpan)
        #expect(range.contains(41) && range.contains(41.008))
        let wide = try #require(PlotData.psnrRange([30, 42]))
        #expect(wide.lowerBound < 30 && wide.upperBound > 42)
    }

    @Test func latencyAxesAlwaysShowTheOneMillisecondGate() throws {
        let fast = try #require(PlotData.latencyRange([0.002, 0.01]))
        #expect(fast.contains(PlotData.gateMs) && fast.upperBound >= 3 * PlotData.gateMs)
        let slow = try #require(PlotData.latencyRange([14, 46]))
        #expect(slow.contains(PlotData.gateMs) && slow.contains(46))
        let data = PlotData(chart: .writeTime, aggregates: try aggregates(), samples: nil)
        #expect(data.panels.count == 1)
        #expect(data.panels.first?.range?.contains(PlotData.gateMs) == true)
    }

    @Test func unavailableStrategiesAreOneCaptionLine() throws {
        let data = PlotData(chart: .throughput, aggregates: try aggregates(), samples: nil)
        #expect(data.caption == [
            "failed, not drawn: libav (libx264 veryfast crf23) — encoder said no",
            "not drawn: 2 strategies unavailable here (hw-* (2): no GPU); see `writerbench probe`",
        ])
        let labels = data.panels.first?.series ?? []
        #expect(labels.first == "encoder-ceiling (libx264 veryfast crf23)", "each settings group starts with its ceiling")
        #expect(labels.contains("encoder-ceiling (mpeg4)"))
    }
}

@Suite struct AggregateTableTests {
    @Test func validityReadsAsInTheRunTable() throws {
        let rows = ReportFixtures.repetitions("libav", fps: [100, 110])
            + ReportFixtures.repetitions("libav-async", fps: [100], [.valid: "false", .invalidReason: "short"])
            + ReportFixtures.repetitions("ffmpeg-pipe", fps: [100], [.valid: ""])
        let table = RowAggregate.table(try RowAggregate.group(try ReportFixtures.table(rows)))
        let column = try #require(table.header.firstIndex(of: "valid"))
        #expect(table.rows.map { $0[column] } == ["valid", "INVALID", "-"])
        #expect(table.header.contains("p99 ms"))
    }
}
