import Harness
import Testing

@Suite struct ConfigurationProgressTests {
    @Test func theETAExtrapolatesFromWhatIsDone() {
        var progress = ConfigurationProgress(total: 4)
        #expect(progress.text(elapsedSeconds: 0) == "0 of 4 configurations, ETA --:--")
        progress.start(configuration: 2, repetitions: 2)
        progress.wrote(repetition: 0, framesDone: 30, frames: 60)   // 1 + 0.25 configurations done
        #expect(progress.done == 1.25)
        // 50 s for 1.25 configurations: 110 s for the other 2.75.
        #expect(progress.remainingSeconds(elapsedSeconds: 50) == 110)
        #expect(progress.text(elapsedSeconds: 50) == "2 of 4 configurations, ETA 01:50")
    }

    @Test func theWarmUpIsNoProgress() {
        var progress = ConfigurationProgress(total: 2)
        progress.start(configuration: 1, repetitions: 1)
        progress.wrote(repetition: -1, framesDone: 60, frames: 60)
        #expect(progress.remainingSeconds(elapsedSeconds: 3) == nil)
    }

    @Test func clockFormats() {
        #expect(ConfigurationProgress.clock(5) == "00:05")
        #expect(ConfigurationProgress.clock(3725) == "1:02:05")
        #expect(ConfigurationProgress.clock(nil) == "--:--")
        #expect(ConfigurationProgress.clock(.infinity) == "--:--")
    }
}
