import FrameScan

extension YUVMatrix {
    /// The matrix's luma weights of red and blue, Kr and Kb (green's is 1 − Kr − Kb), as its standard defines them.
    var lumaWeights: (red: Double, blue: Double) {
        switch self {
        case .bt601: (0.299, 0.114)
        case .bt709: (0.2126, 0.0722)
        case .smpte240m: (0.212, 0.087)
        case .fcc: (0.30, 0.11)
        case .bt2020: (0.2627, 0.0593)
        }
    }
}

extension YUV420Coefficients {
    /// The fixed-point conversion for `matrix` at full (`pc`) or limited (`tv`) range.
    init(matrix: YUVMatrix, fullRange: Bool) {
        let (red, blue) = matrix.lumaWeights
        self.init(lumaWeights: red, blue: blue, fullRange: fullRange)
    }
}
