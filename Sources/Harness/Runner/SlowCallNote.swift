import Strategies

/// The note a row gets when one of its writes, or its finish, took longer than the stall timeout but completed.
///
/// Writers with a child process never get here (they stop a silent encoder at the timeout); an in-process encoder
/// (libav, OpenCV) runs inside a C call that cannot be interrupted, so the run waits for it and says so afterwards.
enum SlowCallNote {
    /// "write of frame 12 took 14.2 s, finish took 11.0 s: longer than --stall-timeout 10 s; …", or nil.
    static func make(writeSamplesMs: [Double], finishMs: Double, stallTimeout: Duration) -> String? {
        let limitMs = stallTimeout.milliseconds
        var parts: [String] = []
        if let slowest = writeSamplesMs.indices.max(by: { writeSamplesMs[$0] < writeSamplesMs[$1] }),
           writeSamplesMs[slowest] > limitMs {
            parts.append("write of frame \(slowest) took \(seconds(writeSamplesMs[slowest])) s")
        }
        if finishMs > limitMs { parts.append("finish took \(seconds(finishMs)) s") }
        guard !parts.isEmpty else { return nil }
        return parts.joined(separator: ", ")
            + ": longer than --stall-timeout \(seconds(limitMs)) s; an in-process encoder cannot be interrupted, so the run waited"
    }

    private static func seconds(_ milliseconds: Double) -> String {
        String((milliseconds / 100).rounded() / 10)
    }
}
