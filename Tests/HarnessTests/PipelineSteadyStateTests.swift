import Analysis
import FaceMirror
import Testing

/// Warm-up, steady state and the pipeline's ceiling are arithmetic on what a row measured.
@Suite struct PipelineSteadyStateTests {
    static func record(frames: Int, totalS: Double, openMs: Double, poolMs: Double) -> PipelineRecord {
        var record = PipelineRecord(environment: PipelineSchemaTests.fullyMeasuredRecord().environment)
        record.frames = frames
        record.totalS = totalS
        record.openMs = openMs
        record.poolWarmupMs = poolMs
        return record
    }

    @Test func steadyStateLeavesOutTheWriterOpenAndWarmUpCountsBothOneTimeCosts() {
        let record = Self.record(frames: 100, totalS: 2.5, openMs: 500, poolMs: 1200)
        #expect(record.pipelineFPS == 40)
        #expect(record.steadyFPS == 50)
        #expect(record.warmupMs == 1700)
        #expect(record.field(.warmupMs) == "1700.0" && record.field(.steadyFPS) == "50.00")
    }

    @Test func withThreeBatchesTheSteadyStateIsTheSlowestWritersRateBetweenTheSecondAndLastBoundary() {
        var record = Self.record(frames: 350, totalS: 9, openMs: 500, poolMs: 0)
        record.batchSize = 100
        let queues: [[PipelineOutput: Int]] = [[:], [.right: 0, .left: 10, .debug: 0], [:], [.right: 20, .left: 10, .debug: 0]]
        record.batchTraces = zip([0.0, 1000, 3000, 5000], queues).map { at, queued in
            PipelineBatchTrace(delayMs: 0.5, queuedAtBoundary: queued, handOffMs: [:], processingMs: 900,
                               processingCPUMs: 800, boundaryAtMs: at)
        }
        // right took 300 − 20 − 100 = 180 frames in the 4 s from boundary 2 to boundary 4; left and debug 200.
        #expect(record.steadyFPS == 45)
        #expect(record.pipelineFPS! < 45, "the whole run also counts the open, the first batch and the drain")
        record.batchTraces.removeLast(2)
        #expect(record.steadyFPS == 350 / 8.5, "fewer than three boundaries: frames / (total − open)")
    }

    @Test func aFailedRowHasNoSteadyState() {
        var record = Self.record(frames: 100, totalS: 2.5, openMs: 500, poolMs: 0)
        record.status = .failed
        #expect(record.steadyFPS == nil && record.field(.steadyFPS).isEmpty)
    }

    @Test func theCeilingDividesTheCoresOverProcessingAndThreeEncodes() throws {
        let ceiling = PipelineCeiling(processingCPUMs: 5, encodeCPUMs: [.right: 10, .left: 10, .debug: 15], cores: 2)
        #expect(ceiling.cpuMsPerFrame == 40)
        #expect(ceiling.fps == 50)
        var record = Self.record(frames: 100, totalS: 2.5, openMs: 500, poolMs: 0)
        record.ceiling = ceiling
        #expect(record.ceilingRatio == 1.0)
        #expect(record.field(.pipelineCeilingFPS) == "50.00" && record.field(.ceilingCPUMsPerFrame) == "40.000")
        #expect(PipelineCeiling(processingCPUMs: 0, encodeCPUMs: [:], cores: 2).fps == nil)
    }

    @Test func theWorstBatchNamesTheOutputThatTookItsHandOff() throws {
        var record = Self.record(frames: 20, totalS: 1, openMs: 0, poolMs: 0)
        record.batchTraces = [
            PipelineBatchTrace(delayMs: 1, queuedAtBoundary: [.right: 0, .left: 0, .debug: 0],
                               handOffMs: [.right: 0.3, .left: 0.3, .debug: 0.4], processingMs: 50, processingCPUMs: 20),
            PipelineBatchTrace(delayMs: 40, queuedAtBoundary: [.right: 0, .left: 7, .debug: 2],
                               handOffMs: [.right: 0.3, .left: 39, .debug: 0.4], processingMs: 50, processingCPUMs: 20),
        ]
        #expect(record.field(.batchDelayWorstBatch) == "2" && record.field(.batchDelayWorstOutput) == "left")
        #expect(record.field(.boundaryQueues) == "0/0/0;0/7/2" && record.field(.batchDelaysMs) == "1.0;40.0")
        #expect(record.boundaryQueueMax(.left) == 7 && record.field(.boundaryQueueMaxDebug) == "2")
    }
}
