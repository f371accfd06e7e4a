import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Where and with what a run happened: the environment columns of every CSV row.
public struct EnvironmentFingerprint: Sendable, Equatable {
    /// ISO 8601 time the run started (UTC).
    public var timestamp: String
    /// `git rev-parse --short HEAD` of the checkout the program was built in (else of the working directory),
    /// `+dirty` when it has changes; empty outside git.
    public var gitRevision: String
    /// Host name.
    public var host: String
    /// CPU model name from /proc/cpuinfo.
    public var cpuModel: String
    /// Logical cores available to this process.
    public var logicalCores: Int
    /// Kernel and distribution, e.g. "Linux 6.1.0 (Debian GNU/Linux 12 (bookworm))".
    public var os: String
    /// libav (FFmpeg libraries) version linked in-process.
    public var libavVersion: String
    /// Version of the `ffmpeg` program the pipe strategies run; empty when there is none.
    public var ffmpegVersion: String
    /// OpenCV version linked in-process.
    public var opencvVersion: String

    /// Creates a fingerprint from explicit values (tests, CSV round trips).
    public init(timestamp: String, gitRevision: String, host: String, cpuModel: String, logicalCores: Int, os: String,
                libavVersion: String, ffmpegVersion: String, opencvVersion: String) {
        self.timestamp = timestamp
        self.gitRevision = gitRevision
        self.host = host
        self.cpuModel = cpuModel
        self.logicalCores = logicalCores
        self.os = os
        self.libavVersion = libavVersion
        self.ffmpegVersion = ffmpegVersion
        self.opencvVersion = opencvVersion
    }


    /// Reads this machine's fingerprint now (time, git revision of the working directory, host, CPU, cores, OS) with
    /// the library versions the caller knows; the analysis commands, which link no video library, leave them empty.
    public static func machine(libavVersion: String = "", ffmpegVersion: String = "", opencvVersion: String = "")
        -> EnvironmentFingerprint {
        EnvironmentFingerprint(
            timestamp: ISO8601DateFormatter().string(from: Date()),
            gitRevision: gitRevision(),
            host: ProcessInfo.processInfo.hostName,
            cpuModel: cpuModel(),
            logicalCores: ProcessInfo.processInfo.activeProcessorCount,
            os: operatingSystem(),
            libavVersion: libavVersion,
            ffmpegVersion: ffmpegVersion,
            opencvVersion: opencvVersion)
    }

    /// A short stable name for this kind of machine (CPU model, cores, OS release), for baseline folders.
    public var machineID: String {
        Self.machineID(cpuModel: cpuModel, logicalCores: String(logicalCores), os: os)
    }

    /// The ID the machine had before kernel builds were left out (see ``legacyMachineID(cpuModel:logicalCores:os:)``).
    public var legacyMachineID: String {
        Self.legacyMachineID(cpuModel: cpuModel, logicalCores: String(logicalCores), os: os)
    }

    /// The machine ID from the `cpu_model`, `logical_cores` and `os` texts of a results row, so that a CSV's machine
    /// is named exactly as the machine that wrote it named itself: slug of the CPU model, core count, and 8 hex
    /// digits of an FNV-1a hash of the CPU model, the cores and the OS release (``osRelease(_:)``: distribution and
    /// major version, no kernel build), so that a kernel update keeps the ID. Memory size is not part of it: the
    /// CSV has no memory column to rebuild it from.
    public static func machineID(cpuModel: String, logicalCores: String, os: String) -> String {
        hashedID(cpuModel: cpuModel, logicalCores: logicalCores, os: osRelease(os))
    }

    /// The earlier ID, which hashed the whole `os` text including the kernel release; ``BaselineStore`` still finds
    /// baselines saved under it.
    public static func legacyMachineID(cpuModel: String, logicalCores: String, os: String) -> String {
        hashedID(cpuModel: cpuModel, logicalCores: logicalCores, os: os)
    }

    /// The distribution and its major version from an `os` text, without the kernel release or codename:
    /// "Linux 6.1.0-18-amd64 (Debian GNU/Linux 12 (bookworm))" → "Debian GNU/Linux 12",
    /// "Linux 5.15.0 (Ubuntu 22.04.3 LTS)" → "Ubuntu 22"; without a distribution, the kernel's name ("Linux").
    public static func osRelease(_ os: String) -> String {
        guard let open = os.firstIndex(of: "("), let close = os.lastIndex(of: ")"), open < close else {
            return os.split(separator: " ").first.map(String.init) ?? os
        }
        var words: [String] = []
        for word in os[os.index(after: open)..<close].split(separator: " ") {
            if word.hasPrefix("(") { break }
            if word.first?.isNumber == true {
                words.append(String(word.prefix { $0 != "." }))
                break
            }
            words.append(String(word))
        }
        return words.joined(separator: " ")
    }

    private static func hashedID(cpuModel: String, logicalCores: String, os: String) -> String {
        let text = "\(cpuModel)|\(logicalCores)|\(os)"
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325 // FNV-1a
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        let model = cpuModel.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" }
        let slug = String(model).split(separator: "-").prefix(4).joined(separator: "-")
        return "\(slug.isEmpty ? "cpu" : slug)-\(logicalCores)c-\(String(hash, radix: 16).prefix(8))"
    }

    private static func cpuModel() -> String {
        guard let info = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8) else { return "unknown" }
        for line in info.split(separator: "\n") where line.hasPrefix("model name") {
            if let value = line.split(separator: ":", maxSplits: 1).last {
                return value.trimmingCharacters(in: .whitespaces)
            }
        }
        return "unknown"
    }

    private static func operatingSystem() -> String {
        var name = utsname()
        uname(&name)
        let kernel = withUnsafeBytes(of: &name.sysname) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        let release = withUnsafeBytes(of: &name.release) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        var distribution = ""
        if let text = try? String(contentsOfFile: "/etc/os-release", encoding: .utf8) {
            for line in text.split(separator: "\n") where line.hasPrefix("PRETTY_NAME=") {
                distribution = line.dropFirst("PRETTY_NAME=".count).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            }
        }
        return distribution.isEmpty ? "\(kernel) \(release)" : "\(kernel) \(release) (\(distribution))"
    }

    /// The revision of the checkout the program was built in (``PackageLocation/root``), else of the working
    /// directory: the code that ran, wherever it was started from.
    private static func gitRevision() -> String {
        let folder = PackageLocation.root ?? "."
        guard let revision = firstLine(of: "/usr/bin/env", ["git", "-C", folder, "rev-parse", "--short", "HEAD"]) else { return "" }
        let status = output(of: "/usr/bin/env", ["git", "-C", folder, "status", "--porcelain", "--untracked-files=no"]) ?? ""
        return status.isEmpty ? revision : revision + "+dirty"
    }

    /// The first line a program printed on standard output, or nil when it could not run or failed.
    public static func firstLine(of executable: String, _ arguments: [String]) -> String? {
        output(of: executable, arguments)?.split(separator: "\n").first.map(String.init)
    }

    private static func output(of executable: String, _ arguments: [String]) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        // Bounded: a program that hangs (an `ffmpeg` stand-in that never answers) is killed after the timeout and
        // counts as one that failed, instead of hanging the run before it starts.
        let reader = pipe.fileHandleForReading
        let collected = CollectedOutput()
        let thread = Thread {
            collected.store(reader.readDataToEndOfFile())
        }
        thread.start()
        let deadline = Date().addingTimeInterval(outputTimeoutSeconds)
        while !collected.isDone && Date() < deadline { usleep(2_000) }
        while process.isRunning && Date() < deadline { usleep(2_000) }
        guard collected.isDone, !process.isRunning else {
            kill(-process.processIdentifier, SIGKILL)
            kill(process.processIdentifier, SIGKILL)
            return nil
        }
        guard process.terminationStatus == 0, let data = collected.data else { return nil }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// How long ``firstLine(of:_:)`` waits for a program to print and exit.
    static let outputTimeoutSeconds = 10.0
}

/// Standard output of a program, read to its end on a helper thread.
///
/// `@unchecked Sendable`: `data` is written once and read only after `isDone`, both under `lock`.
private final class CollectedOutput: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Data?

    func store(_ data: Data) { lock.withLock { stored = data } }

    var isDone: Bool { lock.withLock { stored != nil } }

    var data: Data? { lock.withLock { stored } }
}
