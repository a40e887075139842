import Foundation

/// The difference of two means with its 95 % confidence interval by Welch's t-interval (unequal
/// variances, Welch–Satterthwaite degrees of freedom), and the verdict on "a ≥ b" it supports.
struct WelchComparison {
    enum Verdict: String { case holds = "HOLDS", fails = "FAILS", inconclusive = "INCONCLUSIVE" }

    let difference: Double
    /// The 95 % interval of the difference; nil with fewer than two values on a side.
    let interval: (low: Double, high: Double)?

    /// Whether a smaller value is better (a loss): the claim is then "a ≤ b".
    let lowerIsBetter: Bool

    init(_ a: [Double], _ b: [Double], lowerIsBetter: Bool = false) {
        self.lowerIsBetter = lowerIsBetter
        let (ma, va) = Self.meanAndVariance(a), (mb, vb) = Self.meanAndVariance(b)
        difference = ma - mb
        guard a.count >= 2, b.count >= 2 else { interval = nil; return }
        let qa = va / Double(a.count), qb = vb / Double(b.count)
        let se = (qa + qb).squareRoot()
        guard se > 0 else { interval = (difference, difference); return }
        let df = (qa + qb) * (qa + qb) / (qa * qa / Double(a.count - 1) + qb * qb / Double(b.count - 1))
        let t = Self.studentQuantile(0.975, df)
        interval = (difference - t * se, difference + t * se)
    }

    /// "a ≥ b" (for a loss, "a ≤ b") holds when the interval lies on the better side of 0, fails when
    /// on the worse side, and is inconclusive when it straddles 0 or cannot be formed.
    var verdict: Verdict {
        guard let interval else { return .inconclusive }
        let (low, high, d) = lowerIsBetter ? (-interval.high, -interval.low, -difference) : (interval.low, interval.high, difference)
        if low > 0 || (low == 0 && high == 0 && d >= 0) { return .holds }
        if high < 0 { return .fails }
        return .inconclusive
    }

    var text: String {
        let d = String(format: "%+.4f", difference)
        guard let interval else { return "\(d), no interval with one seed" }
        return "\(d) [\(String(format: "%+.4f", interval.low)), \(String(format: "%+.4f", interval.high))]"
    }

    private static func meanAndVariance(_ x: [Double]) -> (Double, Double) {
        guard !x.isEmpty else { return (.nan, .nan) }
        let m = x.reduce(0, +) / Double(x.count)
        guard x.count > 1 else { return (m, 0) }
        return (m, x.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(x.count - 1))
    }

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
