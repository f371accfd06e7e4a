/// Any strategy run behind an ``AsyncVideoWriter``: colour conversion and encoding happen on the writer thread,
/// the caller only hands frames over.
public struct AsyncStrategy: WriterStrategy {
    public let name: String
    /// The strategy whose writers run on the background thread.
    public let inner: any WriterStrategy
    /// Queue bound for each writer.
    public let capacity: QueueCapacity

    /// Wraps `inner`; `name` defaults to `<inner>-async`.
    public init(wrapping inner: any WriterStrategy, name: String? = nil, capacity: QueueCapacity = .default) {
        self.inner = inner
        self.name = name ?? "\(inner.name)-async"
        self.capacity = capacity
    }

    public var settings: EncoderSettings { inner.settings }
    public var colorPolicy: ColorPolicy { inner.colorPolicy }
    public var queueCapacity: QueueCapacity? { capacity }
    public var summary: String { "\(inner.name) on a writer thread behind a bounded queue (\(capacity))" }
    public func availability() -> Availability { inner.availability() }

    public func makeWriter(_ configuration: WriterConfiguration) throws -> any VideoWriter {
        try makeWriter(configuration, pool: nil)
    }

    /// Opens a writer that returns every written frame's storage to `pool`, for producers that make frames with
    /// ``FramePool/makeFrame(_:)``.
    public func makeWriter(_ configuration: WriterConfiguration, pool: FramePool?) throws -> AsyncVideoWriter {
        let inner = self.inner
        // The inner writer reports its progress (bytes taken, output written) through the configuration's heartbeat,
        // so that the bounded waits of the async writer count from its last sign of life.
        let heartbeat = Heartbeat()
        var withHeartbeat = configuration
        withHeartbeat.heartbeat = heartbeat
        let innerConfiguration = withHeartbeat
        return try AsyncVideoWriter(opening: { try inner.makeWriter(innerConfiguration) },
                                    geometry: configuration.geometry, capacity: capacity, pool: pool,
                                    name: "writerbench.\(name)", stallTimeout: configuration.stallTimeout,
                                    heartbeat: heartbeat)
    }
}
