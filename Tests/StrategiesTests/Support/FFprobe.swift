import Foundation

/// What ffprobe says about the first video stream of a file, counting frames by decoding them.
struct FFprobe: Equatable {
    var codec: String
    var width: Int
    var height: Int
    var decodedFrames: Int

    /// Runs `ffprobe -count_frames` on `path`; nil when ffprobe cannot read it.
    static func probe(_ path: String) throws -> FFprobe? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["ffprobe", "-v", "error", "-count_frames", "-select_streams", "v:0",
                             "-show_entries", "stream=codec_name,width,height,nb_read_frames", "-of", "csv=p=0", path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        let fields = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            .split(separator: ",").map(String.init)
        guard fields.count >= 4, let width = Int(fields[1]), let height = Int(fields[2]),
              let frames = Int(fields[3]) else { return nil }
        return FFprobe(codec: fields[0], width: width, height: height, decodedFrames: frames)
    }
}

/// A fresh temporary directory for one test's outputs.
func makeTemporaryDirectory(_ label: String = #function) throws -> String {
    let cleaned = label.filter { $0.isLetter || $0.isNumber }
    let path = NSTemporaryDirectory() + "writerbench-\(cleaned)-\(UUID().uuidString.prefix(8))"
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}
