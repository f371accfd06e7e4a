import Analysis
import AnalysisCommands
import ArgumentParser
import Harness
import Strategies

/// `writerbench probe`: which hardware encoders really encode here, in-process and through ffmpeg, and why not.
struct ProbeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "probe",
        abstract: "Test-encode one frame with every hardware encoder and show which work here, and why not.",
        discussion: """
            Each encoder is opened in-process (libav, as the hw-*-libav strategies do) and through the ffmpeg \
            program (as the hw-*-pipe strategies do) and encodes one 256x256 frame; a failure shows the library's \
            own reason. Ends with the environment and the encoder `auto` would use. Exit status 0 either way.
            """ + "\n\n" + ExitStatus.table)

    @OptionGroup var encoderOptions: EncoderOptions

    func run() throws {
        let environment = EnvironmentFingerprint.current()
        print("environment")
        for (field, value) in [("host", environment.host), ("cpu", environment.cpuModel),
                               ("logical cores", String(environment.logicalCores)), ("os", environment.os),
                               ("libav", environment.libavVersion),
                               ("ffmpeg", environment.ffmpegVersion.isEmpty ? "(not found)" : environment.ffmpegVersion),
                               ("opencv", environment.opencvVersion), ("git", environment.gitRevision)] {
            print("  \(field): \(value)")
        }

        var table = PlainTable(header: ["encoder", "path", "status", "reason"])
        for result in EncoderProbe.probeAll() {
            for path in EncoderPath.allCases {
                let availability = result.availability(via: path)
                table.rows.append([result.encoder.ffmpegName, path.rawValue,
                                   availability.isAvailable ? "available" : "unavailable", availability.reason ?? ""])
            }
        }
        print("\n" + table.render())
        print("\n" + AutoStrategy(options: encoderOptions.strategyOptions).plan().summary)
    }
}
