import AnalysisCommands
import ArgumentParser

/// `writerbench-analysis`: the commands that judge and report results CSVs — the same ones `writerbench` has — in
/// a program that links no video library, for machines (CI judges, laptops) without FFmpeg or OpenCV.
@main
struct WriterBenchAnalysisCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "writerbench-analysis",
        abstract: "Judge, compare and report WriterBench results CSVs (no video libraries needed).",
        version: ProgramVersion.text,
        subcommands: [GateCommand.self, CompareCommand.self, ReportCommand.self, RecommendCommand.self,
                      AggregateCommand.self, BaselineCommand.self, ColumnsCommand.self, HistoryCommand.self,
                      MergeCommand.self, ExportCommand.self]
    )

    /// ArgumentParser's main, with errors that are not exit codes mapped to status 70 (see `ExitStatus`).
    static func main() { ExitStatus.main(Self.self) }
}
