import Foundation

/// The readable table `writerbench run` prints at the end.
public enum RunSummary {
    /// One line per record: strategy, frames, write percentiles, finish, throughput, output validity.
    public static func table(_ records: [RunRecord]) -> PlainTable {
        var table = PlainTable(header: ["strategy", "frameset", "size", "rep", "status", "write p50", "p95", "p99",
                                        "max ms", "finish ms", "fps", "MB", "valid", "PSNR dB"])
        for record in records {
            let ms: (Double?) -> String = { $0.map { String(format: "%.3f", $0) } ?? "-" }
            table.rows.append([
                record.strategy, record.frameset, "\(record.width)x\(record.height)", String(record.repeatIndex + 1),
                record.status == .ok ? "ok" : "\(record.status.rawValue): \(record.reason.prefix(60))",
                ms(record.write?.percentile(50)), ms(record.write?.percentile(95)), ms(record.write?.percentile(99)),
                ms(record.write?.max), record.finishMs.map { String(format: "%.1f", $0) } ?? "-",
                record.fps.map { String(format: "%.1f", $0) } ?? "-",
                record.bytes.map { String(format: "%.1f", Double($0) / 1e6) } ?? "-",
                record.verification.map { $0.valid ? "yes" : "NO" } ?? "-",
                record.verification?.psnrMean.map { String(format: "%.2f", $0) } ?? "-",
            ])
        }
        return table
    }
}
