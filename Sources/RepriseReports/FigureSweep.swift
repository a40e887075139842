import Foundation
import RepriseExperiments
import RepriseStore

/// Figures: sweeps: a reduced metric against a numeric variant key.
extension Figures {
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
}
