import CPosixShim

/// The calling thread's scheduling weight (its nice value; on Linux each thread has its own).
public enum ThreadNice {
    /// Lowers the calling thread's priority by `increment` nice steps, for the rest of its life: raising a nice value
    /// needs no privilege, lowering it again does. Threads it creates afterwards inherit it.
    ///
    /// - Returns: false when the system refused (nothing changed).
    @discardableResult
    public static func lowerCurrentThread(by increment: Int) -> Bool {
        increment <= 0 || cposix_nice_current_thread(Int32(increment)) == 0
    }
}
