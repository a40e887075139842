import Foundation
import RepriseExperiments
import RepriseStore

/// Figures: lines: the mean over seeds of a per-step or per-epoch series, a band of ± std.
extension Figures {
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
}
