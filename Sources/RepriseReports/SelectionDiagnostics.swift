import Foundation
import RepriseConfig
import RepriseExperiments
import RepriseStore

/// How far the choice of one selected variant can be trusted, from its selection record, the
/// per-seed scores of its declared grid (`SelectionSeedScores`) and its extension beyond the grid.
public struct SelectionDiagnostic: Sendable, Equatable {
    /// The winner does not beat the runner-up on every selection seed.
    public enum Tie: Sendable, Equatable {
        /// One selection seed, on which the winner is strictly better: there is nothing to compare
        /// across seeds, and a rounding change can flip the choice.
        case oneSeed
        /// The seeds on which the runner-up is as good as the winner or better.
        case notBeatenOn([Int])
    }

    /// The winner with one selection seed left out, where it is another point.
    public struct Flip: Sendable, Equatable {
        public var seed: Int
        /// The point that wins without `seed`, by index in the declared grid and by label.
        public var winner: Int
        public var label: String
    }

    /// A searched key whose extension beyond the grid stopped at `extend_steps` while its last
    /// point still improved on the best: the optimum may lie further out.
    public struct StepLimitEdge: Sendable, Equatable {
        public var key: String
        public var steps: Int
        /// The last point tried (the extended winner).
        public var label: String
    }

    public var variant: String
    /// The declared grid's point labels, in grid order.
    public var labels: [String]
    public var winner: Int
    /// The declared grid's next best point by its mean score (nil when no other point has a finite one).
    public var runnerUp: Int?
    /// Every point's score on every selection seed; nil when the runs cannot be read.
    public var seedScores: SelectionSeedScores?
    public var tie: Tie?
    /// Leave-one-seed-out: each selection seed without which another point wins (needs ≥ 2 seeds).
    public var flips: [Flip]
    public var stepLimitEdges: [StepLimitEdge]

    /// The choice changes with a selection seed left out.
    public var isFragile: Bool { !flips.isEmpty }

    /// What a tie means, in words.
    public var tieText: String? {
        switch tie {
        case nil: return nil
        case .oneSeed: return "one selection seed: a rounding change can flip the choice"
        case .notBeatenOn(let seeds):
            let next = runnerUp.map { " " + Summary.readable(labels[$0]) } ?? ""
            return "the runner-up\(next) is as good or better on selection seed\(seeds.count == 1 ? "" : "s") \(Self.list(seeds))"
        }
    }

    /// The short flags of the summary's "chosen on validation" column: a tie on some seed, a choice
    /// that flips with a seed left out, an extension stopped by its step limit. One selection seed
    /// is said once for the experiment, among its notes (`SelectionDiagnostics.designNotes`).
    public var flags: [String] {
        var out: [String] = []
        if case .notBeatenOn(let seeds) = tie { out.append("TIE on seed\(seeds.count == 1 ? "" : "s") \(Self.list(seeds))") }
        if isFragile {
            out.append("FRAGILE: " + flips.map { "without seed \($0.seed) \(Summary.readable($0.label)) wins" }.joined(separator: ", "))
        }
        for edge in stepLimitEdges {
            out.append("STEP-LIMIT EDGE: \(edge.key) still improving at \(Summary.readable(edge.label)) after \(edge.steps) step\(edge.steps == 1 ? "" : "s") beyond the grid")
        }
        return out
    }

    static func list(_ seeds: [Int]) -> String { seeds.map(String.init).joined(separator: ", ") }
}

/// The diagnostics of an experiment's selections: each selected variant's (`SelectionDiagnostic`),
/// each claim's fragility (the reasons its arms' choices could have gone otherwise), and the design
/// notes of its selection stage (seeds shared with the confirmatory ones, one selection seed, a
/// selection metric other than a claim's, claims whose arms search grids of different sizes).
/// Computed from `StoredResults` alone; nothing here changes a choice, a verdict or a stored file.
public struct SelectionDiagnostics {
    public let spec: ExperimentSpec
    /// By variant name: every selected variant whose selection is stored and matches the spec.
    public let variants: [String: SelectionDiagnostic]

    public init(_ results: StoredResults) {
        spec = results.spec
        var variants: [String: SelectionDiagnostic] = [:]
        for variant in results.spec.selectedVariants {
            guard let record = results.selections[variant.name] else { continue }
            variants[variant.name] = Self.diagnose(results.spec, variant: variant, record: record,
                                                   seedScores: results.selectionSeedScores[variant.name],
                                                   extended: results.extendedSelections[variant.name])
        }
        self.variants = variants
    }

    /// One variant's diagnostic from its declared record, its per-seed scores and its extension.
    static func diagnose(_ spec: ExperimentSpec, variant: Variant, record: SelectionRecord,
                         seedScores: SelectionSeedScores?, extended: SelectionRecord?) -> SelectionDiagnostic {
        let goal = spec.goal(of: record.metric), means = record.scores, winner = record.winner
        let others = means.indices.filter { $0 != winner && means[$0].isFinite }
        let runnerUp = means[winner].isFinite ? others.min { goal.prefers(means[$0], over: means[$1]) } : nil
        let seeds = spec.selection?.seeds ?? [record.seed]
        // With one seed the record's scores are that seed's: no runs need reading.
        let scores = seedScores ?? (seeds.count == 1 ? SelectionSeedScores(seeds: seeds, scores: means.map { [$0] }) : nil)
        var tie: SelectionDiagnostic.Tie?
        var flips: [SelectionDiagnostic.Flip] = []
        if let scores, scores.scores.count == means.count {
            if let runnerUp {
                let lost = scores.seeds.indices.filter { !goal.prefers(scores.scores[winner][$0], over: scores.scores[runnerUp][$0]) }
                tie = !lost.isEmpty ? .notBeatenOn(lost.map { scores.seeds[$0] }) : scores.seeds.count == 1 ? .oneSeed : nil
            } else if scores.seeds.count == 1 {
                tie = .oneSeed
            }
            if scores.seeds.count >= 2 {
                for k in scores.seeds.indices {
                    let without = selectWinner(scores.means { $0 != k }, goal: goal)
                    if without != winner { flips.append(.init(seed: scores.seeds[k], winner: without, label: record.labels[without])) }
                }
            }
        }
        return SelectionDiagnostic(variant: variant.name, labels: record.labels, winner: winner, runnerUp: runnerUp,
                                   seedScores: scores, tie: tie, flips: flips,
                                   stepLimitEdges: stepLimitEdges(spec, variant: variant, declared: record, extended: extended))
    }

    /// The edges whose extension stopped at `extend_steps` with every step still improving: the
    /// runner's extension (`Runner.extend`) replayed on the stored extended record. A record that
    /// does not follow the spec's steps (made with another `extend_steps`) gives no more edges; an
    /// edge stopped by its key's range (no further step allowed) is not one stopped by the limit.
    static func stepLimitEdges(_ spec: ExperimentSpec, variant: Variant, declared: SelectionRecord,
                               extended: SelectionRecord?) -> [SelectionDiagnostic.StepLimitEdge] {
        guard let extended, let limit = spec.selection?.extendSteps, limit > 0 else { return [] }
        let goal = spec.goal(of: declared.metric), grid = spec.grid(of: variant)
        guard grid.indices.contains(declared.winner) else { return [] }
        var next = grid.count, best = declared.winner, bestPoint = grid[best]
        var out: [SelectionDiagnostic.StepLimitEdge] = []
        for (key, side, _) in spec.edgeSides(of: variant, winner: declared.winner) {
            var current = bestPoint, steps = 0, improving = true
            while steps < limit {
                guard let point = spec.stepBeyond(current, key: key, of: variant, side: side) else { improving = false; break }
                guard next < extended.scores.count, extended.points[next] == ConfigValue.table(point.values).canonicalJSON else { return out }
                let score = extended.scores[next]
                next += 1
                steps += 1
                guard score.isFinite, goal.prefers(score, over: extended.scores[best]) else { improving = false; break }
                best = next - 1
                bestPoint = point
                current = point
            }
            if improving && steps == limit { out.append(.init(key: key, steps: steps, label: extended.labels[best])) }
        }
        return out
    }

    // MARK: Claims

    /// The variants a claim compares, by the group it is checked in (`ClaimEvaluation.groups`):
    /// those whose label it names, or every variant along a trend's axis.
    func arms(of claim: ClaimSpec) -> [(group: String, variants: [Variant])] {
        ClaimEvaluation.groups(claim, spec).map { group in
            (group, spec.variants.filter { v in
                guard v.group == group else { return false }
                if case .trend(let axis, _) = claim.test { return v.number(axis) != nil }
                return claim.arms.contains(v.label)
            })
        }
    }

    /// The claim's selected arms, each once, in the order the claim names them (its subject first).
    private func selectedArms(of claim: ClaimSpec) -> [Variant] {
        var seen: Set<String> = []
        let order = claim.arms
        return arms(of: claim).flatMap(\.variants).filter { $0.isSelected && seen.insert($0.name).inserted }
            .enumerated().sorted { a, b in
                let (i, j) = (order.firstIndex(of: a.element.label) ?? order.count, order.firstIndex(of: b.element.label) ?? order.count)
                return i != j ? i < j : a.offset < b.offset
            }.map(\.element)
    }

    /// Why the claim's verdict rests on choices that could have gone otherwise: an arm whose choice
    /// flips with a selection seed left out, arms chosen on one selection seed, and (given by the
    /// caller, which evaluates claims) a verdict that differs with the grid extended. Empty: none.
    public func fragility(of claim: ClaimSpec, verdictDiffersWithExtension: Bool = false) -> [String] {
        var reasons: [String] = []
        // A step's counted bytes and, at a fixed schedule, its seconds do not depend on the chosen
        // learning rate: a cost claim is not fragile to the choice.
        let isCost = claim.test.readsCost
        let arms = isCost ? [] : selectedArms(of: claim).filter { variants[$0.name] != nil }
        for arm in arms {
            for flip in variants[arm.name]?.flips ?? [] {
                reasons.append("\(arm.label)'s choice flips to \(Summary.readable(flip.label)) without selection seed \(flip.seed)")
            }
        }
        if spec.selection?.seeds.count == 1, !arms.isEmpty {
            // One label once, though it names an arm in several groups.
            let labels = arms.map(\.label).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
            reasons.append("\(labels.joined(separator: ", ")) chosen on one selection seed")
        }
        if verdictDiffersWithExtension { reasons.append("the verdict differs with the grid extended") }
        return reasons
    }

    /// The selection's metric or reduction over epochs, where it is not the claim's and an arm of
    /// the claim is selected: the hyperparameters were chosen for another number than the one
    /// judged. The held-out split is not counted (choosing on `validation_accuracy` for a claim on
    /// `test_accuracy` is the design); a cost claim, which reads no metric, has none.
    public func metricMismatch(of claim: ClaimSpec) -> (selection: String, claim: String)? {
        guard let s = spec.selection, !claim.metric.isEmpty, !selectedArms(of: claim).isEmpty else { return nil }
        if claim.test.readsCost { return nil }
        guard Self.heldOut(s.metric) != Self.heldOut(claim.metric) || s.overEpochs != claim.overEpochs else { return nil }
        return ("\(s.overEpochs) \(s.metric)", "\(claim.overEpochs) \(claim.metric)")
    }

    /// A metric with its held-out split (`validation_`, `test_`) taken off.
    private static func heldOut(_ metric: String) -> String {
        for prefix in ["validation_", "test_"] where metric.hasPrefix(prefix) { return "held-out " + metric.dropFirst(prefix.count) }
        return metric
    }

    /// Each group in which the claim's selected arms search grids of different sizes, with every
    /// selected arm's count: unequal tuning budgets favour the arm searched more. An arm with fixed
    /// hyperparameters has no grid to compare (a claim that tuning is not needed is the design),
    /// and a cost claim reads no tuned number.
    public func gridParity(of claim: ClaimSpec) -> [String] {
        if claim.test.readsCost { return [] }
        return arms(of: claim).compactMap { group, variants in
            let selected = variants.filter(\.isSelected), counts = selected.map { spec.grid(of: $0).count }
            guard Set(counts).count > 1 else { return nil }
            let each = zip(selected, counts).map { v, n in "\(v.label): \(n) point\(n == 1 ? "" : "s")" }
            return (group.isEmpty ? "" : "\(group): ") + each.joined(separator: ", ")
        }
    }

    // MARK: Design notes

    /// What the selection stage's design leaves open, for the summary's notes: selection seeds that
    /// are also confirmatory seeds, one selection seed, claims judged on another metric than the
    /// selection's, and claims whose arms search grids of different sizes. Notes, not errors: the
    /// spec is valid as it stands.
    public var designNotes: [String] {
        guard let s = spec.selection, !spec.selectedVariants.isEmpty else { return [] }
        var notes: [String] = []
        let disjoint = "a choice wants at least 3 selection seeds disjoint from the confirmatory ones"
        let shared = s.seeds.filter(spec.seeds.contains)
        if !shared.isEmpty {
            notes.append("selection seed\(shared.count == 1 ? "" : "s") \(SelectionDiagnostic.list(shared)) \(shared.count == 1 ? "is" : "are") also confirmatory: "
                         + "the chosen points were scored on the seeds the claims then test; \(disjoint)")
        }
        if s.seeds.count == 1 {
            notes.append("one selection seed (\(s.seed)): a rounding change can flip any choice, and no choice can be checked seed by seed; \(disjoint)")
        }
        var mismatched: [(selection: String, claim: String, texts: [String])] = []
        for claim in spec.claims {
            guard let m = metricMismatch(of: claim) else { continue }
            if let i = mismatched.firstIndex(where: { $0.claim == m.claim }) { mismatched[i].texts.append(claim.text) } else { mismatched.append((m.selection, m.claim, [claim.text])) }
        }
        for m in mismatched {
            let n = m.texts.count
            let named = " (" + m.texts.prefix(3).map { "“\(Self.short($0))”" }.joined(separator: ", ") + (n > 3 ? " and \(n - 3) more" : "") + ")"
            let which = n == spec.claims.count ? (n == 1 ? "the claim judges \(m.claim)" : "every claim judges \(m.claim)")
                : (n == 1 ? "a claim judges" : "\(n) claims judge") + " \(m.claim)" + named
            notes.append("metric mismatch: the selection chose on \(m.selection), \(which)")
        }
        for claim in spec.claims {
            for group in gridParity(of: claim) {
                notes.append("grid parity: the arms of “\(Self.short(claim.text))” search grids of different sizes (\(group))")
            }
        }
        return notes
    }

    /// A claim's text cut to its first 48 characters.
    private static func short(_ text: String) -> String { text.count <= 48 ? text : text.prefix(47) + "…" }
}
