import Foundation
import Strategies
import Testing
import TestSupport

@Suite struct ExternalStrategyDeclarationTests {
    @Test func aCompleteFileParsesWithItsSettingsAndDefaults() throws {
        let text = """
            name = "my-writer"
            summary = "a writer"
            command = "./my-writer {width} {height} {output}"
            encoder = "libx264"
            honours = ["preset", "crf"]
            preset = "medium"
            threads = 2
            """
        let declaration = try StrategiesDirectory.parse(text, file: "strategies.d/my-writer.toml")
        #expect(declaration.name == "my-writer")
        #expect(declaration.honours == [.preset, .crf])
        #expect(declaration.container == "mp4")
        #expect(declaration.origin == "strategies.d/my-writer.toml")
        let strategy = ExternalStrategy(declaration, requested: EncoderSettings(encoder: "libx264", preset: "veryfast",
                                                                               crf: 20, threads: 4))
        // Honoured settings come from the run, the others are the writer's own declared ones.
        #expect(strategy.settings == EncoderSettings(encoder: "libx264", preset: "veryfast", crf: 20, threads: 2))
    }

    @Test func aSyntaxErrorNamesTheFileAndTheLine() {
        let text = "name = \"broken\"\ncommand = \"x\"\nencoder = libx264\n"
        #expect {
            try StrategiesDirectory.parse(text, file: "strategies.d/broken.toml")
        } throws: { error in
            guard case .syntax(let file, let line, _, _) = error as? ExternalStrategyError else { return false }
            return file == "strategies.d/broken.toml" && line == 3
                && (error as? ExternalStrategyError)?.description.hasPrefix("strategies.d/broken.toml:3:") == true
        }
    }

    @Test func aMissingCommandNamesTheFileAndTheKey() {
        #expect {
            try StrategiesDirectory.parse("name = \"no-command\"\n", file: "x.toml")
        } throws: { error in
            "\(error)".contains("x.toml") && "\(error)".contains("'command'")
        }
    }

    @Test func anUnknownKeyOrSettingIsRefused() {
        #expect(throws: ExternalStrategyError.self) {
            try StrategiesDirectory.parse("name = \"a\"\ncommand = \"b\"\nencodr = \"x\"\n", file: "a.toml")
        }
        #expect(throws: ExternalStrategyError.self) {
            try StrategiesDirectory.parse("name = \"a\"\ncommand = \"b\"\nhonours = [\"bitrate\"]\n", file: "a.toml")
        }
        #expect(throws: ExternalStrategyError.self) {
            try StrategiesDirectory.parse("name = \"Not Kebab\"\ncommand = \"b\"\n", file: "a.toml")
        }
    }

    @Test func anAdHocArgumentNeedsNameEqualsCommand() throws {
        let declaration = try StrategiesDirectory.parseArgument("cat-writer=cat > {output}")
        #expect(declaration.name == "cat-writer")
        #expect(declaration.command == "cat > {output}")
        #expect(throws: ExternalStrategyError.self) { try StrategiesDirectory.parseArgument("no equals sign") }
    }

    @Test func duplicateNamesInADirectoryAreRefusedWithBothFiles() throws {
        let directory = NSTemporaryDirectory() + "wb-strategies-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        for file in ["a.toml", "b.toml"] {
            try "name = \"same\"\ncommand = \"true\"\n".write(toFile: "\(directory)/\(file)", atomically: true, encoding: .utf8)
        }
        #expect {
            try StrategiesDirectory(path: directory).load()
        } throws: { error in
            "\(error)".contains("a.toml") && "\(error)".contains("b.toml")
        }
        #expect(throws: ExternalStrategyError.self) { try StrategiesDirectory(path: directory + "/none").load(required: true) }
        #expect(try StrategiesDirectory(path: directory + "/none").load().isEmpty)
    }

    @Test func placeholdersAreQuotedForTheShellAndUnknownOnesRefused() throws {
        let command = try ExternalCommand(template: "w {width} {output}", values: ["width": "64", "output": "/tmp/a b's.mp4"])
        #expect(command.shellText == #"w '64' '/tmp/a b'\''s.mp4'"#)
        #expect(throws: WriterError.self) { try ExternalCommand(template: "w {bitrate}", values: [:]) }
        #expect(throws: WriterError.self) { try ExternalCommand(template: "w {frames}", values: [:]) }
    }

    @Test func thePackagesOwnDeclarationsParse() throws {
        let declarations = try StrategiesDirectory(path: packageRoot() + "/strategies.d").load(required: true)
        let names = Set(declarations.map(\.name))
        for peer in ["py-opencv-mp4v", "py-pyav", "py-imageio-ffmpeg", "py-ffmpeg-pipe", "gst-x264", "sh-ffmpeg-timed"] {
            #expect(names.contains(peer))
        }
        #expect(declarations.allSatisfy { $0.root == packageRoot() })
    }
}
