import Foundation

/// A results CSV as Bencher Metric Format (BMF) JSON, for tracking WriterBench in Bencher (`bencher run --adapter
/// json --file …`): `{ "<benchmark>": { "<measure>": { "value": …, "lower_value": …, "upper_value": … } } }`.
///
/// - One benchmark per strategy × configuration, named from the configuration columns only (never from run IDs,
///   times or machines), so that the same configuration keeps its name from run to run: run CSVs
///   `"<strategy> · <workload>"` (as `report` heads its rows), pipeline CSVs `"pipeline · <strategy> · <source> ·
///   <size> · <encoder> · <frames> frames · batch <n>"`.
/// - One measure per metric, named as its CSV column (`fps`, `write_ms_p95`, …: the unit is in the name).
/// - `value` is the median over the configuration's completed repetitions (status ok, output not found invalid);
///   `lower_value` and `upper_value` are the smallest and largest repetition, present only with two or more.
/// - The machine is not in the name: Bencher keeps machines apart as testbeds (`bencher run --testbed`), so a file
///   holding several machines' rows is exported one machine at a time.
public struct BencherMetricFormat: Sendable, Equatable {
    /// One measure's values.
    public struct Metric: Codable, Sendable, Equatable {
        /// Median over the repetitions.
        public var value: Double
        /// Smallest repetition (two or more repetitions only).
        public var lowerValue: Double?
        /// Largest repetition (two or more repetitions only).
        public var upperValue: Double?

        enum CodingKeys: String, CodingKey {
            case value, lowerValue = "lower_value", upperValue = "upper_value"
        }
    }

    /// Why a file cannot be exported; each case says what to do.
    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        /// The file is neither a run nor a pipeline CSV.
        case notResults
        /// A metric is no measured column of this kind of CSV.
        case unknownMetric(String, kind: ResultsCSVKind)
        /// The rows come from several machines.
        case severalMachines([String])
        /// `--machine` named a machine with no rows.
        case noSuchMachine(String, known: [String])

        public var description: String {
            switch self {
            case .notResults:
                "not a WriterBench results CSV (its header has neither `fps` and `repeat` nor `pipeline_fps`)"
            case .unknownMetric(let metric, let kind):
                "`\(metric)` is no measured column of the \(kind.rawValue) CSV; `writerbench columns` lists them "
                    + "(those with a direction)"
            case .severalMachines(let machines):
                "the rows come from \(machines.count) machines (\(machines.joined(separator: ", "))); Bencher keeps "
                    + "machines apart as testbeds, so export one with --machine ID and pass it as `bencher run --testbed`"
            case .noSuchMachine(let machine, let known):
                "no row comes from machine \(machine); the file's machines: \(known.joined(separator: ", "))"
            }
        }
    }

    /// The metrics exported when none are named.
    public static func defaultMetrics(_ kind: ResultsCSVKind) -> [String] {
        switch kind {
        case .run: ["fps", "write_ms_p50", "write_ms_p95", "write_ms_p99", "finish_ms"]
        case .pipeline: ["pipeline_fps", "write_ms_p95_right", "batch_delay_ms_max", "total_s"]
        }
    }

    /// Benchmark name → measure name → values.
    public var benchmarks: [String: [String: Metric]]

    /// The document of `table`'s rows (of `machine` only, when given). Throws ``Failure``.
    public init(table: ResultsTable, metrics: [String] = [], machine: String? = nil) throws(Failure) {
        guard let kind = ResultsCSVKind(header: table.header) else { throw .notResults }
        let metrics = metrics.isEmpty ? Self.defaultMetrics(kind) : metrics
        for metric in metrics {
            let direction = switch kind {
            case .run: CSVColumn(rawValue: metric)?.direction
            case .pipeline: PipelineColumn(rawValue: metric)?.direction
            }
            guard direction != nil else { throw .unknownMetric(metric, kind: kind) }
        }
        let machines = PlotData.unique(table.rows.map(\.machineID))
        var rows = table.rows
        if let machine {
            guard machines.contains(machine) else { throw .noSuchMachine(machine, known: machines) }
            rows = rows.filter { $0.machineID == machine }
        } else if machines.count > 1 {
            throw .severalMachines(machines)
        }
        var valuesByName: [String: [String: [Double]]] = [:]
        for row in rows where row["status"] == "ok" && row["valid"] != "false" {
            let name = Self.benchmarkName(row, kind: kind)
            for metric in metrics {
                guard let value = Double(row[metric]), value.isFinite else { continue }
                valuesByName[name, default: [:]][metric, default: []].append(value)
            }
        }
        benchmarks = valuesByName.mapValues { measures in
            measures.compactMapValues { values in
                let distribution = Distribution(values)
                guard let median = distribution.median else { return nil }
                let several = distribution.count > 1
                return Metric(value: median, lowerValue: several ? distribution.min : nil,
                              upperValue: several ? distribution.max : nil)
            }
        }.filter { !$0.value.isEmpty }
    }

    /// The stable name of the benchmark a row measured (see the type's documentation).
    public static func benchmarkName(_ row: ResultsTable.Row, kind: ResultsCSVKind) -> String {
        switch kind {
        case .run:
            return RunConfiguration(row).description
        case .pipeline:
            let source = row["input"].isEmpty ? row["frameset"] : row["input"]
            var parts = ["pipeline", row["strategy"], source, "\(row["width"])x\(row["height"])",
                         row["encoder"].isEmpty ? "encoder ?" : row["encoder"], "\(row["frames"]) frames",
                         "batch \(row["batch_size"])"]
            if !row["queue"].isEmpty { parts.append("queue \(row["queue"])") }
            return parts.joined(separator: " · ")
        }
    }

    /// The JSON text: sorted keys, pretty-printed, so the same CSV always gives the same text.
    public var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(benchmarks) else { return "{}" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
