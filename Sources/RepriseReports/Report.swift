import Foundation
import RepriseExperiments

/// `paper-figures/REPORT.md`: every experiment's claims (with their Welch intervals), summary table,
/// substitutions and figures, grouped by paper, from the store alone, with the command that
/// regenerates each table.
public enum Report {
    /// `results` per experiment, in the order given; `figuresFolder` relative to the report.
    public static func markdown(_ results: [StoredResults], figures: [String: [String]]) -> String {
        var out = """
        # Reprise: every experiment's results

        Written by `reprise report` (`make report`, run by `make reproduce`) from `results/` alone; nothing here was
        trained to write it. Each claim states its kind and test: per compared variant, how much better the subject is in
        the metric's direction, with its interval — paired over the seeds both arms ran (same weights, data order and
        noise), else Welch's — and the verdict of the kind: superior (the 95 % interval above 0; a tie never is),
        non-inferior (above −margin) or equivalent (the 90 % interval inside ±margin). Primary claims are adjusted by
        Holm's procedure across their paper; exploratory claims are unadjusted and labelled so.
        Reconstructions are labelled as such in their titles.


        """
        var papers: [String] = []
        for r in results where !papers.contains(r.spec.paper) { papers.append(r.spec.paper) }
        for paper in papers {
            out += "## \(paper)\n\n"
            // Holm's procedure across the paper's primary claims, over all its experiments.
            var family: [(experiment: Int, claim: Int, p: Double)] = []
            for (k, r) in results.enumerated() where r.spec.paper == paper && !r.records.isEmpty {
                for (i, c) in Summary(r).claimPValues.enumerated() where c.primary { if let p = c.p { family.append((k, i, p)) } }
            }
            let adjusted = holmAdjusted(family.map(\.p))
            if !family.isEmpty {
                out += "Primary claims of this paper: \(family.count), adjusted together by Holm's procedure (a primary claim holds only when its adjusted p is below 0.05).\n\n"
            }
            for (k, r) in results.enumerated() where r.spec.paper == paper {
                guard !r.records.isEmpty else {
                    out += "### \(r.spec.title)\n\n`\(r.spec.name)` [\(r.spec.profile)]: nothing stored yet; run `reprise run \(r.spec.name)`.\n\n"
                    continue
                }
                var own: [Int: Double] = [:]
                for (j, f) in family.enumerated() where f.experiment == k { own[f.claim] = adjusted[j] }
                out += Summary(r).markdown(adjusted: own)
                let profile = r.spec.profile == ExperimentSpec.defaultProfile ? "" : " --profile \(r.spec.profile)"
                out += "\nRegenerate this table and its figures: `reprise figures \(r.spec.name)\(profile)`; rerun: `reprise run \(r.spec.name)\(profile)`.\n\n"
                for f in figures[r.spec.name] ?? [] { out += "![\(f)](\(f))\n" }
                out += "\n"
            }
        }
        return out
    }
}
