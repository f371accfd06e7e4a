import Analysis
import Strategies
import Verification

extension OutputVerifier {
    /// Creates a verifier for a run that wrote `frameSet`'s frames through a ring of `ringSize` distinct frames
    /// (run frame `i` is set frame `i % ringSize`, see ``FrameRing``); `ringSize` nil means no ring. Content below
    /// `qualityFloor` makes the file invalid.
    public init(frameSet: FrameSet, size: FrameSize, frameCount: Int, ringSize: Int? = nil,
                framesPerSecond: Double, codec: String? = nil, qualityStride: Int = 1,
                qualityFloor: QualityFloor = .standard) {
        let ring = max(1, ringSize ?? frameCount)
        self.init(frameCount: frameCount, framesPerSecond: framesPerSecond, size: size, codec: codec,
                  qualityStride: qualityStride, qualityFloor: qualityFloor) { index in frameSet.frame(index % ring, size: size) }
    }
}
