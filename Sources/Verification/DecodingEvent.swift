/// What a ``DecodingThread`` hands to the thread that verifies a file, in the order it happened.
enum DecodingEvent {
    /// The next decoded picture; give it back with ``DecodingThread/recycle(_:)`` once it has been scored.
    case picture(DecodedPicture)
    /// Reading the next packet failed (libav's words); the decoder is drained after it and the stream ends.
    case readError(String)
    /// The decoder refused a packet or failed on a picture (libav's words); decoding goes on with the next packet.
    case decodeError(String)
    /// Every packet has been read and every delayed picture drained: nothing follows.
    case end
    /// Nothing came from the decoding thread within the bound given to ``DecodingThread/next(within:)``.
    case stalled
}
