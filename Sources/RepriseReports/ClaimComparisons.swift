import Foundation
import RepriseConfig
import RepriseExperiments
import RepriseStore

/// Claim evaluators: superior, non-inferior, equivalent, ordering and range: the subject against each other arm, on t-intervals or ranks.
extension ClaimEvaluation {
    /// superior, noninferior, equivalent: the subject against each other arm.
    static func comparisons(_ d: ClaimData, _ test: ClaimComparison.Test) -> GroupVerdict {
        guard let subjectLabel = d.claim.subject, let subject = d.armValues(subjectLabel) else { return missing(d, d.claim.subject ?? "the subject") }
        var tally = Tally()
        for label in d.claim.others {
            guard let other = d.armValues(label) else { return missing(d, label) }
            guard let c = compare(d, test, (subjectLabel, subject), (label, other)) else { return noInterval(d) }
            tally.add(c, part: "\(label) \(d.centre(other)): \(c.text)",
                      comparison: "\(subjectLabel) \(d.centre(subject)) vs \(label) \(d.centre(other))")
        }
        let v = tally.verdict
        return GroupVerdict(group: d.group, verdict: v,
                            text: "\(d.name)\(v.rawValue) (\(subjectLabel) \(d.centre(subject)) vs \(tally.text))",
                            p: tally.p, rows: tally.rows)
    }

    /// The smallest true difference the design detects at 80 % power with a two-sided 5 % t-test:
    /// the planned confirmatory seeds, and the spread measured on the pilot seeds (never on the
    /// confirmatory ones, whose spread is part of the result).
    /// Without pilot seeds there is nothing to say per comparison: the claim's line says it once
    /// (`noPilotsNote`).
    static func powerLine(_ d: ClaimData, _ a: String, _ b: String, seeds n: Int) -> String? {
        guard !d.spec.pilotSeeds.isEmpty else { return nil }
        guard let pa = d.values(a, pilot: true), let pb = d.values(b, pilot: true) else { return "power: the pilot seeds are not stored" }
        let shared = Set(pa.keys).intersection(pb.keys).sorted()
        let paired = shared.count >= 2
        let sd: Double
        if paired {
            sd = meanAndStd(shared.map { pa[$0]! - pb[$0]! }).1
        } else {
            guard pa.count >= 2, pb.count >= 2 else { return "power: fewer than two pilot seeds per arm" }
            let (sa, sb) = (meanAndStd(ClaimData.ordered(pa)).1, meanAndStd(ClaimData.ordered(pb)).1)
            sd = ((sa * sa + sb * sb) / 2).squareRoot()
        }
        guard let effect = Statistics.detectableEffect(n: n, paired: paired) else { return "power: fewer than two confirmatory seeds" }
        return "at 80 % power this design (\(n) \(paired ? "paired " : "")seeds, two-sided 5 %) detects a true difference of \(f(effect * sd)) "
            + "(sd \(f(sd)) \(paired ? "of the differences " : "")over \(paired ? shared.count : min(pa.count, pb.count)) pilot seeds)"
    }

    /// What an INCONCLUSIVE t-comparison says once per claim when the spec declares no pilot seeds.
    static let noPilotsNote = "power: no pilot seeds declared (pilot_seeds), so the difference this design can detect is not known"

    /// ordering: every earlier arm of `order` superior to every later one.
    static func ordering(_ d: ClaimData, _ order: [String]) -> GroupVerdict {
        var values: [[Int: Double]] = []
        for label in order { guard let v = d.armValues(label) else { return missing(d, label) }; values.append(v) }
        var tally = Tally()
        for i in order.indices { for j in order.indices where j > i {
            guard let c = compare(d, .superior, (order[i], values[i]), (order[j], values[j])) else { return noInterval(d) }
            tally.add(c, part: "\(order[i]) over \(order[j]): \(c.text)", comparison: "\(order[i]) over \(order[j])")
        } }
        let v = tally.verdict
        let means = zip(order, values).map { "\($0) \(d.centre($1))" }.joined(separator: ", ")
        return GroupVerdict(group: d.group, verdict: v, text: "\(d.name)\(v.rawValue) (\(means); \(tally.text))", p: tally.p, rows: tally.rows)
    }

    /// range: every arm non-inferior to the best arm (by mean; by median when diverged runs are
    /// ranked worst) by band.
    static func range(_ d: ClaimData, labels: [String], band: Double, why: String) -> GroupVerdict {
        var values: [[Int: Double]] = []
        for label in labels { guard let v = d.armValues(label) else { return missing(d, label) }; values.append(v) }
        let centre = { (v: [Int: Double]) in d.sign * (d.claim.ranksDiverged ? ClaimData.median(v) : ClaimData.mean(v)) }
        let best = values.indices.max { centre(values[$0]) < centre(values[$1]) }!
        var tally = Tally()
        for i in labels.indices where i != best {
            guard let c = compare(d, .noninferior(margin: band), (labels[i], values[i]), (labels[best], values[best])) else { return noInterval(d) }
            tally.add(c, part: "\(labels[i]) \(d.centre(values[i])): \(c.text)",
                      comparison: "\(labels[i]) \(d.centre(values[i])) vs the best, \(labels[best]) \(d.centre(values[best]))")
        }
        let v = tally.verdict
        return GroupVerdict(group: d.group, verdict: v,
                            text: "\(d.name)\(v.rawValue) (within \(f(band)) of the best arm, \(labels[best]) \(d.centre(values[best])), because \(why): \(tally.text))",
                            p: tally.p, rows: tally.rows)
    }

}
