// The README's "The writers as a library" example, compiled here word for word (between the markers);
// ReadmeExampleTests fails when the two differ.
// example begin
import Strategies

/// Writes `count` frames of a moving ramp to `path` with `strategyName` (default `auto`: the best encoder that works
/// here) and returns what the writer reports once the file is complete.
func writeRamp(to path: String, strategyName: String = "auto", width: Int = 320, height: Int = 240,
               count: Int = 30) throws -> WriterReport {
    guard let strategy = StrategyRegistry.named(strategyName) else {
        throw WriterError.invalidConfiguration("no strategy \(strategyName); see StrategyRegistry.names")
    }
    if let reason = strategy.availability().reason {
        throw WriterError.unavailable(strategy: strategy.name, reason: reason)
    }
    let writer = try strategy.makeWriter(WriterConfiguration(outputPath: path, width: width, height: height, fps: 30))
    do {
        for index in 0..<count {
            let frame = Frame(width: width, height: height) { pixels in  // BGR24, tightly packed
                for offset in pixels.indices { pixels[offset] = UInt8(truncatingIfNeeded: offset / 3 + index * 4) }
            }
            try writer.write(frame)  // an -async strategy only hands the frame to its queue here
        }
        return try writer.finish()  // flushes the encoder and completes the file
    } catch {
        writer.abort()  // leaves no child process, thread or encoder behind
        throw error
    }
}
// example end
