import Foundation

/// A claim's verdict on one comparison when diverged runs are ranked worst (`diverged = "rank"`):
/// the subject's and the other arm's values by seed, a diverged run at ±∞ (the worst in the metric's
/// direction), compared on ranks alone. Paired over shared seeds (the same condition as
/// `ClaimComparison`'s paired design) by Wilcoxon's signed-rank test of the per-seed differences,
/// else by Mann–Whitney's U (`RankStatistics`, which reproduce SciPy). The estimate is the
/// Hodges–Lehmann shift; `∞ − ∞` (both arms diverged on a seed) is a tie, a zero difference.
///
/// Each test is one-sided in the claimed direction and doubled to the two-sided scale, as
/// `ClaimComparison.pValue` is, so one Holm family holds every kind: superior tests better > 0;
/// non-inferior tests better + margin > 0 (the differences, or the subject's values, shifted by the
/// margin); equivalent is two one-sided rank tests at ±margin, its p the larger (not doubled, as
/// TOST's). HOLDS when that p is below 0.05; FAILS when the opposite one-sided test, doubled, is
/// (for equivalent: either one-sided test that the difference lies beyond a margin, at 5 %).
struct RankComparison {
    enum Design: Equatable { case paired(Int), unpaired(Int, Int) }

    let test: ClaimComparison.Test
    let design: Design
    /// The Hodges–Lehmann estimate of how much better the subject is (±∞ when diverged runs dominate).
    let estimate: Double
    let pValue: Double
    let verdict: ClaimComparison.Verdict
    /// SciPy's name of the method of the claimed test: "exact", or "approx"/"asymptotic".
    let method: String

    /// `subject` and `other` by seed, a diverged run ±∞; `sign` +1 when larger is better. Nil when
    /// either arm has no seed.
    init?(test: ClaimComparison.Test, subject: [Int: Double], other: [Int: Double], sign: Double) {
        self.test = test
        let shared = Set(subject.keys).intersection(other.keys)
        let oneSided: (Double, RankStatistics.Alternative) -> RankStatistics.Outcome?
        if !shared.isEmpty, shared.count == subject.count, shared.count == other.count {
            let d = shared.sorted().map { Self.difference(sign * subject[$0]!, sign * other[$0]!) }
            design = .paired(d.count)
            // d − shift tests the differences against the shift; ∞ − shift stays ∞.
            oneSided = { shift, alternative in RankStatistics.wilcoxon(d.map { $0 - shift }, alternative: alternative) }
            estimate = RankStatistics.hodgesLehmann(paired: d) ?? 0
        } else {
            let a = ClaimData.ordered(subject).map { sign * $0 }, b = ClaimData.ordered(other).map { sign * $0 }
            guard !a.isEmpty, !b.isEmpty else { return nil }
            design = .unpaired(a.count, b.count)
            oneSided = { shift, alternative in RankStatistics.mannWhitney(a.map { $0 - shift }, b, alternative: alternative) }
            estimate = RankStatistics.hodgesLehmann(a, b) ?? 0
        }
        // With every difference a tie there is nothing to test: p = 1 either way.
        func p(_ shift: Double, _ alternative: RankStatistics.Alternative) -> Double { oneSided(shift, alternative)?.p ?? 1 }
        switch test {
        case .superior, .noninferior:
            let shift: Double
            if case .noninferior(let margin) = test { shift = -margin } else { shift = 0 }
            pValue = min(1, 2 * p(shift, .greater))
            verdict = pValue < 0.05 ? .holds : min(1, 2 * p(shift, .less)) < 0.05 ? .fails : .inconclusive
            method = oneSided(shift, .greater)?.method ?? "none"
        case .equivalent(let margin):
            pValue = max(p(-margin, .greater), p(margin, .less))
            verdict = pValue < 0.05 ? .holds : (p(-margin, .less) < 0.05 || p(margin, .greater) < 0.05) ? .fails : .inconclusive
            method = oneSided(-margin, .greater)?.method ?? "none"
        }
    }

    /// x − y, where two equal infinities (both runs diverged) tie: 0, not NaN.
    static func difference(_ x: Double, _ y: Double) -> Double { x == y ? 0 : x - y }

    var designText: String {
        switch design {
        case .paired(let n): return "Wilcoxon signed-rank, paired over \(n) seeds"
        case .unpaired(let a, let b): return "Mann–Whitney U, \(a) and \(b) seeds"
        }
    }

    var text: String {
        let against: String
        switch test {
        case .superior: against = "one-sided against 0, doubled"
        case .noninferior(let margin): against = String(format: "one-sided against −margin %.4g, doubled", margin)
        case .equivalent(let margin): against = String(format: "two one-sided tests at ±%.4g, the larger p", margin)
        }
        return String(format: "better by %+.4g (Hodges–Lehmann), p %.3g (%@; %@, %@)", estimate, pValue, against, designText, method)
    }
}
