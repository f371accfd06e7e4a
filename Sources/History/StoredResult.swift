import Foundation
import GRDB

/// One results row in the store: the series-key columns GRDB indexes, where and when it was measured, and the whole
/// CSV row as JSON keyed by column name (so a column added to the CSV later needs no migration).
public struct StoredResult: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "result"

    /// SQLite row id; nil before insertion.
    public var id: Int64?
    /// `kind|machine|run_id|strategy|repeat`: unique, so that importing the same row twice adds nothing.
    public var rowKey: String
    /// Run or pipeline row.
    public var kind: ResultsKind
    /// The CSV file the row was read from.
    public var source: String
    public var runID: String
    public var strategy: String
    /// Repetition index (run CSV); nil for pipeline rows.
    public var repeatIndex: Int?
    public var encoder: String
    public var preset: String
    public var crf: Int?
    public var threads: Int?
    public var frameset: String
    public var width: Int?
    public var height: Int?
    /// `pace_fps` of the run CSV ("" for max pace and for pipeline rows).
    public var pace: String
    public var frames: Int?
    /// `ok`, `failed` or `unavailable`.
    public var status: String
    /// ``EnvironmentFingerprint/machineID(cpuModel:logicalCores:os:)`` of the row's own columns.
    public var machine: String
    public var host: String
    /// `git_revision` of the row (`+dirty` kept).
    public var revision: String
    /// Branch checked out when the row was recorded; "" when unknown (imported CSVs).
    public var branch: String
    /// Commit time of the revision (ISO 8601 UTC); "" when the revision is not in this repository.
    public var commitTime: String
    /// The run's start time (the row's `timestamp`).
    public var timestamp: String
    /// ``HistoryRecorder/toolVersion`` of the program that stored the row.
    public var toolVersion: String
    /// When the row was stored (ISO 8601 UTC).
    public var recordedAt: String
    /// Every CSV field of the row, as JSON `{"column": "text"}` with sorted keys.
    public var fields: String

    enum CodingKeys: String, CodingKey {
        case id, rowKey = "row_key", kind, source, runID = "run_id", strategy, repeatIndex = "repeat", encoder, preset
        case crf, threads, frameset, width, height, pace, frames, status, machine, host, revision, branch
        case commitTime = "commit_time", timestamp, toolVersion = "tool_version", recordedAt = "recorded_at", fields
    }

    /// A row from explicit values (stores reading their own tables).
    public init(id: Int64?, rowKey: String, kind: ResultsKind, source: String, runID: String, strategy: String,
                repeatIndex: Int?, encoder: String, preset: String, crf: Int?, threads: Int?, frameset: String,
                width: Int?, height: Int?, pace: String, frames: Int?, status: String, machine: String, host: String,
                revision: String, branch: String, commitTime: String, timestamp: String, toolVersion: String,
                recordedAt: String, fields: String) {
        self.id = id
        self.rowKey = rowKey
        self.kind = kind
        self.source = source
        self.runID = runID
        self.strategy = strategy
        self.repeatIndex = repeatIndex
        self.encoder = encoder
        self.preset = preset
        self.crf = crf
        self.threads = threads
        self.frameset = frameset
        self.width = width
        self.height = height
        self.pace = pace
        self.frames = frames
        self.status = status
        self.machine = machine
        self.host = host
        self.revision = revision
        self.branch = branch
        self.commitTime = commitTime
        self.timestamp = timestamp
        self.toolVersion = toolVersion
        self.recordedAt = recordedAt
        self.fields = fields
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// The stored CSV fields by column name.
    public func decodedFields() -> [String: String] {
        (try? JSONDecoder().decode([String: String].self, from: Data(fields.utf8))) ?? [:]
    }
}
