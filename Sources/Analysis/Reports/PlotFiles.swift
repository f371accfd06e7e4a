import Foundation

/// The charts of a results file on disk: where scripts/plot.sh puts them, reading them back, and running the
/// script when they are missing.
public enum PlotFiles {
    /// plot.sh's default output folder for a results CSV: `x.csv` → `x-plots`.
    public static func defaultDirectory(forResults results: String) -> String {
        (results.hasSuffix(".csv") ? String(results.dropLast(4)) : results) + "-plots"
    }

    /// Path of one chart's file: `<directory>/<chart>.<ext>` (ext `png` or `svg`).
    public static func path(_ chart: PlotChart, in directory: String, ext: String) -> String {
        "\(directory)/\(chart.rawValue).\(ext)"
    }

    /// The charts whose PNG exists in `directory` (non-empty), in ``PlotChart`` order. `reference` maps a PNG's
    /// path to the text a Markdown document should link.
    public static func load(directory: String, reference: (String) -> String = { $0 }) -> [ReportDocument.Plot] {
        PlotChart.allCases.compactMap { chart in
            let file = path(chart, in: directory, ext: "png")
            guard let data = FileManager.default.contents(atPath: file), !data.isEmpty else { return nil }
            return ReportDocument.Plot(chart: chart, reference: reference(file), png: data)
        }
    }

    /// Runs `script RESULTS DIRECTORY` with `WRITERBENCH` set to `executable`. Returns nil on success, else what went
    /// wrong (the script's last lines of standard error, or why it could not start).
    public static func render(results: String, directory: String, script: String = "scripts/plot.sh",
                              executable: String?) -> String? {
        guard FileManager.default.isExecutableFile(atPath: script) else { return "no executable plot script at \(script)" }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: script)
        process.arguments = [results, directory]
        var environment = ProcessInfo.processInfo.environment
        if let executable { environment["WRITERBENCH"] = executable }
        process.environment = environment
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        do { try process.run() } catch { return "cannot run \(script): \(error.localizedDescription)" }
        let data = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus != 0 else { return nil }
        let text = String(decoding: data, as: UTF8.self).split(separator: "\n").suffix(3).joined(separator: " ")
        return "\(script) exited with status \(process.terminationStatus)" + (text.isEmpty ? "" : ": \(text)")
    }

    /// `path` relative to `base` (a folder) when it lies inside it; otherwise `path` as given.
    public static func relative(_ path: String, to base: String) -> String {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        let root = URL(fileURLWithPath: base).standardizedFileURL.path
        let prefix = root.hasSuffix("/") ? root : root + "/"
        return absolute.hasPrefix(prefix) ? String(absolute.dropFirst(prefix.count)) : path
    }
}
