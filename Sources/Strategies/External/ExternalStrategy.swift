import Foundation
import Synchronization

/// A writer outside WriterBench, declared by a command line (strategies.d/*.toml or `--external NAME='COMMAND'`):
/// WriterBench spawns the command, writes raw frames to its stdin exactly as the frame set produces them, and
/// measures the caller-side write time as for any pipe strategy. A command that times its own writes reports them
/// on fd 3 (results/README.md, "Writer-side timing"); they then fill `write_ms_*`.
public struct ExternalStrategy: WriterStrategy {
    /// What the file or argument declared.
    public let declaration: ExternalStrategyDeclaration
    /// The settings this run asks for (`--preset/--crf/--threads`), of which the command gets the honoured ones.
    public let requested: EncoderSettings

    /// The strategy for `declaration` in a run with `requested` settings.
    public init(_ declaration: ExternalStrategyDeclaration, requested: EncoderSettings = .default) {
        self.declaration = declaration
        self.requested = requested
    }

    public var name: String { declaration.name }

    public var summary: String { "\(declaration.summary) [external, \(declaration.origin)]" }

    /// The encoder the declaration names, with the requested preset/CRF/threads where honoured and the writer's
    /// own (declared) values elsewhere: the row's settings and the key of its encoder ceiling.
    public var settings: EncoderSettings {
        EncoderSettings(encoder: declaration.encoder,
                        preset: honours(.preset) ? requested.preset : declaration.ownPreset ?? "",
                        crf: honours(.crf) ? requested.crf : declaration.ownCRF ?? 0,
                        threads: honours(.threads) ? requested.threads : declaration.ownThreads ?? 0,
                        container: declaration.container)
    }

    public var colorPolicy: ColorPolicy {
        declaration.colorPolicy.flatMap(ExternalStrategyDeclaration.parseColorPolicy)
            ?? ColorPolicy(matrix: "unknown", range: "unknown", tagged: false)
    }

    /// Runs the declaration's `check` command (once per process and command; at most 20 s): available when it
    /// exits 0, else unavailable with its last words and the declaration's hint.
    public func availability() -> Availability {
        guard let check = declaration.check else { return .available }
        let text: String
        do {
            text = try ExternalCommand(template: check, values: ["root": declaration.root]).shellText
        } catch {
            return .unavailable(reason: "check command: \(error)")
        }
        let result = AvailabilityCheck.run(text)
        guard case .unavailable(let why) = result else { return .available }
        let hint = declaration.unavailableHint.map { "; \($0)" } ?? ""
        return .unavailable(reason: "\(why)\(hint)")
    }

    /// Spawns the command for `configuration`.
    ///
    /// - Throws: ``WriterError/unavailable(strategy:reason:)`` when the check fails,
    ///   ``WriterError/oddDimensions(width:height:)``, ``WriterError/unwritableOutput(path:reason:)``,
    ///   ``WriterError/invalidConfiguration(_:)`` for a placeholder without a value, or the spawn's failure.
    public func makeWriter(_ configuration: WriterConfiguration) throws -> any VideoWriter {
        if case .unavailable(let reason) = availability() {
            throw WriterError.unavailable(strategy: name, reason: reason)
        }
        try configuration.validateForYUV420()
        try OutputPath.prepare(configuration.outputPath)
        let command = try ExternalCommand(template: declaration.command, values: placeholderValues(configuration))
        return try ExternalWriter(command: command, declaration: declaration, configuration: configuration,
                                  notes: rowNotes)
    }

    /// The value of each placeholder for `configuration` (``ExternalCommand/placeholders``).
    public func placeholderValues(_ configuration: WriterConfiguration) -> [String: String] {
        let settings = self.settings
        var values = [
            "width": String(configuration.geometry.width), "height": String(configuration.geometry.height),
            "fps": String(configuration.fps), "pix_fmt": configuration.geometry.format.ffmpegName,
            "output": configuration.outputPath, "preset": settings.preset, "crf": String(settings.crf),
            "threads": String(settings.threads), "root": declaration.root,
        ]
        if let frames = configuration.expectedFrames { values["frames"] = String(frames) }
        return values
    }

    /// What the row's `reason` says about settings: which are honoured, which are the writer's own, and the notes.
    var rowNotes: [String] {
        let ignored = HonouredSetting.allCases.filter { !honours($0) }.map { "--\($0.rawValue)" }
        var notes: [String] = []
        if !ignored.isEmpty {
            notes.append("does not honour \(ignored.joined(separator: ", ")) (writer's own choice)")
        }
        if let extra = declaration.notes { notes.append(extra) }
        return notes
    }

    private func honours(_ setting: HonouredSetting) -> Bool { declaration.honours.contains(setting) }
}

/// Runs availability checks of external strategies, each command once per process.
enum AvailabilityCheck {
    private static let results = Mutex<[String: Availability]>([:])

    /// Availability from `/bin/sh -c shellText`: exit 0 within 20 s is available.
    static func run(_ shellText: String) -> Availability {
        if let known = results.withLock({ $0[shellText] }) { return known }
        let result = measure(shellText)
        results.withLock { $0[shellText] = result }
        return result
    }

    private static func measure(_ shellText: String) -> Availability {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", shellText]
        let output = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { return .unavailable(reason: "cannot run /bin/sh: \(error)") }
        let done = DispatchSemaphore(value: 0)
        let collected = Mutex<Data>(Data())
        let reader = output.fileHandleForReading
        Thread {
            let data = reader.readDataToEndOfFile()
            collected.withLock { $0 = data }
            done.signal()
        }.start()
        let deadline = Date().addingTimeInterval(20)
        while process.isRunning && Date() < deadline { usleep(5_000) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            return .unavailable(reason: "check `\(shellText)` did not finish within 20 s")
        }
        _ = done.wait(timeout: .now() + 2)
        guard process.terminationStatus != 0 else { return .available }
        let said = collected.withLock { String(decoding: $0, as: UTF8.self) }
            .split(whereSeparator: \.isNewline).last.map(String.init) ?? "no output"
        return .unavailable(reason: "check `\(shellText)` failed (status \(process.terminationStatus): \(said))")
    }
}
