import Foundation

/// A claim's verdict on one comparison of its subject with another arm, over seeds. The difference
/// is oriented by the metric's goal (`better` > 0: the subject is better) and estimated paired — the
/// per-seed differences, with a t-interval on n − 1 degrees of freedom — when both arms ran the same
/// seeds (same initial weights, data order and noise), else by Welch's t-interval.
struct ClaimComparison {
    enum Design: Equatable { case paired(Int), welch(Int, Int) }
    enum Verdict: String { case holds = "HOLDS", fails = "FAILS", inconclusive = "INCONCLUSIVE" }

    /// What is tested of the difference: above 0, above −margin, or inside ±margin.
    enum Test: Equatable { case superior, noninferior(margin: Double), equivalent(margin: Double) }

    let test: Test
    let design: Design
    /// Subject minus other, in the metric's units.
    let difference: Double
    /// The orientation: +1 when larger is better, −1 when smaller is.
    let sign: Double
    let standardError: Double
    let degreesOfFreedom: Double

    /// `subject` and `other` by seed; nil when either has fewer than two seeds.
    init?(test: Test, subject: [Int: Double], other: [Int: Double], sign: Double) {
        self.test = test
        self.sign = sign
        let shared = Set(subject.keys).intersection(other.keys)
        if shared.count >= 2, shared.count == subject.count, shared.count == other.count {
            let d = shared.sorted().map { subject[$0]! - other[$0]! }
            let (m, v) = Self.meanAndVariance(d)
            design = .paired(d.count)
            difference = m
            standardError = (v / Double(d.count)).squareRoot()
            degreesOfFreedom = Double(d.count - 1)
        } else {
            let a = subject.keys.sorted().map { subject[$0]! }, b = other.keys.sorted().map { other[$0]! }
            guard a.count >= 2, b.count >= 2 else { return nil }
            let (ma, va) = Self.meanAndVariance(a), (mb, vb) = Self.meanAndVariance(b)
            let qa = va / Double(a.count), qb = vb / Double(b.count)
            design = .welch(a.count, b.count)
            difference = ma - mb
            standardError = (qa + qb).squareRoot()
            degreesOfFreedom = qa + qb == 0 ? Double(a.count + b.count - 2)
                : (qa + qb) * (qa + qb) / (qa * qa / Double(a.count - 1) + qb * qb / Double(b.count - 1))
        }
    }

    /// How much better the subject is (its difference in the metric's better direction).
    var better: Double { sign * difference }

    /// The two-sided `level` interval of `better`.
    func interval(_ level: Double) -> (low: Double, high: Double) {
        let t = StudentT.studentQuantile(0.5 + level / 2, degreesOfFreedom) * standardError
        return (better - t, better + t)
    }

    /// The interval the kind's verdict reads: 95 % (superior, non-inferior: one-sided 2.5 %), or 90 %
    /// (equivalent: two one-sided tests at 5 %).
    var level: Double { if case .equivalent = test { return 0.90 } else { return 0.95 } }

    var verdict: Verdict {
        let (low, high) = interval(level)
        switch test {
        case .superior:
            return low > 0 ? .holds : high < 0 ? .fails : .inconclusive   // a tie [0, 0] is never superior
        case .noninferior(let margin):
            return low > -margin ? .holds : high < -margin ? .fails : .inconclusive
        case .equivalent(let margin):
            if low > -margin && high < margin { return .holds }
            return low >= margin || high <= -margin ? .fails : .inconclusive
        }
    }

    /// The p-value of the claim on this comparison, on the scale of a two-sided 5 % test (twice the
    /// one-sided p for superior and non-inferior; the larger one-sided p of TOST for equivalent), so
    /// that one Holm family can hold every kind.
    var pValue: Double {
        func above(_ threshold: Double) -> Double {   // one-sided p of "better > threshold"
            guard standardError > 0 else { return better > threshold ? 0 : 1 }
            let t = (better - threshold) / standardError
            return 1 - Self.cdf(t, degreesOfFreedom)
        }
        switch test {
        case .superior: return min(1, 2 * above(0))
        case .noninferior(let margin): return min(1, 2 * above(-margin))
        case .equivalent(let margin):
            let below: Double   // one-sided p of "better < margin"
            if standardError > 0 { below = Self.cdf((better - margin) / standardError, degreesOfFreedom) }
            else { below = better < margin ? 0 : 1 }
            return max(above(-margin), below)
        }
    }

    /// The margin at which the verdict would change (non-inferior, equivalent), from this interval.
    var flipMargin: Double? {
        let (low, high) = interval(level)
        switch test {
        case .superior: return nil
        case .noninferior: return max(0, -low)
        case .equivalent: return max(abs(low), abs(high))
        }
    }

    var designText: String {
        switch design {
        case .paired(let n): return "paired over \(n) seeds"
        case .welch(let a, let b): return "Welch, \(a) and \(b) seeds"
        }
    }

    /// The interval the verdict reads, with the values it is judged against, for a forest plot.
    var forestInterval: ClaimRow.Interval {
        let (low, high) = interval(level)
        let references: [Double]
        switch test {
        case .superior: references = [0]
        case .noninferior(let margin): references = [0, -margin]
        case .equivalent(let margin): references = [-margin, 0, margin]
        }
        return .init(estimate: better, low: low, high: high, references: references, scale: .difference)
    }

    var text: String {
        let (low, high) = interval(level)
        // Said the way it points: "worse by 0.0858 [0.046, 0.126]", never "better by -0.0858".
        var s = better < 0 ? String(format: "worse by %.4g [%+.4g, %+.4g], %@", -better, -high, -low, designText)
            : String(format: "better by %+.4g [%+.4g, %+.4g], %@", better, low, high, designText)
        if let flip = flipMargin { s += String(format: "; flips at margin %.4g", flip) }
        // What an inconclusive interval does say: the true differences it rules out.
        if verdict == .inconclusive, high > low {
            let above = high >= 0 ? String(format: "better by more than %.4g", high) : String(format: "worse by less than %.4g, or better", -high)
            let below = low < 0 ? String(format: "worse by more than %.4g", -low) : String(format: "better by less than %.4g, or worse", low)
            s += "; it rules out the subject \(above), and \(below)"
        }
        return s
    }

    /// Student's t CDF for any t.
    static func cdf(_ t: Double, _ df: Double) -> Double {
        t >= 0 ? StudentT.studentCDF(t, df) : 1 - StudentT.studentCDF(-t, df)
    }

    private static func meanAndVariance(_ x: [Double]) -> (Double, Double) {
        let m = x.reduce(0, +) / Double(x.count)
        return (m, x.count > 1 ? x.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(x.count - 1) : 0)
    }
}

/// Holm's step-down adjustment of `p` (the family's p-values, any order), returned in the same order.
func holmAdjusted(_ p: [Double]) -> [Double] {
    let order = p.indices.sorted { p[$0] < p[$1] }
    var adjusted = [Double](repeating: 1, count: p.count), running = 0.0
    for (rank, i) in order.enumerated() {
        running = max(running, min(1, Double(p.count - rank) * p[i]))
        adjusted[i] = running
    }
    return adjusted
}
