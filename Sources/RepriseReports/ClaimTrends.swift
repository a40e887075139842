import Foundation
import RepriseConfig
import RepriseExperiments
import RepriseStore

/// Claim evaluators: spread, trend and threshold.
extension ClaimEvaluation {
    /// spread: Brown–Forsythe against each other arm, in the claimed direction.
    static func spread(_ d: ClaimData) -> GroupVerdict {
        guard let subjectLabel = d.claim.subject, let subject = d.values(subjectLabel) else { return missing(d, d.claim.subject ?? "the subject") }
        var parts: [String] = [], verdicts: [ClaimComparison.Verdict] = [], ps: [Double] = [], rows: [ClaimRow] = []
        for label in d.claim.others {
            guard let other = d.values(label) else { return missing(d, label) }
            guard let bf = Statistics.brownForsythe(ClaimData.ordered(subject), ClaimData.ordered(other)) else {
                return GroupVerdict(group: d.group, verdict: .inconclusive, text: "\(d.name)INCONCLUSIVE (fewer than two seeds on a side)", p: nil)
            }
            let smaller = bf.spreadA < bf.spreadB
            verdicts.append(bf.p < 0.05 ? (smaller ? .holds : .fails) : .inconclusive)
            ps.append(smaller ? bf.p : 1)
            let estimate = "mean absolute deviation from the median \(f(bf.spreadA)) vs \(f(bf.spreadB)), Brown–Forsythe W \(f(bf.w)), p \(String(format: "%.3g", bf.p)) (\(subject.count) and \(other.count) seeds)"
            parts.append("\(label): \(estimate)")
            rows.append(ClaimRow(comparison: "\(subjectLabel) vs \(label)", estimate: estimate, p: smaller ? bf.p : 1, verdict: verdicts.last))
        }
        let v = combine(verdicts)
        return GroupVerdict(group: d.group, verdict: v, text: "\(d.name)\(v.rawValue) (\(subjectLabel) vs \(parts.joined(separator: "; ")))", p: ps.max(), rows: rows)
    }

    /// trend: Page's L across the arms ordered along the axis, seeds as blocks. With diverged runs
    /// ranked (`diverged = "rank"`), a diverged run takes the worst rank within its block (±∞ in the
    /// metric's direction; two diverged arms of a block tie, their ranks averaged).
    static func trend(_ d: ClaimData, axis: String, increasing: Bool) -> GroupVerdict {
        let rank = d.claim.ranksDiverged
        // An arm with no value to rank (every run diverged, when they are dropped) is left out and named.
        let all = d.arms(along: axis).map { (arm: $0, values: d.armValues($0.label)) }
        let lost = all.filter { $0.values == nil }.map(\.arm)
        let arms = all.filter { $0.values != nil }.map(\.arm)
        let values = all.compactMap(\.values)
        let leftOut = lost.isEmpty ? "" : "; left out, no \(rank ? "run" : "finite value") stored\(rank ? "" : " (diverged)"): \(axis) = \(lost.map { f($0.value) }.joined(separator: ", "))"
        let seeds = values.map { Set($0.keys) }.reduce(Set(values.first?.keys ?? [:].keys)) { $0.intersection($1) }.sorted()
        let blocks = seeds.map { s in values.map { $0[s]! } }
        guard arms.count >= 3, seeds.count >= 2, let up = Statistics.pageTrend(blocks), let down = Statistics.pageTrend(blocks.map { Array($0.reversed()) })
        else {
            return GroupVerdict(group: d.group, verdict: .inconclusive,
                                text: "\(d.name)INCONCLUSIVE (a trend needs at least 3 arms along \(axis) and 2 seeds all of them ran; found \(arms.count) and \(seeds.count)\(leftOut))", p: nil)
        }
        let (claimed, opposite) = increasing ? (up, down) : (down, up)
        let p = min(1, 2 * claimed.p)
        let verdict: ClaimComparison.Verdict = p < 0.05 ? .holds : min(1, 2 * opposite.p) < 0.05 ? .fails : .inconclusive
        let means = zip(arms, values).map { "\(axis)=\(f($0.value)): \(d.centre($1))" }.joined(separator: ", ")
        let ranked = rank ? "; diverged runs ranked worst within each block: " + d.divergedText(zip(arms, values).map { ("\(axis)=\(f($0.value))", $1) }) : ""
        let estimate = "\(means); Page's L \(f(claimed.l)), z \(String(format: "%.3f", claimed.z)), two-sided p \(String(format: "%.3g", p)), \(seeds.count) seeds as blocks × \(arms.count) arms\(leftOut)\(ranked)"
        return GroupVerdict(group: d.group, verdict: verdict,
                            text: "\(d.name)\(verdict.rawValue) (\(d.claim.metric) claimed \(increasing ? "increasing" : "decreasing") along \(axis); \(estimate))",
                            p: p, rows: [ClaimRow(comparison: "\(d.claim.metric) \(increasing ? "increasing" : "decreasing") along \(axis)", estimate: estimate, p: p, verdict: verdict,
                                                  interval: .init(estimate: claimed.z, low: claimed.z - 1.96, high: claimed.z + 1.96, references: [0], scale: .trend))])
    }

    /// threshold: per seed, the mean of the group's arms with `axis` ≥ `at` minus the mean of those
    /// below, in the metric's better direction (> 0: better above); a paired t-test of those
    /// contrasts against 0 in the claimed direction (95 % interval), or with diverged runs ranked
    /// worst, Wilcoxon's signed-rank test of them (an arm's diverged run makes its side's mean the
    /// worst, −∞ oriented; both sides worst on a seed tie at 0).
    static func threshold(_ d: ClaimData, axis: String, at: Double, betterAbove: Bool) -> GroupVerdict {
        let rank = d.claim.ranksDiverged
        let all = d.arms(along: axis).map { (arm: $0, values: d.armValues($0.label)) }
        let lost = all.filter { $0.values == nil }.map(\.arm)
        let present = all.compactMap { a in a.values.map { (arm: a.arm, values: $0) } }
        let above = present.filter { $0.arm.value >= at }, below = present.filter { $0.arm.value < at }
        let leftOut = lost.isEmpty ? "" : "; left out, no \(rank ? "run" : "finite value") stored\(rank ? "" : " (diverged)"): \(axis) = \(lost.map { f($0.value) }.joined(separator: ", "))"
        let sides = "\(axis) ≥ \(f(at)) (\(above.map { f($0.arm.value) }.joined(separator: ", "))) against \(axis) < \(f(at)) (\(below.map { f($0.arm.value) }.joined(separator: ", ")))"
        let seeds = present.map { Set($0.values.keys) }.reduce(Set(present.first?.values.keys ?? [:].keys)) { $0.intersection($1) }.sorted()
        guard !above.isEmpty, !below.isEmpty, seeds.count >= (rank ? 1 : 2) else {
            return GroupVerdict(group: d.group, verdict: .inconclusive,
                                text: "\(d.name)INCONCLUSIVE (a threshold needs an arm on each side of \(axis) = \(f(at)) and \(rank ? "a seed" : "2 seeds") all of them ran; found \(above.count) at or above, \(below.count) below, \(seeds.count) seeds\(leftOut))", p: nil)
        }
        // Each side's mean in the better direction, then the contrast (±∞ − ±∞ of one sign: a tie).
        func side(_ arms: [(arm: (label: String, value: Double), values: [Int: Double])], _ s: Int) -> Double {
            arms.reduce(0) { $0 + d.sign * $1.values[s]! } / Double(arms.count)
        }
        let contrast = Dictionary(uniqueKeysWithValues: seeds.map { s in (s, RankComparison.difference(side(above, s), side(below, s))) })
        // The claimed direction is "better": flip a worse_above claim's contrast so the tests read it as superior.
        let claimed = betterAbove ? 1.0 : -1.0
        let oriented = contrast.mapValues { claimed * $0 }, zero = contrast.mapValues { _ in 0.0 }
        let verdict: ClaimComparison.Verdict, p: Double, estimate: String, interval: ClaimRow.Interval?
        if rank {
            guard let c = RankComparison(test: .superior, subject: oriented, other: zero, sign: 1) else { return noInterval(d) }
            (verdict, p, interval) = (c.verdict, c.pValue, nil)
            estimate = String(format: "contrast %+.4g (Hodges–Lehmann; > 0: better above), p %.3g (Wilcoxon signed-rank over %d seeds, one-sided in the claimed direction, doubled; %@)",
                              claimed * c.estimate, c.pValue, seeds.count, c.method)
                + "; " + d.divergedText(present.map { ("\(axis)=\(f($0.arm.value))", $0.values) })
        } else {
            guard let c = ClaimComparison(test: .superior, subject: oriented, other: zero, sign: 1) else { return noInterval(d) }
            let (low, high) = c.interval(0.95)
            let (e, lo, hi) = betterAbove ? (c.better, low, high) : (-c.better, -high, -low)
            (verdict, p) = (c.verdict, c.pValue)
            interval = .init(estimate: e, low: lo, high: hi, references: [0], scale: .difference)
            estimate = String(format: "contrast %+.4g [%+.4g, %+.4g] (> 0: better above; paired t over %d seeds, 95 %%)", e, lo, hi, seeds.count)
        }
        let means = present.map { "\(axis)=\(f($0.arm.value)): \(d.centre($0.values))" }.joined(separator: ", ")
        let text = "\(d.claim.metric) claimed \(betterAbove ? "better" : "worse") at \(sides); \(means); \(estimate)\(leftOut)"
        return GroupVerdict(group: d.group, verdict: verdict, text: "\(d.name)\(verdict.rawValue) (\(text))", p: p,
                            rows: [ClaimRow(comparison: "\(d.claim.metric) \(betterAbove ? "better" : "worse") at \(sides)", estimate: estimate, p: p,
                                            verdict: verdict, interval: interval)])
    }
}
