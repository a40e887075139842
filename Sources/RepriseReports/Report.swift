import Foundation
import RepriseExperiments

/// `paper-figures/REPORT.md`: every experiment's claims (with their Welch intervals), summary table,
/// substitutions and figures, grouped by paper, from the store alone, with the command that
/// regenerates each table.
public enum Report {
    /// `results` per experiment, in the order given; `figuresFolder` relative to the report.
    /// `history`, by experiment: when its claims were stated against when its results were made.
    public static func markdown(_ results: [StoredResults], figures: [String: [String]], history: [String: String] = [:]) -> String {
        var out = """
        # Reprise: every experiment's results

        Written by `reprise report` (`make report`, run by `make reproduce`) from `results/` alone; nothing here was
        trained to write it. Each claim is one verdict line, then its test, the groups its statement is about, its history
        (when it was stated, whether results of its design had been seen, each later revision or correction, and the claim
        as first stated evaluated beside it), then a table with one row per comparison: the estimate in the metric's better
        direction with its interval and p. Comparisons of means are paired over the seeds both arms ran (same weights, data
        order and noise), else Welch's; a claim that declares `diverged = "rank"` keeps diverged runs as the worst and
        tests on ranks (Wilcoxon signed-rank or Mann–Whitney, Hodges–Lehmann estimate). The kinds (docs/reference.md):
        superior (the 95 % interval above 0; a tie never is), non-inferior (above −margin), equivalent (the 90 % interval
        inside ±margin), orderings, ranges, spreads (Brown–Forsythe), trends (Page's L), thresholds, cost ratios and their
        trends, proportions
        (Wilson; starts that share their points counted as clusters) and published numbers (percentile, or the paper's
        printed digits). A claim is marked fragile when a selection seed left out, the grid extended or a single selection
        seed could change it. Primary claims are adjusted by Holm's procedure across their paper; exploratory claims are
        unadjusted and labelled so; withdrawn claims are printed with their last verdict and not counted. Each
        experiment's forest plot (`claims-forest.png`, first among its figures) draws every comparison's interval against
        its margin or bound. Reconstructions are labelled as such in their titles.

        Out of scope, and why: ISAAC's BERT fine-tuning (Table 1) and ResNet-18 (Fig. 6), TASO's CIFAR/ResNet
        and AG News runs, and every run on MNIST — two CPU cores cannot train them at the papers' scale, and
        Debian packages Fashion-MNIST but not MNIST (nothing may be downloaded); their numbers are listed as
        not comparable beside the setting Reprise ran.


        """
        for paper in papers(results) {
            out += "## \(paper)\n\n"
            let (family, adjusted) = holmFamily(results, paper: paper)
            if !family.isEmpty {
                let untested = family.filter { !$0.tested }.count
                out += "Primary claims of this paper: \(family.count), adjusted together by Holm's procedure (a primary claim holds only when its adjusted p is below 0.05)"
                    + (untested > 0 ? "; \(untested) could not be tested and count as not rejected (p = 1)" : "") + ".\n\n"
            }
            out += publishedTable(results.filter { $0.spec.paper == paper })
            out += costTable(results.filter { $0.spec.paper == paper })
            for (k, r) in results.enumerated() where r.spec.paper == paper {
                guard !r.records.isEmpty else {
                    out += "### \(r.spec.title)\n\n`\(r.spec.name)` [\(r.spec.profile)]: nothing stored yet; run `reprise run \(r.spec.name)`.\n\n"
                    continue
                }
                var own: [Int: Double] = [:]
                for (j, f) in family.enumerated() where f.experiment == k { own[f.claim] = adjusted[j] }
                out += Summary(r).markdown(adjusted: own)
                if let line = history[r.spec.name] { out += "\n" + line + "\n" }
                let profile = r.spec.profile == ExperimentSpec.defaultProfile ? "" : " --profile \(r.spec.profile)"
                out += "\nRegenerate this table and its figures: `reprise figures \(r.spec.name)\(profile)`; rerun: `reprise run \(r.spec.name)\(profile)`.\n\n"
                for f in figures[r.spec.name] ?? [] { out += "![\(f)](\(f))\n" }
                out += "\n"
            }
        }
        return out
    }

    /// The papers of `results`, in order of first appearance.
    static func papers(_ results: [StoredResults]) -> [String] {
        var papers: [String] = []
        for r in results where !papers.contains(r.spec.paper) { papers.append(r.spec.paper) }
        return papers
    }

    /// Holm's procedure across a paper's primary claims, over all its experiments: each claim's
    /// place (experiment index, claim index) and raw p, and the adjusted p-values in the same order.
    /// A primary claim that could not be tested (nothing stored, every arm diverged) stays in the
    /// family as not rejected, p = 1; a placement (a published number) is no test and is not in it: leaving it out would make the others' threshold
    /// laxer than the design declared.
    static func holmFamily(_ results: [StoredResults], paper: String) -> ([(experiment: Int, claim: Int, p: Double, tested: Bool)], [Double]) {
        var family: [(experiment: Int, claim: Int, p: Double, tested: Bool)] = []
        for (k, r) in results.enumerated() where r.spec.paper == paper {
            for (i, c) in Summary(r).claimOutcomes.enumerated() where c.claim.primary && !c.claim.test.isPlacement && c.claim.withdrawn == nil {
                family.append((k, i, c.pValue ?? 1, c.pValue != nil))
            }
        }
        return (family, holmAdjusted(family.map(\.p)))
    }

    /// The Holm-adjusted p of each primary claim of experiment `name`, by claim index, in the family
    /// of its paper's primary claims over `results` (which hold the paper's other experiments): what
    /// summaries print, so that they say what REPORT.md says.
    public static func adjustedPrimary(of name: String, in results: [StoredResults]) -> [Int: Double] {
        guard let k = results.firstIndex(where: { $0.spec.name == name }) else { return [:] }
        let (family, adjusted) = holmFamily(results, paper: results[k].spec.paper)
        var own: [Int: Double] = [:]
        for (j, f) in family.enumerated() where f.experiment == k { own[f.claim] = adjusted[j] }
        return own
    }

    /// The README's status table, from the store: per paper, its primary and exploratory claims
    /// counted by verdict (a primary claim holds only when its Holm-adjusted p is below 0.05; a claim
    /// holds when it holds in every group it is checked in, fails when it fails in one), linking
    /// into REPORT.md.
    public static func status(_ results: [StoredResults]) -> String {
        var out = "| paper | experiments | primary claims: holds / fails / inconclusive / not tested | exploratory claims: holds / fails / inconclusive / not tested |\n|---|---|---|---|\n"
        for paper in papers(results) {
            let (family, adjusted) = holmFamily(results, paper: paper)
            var counts = [[0, 0, 0, 0], [0, 0, 0, 0]]
            var experiments = 0
            for (k, r) in results.enumerated() where r.spec.paper == paper {
                experiments += 1
                for (i, outcome) in Summary(r).claimOutcomes.enumerated() where outcome.claim.withdrawn == nil {
                    // The claim's own verdict, as its line in REPORT.md prints it (`ClaimBlock.overall`):
                    // a group not tested keeps a claim from holding.
                    let overall = r.records.isEmpty ? "NOT TESTED" : ClaimBlock.overall(outcome.groups)
                    var slot = ["HOLDS": 0, "FAILS": 1, "INCONCLUSIVE": 2][overall] ?? 3
                    if outcome.claim.primary, slot == 0,
                       let j = family.firstIndex(where: { $0.experiment == k && $0.claim == i }), adjusted[j] >= 0.05 { slot = 2 }
                    counts[outcome.claim.primary ? 0 : 1][slot] += 1
                }
            }
            let anchor = paper.lowercased().filter { $0.isLetter || $0.isNumber || $0 == " " || $0 == "-" }.replacingOccurrences(of: " ", with: "-")
            out += "| [\(paper.components(separatedBy: ":").first ?? paper)](paper-figures/REPORT.md#\(anchor)) | \(experiments) | "
                + counts[0].map(String.init).joined(separator: " / ") + " | " + counts[1].map(String.init).joined(separator: " / ") + " |\n"
        }
        return out
    }

    /// Every cost claim of the paper's experiments as one table: each compared pair, the measure
    /// (wall-clock seconds per step, machine-dependent and named with its CPU; or counted bytes, the
    /// same everywhere), Reprise's ratio with its interval, the claimed bound and the verdict.
    static func costTable(_ results: [StoredResults]) -> String {
        var rows: [String] = []
        for r in results where !r.records.isEmpty {
            for claim in r.spec.claims {
                guard case .cost(let measure, let ratio) = claim.test else { continue }
                let atMost = ratio.isAtMost, bound = ratio.value
                for group in ClaimEvaluation.groups(claim, r.spec) {
                    let d = ClaimData(results: r, claim: claim, group: group)
                    guard let subjectLabel = claim.subject, let subject = d.cost(subjectLabel, measure) else { continue }
                    for label in claim.others {
                        guard let other = d.cost(label, measure),
                              let c = CostRatio(subject: subject, other: other, counted: measure != .stepSeconds, atMost: atMost, bound: bound)
                        else { continue }
                        let interval = c.low == c.high ? "" : String(format: " [%.3g, %.3g]", c.low, c.high)
                        let machine = measure == .stepSeconds ? d.cpus(subjectLabel) : "any (counted)"
                        let name = ClaimEvaluation.shortCostNames[measure] ?? measure.rawValue
                        let claimed = "\(atMost ? "≤" : "≥") " + String(format: "%.3g", bound)
                        let where_ = group.isEmpty ? "" : " (\(group))"
                        rows.append("| `\(r.spec.name)`\(where_) | \(subjectLabel) / \(label) | \(name) | " + String(format: "%.3g", c.ratio) + interval
                                    + " | \(claimed) | \(c.verdict.rawValue) | \(machine) |")
                    }
                }
            }
        }
        guard !rows.isEmpty else { return "" }
        return "Costs, from the stored cells (the claims below say what each bound stands for):\n\n"
            + "| experiment | subject / reference | measure | Reprise's ratio [95 %] | claimed | verdict | measured on |\n|---|---|---|---|---|---|---|\n"
            + rows.joined(separator: "\n") + "\n\n"
    }

    /// Every number the paper's experiments state as data (`[[published]]`) beside Reprise's
    /// distribution of the same quantity over its seeds: median and central 95 %, the paper's
    /// percentile rank in it, and whether it is reproduced — inside the central 95 % (percentile in
    /// [2.5, 97.5]) or, failing that, equal to Reprise's median rounded to the paper's printed digits
    /// (`PublishedNumber.roundsToPaper`: a paper printing 18.7 where every seed gives 18.67 is
    /// reproduced, though its percentile is 100). Numbers whose setting is not comparable are listed
    /// with the reason and nothing beside them. Seeds whose quantity is not computable (NaN: a cell
    /// that diverged, a start that overflowed, which makes a score over every start undefined) are
    /// counted and said why. Below the table: how many comparable rows lie outside, against the 1 in 20
    /// chance alone would put there.
    static func publishedTable(_ results: [StoredResults]) -> String {
        let rows = results.flatMap { r in r.spec.publishedNumbers.map { (r, $0) } }
        guard !rows.isEmpty else { return "" }
        var out = "Published numbers beside Reprise's (over seeds; a per-start quantity over every start of every seed):\n\n"
        out += "| experiment | the paper | quantity | source | comparable? | Reprise median [2.5 %, 97.5 %] (n) | paper's percentile | inside the central 95 %? |\n|---|---|---|---|---|---|---|---|\n"
        var placed = 0, outside = 0, misses: [String] = []
        for (r, n) in rows {
            let arm = n.label.isEmpty ? "" : " of \(n.label)" + (n.group.isEmpty ? "" : " (\(n.group))")
            // A `|` in the paper's words would split the row: escaped, so the text stays plain.
            func cell(_ text: String) -> String { text.replacingOccurrences(of: "|", with: "\\|") }
            var line = "| `\(r.spec.name)` | \(n.printed) | \(n.overEpochs) \(n.metric)\(cell(arm)) | \(cell(n.source)) | "
            guard n.comparable else {
                out += line + "no: \(cell(n.why)) | — | — | — |\n"
                continue
            }
            line += "yes |"
            let all = r.byVariant.filter { v in
                (n.label.isEmpty || r.spec.label(of: v.variant) == n.label) && (n.group.isEmpty || r.spec.group(of: v.variant) == n.group)
            }.flatMap(\.records)
            let records = all.filter { !$0.diverged }
            let perStart = records.first.map { $0.series["epochs"]?[n.metric] == nil } ?? false
            var values: [Double] = [], lost = 0, overflowed = 0
            for rec in records {
                if let series = rec.series["epochs"]?[n.metric] {
                    let x = reduceOverEpochs(series, n.overEpochs, goal: r.spec.goal(of: n.metric))
                    if x.isFinite { values.append(x); continue }
                    lost += 1
                    if let failed = rec.series["epochs"]?["failed_starts"]?.last, failed > 0 { overflowed += 1 }
                } else {
                    values += (rec.tensors.first { $0.name == n.metric }?.data.doubles ?? []).filter(\.isFinite)
                }
            }
            let why = Self.notComputable(seeds: all.count, diverged: all.count - records.count, lost: perStart ? 0 : lost, overflowed: overflowed)
            guard !values.isEmpty else {
                out += line + (why.isEmpty ? " not stored" : " not computable: \(cell(why))") + " | — | — |\n"
                if !why.isEmpty { misses.append(Self.missLine(r.spec.name, n, "not computable")) }
                continue
            }
            let median = Statistics.quantile(values, 0.5), low = Statistics.quantile(values, 0.025), high = Statistics.quantile(values, 0.975)
            let rank = Statistics.percentileRank(n.value, in: values)
            let inside = rank >= 2.5 && rank <= 97.5, rounds = n.roundsToPaper(median)
            placed += 1
            if !inside && !rounds {
                outside += 1
                misses.append(Self.missLine(r.spec.name, n, String(format: "percentile %.1f, Reprise's median %.4g [%.4g, %.4g]", rank, median, low, high)))
            }
            let verdict = inside ? "yes" : rounds ? "yes: the median rounds to the paper's \(n.printedDigits) printed digits" : "no"
            out += line + String(format: " %.4g [%.4g, %.4g] (%d)", median, low, high, values.count) + (why.isEmpty ? "" : "; \(cell(why))")
                + String(format: " | %.1f | ", rank) + verdict + " |\n"
        }
        out += "\nThe percentile places one published number in Reprise's spread; whether the claim it supports holds is the verdict of the claims below (a `published` claim needs ≥ 40 seeds, ≥ 200 without minibatches).\n"
        if placed > 0 { out += "\n" + Self.chanceSentence(outside: outside, of: placed) + "\n" }
        if !misses.isEmpty { out += "\nEach number not reproduced, and what may explain it:\n\n" + misses.joined(separator: "\n") + "\n" }
        return out + "\n"
    }

    /// One published number that is not reproduced, with the spec's `discussion` of it (or the
    /// note that none was written: a miss is never listed without a word).
    static func missLine(_ experiment: String, _ n: PublishedNumber, _ placement: String) -> String {
        let arm = n.label.isEmpty ? "" : " (\(n.label)\(n.group.isEmpty ? "" : ", \(n.group)"))"
        return "- `\(experiment)`, the paper's \(n.printed)\(arm), \(n.source): \(placement). "
            + (n.discussion.isEmpty ? "No discussion written yet (`discussion` in its `[[published]]` table)." : n.discussion)
    }

    /// Why some seeds of a published row give no number: cells that diverged, and scores over every
    /// start that a start's overflow left undefined. Empty when every seed gave one.
    static func notComputable(seeds: Int, diverged: Int, lost: Int, overflowed: Int) -> String {
        var parts: [String] = []
        if diverged > 0 { parts.append("\(diverged) of \(seeds) seeds diverged") }
        if overflowed > 0 {
            parts.append("\(overflowed) of \(seeds) seeds had a start whose value stopped being finite, so the paper's score over every start is not computable (NaN)")
        }
        if lost > overflowed { parts.append("\(lost - overflowed) of \(seeds) seeds gave no finite value") }
        return parts.joined(separator: "; ")
    }

    /// How many of `rows` comparable published numbers lie outside Reprise's central 95 % (and do not
    /// round to it), beside what chance alone gives: each of `rows` true numbers falls outside with
    /// probability 1/20, so the count is Binomial(rows, 0.05), with its expectation and central 95 %
    /// range (rows of the same arm in two experiments are not independent: an approximation).
    static func chanceSentence(outside: Int, of rows: Int) -> String {
        let (low, high) = binomialRange(rows, 0.05)
        return "\(outside) of the \(rows) comparable rows \(outside == 1 ? "lies" : "lie") outside the central 95 % (and \(outside == 1 ? "does" : "do") not round to the paper's number); "
            + "chance alone puts 1 in 20 outside: \(String(format: "%.2g", Double(rows) * 0.05)) expected, 95 % range \(low)–\(high) "
            + "(Binomial(\(rows), 0.05); rows that place the same arm twice are not independent)."
    }

    /// The central 95 % range of Binomial(n, p): the 2.5 % and 97.5 % quantiles (smallest k with
    /// P(X ≤ k) ≥ q).
    static func binomialRange(_ n: Int, _ p: Double) -> (low: Int, high: Int) {
        guard n > 0 else { return (0, 0) }
        var pmf = [Double](repeating: 0, count: n + 1)
        // log-space, so a few thousand rows stay finite.
        for k in 0...n {
            let logC = lgamma(Double(n + 1)) - lgamma(Double(k + 1)) - lgamma(Double(n - k + 1))
            pmf[k] = exp(logC + Double(k) * log(p) + Double(n - k) * log1p(-p))
        }
        func quantile(_ q: Double) -> Int {
            var cdf = 0.0
            for k in 0...n {
                cdf += pmf[k]
                if cdf >= q - 1e-12 { return k }
            }
            return n
        }
        return (quantile(0.025), quantile(0.975))
    }
}
