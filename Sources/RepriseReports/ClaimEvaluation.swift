import Foundation
import RepriseConfig
import RepriseExperiments
import RepriseStore

/// The evaluator of each claim kind of the catalog (`ClaimKinds.all`): one per case of `ClaimTest`.
enum ClaimEvaluation {
    typealias Evaluator = (ClaimData) -> GroupVerdict

    static func evaluator(_ test: ClaimTest) -> Evaluator {
        switch test {
        case .superior: return { comparisons($0, .superior) }
        case .noninferior(let margin, _): return { comparisons($0, .noninferior(margin: margin)) }
        case .equivalent(let margin, _): return { comparisons($0, .equivalent(margin: margin)) }
        case .ordering(let order): return { ordering($0, order) }
        case .published(let value, let source): return { published($0, value: value, source: source) }
        case .proportion(let perStart, let event, let rate): return { proportion($0, perStart: perStart, event: event, rate: rate) }
        case .spread: return spread
        case .trend(let axis, let increasing): return { trend($0, axis: axis, increasing: increasing) }
        case .threshold(let axis, let at, let betterAbove): return { threshold($0, axis: axis, at: at, betterAbove: betterAbove) }
        case .range(let arms, let band, let why): return { range($0, labels: arms, band: band, why: why) }
        case .cost(let measure, let ratio): return { cost($0, measure: measure, ratio: ratio) }
        case .costTrend(let measure, let falling): return { costTrend($0, measure: measure, falling: falling) }
        }
    }

    /// The groups in which a claim is checked: those its statement names, in the spec's order, or
    /// (named none, or `every_group`) every group holding its first named arm (every group with
    /// variants along the axis, for a trend or a threshold). No group the statement does not name is tested.
    static func groups(_ claim: ClaimSpec, _ spec: ExperimentSpec) -> [String] {
        var out: [String] = [], seen: Set<String> = []
        let first = claim.arms.first
        for v in spec.variants where claim.groups?.contains(v.group) ?? true {
            let named: Bool
            if let axis = claim.test.axis { named = v.number(axis) != nil } else { named = v.label == first }
            if named && seen.insert(v.group).inserted { out.append(v.group) }
        }
        return out
    }

    static func evaluate(_ claim: ClaimSpec, _ results: StoredResults) -> [GroupVerdict] {
        let evaluate = evaluator(claim.test)
        // One verdict across the groups, in their listed order (the evaluator reads each group).
        if claim.test.acrossGroups { return [evaluate(ClaimData(results: results, claim: claim, group: ""))] }
        return groups(claim, results.spec).map { evaluate(ClaimData(results: results, claim: claim, group: $0)) }
    }

    // MARK: kinds

    static func missing(_ d: ClaimData, _ label: String) -> GroupVerdict {
        let stored = d.records(label, pilot: false)
        let why = stored.map { r in r.allSatisfy { $0.diverged } ? "every run of \(label) diverged (\(r.count) of \(r.count)): no value to compare"
            : "\(label) has no finite \(d.claim.metric)" } ?? "\(label) not stored"
        return GroupVerdict(group: d.group, verdict: nil, text: "\(d.name)not checked (\(why))", p: nil)
    }

    static func combine(_ verdicts: [ClaimComparison.Verdict]) -> ClaimComparison.Verdict {
        verdicts.contains(.fails) ? .fails : verdicts.allSatisfy { $0 == .holds } ? .holds : .inconclusive
    }

    static func f(_ x: Double) -> String { String(format: "%.4g", x) }

    /// One comparison of a claim, by t-interval (`ClaimComparison`) or, with diverged runs ranked
    /// worst, on ranks (`RankComparison`): its verdict, p-value, estimate in words and forest interval.
    struct Compared {
        var verdict: ClaimComparison.Verdict
        var p: Double
        var text: String
        var interval: ClaimRow.Interval?
    }

    /// The comparisons a claim makes in one group, gathered as they are made: each one's verdict,
    /// p, table row and part of the one-line text; the group's verdict combines them and its p is
    /// the largest (the claim holds only where each comparison does).
    struct Tally {
        var parts: [String] = [], verdicts: [ClaimComparison.Verdict] = [], ps: [Double] = [], rows: [ClaimRow] = []

        mutating func add(_ c: Compared, part: String, comparison: String) {
            verdicts.append(c.verdict)
            ps.append(c.p)
            parts.append(part)
            rows.append(ClaimRow(comparison: comparison, estimate: c.text, p: c.p, verdict: c.verdict, interval: c.interval))
        }

        var verdict: ClaimComparison.Verdict { combine(verdicts) }
        var p: Double? { ps.max() }
        var text: String { parts.joined(separator: "; ") }
    }

    /// `a` against `b` as the claim tests them; nil when there is no interval (fewer than two
    /// seeds on a side) or, on ranks, no seed. A rank comparison names each arm's diverged seeds.
    static func compare(_ d: ClaimData, _ test: ClaimComparison.Test, _ a: (label: String, values: [Int: Double]),
                        _ b: (label: String, values: [Int: Double])) -> Compared? {
        if d.claim.ranksDiverged {
            guard let c = RankComparison(test: test, subject: a.values, other: b.values, sign: d.sign) else { return nil }
            return Compared(verdict: c.verdict, p: c.pValue, text: c.text + "; " + d.divergedText([a, b]), interval: nil)
        }
        guard let c = ClaimComparison(test: test, subject: a.values, other: b.values, sign: d.sign) else { return nil }
        var text = c.text
        if c.verdict == .inconclusive, let power = powerLine(d, a.label, b.label, seeds: a.values.count) { text += "; " + power }
        return Compared(verdict: c.verdict, p: c.pValue, text: text, interval: c.forestInterval)
    }

    static func noInterval(_ d: ClaimData) -> GroupVerdict {
        GroupVerdict(group: d.group, verdict: .inconclusive,
                     text: "\(d.name)INCONCLUSIVE (\(d.claim.ranksDiverged ? "no seed on a side: nothing to rank" : "fewer than two seeds on a side: no interval"))", p: nil)
    }

}
