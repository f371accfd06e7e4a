import Analysis
import Strategies
import Verification

extension OutputVerifier {
    /// Creates a verifier for a run that wrote `frameSet`'s frames through a ring of `ringSize` distinct frames
    /// (run frame `i` is set frame `i % ringSize`, see ``FrameRing``); `ringSize` nil means no ring.
    public init(frameSet: FrameSet, size: FrameSize, frameCount: Int, ringSize: Int? = nil,
                framesPerSecond: Double, codec: String? = nil, qualityStride: Int = 1) {
        let ring = max(1, ringSize ?? frameCount)
        self.init(frameCount: frameCount, framesPerSecond: framesPerSecond, size: size, codec: codec,
                  qualityStride: qualityStride) { index in frameSet.frame(index % ring, size: size) }
    }
}
