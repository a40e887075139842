import Foundation
import RepriseConfig

/// A figure declared by a spec, drawn from the store.
/// - `lines`: `y` against steps or epochs, one line per variant, mean over seeds with a ±1 std band;
/// - `bars`: `y` reduced over epochs (`over_epochs`), mean ± std over seeds, one bar per variant
///   label, clustered by variant group; drawn as `dots` instead when bars would hide the claimed
///   effect (`Figures.dotsReason`: an effect under a tenth of the axis, a log axis over 10 decades);
/// - `dots`: as `bars`, every seed's value a dot, the mean a tick, a seed's values joined across
///   the arms of a group (paired by seed);
/// - `heatmap`: `y` reduced over epochs and averaged over seeds, on the grid of two variant keys
///   (`x_key`, `y_key`).
public struct FigureSpec: Sendable, Hashable {
    /// What a figure draws (the spec's `kind`).
    public enum Kind: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
        case lines, bars, dots, heatmap, sorted, trajectories, selection, sweep
        public var description: String { rawValue }
    }
    public var name: String
    public var kind: Kind
    public var title: String
    public var x: String
    public var y: String
    public var logX: Bool
    /// Logarithmic value axis: true, false, or nil to choose from the data.
    public var logY: Bool?
    /// The variants drawn; empty means all.
    public var variants: [String]
    public var overEpochs: EpochReduction
    public var xKey: String
    public var yKey: String
    /// Heat maps: the label of the extra column/row for variants without `xKey`/`yKey` (empty: left out).
    public var absent: String
    /// Sweeps: x values drawn as labelled vertical lines.
    public var marks: [Double] = []
    /// The stored series group the figure reads ("steps" or "epochs").
    public var group: String { x == "epoch" ? "epochs" : "steps" }
}
