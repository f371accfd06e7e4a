import Foundation

extension EncoderProbe {
    /// Runs the ffmpeg program's test encode (``HardwarePipeStrategy/probeArguments(_:)``) and reports what ffmpeg
    /// printed if it failed or did not finish within ``ffmpegTimeoutSeconds``.
    static func probeProgram(_ encoder: HardwareEncoder, executable: String) -> Availability {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = HardwarePipeStrategy.probeArguments(encoder)
        let stderr = Pipe()
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = stderr
        do {
            try process.run()
        } catch {
            return .unavailable(reason: "cannot start \(executable): \(error.localizedDescription)")
        }
        // Polled rather than waited for, so a hung driver ends in a reason instead of a hung probe. Reading stderr
        // after the exit is safe: at `-loglevel error` ffmpeg prints a few lines, far below the pipe's buffer.
        let deadline = Date().addingTimeInterval(ffmpegTimeoutSeconds)
        while process.isRunning && Date() < deadline { usleep(5_000) }
        let timedOut = process.isRunning
        if timedOut { process.terminate() }
        process.waitUntilExit()
        let output = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        if !timedOut && process.terminationReason == .exit && process.terminationStatus == 0 { return .available }
        let said = cause(in: output)
        if timedOut {
            return .unavailable(reason: "ffmpeg did not finish a one-frame test encode within \(Int(ffmpegTimeoutSeconds)) s"
                                + (said.isEmpty ? "" : "; ffmpeg said: \(said)"))
        }
        return .unavailable(reason: said.isEmpty ? "ffmpeg's test encode failed (status \(process.terminationStatus)) without a message" : said)
    }

    /// What ffmpeg said, shortened to its cause: the lines a libav component logged (`[h264_nvenc @ 0x…] Cannot load
    /// libcuda.so.1`), else the first lines, at most `count`, in the form of ``LibAVLogCapture/readable(_:)`` and
    /// joined with " | ". ffmpeg prints the cause first and then its generic consequences ("Error initializing output
    /// stream 0:0 … maybe incorrect parameters such as bit_rate …", "Error parsing global options …"), which would
    /// only bury it.
    static func cause(in output: String, count: Int = 2) -> String {
        let lines = output.split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        let fromComponents = lines.filter { $0.hasPrefix("[") }
        return (fromComponents.isEmpty ? lines : fromComponents)
            .prefix(count)
            .map { LibAVLogCapture.readable($0) }
            .joined(separator: " | ")
    }
}
