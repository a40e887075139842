import Foundation
import RepriseExperiments

/// The forest plot of an experiment's claims (issue 31, item 4: a figure per claim that shows its
/// test), `claims-forest.png` beside the declared figures, drawn by `reprise figures` for every
/// experiment with claims, no spec needed. One row per comparison the verdicts rest on
/// (`GroupVerdict.rows`), labelled "claim k · group · comparison": the interval as an error bar,
/// the estimate as a point coloured by verdict, the row's references as short vertical marks (0
/// solid, margins, claimed bounds and the central 95 % dashed), and at the right the estimate, the
/// verdict and, for a primary claim, its Holm-adjusted p. Rows of different scales cannot share an
/// x axis: one panel (gnuplot multiplot) per scale — differences (one per metric and reduction, and
/// per group where their magnitudes differ beyond 100 ×), ratios on a log axis, rates on [0, 1],
/// percentiles on [0, 100], trends as Page's z — and the rows without an interval (spread, claims
/// not tested) listed in words with their verdict below the panels.
public enum ForestPlot {
    public static let name = "claims-forest"

    /// One row: where it is drawn and what the claim's evaluation says.
    struct Row {
        var claim: Int
        var group: String
        var comparison: String
        var interval: ClaimRow.Interval?
        var estimateText: String
        var p: Double?
        var holm: Double?
        var verdict: String
        var metric: String

        var label: String { "claim \(claim) · \(group.isEmpty ? "–" : group) · \(comparison)" }
    }

    struct Panel {
        var scale: ClaimRow.Interval.Scale
        var title: String
        var rows: [Row]
    }

    /// The rows of every claim of `results`, in claim and group order; `adjusted` holds the
    /// Holm-adjusted p of each primary claim by claim index (`Report.adjustedPrimary`).
    static func rows(_ results: StoredResults, adjusted: [Int: Double]) -> [Row] {
        var out: [Row] = []
        for (i, outcome) in Summary(results).claimOutcomes.enumerated() {
            let claim = outcome.claim
            let holm = claim.primary ? adjusted[i] : nil
            let demoted = (holm ?? 0) >= 0.05
            let metric = claim.metric.isEmpty ? "cost" : "\(claim.overEpochs) \(claim.metric)"
            for g in outcome.groups {
                if g.rows.isEmpty {
                    // Nothing compared: the group's text says why, without its group's prefix.
                    let prefix = g.group.isEmpty ? "" : "\(g.group): "
                    let why = g.text.hasPrefix(prefix) ? String(g.text.dropFirst(prefix.count)) : g.text
                    out.append(Row(claim: i + 1, group: g.group, comparison: "–", interval: nil, estimateText: why, p: g.p, holm: holm,
                                   verdict: g.verdict.map { ClaimBlock.verdictText($0, demoted: demoted) } ?? "NOT TESTED", metric: metric))
                }
                for r in g.rows {
                    out.append(Row(claim: i + 1, group: g.group, comparison: r.comparison, interval: r.interval, estimateText: r.estimate, p: r.p, holm: holm,
                                   verdict: r.verdict.map { ClaimBlock.verdictText($0, demoted: demoted) } ?? "–", metric: metric))
                }
            }
        }
        return out
    }

    /// The rows with an interval, one panel per scale (differences further by metric, and by group
    /// when their magnitudes differ beyond 100 ×), in the order the scales first appear.
    static func panels(_ rows: [Row]) -> [Panel] {
        var keys: [String] = [], byKey: [String: Panel] = [:]
        func magnitude(_ r: Row) -> Double {
            guard let v = r.interval else { return 0 }
            return ([v.estimate, v.low, v.high] + v.references).filter(\.isFinite).map(abs).max() ?? 0
        }
        let differences = rows.filter { $0.interval?.scale == .difference }
        var metricsToSplit: Set<String> = []
        for m in Set(differences.map(\.metric)) {
            let sizes = differences.filter { $0.metric == m }.map(magnitude).filter { $0 > 0 }
            if let lo = sizes.min(), let hi = sizes.max(), hi > 100 * lo { metricsToSplit.insert(m) }
        }
        for r in rows {
            guard let v = r.interval else { continue }
            let key: String, title: String
            switch v.scale {
            case .difference:
                let split = metricsToSplit.contains(r.metric) && !r.group.isEmpty
                key = "difference|\(r.metric)" + (split ? "|\(r.group)" : "")
                title = "how much better the subject is: \(r.metric)\(split ? ", \(r.group)" : "") (95 % interval; 90 % for equivalence)"
            case .ratio: key = "ratio"; title = "ratio of costs (log axis; 95 % interval, a point when counted)"
            case .rate: key = "rate"; title = "rate of the event (Wilson 95 % interval)"
            case .percentile: key = "percentile"; title = "the paper's number: percentile in Reprise's distribution (bootstrap 95 %)"
            case .trend: key = "trend"; title = "trend: Page's z (± 1.96)"
            }
            if byKey[key] == nil { keys.append(key); byKey[key] = Panel(scale: v.scale, title: title, rows: []) }
            byKey[key]!.rows.append(r)
        }
        return keys.map { byKey[$0]! }
    }

    static func verdictColor(_ verdict: String) -> String {
        verdict.hasPrefix("HOLDS") ? "#1a7f37" : verdict.hasPrefix("FAILS") ? "#b00000" : verdict.hasPrefix("INCONCLUSIVE") ? "#b26b00" : "#555555"
    }

    static func f(_ x: Double) -> String { String(format: "%.4g", x) }

    /// What the right margin says of a row: the estimate [low, high], the verdict, p (Holm-adjusted for a primary claim).
    static func verdictText(_ r: Row) -> String {
        var s = ""
        if let v = r.interval {
            s = v.low == v.high ? "\(f(v.estimate)) " : "\(f(v.estimate)) [\(f(v.low)), \(f(v.high))] "
        }
        s += r.verdict
        if let h = r.holm { s += " · Holm p \(ClaimBlock.pText(h))" } else if let p = r.p { s += p == 0 ? " · exact" : " · p \(ClaimBlock.pText(p))" }
        return s
    }

    /// The forest plot of `results`' claims: its data (one block per panel, then the rows without
    /// an interval) and its gnuplot script; nil for an experiment without claims or nothing stored.
    public static func draw(_ results: StoredResults, adjusted: [Int: Double] = [:]) -> (table: String, script: String)? {
        guard !results.spec.claims.isEmpty, !results.records.isEmpty else { return nil }
        let all = rows(results, adjusted: adjusted)
        guard !all.isEmpty else { return nil }
        let panels = panels(all), listed = all.filter { $0.interval == nil }
        let spec = results.spec, dataFile = "\(name).tsv"

        var table = "# \(spec.name) [\(spec.profile)]: each claim's comparisons, the estimate and interval its verdict reads, and the references it is judged against\n"
        table += "# generated by `reprise figures \(spec.name)` from results/\(spec.name)/\(spec.profile)/ (HDF5)\n"
        table += "# references: the values a row is judged against (0, −margin, ±margin, a claimed ratio or rate, the central 95 % of a percentile), comma-separated\n"
        let header = "# row\tclaim\tgroup\tcomparison\tscale\testimate\tlow\thigh\treferences\tp\tholm_p\tverdict\tcolour\n"
        func line(_ k: Int, _ r: Row) -> String {
            let v = r.interval
            let refs = v?.references.map { "\($0)" }.joined(separator: ",") ?? ""
            return "\(k)\t\(r.claim)\t\(r.group)\t\(r.comparison)\t\(v?.scale.rawValue ?? "none")\t\(v?.estimate ?? .nan)\t\(v?.low ?? .nan)\t\(v?.high ?? .nan)\t\(refs)\t"
                + "\(r.p.map { "\($0)" } ?? "nan")\t\(r.holm.map { "\($0)" } ?? "nan")\t\(r.verdict)\t\(Int(verdictColor(r.verdict).dropFirst(), radix: 16) ?? 0)\n"
        }
        for (p, panel) in panels.enumerated() {
            if p > 0 { table += "\n\n" }
            table += "# panel \(p + 1): \(panel.scale.rawValue): \(panel.title)\n" + header
            for (k, r) in panel.rows.enumerated() { table += line(k + 1, r) }
        }
        if !listed.isEmpty {
            if !panels.isEmpty { table += "\n\n" }
            table += "# without an interval (listed with their verdict)\n" + header
            for (k, r) in listed.enumerated() { table += line(k + 1, r) }
        }

        // The canvas: pixels per row and per panel, then each panel's place in screen fractions.
        let rowPx = 26.0, panelTop = 34.0, panelBottom = 46.0, headPx = 44.0, listPx = 18.0
        let height = headPx + panels.reduce(0) { $0 + panelTop + panelBottom + rowPx * Double($1.rows.count) }
            + (listed.isEmpty ? 0 : 30 + listPx * Double(listed.count)) + 10
        let width = 1500.0
        let longest = all.map(\.label.count).max() ?? 20
        let left = min(0.55, max(0.22, Double(longest) * 7.0 / width + 0.02)), right = 0.70
        var title = "\(spec.title): each claim's test"
        if spec.scope != "reproduction", !title.lowercased().contains(spec.scope) { title += " (\(spec.scope))" }
        var script = """
        # gnuplot script written by `reprise figures \(spec.name)`; edit freely and run `gnuplot \(name).gp` in this folder.
        # The data (\(dataFile)): one block per panel (scale), then the rows without an interval: row, claim, group,
        # comparison, scale, estimate, low, high, references, p, Holm-adjusted p, verdict, colour (0xRRGGBB as an integer).
        set datafile separator "\\t"
        set datafile missing "nan"

        """
        func px(_ y: Double) -> String { ValueAxis.number(1 - y / height) }
        var body = "set multiplot title '\(Figures.escape(title))' font ',12' noenhanced\n"
        var y = headPx
        for (p, panel) in panels.enumerated() {
            let n = panel.rows.count
            let top = y + panelTop, bottom = top + rowPx * Double(n)
            body += "# panel \(p + 1): \(panel.scale.rawValue)\n"
            body += "set tmargin at screen \(px(top))\nset bmargin at screen \(px(bottom))\n"
            body += "set lmargin at screen \(ValueAxis.number(left))\nset rmargin at screen \(right)\nset border 31\nset xtics\n"
            body += "set title '\(Figures.escape(panel.title))' font ',10' noenhanced offset 0,-0.4\n"
            body += "set yrange [\(Double(n) + 0.5):0.5]\n"
            body += "set ytics (" + panel.rows.enumerated().map { "'\(Figures.escape($1.label))' \($0 + 1)" }.joined(separator: ", ") + ") font ',9' noenhanced nomirror\n"
            body += "set grid xtics\nset format x \"\(ValueAxis.format)\"\nset xtics font ',9'\nunset key\n"
            // The x axis: fixed for rates and percentiles, logarithmic for ratios, else from the data.
            let values = panel.rows.flatMap { r -> [Double] in
                guard let v = r.interval else { return [] }
                return [v.estimate, v.low, v.high] + v.references
            }.filter(\.isFinite)
            let baseline: Double? = panel.scale == .ratio ? 1 : panel.scale == .difference || panel.scale == .trend ? 0 : nil
            switch panel.scale {
            case .rate: body += "unset logscale x\nset xrange [0:1]\n"
            case .percentile: body += "unset logscale x\nset xrange [0:100]\n"
            case .ratio:
                let positive = (values + [1]).filter { $0 > 0 }
                let lo = positive.min() ?? 0.5, hi = positive.max() ?? 2
                let pad = pow(hi / lo, 0.08) * 1.05
                // ValueAxis gives a log axis of under three decades ticks of its own.
                body += ValueAxis(log: true, low: lo / pad, high: hi * pad).gnuplot("x")
            case .difference, .trend:
                let all = values + [0]
                let lo = all.min()!, hi = all.max()!, pad = max(hi - lo, 1e-12) * 0.08
                body += "unset logscale x\nset xrange [\(ValueAxis.number(lo - pad)):\(ValueAxis.number(hi + pad))]\n"
            }
            if let b = baseline {
                body += "set arrow from first \(ValueAxis.number(b)), graph 0 to first \(ValueAxis.number(b)), graph 1 nohead lw 1.5 lc rgb 'black' back\n"
            }
            for (k, r) in panel.rows.enumerated() {
                let row = Double(k + 1)
                for ref in r.interval?.references ?? [] where ref.isFinite && ref != baseline {
                    body += "set arrow from first \(ValueAxis.number(ref)), first \(ValueAxis.number(row - 0.42)) to first \(ValueAxis.number(ref)), first \(ValueAxis.number(row + 0.42)) nohead dt 2 lw 2 lc rgb '#d95f02' front\n"
                }
                body += "set label '\(Figures.escape(verdictText(r)))' at graph 1.01, first \(ValueAxis.number(row)) left font ',9' tc rgb '\(verdictColor(r.verdict))' noenhanced\n"
            }
            body += "plot '\(dataFile)' index \(p) using 6:1:7:8:13 with xerrorbars pt 7 ps 1.2 lw 1.5 lc rgb variable notitle\n"
            body += "unset arrow\nunset label\nunset logscale x\nset xtics autofreq\n"
            y = bottom + panelBottom
        }
        if !listed.isEmpty {
            // The rows without an interval: words only, on an empty panel.
            let top = y, bottom = y + 30 + listPx * Double(listed.count)
            body += "# the rows without an interval\n"
            body += "set tmargin at screen \(px(top))\nset bmargin at screen \(px(bottom))\n"
            body += "set lmargin at screen 0.02\nset rmargin at screen 0.98\nunset title\nunset border\nunset tics\nunset grid\nunset arrow\n"
            body += "set xrange [0:1]\nset yrange [\(Double(listed.count) + 0.5):-0.5]\n"
            body += "set label 'without an interval (spread: Brown–Forsythe; or nothing compared), listed with their verdict:' at graph 0, first 0 left font ',10' noenhanced\n"
            for (k, r) in listed.enumerated() {
                let text = "\(r.label): \(r.estimateText)"
                let clipped = text.count > 190 ? String(text.prefix(187)) + "…" : text
                body += "set label '\(Figures.escape(clipped)) — \(Figures.escape(verdictText(r)))' at graph 0.01, first \(k + 1) left font ',9' tc rgb '\(verdictColor(r.verdict))' noenhanced\n"
            }
            body += "plot NaN notitle\nunset label\n"
        }
        body += "unset multiplot\n"
        let size = "\(Int(width)),\(Int(height.rounded()))"
        script += "set terminal pngcairo size \(size) font \"sans,11\"\nset output \"\(name).png\"\n" + body
        script += "set terminal svg size \(size) dynamic font \"sans,11\"\nset output \"\(name).svg\"\n" + body + "unset output\n"
        return (table, script)
    }
}
