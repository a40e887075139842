import Foundation
import RepriseExperiments
import RepriseStore

/// Figures: per-start values, trajectories and the selection stage.
extension Figures {
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
}
