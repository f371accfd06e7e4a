import Foundation

/// Number formatting shared by report, compare and recommend: enough significant digits to compare, no more.
enum ReportFormat {
    /// A value with about four significant digits ("0.0123", "1.234", "123.4", "12345").
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "-" }
        let magnitude = abs(value)
        if magnitude == 0 { return "0" }
        if magnitude >= 10_000 { return String(format: "%.0f", value) }
        if magnitude >= 100 { return String(format: "%.1f", value).trimmingZeros() }
        if magnitude >= 10 { return String(format: "%.2f", value).trimmingZeros() }
        if magnitude >= 1 { return String(format: "%.3f", value).trimmingZeros() }
        return String(format: "%.3g", value)
    }

    /// A value or "–" when missing.
    static func number(_ value: Double?) -> String { value.map(number) ?? "–" }

    /// A ratio with its "×": two decimals ("1.56×"), or two significant digits below 0.1 ("0.00071×") so that a
    /// small ratio never reads as zero.
    static func ratio(_ value: Double) -> String {
        value.isFinite && abs(value) < 0.1 && value != 0 ? String(format: "%.2g×", value) : String(format: "%.2f×", value)
    }

    /// Bytes as MB with one decimal ("12.3 MB").
    static func megabytes(_ bytes: Double?) -> String {
        guard let bytes else { return "–" }
        return String(format: "%.2f MB", bytes / 1_000_000)
    }

    /// A relative spread as "±2.1%".
    static func spread(_ fraction: Double?) -> String? {
        guard let fraction, fraction.isFinite else { return nil }
        return String(format: "±%.1f%%", fraction * 100)
    }
}

private extension String {
    func trimmingZeros() -> String {
        guard contains(".") else { return self }
        var text = self
        while text.last == "0" { text.removeLast() }
        if text.last == "." { text.removeLast() }
        return text
    }
}
