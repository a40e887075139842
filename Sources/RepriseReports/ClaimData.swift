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
