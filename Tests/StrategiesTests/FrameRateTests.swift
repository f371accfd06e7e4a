import Strategies
import Testing

@Suite struct FrameRateTests {
    @Test func ntscDecimalsMeanTheirThousandOneFractions() {
        #expect(FrameRate(parsing: "29.97")?.description == "30000/1001")
        #expect(FrameRate(parsing: "23.976")?.description == "24000/1001")
        #expect(FrameRate(parsing: "59.94")?.description == "60000/1001")
    }

    @Test func wholeFractionalAndDecimalRatesAreReadExactly() {
        #expect(FrameRate(parsing: "30")?.description == "30")
        #expect(FrameRate(parsing: "30000/1001") == FrameRate(numerator: 30000, denominator: 1001))
        #expect(FrameRate(parsing: "60/2")?.description == "30")
        #expect(FrameRate(parsing: "12.5")?.description == "25/2")
    }

    @Test func nonPositiveOrMalformedRatesAreRefused() {
        for text in ["0", "-30", "30/0", "abc", "1.2.3", "", "30/", "-1/2", "1.1234567"] {
            #expect(FrameRate(parsing: text) == nil, "\(text)")
        }
    }

    @Test func aConfigurationKeepsTheFractionAndRoundsFPS() {
        let rate = FrameRate(numerator: 30000, denominator: 1001)
        let configuration = WriterConfiguration(outputPath: "x.mp4", width: 64, height: 64, frameRate: rate)
        #expect(configuration.frameRate == rate)
        #expect(configuration.fps == 30)
    }
}
