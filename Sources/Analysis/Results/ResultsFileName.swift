import Foundation

/// Default paths of results CSVs: `results/<prefix><timestamp>-<pid>.csv`.
///
/// The timestamp alone is stamped to the second, so two runs started in the same second (two CI jobs, two
/// terminals) would share a file; the process id tells them apart. (Sharing would lose nothing — rows are appended
/// under a lock, see ``CSVFileWriter`` — but each run's default file should hold that run alone.)
public enum ResultsFileName {
    /// The default path for a run stamped `timestamp` (ISO 8601; colons are dropped) by process `processID`.
    public static func stamped(prefix: String = "", timestamp: String,
                               processID: Int32 = ProcessInfo.processInfo.processIdentifier) -> String {
        "results/\(prefix)\(timestamp.replacingOccurrences(of: ":", with: ""))-\(processID).csv"
    }
}
