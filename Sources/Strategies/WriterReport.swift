/// What a writer knows once it has finished.
public struct WriterReport: Sendable, Equatable {
    /// Size of the output file in bytes.
    public var bytesWritten: Int64
    /// The encoder that actually produced the stream (may differ from the one requested, e.g. OpenCV's mapping).
    public var encoderUsed: String
    /// Frames the writer accepted.
    public var framesWritten: Int
    /// Queue statistics when the writer ran behind an ``AsyncVideoWriter``.
    public var queue: QueueStatistics?
    /// Free-form notes worth a CSV reason column (fallbacks, library messages).
    public var notes: [String]
    /// External writers that time their own `write` (results/README.md, "Writer-side timing"): those times in ms,
    /// one per frame in frame order; nil when the writer reported none (or not one per frame).
    public var writerTimedWritesMs: [Double]?
    /// External writers: the library version the writer reported (CSV `peer_version`); nil when none.
    public var writerVersion: String?

    /// Creates a report.
    public init(bytesWritten: Int64, encoderUsed: String, framesWritten: Int,
                queue: QueueStatistics? = nil, notes: [String] = [], writerTimedWritesMs: [Double]? = nil,
                writerVersion: String? = nil) {
        self.bytesWritten = bytesWritten
        self.encoderUsed = encoderUsed
        self.framesWritten = framesWritten
        self.queue = queue
        self.notes = notes
        self.writerTimedWritesMs = writerTimedWritesMs
        self.writerVersion = writerVersion
    }
}

/// Back-pressure figures of an ``AsyncVideoWriter`` over one run.
public struct QueueStatistics: Sendable, Equatable {
    /// Total time, in seconds, that `write` spent waiting for room in a full queue.
    public var blockedSeconds: Double
    /// Number of `write` calls that had to wait for room.
    public var blockedWrites: Int
    /// Largest number of frames that were queued at once.
    public var highWaterFrames: Int
    /// Largest number of pixel bytes that were queued at once.
    public var highWaterBytes: Int

    /// Creates statistics.
    public init(blockedSeconds: Double, blockedWrites: Int, highWaterFrames: Int, highWaterBytes: Int) {
        self.blockedSeconds = blockedSeconds
        self.blockedWrites = blockedWrites
        self.highWaterFrames = highWaterFrames
        self.highWaterBytes = highWaterBytes
    }
}
