import Foundation

/// Runs one pipeline run on a thread of its own and waits for it, so that what the run does to its thread (a
/// raised nice value, which cannot be lowered again without privilege) ends with it.
enum PipelineThread {
    /// Runs `body` on a new thread and returns its result. The caller waits without a bound: `body` is a pipeline
    /// run, whose every wait is bounded by the writers' stall timeout.
    static func run<T>(_ body: @escaping () -> T) -> T {
        let box = ResultBox(body)
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            box.run()
            done.signal()
        }
        thread.name = "writerbench.pipeline"
        thread.stackSize = 8 << 20
        thread.start()
        done.wait()
        return box.result!
    }
}

/// Hands `body` and its result between the waiting caller and the run's thread.
///
/// `@unchecked Sendable`: the caller touches `result` only after the semaphore says the thread is done with it.
private final class ResultBox<T>: @unchecked Sendable {
    private let body: () -> T
    var result: T?
    init(_ body: @escaping () -> T) { self.body = body }
    func run() { result = body() }
}
