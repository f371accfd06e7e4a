import Analysis
@testable import FaceMirror
import Harness
import Testing

/// Where a hand-off's time went, and which part of it the batch-delay criterion holds the pipeline to.
@Suite struct HandOffAccountTests {
    static let before = ThreadSchedule(cpuNanoseconds: 10_000_000, runQueueNanoseconds: 2_000_000,
                                       voluntarySwitches: 5, involuntarySwitches: 7)

    @Test func aHandOffThatNeverSleptOwesTheHostEverythingItSpentOffCPU() {
        // 15.5 ms of wall time: 0.3 ms running, 0.2 ms waiting for a core, never blocked: the other 15 ms its
        // virtual CPU did not run.
        let after = ThreadSchedule(cpuNanoseconds: 10_300_000, runQueueNanoseconds: 2_200_000,
                                   voluntarySwitches: 5, involuntarySwitches: 8)
        let account = HandOffAccount(delayMs: 15.5, from: Self.before, to: after)
        #expect(abs(account.cpuMs - 0.3) < 1e-9 && abs(account.runQueueMs - 0.2) < 1e-9)
        #expect(account.sleeps == 0 && account.preemptions == 1)
        #expect(abs(account.offCPUMs - 15.0) < 1e-9 && abs(account.stolenMs - 15.0) < 1e-9)
        #expect(abs(account.delayExcludingStealMs - 0.5) < 1e-9)
        #expect(account.compactText == "0.30/0.20/15.00/0")
        #expect(account.summary.contains("without sleeping (taken by the host)"))
    }

    @Test func aHandOffThatSleptKeepsItsWholeDelayBecauseSleepCannotBeToldFromSteal() {
        // Blocked once (a full queue or a writer's lock): the off-CPU time may be that wait, so none is the host's.
        let after = ThreadSchedule(cpuNanoseconds: 10_300_000, runQueueNanoseconds: 2_000_000,
                                   voluntarySwitches: 6, involuntarySwitches: 7)
        let account = HandOffAccount(delayMs: 15.5, from: Self.before, to: after)
        #expect(account.sleeps == 1 && abs(account.offCPUMs - 15.2) < 1e-9)
        #expect(account.stolenMs == 0 && account.delayExcludingStealMs == 15.5)
        #expect(account.summary.contains("asleep or taken by the host (1 sleep)"))
    }

    @Test func readingsThatBracketTheDelayNeverMakeOffCPUTimeNegative() {
        // The readings sit a few microseconds outside the timed stretch, so CPU can exceed the delay slightly.
        let account = HandOffAccount(delayMs: 0.30, cpuMs: 0.31, runQueueMs: 0, sleeps: 0, preemptions: 0)
        #expect(account.offCPUMs == 0 && account.stolenMs == 0 && account.delayExcludingStealMs == 0.30)
        #expect(!account.summary.contains("host"), "nothing was taken, so the console blames nobody")
    }

    static func record(_ accounts: [HandOffAccount?]) -> PipelineRecord {
        var record = PipelineRecord(environment: PipelineSchemaTests.fullyMeasuredRecord().environment)
        record.status = .ok
        record.batchTraces = accounts.map { account in
            PipelineBatchTrace(delayMs: account?.delayMs ?? 3, queuedAtBoundary: [:], handOffMs: [.right: 0.1],
                               processingMs: 100, processingCPUMs: 90, account: account)
        }
        record.batchDelays = Distribution(record.batchTraces.map(\.delayMs))
        return record
    }

    @Test func theCriterionJudgesTheWorstDelayWithoutTheHostsShare() {
        // Batch 2 lost 14.6 ms to the host, batch 3 slept through 4 ms: 4.3 ms is the pipeline's worst.
        let record = Self.record([
            HandOffAccount(delayMs: 0.4, cpuMs: 0.3, runQueueMs: 0, sleeps: 0, preemptions: 0),
            HandOffAccount(delayMs: 15.0, cpuMs: 0.4, runQueueMs: 0, sleeps: 0, preemptions: 0),
            HandOffAccount(delayMs: 4.3, cpuMs: 0.3, runQueueMs: 0, sleeps: 1, preemptions: 0),
        ])
        #expect(record.batchDelays?.max == 15.0)
        #expect(record.batchDelayExcludingStealMax == 4.3)
        #expect(record.field(.batchDelayExclStealMsMax) == "4.300" && record.field(.batchDelayMsMax) == "15.000")
        #expect(record.field(.batchDelayWorstCPUMs) == "0.400" && record.field(.batchDelayWorstOffCPUMs) == "14.600")
        #expect(record.field(.batchDelayWorstSleeps) == "0")
        #expect(record.field(.batchHandOffs) == "0.30/0.00/0.10/0;0.40/0.00/14.60/0;0.30/0.00/4.00/1")
        #expect(PipelineCriteria.judge(record, reference: nil)[.batchDelay] == .pass)
        let line = PipelineCriteria.handOffLines([record]).first ?? ""
        #expect(line.contains("worst hand-off batch 2") && line.contains("largest delay without the host's share 4.30 ms"))
    }

    @Test func aSleepThatMadeTheHandOffSlowFailsTheCriterion() {
        let record = Self.record([
            HandOffAccount(delayMs: 0.4, cpuMs: 0.3, runQueueMs: 0, sleeps: 0, preemptions: 0),
            HandOffAccount(delayMs: 15.0, cpuMs: 0.4, runQueueMs: 0, sleeps: 2, preemptions: 0),
        ])
        #expect(record.batchDelayExcludingStealMax == 15.0)
        #expect(PipelineCriteria.judge(record, reference: nil)[.batchDelay] == .fail)
    }

    @Test func withoutTheThreadsScheduleTheRawDelayIsJudgedAndTheRowSaysNothingOfTheHost() {
        let record = Self.record([nil, nil])
        #expect(record.batchDelayExcludingStealMax == 3)
        #expect(record.field(.batchHandOffs).isEmpty && record.field(.batchDelayWorstCPUMs).isEmpty)
        #expect(PipelineCriteria.handOffLines([record]).first?.contains("host's share is not known") == true)
    }
}
