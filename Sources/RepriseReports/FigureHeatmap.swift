import Foundation
import RepriseExperiments
import RepriseStore

/// Figures: heat maps over two numeric variant keys.
extension Figures {
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
}
