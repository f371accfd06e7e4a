@testable import Analysis
import Testing

/// Run records as `writerbench run` reports them, for the console summary tests.
enum RunRecordFixtures {
    static let environment = EnvironmentFingerprint(timestamp: "t", gitRevision: "", host: "h", cpuModel: "Test CPU",
                                                    logicalCores: 2, os: "Linux 6.1.0 (Test OS 1)", libavVersion: "",
                                                    ffmpegVersion: "", opencvVersion: "")

    static func record(_ strategy: String, encoder: String = "libx264", preset: String? = "ultrafast", crf: Int? = 18,
                       rep: Int = 0, fps: Double? = 100, status: RunRecord.Status = .ok, reason: String = "",
                       valid: Bool? = true, invalidReason: String = "") -> RunRecord {
        var record = RunRecord(environment: environment)
        record.strategy = strategy
        record.encoder = encoder
        record.preset = preset
        record.crf = crf
        record.threads = 0
        record.frameset = "camera"
        record.width = 640
        record.height = 480
        record.frames = 60
        record.repeatIndex = rep
        record.status = status
        record.reason = reason
        guard status == .ok else { return record }
        record.fps = fps
        record.write = Distribution([0.1, 0.2, 0.3])
        record.finishMs = 5
        if let valid {
            record.verification = VerificationSummary(
                valid: valid, invalidReason: invalidReason, framesDecoded: 60, psnrMean: 40, psnrMin: 39, psnrLumaMean: 41,
                ssimMean: 0.98, ssimMin: 0.97, colorMatrix: "bt709", colorPrimaries: "bt709", colorTransfer: "bt709",
                colorRange: "tv", decodedAs: "yuv420p", verifySeconds: 0.1)
        }
        return record
    }
}

@Suite struct RunSummaryTests {
    typealias F = RunRecordFixtures

    let records: [RunRecord] = [
        F.record("hw-h264-nvenc-pipe", status: .unavailable, reason: "h264_nvenc: Cannot load libcuda.so.1"),
        F.record("hw-h264-vaapi-libav", status: .unavailable, reason: "no render node /dev/dri/renderD128"),
        F.record("encoder-ceiling", fps: 400),
        F.record("encoder-ceiling", encoder: "mpeg4", preset: nil, crf: nil, fps: 900),
        F.record("encoder-ceiling", preset: "medium", crf: 23, fps: 150),
        F.record("opencv-mp4v", encoder: "mpeg4", preset: nil, crf: nil, fps: 700),
        F.record("opencv-avc1", preset: "medium", crf: 23, fps: 120),
        F.record("ffmpeg-pipe", fps: 200),
        F.record("ffmpeg-pipe-async", fps: 300),
        F.record("libav", status: .failed, reason: "avcodec_send_frame: Cannot allocate memory, a long reason that must not be cut"),
        F.record("libav-async", fps: 250, valid: false, invalidReason: "content does not match the frame set: PSNR 5.4 dB"),
    ]

    @Test func ceilingsAreLabelledByTheirSettingsAndEachHeadsItsGroup() {
        let lines = RunSummary.table(records).render().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let strategies = lines.dropFirst(2).map { $0.split(separator: " ").first.map(String.init) ?? "" }
        #expect(strategies == ["encoder-ceiling", "ffmpeg-pipe", "ffmpeg-pipe-async", "libav", "libav-async", "",
                               "encoder-ceiling", "opencv-mp4v", "",
                               "encoder-ceiling", "opencv-avc1"])
        #expect(lines.contains { $0.hasPrefix("encoder-ceiling (libx264 ultrafast crf18)") })
        #expect(lines.contains { $0.hasPrefix("encoder-ceiling (mpeg4)") })
        #expect(lines.contains { $0.hasPrefix("encoder-ceiling (libx264 medium crf23)") })
    }

    @Test func headersCarryUnitsAndTheCeilingRatio() {
        let header = RunSummary.table(records).header
        #expect(header.starts(with: ["strategy", "encoder", "preset"]))
        #expect(header.contains("write p50 ms") && header.contains("p99 ms") && header.contains("ceiling_ratio"))
        #expect(!header.contains("size") && !header.contains("rep"), "constant columns move to the heading line")
    }

    @Test func unavailableStrategiesAreOneLineThatPointsToProbe() {
        let text = RunSummary.text(records)
        #expect(!RunSummary.table(records).render().contains("hw-"))
        #expect(text.contains("2 strategies unavailable here (hw-* (2): h264_nvenc: Cannot load libcuda.so.1); see `writerbench probe`"))
    }

    @Test func failuresAndInvalidOutputsAreNotesWithTheWholeReason() {
        let text = RunSummary.text(records)
        #expect(text.contains("failed [1]"))
        #expect(text.contains("INVALID [2]"))
        #expect(text.contains("[1] libav camera 640x480 rep 1: failed — avcodec_send_frame: Cannot allocate memory, a long reason that must not be cut"))
        #expect(text.contains("[2] libav-async camera 640x480 rep 1: INVALID — content does not match the frame set: PSNR 5.4 dB"))
    }

    @Test func validityHasOneWording() {
        #expect(RunSummary.validity(F.record("a")) == "valid")
        #expect(RunSummary.validity(F.record("a", valid: false)) == "INVALID")
        #expect(RunSummary.validity(F.record("a", valid: nil)) == "-")
    }

    @Test func speedRatiosCompareOnlyValidWritersWithTheSameSettings() {
        let lines = RunSummary.speedLines(records)
        #expect(lines.first == "libx264 ultrafast crf18, camera 640x480:", "\(lines)")
        #expect(lines.dropFirst() == ["  ffmpeg-pipe-async is 1.50× faster than ffmpeg-pipe (fps, ratio from single runs; no spread known)"])
        #expect(!lines.contains { $0.contains("encoder-ceiling") || $0.contains("libav-async") || $0.contains("opencv") },
                "ceilings, invalid outputs and single-writer groups are not compared: \(lines)")
        let repeated = [F.record("a", rep: 0, fps: 120), F.record("a", rep: 1, fps: 124),
                        F.record("b", rep: 0, fps: 100), F.record("b", rep: 1, fps: 102)]
        #expect(RunSummary.speedLines(repeated).last?.contains("a is 1.21 ± 0.03× faster than b (fps, median of 2)") == true,
                "\(RunSummary.speedLines(repeated))")
    }

    @Test func autoIsNotRankedAgainstTheWriterItRan() {
        var auto = F.record("auto", fps: 139)
        auto.reason = "auto: using libx264 via libav-async (no hardware encoder here)"
        let lines = RunSummary.speedLines([auto, F.record("libav-async", fps: 130), F.record("libav", fps: 122)])
        #expect(lines.contains("  libav-async is 1.07× faster than libav (fps, ratio from single runs; no spread known)"),
                "\(lines)")
        #expect(lines.contains("  auto ran libav-async here: one writer, not compared with itself"))
        #expect(!lines.contains { $0.contains("auto is") })
    }

    @Test func pacedWritersAreNotRankedByFpsButByWhetherTheyKeptThePace() {
        var paced = [F.record("a", rep: 0, fps: 29.8), F.record("a", rep: 1, fps: 29.9),
                     F.record("b", rep: 0, fps: 29.7), F.record("b", rep: 1, fps: 29.5),
                     F.record("c", rep: 0, fps: 21.0), F.record("c", rep: 1, fps: 22.0)]
        for index in paced.indices {
            paced[index].pace = .fixed(fps: 30)
            paced[index].lateFrames = paced[index].strategy == "c" ? 40 + index : 0
        }
        paced[3].lateFrames = 2
        let lines = RunSummary.speedLines(paced)
        #expect(lines.first == "libx264 ultrafast crf18, camera 640x480, paced at 30 fps: fps is set by the pace, so no "
                + "speed ratio; compare write times instead", "\(lines)")
        #expect(lines.contains("  kept the pace in every repetition: a"))
        #expect(lines.contains("  fell behind: b (29.6 fps, 1 of 60 frames late; median of 2), "
                               + "c (21.5 fps, 45 of 60 frames late; median of 2)"), "\(lines)")
        #expect(!lines.contains { $0.contains("faster than") })
    }

    @Test func theHeadingNamesWhatEveryRowShares() {
        #expect(RunSummary.text(records).hasPrefix("camera · 640x480 · 60 frames · pace max · 1 repetition\n"))
    }
}

@Suite struct RelativeSpeedTests {
    @Test func theFastestIsComparedWithEachOtherWithAPropagatedSpread() throws {
        let speeds = RelativeSpeed.againstFastest([("slow", [100, 104, 96]), ("fast", [121, 120, 122]), ("mid", [110, 111, 109])])
        #expect(speeds.map(\.slower) == ["mid", "slow"])
        let slow = try #require(speeds.last)
        #expect(slow.faster == "fast")
        #expect(abs(slow.ratio - 1.21) < 1e-9)
        // relative SDs 1/121 and 4/100: 1.21 · √(0.00826² + 0.04²) ≈ 0.0494
        #expect(abs((slow.uncertainty ?? 0) - 0.0494) < 0.0005)
        #expect(slow.sentence == "fast is 1.21 ± 0.05× faster than slow (fps, median of 3)")
    }

    @Test func withASingleRunTheRatioSaysSo() throws {
        let speed = try #require(RelativeSpeed.againstFastest([("a", [120]), ("b", [100, 101])]).first)
        #expect(speed.uncertainty == nil)
        #expect(speed.sentence == "a is 1.19× faster than b (fps, ratio from single runs; no spread known)")
    }

    @Test func aRatioInsideItsSpreadIsCalledNoise() throws {
        let speed = try #require(RelativeSpeed.againstFastest([("a", [100, 110]), ("b", [99, 109])]).first)
        #expect(speed.isWithinNoise)
        #expect(speed.sentence.hasSuffix("(fps, median of 2; within noise)"))
    }

    @Test func nothingToCompareWithFewerThanTwoMeasuredWriters() {
        #expect(RelativeSpeed.againstFastest([("a", [100]), ("b", [])]).isEmpty)
    }
}

@Suite struct UnavailableSummaryTests {
    @Test func hardwareIsOneFamilyAndOthersAreNamed() {
        let summary = UnavailableSummary([("hw-a-pipe", "no GPU"), ("hw-a-pipe", "no GPU"), ("hw-b-libav", "no node"),
                                          ("opencv-avc1", "no avc1 encoder")])
        #expect(summary.line == "3 strategies unavailable here (hw-* (2): no GPU; opencv-avc1: no avc1 encoder); see `writerbench probe`")
        #expect(UnavailableSummary([]).line == nil)
        #expect(UnavailableSummary([("x", String(repeating: "r", count: 100))]).line?.contains("…") == true)
    }
}
