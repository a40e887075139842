import Foundation
import RepriseExperiments

/// A claim as the reports print it (issue 30): one short verdict line, the test and the claim's
/// history in a few words, then a small table of its comparisons (group, comparison, estimate
/// [interval], p, verdict), instead of one long paragraph. `Summary.text` and `Summary.markdown`
/// render it; `Summary.claimLines` keeps the one-line form for logs and tests.
struct ClaimBlock {
    /// "Claim 2 (primary; Holm-adjusted p 0.031): HOLDS — the claim's text".
    var headline: String
    /// The test and measure, the scope, the history, and notes (power, the grid extended, the claim as first stated).
    var details: [String]
    /// group, comparison, estimate [interval], p, verdict.
    var rows: [[String]]

    static let header = ["group", "comparison", "estimate [interval]", "p", "verdict"]

    /// The verdict over a claim's groups: FAILS if it fails in one, HOLDS if it holds in each,
    /// INCONCLUSIVE otherwise, NOT TESTED when no group could be checked.
    static func overall(_ groups: [GroupVerdict]) -> String {
        let v = groups.compactMap(\.verdict)
        if v.isEmpty { return "NOT TESTED" }
        if v.contains(.fails) { return "FAILS" }
        if v.count == groups.count, v.allSatisfy({ $0 == .holds }) { return "HOLDS" }
        return "INCONCLUSIVE"
    }

    /// The rows of a claim's groups: each comparison, or the group's own line when it has none.
    static func rows(_ groups: [GroupVerdict], demoted: Bool) -> [[String]] {
        groups.flatMap { g -> [[String]] in
            let group = g.group.isEmpty ? "–" : g.group
            guard !g.rows.isEmpty else {
                // Nothing compared: the group's text says why ("not checked (…)", too few seeds).
                let why = g.text.hasPrefix(g.group.isEmpty ? "" : "\(g.group): ") ? String(g.text.dropFirst(g.group.isEmpty ? 0 : g.group.count + 2)) : g.text
                return [[group, "–", why, g.p.map(pText) ?? "–", g.verdict.map { verdictText($0, demoted: demoted) } ?? "not tested"]]
            }
            return g.rows.map { r in
                [group, r.comparison, r.estimate, r.p.map(pText) ?? "–", r.verdict.map { verdictText($0, demoted: demoted) } ?? "–"]
            }
        }
    }

    static func pText(_ p: Double) -> String { p == 0 ? "< 1e-16" : p < 1e-4 ? String(format: "%.1e", p) : String(format: "%.3g", p) }

    static func verdictText(_ v: ClaimComparison.Verdict, demoted: Bool) -> String {
        demoted && v == .holds ? "INCONCLUSIVE after Holm" : v.rawValue
    }

    /// The block as plain text: the headline, indented details, and an aligned table.
    var text: String {
        var out = headline + "\n"
        for d in details { out += "    " + d + "\n" }
        let all = [Self.header] + rows
        let widths = Self.header.indices.map { j in all.map { $0[j].count }.max() ?? 0 }
        for r in all {
            out += "    " + r.enumerated().map { j, cell in cell.padding(toLength: widths[j], withPad: " ", startingAt: 0) }
                .joined(separator: "  ").trimmingCharacters(in: .whitespaces) + "\n"
        }
        return out
    }

    /// The block in Markdown: the headline in bold, the details as one paragraph, a table.
    var markdown: String {
        func cell(_ s: String) -> String { s.replacingOccurrences(of: "|", with: "\\|") }
        var out = "**\(headline)**\n\n"
        if !details.isEmpty { out += details.map { $0 + "." }.joined(separator: " ").replacingOccurrences(of: "..", with: ".") + "\n\n" }
        out += "| " + Self.header.joined(separator: " | ") + " |\n|" + Self.header.map { _ in "---" }.joined(separator: "|") + "|\n"
        for r in rows { out += "| " + r.map(cell).joined(separator: " | ") + " |\n" }
        return out + "\n"
    }
}

extension Summary {
    /// Each claim as a block (`ClaimBlock`), primary claims judged on their Holm-adjusted p (`adjusted`, by claim index).
    func claimBlocks(adjusted: [Int: Double] = [:]) -> [ClaimBlock] {
        let outcomes = claimOutcomes, extended = extendedLines(outcomes), changes = extendedVerdictChanges(outcomes)
        return outcomes.enumerated().map { i, outcome in
            let claim = outcome.claim
            var status = claim.withdrawn.map { "withdrawn: \($0); its last verdict, not counted" } ?? "exploratory, unadjusted"
            var demoted = false
            if claim.primary {
                switch (outcome.pValue, adjusted[i]) {
                case (let p?, let adj?):
                    status = "primary; p \(ClaimBlock.pText(p)), Holm-adjusted \(ClaimBlock.pText(adj))"
                    demoted = adj >= 0.05
                case (nil, _) where claim.test.isPlacement: status = "primary; a placement, outside Holm's family"
                case (nil, _): status = "primary; not tested: in Holm's family of the paper as not rejected, p = 1"
                case (let p?, nil): status = "primary; p \(ClaimBlock.pText(p)), Holm's adjustment across the paper in REPORT.md"
                }
            }
            var verdict = ClaimBlock.overall(outcome.groups)
            if demoted && verdict == "HOLDS" { verdict = "INCONCLUSIVE after Holm" }
            var details = ["Test: \(measuredText(claim)); \(Self.kindText(claim, spec))"]
            if let scope = scopeText(claim, outcome.groups) { details.append(scope) }
            if let note = claim.note { details.append("Note: \(note)") }
            if let history = claim.history.text { details.append("History: \(history)") }
            if spec.pilotSeeds.isEmpty && claim.comparesMeans && outcome.groups.contains(where: { $0.verdict == .inconclusive }) {
                details.append(ClaimEvaluation.noPilotsNote)
            }
            if let e = extended[i] { details.append("‖ \(e)") }
            let fragile = diagnostics.fragility(of: claim, verdictDiffersWithExtension: changes[i])
            if !fragile.isEmpty { details.append("Fragile: " + fragile.joined(separator: "; ")) }
            for original in claim.original {
                let groups = ClaimEvaluation.evaluate(original, results)
                details.append("As first stated (its verdict on these results, printed unadjusted beside the revised claim), \"\(original.text)\" [\(Self.kindText(original, spec))]: \(ClaimBlock.overall(groups)) — "
                               + groups.map(\.text).joined(separator: " · "))
            }
            // A claim whose statement or test changed since it was first stated says so on its line.
            let revised = claim.history.changes.contains { $0.kind == .revision } ? "; revised" : ""
            return ClaimBlock(headline: "Claim \(i + 1) (\(status)\(revised)): \(verdict)\(fragile.isEmpty ? "" : " (fragile)") — \(claim.text)", details: details,
                              rows: ClaimBlock.rows(outcome.groups, demoted: demoted))
        }
    }

    /// What the claim measures, in the report's words.
    func measuredText(_ claim: ClaimSpec) -> String {
        switch (claim.test, spec.goal(of: claim.metric)) {
        case (.cost(let measure, _), _), (.costTrend(let measure, _), _): return ClaimEvaluation.costNames[measure] ?? "cost"
        case (_, .minimize): return "\(claim.overEpochs) \(claim.metric), lower is better"
        case (_, .maximize): return "\(claim.overEpochs) \(claim.metric), higher is better"
        case (_, .none): return "\(claim.overEpochs) \(claim.metric)"
        }
    }

    /// The groups a claim is tested in, when the experiment has groups: those its statement names,
    /// or every group holding its arms; it holds only where it holds in each.
    func scopeText(_ claim: ClaimSpec, _ groups: [GroupVerdict]) -> String? {
        guard spec.variants.contains(where: \.hasGroup) else { return nil }
        if claim.test.acrossGroups, let named = claim.groups {
            return "Scope: one verdict across the groups its statement lists, in that order (\(named.map { "'\($0)'" }.joined(separator: " → ")))"
        }
        let names = groups.map { "'\($0.group)'" }.joined(separator: ", ")
        if let named = claim.groups {
            return named.count == 1 ? "Scope: the group '\(named[0])'"
                : "Scope: the groups its statement names (\(names)); it holds only if it holds in each (intersection–union)"
        }
        if claim.everyGroup { return "Scope: every group holding its arms (\(names)); it holds only if it holds in each (intersection–union)" }
        return groups.count > 1 ? "Scope: \(names)" : nil
    }
}
