import Foundation
import RepriseExperiments
import RepriseStore

/// Figures: bars and dot plots of a metric reduced over epochs.
extension Figures {
    /// Why bars of `figure` are drawn as dots, or nil to draw bars. Rule (a): on a linear axis, when
    /// the axis spans more than 10 × the effect the bars are there to show — the largest difference
    /// between the means of two bars a claim on the same metric compares (same group), or, without
    /// such a claim, the largest difference between any two bar means — bar heights hide it.
    /// Rule (b): bars on a log axis spanning more than 10 decades (their lengths mean nothing there).
    static func dotsReason(_ results: StoredResults, _ figure: FigureSpec, axis: ValueAxis,
                           means: [(label: String, group: String, mean: Double)]) -> String? {
        let finite = means.filter { $0.mean.isFinite }
        guard finite.count >= 2 else { return nil }
        if axis.log {
            let decades = log10(axis.high / axis.low)
            return decades > 10 ? "drawn as dots, not bars: the log axis spans \(Int(decades.rounded())) decades, where bar lengths mean nothing" : nil
        }
        var claimed: [Double] = []
        for claim in results.spec.claims where claim.metric == figure.y {
            // The pairs the claim compares: its subject with each other arm, else every pair of its arms.
            let arms = claim.arms
            let pairs: [(String, String)] = claim.subject.map { s in claim.others.map { (s, $0) } }
                ?? arms.indices.flatMap { i in arms.indices.filter { $0 > i }.map { (arms[i], arms[$0]) } }
            for a in finite where claim.groups?.contains(a.group) ?? true {
                for b in finite where b.group == a.group && pairs.contains(where: { $0 == (a.label, b.label) }) { claimed.append(abs(a.mean - b.mean)) }
            }
        }
        let effect = claimed.max() ?? (finite.map(\.mean).max()! - finite.map(\.mean).min()!)
        let span = axis.high - axis.low
        guard span > 10 * effect else { return nil }
        return "drawn as dots, not bars: the \(claimed.isEmpty ? "largest difference between the means" : "largest claimed difference") (\(ValueAxis.label(effect))) is under a tenth of the axis (\(ValueAxis.label(span)))"
    }

    /// One bar per variant label and group, placed explicitly (boxes at x = label index, offset by
    /// group), its height the mean over seeds with a ± std error bar and its value written above it.
    /// A bar whose every run diverged is not drawn: "diverged ×n" stands in its place. With `dots`
    /// (the spec's `dots`, or bars that would hide their effect: `dotsReason`), every seed's value is
    /// a dot, the mean a tick with its value, and a seed's dots are joined across the arms of a group.
    /// A bar or dot column over fewer seeds than planned says "n=…".
    static func bars(_ results: StoredResults, _ figure: FigureSpec, _ variants: [(variant: String, records: [CellRecord])],
                     dataFile: String, dots asked: Bool = false) -> (String, String, FigureCheck) {
        let spec = results.spec, numbers = paper(results, figure), planned = planned(results)
        var labels: [String] = [], groups: [String] = []
        for v in variants {
            let l = spec.label(of: v.variant), g = spec.group(of: v.variant)
            if !labels.contains(l) { labels.append(l) }
            if !groups.contains(g) { groups.append(g) }
        }
        // Bars of a label sit side by side, one per group it has; a label in one group is centred.
        let present = labels.map { l in groups.indices.filter { k in variants.contains { spec.label(of: $0.variant) == l && spec.group(of: $0.variant) == groups[k] } } }
        let width = 0.8 / Double(present.map(\.count).max() ?? 1)
        func x(_ i: Int, _ k: Int) -> Double {
            let rank = Double(present[i].firstIndex(of: k) ?? 0)
            return Double(i) + (rank - Double(present[i].count - 1) / 2) * width
        }
        struct Bar { var i: Int, k: Int, mean: Double, sd: Double, seeds: Int, diverged: Int, bySeed: [(Int, Double)] }
        var bars: [Bar] = []
        for (i, label) in labels.enumerated() {
            for (k, group) in groups.enumerated() {
                let records = variants.filter { spec.label(of: $0.variant) == label && spec.group(of: $0.variant) == group }.flatMap(\.records)
                guard !records.isEmpty else { continue }
                let (complete, diverged) = split(records)
                let bySeed = complete.compactMap { r -> (Int, Double)? in
                    guard let s = r.series["epochs"]?[figure.y] else { return nil }
                    let v = reduceOverEpochs(s, figure.overEpochs, goal: spec.goal(of: figure.y))
                    return v.isFinite ? (r.int("seed") ?? -1, v) : nil
                }.sorted { $0.0 < $1.0 }
                let values = reduced(complete, figure, spec)
                let (m, sd) = meanAndStd(values)
                bars.append(Bar(i: i, k: k, mean: m, sd: sd.isFinite ? sd : 0, seeds: values.count, diverged: diverged + complete.count - values.count, bySeed: bySeed))
            }
        }
        let drawn = bars.filter { $0.mean.isFinite }
        let fraction = spec.isFraction(figure.y)
        let wantsLog = ValueAxis.choose(drawn.flatMap { [$0.mean, $0.mean - $0.sd, $0.mean + $0.sd] } + numbers.map(\.value),
                                        requested: figure.logY, fraction: fraction, bars: true).log
        func low(_ b: Bar) -> Double { wantsLog ? max(b.mean - b.sd, b.mean / 10) : b.mean - b.sd }
        var chosen = ValueAxis.choose(drawn.flatMap { [$0.mean, low($0), $0.mean + $0.sd] } + numbers.map(\.value),
                                      requested: wantsLog, fraction: fraction, bars: true)
        let reason = asked ? nil : dotsReason(results, figure, axis: chosen, means: bars.map { (labels[$0.i], groups[$0.k], $0.mean) })
        let dots = asked || reason != nil
        if dots {
            // The axis of the dots: every seed's value and the paper's numbers, 0 not forced in.
            chosen = ValueAxis.choose(drawn.flatMap { $0.bySeed.map(\.1) + [$0.mean] } + numbers.map(\.value),
                                      requested: wantsLog, fraction: fraction, bars: false)
        }
        // Room beyond the bars' ends for their rotated value labels (fractions keep 0–1: the
        // accuracies they draw leave room below 1).
        let axis = fraction && !chosen.log && !dots ? chosen : chosen.withHeadroom(dots && chosen.log ? 0.45 : 0.3)
        var table = "# label\tgroup\tx\tmean\tlow\thigh\tseeds\tdiverged\n"
        var check = FigureCheck(axis: axis)
        check.dots = dots
        if !dots && axis.log { check.barDecades = log10(axis.high / axis.low) }
        for b in bars {
            table += "\(labels[b.i])\t\(groups[b.k])\t\(ValueAxis.number(x(b.i, b.k)))\t\(b.mean)\t\(low(b))\t\(b.mean + b.sd)\t\(b.seeds)\t\(b.diverged)\n"
            let name = labels[b.i] + (groups[b.k].isEmpty ? "" : " (\(groups[b.k]))")
            check.diverged[name] = b.diverged
            if b.mean.isFinite {
                // Error bars are clipped by the axis like any line; the value label always shows.
                let values = (dots ? b.bySeed.map(\.1) + [b.mean] : [b.mean, low(b), b.mean + b.sd]).filter { !axis.log || $0 > 0 }
                check.series.append(FigureCheck.Series(label: name, values: values, labelled: true))
            }
        }
        if dots {
            // One block per group: each seed's values across the group's arms, a seed's run of
            // arms a line (a blank line where an arm lacks the seed, so no line crosses it).
            for (k, _) in groups.enumerated() {
                table += "\n\n# group \(groups[k].isEmpty ? "–" : groups[k]): every seed's value, a seed's arms joined\n# seed\tlabel\tx\tvalue\n"
                let arms = bars.filter { $0.k == k && $0.mean.isFinite }.sorted { $0.i < $1.i }
                let seeds = Array(Set(arms.flatMap { $0.bySeed.map(\.0) })).sorted()
                var runs: [String] = []
                for s in seeds {
                    var run = ""
                    for b in arms {
                        if let v = b.bySeed.first(where: { $0.0 == s })?.1 {
                            run += "\(s)\t\(labels[b.i])\t\(ValueAxis.number(x(b.i, b.k)))\t\(v)\n"
                        } else if !run.isEmpty {
                            runs.append(run); run = ""
                        }
                    }
                    if !run.isEmpty { runs.append(run) }
                }
                table += runs.isEmpty ? "nan\t\tnan\tnan\n" : runs.joined(separator: "\n")
            }
        }
        check.paper = numbers.map(\.value)
        var script = preamble(results, figure, dataFile: dataFile, layout: dots
            ? "index 0: one row per arm: label, group, x, mean, low, high (mean ± std), seeds, diverged; then per group: seed, label, x, value (a seed's arms joined)"
            : "one row per bar: label, group, x, mean, low, high (mean ± std), seeds, diverged")
        let tics = labels.enumerated().map { "'\(escape($1))' \($0)" }.joined(separator: ", ")
        let longest = labels.map(\.count).max() ?? 0
        script += """
        set ylabel '\(escape(yLabel(results, figure, reduced: true)))' noenhanced
        set key below noenhanced maxrows 4
        set xtics (\(tics)) \(longest > 8 || labels.count > 6 ? "rotate by -30 left" : "") noenhanced font ',9'
        set xrange [-0.6:\(Double(labels.count) - 0.4)]
        set grid ytics
        set style fill solid 0.75 border -1
        set boxwidth \(ValueAxis.number(width * 0.9)) absolute
        set bars 0.5

        """
        script += axis.gnuplot("y")
        // Value labels: above the bar (above its highest dot), or at the edge for a clipped one.
        let top = axis.high, bottom = axis.low
        for b in bars {
            let bx = ValueAxis.number(x(b.i, b.k))
            if !b.mean.isFinite {
                script += "set label 'diverged ×\(b.diverged)' at first \(bx), first \(ValueAxis.number(axis.log ? sqrt(top * bottom) : (top + bottom) / 2)) center rotate by 90 font ',9' tc rgb '#b00000' front\n"
                continue
            }
            let anchor = dots ? (b.bySeed.map(\.1).max() ?? b.mean) : b.mean
            let at = min(max(anchor, bottom), top)
            let short = b.seeds < planned ? " n=\(b.seeds)" : ""
            if !short.isEmpty { check.stated.append("\(labels[b.i])\(groups[b.k].isEmpty ? "" : " (\(groups[b.k]))"):\(short)") }
            let text = ValueAxis.label(b.mean) + short + (b.diverged > 0 ? " (\(b.diverged) diverged)" : "") + (min(max(b.mean, bottom), top) != b.mean ? " (clipped)" : "")
            // Above a bar that rises, below one that falls; a clipped bar's label runs inward from the edge.
            let placement = anchor < bottom ? "left offset 0,0.4" : anchor > top ? "right offset 0,-0.4"
                : dots || b.mean >= 0 || axis.log ? "left offset 0,0.4" : "right offset 0,-0.4"
            // Beside the error bar, not on it.
            script += "set label '\(escape(text))' at first \(ValueAxis.number(x(b.i, b.k) + width * 0.22)), first \(ValueAxis.number(at)) \(placement) rotate by 90 font ',8' front\n"
        }
        // A paper number of a bar: a black bar-wide mark at its value (a diamond names it in the key).
        func bar(of n: PublishedNumber) -> Bar? { bars.first { labels[$0.i] == n.label && (n.group.isEmpty || groups[$0.k] == n.group) } }
        for n in numbers {
            guard let b = bar(of: n) else { continue }
            let bx = x(b.i, b.k), half = width * 0.5
            script += "set arrow from first \(ValueAxis.number(bx - half)), first \(ValueAxis.number(n.value)) to first \(ValueAxis.number(bx + half)), first \(ValueAxis.number(n.value)) nohead lw 3 lc rgb 'black' front\n"
            script += "set label '' at first \(ValueAxis.number(bx)), first \(ValueAxis.number(n.value)) point pt 13 ps 1.3 lc rgb 'black' front\n"
        }
        script += paperLines(numbers.filter { bar(of: $0) == nil }) + notes([reason, clipNote(axis), notPositiveNote(axis)])
        let plots = groups.enumerated().map { k, g -> String in
            let rows = "(strcol(2) eq '\(escape(g))' ? $3 : NaN)"
            let color = palette[k % palette.count]
            guard dots else {
                let title = (g.isEmpty ? spec.axisLabel(of: figure.y) : g) + " (mean ± std over seeds)"
                return "'\(dataFile)' index 0 using \(rows):4 with boxes lc rgb '\(color)' title '\(escape(title))', \\\n  '\(dataFile)' index 0 using \(rows):5:(0):($6-$5) with vectors nohead lw 1.2 lc rgb 'black' notitle"
            }
            let title = (g.isEmpty ? spec.axisLabel(of: figure.y) : g) + " (every seed; tick: mean)"
            let half = ValueAxis.number(width * 0.35)
            return "'\(dataFile)' index \(k + 1) using 3:4 with lines lw 0.7 lc rgb '\(color)' dt 3 notitle, \\\n  "
                + "'\(dataFile)' index \(k + 1) using 3:4 with points pt 7 ps 0.7 lc rgb '\(color)' title '\(escape(title))', \\\n  "
                + "'\(dataFile)' index 0 using (\(rows) - \(half)):4:(2 * \(half)):(0) with vectors nohead lw 3 lc rgb 'black' notitle"
        }
        let paperKey = numbers.contains { bar(of: $0) != nil }
            ? [", \\\n  NaN with points pt 13 ps 1.3 lc rgb 'black' title 'the paper (\(escape(Set(numbers.map(\.source)).sorted().joined(separator: "; "))))'"] : []
        script += render(figure, plot: "plot " + plots.joined(separator: ", \\\n  ") + paperKey.joined())
        return (table, script, check)
    }

    static func reduced(_ records: [CellRecord], _ figure: FigureSpec, _ spec: ExperimentSpec) -> [Double] {
        records.compactMap { $0.series["epochs"]?[figure.y].map { reduceOverEpochs($0, figure.overEpochs, goal: spec.goal(of: figure.y)) } }.filter(\.isFinite)
    }
}
