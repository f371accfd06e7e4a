@testable import Analysis
import Testing

@Suite struct CompareTests {
    let five = [100.0, 102, 98, 101, 99]

    func compare(_ base: [[CSVColumn: String]], _ new: [[CSVColumn: String]], threshold: Double = 0.05) throws -> Comparison {
        try Comparison(base: ReportFixtures.table(base), new: ReportFixtures.table(new), threshold: threshold)
    }

    @Test func identicalSamplesAreUnchanged() throws {
        let rows = ReportFixtures.repetitions("ffmpeg-pipe", fps: five)
        let comparison = try compare(rows, rows)
        #expect(comparison.entries.count == 1)
        let verdicts = comparison.entries[0].metrics.map(\.verdict)
        #expect(verdicts.count == CSVColumn.comparedMetrics.count)
        #expect(verdicts.allSatisfy { $0 == .unchanged })
        #expect(comparison.exitStatus == 0)
    }

    @Test func microsecondDifferencesInWriteTimesAreBelowTheNoiseFloor() throws {
        let base = five.enumerated().map { index, fps in
            ReportFixtures.row("ffmpeg-pipe-async", rep: index, [.fps: "\(fps)", .writeMsP95: "\(0.028 + Double(index) * 0.0001)"])
        }
        let new = five.enumerated().map { index, fps in
            ReportFixtures.row("ffmpeg-pipe-async", rep: index, [.fps: "\(fps)", .writeMsP95: "\(0.025 + Double(index) * 0.0001)"])
        }
        let comparison = try compare(base, new)
        let p95 = try #require(comparison.entries[0].metrics.first { $0.metric == .writeMsP95 })
        #expect(p95.verdict == .unchanged)
        #expect(p95.reason.contains("noise floor"))
        #expect(comparison.exitStatus == 0)
    }

    @Test func aTwofoldSlowdownRegresses() throws {
        let base = five.enumerated().map { index, fps in
            ReportFixtures.row("ffmpeg-pipe", rep: index, [.fps: "\(fps)", .writeMsP95: "\(0.2 + Double(index) * 0.01)"])
        }
        let new = five.enumerated().map { index, fps in
            ReportFixtures.row("ffmpeg-pipe", rep: index, [.fps: "\(fps / 2)", .writeMsP95: "\(0.4 + Double(index) * 0.02)"])
        }
        let comparison = try compare(base, new)
        let byMetric = Dictionary(uniqueKeysWithValues: comparison.entries[0].metrics.map { ($0.metric, $0) })
        #expect(byMetric[.fps]?.verdict == .regressed)
        #expect(byMetric[.writeMsP95]?.verdict == .regressed)
        #expect(byMetric[.bytes]?.verdict == .unchanged)
        #expect(comparison.exitStatus == 2)
        #expect(comparison.render().contains("REGRESSED"))
    }

    @Test func threeRepetitionsEachShowATwofoldSlowdownAsARegression() throws {
        let three = [100.0, 102, 98]
        let base = three.enumerated().map { index, fps in
            ReportFixtures.row("ffmpeg-pipe", rep: index, [.fps: "\(fps)", .writeMsP95: "\(0.2 + Double(index) * 0.01)"])
        }
        let new = three.enumerated().map { index, fps in
            ReportFixtures.row("ffmpeg-pipe", rep: index, [.fps: "\(fps / 2)", .writeMsP95: "\(0.4 + Double(index) * 0.02)"])
        }
        let comparison = try compare(base, new)
        let byMetric = Dictionary(uniqueKeysWithValues: comparison.entries[0].metrics.map { ($0.metric, $0) })
        #expect(byMetric[.fps]?.verdict == .regressed)
        #expect(byMetric[.fps]?.basis == .separated)
        #expect(byMetric[.fps]?.reason.contains("small-sample rule") == true)
        #expect(byMetric[.writeMsP95]?.verdict == .regressed)
        #expect(byMetric[.bytes]?.verdict == .unchanged)
        #expect(comparison.entries[0].verdict == .regressed)
        #expect(comparison.exitStatus == 2)
    }

    @Test func threeRepetitionsEachShowAThreefoldSpeedupAsAnImprovement() throws {
        let comparison = try compare(ReportFixtures.repetitions("libav", fps: [100, 102, 98]),
                                     ReportFixtures.repetitions("libav", fps: [300, 310, 295]))
        #expect(comparison.entries[0].metrics.first { $0.metric == .fps }?.verdict == .improved)
        #expect(comparison.exitStatus == 4)
    }

    @Test func rerunsOfOneConfigurationWithThreeRepetitionsEachDoNotRegress() throws {
        // Overlapping write percentiles, medians 8 % apart: above the threshold, but nothing like a separation.
        let base = [0.30, 0.45, 0.38].enumerated().map { index, p95 in
            ReportFixtures.row("ffmpeg-pipe-async", rep: index, [.fps: "\([100.0, 104, 97][index])", .writeMsP95: "\(p95)"])
        }
        let new = [0.41, 0.33, 0.47].enumerated().map { index, p95 in
            ReportFixtures.row("ffmpeg-pipe-async", rep: index, [.fps: "\([99.0, 103, 101][index])", .writeMsP95: "\(p95)"])
        }
        let comparison = try compare(base, new)
        let byMetric = Dictionary(uniqueKeysWithValues: comparison.entries[0].metrics.map { ($0.metric, $0) })
        #expect(byMetric[.fps]?.verdict == .unchanged)
        #expect(byMetric[.writeMsP95]?.verdict == .inconclusive)
        #expect(byMetric[.writeMsP95]?.basis == .overlapping)
        #expect(!comparison.entries.flatMap(\.verdicts).contains(.regressed))
        #expect(comparison.exitStatus == 0)
    }

    @Test func separatedRepetitionsWithAChangeBelowFourThresholdsAreInconclusive() throws {
        let comparison = try compare(ReportFixtures.repetitions("libav", fps: [100, 101, 102]),
                                     ReportFixtures.repetitions("libav", fps: [88, 89, 90]))
        let fps = try #require(comparison.entries[0].metrics.first { $0.metric == .fps })
        #expect(fps.verdict == .inconclusive)
        #expect(fps.basis == .separatedButSmall)
        #expect(fps.reason.contains("±20%"))
        #expect(comparison.exitStatus == 0)
    }

    @Test func aSeparatedShiftSmallerThanTheScatterOfTheRepetitionsIsInconclusive() {
        // Write p99 of three reruns of one configuration (ms): +67 % and separated, but the sides touch
        // (0.072 → 0.075) while each side's own repetitions span 1.5×: a shift noise makes, not a regression.
        let p99 = MetricComparison.judge(.writeMsP99, base: [0.047, 0.054, 0.072], new: [0.075, 0.090, 0.110])
        #expect(p99?.verdict == .inconclusive)
        #expect(p99?.basis == .separatedWithinScatter)
        #expect(p99?.reason.contains("closer together than the repetitions within a side scatter") == true)
        // The same base against a clear doubling is still a regression.
        let doubled = MetricComparison.judge(.writeMsP99, base: [0.047, 0.054, 0.072], new: [0.150, 0.160, 0.170])
        #expect(doubled?.verdict == .regressed)
    }

    @Test func theScatterMarginIsARatioForPositiveValuesAndADifferenceOtherwise() {
        // Ratios: 2.0 / 1.1 = 1.82 apart, spreads 1.1× and 1.1×.
        #expect(MetricComparison.clearsScatter(base: [1.0, 1.05, 1.1], new: [2.0, 2.1, 2.2], increased: true))
        // Ratios: 1.2 / 1.1 = 1.09 apart, base spread 1.1×: not clear.
        #expect(!MetricComparison.clearsScatter(base: [1.0, 1.05, 1.1], new: [1.2, 1.25, 1.3], increased: true))
        // A zero forces differences: gap 1 (2 − 1) against a spread of 1 (1 − 0): clear, just.
        #expect(MetricComparison.clearsScatter(base: [0, 0.5, 1], new: [2, 2, 2], increased: true))
        #expect(!MetricComparison.clearsScatter(base: [0, 0.5, 1], new: [1.5, 1.6, 1.7], increased: true))
        // Decreases are measured the other way round.
        #expect(MetricComparison.clearsScatter(base: [2.0, 2.1, 2.2], new: [1.0, 1.05, 1.1], increased: false))
    }

    @Test func theSmallSampleRuleNeverAcceptsLessThanTwentyPercentEvenWithoutAThreshold() {
        #expect(MetricComparison.smallSampleEffect(threshold: 0.05) == 0.2)
        #expect(MetricComparison.smallSampleEffect(threshold: 0) == 0.2)
        #expect(MetricComparison.smallSampleEffect(threshold: 0.1) == 0.4)
        let fps = MetricComparison.judge(.fps, base: [100, 101, 102], new: [95, 96, 97], threshold: 0)
        #expect(fps?.verdict == .inconclusive)
    }

    @Test func twoRepetitionsStayInconclusiveEvenForATwofoldSlowdown() throws {
        let comparison = try compare(ReportFixtures.repetitions("libav", fps: [100, 102]),
                                     ReportFixtures.repetitions("libav", fps: [50, 51]))
        let fps = try #require(comparison.entries[0].metrics.first { $0.metric == .fps })
        #expect(fps.verdict == .inconclusive)
        #expect(fps.basis == .tooFewRepetitions)
        #expect(comparison.exitStatus == 0)
    }

    @Test func outputIsASummaryThenOneLinePerConfigurationWithTheRepetitionNoteOnce() throws {
        let base = ReportFixtures.repetitions("libav", fps: [100, 102]) + ReportFixtures.repetitions("opencv-mp4v", fps: [80, 82, 81])
            + ReportFixtures.repetitions("ffmpeg-pipe", fps: [100, 102, 98])
            + [ReportFixtures.unavailable("hw-h264-nvenc-pipe", reason: "no NVIDIA device"),
               ReportFixtures.unavailable("hw-h264-vaapi-pipe", reason: "no /dev/dri")]
        let new = ReportFixtures.repetitions("libav", fps: [50, 51]) + ReportFixtures.repetitions("opencv-mp4v", fps: [81, 80, 82])
            + ReportFixtures.repetitions("ffmpeg-pipe", fps: [50, 51, 49])
            + [ReportFixtures.unavailable("hw-h264-nvenc-pipe", reason: "no NVIDIA device"),
               ReportFixtures.unavailable("hw-h264-vaapi-pipe", reason: "no /dev/dri")]
        let comparison = try compare(base, new)
        let lines = comparison.render(baseName: "base.csv", newName: "new.csv").split(separator: "\n").map(String.init)
        #expect(lines[0] == "compare: 5 configuration(s) matched: 1 regressed, 0 improved, 1 unchanged, 1 inconclusive, "
                + "2 with nothing to compare; threshold 5%, α=0.05 (base.csv → new.csv)")
        #expect(lines.filter { $0.contains("2 vs 2 repetitions cannot show a difference") }.count == 1)
        #expect(lines.filter { $0.hasPrefix("REGRESSED") && $0.contains("ffmpeg-pipe ·") }.count == 1)
        #expect(lines.filter { $0.hasPrefix("INCONCLUSIVE") && $0.contains("libav ·") }.count == 1)
        #expect(lines.filter { $0.hasPrefix("UNCHANGED") && $0.contains("opencv-mp4v ·") }.count == 1)
        #expect(lines.filter { $0.contains("hw-h264") }
                == ["unavailable on both sides, nothing to compare (2): hw-h264-nvenc-pipe 64x64, hw-h264-vaapi-pipe 64x64"])
        #expect(comparison.configurationCounts == [.regressed: 1, .unchanged: 1, .inconclusive: 1])
    }

    @Test func filesWithNoConfigurationInCommonGiveNoVerdict() throws {
        let comparison = try compare(ReportFixtures.repetitions("libav", fps: five, [.crf: "23"]),
                                     ReportFixtures.repetitions("libav", fps: five, [.crf: "28"]))
        #expect(throws: ComparisonError.noMatchedConfiguration(base: "base.csv", new: "new.csv", baseConfigurations: 1,
                                                               newConfigurations: 1)) {
            try comparison.requireVerdicts(base: "base.csv", new: "new.csv")
        }
        let message = "\(ComparisonError.noMatchedConfiguration(base: "base.csv", new: "new.csv", baseConfigurations: 1, newConfigurations: 1))"
        #expect(message.contains("base.csv") && message.contains("new.csv"))
    }

    @Test func configurationsUnavailableOnBothSidesGiveNoVerdict() throws {
        let rows = [ReportFixtures.unavailable("hw-h264-nvenc-pipe", reason: "no NVIDIA device")]
        let comparison = try compare(rows, rows)
        #expect(comparison.entries.count == 1 && !comparison.comparedAnything)
        #expect(throws: ComparisonError.nothingComparable(base: "a.csv", new: "b.csv", matched: 1)) {
            try comparison.requireVerdicts(base: "a.csv", new: "b.csv")
        }
    }

    @Test func twoRepetitionsWithOverlappingSpreadAreInconclusive() throws {
        let comparison = try compare(ReportFixtures.repetitions("libav", fps: [100, 130]),
                                     ReportFixtures.repetitions("libav", fps: [90, 120]))
        let fps = try #require(comparison.entries[0].metrics.first { $0.metric == .fps })
        #expect(fps.verdict == .inconclusive)
        #expect(fps.reason.contains("2 vs 2 repetitions"))
        #expect(comparison.exitStatus == 0)
    }

    @Test func aLargeChangeWithOverlappingRepetitionsIsInconclusive() throws {
        let comparison = try compare(ReportFixtures.repetitions("libav", fps: [100, 60, 140, 90, 110]),
                                     ReportFixtures.repetitions("libav", fps: [120, 80, 150, 70, 130]))
        let fps = try #require(comparison.entries[0].metrics.first { $0.metric == .fps })
        #expect(fps.verdict == .inconclusive)
        #expect(fps.reason.contains("overlap"))
    }

    @Test func onlyImprovementsExitWithFour() throws {
        let comparison = try compare(ReportFixtures.repetitions("libav", fps: five),
                                     ReportFixtures.repetitions("libav", fps: five.map { $0 * 1.5 }))
        #expect(comparison.entries[0].metrics.first { $0.metric == .fps }?.verdict == .improved)
        #expect(comparison.exitStatus == 4)
    }

    @Test func aSmallSignificantChangeBelowTheThresholdIsUnchanged() throws {
        let tight = [100.0, 100.5, 99.5, 100.2, 99.8]
        let base = ReportFixtures.repetitions("libav", fps: tight)
        let new = ReportFixtures.repetitions("libav", fps: tight.map { $0 * 1.03 })
        #expect(try compare(base, new).entries[0].metrics.first { $0.metric == .fps }?.verdict == .unchanged)
        #expect(try compare(base, new, threshold: 0.01).entries[0].metrics.first { $0.metric == .fps }?.verdict == .improved)
    }

    @Test func aStrategyThatNowFailsRegresses() throws {
        let base = ReportFixtures.repetitions("libav", fps: five)
        let new = (0..<5).map { ReportFixtures.row("libav", rep: $0, [.status: "failed", .reason: "encoder crashed", .fps: ""]) }
        let comparison = try compare(base, new)
        #expect(comparison.entries[0].outcomeVerdict == .regressed)
        #expect(comparison.exitStatus == 2)
    }

    @Test func rowsPresentOnOneSideAreListed() throws {
        let base = ReportFixtures.repetitions("libav", fps: five) + ReportFixtures.repetitions("opencv-mp4v", fps: five)
        let new = ReportFixtures.repetitions("libav", fps: five)
            + ReportFixtures.repetitions("libav", fps: five, [.width: "128", .height: "96"])
        let comparison = try compare(base, new)
        #expect(comparison.onlyInBase.map(\.strategy) == ["opencv-mp4v"])
        #expect(comparison.onlyInNew.map(\.workload.size) == ["128x96"])
        #expect(comparison.render().contains("only in base: opencv-mp4v"))
    }

    @Test func configurationsDifferingInEncoderSettingsAreNotMatched() throws {
        let comparison = try compare(ReportFixtures.repetitions("libav", fps: five, [.crf: "23"]),
                                     ReportFixtures.repetitions("libav", fps: five, [.crf: "28"]))
        #expect(comparison.entries.isEmpty)
        #expect(comparison.onlyInBase.count == 1 && comparison.onlyInNew.count == 1)
    }

    @Test func aMalformedNumberIsBadInput() throws {
        #expect(throws: CSVError.self) {
            _ = try compare([ReportFixtures.row("libav", [.fps: "fast"])], [ReportFixtures.row("libav")])
        }
    }

    @Test func directionIsDefinedForEveryComparedMetric() {
        #expect(CSVColumn.fps.direction == .prefersLarger)
        #expect(CSVColumn.psnrDB.direction == .prefersLarger)
        for column in [CSVColumn.writeMsP95, .writeMsP99, .finishMs, .bytes] { #expect(column.direction == .prefersSmaller) }
        #expect(CSVColumn.comparedMetrics.allSatisfy { $0.direction != nil })
    }

    @Test func mannWhitneyMatchesTheExactDistribution() throws {
        let separated = try #require(MannWhitneyTest([1, 2, 3, 4], [5, 6, 7, 8]))
        #expect(abs(separated.pValue - 2.0 / 70) < 1e-12)
        #expect(separated.u == 0)
        let same = try #require(MannWhitneyTest([1, 2, 3], [1, 2, 3]))
        #expect(same.pValue == 1)
        #expect(MannWhitneyTest.smallestPValue(3, 3) > 0.05)
        #expect(MannWhitneyTest.repetitionsNeeded(alpha: 0.05) == 4)
        let large = try #require(MannWhitneyTest((0..<40).map(Double.init), (20..<60).map(Double.init)))
        #expect(!large.isExact && large.pValue < 0.001)
    }
}
