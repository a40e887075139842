import Foundation
import RepriseExperiments
import RepriseStore

/// Writes each declared figure as a tab-separated data file and a standalone gnuplot script, then
/// renders PNG and SVG with gnuplot. Reads the HDF5 store only; never trains. Each figure's value
/// axis is chosen from what it draws (`ValueAxis`); diverged runs and failed starts are counted and
/// marked, never plotted; the paper's comparable numbers are drawn beside Reprise's; and what a
/// figure shows is kept (`FigureCheck`) for the test that no figure hides its data.
public enum Figures {
    static let palette = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b",
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

    // MARK: files

    static func provenanceHeader(_ results: StoredResults, _ figure: FigureSpec) -> String {
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
    static func preamble(_ results: StoredResults, _ figure: FigureSpec, dataFile: String, layout: String) -> String {
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

    static func render(_ figure: FigureSpec, plot: String) -> String {
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

    static func gnuplot(_ script: String, in directory: String) throws {
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
