import Foundation

/// A figure's value axis, chosen from the data it draws: logarithmic when asked, or, when the spec
/// does not say, when its values are all positive and span more than two decades; bars include 0 on
/// a linear axis (fractions run from 0 to 1); a linear axis whose largest values dwarf the rest
/// (an unbounded objective: beyond 1000 × the median magnitude) is clipped near the scale of the
/// rest, the values beyond drawn at the edge and labelled.
public struct ValueAxis: Equatable, Sendable {
    public var log: Bool
    public var low: Double
    public var high: Double
    /// Values beyond the axis (clipped), drawn at its edge with their value.
    public var clipped: [Double] = []
    /// Values that cannot stand on a log axis (≤ 0), left out and counted on the figure.
    public var notPositive = 0

    /// The tick format: at most four significant digits.
    public static let format = "%.4g"

    /// Whether `value` is drawn inside the axis.
    public func contains(_ value: Double) -> Bool { value >= low && value <= high && (!log || value > 0) }

    /// The axis for `values` (every value the figure draws: means, band edges, paper numbers).
    static func choose(_ values: [Double], requested: Bool?, fraction: Bool, bars: Bool) -> ValueAxis {
        let finite = values.filter(\.isFinite)
        if fraction && bars && !finite.isEmpty && finite.allSatisfy({ $0 >= 0 && $0 <= 1 }) {
            if requested == true, let lo = finite.filter({ $0 > 0 }).min() {
                return ValueAxis(log: true, low: lo / 2, high: 1, notPositive: finite.filter { $0 <= 0 }.count)
            }
            return ValueAxis(log: false, low: 0, high: 1)
        }
        let positive = finite.filter { $0 > 0 }
        let decades = positive.isEmpty ? 0 : log10(positive.max()! / positive.min()!)
        let log = requested ?? (!positive.isEmpty && positive.count == finite.count && decades > 2)
        if log {
            guard let lo = positive.min(), let hi = positive.max() else { return ValueAxis(log: true, low: 0.1, high: 10, notPositive: finite.count) }
            let pad = pow(10, max(0.1, 0.05 * decades))
            return ValueAxis(log: true, low: lo / pad, high: hi * pad, notPositive: finite.count - positive.count)
        }
        guard var lo = finite.min(), var hi = finite.max() else { return ValueAxis(log: false, low: 0, high: 1) }
        // Clip a linear axis that a few values would stretch beyond 100 × the typical magnitude.
        var clipped: [Double] = []
        let magnitudes = finite.map(abs).filter { $0 > 0 }.sorted()
        if magnitudes.count >= 3 {
            let typical = magnitudes[magnitudes.count / 2]
            if magnitudes.last! > 1000 * typical {
                // The axis keeps the values within 10 × the median magnitude, with room to spare;
                // the rest (an unbounded objective's) are drawn to the edge and labelled.
                let bound = 1.5 * magnitudes.filter { $0 <= 10 * typical }.max()!
                clipped = finite.filter { abs($0) > bound }
                let kept = finite.filter { abs($0) <= bound }
                lo = kept.min() ?? lo; hi = kept.max() ?? hi
                if clipped.contains(where: { $0 < 0 }) { lo = -bound }
                if clipped.contains(where: { $0 > 0 }) { hi = bound }
            }
        }
        if bars { lo = min(lo, 0); hi = max(hi, 0) }
        var span = hi - lo
        if span == 0 { span = lo == 0 ? 1 : abs(lo) * 0.2 }
        let padLow = bars && lo == 0 ? 0 : 0.06 * span, padHigh = bars && hi == 0 ? 0 : 0.06 * span
        return ValueAxis(log: false, low: lo - padLow, high: hi + padHigh, clipped: clipped)
    }

    /// The axis widened by `fraction` of its extent above its top (and below its bottom when it
    /// reaches below 0), on the log scale for a log axis: room for the value labels that bars carry
    /// beside their ends, which would otherwise run into the title or the tick labels.
    func withHeadroom(_ fraction: Double) -> ValueAxis {
        var out = self
        if log {
            out.high = high * pow(high / low, fraction)
        } else {
            let span = high - low
            out.high = high > 0 ? high + fraction * span : high
            out.low = low < 0 ? low - fraction * span : low
        }
        return out
    }

    /// The gnuplot lines that set this axis (`y` or `cb`). A log axis spanning under three decades gets
    /// ticks of its own (gnuplot would label one power of ten, or none).
    func gnuplot(_ name: String) -> String {
        var out = (log ? "set logscale \(name)\n" : "unset logscale \(name)\n")
            + "set \(name)range [\(Self.number(low)):\(Self.number(high))]\nset format \(name) \"\(Self.format)\"\n"
        if log, high / low < 1000 {
            let ticks = (0...5).map { k in Double(String(format: "%.2g", low * pow(high / low, (Double(k) + 0.5) / 6)))! }
            out += "set \(name)tics (" + Set(ticks).sorted().map { "\"\(Self.label($0))\" \(Self.number($0))" }.joined(separator: ", ") + ")\n"
        }
        return out
    }

    /// A number as a script or a label writes it: at most six significant digits.
    static func number(_ x: Double) -> String { String(format: "%.6g", x) }

    /// A value as a label on a figure: four significant digits.
    static func label(_ x: Double) -> String { String(format: "%.4g", x) }
}

/// What a written figure shows, kept with its data and script for the test that no figure hides
/// its data: the value axis, every series' plotted values, what is marked instead of plotted
/// (diverged runs, failed starts, clipped values), and the paper's numbers drawn.
public struct FigureCheck: Sendable {
    public struct Series: Sendable {
        public var label: String
        /// Every finite value drawn (means and band edges, bar heights and error bars).
        public var values: [Double]
        /// Whether each value is also written as a text label on the figure (so none can hide).
        public var labelled: Bool
        /// How the series is drawn, "COLOUR dt DASH" (empty where the kind does not say): no two
        /// series of a figure share one (rule d).
        public var style = ""
    }
    /// The value axis (nil for figures without one: trajectories).
    public var axis: ValueAxis?
    public var series: [Series] = []
    /// Per series label: the runs diverged (cells) or failed (starts), shown as a marker, not drawn.
    public var diverged: [String: Int] = [:]
    /// The paper's numbers drawn beside Reprise's.
    public var paper: [Double] = []
    /// Bars drawn as dots (every seed's value): asked by the spec, or bars would hide the effect.
    public var dots = false
    /// The points drawn from fewer seeds than planned, each with the "n=…" the figure writes beside it.
    public var stated: [String] = []
    /// The largest span of a log axis bars are drawn on, in decades (0: no bars on a log axis).
    public var barDecades = 0.0

    /// What is wrong with the figure, empty when nothing: a value outside the axis and not marked,
    /// a non-zero series under 1 % of a linear axis's span and not labelled, a non-positive value
    /// on a log axis.
    public var problems: [String] {
        guard let axis else { return [] }
        var out: [String] = []
        let span = axis.high - axis.low
        for s in series {
            for v in s.values where !axis.contains(v) && !axis.clipped.contains(v) && !(axis.log && v <= 0 && axis.notPositive > 0) {
                out.append("\(s.label): \(v) lies outside the axis [\(axis.low), \(axis.high)]\(axis.log ? " (log)" : "")")
            }
            if !axis.log, !s.labelled, let peak = s.values.map(abs).max(), peak > 0, peak < 0.01 * span {
                out.append("\(s.label): its largest value \(peak) is under 1 % of the linear axis span \(span), unlabelled")
            }
        }
        for p in paper where !axis.contains(p) { out.append("the paper's \(p) lies outside the axis") }
        if barDecades > 10 { out.append("bars on a log axis spanning \(barDecades) decades (draw dots)") }
        let styled = series.map(\.style).filter { !$0.isEmpty }
        if Set(styled).count < styled.count { out.append("\(styled.count - Set(styled).count) series share a colour and dash with another") }
        return out
    }
}
