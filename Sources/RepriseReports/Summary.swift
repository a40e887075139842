import Foundation
import RepriseExperiments
import RepriseStore

/// The table of final metrics per variant, mean ± std over seeds, from the store; with each
/// variant's group and chosen hyperparameters when the spec has them, and the spec's claims checked.
public struct Summary {
    public struct Column {
        public var title: String
        public var values: (CellRecord) -> Double?
        /// A cost measured on the clock: taken from every cell, diverged ones included.
        public var wallClock = false

        /// The column's finite values over a variant's cells: every cell for a wall-clock cost,
        /// else the `complete` ones (a diverged cell's last values are those of a run cut short).
        func finiteValues(all: [CellRecord], complete: [CellRecord]) -> [Double] {
            (wallClock ? all : complete).compactMap(values).filter(\.isFinite)
        }
    }

    public let results: StoredResults
    public let columns: [Column]
    /// How far each selection's choice can be trusted: flags in the table, claims' fragility, notes.
    public let diagnostics: SelectionDiagnostics

    public init(_ results: StoredResults) {
        self.results = results
        diagnostics = SelectionDiagnostics(results)
        func over(_ name: String, _ how: EpochReduction) -> (CellRecord) -> Double? {
            { $0.series["epochs"]?[name].map { reduceOverEpochs($0, how, goal: results.spec.goal(of: name)) } }
        }
        // The problem's own metrics, as its catalog entry declares them and the store holds them:
        // accuracies when it has any (with the best test accuracy too), else every metric.
        let diagnostics = Set(results.spec.stepMetrics)
        let stored = results.spec.epochMetrics.dropFirst(2).filter { m in
            !diagnostics.contains(m) && results.records.contains { $0.series["epochs"]?[m] != nil }
        }
        let accuracies = stored.filter { $0.hasSuffix("_accuracy") }
        var columns = [Column(title: "final train loss", values: over("train_loss", .final))]
        for metric in accuracies.isEmpty ? Array(stored) : accuracies {
            let name = metric.replacingOccurrences(of: "validation_", with: "val ").replacingOccurrences(of: "_accuracy", with: " acc")
                .replacingOccurrences(of: "_", with: " ")
            columns.append(Column(title: "final \(name)", values: over(metric, .final)))
            if metric == "test_accuracy" { columns.append(Column(title: "best test acc", values: over(metric, .best))) }
        }
        columns.append(Column(title: "ms/step (wall)", values: { r in
            let s = r.wallclockSeries["step_seconds"] ?? []
            return s.isEmpty ? nil : 1000 * s.reduce(0, +) / Double(s.count)
        }, wallClock: true))
        self.columns = columns
    }

    var spec: ExperimentSpec { results.spec }
    private var hasGroups: Bool { spec.variants.contains(where: \.hasGroup) }
    private var hasSelections: Bool { !spec.selectedVariants.isEmpty }

    /// Variants ordered by group (in order of first appearance), then spec order.
    private var orderedVariants: [(variant: String, records: [CellRecord])] {
        let groups = spec.variantNames.map(spec.group(of:)).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        return results.byVariant.sorted { a, b in
            let ga = groups.firstIndex(of: spec.group(of: a.variant))!, gb = groups.firstIndex(of: spec.group(of: b.variant))!
            if ga != gb { return ga < gb }
            return spec.variantNames.firstIndex(of: a.variant)! < spec.variantNames.firstIndex(of: b.variant)!
        }
    }

    private var header: [String] {
        (hasGroups ? ["group"] : []) + ["variant", "seeds"] + columns.map(\.title) + (hasSelections ? ["chosen on validation"] : [])
    }

    private func rows() -> [[String]] {
        orderedVariants.map { variant, records in
            // Diverged cells are counted, never averaged: their last values are those of a run that
            // stopped mid-way. Only their cost (wall-clock) enters the table.
            let complete = records.filter { !$0.diverged }
            let diverged = records.count - complete.count
            var row = hasGroups ? [spec.group(of: variant)] : []
            row += [spec.label(of: variant), "\(records.count)" + (diverged > 0 ? " (\(diverged) diverged)" : "")]
            for c in columns {
                row.append(cell(c.finiteValues(all: records, complete: complete)))
            }
            if hasSelections {
                if let record = results.selections[variant], let table = spec.variants.first(where: { $0.name == variant }) {
                    let edges = spec.gridEdges(of: table, winner: record.winner)
                    var text = Self.readable(record.labels[record.winner]) + (edges.isEmpty ? "" : " (on the grid's edge: \(edges.joined(separator: "; ")))")
                    if let extended = results.extendedSelections[variant] {
                        let beyond = extended.labels.count - record.labels.count
                        text += extended.winner == record.winner
                            ? "; \(beyond) point\(beyond == 1 ? "" : "s") beyond the edge did not improve"
                            : "; beyond the edge: \(Self.readable(extended.labels[extended.winner])) (\(Self.score(extended.scores[extended.winner])) vs \(Self.score(record.scores[record.winner])))"
                    }
                    // The declared grid's runner-up: how far apart the choice was (one seed's
                    // scores a few thousandths apart are a near-tie that rounding can flip).
                    let goal = spec.goal(of: record.metric)
                    let others = record.scores.indices.filter { $0 != record.winner && record.scores[$0].isFinite }
                    if record.scores[record.winner].isFinite,
                       let next = others.min(by: { goal.prefers(record.scores[$0], over: record.scores[$1]) }) {
                        text += "; runner-up \(Self.readable(record.labels[next])): \(Self.score(record.scores[next])) vs \(Self.score(record.scores[record.winner]))"
                    }
                    text += (diagnostics.variants[variant]?.flags ?? []).map { "; " + $0 }.joined()
                    row.append(text)
                } else {
                    row.append("")
                }
            }
            return row
        }
    }

    /// A selection score as the summary prints it.
    private static func score(_ x: Double) -> String { String(format: "%.4f", x) }

    /// `mean ± std` over seeds in one notation chosen by the mean's size; the mean alone for one seed.
    /// A heavy tail (positive values whose mean exceeds 10 × their median) adds the median and the
    /// interquartile range, which one blown-up seed cannot move.
    private func cell(_ v: [Double]) -> String {
        guard !v.isEmpty else { return "–" }
        let (m, s) = meanAndStd(v)
        // One notation for the row's numbers, chosen by the mean's size.
        let pattern = abs(m) >= 1e-3 && abs(m) < 1e4 || m == 0 ? "%.4f" : "%.3e"
        func format(_ x: Double) -> String { String(format: pattern, x) }
        if v.count == 1 { return format(m) }
        var text = format(m) + " ± " + format(s)
        if let (q1, median, q3) = Self.quartiles(v), v.allSatisfy({ $0 > 0 }), m > 10 * median {
            text += " (median \(format(median)) [\(format(q1)), \(format(q3))])"
        }
        return text
    }

    /// The first quartile, the median and the third quartile (linear interpolation between order
    /// statistics, NumPy's default); nil for fewer than two values.
    static func quartiles(_ v: [Double]) -> (Double, Double, Double)? {
        guard v.count > 1 else { return nil }
        let x = v.sorted()
        func quantile(_ p: Double) -> Double {
            let h = p * Double(x.count - 1), i = Int(h.rounded(.down))
            return i + 1 < x.count ? x[i] + (h - Double(i)) * (x[i + 1] - x[i]) : x[i]
        }
        return (quantile(0.25), quantile(0.5), quantile(0.75))
    }

    /// Each claim checked in each group where its arms appear, by its kind's evaluator
    /// (`ClaimEvaluation`), and its p-value: the largest over its groups (the claim holds only if it
    /// holds in each), nil when nothing could be tested or the kind has none.
    struct ClaimOutcome {
        var claim: ClaimSpec
        var groups: [GroupVerdict]
        var pValue: Double?
    }

    var claimOutcomes: [ClaimOutcome] {
        spec.claims.map { claim in
            let groups = ClaimEvaluation.evaluate(claim, results)
            let ps = groups.compactMap(\.p)
            return ClaimOutcome(claim: claim, groups: groups, pValue: ps.isEmpty || ps.count < groups.count ? nil : ps.max())
        }
    }

    /// How a claim's kind reads, in the report's words.
    static func kindText(_ claim: ClaimSpec, _ spec: ExperimentSpec) -> String {
        let margin = { (value: Double, why: String) in "\(String(format: "%.4g", value)) (\(why))" }
        if claim.ranksDiverged, let ranked = rankKindText(claim) { return ranked }
        switch claim.test {
        case .superior: return "superior: the 95 % interval of how much better lies above 0"
        case .noninferior(let m, let why): return "non-inferior by margin \(margin(m, why)): the 95 % interval lies above −margin"
        case .equivalent(let m, let why): return "equivalent within margin \(margin(m, why)): the 90 % interval lies inside ±margin (two one-sided tests)"
        case .ordering(let order): return "ordering \(order.joined(separator: " > ")): every earlier arm superior to every later one at 95 %"
        case .published: return "published number: inside the central 95 % of the distribution over seeds (percentile rank, bootstrap interval; ≥ \(ClaimEvaluation.publishedSeeds(spec)) seeds)"
        case .proportion(_, _, let rate): return "proportion: the 95 % Wilson interval of the event's rate lies \(rate.isAtMost ? "below" : "above") the claimed rate"
        case .spread: return "spread: smaller seed-to-seed spread than each other arm, Brown–Forsythe at 5 %"
        case .trend(let axis, _): return "trend along \(axis): Page's L test, seeds as blocks, two-sided 5 %"
        case .threshold(let axis, let at, let betterAbove):
            return "threshold at \(axis) = \(String(format: "%.4g", at)): per seed, the mean of the arms at or above it minus the mean of those below, claimed \(betterAbove ? "better" : "worse") above; paired t, the 95 % interval of the contrast \(betterAbove ? "above" : "below") 0"
        case .range(_, let band, let why): return "range: every arm non-inferior to the best by band \(margin(band, why)) at 95 %"
        case .cost(let measure, let ratio):
            return measure == .stepSeconds
                ? "cost: the 95 % interval of the ratio of wall-clock seconds per step lies \(ratio.isAtMost ? "below" : "above") the claimed ratio"
                : "cost: the ratio of counted bytes is \(ratio.isAtMost ? "at most" : "at least") the claimed ratio (exact: the same every seed and machine)"
        case .costTrend(_, let falling):
            return "cost trend: the ratio \(falling ? "falls" : "rises") across the groups in their listed order; Page's L on the per-seed log ratios, seeds as blocks, two-sided 5 %"
        }
    }

    /// The test of a claim whose diverged runs are ranked worst (`diverged = "rank"`); nil for a kind without the key.
    static func rankKindText(_ claim: ClaimSpec) -> String? {
        let margin = { (value: Double, why: String) in "\(String(format: "%.4g", value)) (\(why))" }
        let ranks = "diverged runs ranked worst; Wilcoxon signed-rank over shared seeds, else Mann–Whitney U; Hodges–Lehmann estimate"
        switch claim.test {
        case .superior: return "superior on ranks (\(ranks)): one-sided p of better > 0, doubled, below 0.05"
        case .noninferior(let m, let why): return "non-inferior by margin \(margin(m, why)) on ranks (\(ranks)): one-sided p of better > −margin, doubled, below 0.05"
        case .equivalent(let m, let why): return "equivalent within margin \(margin(m, why)) on ranks (\(ranks)): two one-sided rank tests at ±margin, each below 0.05"
        case .ordering(let order): return "ordering \(order.joined(separator: " > ")) on ranks (\(ranks)): every earlier arm superior to every later one, doubled one-sided p below 0.05"
        case .range(_, let band, let why): return "range on ranks (\(ranks)): every arm non-inferior to the best (by median) by band \(margin(band, why)), doubled one-sided p below 0.05"
        case .trend(let axis, _): return "trend along \(axis): Page's L test, seeds as blocks, diverged runs ranked worst within each block, two-sided 5 %"
        case .threshold(let axis, let at, let betterAbove):
            return "threshold at \(axis) = \(String(format: "%.4g", at)): per seed, the mean of the arms at or above it minus the mean of those below, claimed \(betterAbove ? "better" : "worse") above; diverged runs ranked worst, Wilcoxon signed-rank of the contrasts, doubled one-sided p below 0.05"
        default: return nil
        }
    }

    /// The claims as report lines. `adjusted` holds, for each primary claim, its p-value after Holm's
    /// adjustment across the paper's primary claims (REPORT.md); a primary claim holds only when its
    /// adjusted p is below 0.05.
    public func claimLines(adjusted: [Int: Double] = [:]) -> [String] {
        let outcomes = claimOutcomes, extended = extendedLines(outcomes), changes = extendedVerdictChanges(outcomes)
        return outcomes.enumerated().map { i, outcome in
            let claim = outcome.claim
            let kind = Self.kindText(claim, spec)
            var groups = outcome.groups.map(\.text)
            var status = "exploratory, unadjusted"
            if claim.primary {
                switch (outcome.pValue, adjusted[i]) {
                case (let p?, let adj?):
                    status = String(format: "primary, p %.3g, Holm-adjusted %.3g", p, adj)
                    if adj >= 0.05 {
                        // Not significant after adjustment: a HOLDS becomes INCONCLUSIVE.
                        groups = groups.map { $0.replacingOccurrences(of: "HOLDS (", with: "INCONCLUSIVE after Holm (") }
                    }
                case (nil, _) where claim.test.isPlacement:
                    status = "primary, a placement, not a test: outside Holm's family"
                case (nil, _):
                    status = "primary, no p-value (not tested): in Holm's family of the paper as not rejected, p = 1"
                case (let p?, nil):
                    status = String(format: "primary, p %.3g, not adjusted here (Holm's adjustment across the paper: REPORT.md)", p)
                }
            }
            let measured: String
            switch (claim.test, spec.goal(of: claim.metric)) {
            case (.cost(let measure, _), _), (.costTrend(let measure, _), _): measured = ClaimEvaluation.costNames[measure] ?? "cost"
            case (_, .minimize): measured = "\(claim.overEpochs) \(claim.metric), lower is better"
            case (_, .maximize): measured = "\(claim.overEpochs) \(claim.metric), higher is better"
            case (_, .none): measured = "\(claim.overEpochs) \(claim.metric)"
            }
            let fragile = diagnostics.fragility(of: claim, verdictDiffersWithExtension: changes[i])
            return "Claim (\(status)) — \(claim.text) [\(measured); \(kind)]: "
                + groups.joined(separator: " · ")
                + (spec.pilotSeeds.isEmpty && claim.comparesMeans && outcome.groups.contains { $0.verdict == .inconclusive }
                    ? " — " + ClaimEvaluation.noPilotsNote : "")
                + (extended[i].map { " ‖ " + $0 } ?? "")
                + (fragile.isEmpty ? "" : " — fragile: " + fragile.joined(separator: "; "))
        }
    }

    /// Each claim's verdict with the grid extended beyond its edges, where an extension chose
    /// another winner and the claim's verdict text changes: shown beside the declared-grid verdict,
    /// never in its place (the declared grid is the design committed before the run).
    /// Whether each claim's own verdict (`ClaimBlock.overall`) changes with the grid extended: what
    /// makes a claim fragile, where a row's text alone changing does not.
    func extendedVerdictChanges(_ declared: [ClaimOutcome]) -> [Bool] {
        guard let extended = results.withExtensions else { return declared.map { _ in false } }
        return zip(declared, Summary(extended).claimOutcomes).map { ClaimBlock.overall($0.groups) != ClaimBlock.overall($1.groups) }
    }

    func extendedLines(_ declared: [ClaimOutcome]) -> [String?] {
        guard let extended = results.withExtensions else { return spec.claims.map { _ in nil } }
        let changed = results.extendedRecords.keys.sorted().compactMap { name -> String? in
            guard let r = results.extendedSelections[name] else { return nil }
            return "\(spec.label(of: name)) at \(Self.readable(r.labels[r.winner]))"
        }.joined(separator: ", ")
        let other = Summary(extended).claimOutcomes
        return zip(declared, other).map { a, b in
            let text = b.groups.map(\.text).joined(separator: " · ")
            return text == a.groups.map(\.text).joined(separator: " · ") ? nil : "with the grid extended (\(changed)), unadjusted: \(text)"
        }
    }

    /// The claims' p-values (nil where nothing was compared), for Holm's adjustment across a paper.
    public var claimPValues: [(primary: Bool, p: Double?)] { claimOutcomes.map { ($0.claim.primary, $0.pValue) } }

    /// An aligned plain-text table.
    public var text: String { text(adjusted: [:]) }

    /// The table, with primary claims judged on their Holm-adjusted p-values (`Report.adjustedPrimary`).
    public func text(adjusted: [Int: Double]) -> String {
        let all = [header] + rows()
        let widths = header.indices.map { j in all.map { $0[j].count }.max() ?? 0 }
        func line(_ r: [String]) -> String {
            r.enumerated().map { j, cell in cell.padding(toLength: widths[j], withPad: " ", startingAt: 0) }
                .joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }
        var out = "\(spec.title) — \(spec.name) [\(spec.profile)], mean ± std over seeds\n"
        for block in claimBlocks(adjusted: adjusted) { out += block.text }
        out += line(header) + "\n" + line(widths.map { String(repeating: "-", count: $0) }) + "\n"
        out += rows().map(line).joined(separator: "\n") + "\n"
        out += "(\(footnote))\n"
        return out
    }

    /// The table as CSV or JSON (`reprise show --csv/--json`), numbers as numbers: one row per
    /// variant, led by the experiment and profile, each column's mean, standard deviation and the
    /// count of values it is over (diverged cells left out, as in `text`); claims and notes are left
    /// to `text`, per-seed numbers to `reprise export`.
    public func table(_ format: TableText.Format) -> String {
        var head = ["experiment", "profile"] + (hasGroups ? ["group"] : []) + ["variant", "seeds", "diverged"]
        for c in columns { head += ["\(c.title) mean", "\(c.title) std", "\(c.title) n"] }
        let body = orderedVariants.map { variant, records -> [TableText.Value] in
            let complete = records.filter { !$0.diverged }
            var row: [TableText.Value] = [.text(spec.name), .text(spec.profile)] + (hasGroups ? [.text(spec.group(of: variant))] : [])
            row += [.text(spec.label(of: variant)), .int(records.count), .int(records.count - complete.count)]
            for c in columns {
                let v = c.finiteValues(all: records, complete: complete)
                let (m, sd) = v.isEmpty ? (Double.nan, Double.nan) : meanAndStd(v)
                row += [.number(m), .number(v.count > 1 ? sd : .nan), .int(v.count)]
            }
            return row
        }
        return TableText.render(header: head, rows: body, as: format)
    }

    private var footnote: String {
        var notes = ["ms/step is wall-clock time: machine-dependent, not reproducible",
                     "the metrics of diverged cells (counted beside the seeds) are left out of every mean"]
        let dirty = results.dirtyCommits
        if !dirty.isEmpty {
            notes.append("some cells were made from uncommitted changes to commit \(dirty.map { String($0.prefix(10)) }.joined(separator: ", ")) (git_dirty 1): their code is not in any commit")
        }
        if columns.contains(where: { $0.title == "best test acc" }) {
            notes.append("best test acc is the best over epochs, the metric of the TASO authors' result files; final test acc is the last epoch's")
        }
        if let s = spec.selection {
            let runs = s.seeds.count == 1 ? "one run with seed \(s.seed) per point" : "runs with seeds \(s.seeds.map(String.init).joined(separator: ", ")) per point, averaged"
            notes.append("chosen: the grid point with the \(s.overEpochs) \(s.metric) over epochs, \(runs); "
                         + "the runner-up is the declared grid's next best point, with its score against the winner's; "
                         + "a winner on the grid's edge (the smallest or largest of a searched value) may have its optimum outside the grid"
                         + (s.extendSteps > 0 ? ", so up to \(s.extendSteps) points beyond it are tried by the grid's step; verdicts with an extended winner follow ‖ beside the declared ones" : ""))
            if diagnostics.variants.values.contains(where: { !$0.flags.isEmpty }) {
                notes.append("TIE: the winner is not better than the runner-up on every selection seed; FRAGILE: another point wins with a selection seed left out; "
                             + "STEP-LIMIT EDGE: the extension was still improving when it stopped at extend_steps")
            }
        }
        notes += diagnostics.designNotes
        return notes.joined(separator: "; ")
    }

    /// The same table in Markdown, with the experiment's claims and substitutions.
    public var markdown: String { markdown(adjusted: [:]) }

    /// The Markdown table, with primary claims judged on their Holm-adjusted p-values.
    public func markdown(adjusted: [Int: Double]) -> String {
        var out = "### \(spec.title)\n\n`\(spec.name)`, profile `\(spec.profile)`; paper: \(spec.paper). Mean ± std over seeds.\n\n"
        for block in claimBlocks(adjusted: adjusted) { out += block.markdown }
        out += "| " + header.joined(separator: " | ") + " |\n"
        out += "|" + header.map { _ in "---" }.joined(separator: "|") + "|\n"
        for r in rows() { out += "| " + r.joined(separator: " | ") + " |\n" }
        out += "\nNotes: " + footnote + ".\n"
        if !spec.paperNumbers.isEmpty {
            out += "\nThe paper reports: " + spec.paperNumbers.joined(separator: "; ") + ".\n"
        }
        if !spec.substitutions.isEmpty {
            out += "\nSubstitutions: " + spec.substitutions.joined(separator: " ") + "\n"
        }
        return out
    }
}

extension Summary {
    /// A grid point's label for people: values a grid extension reached by repeated products keep
    /// their binary rounding (`lr=0.8999999999999998`); shown to six significant digits (`lr=0.9`).
    /// The stored label, and the value the cells ran with, are unchanged.
    static func readable(_ label: String) -> String {
        label.split(separator: ",", omittingEmptySubsequences: false).map { part -> String in
            guard let eq = part.firstIndex(of: "="), let x = Double(part[part.index(after: eq)...]), x.isFinite,
                  part[part.index(after: eq)...].count > 8 else { return String(part) }
            return "\(part[..<eq])=\(String(format: "%.6g", x))"
        }.joined(separator: ",")
    }
}
