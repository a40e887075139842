import Foundation
import RepriseConfig

/// The selection stage: each point of a variant's `select` grid is trained once with each selection
/// seed, scored by `metric` (in its goal's direction) reduced over epochs (`best` or `final`) and
/// averaged over the seeds, and the best point is rerun with every seed. A winner on a grid's edge
/// has that axis extended (`extendSteps`). Scores and winners are stored.
public struct SelectionSpec: Sendable, Hashable {
    public var metric: String
    public var overEpochs: EpochReduction
    /// The first selection seed (the one seed, unless `seeds` was given).
    public var seed: Int
    /// Every selection seed: the score of a grid point is the mean over them.
    public var seeds: [Int]
    /// The number of grid points every selected variant must search, when declared.
    public var points: Int?
    /// The most points an edge winner's axis is extended by.
    public var extendSteps: Int
}
