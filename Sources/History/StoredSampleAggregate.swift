import GRDB

/// Per-write timings of one stored row, summarised (the samples file's every write is not stored).
public struct StoredSampleAggregate: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "write_samples"

    /// The ``StoredResult`` these writes belong to.
    public var resultID: Int64
    public var count: Int
    public var meanMs: Double
    public var p50Ms: Double
    public var p95Ms: Double
    public var p99Ms: Double
    public var maxMs: Double
    /// Sample standard deviation; 0 for a single write.
    public var stddevMs: Double

    enum CodingKeys: String, CodingKey {
        case resultID = "result_id", count, meanMs = "mean_ms", p50Ms = "p50_ms", p95Ms = "p95_ms", p99Ms = "p99_ms"
        case maxMs = "max_ms", stddevMs = "stddev_ms"
    }
}
