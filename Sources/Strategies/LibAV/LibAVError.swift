import CFFmpeg

/// A failed libav call: the call's name, its negative return code and `av_strerror`'s text.
public struct LibAVError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The libav function that failed, e.g. `avcodec_open2`.
    public var call: String
    /// Its negative return value (an AVERROR code).
    public var code: Int32
    /// `av_strerror`'s description of `code`.
    public var message: String

    /// Describes `code` returned by `call`.
    public init(call: String, code: Int32) {
        self.call = call
        self.code = code
        var buffer = [CChar](repeating: 0, count: 256)
        if av_strerror(code, &buffer, buffer.count) == 0 {
            message = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        } else {
            message = "unknown libav error \(code)"
        }
    }

    /// A failure that has no AVERROR code (e.g. an allocation that returned NULL).
    public init(call: String, message: String) {
        self.call = call
        self.code = 0
        self.message = message
    }

    public var description: String { "\(call): \(message)" }

    /// Returns `result` when it is ≥ 0; throws a ``LibAVError`` naming `call` otherwise. The one place libav return
    /// codes are checked.
    @discardableResult
    public static func check(_ result: Int32, _ call: @autoclosure () -> String) throws -> Int32 {
        guard result >= 0 else { throw LibAVError(call: call(), code: result) }
        return result
    }
}
