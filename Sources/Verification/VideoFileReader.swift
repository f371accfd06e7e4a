import CFFmpeg
import Foundation
import Strategies

/// Decodes a video file to BGR24 frames with libav, in presentation order (confined to one thread), converting with the stream's tagged
/// matrix and range (the documented defaults when untagged, see ``ColorInterpretation``).
public final class VideoFileReader {
    private let input: DecodingInput
    private let decoder: VideoDecoder
    private let packet: DemuxedPacket
    private let picture: DecodedPicture
    private var converter: DecodedFrameConverter?
    private let limit: Int?
    private var produced = 0
    private var drained = false
    private var inputEnded = false

    /// Opens `path`; `limit` stops after that many frames.
    ///
    /// - Throws: ``LibAVError`` when libav cannot open or decode the file.
    public init(path: String, limit: Int?) throws {
        input = try DecodingInput(path: path)
        decoder = try VideoDecoder(codec: input.decoder, parameters: input.codecParameters, timeBase: input.timeBase)
        packet = try DemuxedPacket()
        picture = try DecodedPicture()
        self.limit = limit
    }

    /// The next frame in presentation order, or nil after the last one (or the limit).
    public func next() throws -> Frame? {
        if let limit, produced >= limit { return nil }
        while !drained {
            if try decoder.receive(into: picture) {
                if converter == nil {
                    converter = try DecodedFrameConverter(interpretation: ColorInterpretation(
                        tags: input.colorTags, height: picture.height, pixelFormat: picture.pixelFormat),
                                                          reusesStorage: false)
                }
                produced += 1
                return try converter!.convert(picture)
            }
            if inputEnded { drained = true; break }
            let more = try input.readVideoPacket(into: packet)
            // A nil packet starts draining the decoder's delayed pictures.
            try decoder.send(more ? packet : nil)
            inputEnded = !more
        }
        return nil
    }
}
