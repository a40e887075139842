import Foundation

/// The rank-based tests of claims whose runs may diverge: a diverged run is ranked worst (±∞ on the
/// metric) instead of dropped, and only ranks enter the test. Each reproduces SciPy with its options
/// fixed as Reprise fixes them (tested against SciPy itself, `Fixtures/ranks-scipy.json`, written
/// by `scripts/rank-fixture.py`):
/// - Wilcoxon's signed-rank test, paired: `scipy.stats.wilcoxon(d, zero_method="wilcox",
///   correction=False, method=...)`, the exact null distribution when no |dᵢ| ties and no dᵢ is 0
///   (n ≤ 50), its normal approximation with the tie correction otherwise;
/// - Mann–Whitney's U, unpaired: `scipy.stats.mannwhitneyu(a, b, use_continuity=True, method=...)`,
///   exact when nothing ties and the smaller sample has at most 8 values, asymptotic otherwise;
/// - the Hodges–Lehmann estimates that go with them: the median of the Walsh averages of the
///   differences (paired), the median of all differences aᵢ − bⱼ (unpaired).
/// `∞ − ∞` (both arms diverged on a seed) is a tie: a zero difference. The claims read them through
/// `RankComparison`; a trend ranks a diverged run last within its block for Page's L
/// (`Statistics.pageTrend`, matching `scipy.stats.page_trend_test(ranked=False, method="asymptotic")`
/// with ±∞ in the data).
enum RankStatistics {
    enum Alternative: String, Sendable { case greater, less, twoSided = "two-sided" }

    struct Outcome: Equatable, Sendable {
        /// W⁺ (the sum of the positive differences' ranks) or U₁ (of the first sample).
        var statistic: Double
        var p: Double
        /// "exact" or "approx"/"asymptotic", as SciPy's `method` names it.
        var method: String
    }

    /// Wilcoxon's signed-rank test of the differences `d` (a − b per seed) against 0.
    static func wilcoxon(_ differences: [Double], alternative: Alternative) -> Outcome? {
        let d = differences.map { $0.isNaN ? 0 : $0 }.filter { $0 != 0 }
        let n = d.count
        guard n > 0 else { return nil }
        let magnitudes = d.map(abs)
        let ranks = Statistics.averageRanks(magnitudes)
        let plus = zip(d, ranks).reduce(0.0) { $0 + ($1.0 > 0 ? $1.1 : 0) }
        let ties = tieGroups(magnitudes)
        let zeros = differences.contains { $0 == 0 || $0.isNaN }
        if ties.isEmpty && !zeros && n <= 50 {
            // The exact distribution of W⁺: counts of the subsets of {1 … n} by their sum.
            let total = n * (n + 1) / 2
            var counts = [Double](repeating: 0, count: total + 1)
            counts[0] = 1
            for r in 1...n { for s in stride(from: total, through: r, by: -1) { counts[s] += counts[s - r] } }
            let all = counts.reduce(0, +), w = Int(plus.rounded())
            let atLeast = counts[min(w, total + 1)...].reduce(0, +) / all, atMost = counts[...w].reduce(0, +) / all
            return Outcome(statistic: plus, p: pick(alternative, greater: atLeast, less: atMost), method: "exact")
        }
        let nn = Double(n), mean = nn * (nn + 1) / 4
        let variance = nn * (nn + 1) * (2 * nn + 1) / 24 - ties.reduce(0) { $0 + ($1 * $1 * $1 - $1) } / 48
        guard variance > 0 else { return Outcome(statistic: plus, p: 1, method: "approx") }
        let z = (plus - mean) / variance.squareRoot()
        return Outcome(statistic: plus, p: pick(alternative, greater: 1 - Statistics.normalCDF(z), less: Statistics.normalCDF(z)), method: "approx")
    }

    /// Mann–Whitney's U test of `a` against `b` (a tends to be larger: `.greater`).
    static func mannWhitney(_ a: [Double], _ b: [Double], alternative: Alternative) -> Outcome? {
        let (n1, n2) = (a.count, b.count)
        guard n1 > 0, n2 > 0 else { return nil }
        let ranks = Statistics.averageRanks(a + b)
        let u1 = ranks.prefix(n1).reduce(0, +) - Double(n1 * (n1 + 1)) / 2
        let ties = tieGroups(a + b)
        if ties.isEmpty && min(n1, n2) <= 8 {
            let counts = uCounts(n1, n2), all = counts.reduce(0, +), u = Int(u1.rounded())
            let atLeast = counts[u...].reduce(0, +) / all, atMost = counts[...u].reduce(0, +) / all
            return Outcome(statistic: u1, p: pick(alternative, greater: atLeast, less: atMost), method: "exact")
        }
        let n = Double(n1 + n2), mean = Double(n1 * n2) / 2
        let variance = Double(n1 * n2) / 12 * ((n + 1) - ties.reduce(0) { $0 + ($1 * $1 * $1 - $1) } / (n * (n - 1)))
        guard variance > 0 else { return Outcome(statistic: u1, p: 1, method: "asymptotic") }
        let sd = variance.squareRoot(), u2 = Double(n1 * n2) - u1
        // The continuity correction moves each one-sided statistic half a unit toward the mean.
        let greater = 1 - Statistics.normalCDF((u1 - mean - 0.5) / sd), less = 1 - Statistics.normalCDF((u2 - mean - 0.5) / sd)
        let p: Double = switch alternative {
        case .greater: greater
        case .less: less
        case .twoSided: min(1, 2 * (1 - Statistics.normalCDF((max(u1, u2) - mean - 0.5) / sd)))
        }
        return Outcome(statistic: u1, p: p, method: "asymptotic")
    }

    /// The Hodges–Lehmann estimate of a paired shift: the median of the Walsh averages (dᵢ + dⱼ)/2,
    /// i ≤ j (∞ beside −∞ averages to 0). Infinite when diverged runs make more than half the averages
    /// infinite; nil when empty.
    static func hodgesLehmann(paired differences: [Double]) -> Double? {
        let d = differences.map { $0.isNaN ? 0 : $0 }
        guard !d.isEmpty else { return nil }
        var walsh: [Double] = []
        walsh.reserveCapacity(d.count * (d.count + 1) / 2)
        // A seed infinitely better beside one infinitely worse averages to no shift (not NaN).
        for i in d.indices { for j in i..<d.count { walsh.append(d[i] == -d[j] ? 0 : d[i] / 2 + d[j] / 2) } }
        return median(walsh)
    }

    /// The Hodges–Lehmann estimate of the shift between two samples: the median of all aᵢ − bⱼ.
    static func hodgesLehmann(_ a: [Double], _ b: [Double]) -> Double? {
        guard !a.isEmpty, !b.isEmpty else { return nil }
        return median(a.flatMap { x in b.map { y in x == y ? 0 : x - y } })
    }

    // MARK: pieces

    private static func pick(_ alternative: Alternative, greater: Double, less: Double) -> Double {
        switch alternative {
        case .greater: return greater
        case .less: return less
        case .twoSided: return min(1, 2 * min(greater, less))
        }
    }

    /// The sizes of the groups of equal values (only groups of two or more).
    private static func tieGroups(_ x: [Double]) -> [Double] {
        var counts: [Double: Int] = [:]
        for v in x { counts[v, default: 0] += 1 }
        return counts.values.filter { $0 > 1 }.map(Double.init)
    }

    /// The number of arrangements of n1 + n2 distinct values giving each U₁ = 0 … n1·n2, by the
    /// recursion f(u; m, n) = f(u − n; m − 1, n) + f(u; m, n − 1).
    private static func uCounts(_ n1: Int, _ n2: Int) -> [Double] {
        // previous[n] = f(·; m − 1, n); f(·; 0, n) = f(·; m, 0) = [1] (U₁ = 0 only).
        var previous = [[Double]](repeating: [1], count: n2 + 1)
        for m in 1...n1 {
            var current: [[Double]] = [[1]]
            for n in 1...n2 {
                var row = [Double](repeating: 0, count: m * n + 1)
                for u in row.indices {
                    let largestFromA = u >= n && u - n < previous[n].count ? previous[n][u - n] : 0
                    let largestFromB = u < current[n - 1].count ? current[n - 1][u] : 0
                    row[u] = largestFromA + largestFromB
                }
                current.append(row)
            }
            previous = current
        }
        return previous[n2]
    }

    private static func median(_ x: [Double]) -> Double {
        let s = x.sorted(), n = s.count
        if n % 2 == 1 { return s[n / 2] }
        let (low, high) = (s[n / 2 - 1], s[n / 2])
        return low == high ? low : low / 2 + high / 2
    }
}
