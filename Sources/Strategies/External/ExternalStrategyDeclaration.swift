/// What a strategies.d/*.toml file (or an `--external NAME='COMMAND'` argument) declares: one writer outside
/// WriterBench, run as a command line that reads raw frames on stdin.
///
/// See README.md, "Peers and external writers", for the file format and the placeholders.
public struct ExternalStrategyDeclaration: Sendable, Equatable, Decodable {
    /// Kebab-case strategy name, as in CSV rows and `--strategy`.
    public var name: String
    /// One line for `writerbench list`.
    public var summary: String
    /// The command line, run by `/bin/sh -c` after placeholder substitution (``ExternalCommand``).
    public var command: String
    /// The encoder that produces the stream (FFmpeg name, e.g. `libx264`, `mpeg4`); selects the encoder ceiling
    /// and the codec verification expects.
    public var encoder: String
    /// Output container (file extension).
    public var container: String
    /// Which of `--preset/--crf/--threads` the command is given; the others are the writer's own choice.
    public var honours: [HonouredSetting]
    /// The preset, CRF and threads the writer uses on its own for the settings it does not honour (e.g. ffmpeg's
    /// libx264 defaults `medium`/23 for a pipe that passes none); they select the encoder ceiling and fill the row.
    public var ownPreset: String?
    /// See ``ownPreset``.
    public var ownCRF: Int?
    /// See ``ownPreset``.
    public var ownThreads: Int?
    /// A command that exits 0 when the writer can run here (checked by `list` and before a run); nil: always.
    public var check: String?
    /// What to tell the user when `check` fails (e.g. "run scripts/install-peers.sh").
    public var unavailableHint: String?
    /// Anything a reader of the row should know (e.g. settings the library cannot be given), copied to `reason`.
    public var notes: String?
    /// How the writer converts and tags colour, e.g. `bt709/tv` or `smpte170m/tv/untagged`.
    public var colorPolicy: String?
    /// Longest a write may wait with the command taking none of its bytes before the command is considered stalled
    /// and its process group killed, in seconds (the same rule as the ffmpeg pipe's `--stall-timeout`).
    public var stallTimeoutSeconds: Double
    /// Longest `finish` waits for the command to exit after end of input, in seconds.
    public var finishTimeoutSeconds: Double
    /// Where the declaration came from (file path, or `--external`), for messages.
    public var origin: String = "--external"
    /// Absolute path substituted for `{root}`: the folder holding strategies.d (the package root), or the working
    /// directory for `--external`.
    public var root: String = FileManager.default.currentDirectoryPath

    /// Creates a declaration; `honours` defaults to none.
    public init(name: String, summary: String? = nil, command: String, encoder: String = "unknown",
                container: String = "mp4", honours: [HonouredSetting] = [], ownPreset: String? = nil,
                ownCRF: Int? = nil, ownThreads: Int? = nil, check: String? = nil,
                unavailableHint: String? = nil, notes: String? = nil, colorPolicy: String? = nil,
                stallTimeoutSeconds: Double = 60, finishTimeoutSeconds: Double = 300, origin: String = "--external") {
        self.name = name
        self.summary = summary ?? "external command: \(command)"
        self.command = command
        self.encoder = encoder
        self.container = container
        self.honours = honours
        self.ownPreset = ownPreset
        self.ownCRF = ownCRF
        self.ownThreads = ownThreads
        self.check = check
        self.unavailableHint = unavailableHint
        self.notes = notes
        self.colorPolicy = colorPolicy
        self.stallTimeoutSeconds = stallTimeoutSeconds
        self.finishTimeoutSeconds = finishTimeoutSeconds
        self.origin = origin
    }

    private enum CodingKeys: String, CodingKey {
        case name, summary, command, encoder, container, honours, check, notes
        case ownPreset = "preset", ownCRF = "crf", ownThreads = "threads"
        case unavailableHint = "unavailable_hint", colorPolicy = "color_policy"
        case stallTimeoutSeconds = "stall_timeout_s", finishTimeoutSeconds = "finish_timeout_s"
    }

    public init(from decoder: any Decoder) throws {
        let values = try decoder.container(keyedBy: CodingKeys.self)
        self.init(name: try values.decode(String.self, forKey: .name),
                  summary: try values.decodeIfPresent(String.self, forKey: .summary),
                  command: try values.decode(String.self, forKey: .command),
                  encoder: try values.decodeIfPresent(String.self, forKey: .encoder) ?? "unknown",
                  container: try values.decodeIfPresent(String.self, forKey: .container) ?? "mp4",
                  honours: try values.decodeIfPresent([HonouredSetting].self, forKey: .honours) ?? [],
                  ownPreset: try values.decodeIfPresent(String.self, forKey: .ownPreset),
                  ownCRF: try values.decodeIfPresent(Int.self, forKey: .ownCRF),
                  ownThreads: try values.decodeIfPresent(Int.self, forKey: .ownThreads),
                  check: try values.decodeIfPresent(String.self, forKey: .check),
                  unavailableHint: try values.decodeIfPresent(String.self, forKey: .unavailableHint),
                  notes: try values.decodeIfPresent(String.self, forKey: .notes),
                  colorPolicy: try values.decodeIfPresent(String.self, forKey: .colorPolicy),
                  stallTimeoutSeconds: try values.decodeIfPresent(Double.self, forKey: .stallTimeoutSeconds) ?? 60,
                  finishTimeoutSeconds: try values.decodeIfPresent(Double.self, forKey: .finishTimeoutSeconds) ?? 300)
    }

    /// Checks what decoding cannot: a kebab-case name, a non-empty command, positive timeouts.
    ///
    /// - Throws: ``ExternalStrategyError/invalidDeclaration(file:message:)`` naming ``origin``.
    public func validate() throws(ExternalStrategyError) {
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789-")
        guard !name.isEmpty, name.allSatisfy({ allowed.contains($0) }), name.first != "-" else {
            throw .invalidDeclaration(file: origin, message: "name '\(name)' must be kebab-case (a-z, 0-9, '-')")
        }
        guard !command.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw .invalidDeclaration(file: origin, message: "command of '\(name)' is empty")
        }
        guard stallTimeoutSeconds > 0, finishTimeoutSeconds > 0 else {
            throw .invalidDeclaration(file: origin, message: "stall_timeout_s and finish_timeout_s must be positive")
        }
        if let colorPolicy, ExternalStrategyDeclaration.parseColorPolicy(colorPolicy) == nil {
            throw .invalidDeclaration(file: origin,
                                      message: "color_policy '\(colorPolicy)' should read MATRIX/RANGE or MATRIX/RANGE/untagged, e.g. bt709/tv")
        }
    }

    /// `bt709/tv` or `bt709/tv/untagged` as a ``ColorPolicy``; nil when unreadable.
    static func parseColorPolicy(_ text: String) -> ColorPolicy? {
        let parts = text.split(separator: "/").map(String.init)
        guard parts.count == 2 || (parts.count == 3 && parts[2] == "untagged"), ["tv", "pc"].contains(parts[1]) else {
            return nil
        }
        return ColorPolicy(matrix: parts[0], range: parts[1], tagged: parts.count == 2)
    }
}

import Foundation
