import Strategies
import Testing

@Suite struct StrategyPatternTests {
    let known = ["ffmpeg-pipe", "ffmpeg-pipe-async", "libav", "libav-async", "hw-h264-nvenc-pipe", "hw-h264-nvenc-libav"]

    @Test func globsMatchWholeNames() {
        #expect(StrategyPattern("libav*").matches("libav"))
        #expect(StrategyPattern("libav*").matches("libav-async"))
        #expect(!StrategyPattern("libav").matches("libav-async"))
        #expect(StrategyPattern("hw-*-pipe").matches("hw-h264-nvenc-pipe"))
        #expect(!StrategyPattern("hw-*-pipe").matches("hw-h264-nvenc-libav"))
        #expect(StrategyPattern("libav?async").matches("libav-async"))
        #expect(StrategyPattern("*").matches(""))
        #expect(!StrategyPattern("a*b*c").matches("aXbXd"))
    }

    @Test func includePatternsKeepTheirOrderAndNameEachStrategyOnce() throws {
        let names = try StrategyFilter(include: ["libav*", "*-async", "ffmpeg-pipe"].map(StrategyPattern.init)).select(from: known)
        #expect(names == ["libav", "libav-async", "ffmpeg-pipe-async", "ffmpeg-pipe"])
    }

    @Test func excludeRemovesMatchesFromAllOrFromTheIncluded() throws {
        #expect(try StrategyFilter(include: nil, exclude: [StrategyPattern("hw-*")]).select(from: known)
                == ["ffmpeg-pipe", "ffmpeg-pipe-async", "libav", "libav-async"])
        #expect(try StrategyFilter(include: [StrategyPattern("libav*")], exclude: [StrategyPattern("*-async")]).select(from: known)
                == ["libav"])
    }

    @Test func anUnmatchedPatternIsAnErrorNamingTheKnownStrategies() {
        #expect(throws: StrategySelectionError.noMatch(pattern: "opencv*", known: known)) {
            try StrategyFilter(include: [StrategyPattern("opencv*")]).select(from: known)
        }
        #expect(throws: StrategySelectionError.noMatch(pattern: "nvenc", known: known)) {
            try StrategyFilter(include: nil, exclude: [StrategyPattern("nvenc")]).select(from: known)
        }
        #expect(StrategySelectionError.noMatch(pattern: "x", known: ["a", "b"]).description.contains("known: a, b"))
    }

    @Test func excludingEverythingIsAnError() {
        #expect(throws: StrategySelectionError.nothingLeft(excluded: ["*"])) {
            try StrategyFilter(include: [StrategyPattern("libav")], exclude: [StrategyPattern("*")]).select(from: known)
        }
    }
}
