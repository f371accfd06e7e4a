import Foundation

/// Welch's unequal-variances t-test: is the mean of one sample different from another's?
public enum WelchTTest {
    /// Two-sided p-value for "the two means are equal"; 1 when either sample has fewer than two values. Two samples
    /// without any spread give 0 when their means differ and 1 when they are equal.
    public static func pValue(_ a: [Double], _ b: [Double]) -> Double {
        guard a.count >= 2, b.count >= 2 else { return 1 }
        let (meanA, varA) = meanAndVariance(a)
        let (meanB, varB) = meanAndVariance(b)
        let sa = varA / Double(a.count), sb = varB / Double(b.count)
        let standardError = (sa + sb).squareRoot()
        guard standardError > 0 else { return meanA == meanB ? 1 : 0 }
        let t = (meanA - meanB) / standardError
        let df = (sa + sb) * (sa + sb)
            / (sa * sa / Double(a.count - 1) + sb * sb / Double(b.count - 1))
        return studentTwoSided(t: t, degreesOfFreedom: df)
    }

    /// |t| of the two samples' means (0 with fewer than two values on a side; infinite without spread).
    public static func statistic(_ a: [Double], _ b: [Double]) -> Double {
        guard a.count >= 2, b.count >= 2 else { return 0 }
        let (meanA, varA) = meanAndVariance(a)
        let (meanB, varB) = meanAndVariance(b)
        let standardError = (varA / Double(a.count) + varB / Double(b.count)).squareRoot()
        guard standardError > 0 else { return meanA == meanB ? 0 : .infinity }
        return abs(meanA - meanB) / standardError
    }

    /// P(|T| ≥ |t|) for Student's t with `degreesOfFreedom`: the regularized incomplete beta
    /// I_{ν/(ν+t²)}(ν/2, 1/2).
    public static func studentTwoSided(t: Double, degreesOfFreedom df: Double) -> Double {
        guard t.isFinite else { return 0 }
        return regularizedIncompleteBeta(a: df / 2, b: 0.5, x: df / (df + t * t))
    }

    static func meanAndVariance(_ values: [Double]) -> (Double, Double) {
        let mean = values.reduce(0, +) / Double(values.count)
        let squares = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        return (mean, squares / Double(values.count - 1))
    }

    /// I_x(a, b), evaluated with its continued fraction on the side of x where it converges fast.
    static func regularizedIncompleteBeta(a: Double, b: Double, x: Double) -> Double {
        if x <= 0 { return 0 }
        if x >= 1 { return 1 }
        let logBeta: Double = lgamma(a) + lgamma(b) - lgamma(a + b)
        let logPowers: Double = a * log(x) + b * log(1 - x)
        let logFront = logPowers - logBeta
        if x < (a + 1) / (a + b + 2) {
            return exp(logFront) * continuedFraction(a: a, b: b, x: x) / a
        }
        return 1 - exp(logFront) * continuedFraction(a: b, b: a, x: 1 - x) / b
    }

    /// The continued fraction of the incomplete beta function, by the modified Lentz method.
    private static func continuedFraction(a: Double, b: Double, x: Double) -> Double {
        let tiny = 1e-300
        func guarded(_ value: Double) -> Double { abs(value) < tiny ? tiny : value }
        var c = 1.0
        var d = 1 / guarded(1 - (a + b) * x / (a + 1))
        var result = d
        for m in 1...400 {
            let m = Double(m)
            let even = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m))
            d = 1 / guarded(1 + even * d)
            c = guarded(1 + even / c)
            result *= d * c
            let odd = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))
            d = 1 / guarded(1 + odd * d)
            c = guarded(1 + odd / c)
            let step = d * c
            result *= step
            if abs(step - 1) < 1e-12 { break }
        }
        return result
    }
}
