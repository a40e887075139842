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
        trained to write it. Each claim states, per compared variant, the difference of the means over seeds with its
        95 % Welch t-interval: HOLDS when every interval lies above 0, FAILS when one lies below, INCONCLUSIVE otherwise.
        Reconstructions are labelled as such in their titles.


        """
        var papers: [String] = []
        for r in results where !papers.contains(r.spec.paper) { papers.append(r.spec.paper) }
        for paper in papers {
            out += "## \(paper)\n\n"
            for r in results where r.spec.paper == paper {
                guard !r.records.isEmpty else {
                    out += "### \(r.spec.title)\n\n`\(r.spec.name)` [\(r.spec.profile)]: nothing stored yet; run `reprise run \(r.spec.name)`.\n\n"
                    continue
                }
                out += Summary(r).markdown
                let profile = r.spec.profile == ExperimentSpec.defaultProfile ? "" : " --profile \(r.spec.profile)"
                out += "\nRegenerate this table and its figures: `reprise figures \(r.spec.name)\(profile)`; rerun: `reprise run \(r.spec.name)\(profile)`.\n\n"
                for f in figures[r.spec.name] ?? [] { out += "![\(f)](\(f))\n" }
                out += "\n"
            }
        }
        return out
    }
}
