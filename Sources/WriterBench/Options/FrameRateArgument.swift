import ArgumentParser
import Strategies

/// Reads `--fps` of `run` and `frames`: a whole rate, an NTSC decimal (29.97 = 30000/1001) or a fraction N/D, with a
/// message naming those forms when the text is none of them.
enum FrameRateArgument {
    /// `text` as a frame rate; throws a ``ValidationError`` naming the accepted forms.
    static func parse(_ text: String) throws -> FrameRate {
        guard let rate = FrameRate(parsing: text) else {
            throw ValidationError("'\(text)' is not a positive frame rate; give frames/s as 30, 29.97 (= 30000/1001), "
                                  + "12.5 or a fraction such as 30000/1001")
        }
        return rate
    }
}
