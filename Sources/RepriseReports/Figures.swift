import Foundation
import RepriseExperiments
import RepriseStore

/// Writes each declared figure as a tab-separated data file and a standalone gnuplot script, then
/// renders PNG and SVG with gnuplot. Reads the HDF5 store only; never trains. Each figure's value
/// axis is chosen from what it draws (`ValueAxis`); diverged runs and failed starts are counted and
/// marked, never plotted; the paper's comparable numbers are drawn beside Reprise's; and what a
/// figure shows is kept (`FigureCheck`) for the test that no figure hides its data.
public enum Figures {
    private static let palette = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b",
                                  "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"]

    /// Rule (d): the colour and dash of series `k` of `count`. Up to 8 series, one colour each,
    /// solid; more, each a distinct (colour, dash) pair: the palette's first 8 colours in turn, solid
    /// on the first round, then dashed (gnuplot dash types 2, 4, 5) on the next rounds, so no two
    /// series look alike (isaac-autoencoder's 14 lines reused 4 colours).
    static func style(_ k: Int, of count: Int) -> (color: String, dash: Int) {
        guard count > 8 else { return (palette[k % palette.count], 1) }
        let dashes = [1, 2, 4, 5]
        return (palette[k % 8], dashes[(k / 8) % dashes.count])
    }

    /// A dash type in a plot command: nothing for solid (the scripts of ≤ 8 series stay as they were).
    static func dashed(_ dash: Int) -> String { dash == 1 ? "" : " dt \(dash)" }

    /// The seeds a figure's point is planned over (the spec's confirmatory seeds): a point drawn
    /// from fewer says "n=…" beside it (rule e).
    static func planned(_ results: StoredResults) -> Int { results.spec.seeds.count }

    /// One figure as written: its data file, its gnuplot script and what it shows.
    public struct Drawn {
        public var figure: FigureSpec
        public var table: String
        public var script: String
        public var check: FigureCheck
    }

    /// Every declared figure with something stored to draw, in memory.
    public static func draw(_ results: StoredResults) -> [Drawn] {
        results.spec.figures.compactMap { figure in
            let chosen = results.byVariant.filter { v in
                figure.variants.isEmpty || figure.variants.contains { v.variant == $0 || v.variant.hasPrefix($0 + "-") }
            }
            guard !chosen.isEmpty else { return nil }
            let dataFile = "\(figure.name).tsv"
            let (table, plot, check): (String, String, FigureCheck)
            switch figure.kind {
            case .bars: (table, plot, check) = bars(results, figure, chosen, dataFile: dataFile)
            case .dots: (table, plot, check) = bars(results, figure, chosen, dataFile: dataFile, dots: true)
            case .heatmap: (table, plot, check) = heatmap(results, figure, chosen, dataFile: dataFile)
            case .sorted: (table, plot, check) = sorted(results, figure, chosen, dataFile: dataFile)
            case .trajectories: (table, plot, check) = trajectories(results, figure, chosen, dataFile: dataFile)
            case .selection: (table, plot, check) = selection(results, figure, dataFile: dataFile)
            case .sweep: (table, plot, check) = sweep(results, figure, chosen, dataFile: dataFile)
            case .lines: (table, plot, check) = lines(results, figure, chosen, dataFile: dataFile)
            }
            return Drawn(figure: figure, table: provenanceHeader(results, figure) + table, script: plot, check: check)
        }
    }

    /// Returns the files written. Rendering failures (no gnuplot) are reported, data and scripts are kept.
    @discardableResult
    /// Beside the declared figures, the forest plot of the experiment's claims (`ForestPlot`),
    /// with `adjusted` (the Holm-adjusted p of each primary claim, by claim index) printed on its rows.
    public static func write(_ results: StoredResults, to directory: String, render: Bool = true, adjusted: [Int: Double] = [:]) throws -> [String] {
        try ReportFiles.folder(directory)
        var written: [String] = []
        var render = render, missingGnuplot = false
        var files = draw(results).map { (name: $0.figure.name, table: $0.table, script: $0.script) }
        if let forest = ForestPlot.draw(results, adjusted: adjusted) { files.append((ForestPlot.name, forest.table, forest.script)) }
        for drawn in files {
            let name = drawn.name
            try ReportFiles.write(drawn.table, to: "\(directory)/\(name).tsv")
            try ReportFiles.write(drawn.script, to: "\(directory)/\(name).gp")
            written += ["\(directory)/\(name).tsv", "\(directory)/\(name).gp"]
            if render {
                do {
                    try gnuplot("\(name).gp", in: directory)
                    written += ["\(directory)/\(name).png", "\(directory)/\(name).svg"]
                } catch ReportError.gnuplotMissing {
                    // Keep writing every figure's data and script; say so once, at the end.
                    render = false
                    missingGnuplot = true
                }
            }
        }
        if missingGnuplot { throw ReportError.gnuplotMissing }
        return written
    }

    // MARK: what every figure shares

    /// The records of a variant that completed, and how many diverged (counted, never drawn).
    static func split(_ records: [CellRecord]) -> (complete: [CellRecord], diverged: Int) {
        let complete = records.filter { !$0.diverged }
        return (complete, records.count - complete.count)
    }

    /// The paper's comparable numbers of the quantity a figure shows.
    static func paper(_ results: StoredResults, _ figure: FigureSpec) -> [PublishedNumber] {
        results.spec.publishedNumbers.filter { $0.comparable && $0.metric == figure.y && (figure.kind == .lines || figure.kind == .sorted || $0.overEpochs == figure.overEpochs) }
    }

    /// A horizontal line and label for each paper number with no bar of its own.
    static func paperLines(_ numbers: [PublishedNumber]) -> String {
        numbers.enumerated().map { k, n in
            "set arrow from graph 0, first \(ValueAxis.number(n.value)) to graph 1, first \(ValueAxis.number(n.value)) nohead dt 3 lw 1.5 lc rgb 'black' front\n"
                + "set label '\(escape("paper\(n.label.isEmpty ? "" : " " + n.label): \(ValueAxis.label(n.value)) (\(n.source))"))' at graph 0.99, first \(ValueAxis.number(n.value)) right offset 0,\(0.6 + Double(k)) font ',9' front noenhanced\n"
        }.joined()
    }

    /// The counts of diverged runs (or failed starts), as a note, when any.
    static func divergedNote(_ counts: [(String, Int)], what: String = "diverged, not drawn") -> String? {
        let any = counts.filter { $0.1 > 0 }
        return any.isEmpty ? nil : "\(what): " + any.map { "\($0.0) ×\($0.1)" }.joined(separator: "; ")
    }

    /// What a clipped axis says: how many values lie beyond it, and the most extreme.
    static func clipNote(_ axis: ValueAxis) -> String? {
        guard !axis.clipped.isEmpty else { return nil }
        let extreme = axis.clipped.max { abs($0) < abs($1) }!
        return "axis clipped: \(axis.clipped.count) value\(axis.clipped.count == 1 ? "" : "s") beyond it, the most extreme \(ValueAxis.label(extreme)) (labelled at the edge)"
    }

    /// What `log` cannot draw: values ≤ 0, counted.
    static func notPositiveNote(_ axis: ValueAxis) -> String? {
        guard axis.log, axis.notPositive > 0 else { return nil }
        return "\(axis.notPositive) value\(axis.notPositive == 1 ? "" : "s") ≤ 0 not drawn on the log axis"
    }

    /// The figure's notes (what is marked instead of drawn), in red lines between the title and
    /// the plot, where no data can lie under them.
    static func notes(_ notes: [String?]) -> String {
        let lines = notes.compactMap { $0 }
        guard !lines.isEmpty else { return "" }
        var out = "set tmargin \(3 + lines.count)\n"
        for (k, line) in lines.enumerated() {
            out += "set label '\(escape(line))' at graph 0, graph 1 left offset 0,\(Double(lines.count - k) - 0.2) font ',9' tc rgb '#b00000' front noenhanced\n"
        }
        return out
    }

    /// A legend entry: what the band is, over how many seeds, and how many diverged.
    static func seriesTitle(_ label: String, _ seeds: Int, _ diverged: Int) -> String {
        escape("\(label) (mean ± std, n = \(seeds)\(diverged > 0 ? "; diverged ×\(diverged)" : ""))")
    }

    /// The x label of lines: steps, epochs (steps for problems without minibatches), or seconds.
    static func xLabel(_ results: StoredResults, _ figure: FigureSpec) -> String {
        switch figure.x {
        case "time": return "seconds of training on this machine (wall-clock, not reproducible)"
        case "epoch": return results.spec.batched ? "epoch" : "step"
        default: return "step"
        }
    }

    /// The y label: the metric's label and unit from the catalog, with its reduction for reduced kinds.
    static func yLabel(_ results: StoredResults, _ figure: FigureSpec, reduced: Bool) -> String {
        (reduced ? "\(figure.overEpochs) " : "") + results.spec.axisLabel(of: figure.y)
    }

    // MARK: lines

    /// One block per variant (gnuplot `index`): x, mean, band low, band high, seeds. Diverged runs
    /// are left out and counted in the legend and a label; the band is ± std, its lower edge kept
    /// positive on a log axis (the mean / 10).
    static func lines(_ results: StoredResults, _ figure: FigureSpec, _ variants: [(variant: String, records: [CellRecord])],
                      dataFile: String) -> (String, String, FigureCheck) {
        let spec = results.spec, numbers = paper(results, figure)
        let aggregates = variants.map { v -> (String, SeedAggregate, Int, Int) in
            let (complete, diverged) = split(v.records)
            return (v.variant, SeedAggregate(records: complete, group: figure.group, x: figure.x, y: figure.y), complete.count, diverged)
        }
        func bands(log: Bool) -> [[(Double, Double, Double, Double)]] {
            aggregates.map { _, agg, _, _ in
                agg.x.indices.map { i in
                    let m = agg.mean[i], sd = agg.std[i].isFinite ? agg.std[i] : 0
                    return (agg.x[i], m, log && m - sd <= 0 ? m / 10 : m - sd, m + sd)
                }
            }
        }
        let linear = bands(log: false).flatMap { $0.flatMap { [$0.1, $0.2, $0.3] } }
        let wantsLog = ValueAxis.choose(linear + numbers.map(\.value), requested: figure.logY, fraction: false, bars: false).log
        let rows = bands(log: wantsLog)
        let axis = ValueAxis.choose(rows.flatMap { $0.flatMap { [$0.1, $0.2, $0.3] } } + numbers.map(\.value),
                                    requested: wantsLog, fraction: false, bars: false)
        var table = "", check = FigureCheck(axis: axis), plots: [String] = [], marks = ""
        let manyGroups = Set(variants.map { spec.group(of: $0.variant) }).count > 1
        for (k, (name, _, n, diverged)) in aggregates.enumerated() {
            if k > 0 { table += "\n\n" }
            table += "# variant \(name): \(n) seeds drawn\(diverged > 0 ? ", \(diverged) diverged (not drawn)" : "")\n# \(figure.x)\tmean\tlow\thigh\n"
            let finite = rows[k].filter { $0.1.isFinite }
            for (x, m, lo, hi) in finite { table += "\(x)\t\(m)\t\(lo)\t\(hi)\n" }
            let label = spec.label(of: name) + (manyGroups ? " (\(spec.group(of: name)))" : "")
            var values = finite.flatMap { [$0.1, $0.2, $0.3] }
            if axis.log { values = values.filter { $0 > 0 } }
            var labelled = false
            if !axis.log, let peak = values.map(abs).max(), peak > 0, peak < 0.01 * (axis.high - axis.low), let last = finite.last {
                marks += "set label '\(escape(label)) ≈ \(ValueAxis.label(last.1))' at first \(ValueAxis.number(last.0)), first \(ValueAxis.number(last.1)) right offset 0,0.7 font ',9' front noenhanced\n"
                labelled = true
            }
            let (color, dash) = style(k, of: aggregates.count)
            check.series.append(FigureCheck.Series(label: label, values: values, labelled: labelled, style: "\(color) dt \(dash)"))
            check.diverged[label] = diverged
            plots.append("'\(dataFile)' index \(k) using 1:3:4 with filledcurves lc rgb '\(color)' notitle")
            plots.append("'\(dataFile)' index \(k) using 1:2 with lines lw 2 lc rgb '\(color)'\(dashed(dash)) title '\(seriesTitle(label, n, diverged))'")
        }
        check.paper = numbers.map(\.value)
        var script = preamble(results, figure, dataFile: dataFile, layout: "one block per variant: x, mean, band low, band high (mean ± std; on a log axis a band edge ≤ 0 is drawn at mean/10)")
        script += """
        set xlabel '\(escape(xLabel(results, figure)))' noenhanced
        set ylabel '\(escape(yLabel(results, figure, reduced: false)))' noenhanced
        set key below noenhanced maxrows 4
        set grid
        set style fill transparent solid 0.18 noborder
        set format x "\(ValueAxis.format)"

        """
        if figure.logX { script += "set logscale x\n" }
        script += axis.gnuplot("y") + marks + paperLines(numbers)
            + notes([clipNote(axis), notPositiveNote(axis), divergedNote(aggregates.map { (spec.label(of: $0.0), $0.3) })])
        script += render(figure, plot: "plot \\\n  " + plots.joined(separator: ", \\\n  "))
        return (table, script, check)
    }

    // MARK: bars and dots

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

    private static func reduced(_ records: [CellRecord], _ figure: FigureSpec, _ spec: ExperimentSpec) -> [Double] {
        records.compactMap { $0.series["epochs"]?[figure.y].map { reduceOverEpochs($0, figure.overEpochs, goal: spec.goal(of: figure.y)) } }.filter(\.isFinite)
    }

    // MARK: sweep

    /// `y` reduced over epochs against the numeric variant key `x_key`, mean ± std over the seeds
    /// that completed, one line per group (or per label without the key); a point whose every run
    /// diverged is marked at the top edge; `marks` are drawn as labelled vertical lines.
    static func sweep(_ results: StoredResults, _ figure: FigureSpec, _ variants: [(variant: String, records: [CellRecord])],
                      dataFile: String) -> (String, String, FigureCheck) {
        let spec = results.spec, numbers = paper(results, figure)
        func line(_ name: String) -> String {
            let g = spec.group(of: name)
            if !g.isEmpty { return g }
            let label = spec.label(of: name)
            return label.components(separatedBy: " ").filter { !$0.hasPrefix("\(figure.xKey)=") }.joined(separator: " ")
                .trimmingCharacters(in: CharacterSet(charactersIn: " ,"))
        }
        var lines: [String] = []
        for v in variants where !lines.contains(line(v.variant)) { lines.append(line(v.variant)) }
        struct Point { var x: Double, mean: Double, sd: Double, seeds: Int, diverged: Int }
        var points: [[Point]] = lines.map { _ in [] }
        for v in variants {
            guard let x = spec.variants.first(where: { $0.name == v.variant })?.number(figure.xKey) else { continue }
            let (complete, diverged) = split(v.records)
            let values = reduced(complete, figure, spec)
            let (m, sd) = meanAndStd(values)
            points[lines.firstIndex(of: line(v.variant))!].append(Point(x: x, mean: m, sd: sd.isFinite ? sd : 0, seeds: values.count,
                                                                        diverged: diverged + complete.count - values.count))
        }
        points = points.map { $0.sorted { $0.x < $1.x } }
        let all = points.flatMap { $0 }.filter { $0.mean.isFinite }
        let wantsLog = ValueAxis.choose(all.flatMap { [$0.mean, $0.mean - $0.sd, $0.mean + $0.sd] } + numbers.map(\.value),
                                        requested: figure.logY, fraction: false, bars: false).log
        func low(_ p: Point) -> Double { wantsLog && p.mean - p.sd <= 0 ? p.mean / 10 : p.mean - p.sd }
        let axis = ValueAxis.choose(all.flatMap { [$0.mean, low($0), $0.mean + $0.sd] } + numbers.map(\.value),
                                    requested: wantsLog, fraction: false, bars: false)
        var table = "", check = FigureCheck(axis: axis), plots: [String] = [], labels = ""
        for (k, l) in lines.enumerated() {
            if k > 0 { table += "\n\n" }
            table += "# \(l): \(figure.xKey)\tmean\tlow\thigh\tseeds\tdiverged\n"
            for p in points[k] {
                table += "\(p.x)\t\(p.mean)\t\(p.mean.isFinite ? low(p) : .nan)\t\(p.mean + p.sd)\t\(p.seeds)\t\(p.diverged)\n"
                if !p.mean.isFinite {
                    // A triangle at the top edge, in the line's colour, stands for the point not drawn.
                    labels += "set label '' at first \(ValueAxis.number(p.x)), graph \(ValueAxis.number(0.97 - 0.035 * Double(k))) point pt 9 ps 1.4 lc rgb '\(palette[k % palette.count])' front\n"
                }
            }
            let drawn = points[k].filter { $0.mean.isFinite }
            let (color, dash) = style(k, of: lines.count)
            check.series.append(FigureCheck.Series(label: l, values: drawn.flatMap { [$0.mean, low($0), $0.mean + $0.sd] }.filter { !axis.log || $0 > 0 },
                                                   labelled: false, style: "\(color) dt \(dash)"))
            check.diverged[l] = points[k].reduce(0) { $0 + $1.diverged }
            let n = drawn.map(\.seeds).max() ?? 0, diverged = check.diverged[l] ?? 0
            // Rule (e): a point over fewer seeds than planned says how many, beside it.
            for p in drawn where p.seeds < planned(results) {
                labels += "set label 'n=\(p.seeds)' at first \(ValueAxis.number(p.x)), first \(ValueAxis.number(p.mean)) left offset 0.8,-0.6 font ',9' tc rgb '\(color)' front\n"
                check.stated.append("\(l) at \(figure.xKey) = \(ValueAxis.label(p.x)): n=\(p.seeds)")
            }
            plots.append("'\(dataFile)' index \(k) using 1:2:3:4 with yerrorlines lw 2\(dashed(dash)) pt 7 lc rgb '\(color)' title '\(seriesTitle(l, n, diverged))'")
        }
        check.paper = numbers.map(\.value)
        var script = preamble(results, figure, dataFile: dataFile, layout: "one block per line: the key's value, mean, low, high (mean ± std), seeds drawn, diverged")
        script += """
        set xlabel '\(escape(figure.xKey))' noenhanced
        set ylabel '\(escape(yLabel(results, figure, reduced: true)))' noenhanced
        set key below noenhanced maxrows 4
        set grid
        set format x "\(ValueAxis.format)"

        """
        if figure.logX { script += "set logscale x\n" }
        let lost = lines.indices.compactMap { k -> (String, Int)? in
            let at = points[k].filter { !$0.mean.isFinite }
            guard !at.isEmpty else { return nil }
            return ("\(lines[k]) at \(figure.xKey) = \(at.map { ValueAxis.label($0.x) }.joined(separator: ", "))", at.reduce(0) { $0 + $1.diverged })
        }
        script += axis.gnuplot("y") + labels + paperLines(numbers)
            + notes([clipNote(axis), notPositiveNote(axis), divergedNote(lost, what: "every run diverged (▲ at the top, not drawn)")])
        for m in figure.marks {
            script += "set arrow from first \(ValueAxis.number(m)), graph 0 to first \(ValueAxis.number(m)), graph 1 nohead dt 2 lw 1.5 lc rgb '#555555' front\n"
            script += "set label '\(escape("\(figure.xKey) = \(ValueAxis.label(m))"))' at first \(ValueAxis.number(m)), graph 0.03 left offset 0.5,0 font ',9' front noenhanced\n"
        }
        script += render(figure, plot: "plot \\\n  " + plots.joined(separator: ", \\\n  "))
        return (table, script, check)
    }

    // MARK: heat maps

    /// The range claim a heat map shows (rule c): a `range` claim whose arms are every label the
    /// map draws (or the whole grid, no arms named) in the map's groups, with its index.
    static func rangeClaim(_ results: StoredResults, _ variants: [(variant: String, records: [CellRecord])]) -> (Int, ClaimSpec, Double)? {
        let spec = results.spec
        let labels = Set(variants.map { spec.label(of: $0.variant) }), groups = Set(variants.map { spec.group(of: $0.variant) })
        for (i, claim) in spec.claims.enumerated() {
            guard case .range(let arms, let band, _) = claim.test, !claim.metric.isEmpty else { continue }
            if !arms.isEmpty && !labels.isSubset(of: Set(arms)) { continue }
            if let named = claim.groups, !groups.isSubset(of: Set(named)) { continue }
            return (i, claim, band)
        }
        return nil
    }

    /// The metric averaged over the seeds that completed, on the grid of two variant keys, every
    /// cell labelled with its value (with "n=…" when over fewer seeds than planned; "div ×n" when
    /// every run diverged); the colour scale is chosen like a value axis. Rule (c): when a range
    /// claim covers the map, the map shows the claim's metric as the claim reduces it (not the
    /// spec's `y`, which the title then no longer names), and its colours diverge at the claim's
    /// threshold, the best cell less the band: blue within the band of the best, red beyond, over
    /// [best − 2 band, best] (cells beyond drawn at the end colour, their values written).
    static func heatmap(_ results: StoredResults, _ declared: FigureSpec, _ variants: [(variant: String, records: [CellRecord])],
                        dataFile: String) -> (String, String, FigureCheck) {
        let spec = results.spec, planned = planned(results)
        var figure = declared, note: String? = nil
        let range = rangeClaim(results, variants)
        if let (i, claim, band) = range {
            figure.y = claim.metric
            figure.overEpochs = claim.overEpochs
            if claim.metric != declared.y || claim.overEpochs != declared.overEpochs {
                figure.title = "\(claim.overEpochs) \(spec.axisLabel(of: claim.metric)) by \(declared.xKey) and \(declared.yKey), mean over seeds: claim \(i + 1)'s range"
                note = "claim \(i + 1)'s metric, not the spec's \(declared.overEpochs) \(declared.y); white at the best less the band \(ValueAxis.label(band)): blue within, red beyond"
            } else {
                note = "white at claim \(i + 1)'s threshold, the best less the band \(ValueAxis.label(band)): blue within, red beyond"
            }
        }
        func key(_ variant: String, _ k: String) -> Double? {
            spec.variants.first { $0.name == variant }?.number(k)
        }
        // A variant without a key sits beyond the largest value, at the `absent` label (λ_g = ∞).
        let absent = figure.absent.isEmpty ? nil : Double.infinity
        func position(_ variant: String, _ k: String) -> Double? { key(variant, k) ?? absent }
        let xs = Array(Set(variants.compactMap { position($0.variant, figure.xKey) })).sorted()
        let ys = Array(Set(variants.compactMap { position($0.variant, figure.yKey) })).sorted()
        var cells: [(i: Int, j: Int, mean: Double, x: Double, y: Double, seeds: Int, diverged: Int)] = []
        for v in variants {
            guard let x = position(v.variant, figure.xKey), let y = position(v.variant, figure.yKey) else { continue }
            let (complete, diverged) = split(v.records)
            let values = reduced(complete, figure, spec)
            cells.append((xs.firstIndex(of: x)!, ys.firstIndex(of: y)!, meanAndStd(values).0, x, y, values.count, diverged + complete.count - values.count))
        }
        var axis = ValueAxis.choose(cells.map(\.mean), requested: figure.logY, fraction: false, bars: false)
        var threshold: Double? = nil
        if let (_, claim, band) = range, let best = (spec.goal(of: claim.metric) == .minimize ? cells.map(\.mean).filter(\.isFinite).min() : cells.map(\.mean).filter(\.isFinite).max()) {
            let sign = spec.goal(of: claim.metric) == .minimize ? -1.0 : 1.0
            threshold = best - sign * band
            let (lo, hi) = (min(best, best - 2 * sign * band), max(best, best - 2 * sign * band))
            axis = ValueAxis(log: false, low: lo, high: hi, clipped: cells.map(\.mean).filter { $0.isFinite && ($0 < lo || $0 > hi) })
        }
        var table = "# i\tj\tmean\t\(figure.xKey)\t\(figure.yKey)\tseeds\tdiverged\ttext\n"
        var check = FigureCheck(axis: axis)
        for c in cells {
            let short = c.mean.isFinite && c.seeds < planned ? " n=\(c.seeds)" : ""
            if !short.isEmpty { check.stated.append("\(figure.xKey) = \(ValueAxis.label(c.x)), \(figure.yKey) = \(ValueAxis.label(c.y)):\(short)") }
            table += "\(c.i)\t\(c.j)\t\(c.mean)\t\(c.x)\t\(c.y)\t\(c.seeds)\t\(c.diverged)\t\(c.mean.isFinite ? String(format: "%.3g", c.mean) + short : "")\n"
        }
        check.series = [FigureCheck.Series(label: figure.y, values: cells.map(\.mean).filter { $0.isFinite && (!axis.log || $0 > 0) }, labelled: true)]
        check.diverged[figure.y] = cells.reduce(0) { $0 + $1.diverged }
        func tics(_ values: [Double]) -> String {
            values.enumerated().map { "\"\($1.isInfinite ? Self.escape(figure.absent) : ValueAxis.label($1))\" \($0)" }.joined(separator: ", ")
        }
        var script = preamble(results, figure, dataFile: dataFile, layout: "grid indices i, j, the mean, the two key values, seeds drawn, diverged, the cell's label")
        script += """
        set xlabel "\(figure.xKey)" noenhanced
        set ylabel "\(figure.yKey)" noenhanced
        set cblabel '\(escape(yLabel(results, figure, reduced: true) + ", mean over seeds"))' noenhanced
        set xtics (\(tics(xs)))
        set ytics (\(tics(ys)))
        set xrange [-0.5:\(Double(xs.count) - 0.5)]
        set yrange [-0.5:\(Double(ys.count) - 0.5)]

        """
        script += axis.gnuplot("cb")
        for c in cells where !c.mean.isFinite {
            script += "set label 'div ×\(c.diverged)' at \(c.i), \(c.j) center font ',9' tc rgb '#b00000' front\n"
        }
        if let threshold {
            // Diverging at the claim's threshold (the middle of the scale): red beyond the band, blue within.
            let ends = spec.goal(of: figure.y) == .minimize ? ("#2166ac", "#b2182b") : ("#b2182b", "#2166ac")
            script += "set palette defined (0 '\(ends.0)', 0.5 '#f7f7f7', 1 '\(ends.1)')\n"
            // Three ticks, named: the best cell, the band's edge, the far end.
            let ticks = [(axis.high, spec.goal(of: figure.y) == .minimize ? "" : " best"), (threshold, " edge"), (axis.low, spec.goal(of: figure.y) == .minimize ? " best" : "")]
            script += "set cbtics (" + ticks.map { "'\(ValueAxis.label($0.0))\($0.1)' \(ValueAxis.number($0.0))" }.joined(separator: ", ") + ")\nset rmargin 16\n"
            script += notes([note, clipNote(axis)])
        } else {
            script += "set palette rgbformulae 33,13,10\n"
        }
        script += "unset key\n\n"
        script += render(figure, plot: "plot '\(dataFile)' using 1:2:(0.5):(0.5):3 with boxxyerror fillstyle solid noborder fillcolor palette, \\\n  '\(dataFile)' using 1:2:8 with labels font \",10\"")
        return (table, script, check)
    }

    // MARK: per-start values

    /// Each variant's per-start values of a stored tensor (`final_values`), pooled over seeds and
    /// sorted: x is the fraction of starts (0 to 1), as the OGR paper plots its final values. Failed
    /// starts (non-finite) are counted in the legend, never drawn.
    static func sorted(_ results: StoredResults, _ figure: FigureSpec, _ variants: [(variant: String, records: [CellRecord])],
                       dataFile: String) -> (String, String, FigureCheck) {
        let numbers = paper(results, figure)
        let pooled = variants.map { v -> (finite: [Double], failed: Int) in
            let values = v.records.flatMap { r in r.tensors.first { $0.name == figure.y }?.data.doubles ?? [] }
            let finite = values.filter(\.isFinite).sorted()
            return (finite, values.count - finite.count)
        }
        let axis = ValueAxis.choose(pooled.flatMap(\.finite) + numbers.map(\.value), requested: figure.logY, fraction: false, bars: false)
        var table = "", check = FigureCheck(axis: axis), plots: [String] = []
        for (k, v) in variants.enumerated() {
            if k > 0 { table += "\n\n" }
            let (finite, failed) = pooled[k], total = finite.count + failed
            table += "# variant \(v.variant): \(total) values (\(v.records.count) seeds), sorted; \(failed) failed starts not drawn\n# fraction\tvalue\n"
            for (i, x) in finite.enumerated() where !axis.log || x > 0 {
                table += "\(total > 1 ? Double(i) / Double(total - 1) : 0)\t\(x)\n"
            }
            let label = results.spec.label(of: v.variant)
            let (color, dash) = style(k, of: variants.count)
            check.series.append(FigureCheck.Series(label: label, values: finite.filter { !axis.log || $0 > 0 }, labelled: false, style: "\(color) dt \(dash)"))
            check.diverged[label] = failed
            let title = "\(label) (\(total) starts, \(v.records.count) seeds\(failed > 0 ? "; failed ×\(failed)" : ""))"
            plots.append("'\(dataFile)' index \(k) using 1:2 with lines lw 2 lc rgb '\(color)'\(dashed(dash)) title '\(escape(title))'")
        }
        check.paper = numbers.map(\.value)
        var script = preamble(results, figure, dataFile: dataFile, layout: "one block per variant: fraction of starts, sorted value")
        script += """
        set xlabel "fraction of starts (all seeds)"
        set ylabel '\(escape(yLabel(results, figure, reduced: false)))' noenhanced
        set key below noenhanced maxrows 4
        set grid
        set xrange [0:1]

        """
        script += axis.gnuplot("y") + paperLines(numbers)
            + notes([clipNote(axis), notPositiveNote(axis),
                     divergedNote(zip(variants, pooled).map { (results.spec.label(of: $0.0.variant), $0.1.failed) }, what: "failed starts, not drawn")])
        script += render(figure, plot: "plot " + plots.joined(separator: ", \\\n  "))
        return (table, script, check)
    }

    // MARK: trajectories and selection

    /// The first seed's trajectories of every start, per variant, over contour lines of the stored
    /// `contour` grid (2-D problems): index 0 holds the grid as x, y, sign(f)·log10(1 + |f|).
    static func trajectories(_ results: StoredResults, _ figure: FigureSpec, _ variants: [(variant: String, records: [CellRecord])],
                             dataFile: String) -> (String, String, FigureCheck) {
        func values(_ r: CellRecord?, _ name: String) -> ([Double], [Int]) {
            guard let t = r?.tensors.first(where: { $0.name == name }), case .float64(let x) = t.data else { return ([], []) }
            return (x, t.shape)
        }
        let first = variants.first?.records.first
        let (grid, gridShape) = values(first, "contour"), (xs, _) = values(first, "contour_x"), (ys, _) = values(first, "contour_y")
        var table = "# grid: x\ty\tsymlog f\n"
        if gridShape.count == 2, xs.count == gridShape[1], ys.count == gridShape[0] {
            for (i, y) in ys.enumerated() {
                for (j, x) in xs.enumerated() {
                    let f = grid[i * xs.count + j]
                    table += "\(x)\t\(y)\t\(f >= 0 ? log10(1 + f) : -log10(1 - f))\n"
                }
                table += "\n"
            }
        } else {
            table += "nan\tnan\tnan\n"
        }
        for v in variants {
            let (path, shape) = values(v.records.first, figure.y)
            table += "\n\n# variant \(v.variant), seed \(v.records.first?.int("seed") ?? -1): every start's trajectory, x y\n"
            guard shape.count == 3, shape[2] >= 2 else { table += "nan\tnan\n"; continue }
            let (k, steps, d) = (shape[0], shape[1], shape[2])
            for s in 0..<k {
                for t in 0..<steps { table += "\(path[(s * steps + t) * d])\t\(path[(s * steps + t) * d + 1])\n" }
                table += "\n"
            }
        }
        let contourFile = "\(figure.name)-contours.tsv"
        var script = preamble(results, figure, dataFile: dataFile, layout: "index 0: the grid (x, y, symlog f); then one block per variant: trajectories")
        script += """
        set xlabel "x"
        set ylabel "y"
        set key outside right top noenhanced
        set view map
        unset surface
        set contour base
        set cntrparam levels 24
        set table '\(contourFile)'
        splot '\(dataFile)' index 0 using 1:2:3 with lines notitle
        unset table
        unset contour
        set datafile separator whitespace
        set size ratio -1
        \(xs.isEmpty ? "" : "set xrange [\(xs.first!):\(xs.last!)]\nset yrange [\(ys.first!):\(ys.last!)]")

        """
        var plots = ["'\(contourFile)' using 1:2 with lines lc rgb '#c8c8c8' notitle"]
        for (k, v) in variants.enumerated() {
            let (color, dash) = style(k, of: variants.count)
            plots.append("'\(dataFile)' index \(k + 1) using 1:2 with lines lw 1.2 lc rgb '\(color)'\(dashed(dash)) title '\(escape(results.spec.label(of: v.variant)))'")
        }
        script += render(figure, plot: "plot " + plots.joined(separator: ", \\\n  "))
        return (table, script, FigureCheck(axis: nil))
    }

    /// Per selected variant, the selection score against the searched key `x_key` (default: the
    /// first searched): one block of the declared grid's points and one of the points tried beyond
    /// its edge (empty when none), per combination of the other searched keys.
    static func selection(_ results: StoredResults, _ figure: FigureSpec, dataFile: String) -> (String, String, FigureCheck) {
        let spec = results.spec
        var table = "", plots: [String] = [], block = 0, drawn: [(String, [Double])] = []
        let variants = spec.selectedVariants.filter { v in
            figure.variants.isEmpty || figure.variants.contains { v.name == $0 || v.name.hasPrefix($0 + "-") }
        }
        var axis = figure.xKey
        for (k, variant) in variants.enumerated() {
            let name = variant.name
            guard let declared = results.selections[name] else { continue }
            let record = results.extendedSelections[name] ?? declared
            let rules = spec.searchRules[name] ?? [:]
            let points = record.points.map { GridPoint(json: $0, rules: rules)?.values ?? [:] }
            if axis.isEmpty { axis = points.first?.keys.sorted().first ?? "" }
            // One series per combination of the other searched keys.
            let others = points.map { p in p.filter { $0.key != axis }.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", ") }
            var series: [String] = []
            for o in others where !series.contains(o) { series.append(o) }
            for (j, o) in series.enumerated() {
                let color = palette[(k * max(1, series.count) + j) % palette.count]
                let title = escape(spec.label(of: name) + (o.isEmpty ? "" : " (\(o))"))
                for beyond in [false, true] {
                    let rows = points.indices.filter { others[$0] == o && ($0 >= declared.points.count) == beyond }
                        .compactMap { i in points[i][axis]?.number.map { ($0, record.scores[i]) } }.sorted { $0.0 < $1.0 }
                    if block > 0 { table += "\n\n" }
                    table += "# variant \(name)\(o.isEmpty ? "" : " (\(o))"), \(beyond ? "beyond the declared grid" : "declared grid")\(rows.isEmpty ? ": none" : "")\n# \(axis)\tscore\n"
                    for (x, y) in rows { table += "\(x)\t\(y)\n" }
                    if !rows.isEmpty {
                        drawn.append((title, rows.map(\.1)))
                        plots.append(beyond
                            ? "'\(dataFile)' index \(block) using 1:2 with linespoints dt 2 pt 6 ps 1.5 lc rgb '\(color)' title '\(title) beyond the grid'"
                            : "'\(dataFile)' index \(block) using 1:2 with linespoints pt 7 lw 2 lc rgb '\(color)' title '\(title)'")
                    }
                    block += 1
                }
            }
            if let winner = points.indices.contains(record.winner) ? points[record.winner][axis]?.number : nil {
                table += "\n\n# variant \(name): the winner\n# \(axis)\tscore\n\(winner)\t\(record.scores[record.winner])\n"
                plots.append("'\(dataFile)' index \(block) using 1:2 with points pt 3 ps 2.5 lc rgb 'black' \(k == 0 ? "title 'winner'" : "notitle")")
                block += 1
            }
        }
        var script = preamble(results, figure, dataFile: dataFile, layout: "per selected variant, blocks of the declared grid's points and of those beyond it, then the winner")
        let metric = spec.selection.map { "\($0.overEpochs) \($0.metric)\($0.seeds.count > 1 ? ", mean over \($0.seeds.count) selection seeds" : "")" } ?? figure.y
        script += """
        set xlabel "\(axis.replacingOccurrences(of: "_", with: " "))"
        set ylabel "\(metric.replacingOccurrences(of: "_", with: " "))"
        set key outside right top noenhanced
        set grid

        """
        let valueAxis = ValueAxis.choose(drawn.flatMap(\.1), requested: figure.logY, fraction: false, bars: false)
        var check = FigureCheck(axis: valueAxis)
        check.series = drawn.map { FigureCheck.Series(label: $0.0, values: $0.1.filter { $0.isFinite && (!valueAxis.log || $0 > 0) }, labelled: false) }
        if figure.logX { script += "set logscale x\n" }
        script += "set format x \"\(ValueAxis.format)\"\n" + valueAxis.gnuplot("y") + notes([clipNote(valueAxis), notPositiveNote(valueAxis)])
        script += render(figure, plot: plots.isEmpty ? "plot 0 notitle" : "plot \\\n  " + plots.joined(separator: ", \\\n  "))
        return (table, script, check)
    }

    // MARK: files

    private static func provenanceHeader(_ results: StoredResults, _ figure: FigureSpec) -> String {
        let what = figure.kind == .lines ? "\(figure.y) against \(figure.x), mean and std over seeds"
            : figure.kind == .sorted ? "per-start \(figure.y), sorted, pooled over seeds"
            : figure.kind == .trajectories ? "the first seed's trajectories over contour lines"
            : figure.kind == .sweep ? "\(figure.overEpochs) \(figure.y) over epochs against \(figure.xKey), mean and std over the seeds that completed"
            : figure.kind == .selection ? "the selection score (\(figure.overEpochs) \(figure.y) over epochs) against \(figure.xKey.isEmpty ? "the searched value" : figure.xKey), declared grid and extension"
            : "\(figure.overEpochs) \(figure.y) over epochs, \(figure.kind == .bars ? "mean and std" : "mean") over seeds"
        var out = "# \(results.spec.name) [\(results.spec.profile)]: \(what)\n"
        out += "# generated by `reprise figures \(results.spec.name)` from results/\(results.spec.name)/\(results.spec.profile)/ (HDF5)\n"
        out += "# git commits of the runs: \(results.commitLabels.joined(separator: ", "))\n"
        for r in results.records {
            out += "# cell \(r.string("variant") ?? "?") seed \(r.int("seed") ?? -1): config \(r.string("config_hash")?.prefix(16) ?? "?") status \(r.string("status") ?? "?")\n"
        }
        return out
    }

    /// Text from a spec or a stored file as gnuplot sees it: quotes become typographic ones and
    /// backquotes, backslashes, `@`, `$` and control characters spaces, so that a label can neither
    /// end its string nor reach gnuplot's command or macro substitution. Used inside single quotes only.
    static func escape(_ s: String) -> String {
        String(s.unicodeScalars.map { c -> Character in
            if c == "'" { return "’" }
            if c == "\"" { return "”" }
            return "`\\@$".unicodeScalars.contains(c) || c.value < 0x20 || c.value == 0x7f ? " " : Character(c)
        })
    }

    /// Common head of every script: title, key, terminal set-up comes at the end.
    private static func preamble(_ results: StoredResults, _ figure: FigureSpec, dataFile: String, layout: String) -> String {
        // `{every_steps}` in a title reads the profile's recording interval (quick records every 4
        // steps where default records every 50: one title, each profile's own number).
        var title = figure.title.isEmpty ? "\(results.spec.title): \(figure.y)"
            : figure.title.replacingOccurrences(of: "{every_steps}", with: "\(results.spec.recordEvery)")
        // A reconstruction, or an experiment beyond its paper, says so on every figure.
        let scope = results.spec.scope
        if scope != "reproduction", !title.lowercased().contains(scope) { title += " (\(scope))" }
        return """
        # gnuplot script written by `reprise figures \(results.spec.name)`; edit freely and run `gnuplot \(figure.name).gp`
        # in this folder. The data (\(dataFile)): \(layout).
        set datafile separator "\\t"
        set datafile missing "nan"
        set title '\(escape(title))' noenhanced

        """
    }

    private static func render(_ figure: FigureSpec, plot: String) -> String {
        """
        set terminal pngcairo size 960,560 font "sans,11"
        set output "\(figure.name).png"
        \(plot)
        set terminal svg size 960,560 dynamic font "sans,11"
        set output "\(figure.name).svg"
        replot
        unset output

        """
    }

    private static func gnuplot(_ script: String, in directory: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["gnuplot", script]
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let errors = Pipe()
        process.standardError = errors
        do { try process.run() } catch { throw ReportError.gnuplotMissing }
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        if process.terminationStatus == 127 { throw ReportError.gnuplotMissing }
        guard process.terminationStatus == 0 else { throw ReportError.gnuplotFailed(script: "\(directory)/\(script)", message: message) }
    }
}

public enum ReportError: Error, CustomStringConvertible {
    case gnuplotMissing
    case gnuplotFailed(script: String, message: String)
    case nothingStored(String)
    case unwritable(path: String, reason: String)

    public var description: String {
        switch self {
        case .gnuplotMissing:
            return "gnuplot is not installed: run `make setup` (apt-get install gnuplot-nox). Every figure's data (.tsv) and script (.gp) and summary.md were written; no PNG or SVG."
        case .gnuplotFailed(let script, let message):
            return "gnuplot failed on \(script):\n\(message)"
        case .nothingStored(let text):
            return text
        case .unwritable(let path, let reason):
            return "cannot write \(path) (\(reason)); make its folder writable, free some space, or pass --figures DIR"
        }
    }
}

/// Writes what reports produce, turning a file-system failure into an error naming the path and
/// the fix (Foundation's own says "NSCocoaErrorDomain Code=642").
public enum ReportFiles {
    public static func folder(_ path: String) throws {
        do { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) }
        catch { throw ReportError.unwritable(path: path, reason: reason(error)) }
    }

    public static func write(_ text: String, to path: String) throws {
        do { try text.write(toFile: path, atomically: true, encoding: .utf8) }
        catch { throw ReportError.unwritable(path: path, reason: reason(error)) }
    }

    /// The POSIX reason under a Foundation error, e.g. "Permission denied", "No space left on device".
    static func reason(_ error: Error) -> String {
        let ns = error as NSError
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        if ns.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(ns.code))) }
        switch ns.code {
        case NSFileWriteNoPermissionError, 642: return "Permission denied"
        case NSFileWriteOutOfSpaceError: return "No space left on device"
        case NSFileWriteVolumeReadOnlyError: return "read-only file system"
        default: return ns.localizedDescription
        }
    }
}
