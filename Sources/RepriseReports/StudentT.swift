import Foundation

/// Student's t distribution: its CDF through the regularized incomplete beta function, and its
/// quantiles by bisection. Used by the claims' intervals and p-values (`ClaimComparison`).
enum StudentT {
    /// The p-quantile of Student's t with `df` degrees of freedom, by bisection on its CDF.
    static func studentQuantile(_ p: Double, _ df: Double) -> Double {
        var low = 0.0, high = 1000.0
        for _ in 0..<200 {
            let mid = (low + high) / 2
            if studentCDF(mid, df) < p { low = mid } else { high = mid }
        }
        return (low + high) / 2
    }

    /// `P(T ≤ t)` for `t ≥ 0`: `1 − I_x(df/2, 1/2)/2` with `x = df/(df + t²)`.
    static func studentCDF(_ t: Double, _ df: Double) -> Double {
        1 - 0.5 * regularizedBeta(df / (df + t * t), df / 2, 0.5)
    }

    /// The regularized incomplete beta `I_x(a, b)` by its continued fraction (Lentz's method).
    static func regularizedBeta(_ x: Double, _ a: Double, _ b: Double) -> Double {
        if x <= 0 { return 0 }
        if x >= 1 { return 1 }
        let logGammas: Double = lgamma(a + b) - lgamma(a) - lgamma(b)
        let logPowers: Double = a * log(x) + b * log(1 - x)
        let front = exp(logGammas + logPowers)
        if x > (a + 1) / (a + b + 2) { return 1 - regularizedBeta(1 - x, b, a) }
        let tiny = 1e-300
        var c = 1.0, d = 1 - (a + b) * x / (a + 1)
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var f = d
        for m in 1...300 {
            let m2 = Double(2 * m), md = Double(m)
            var numerator = md * (b - md) * x / ((a + m2 - 1) * (a + m2))
            d = 1 + numerator * d; if abs(d) < tiny { d = tiny }; d = 1 / d
            c = 1 + numerator / c; if abs(c) < tiny { c = tiny }
            f *= d * c
            numerator = -(a + md) * (a + b + md) * x / ((a + m2) * (a + m2 + 1))
            d = 1 + numerator * d; if abs(d) < tiny { d = tiny }; d = 1 / d
            c = 1 + numerator / c; if abs(c) < tiny { c = tiny }
            let delta = d * c
            f *= delta
            if abs(delta - 1) < 1e-15 { break }
        }
        return front * f / a
    }
}
