@testable import Analysis
import Testing

@Suite struct RecommendTests {
    /// fast: 300 fps but slow p99 and low PSNR; balanced: 200 fps; careful: 100 fps, best latency and quality.
    func table() throws -> ResultsTable {
        try ReportFixtures.table(
            ReportFixtures.repetitions("fast", fps: [300, 310, 290], [.writeMsP99: "2.5", .psnrDB: "31"])
            + ReportFixtures.repetitions("balanced", fps: [200, 205, 195], [.writeMsP99: "0.8", .psnrDB: "38"])
            + ReportFixtures.repetitions("careful", fps: [100, 101, 99], [.writeMsP99: "0.2", .psnrDB: "45"])
            + ReportFixtures.repetitions(RunConfiguration.encoderCeiling, fps: [900, 900, 900])
            + [ReportFixtures.unavailable("opencv-avc1", reason: "no avc1 encoder in this OpenCV build")]
            + [ReportFixtures.row("broken", [.status: "failed", .reason: "ffmpeg exited with status 1", .fps: ""])]
            + ReportFixtures.repetitions("garbled", fps: [500], [.valid: "false", .invalidReason: "decoded 59 of 60 frames"]))
    }

    func recommend(_ constraints: RecommendationConstraints) throws -> Recommendation {
        let all = try Recommendation.make(table(), constraints: constraints)
        #expect(all.count == 1)
        return try #require(all.first)
    }

    func reason(_ recommendation: Recommendation, _ strategy: String) -> String {
        recommendation.excluded.first { $0.strategy == strategy }?.reason ?? ""
    }

    @Test func withoutConstraintsTheFastestValidWriterWins() throws {
        let recommendation = try recommend(RecommendationConstraints())
        #expect(recommendation.best?.strategy == "fast")
        #expect(recommendation.runnerUp?.strategy == "balanced")
        #expect(reason(recommendation, RunConfiguration.encoderCeiling).contains("reference"))
        #expect(reason(recommendation, "opencv-avc1") == "unavailable: no avc1 encoder in this OpenCV build")
        #expect(reason(recommendation, "broken").hasPrefix("failed: ffmpeg exited"))
        #expect(reason(recommendation, "garbled").hasPrefix("invalid: decoded 59"))
    }

    @Test func maxWriteP99ExcludesSlowerCallers() throws {
        let recommendation = try recommend(RecommendationConstraints(maxWriteP99Ms: 1))
        #expect(recommendation.best?.strategy == "balanced")
        #expect(recommendation.runnerUp?.strategy == "careful")
        #expect(reason(recommendation, "fast") == "write p99 2.5 ms > 1 ms")
    }

    @Test func minPSNRExcludesLowQuality() throws {
        let recommendation = try recommend(RecommendationConstraints(minPSNR: 40))
        #expect(recommendation.best?.strategy == "careful")
        #expect(recommendation.runnerUp == nil)
        #expect(reason(recommendation, "balanced") == "PSNR 38 dB < 40 dB")
    }

    @Test func minFPSExcludesSlowWriters() throws {
        let recommendation = try recommend(RecommendationConstraints(maxWriteP99Ms: 1, minFPS: 150))
        #expect(recommendation.best?.strategy == "balanced")
        #expect(reason(recommendation, "careful") == "fps 100 < 150")
    }

    @Test func impossibleConstraintsRecommendNothing() throws {
        let recommendation = try recommend(RecommendationConstraints(minFPS: 10_000))
        #expect(recommendation.best == nil)
        #expect(recommendation.render().contains("no strategy meets the constraints"))
    }

    @Test func aLeadWithinTheSpreadOfRepetitionsIsATie() throws {
        let table = try ReportFixtures.table(ReportFixtures.repetitions("a", fps: [300, 330, 310])
                                             + ReportFixtures.repetitions("b", fps: [305, 290, 320]))
        let recommendation = try #require(Recommendation.make(table, constraints: RecommendationConstraints()).first)
        #expect(recommendation.lead == .tie)
        #expect(recommendation.render().contains("lead:        tie within noise on fps: 1.02× the runner-up's median fps"))
    }

    @Test func theRunnerUpIsAnotherWriterNotTheOneAutoRan() throws {
        let table = try ReportFixtures.table(
            ReportFixtures.repetitions("auto", fps: [500, 510, 505], [.reason: "auto: using libx264 via libav-async"])
            + ReportFixtures.repetitions("libav-async", fps: [490, 500, 495])
            + ReportFixtures.repetitions("libav", fps: [300, 310, 305]))
        let recommendation = try #require(Recommendation.make(table, constraints: RecommendationConstraints()).first)
        #expect(recommendation.best?.strategy == "auto")
        #expect(recommendation.runnerUp?.strategy == "libav")
        #expect(recommendation.render().contains("libav-async (495 fps"))
        #expect(recommendation.render().contains("the same writer as auto (auto delegated to it)"))
    }

    @Test func workloadsWhereNothingCouldRunAreSummarisedInOneLine() throws {
        let table = try ReportFixtures.table(
            ReportFixtures.repetitions("libav", fps: [100])
            + [ReportFixtures.unavailable("hw-nvenc-libav", reason: "no CUDA device", [.encoder: "h264_nvenc"]),
               ReportFixtures.unavailable("hw-vaapi-libav", reason: "no render node", [.encoder: "h264_vaapi"])])
        let all = try Recommendation.make(table, constraints: RecommendationConstraints())
        #expect(all.filter(\.anyAvailable).map { $0.best?.strategy } == ["libav"])
        #expect(Recommendation.unavailableSummary(all)
                == "2 workload(s) with every strategy unavailable on this machine (encoders: h264_nvenc, h264_vaapi); "
                + "`writerbench probe` says why")
    }

    @Test func theEncoderCeilingIsNeverRecommendedEvenWhenAlone() throws {
        let table = try ReportFixtures.table(ReportFixtures.repetitions(RunConfiguration.encoderCeiling, fps: [900]))
        let recommendation = try #require(Recommendation.make(table, constraints: RecommendationConstraints()).first)
        #expect(recommendation.best == nil)
        #expect(!recommendation.anyValidWriter)
        #expect(recommendation.render().contains("recommended: none — no writer completed a valid run"))
    }

    @Test func aConstraintOnAnUnmeasuredMetricExcludesWithThatReason() throws {
        let table = try ReportFixtures.table(ReportFixtures.repetitions("unverified", fps: [100], [.psnrDB: "", .valid: ""]))
        let recommendation = try #require(Recommendation.make(table, constraints: RecommendationConstraints(minPSNR: 30)).first)
        #expect(recommendation.best == nil)
        #expect(reason(recommendation, "unverified").contains("PSNR not measured"))
    }
}
