import RepriseConfig

/// A claim of the paper, checked on stored results in each variant group it is about.
/// Its `kind` names a claim kind of the catalog (`ClaimKinds`: superior, noninferior, equivalent,
/// ordering, published, proportion, spread, trend, threshold, range, cost), whose keys `settings` holds.
public struct ClaimSpec: Sendable, Hashable {
    public var text: String
    /// The claim kind's name in the catalog.
    public var kind: String
    /// What the claim tests, with its kind's settings, typed.
    public var test: ClaimTest
    /// The metric compared (the per-start tensor, for a per-start proportion; empty for a cost).
    public var metric: String
    public var overEpochs: EpochReduction
    /// What a comparative claim does with a diverged run (`diverged`): drop it, or rank it worst.
    public var diverged: DivergedRuns = .drop
    /// The arm the claim is about, and the arms it is compared with.
    public var subject: String?
    public var others: [String]
    /// A headline claim of the paper (adjusted with the paper's other primary claims by Holm's
    /// procedure in REPORT.md); otherwise exploratory, reported unadjusted and labelled so.
    public var primary = false
    /// The variant groups the claim is about (`group`, `groups`); nil: every group that holds its
    /// arms (`every_group`, or an experiment whose claim arms sit in one group). Named or every, the
    /// claim holds only where it holds in each: an intersection–union test, each group's verdict printed.
    public var groups: [String]?
    /// Whether the statement says "in every group" (`every_group = true`).
    public var everyGroup = false
    /// When the claim was stated and how it changed since (`stated`, `revisions`).
    public var history = ClaimHistory()
    /// What a reader must know beside the verdict, printed with it (`note`).
    public var note: String?
    /// Why the claim was withdrawn (it is Reprise's, not the paper's), or nil: a withdrawn claim is
    /// still evaluated and printed with its last verdict, apart, outside Holm's family and the counts.
    public var withdrawn: String?
    /// The claim as first stated, when a revision changed what it tests (`[claims.revisions.was]`):
    /// evaluated beside the present one, never in its place. At most one.
    public var original: [ClaimSpec] = []

    /// The one group a claim names, if it names exactly one.
    public var group: String? { groups?.count == 1 ? groups?.first : nil }

    /// Reads a claim kind's validated settings (the parser's output) into typed fields.
    public init(text: String, kind: String, settings s: [String: ConfigValue], primary: Bool = false, group: String? = nil) {
        self.text = text
        self.kind = kind
        self.primary = primary
        self.groups = group.map { [$0] }
        metric = s["metric"]?.string ?? ""
        overEpochs = s["over_epochs"]?.string.flatMap(EpochReduction.init) ?? .final
        diverged = s["diverged"]?.string.flatMap(DivergedRuns.init) ?? .drop
        subject = s["subject"]?.string
        others = s["others"]?.array?.compactMap(\.string) ?? []
        func number(_ key: String) -> Double? { s[key]?.number }
        func labels(_ key: String) -> [String] { s[key]?.array?.compactMap(\.string) ?? [] }
        let rate: ClaimTest.Bound = number("at_least").map { .atLeast($0) } ?? .atMost(number("at_most") ?? 1)
        switch kind {
        case "noninferior": test = .noninferior(margin: number("margin") ?? 0, why: s["margin_why"]?.string ?? "")
        case "equivalent": test = .equivalent(margin: number("margin") ?? 0, why: s["margin_why"]?.string ?? "")
        case "ordering": test = .ordering(labels("order"))
        case "published": test = .published(value: number("value") ?? .nan, source: s["source"]?.string ?? "")
        case "proportion":
            test = .proportion(perStart: s["per"]?.string == "start",
                               event: number("below").map { .below($0) } ?? .above(number("above") ?? 0), rate: rate)
        case "spread": test = .spread
        case "trend": test = .trend(axis: s["axis"]?.string ?? "", increasing: s["direction"]?.string == "increasing")
        case "threshold":
            test = .threshold(axis: s["axis"]?.string ?? "", at: number("at") ?? .nan, betterAbove: s["direction"]?.string == "better_above")
        case "range": test = .range(arms: labels("arms"), band: number("band") ?? 0, why: s["band_why"]?.string ?? "")
        case "cost": test = .cost(measure: s["measure"]?.string.flatMap(ClaimTest.CostMeasure.init) ?? .stepSeconds, ratio: rate)
        case "cost_trend":
            test = .costTrend(measure: s["measure"]?.string.flatMap(ClaimTest.CostMeasure.init) ?? .stepSeconds, falling: s["direction"]?.string == "falls")
        // Validation admits only `ClaimKinds.all`; `ClaimKindTests.testEveryRegisteredKindReadsAsItself`
        // fails when a registered kind falls through to here.
        default: test = .superior
        }
    }

    /// Whether the verdict ranks diverged runs worst and tests on ranks (`diverged = "rank"`).
    public var ranksDiverged: Bool { diverged == .rank }

    /// Whether the verdict compares arms' means with t-intervals, so that pilot seeds give its power line.
    public var comparesMeans: Bool { test.comparesMeans && !ranksDiverged }

    /// Every variant label the claim names.
    public var arms: [String] {
        var named = (subject.map { [$0] } ?? []) + others
        if case .ordering(let order) = test { named += order }
        if case .range(let arms, _, _) = test { named += arms }
        return named
    }
}

/// What a comparative claim does with a run that diverged or whose reduced metric is not finite.
public enum DivergedRuns: String, Sendable, Hashable {
    /// Leave the seed out of that arm (a diverged run has no trained value); t-tests as stated.
    case drop
    /// Keep the seed with the worst value (±∞ in the metric's direction) and test on ranks.
    case rank
}

/// What a claim tests: one case per claim kind of the catalog (`ClaimKinds`), with its settings.
public enum ClaimTest: Sendable, Hashable {
    /// A bound on a rate or a ratio: the claim holds when the interval lies above `atLeast` or below `atMost`.
    public enum Bound: Sendable, Hashable {
        case atLeast(Double), atMost(Double)
        public var value: Double { switch self { case .atLeast(let x), .atMost(let x): return x } }
        public var isAtMost: Bool { if case .atMost = self { return true } else { return false } }
    }
    /// A proportion's event: the value below or above a threshold.
    public enum Event: Sendable, Hashable { case below(Double), above(Double) }
    /// A cost claim's stored measure.
    public enum CostMeasure: String, Sendable, Hashable {
        case stepSeconds = "step_seconds", memoryBytes = "memory_bytes", bufferBytes = "buffer_bytes"
    }

    case superior
    case noninferior(margin: Double, why: String)
    case equivalent(margin: Double, why: String)
    case ordering([String])
    case published(value: Double, source: String)
    case proportion(perStart: Bool, event: Event, rate: Bound)
    case spread
    case trend(axis: String, increasing: Bool)
    /// A regime change at `at` of the numeric variant key `axis`: the arms at or above it better
    /// (`betterAbove`) or worse than those below, per seed.
    case threshold(axis: String, at: Double, betterAbove: Bool)
    case range(arms: [String], band: Double, why: String)
    case cost(measure: CostMeasure, ratio: Bound)
    /// The subject's cost over one other arm's, falling (or rising) across the claim's groups in
    /// their listed order: one verdict across the groups, not one per group.
    case costTrend(measure: CostMeasure, falling: Bool)

    /// Whether the verdict compares arms' means with t-intervals (pilot seeds then give its power line).
    public var comparesMeans: Bool {
        switch self {
        case .superior, .noninferior, .equivalent, .ordering, .range: return true
        default: return false
        }
    }

    /// The numeric variant key that orders (trend) or splits (threshold) the arms.
    public var axis: String? {
        switch self {
        case .trend(let axis, _), .threshold(let axis, _, _): return axis
        default: return nil
        }
    }

    /// Whether it reads a stored cost (seconds or bytes per step), not a metric.
    public var readsCost: Bool {
        switch self {
        case .cost, .costTrend: return true
        default: return false
        }
    }

    /// Whether one verdict reads across the claim's groups (in their listed order) rather than one per group.
    public var acrossGroups: Bool { if case .costTrend = self { return true } else { return false } }

    /// Whether it places the paper's number in a distribution (no p-value: not in Holm's family).
    public var isPlacement: Bool { if case .published = self { return true } else { return false } }
}

/// When a claim was stated and how it changed (issue 30): the commit that first stated it, whether
/// results of its experiment had been committed by then (so the claim may have been written after
/// seeing them), and each later revision (its statement or test changed) or correction (code or
/// scope fixed to match its unchanged statement), oldest first. `ClaimHistoryTests` checks every
/// committed spec's history against git.
public struct ClaimHistory: Sendable, Hashable {
    public struct Change: Sendable, Hashable {
        /// revision: the statement or its test changed; correction: code or scope fixed to match the
        /// unchanged statement; wording: the statement reworded, its test unchanged.
        public enum Kind: String, Sendable, Hashable, CaseIterable { case revision, correction, wording }
        public var commit: String
        public var reason: String
        public var kind: Kind
        public init(commit: String, reason: String, kind: Kind) {
            self.commit = commit
            self.reason = reason
            self.kind = kind
        }
    }

    /// The commit in which the claim first appeared (nil: not recorded).
    public var stated: String?
    /// Whether results of the claim's experiment had been committed when it was stated.
    public var statedAfterResults: Bool?
    public var changes: [Change] = []

    public init(stated: String? = nil, statedAfterResults: Bool? = nil, changes: [Change] = []) {
        self.stated = stated
        self.statedAfterResults = statedAfterResults
        self.changes = changes
    }

    /// The history in one line, for reports: when stated, against what was known, and each change.
    public var text: String? {
        guard let stated else { return changes.isEmpty ? nil : changes.map(Self.describe).joined(separator: "; ") }
        var s = "stated in `\(stated.prefix(8))` "
        switch statedAfterResults {
        case true?: s += "after earlier results of this design were seen"
        case false?: s += "before any result of this design existed"
        case nil: s += "(whether results existed then is not recorded)"
        }
        return ([s] + changes.map(Self.describe)).joined(separator: "; ")
    }

    static func describe(_ c: Change) -> String {
        "\(c.kind == .revision ? "revised" : c.kind == .correction ? "corrected" : "reworded") in " + (c.commit == pending ? "this change" : "`\(c.commit.prefix(8))`") + ": \(c.reason)"
    }

    /// The commit of a change made in the commit that records it (its hash is not known before).
    public static let pending = "PENDING"
}
