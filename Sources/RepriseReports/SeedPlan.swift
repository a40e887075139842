import Foundation
import RepriseExperiments

/// `reprise seeds`: how many confirmatory seeds each comparison of a claim needs for a given power,
/// sized from the spread of the stored confirmatory results (the previous run), not from the pilot
/// seeds, whose two or three values can be many times off (issue 30).
///
/// Per claim that compares means (superior, noninferior, equivalent, ordering, range, threshold; not
/// with `diverged = "rank"`), group and compared pair: the standard deviation of the paired
/// differences over the shared seeds (or the pooled standard deviation of the two arms when they
/// are not paired, as `ClaimComparison` pairs them), and the smallest number of seeds whose t-test
/// reaches the power at the claim's level — 0.05, or Holm's smallest threshold 0.05/m for a primary
/// claim among its paper's m primary claims — to detect:
/// - noninferior, range: a true difference of 0 against the margin (band);
/// - equivalent: a true difference of 0 inside ±margin, both one-sided tests (TOST);
/// - superior, ordering, threshold: no effect is declared, so each of `effects` (multiples of the
///   standard deviation), and each absolute difference of `absoluteEffects`; never the observed
///   difference (powering at the observed effect only restates its p-value).
/// Exact noncentral-t power (`Statistics.claimPower`), checked against statsmodels.
public struct SeedPlan {
    public struct Row {
        public var claim: Int
        public var group: String
        public var comparison: String
        /// The seeds the standard deviation rests on: "10 paired", or "10 and 9".
        public var stored: String
        /// The standard deviation of the differences (paired) or pooled, on the confirmatory seeds.
        public var sd: Double?
        public var pilotSD: Double?
        public var effect: String
        public var alpha: Double
        /// The seeds needed; nil when beyond `SeedPlan.limit` or not computable (`why`).
        public var needed: Int?
        public var planned: Int
        public var why: String?
        /// Fewer seeds planned than needed (or the need not computable for want of seeds).
        public var short: Bool { needed.map { planned < $0 } ?? (why == nil) }
    }

    /// A claim's header: its index, kind, primary or not, its level and its text.
    public struct ClaimHeader {
        public var claim: Int
        public var text: String
    }

    public static let limit = 10_000

    public let spec: ExperimentSpec
    public let power: Double
    public private(set) var rows: [Row] = []
    public private(set) var headers: [ClaimHeader] = []
    /// Claims not sized, and why (a placement, a rank test, a spread, …).
    public private(set) var notSized: [String] = []

    /// `familySize`: the paper's primary claims (Holm's family, `Report.holmFamily`), at least 1.
    public init(_ results: StoredResults, familySize: Int, power: Double = 0.8, effects: [Double] = [0.5, 1, 2], absoluteEffects: [Double] = []) {
        spec = results.spec
        self.power = power
        let planned = spec.seeds.count
        for (i, claim) in spec.claims.enumerated() {
            let number = i + 1
            let short = claim.text.count > 90 ? String(claim.text.prefix(88)) + "…" : claim.text
            if claim.withdrawn != nil { notSized.append("\(number) (\(claim.kind)): withdrawn"); continue }
            if claim.ranksDiverged {
                notSized.append("\(number) (\(claim.kind)): tested on ranks (diverged = \"rank\"), not by a t-test")
                continue
            }
            let decision: Statistics.Decision, margin: Double?
            switch claim.test {
            case .superior, .ordering, .threshold: (decision, margin) = (.above, nil)
            case .noninferior(let m, _): (decision, margin) = (.above, m)
            case .range(_, let band, _): (decision, margin) = (.above, band)
            case .equivalent(let m, _): (decision, margin) = (.inside, m)
            default:
                notSized.append("\(number) (\(claim.kind)): no comparison of means")
                continue
            }
            let alpha = claim.primary ? 0.05 / Double(max(1, familySize)) : 0.05
            let level = claim.primary ? String(format: "primary, Holm's smallest threshold 0.05/%d = %.4g", max(1, familySize), alpha) : "exploratory, 0.05"
            headers.append(ClaimHeader(claim: number, text: "\(number) \(claim.kind) (\(level)): \(short)"))
            for group in ClaimEvaluation.groups(claim, spec) {
                let d = ClaimData(results: results, claim: claim, group: group)
                for pair in Self.pairs(d) {
                    let confirmatory = Spread(pair.values(false)), pilot = spec.pilotSeeds.isEmpty ? nil : Spread(pair.values(true))
                    var row = Row(claim: number, group: group, comparison: pair.name, stored: confirmatory?.seeds ?? "—",
                                  sd: confirmatory?.sd, pilotSD: pilot?.sd, effect: "", alpha: alpha, needed: nil, planned: planned)
                    guard let spread = confirmatory else {
                        row.why = "fewer than two stored seeds on a side"
                        rows.append(row)
                        continue
                    }
                    func sized(_ effect: String, _ difference: Double) -> Row {
                        var r = row
                        r.effect = effect
                        if !(spread.sd > 0) { r.why = "no spread between seeds: a t-test cannot be sized" }
                        else {
                            r.needed = Statistics.seedsNeeded(effect: difference / spread.sd, paired: spread.paired, alpha: alpha, decision: decision,
                                                              power: power, limit: Self.limit)
                        }
                        return r
                    }
                    if let margin {
                        let what = decision == .inside ? "0 inside ±\(Self.f(margin)) (TOST)" : "0 against margin \(Self.f(margin))"
                        rows.append(sized(what + (spread.sd > 0 ? " = \(Self.f(margin / spread.sd)) sd" : ""), margin))
                    } else {
                        for k in effects { rows.append(sized("\(Self.f(k)) sd = \(Self.f(k * spread.sd))", k * spread.sd)) }
                        for x in absoluteEffects { rows.append(sized("\(Self.f(x))" + (spread.sd > 0 ? " = \(Self.f(x / spread.sd)) sd" : ""), x)) }
                    }
                }
            }
        }
    }

    /// The spread a comparison is sized from: of the per-seed differences when both arms ran the
    /// same seeds (as `ClaimComparison` pairs them), else the two arms' pooled standard deviation.
    struct Spread {
        var sd: Double
        var paired: Bool
        var seeds: String

        init?(_ arms: (a: [Int: Double], b: [Int: Double])?) {
            guard let (a, b) = arms else { return nil }
            let shared = Set(a.keys).intersection(b.keys)
            if shared.count >= 2, shared.count == a.count, shared.count == b.count {
                sd = Self.sd(shared.sorted().map { a[$0]! - b[$0]! })
                paired = true
                seeds = "\(shared.count) paired"
            } else {
                guard a.count >= 2, b.count >= 2 else { return nil }
                let (sa, sb) = (Self.sd(ClaimData.ordered(a)), Self.sd(ClaimData.ordered(b)))
                let (na, nb) = (Double(a.count), Double(b.count))
                sd = (((na - 1) * sa * sa + (nb - 1) * sb * sb) / (na + nb - 2)).squareRoot()
                paired = false
                seeds = "\(a.count) and \(b.count)"
            }
        }

        static func sd(_ x: [Double]) -> Double {
            let m = x.reduce(0, +) / Double(x.count)
            return (x.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(x.count - 1)).squareRoot()
        }
    }

    /// One compared pair of a claim in a group: its name and its two arms' values by seed
    /// (confirmatory, or pilot).
    struct Pair {
        var name: String
        var values: (_ pilot: Bool) -> (a: [Int: Double], b: [Int: Double])?
    }

    /// The pairs a claim's verdict compares, as its evaluator does: the subject against each other
    /// arm; every earlier arm of an ordering against every later one; each arm of a range against
    /// the best (by the stored confirmatory means); a threshold's per-seed contrast against 0.
    static func pairs(_ d: ClaimData) -> [Pair] {
        func two(_ a: String, _ b: String) -> (Bool) -> (a: [Int: Double], b: [Int: Double])? {
            { pilot in
                guard let x = d.values(a, pilot: pilot), let y = d.values(b, pilot: pilot) else { return nil }
                return (x, y)
            }
        }
        switch d.claim.test {
        case .superior, .noninferior, .equivalent:
            guard let subject = d.claim.subject else { return [] }
            return d.claim.others.map { Pair(name: "\(subject) vs \($0)", values: two(subject, $0)) }
        case .ordering(let order):
            return order.indices.flatMap { i in order.indices.filter { $0 > i }.map { j in
                Pair(name: "\(order[i]) over \(order[j])", values: two(order[i], order[j])) } }
        case .range(let arms, _, _):
            let means = arms.map { d.values($0).map { d.sign * ClaimData.mean($0) } ?? -.infinity }
            guard let best = means.indices.max(by: { means[$0] < means[$1] }) else { return [] }
            return arms.indices.filter { $0 != best }.map { Pair(name: "\(arms[$0]) vs the best, \(arms[best])", values: two(arms[$0], arms[best])) }
        case .threshold(let axis, let at, _):
            let arms = d.arms(along: axis)
            let above = arms.filter { $0.value >= at }, below = arms.filter { $0.value < at }
            let name = "\(d.claim.metric): \(axis) ≥ \(f(at)) against below, per-seed contrast"
            return [Pair(name: name) { pilot in
                let a = above.compactMap { d.values($0.label, pilot: pilot) }, b = below.compactMap { d.values($0.label, pilot: pilot) }
                guard a.count == above.count, b.count == below.count, !a.isEmpty, !b.isEmpty else { return nil }
                let seeds = (a + b).map { Set($0.keys) }.reduce(Set(a[0].keys)) { $0.intersection($1) }
                // Each side's mean per seed; the contrast is the one-sample t's data, so compare it with 0 on the same seeds.
                let contrast = Dictionary(uniqueKeysWithValues: seeds.map { s in
                    (s, a.reduce(0) { $0 + $1[s]! } / Double(a.count) - b.reduce(0) { $0 + $1[s]! } / Double(b.count)) })
                return (contrast, contrast.mapValues { _ in 0 })
            }]
        default:
            return []
        }
    }

    static func f(_ x: Double) -> String { String(format: "%.3g", x) }

    /// Rows whose planned seeds fall short of those needed.
    public var shortRows: [Row] { rows.filter(\.short) }

    /// The table: claim, group, comparison, seeds stored, sd, pilot sd (and confirmatory ÷ pilot),
    /// effect, level, seeds needed, planned, and the flag.
    public var table: String {
        var out = [["claim", "group", "comparison", "stored", "sd", "pilot sd (sd ÷ pilot)", "effect", "α (two-sided)", "seeds needed", "planned", ""]]
        var previous: String?
        for r in rows {
            // A comparison sized at several effects: its own cells once, on its first row.
            let key = "\(r.claim)|\(r.group)|\(r.comparison)", repeated = key == previous
            previous = key
            if repeated {
                out.append(["", "", "", "", "", "", r.effect, String(format: "%.4g", r.alpha), r.needed.map(String.init) ?? (r.why == nil ? "> \(Self.limit)" : "— (\(r.why!))"),
                            "\(r.planned)", r.short ? "fewer seeds than needed" : ""])
                continue
            }
            let pilot = r.pilotSD.map { p in Self.f(p) + (p > 0 && (r.sd ?? 0) > 0 ? " (×\(String(format: "%.2g", r.sd! / p)))" : "") } ?? "—"
            let needed = r.needed.map(String.init) ?? (r.why == nil ? "> \(Self.limit)" : "— (\(r.why!))")
            out.append(["\(r.claim)", r.group.isEmpty ? "—" : r.group, r.comparison, r.stored, r.sd.map(Self.f) ?? "—", pilot,
                        r.effect, String(format: "%.4g", r.alpha), needed, "\(r.planned)", r.short ? "fewer seeds than needed" : ""])
        }
        let widths = out[0].indices.map { j in out.map { $0[j].count }.max() ?? 0 }
        // Trailing blanks trimmed only: a repeated row's leading cells are blank on purpose.
        return out.map { r in
            var line = r.enumerated().map { $1.padding(toLength: widths[$0], withPad: " ", startingAt: 0) }.joined(separator: "  ")
            while line.last == " " { line.removeLast() }
            return line
        }.joined(separator: "\n")
    }

    /// The whole text: header, claims, table, what was not sized, and the pilots against the stored spread.
    public var text: String {
        var lines = ["\(spec.name) [\(spec.profile)]: confirmatory seeds for \(Int((power * 100).rounded())) % power, sized from the stored confirmatory spread (\(spec.seeds.count) seeds planned)"]
        lines += headers.map { "  claim " + $0.text }
        lines.append("")
        lines.append(rows.isEmpty ? "(no claim compares means)" : table)
        if !notSized.isEmpty { lines.append(""); lines.append("not sized: " + notSized.joined(separator: "; ")) }
        let ratios = rows.compactMap { r -> Double? in
            guard let p = r.pilotSD, let s = r.sd, p > 0, s > 0 else { return nil }
            return s / p
        }
        if !ratios.isEmpty {
            let far = ratios.map { max($0, 1 / $0) }.max()!
            lines.append(String(format: "pilot against stored sd: confirmatory ÷ pilot from %.2g to %.2g over %d comparisons (the farthest %.2g× off)",
                                ratios.min()!, ratios.max()!, Set(rows.map { "\($0.claim)|\($0.group)|\($0.comparison)" }).count, far))
        } else if spec.pilotSeeds.isEmpty {
            lines.append("no pilot seeds declared: no pilot spread to compare")
        }
        let short = shortRows.count
        lines.append(short == 0 ? "every sized comparison has the seeds it needs" : "\(short) of \(rows.count) row(s): fewer seeds than needed")
        lines.append("(sd: of the per-seed differences over shared seeds (paired), else pooled; seeds: the smallest number whose exact noncentral-t power reaches the target, "
                     + "per arm when not paired; superiority-type claims declare no effect, so multiples of the sd are sized, never the observed difference)")
        return lines.joined(separator: "\n")
    }
}
