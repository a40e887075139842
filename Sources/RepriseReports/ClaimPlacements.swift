import Foundation
import RepriseConfig
import RepriseExperiments
import RepriseStore

/// Claim evaluators: published numbers and proportions: a number placed in a distribution, a rate against a bound.
extension ClaimEvaluation {
    /// The seeds `published` needs: 40, or 200 for problems without minibatches (cells of milliseconds).
    static func publishedSeeds(_ spec: ExperimentSpec) -> Int { spec.batched ? 40 : 200 }

    /// published: the paper's number against the distribution over seeds.
    static func published(_ d: ClaimData, value: Double, source: String) -> GroupVerdict {
        guard let subjectLabel = d.claim.subject, let v = d.values(subjectLabel) else { return missing(d, d.claim.subject ?? "the subject") }
        let needed = publishedSeeds(d.spec), sample = v.keys.sorted().map { v[$0]! }
        guard sample.count >= needed else {
            return GroupVerdict(group: d.group, verdict: nil,
                                text: "\(d.name)NOT TESTED (\(sample.count) seeds; placing the paper's \(f(value)) (\(source)) within the central 95 % of Reprise's distribution needs at least \(needed))",
                                p: nil)
        }
        let rank = Statistics.percentileRank(value, in: sample)
        let (low, high) = Statistics.bootstrapInterval(sample, stream: "published/\(d.spec.name)/\(subjectLabel)") {
            Statistics.percentileRank(value, in: $0)
        }
        // A median that rounds to the paper's printed digits reproduces it, wherever it falls in
        // the spread (the published table's rule: `PublishedNumber.roundsToPaper`).
        let median = Statistics.quantile(sample, 0.5)
        let byRounding = PublishedNumber(value: value, metric: d.claim.metric).roundsToPaper(median)
        let verdict: ClaimComparison.Verdict = rank >= 2.5 && rank <= 97.5 || byRounding ? .holds : (high < 2.5 || low > 97.5) ? .fails : .inconclusive
        let (q1, q2) = (Statistics.quantile(sample, 0.025), Statistics.quantile(sample, 0.975))
        let estimate = "the paper's \(f(value)) (\(source)) sits at percentile \(String(format: "%.1f", rank)) [bootstrap 95 %: \(String(format: "%.1f", low)), \(String(format: "%.1f", high))] of \(subjectLabel) over \(sample.count) seeds, whose central 95 % is [\(f(q1)), \(f(q2))]"
            + (byRounding && !(rank >= 2.5 && rank <= 97.5) ? "; reproduced by rounding: the median \(f(median)) prints as the paper's \(f(value))" : "")
        return GroupVerdict(group: d.group, verdict: verdict, text: "\(d.name)\(verdict.rawValue) (\(estimate))", p: nil,
                            rows: [ClaimRow(comparison: "the paper's \(f(value)) in \(subjectLabel)", estimate: estimate, p: nil, verdict: verdict,
                                            interval: .init(estimate: rank, low: low, high: high, references: [2.5, 97.5], scale: .percentile))])
    }

    /// proportion: the event's rate over seeds or starts, by Wilson's interval.
    static func proportion(_ d: ClaimData, perStart: Bool, event claimed: ClaimTest.Event, rate: ClaimTest.Bound) -> GroupVerdict {
        guard let subjectLabel = d.claim.subject else { return missing(d, "the subject") }
        let event: (Double) -> Bool, eventText: String
        switch claimed {
        case .below(let below): event = { $0 < below }; eventText = "\(d.claim.metric) < \(f(below))"
        case .above(let above): event = { $0 > above }; eventText = "\(d.claim.metric) > \(f(above))"
        }
        // The units counted: seeds; starts pooled over seeds when each seed draws its own; or, when
        // every seed began from the same starts, each start as one cluster at its rate over the seeds.
        var rates: [Double], unitName: String, clusterNote = ""
        if perStart {
            guard let (bySeed, shared) = d.perStart(subjectLabel) else { return missing(d, subjectLabel) }
            if shared {
                rates = bySeed[0].indices.map { i in Double(bySeed.filter { event($0[i]) }.count) / Double(bySeed.count) }
                unitName = "starts"
                clusterNote = " (each start a cluster of its \(bySeed.count) seeds, counted at its rate: the seeds share the start points, so their runs are not independent starts)"
            } else {
                rates = bySeed.flatMap { $0 }.map { event($0) ? 1 : 0 }
                unitName = "starts"
            }
        } else {
            guard let v = d.values(subjectLabel) else { return missing(d, subjectLabel) }
            rates = ClaimData.ordered(v).map { event($0) ? 1 : 0 }
            unitName = "seeds"
        }
        let n = rates.count, observed = rates.reduce(0, +) / Double(max(n, 1))
        let (low, high) = Statistics.wilson(rate: observed, units: n)
        let bound = rate.value
        let verdict: ClaimComparison.Verdict
        if !rate.isAtMost { verdict = low > bound ? .holds : high < bound ? .fails : .inconclusive }
        else { verdict = high < bound ? .holds : low > bound ? .fails : .inconclusive }
        // The score test that Wilson's interval inverts, one-sided in the claimed direction, doubled.
        var p = 1.0
        if bound > 0 && bound < 1 {
            let z = (observed - bound) / (bound * (1 - bound) / Double(n)).squareRoot()
            p = min(1, 2 * (!rate.isAtMost ? 1 - Statistics.normalCDF(z) : Statistics.normalCDF(z)))
        }
        let count = clusterNote.isEmpty ? "in \(Int(rates.reduce(0, +))) of \(n) \(unitName)" : "over \(n) \(unitName)\(clusterNote)"
        var text = "\(d.name)\(verdict.rawValue) (\(eventText) \(count): rate \(f(observed)) [Wilson 95 %: \(f(low)), \(f(high))], claimed \(rate.isAtMost ? "at most" : "at least") \(f(bound))"
        // The best this design can show: every unit with the event (at least) or none (at most).
        // When even that leaves the bound inside Wilson's interval, the claim can never hold here.
        let best = Statistics.wilson(rate: rate.isAtMost ? 0 : 1, units: n)
        let reachable = rate.isAtMost ? best.high < bound : best.low > bound
        if !reachable {
            text += "; this design cannot hold: with \(n) \(unitName), even \(rate.isAtMost ? "none" : "every one") with the event gives [\(f(best.low)), \(f(best.high))]; "
                + "it needs more \(unitName)"
        } else if verdict == .inconclusive, bound > 0, bound < 1 {
            let detectable = (Statistics.normalQuantile(0.975) + Statistics.normalQuantile(0.8)) * (bound * (1 - bound) / Double(n)).squareRoot()
            text += "; at 80 % power \(n) \(unitName) detect a true rate \(f(detectable)) \(rate.isAtMost ? "below" : "above") the claimed one (normal approximation)"
        }
        return GroupVerdict(group: d.group, verdict: verdict, text: text + ")", p: p,
                            rows: [ClaimRow(comparison: "\(subjectLabel): \(eventText)", estimate: String(text.drop { $0 != "(" }.dropFirst()), p: p, verdict: verdict,
                                            interval: .init(estimate: observed, low: low, high: high, references: [bound], scale: .rate))])
    }
}
