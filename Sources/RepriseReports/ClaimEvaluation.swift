import Foundation
import RepriseConfig
import RepriseExperiments
import RepriseStore

/// A claim checked in one variant group: its verdict (nil when nothing could be tested), the report
/// text (which names the test), and its p-value on the scale of a two-sided 5 % test (nil for a kind
/// that has none), which Holm's adjustment reads.
struct GroupVerdict {
    var group: String
    var verdict: ClaimComparison.Verdict?
    var text: String
    var p: Double?
    /// Each comparison the verdict rests on, for the claim's table and its forest plot.
    var rows: [ClaimRow] = []
}

/// One comparison of a claim in one group: what is compared, the estimate with its interval in
/// words, its p-value and verdict, and the numbers a forest plot draws.
struct ClaimRow {
    var comparison: String
    var estimate: String
    var p: Double?
    var verdict: ClaimComparison.Verdict?
    var interval: Interval?

    /// An estimate and its interval on the scale the claim reads, and the values it is judged
    /// against (0, −margin, ±margin, a claimed ratio or rate, the central 95 % of a percentile).
    struct Interval {
        enum Scale: String { case difference, ratio, rate, percentile, trend }
        var estimate: Double, low: Double, high: Double
        var references: [Double]
        var scale: Scale
    }
}

/// What a claim's evaluator reads of one variant group: the claim's metric per arm and seed, on
/// the confirmatory seeds (the spec's `seeds`) or the pilot seeds (`pilot_seeds`, read only by the
/// power line).
struct ClaimData {
    let results: StoredResults
    let claim: ClaimSpec
    let group: String

    var spec: ExperimentSpec { results.spec }
    /// +1 when larger is better, −1 when smaller is.
    var sign: Double { spec.goal(of: claim.metric) == .minimize ? -1 : 1 }

    func records(_ label: String, pilot: Bool) -> [CellRecord]? {
        let seeds = Set(pilot ? spec.pilotSeeds : spec.seeds)
        guard let records = results.records(label: label, group: group) else { return nil }
        let kept = records.filter { seeds.contains($0.int("seed") ?? -1) }
        return kept.isEmpty ? nil : kept
    }

    /// The claim's metric reduced over epochs, by seed; diverged and non-finite runs left out.
    func values(_ label: String, pilot: Bool = false) -> [Int: Double]? {
        guard let records = records(label, pilot: pilot) else { return nil }
        var bySeed: [Int: Double] = [:]
        for r in records where !r.diverged {
            guard let seed = r.int("seed"), let series = r.series["epochs"]?[claim.metric] else { continue }
            let x = reduceOverEpochs(series, claim.overEpochs, goal: spec.goal(of: claim.metric))
            if x.isFinite { bySeed[seed] = x }
        }
        return bySeed.isEmpty ? nil : bySeed
    }

    /// The claim's metric reduced over epochs, by seed, with a diverged run (or a non-finite
    /// reduced metric) kept as the worst value: −∞ when larger is better, +∞ otherwise
    /// (`diverged = "rank"`). A run without the metric that did not diverge is not counted.
    func rankedValues(_ label: String) -> [Int: Double]? {
        guard let records = records(label, pilot: false) else { return nil }
        let goal = spec.goal(of: claim.metric), worst = goal == .maximize ? -Double.infinity : .infinity
        var bySeed: [Int: Double] = [:]
        for r in records {
            guard let seed = r.int("seed") else { continue }
            if r.diverged { bySeed[seed] = worst; continue }
            guard let series = r.series["epochs"]?[claim.metric] else { continue }
            let x = reduceOverEpochs(series, claim.overEpochs, goal: goal)
            bySeed[seed] = x.isFinite ? x : worst
        }
        return bySeed.isEmpty ? nil : bySeed
    }

    /// The values the claim's test reads: ranked (`diverged = "rank"`) or with diverged runs dropped.
    func armValues(_ label: String) -> [Int: Double]? { claim.ranksDiverged ? rankedValues(label) : values(label) }

    /// An arm's centre as the verdict line prints it: its mean, or its median when diverged runs
    /// are ranked (a mean with a diverged run in it is ±∞).
    func centre(_ v: [Int: Double]) -> String {
        String(format: "%.4f", claim.ranksDiverged ? ClaimData.median(v) : ClaimData.mean(v))
    }

    /// How many of an arm's seeds are ranked worst, in words: "A: 4 of 10 diverged, ranked worst".
    func divergedText(_ arms: [(label: String, values: [Int: Double])]) -> String {
        arms.map { arm in
            let k = arm.values.values.filter(\.isInfinite).count
            return "\(arm.label): \(k) of \(arm.values.count) diverged\(k > 0 ? ", ranked worst" : "")"
        }.joined(separator: ", ")
    }

    /// A stored per-start tensor of the arm on each confirmatory seed, in seed order, and whether
    /// every seed began from the same start points (`start_points` equal): then a start is a
    /// cluster of its seeds' runs (issue 30: 8 fixed starts × 10 noise seeds are 8 units, not 80).
    func perStart(_ label: String) -> (bySeed: [[Double]], sharedStarts: Bool)? {
        guard let records = records(label, pilot: false)?.sorted(by: { ($0.int("seed") ?? 0) < ($1.int("seed") ?? 0) }) else { return nil }
        let bySeed = records.compactMap { r in r.tensors.first { $0.name == claim.metric }?.data.doubles }.filter { !$0.isEmpty }
        guard !bySeed.isEmpty else { return nil }
        let starts = records.map { r in r.tensors.first { $0.name == "start_points" }?.data.doubles }
        let shared = bySeed.count > 1 && Set(bySeed.map(\.count)).count == 1 && starts.allSatisfy { $0 != nil && $0 == starts[0] }
        return (bySeed, shared)
    }

    /// The arm's stored cost by seed (every cell, diverged too): `step_seconds`, the mean
    /// wall-clock seconds per training step; `memory_bytes`, the counted bytes a step holds;
    /// `buffer_bytes`, the network's per-batch buffers alone.
    func cost(_ label: String, _ measure: ClaimTest.CostMeasure) -> [Int: Double]? {
        guard let records = records(label, pilot: false) else { return nil }
        var bySeed: [Int: Double] = [:]
        for r in records {
            guard let seed = r.int("seed") else { continue }
            let value: Double?
            switch measure {
            case .memoryBytes:
                let parts = ["memory_buffers_bytes", "memory_parameters_bytes", "memory_state_bytes"].compactMap { r.int($0) }
                value = parts.count == 3 ? Double(parts.reduce(0, +)) : nil
            case .bufferBytes:
                value = r.int("memory_buffers_bytes").map(Double.init)
            case .stepSeconds:
                value = r.wallclockSeries["step_seconds"].flatMap { s in s.isEmpty ? nil : s.reduce(0, +) / Double(s.count) }
            }
            if let value, value > 0, value.isFinite { bySeed[seed] = value }
        }
        return bySeed.isEmpty ? nil : bySeed
    }

    /// The CPU models an arm's wall-clock data were measured on ("an unrecorded CPU" for cells
    /// stored before the model was recorded).
    func cpus(_ label: String) -> String {
        let names = Set((records(label, pilot: false) ?? []).map { r -> String in
            if case .string(let s)? = r.wallclockAttributes["cpu"] { return s }
            return "an unrecorded CPU"
        })
        return names.sorted().joined(separator: " and ")
    }

    /// The group's variants with a numeric value of `key`, ordered by it.
    func arms(along key: String) -> [(label: String, value: Double)] {
        spec.variants.filter { $0.group == group }.compactMap { v in
            guard let x = v.number(key) else { return nil }
            let name = v.name
            return (spec.label(of: name), x)
        }.sorted { $0.value < $1.value }
    }

    var name: String { group.isEmpty ? "" : "\(group): " }

    /// The values in seed order: a dictionary's own order changes from process to process, and a
    /// sum in another order can differ in its last bit, so every statistic reads them this way.
    static func ordered(_ v: [Int: Double]) -> [Double] { v.keys.sorted().map { v[$0]! } }

    static func mean(_ v: [Int: Double]) -> Double { ordered(v).reduce(0, +) / Double(v.count) }

    static func median(_ v: [Int: Double]) -> Double {
        let s = ordered(v).sorted(), n = s.count
        guard n > 0 else { return .nan }
        return n % 2 == 1 ? s[n / 2] : s[n / 2 - 1] == s[n / 2] ? s[n / 2] : s[n / 2 - 1] / 2 + s[n / 2] / 2
    }
}

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
        return groups(claim, results.spec).map { evaluate(ClaimData(results: results, claim: claim, group: $0)) }
    }

    // MARK: kinds

    private static func missing(_ d: ClaimData, _ label: String) -> GroupVerdict {
        let stored = d.records(label, pilot: false)
        let why = stored.map { r in r.allSatisfy { $0.diverged } ? "every run of \(label) diverged (\(r.count) of \(r.count)): no value to compare"
            : "\(label) has no finite \(d.claim.metric)" } ?? "\(label) not stored"
        return GroupVerdict(group: d.group, verdict: nil, text: "\(d.name)not checked (\(why))", p: nil)
    }

    private static func combine(_ verdicts: [ClaimComparison.Verdict]) -> ClaimComparison.Verdict {
        verdicts.contains(.fails) ? .fails : verdicts.allSatisfy { $0 == .holds } ? .holds : .inconclusive
    }

    private static func f(_ x: Double) -> String { String(format: "%.4g", x) }

    /// One comparison of a claim, by t-interval (`ClaimComparison`) or, with diverged runs ranked
    /// worst, on ranks (`RankComparison`): its verdict, p-value, estimate in words and forest interval.
    struct Compared {
        var verdict: ClaimComparison.Verdict
        var p: Double
        var text: String
        var interval: ClaimRow.Interval?
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

    private static func noInterval(_ d: ClaimData) -> GroupVerdict {
        GroupVerdict(group: d.group, verdict: .inconclusive,
                     text: "\(d.name)INCONCLUSIVE (\(d.claim.ranksDiverged ? "no seed on a side: nothing to rank" : "fewer than two seeds on a side: no interval"))", p: nil)
    }

    /// superior, noninferior, equivalent: the subject against each other arm.
    static func comparisons(_ d: ClaimData, _ test: ClaimComparison.Test) -> GroupVerdict {
        guard let subjectLabel = d.claim.subject, let subject = d.armValues(subjectLabel) else { return missing(d, d.claim.subject ?? "the subject") }
        var parts: [String] = [], verdicts: [ClaimComparison.Verdict] = [], ps: [Double] = [], rows: [ClaimRow] = []
        for label in d.claim.others {
            guard let other = d.armValues(label) else { return missing(d, label) }
            guard let c = compare(d, test, (subjectLabel, subject), (label, other)) else { return noInterval(d) }
            verdicts.append(c.verdict); ps.append(c.p)
            parts.append("\(label) \(d.centre(other)): \(c.text)")
            rows.append(ClaimRow(comparison: "\(subjectLabel) \(d.centre(subject)) vs \(label) \(d.centre(other))",
                                 estimate: c.text, p: c.p, verdict: c.verdict, interval: c.interval))
        }
        let v = combine(verdicts)
        return GroupVerdict(group: d.group, verdict: v,
                            text: "\(d.name)\(v.rawValue) (\(subjectLabel) \(d.centre(subject)) vs \(parts.joined(separator: "; ")))",
                            p: ps.max(), rows: rows)
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
        var parts: [String] = [], verdicts: [ClaimComparison.Verdict] = [], ps: [Double] = [], rows: [ClaimRow] = []
        for i in order.indices { for j in order.indices where j > i {
            guard let c = compare(d, .superior, (order[i], values[i]), (order[j], values[j])) else { return noInterval(d) }
            verdicts.append(c.verdict); ps.append(c.p)
            parts.append("\(order[i]) over \(order[j]): \(c.text)")
            rows.append(ClaimRow(comparison: "\(order[i]) over \(order[j])", estimate: c.text, p: c.p, verdict: c.verdict, interval: c.interval))
        } }
        let v = combine(verdicts)
        let means = zip(order, values).map { "\($0) \(d.centre($1))" }.joined(separator: ", ")
        return GroupVerdict(group: d.group, verdict: v, text: "\(d.name)\(v.rawValue) (\(means); \(parts.joined(separator: "; ")))", p: ps.max(), rows: rows)
    }

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
        if verdict == .inconclusive, bound > 0, bound < 1 {
            let detectable = (Statistics.normalQuantile(0.975) + Statistics.normalQuantile(0.8)) * (bound * (1 - bound) / Double(n)).squareRoot()
            text += "; at 80 % power \(n) \(perStart ? "starts" : "seeds") detect a true rate \(f(detectable)) beyond the claimed one (normal approximation)"
        }
        return GroupVerdict(group: d.group, verdict: verdict, text: text + ")", p: p,
                            rows: [ClaimRow(comparison: "\(subjectLabel): \(eventText)", estimate: String(text.drop { $0 != "(" }.dropFirst()), p: p, verdict: verdict,
                                            interval: .init(estimate: observed, low: low, high: high, references: [bound], scale: .rate))])
    }

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

    /// range: every arm non-inferior to the best arm (by mean; by median when diverged runs are
    /// ranked worst) by band.
    static func range(_ d: ClaimData, labels: [String], band: Double, why: String) -> GroupVerdict {
        var values: [[Int: Double]] = []
        for label in labels { guard let v = d.armValues(label) else { return missing(d, label) }; values.append(v) }
        let centre = { (v: [Int: Double]) in d.sign * (d.claim.ranksDiverged ? ClaimData.median(v) : ClaimData.mean(v)) }
        let best = values.indices.max { centre(values[$0]) < centre(values[$1]) }!
        var parts: [String] = [], verdicts: [ClaimComparison.Verdict] = [], ps: [Double] = [], rows: [ClaimRow] = []
        for i in labels.indices where i != best {
            guard let c = compare(d, .noninferior(margin: band), (labels[i], values[i]), (labels[best], values[best])) else { return noInterval(d) }
            verdicts.append(c.verdict); ps.append(c.p)
            parts.append("\(labels[i]) \(d.centre(values[i])): \(c.text)")
            rows.append(ClaimRow(comparison: "\(labels[i]) \(d.centre(values[i])) vs the best, \(labels[best]) \(d.centre(values[best]))",
                                 estimate: c.text, p: c.p, verdict: c.verdict, interval: c.interval))
        }
        let v = combine(verdicts)
        return GroupVerdict(group: d.group, verdict: v,
                            text: "\(d.name)\(v.rawValue) (within \(f(band)) of the best arm, \(labels[best]) \(d.centre(values[best])), because \(why): \(parts.joined(separator: "; ")))",
                            p: ps.max(), rows: rows)
    }

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
