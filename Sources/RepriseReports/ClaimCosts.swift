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
