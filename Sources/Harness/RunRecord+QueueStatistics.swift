import Analysis
import Strategies

extension RunRecord {
    /// Copies the queue figures of an asynchronous writer into the record's queue columns; nil clears them.
    public mutating func setQueueStatistics(_ statistics: QueueStatistics?) {
        queueBlockedMs = statistics.map { $0.blockedSeconds * 1000 }
        queueBlockedWrites = statistics?.blockedWrites
        queueHighWaterFrames = statistics?.highWaterFrames
        queueHighWaterMB = statistics.map { Double($0.highWaterBytes) / 1_048_576 }
    }
}
