import AnalysisCommands
import ArgumentParser

/// `writerbench`: measures how fast frames can be handed to a video encoder, and guards the answer in CI.
@main
struct WriterBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "writerbench",
        abstract: "Measure how fast a program can hand video frames to an encoder.",
        version: ProgramVersion.text,
        subcommands: [RunCommand.self, ListCommand.self, FramesCommand.self, GateCommand.self, VerifyCommand.self,
                      ReportCommand.self, CompareCommand.self, BaselineCommand.self, RecommendCommand.self,
                      AggregateCommand.self, ProbeCommand.self, PipelineCommand.self, ColumnsCommand.self,
                      CrashCommand.self, CrashChildCommand.self, SoakCommand.self, HistoryCommand.self,
                      MergeCommand.self, ExportCommand.self, BisectCommand.self]
    )

    /// ArgumentParser's main, with errors that are not exit codes mapped to status 70 (see `ExitStatus`).
    static func main() { ExitStatus.main(Self.self) }
}
