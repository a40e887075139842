import Foundation
import RepriseNumerics

/// The statistics behind the claim kinds other than the t-comparisons (`ClaimComparison`): Wilson
/// intervals, Brown–Forsythe, Page's trend test, the bootstrap of a percentile rank, and the power
/// of a t-test. Each is tested against SciPy or statsmodels (`Fixtures/claims-scipy.json`).
enum Statistics {
    /// The standard normal CDF and upper quantile.
    static func normalCDF(_ z: Double) -> Double { 0.5 * erfc(-z / 2.0.squareRoot()) }
    static func normalQuantile(_ p: Double) -> Double {
        // Bisection on the CDF: exact to rounding, and only ever asked for a handful of levels.
        var low = -40.0, high = 40.0
        for _ in 0..<200 {
            let mid = (low + high) / 2
            if normalCDF(mid) < p { low = mid } else { high = mid }
        }
        return (low + high) / 2
    }

    /// Wilson's score interval of a proportion `successes / trials` at two-sided `level`
    /// (statsmodels `proportion_confint(method="wilson")`).
    static func wilson(successes: Int, trials: Int, level: Double = 0.95) -> (low: Double, high: Double) {
        wilson(rate: trials > 0 ? Double(successes) / Double(trials) : 0, units: trials, level: level)
    }

    /// Wilson's interval for a rate observed over `units` independent units (a rate per unit that
    /// is 0 or 1 gives the count form above; clusters whose own rates lie between count as one
    /// unit each at their mean, which is conservative: a cluster's rate varies no more than a
    /// Bernoulli draw with its mean).
    static func wilson(rate p: Double, units trials: Int, level: Double = 0.95) -> (low: Double, high: Double) {
        guard trials > 0 else { return (0, 1) }
        let z = normalQuantile(0.5 + level / 2), n = Double(trials)
        let denominator = 1 + z * z / n
        let centre = (p + z * z / (2 * n)) / denominator
        let half = z * (p * (1 - p) / n + z * z / (4 * n * n)).squareRoot() / denominator
        return (max(0, centre - half), min(1, centre + half))
    }

    /// Brown–Forsythe's test of equal spread between two samples (Levene's test on absolute
    /// deviations from each sample's median; SciPy `levene(center="median")`): the statistic W
    /// (an F on 1 and n − 2 degrees of freedom), its p-value, and the mean absolute deviation of each.
    static func brownForsythe(_ a: [Double], _ b: [Double]) -> (w: Double, p: Double, spreadA: Double, spreadB: Double)? {
        guard a.count >= 2, b.count >= 2 else { return nil }
        func deviations(_ x: [Double]) -> [Double] {
            let s = x.sorted(), n = s.count
            let median = n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2
            return x.map { abs($0 - median) }
        }
        let za = deviations(a), zb = deviations(b)
        let na = Double(za.count), nb = Double(zb.count), n = na + nb
        let ma = za.reduce(0, +) / na, mb = zb.reduce(0, +) / nb, m = (za.reduce(0, +) + zb.reduce(0, +)) / n
        let between = na * (ma - m) * (ma - m) + nb * (mb - m) * (mb - m)
        let within = za.reduce(0) { $0 + ($1 - ma) * ($1 - ma) } + zb.reduce(0) { $0 + ($1 - mb) * ($1 - mb) }
        let df = n - 2
        guard within > 0 else { return (between > 0 ? .infinity : .nan, between > 0 ? 0 : 1, ma, mb) }
        let w = df * between / within
        // F(1, df) = t²(df): p = P(|T| > √W).
        let p = 2 * (1 - StudentT.studentCDF(w.squareRoot(), df))
        return (w, min(1, max(0, p)), ma, mb)
    }

    /// Page's L test of an increasing trend across `k` ordered treatments (columns, in the claimed
    /// order) over `n` blocks (rows: seeds): ranks within each block (ties averaged), L = Σ j·Rⱼ,
    /// and its normal approximation (SciPy `page_trend_test(method="asymptotic")`): the one-sided p
    /// of "later columns rank higher".
    static func pageTrend(_ blocks: [[Double]]) -> (l: Double, z: Double, p: Double)? {
        guard let k = blocks.first?.count, k >= 3 || (k >= 2 && blocks.count >= 2), blocks.allSatisfy({ $0.count == k }), !blocks.isEmpty
        else { return nil }
        var rankSums = [Double](repeating: 0, count: k)
        for row in blocks {
            for (j, r) in averageRanks(row).enumerated() { rankSums[j] += r }
        }
        let n = Double(blocks.count), kk = Double(k)
        let l = rankSums.enumerated().reduce(0) { $0 + Double($1.offset + 1) * $1.element }
        let mean = n * kk * (kk + 1) * (kk + 1) / 4
        let variance = n * kk * kk * (kk + 1) * (kk * kk - 1) / 144
        let z = (l - mean) / variance.squareRoot()
        return (l, z, 1 - normalCDF(z))
    }

    /// Ranks 1 … n, ties given their average rank.
    static func averageRanks(_ x: [Double]) -> [Double] {
        let order = x.indices.sorted { x[$0] < x[$1] }
        var ranks = [Double](repeating: 0, count: x.count), i = 0
        while i < order.count {
            var j = i
            while j + 1 < order.count && x[order[j + 1]] == x[order[i]] { j += 1 }
            for t in i...j { ranks[order[t]] = Double(i + j) / 2 + 1 }
            i = j + 1
        }
        return ranks
    }

    /// The percentile rank of `value` in `sample`, in percent: the share below it plus half the
    /// share equal to it (SciPy `percentileofscore(kind="mean")`).
    static func percentileRank(_ value: Double, in sample: [Double]) -> Double {
        guard !sample.isEmpty else { return .nan }
        let below = sample.filter { $0 < value }.count, equal = sample.filter { $0 == value }.count
        return 100 * (Double(below) + 0.5 * Double(equal)) / Double(sample.count)
    }

    /// The `q`-quantile of `x` (0 … 1) by linear interpolation between order statistics (NumPy's default).
    static func quantile(_ x: [Double], _ q: Double) -> Double {
        let s = x.sorted()
        guard !s.isEmpty else { return .nan }
        let h = q * Double(s.count - 1), i = Int(h.rounded(.down))
        return i + 1 < s.count ? s[i] + (h - Double(i)) * (s[i + 1] - s[i]) : s[i]
    }

    /// The bootstrap percentile interval (two-sided `level`) of `statistic` over resamples of `sample`
    /// with replacement, drawn from Reprise's own stream `(claims, *, 0, stream)`: the same data give
    /// the same interval on every machine.
    static func bootstrapInterval(_ sample: [Double], resamples: Int = 10_000, level: Double = 0.95, stream: String,
                                  _ statistic: ([Double]) -> Double) -> (low: Double, high: Double) {
        var rng = RandomStream(experiment: "claims", variant: StreamKey.shared, seed: 0, name: stream)
        var values: [Double] = [], draw = [Double](repeating: 0, count: sample.count)
        values.reserveCapacity(resamples)
        for _ in 0..<resamples {
            for i in draw.indices { draw[i] = sample[rng.integer(below: sample.count)] }
            values.append(statistic(draw))
        }
        return (quantile(values, (1 - level) / 2), quantile(values, (1 + level) / 2))
    }

    /// P(T > c) for T noncentral t with `df` degrees of freedom and noncentrality `delta`:
    /// ∫ Φ(δ − c·s) f_S(s) ds over S = √(χ²_df / df), by Simpson's rule on S's effective support.
    static func noncentralTSurvival(_ c: Double, df: Double, delta: Double) -> Double {
        min(1, max(0, overScale(df: df) { normalCDF(delta - c * $0) }))
    }

    /// E[g(S)] for S = √(χ²_df / df), the ratio of a sample's standard deviation to the true one:
    /// Simpson's rule on S's effective support, cut at `upTo` (where g turns 0 beyond).
    static func overScale(df: Double, upTo cut: Double = .infinity, _ g: (Double) -> Double) -> Double {
        let logNorm = log(2.0) + df / 2 * log(df) - df / 2 * log(2.0) - lgamma(df / 2)
        func density(_ s: Double) -> Double { s <= 0 ? (df == 1 ? exp(logNorm) : 0) : exp(logNorm + (df - 1) * log(s) - df * s * s / 2) }
        let width = 12 / (2 * df).squareRoot()
        let low = max(0, 1 - width - (df < 10 ? 1 : 0)), high = min(cut, 1 + width + 12 / df.squareRoot())
        guard high > low else { return 0 }
        let intervals = 4000, h = (high - low) / Double(intervals)
        var total = 0.0
        for i in 0...intervals {
            let s = low + Double(i) * h
            let weight: Double = i == 0 || i == intervals ? 1 : i % 2 == 1 ? 4 : 2
            total += weight * g(s) * density(s)
        }
        return total * h / 3
    }

    /// How a claim's comparison is decided, for its power: an interval above a reference
    /// (superiority; non-inferiority, the reference −margin), or inside ±margin (equivalence, TOST).
    enum Decision { case above, inside }

    /// The probability that a comparison's verdict is HOLDS when the true difference is `effect`
    /// standard deviations beyond its reference (above: past 0 or −margin; inside: the margin, the
    /// true difference 0), over `n` seeds paired (one sample of n differences: δ = d√n, n − 1 df)
    /// or per arm (two samples: δ = d√(n/2), 2n − 2 df), at the claim's level `alpha` on the scale
    /// of a two-sided test: above, the lower end of the two-sided 1 − alpha interval above the
    /// reference, one tail of the noncentral t at alpha/2 (statsmodels `TTestPower`/`TTestIndPower`,
    /// `alternative="larger"`, alpha/2); inside, both one-sided tests at alpha (TOST, the exact power
    /// of Owen: E[max(0, 2Φ(δ − cS) − 1)], c the 1 − alpha quantile).
    static func claimPower(effect d: Double, n: Double, paired: Bool, alpha: Double, decision: Decision) -> Double {
        let df = paired ? n - 1 : 2 * n - 2, delta = d * (paired ? n : n / 2).squareRoot()
        switch decision {
        case .above:
            return noncentralTSurvival(StudentT.studentQuantile(1 - alpha / 2, df), df: df, delta: delta)
        case .inside:
            let c = StudentT.studentQuantile(1 - alpha, df)
            return min(1, max(0, overScale(df: df, upTo: delta / c) { max(0, 2 * normalCDF(delta - c * $0) - 1) }))
        }
    }

    /// The fractional number of seeds at which `claimPower` reaches `power` (bisection; at least 2),
    /// or nil beyond `limit`. What statsmodels' `solve_power` solves.
    static func requiredSeeds(effect d: Double, paired: Bool, alpha: Double, decision: Decision, power: Double = 0.8, limit: Double = 10_000) -> Double? {
        guard d > 0, d.isFinite else { return nil }
        func enough(_ n: Double) -> Bool { claimPower(effect: d, n: n, paired: paired, alpha: alpha, decision: decision) >= power }
        if enough(2) { return 2 }
        var low = 2.0, high = 4.0
        while !enough(high) { low = high; high *= 2; if high > 2 * limit { return nil } }
        for _ in 0..<100 {
            let mid = (low + high) / 2
            if enough(mid) { high = mid } else { low = mid }
        }
        return high <= limit ? (low + high) / 2 : nil
    }

    /// The smallest whole number of seeds (at least 2) whose `claimPower` reaches `power`; nil beyond `limit`.
    static func seedsNeeded(effect d: Double, paired: Bool, alpha: Double, decision: Decision, power: Double = 0.8, limit: Int = 10_000) -> Int? {
        guard let x = requiredSeeds(effect: d, paired: paired, alpha: alpha, decision: decision, power: power, limit: Double(limit)) else { return nil }
        func enough(_ n: Int) -> Bool { claimPower(effect: d, n: Double(n), paired: paired, alpha: alpha, decision: decision) >= power }
        var n = max(2, Int(x.rounded(.up)))
        while !enough(n) { n += 1; if n > limit { return nil } }
        while n > 2, enough(n - 1) { n -= 1 }
        return n
    }

    /// The power of a two-sided t-test at `alpha` with `df` degrees of freedom and noncentrality
    /// `delta`: both tails, as statsmodels' `ttest_power` counts them.
    static func tTestPower(delta: Double, df: Double, alpha: Double = 0.05) -> Double {
        let c = StudentT.studentQuantile(1 - alpha / 2, df)
        return noncentralTSurvival(c, df: df, delta: delta) + (1 - noncentralTSurvival(-c, df: df, delta: delta))
    }

    /// The smallest standardised effect a two-sided t-test at `alpha` detects with `power`:
    /// paired (one sample of `n` differences: δ = d√n, n − 1 df; statsmodels `TTestPower`) or two
    /// independent samples of `n` each (δ = d√(n/2), 2n − 2 df; `TTestIndPower`). Nil below 2 seeds.
    static func detectableEffect(n: Int, paired: Bool, power: Double = 0.8, alpha: Double = 0.05) -> Double? {
        guard n >= 2 else { return nil }
        let df = Double(paired ? n - 1 : 2 * n - 2), scale = paired ? Double(n).squareRoot() : (Double(n) / 2).squareRoot()
        var low = 0.0, high = 1.0
        while tTestPower(delta: high * scale, df: df, alpha: alpha) < power { high *= 2; if high > 1e6 { return nil } }
        for _ in 0..<100 {
            let mid = (low + high) / 2
            if tTestPower(delta: mid * scale, df: df, alpha: alpha) < power { low = mid } else { high = mid }
        }
        return (low + high) / 2
    }
}
