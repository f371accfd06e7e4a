import Foundation

/// Saved reference results, one folder per machine: `results/baselines/<machine ID>/<name>.csv`.
///
/// Baselines are meant to be committed. Results are only ever compared with a baseline of the same machine ID
/// (CPU model, logical cores, OS), because timings from another machine say nothing about a change in the code.
public struct BaselineStore: Sendable {
    /// Root folder of the baselines.
    public var directory: String

    /// A store rooted at `directory` (default `results/baselines` of the package the program was built in, else of
    /// the working directory; see ``PackageLocation``).
    public init(directory: String = PackageLocation.resolve("results/baselines")) {
        self.directory = directory
    }

    /// Where baseline `name` of machine `machineID` lives.
    public func path(name: String, machineID: String) -> String {
        "\(directory)/\(machineID)/\(name).csv"
    }

    /// Baseline names saved for `machineID`, sorted. With `legacyMachineID`, also those of legacy folders that
    /// ``existingPath(name:machineID:legacyMachineID:)`` finds for this machine.
    public func names(machineID: String, legacyMachineID: String? = nil) -> [String] {
        func names(in id: String) -> [String] {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: "\(directory)/\(id)")) ?? []
            return files.filter { $0.hasSuffix(".csv") }.map { String($0.dropLast(4)) }
        }
        var found = Set(names(in: machineID))
        if let legacyMachineID {
            let folders = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
            for name in Set(folders.flatMap(names(in:))).subtracting(found)
            where existingPath(name: name, machineID: machineID, legacyMachineID: legacyMachineID) != nil {
                found.insert(name)
            }
        }
        return found.sorted()
    }

    /// The file of baseline `name`: under `machineID` when saved there, else under `legacyMachineID` (baselines saved
    /// before the machine ID left out the kernel build), else in any folder whose `name.csv` was written by a machine
    /// with this `machineID` (a legacy folder named after an older kernel of the same machine); nil when none is.
    public func existingPath(name: String, machineID: String, legacyMachineID: String) -> String? {
        if let direct = [machineID, legacyMachineID].map({ path(name: name, machineID: $0) })
            .first(where: { FileManager.default.fileExists(atPath: $0) }) {
            return direct
        }
        let folders = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted()
        return folders.map { path(name: name, machineID: $0) }.first { candidate in
            guard let table = try? ResultsTable(contentsOf: candidate) else { return false }
            return (try? Self.machineID(of: table, path: candidate)) == machineID
        }
    }

    /// Copies the results CSV at `resultsPath` to baseline `name` of the machine that wrote it, replacing an older
    /// baseline of that name. Returns the baseline's path. Throws ``BaselineError`` for a bad name, an unreadable,
    /// malformed or empty CSV, or one that mixes machines.
    @discardableResult
    public func save(name: String, from resultsPath: String) throws -> String {
        try Self.validate(name: name)
        let text: String
        do { text = try String(contentsOfFile: resultsPath, encoding: .utf8) }
        catch { throw BaselineError("cannot read '\(resultsPath)'", kind: .unreadableInput) }
        let table: ResultsTable
        do { table = try ResultsTable(text: text, requiredColumns: Self.machineColumns.map(\.rawValue)) }
        catch { throw BaselineError("\(resultsPath): \(error)", kind: .malformedInput) }
        let machine = try Self.machineID(of: table, path: resultsPath)
        let destination = path(name: name, machineID: machine)
        do {
            try FileManager.default.createDirectory(atPath: "\(directory)/\(machine)", withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: destination), options: .atomic)
        } catch {
            throw BaselineError("cannot write '\(destination)': \(error.localizedDescription)", kind: .unwritableDestination)
        }
        return destination
    }

    /// The machine ID of the rows of `table` (rebuilt from `cpu_model`, `logical_cores`, `os`). Throws when the
    /// table has no rows or rows from several machines.
    public static func machineID(of table: ResultsTable, path: String = "the CSV") throws -> String {
        try machineID(of: table, path: path, EnvironmentFingerprint.machineID)
    }

    /// The legacy machine ID (kernel build included) of the rows of `table`; throws like ``machineID(of:path:)``.
    public static func legacyMachineID(of table: ResultsTable, path: String = "the CSV") throws -> String {
        try machineID(of: table, path: path, EnvironmentFingerprint.legacyMachineID)
    }

    private static func machineID(of table: ResultsTable, path: String,
                                  _ id: (String, String, String) -> String) throws -> String {
        let ids = Set(table.rows.map { id($0[.cpuModel], $0[.logicalCores], $0[.os]) })
        guard let id = ids.first else { throw BaselineError("\(path) has no rows", kind: .malformedInput) }
        guard ids.count == 1 else {
            throw BaselineError(kind: .malformedInput, "\(path) mixes rows from \(ids.count) machines (\(ids.sorted().joined(separator: ", ")))")
        }
        return id
    }

    /// The most recently modified results CSV directly in `directory` that is not a samples file; nil when none.
    public static func newestResults(in directory: String = "results") -> String? {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        let candidates = files.filter { $0.hasSuffix(".csv") && !$0.hasSuffix(".samples.csv") }.map { "\(directory)/\($0)" }
        func modified(_ path: String) -> Date {
            ((try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date) ?? .distantPast
        }
        return candidates.max { (modified($0), $0) < (modified($1), $1) }
    }

    /// Baseline names are file names: letters, digits, `.`, `-`, `_`, not starting with a dot.
    public static func validate(name: String) throws {
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "._-"))
        guard !name.isEmpty, !name.hasPrefix("."), name.unicodeScalars.allSatisfy(allowed.contains) else {
            throw BaselineError(kind: .invalidName, "baseline name '\(name)' must be letters, digits, '.', '-' or '_' (and not start with '.')")
        }
    }

    static let machineColumns: [CSVColumn] = [.cpuModel, .logicalCores, .os]
}

/// A baseline could not be saved or found.
public struct BaselineError: Error, Sendable, CustomStringConvertible {
    /// What kind of failure this is; it decides the exit status (`ExitStatus`).
    public enum Kind: Sendable, Equatable {
        /// The baseline name is not allowed.
        case invalidName
        /// The results CSV does not exist or cannot be read.
        case unreadableInput
        /// The results CSV is not a results table, has no rows, or mixes machines.
        case malformedInput
        /// The baseline file or its folder cannot be written.
        case unwritableDestination
    }

    /// What went wrong, as a sentence for the user.
    public var description: String
    /// What kind of failure it is.
    public var kind: Kind
    /// Creates an error with its message and kind.
    public init(_ description: String, kind: Kind) {
        self.description = description
        self.kind = kind
    }
    /// Creates an error with its kind and message.
    public init(kind: Kind, _ description: String) { self.init(description, kind: kind) }
}

/// The comparison `writerbench run --compare-to NAME` prints after its run: the new results against the baseline
/// saved for the same machine, or a plain statement that there is none.
public struct BaselineCheck: Sendable {
    /// What to print.
    public var text: String
    /// The comparison's exit status (``Comparison/exitStatus``); nil when nothing was compared (no baseline for
    /// this machine, a file could not be read, or no configuration had anything to compare).
    public var exitStatus: Int32?

    /// Compares the results CSV at `resultsPath` with baseline `name` of the machine that wrote it.
    public init(resultsPath: String, baseline name: String, store: BaselineStore = BaselineStore(),
                threshold: Double = 0.05) {
        do {
            try BaselineStore.validate(name: name)
            let new = try ResultsTable(contentsOf: resultsPath)
            let machine = try BaselineStore.machineID(of: new, path: resultsPath)
            let legacy = try BaselineStore.legacyMachineID(of: new, path: resultsPath)
            let expected = store.path(name: name, machineID: machine)
            guard let path = store.existingPath(name: name, machineID: machine, legacyMachineID: legacy) else {
                let others = store.names(machineID: machine, legacyMachineID: legacy)
                text = "compare-to: no baseline '\(name)' for this machine (\(machine)); looked for \(expected). "
                    + (others.isEmpty ? "This machine has no baselines yet. " : "Baselines here: \(others.joined(separator: ", ")). ")
                    + "Save one with: writerbench baseline save \(name) --from \(resultsPath)"
                exitStatus = nil
                return
            }
            let comparison = try Comparison(base: ResultsTable(contentsOf: path), new: new, threshold: threshold)
            text = "compare-to: baseline \(path)\n" + comparison.render()
            do {
                try comparison.requireVerdicts(base: path, new: resultsPath)
                exitStatus = comparison.exitStatus
            } catch {
                text += "\ncompare-to: \(error)"
                exitStatus = nil
            }
        } catch {
            text = "compare-to: \(error)"
            exitStatus = nil
        }
    }
}
