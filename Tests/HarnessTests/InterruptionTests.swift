import Analysis
import FaceMirror
import Foundation
import Harness
import Strategies
import Synchronization
import Testing

/// The runners honour an ``Interruption`` between frames: the open writers are aborted, the unfinished run is no
/// row, and the rows completed before it are returned.
@Suite struct InterruptionTests {
    let environment = EnvironmentFingerprint(
        timestamp: "2026-11-25T12:00:00Z", gitRevision: "", host: "", cpuModel: "", logicalCores: 1, os: "",
        libavVersion: "", ffmpegVersion: "", opencvVersion: "")

    @Test func theFirstRequestWinsAndIsReportedOnce() {
        let interruption = Interruption()
        #expect(!interruption.isRequested && interruption.signal == nil)
        #expect(interruption.request(signal: SIGTERM))
        #expect(!interruption.request(signal: SIGINT))
        #expect(interruption.isRequested && interruption.signal == SIGTERM)
    }

    @Test func aRunInterruptedMidWayIsDroppedItsWriterAbortedAndEarlierRowsKept() {
        let interruption = Interruption()
        let strategy = InterruptingStrategy(interruption: interruption, interruptAtWrite: 15)
        var plan = RunPlan(strategies: [strategy],
                           outputDirectory: NSTemporaryDirectory() + "writerbench-interruption-\(UUID().uuidString.prefix(8))")
        plan.sizes = [FrameSize(width: 64, height: 64)]
        plan.frames = 10
        plan.repetitions = 5
        plan.warmUp = false
        plan.ceiling = false
        defer { try? FileManager.default.removeItem(atPath: plan.outputDirectory) }
        var reported = 0
        let records = BenchmarkRunner(plan: plan, environment: environment, interruption: interruption) { event in
            if case .finished = event { reported += 1 }
        }.run()
        // Write 15 is the fifth of the second repetition: the first repetition is the only row.
        #expect(records.count == 1 && reported == 1)
        #expect(records.first?.status == .ok)
        #expect(strategy.log.aborts == 1 && strategy.log.finishes == 1 && strategy.log.opened == 2)
    }

    @Test func anInterruptedPipelineAbortsAllThreeWritersAndKeepsTheBaseline() {
        let interruption = Interruption()
        let strategy = InterruptingStrategy(interruption: interruption, interruptAtWrite: 30)
        var plan = PipelinePlan(strategies: [strategy, strategy],
                                source: .frameSet(.talkingHead, size: FrameSize(width: 64, height: 64), frames: 40),
                                outputDirectory: NSTemporaryDirectory() + "writerbench-interruption-\(UUID().uuidString.prefix(8))")
        plan.batchSize = 5
        plan.verify = false
        defer { try? FileManager.default.removeItem(atPath: plan.outputDirectory) }
        let records = PipelineRunner(plan: plan, environment: environment, interruption: interruption).run()
        #expect(records.map(\.strategy) == [NullWriterStrategy.strategyName])
        #expect(strategy.log.opened == 3 && strategy.log.aborts == 3 && strategy.log.finishes == 0)
    }
}

/// What the writers of an ``InterruptingStrategy`` were asked to do.
private final class WriterLog: Sendable {
    private let counts = Mutex((opened: 0, writes: 0, finishes: 0, aborts: 0))
    var opened: Int { counts.withLock { $0.opened } }
    var finishes: Int { counts.withLock { $0.finishes } }
    var aborts: Int { counts.withLock { $0.aborts } }
    func open() { counts.withLock { $0.opened += 1 } }
    func write() -> Int { counts.withLock { $0.writes += 1; return $0.writes } }
    func finish() { counts.withLock { $0.finishes += 1 } }
    func abort() { counts.withLock { $0.aborts += 1 } }
}

/// A strategy whose writers discard frames and request the interruption at the `interruptAtWrite`-th write of all,
/// as a signal arriving mid-run would.
private struct InterruptingStrategy: WriterStrategy {
    let interruption: Interruption
    let interruptAtWrite: Int
    let log = WriterLog()
    let name = "interrupting"
    let summary = "test writer that requests an interruption"
    let settings = EncoderSettings(encoder: "null", preset: "", crf: 0, container: "null")
    let colorPolicy = ColorPolicy(matrix: "bt709", range: "tv", tagged: false)

    func availability() -> Availability { .available }

    func makeWriter(_ configuration: WriterConfiguration) throws -> any VideoWriter {
        log.open()
        return Writer(strategy: self)
    }

    final class Writer: VideoWriter {
        let strategy: InterruptingStrategy
        private var frames = 0
        init(strategy: InterruptingStrategy) { self.strategy = strategy }
        func write(_ frame: Frame) throws {
            frames += 1
            if strategy.log.write() == strategy.interruptAtWrite { strategy.interruption.request(signal: SIGINT) }
        }
        func finish() throws -> WriterReport {
            strategy.log.finish()
            return WriterReport(bytesWritten: 0, encoderUsed: "null", framesWritten: frames)
        }
        func abort() { strategy.log.abort() }
    }
}
