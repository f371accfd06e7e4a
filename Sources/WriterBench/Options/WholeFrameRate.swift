import ArgumentParser

/// Reads `--fps` of `pipeline`, whose stream rate (and `stream_fps` column) is a whole number of frames/s. A
/// fractional rate is refused with a message naming the supported form, instead of ArgumentParser's bare "invalid
/// value". (`run`, `frames` and `verify` take fractional rates.)
enum WholeFrameRate {
    /// `text` as a whole rate; throws a ``ValidationError`` naming the supported form for "29.97" or "30000/1001".
    static func parse(_ text: String) throws -> Int {
        if let rate = Int(text) { return rate }
        let parts = text.split(separator: "/")
        let fractional = Double(text) != nil
            || (parts.count == 2 && Double(parts[0]) != nil && Double(parts[1]) != nil)
        guard fractional else {
            throw ValidationError("'\(text)' is not a frame rate; give whole frames/s, 1…1000 (e.g. 30)")
        }
        throw ValidationError("fractional rates such as '\(text)' are not supported by pipeline: its stream rate is a "
                              + "whole number of frames/s (1…1000, e.g. 30); `run --fps` and `verify --fps` take fractions")
    }
}
