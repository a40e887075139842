import Foundation
import RepriseConfig
import RepriseExperiments
import RepriseStore

/// Claim evaluators: cost: a ratio of stored costs against a claimed bound.
extension ClaimEvaluation {
    static let shortCostNames: [ClaimTest.CostMeasure: String] = [.stepSeconds: "wall-clock seconds per step", .memoryBytes: "bytes held by a step",
                                                                  .bufferBytes: "network buffer bytes"]
    static let costNames: [ClaimTest.CostMeasure: String] = [
        .stepSeconds: "wall-clock seconds per step",
        .memoryBytes: "bytes held by a step (network buffers, parameters and gradient, optimizer state; counted after the first step)",
        .bufferBytes: "bytes of the network's per-batch buffers (counted after the first step)"]

    /// cost: the ratio of mean step times, on the log scale (paired over shared seeds).
    static func cost(_ d: ClaimData, measure: ClaimTest.CostMeasure, ratio: ClaimTest.Bound) -> GroupVerdict {
        guard let subjectLabel = d.claim.subject, let subject = d.cost(subjectLabel, measure) else { return missing(d, d.claim.subject ?? "the subject") }
        let atMost = ratio.isAtMost, bound = ratio.value
        var parts: [String] = [], verdicts: [ClaimComparison.Verdict] = [], ps: [Double] = [], rows: [ClaimRow] = []
        for label in d.claim.others {
            guard let other = d.cost(label, measure) else { return missing(d, label) }
            guard let r = CostRatio(subject: subject, other: other, counted: measure != .stepSeconds, atMost: atMost, bound: bound) else {
                return GroupVerdict(group: d.group, verdict: .inconclusive, text: "\(d.name)INCONCLUSIVE (fewer than two seeds on a side: no interval)", p: nil)
            }
            verdicts.append(r.verdict); ps.append(r.p)
            parts.append("\(label): \(r.text)")
            rows.append(ClaimRow(comparison: "\(subjectLabel) / \(label)", estimate: r.text, p: r.p, verdict: r.verdict,
                                 interval: .init(estimate: r.ratio, low: r.low, high: r.high, references: [bound], scale: .ratio)))
        }
        let v = combine(verdicts)
        return GroupVerdict(group: d.group, verdict: v,
                            text: "\(d.name)\(v.rawValue) (\(subjectLabel)'s \(Self.shortCostNames[measure] ?? measure.rawValue) over each other's, claimed \(atMost ? "at most" : "at least") \(f(bound))\(measure == .stepSeconds ? "; machine-dependent, measured on \(d.cpus(subjectLabel))" : "; counted, the same on every machine"): \(parts.joined(separator: "; ")))",
                            p: ps.max(), rows: rows)
    }

    /// cost_trend: the subject's cost over the other arm's, per seed on the log scale, in each of
    /// the claim's groups in their listed order; Page's L across the groups, seeds as blocks (the
    /// seeds every group ran), two-sided at 5 % like a trend. One verdict across the groups.
    static func costTrend(_ d: ClaimData, measure: ClaimTest.CostMeasure, falling: Bool) -> GroupVerdict {
        let groups = d.claim.groups ?? []
        let across = "across " + groups.joined(separator: " → ")
        guard let subjectLabel = d.claim.subject, let otherLabel = d.claim.others.first else {
            return GroupVerdict(group: across, verdict: nil, text: "\(across): not checked (no subject or other arm)", p: nil)
        }
        var logRatios: [[Int: Double]] = []
        for g in groups {
            let data = ClaimData(results: d.results, claim: d.claim, group: g)
            guard let s = data.cost(subjectLabel, measure), let o = data.cost(otherLabel, measure) else {
                return GroupVerdict(group: across, verdict: nil, text: "\(across): not checked (\(g): \(subjectLabel) or \(otherLabel) has no stored \(measure.rawValue))", p: nil)
            }
            var r: [Int: Double] = [:]
            for (seed, x) in s { if let y = o[seed] { r[seed] = log(x / y) } }
            logRatios.append(r)
        }
        let seeds = logRatios.map { Set($0.keys) }.reduce(Set(logRatios.first?.keys ?? [:].keys)) { $0.intersection($1) }.sorted()
        let blocks = seeds.map { s in logRatios.map { $0[s]! } }
        guard groups.count >= 3, seeds.count >= 2, let up = Statistics.pageTrend(blocks), let down = Statistics.pageTrend(blocks.map { Array($0.reversed()) }) else {
            return GroupVerdict(group: across, verdict: .inconclusive,
                                text: "\(across): INCONCLUSIVE (a cost trend needs 3 groups and 2 seeds every group ran; found \(groups.count) and \(seeds.count))", p: nil)
        }
        let (claimed, opposite) = falling ? (down, up) : (up, down)
        let p = min(1, 2 * claimed.p)
        let verdict: ClaimComparison.Verdict = p < 0.05 ? .holds : min(1, 2 * opposite.p) < 0.05 ? .fails : .inconclusive
        // Each group's ratio: the geometric mean over the shared seeds.
        let ratios = zip(groups, logRatios).map { g, r in "\(g): \(f(exp(seeds.map { r[$0]! }.reduce(0, +) / Double(seeds.count))))" }.joined(separator: ", ")
        let estimate = "\(subjectLabel) / \(otherLabel), \(shortCostNames[measure] ?? measure.rawValue) (geometric mean over seeds): \(ratios); "
            + "Page's L \(f(claimed.l)), z \(String(format: "%.3f", claimed.z)), two-sided p \(String(format: "%.3g", p)), \(seeds.count) seeds as blocks × \(groups.count) groups"
            + (measure == .stepSeconds ? "; machine-dependent, measured on \(ClaimData(results: d.results, claim: d.claim, group: groups[0]).cpus(subjectLabel))" : "")
        return GroupVerdict(group: across, verdict: verdict,
                            text: "\(across): \(verdict.rawValue) (ratio claimed \(falling ? "falling" : "rising"); \(estimate))", p: p,
                            rows: [ClaimRow(comparison: "\(subjectLabel) / \(otherLabel) \(falling ? "falling" : "rising")", estimate: estimate, p: p, verdict: verdict,
                                            interval: .init(estimate: claimed.z, low: claimed.z - 1.96, high: claimed.z + 1.96, references: [0], scale: .trend))])
    }
}

/// The cost of one arm over another and its verdict against a claimed ratio. Counted bytes are the
/// same for every seed and machine: the ratio of means is exact. Wall-clock seconds vary: the ratio
/// is the exponential of the mean log difference (paired over shared seeds, else Welch), with its
/// 95 % interval; nil with fewer than two seeds on a side.
struct CostRatio {
    var ratio: Double, low: Double, high: Double
    var verdict: ClaimComparison.Verdict
    var p: Double
    var text: String

    init?(subject: [Int: Double], other: [Int: Double], counted: Bool, atMost: Bool, bound: Double) {
        func f(_ x: Double) -> String { String(format: "%.4g", x) }
        if counted {
            ratio = ClaimData.mean(subject) / ClaimData.mean(other)
            (low, high) = (ratio, ratio)
            let holds = atMost ? ratio <= bound : ratio >= bound
            verdict = holds ? .holds : .fails
            p = holds ? 0 : 1
            text = "ratio \(f(ratio)) (\(f(ClaimData.mean(subject))) bytes over \(f(ClaimData.mean(other))))"
            return
        }
        guard let c = ClaimComparison(test: .superior, subject: subject.mapValues(log), other: other.mapValues(log), sign: 1) else { return nil }
        let (lo, hi) = c.interval(0.95), logBound = log(bound)
        (ratio, low, high) = (exp(c.difference), exp(lo), exp(hi))
        verdict = atMost ? (hi < logBound ? .holds : lo > logBound ? .fails : .inconclusive)
            : (lo > logBound ? .holds : hi < logBound ? .fails : .inconclusive)
        if c.standardError > 0 {
            let below = ClaimComparison.cdf((c.difference - logBound) / c.standardError, c.degreesOfFreedom)
            p = min(1, 2 * (atMost ? below : 1 - below))
        } else {
            p = verdict == .holds ? 0 : 1
        }
        text = "ratio \(f(ratio)) [\(f(low)), \(f(high))], \(c.designText) (log scale)"
    }
}
