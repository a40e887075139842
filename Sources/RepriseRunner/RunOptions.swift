import Foundation
import RepriseConfig
import RepriseExperiments
import RepriseLearning
import RepriseNumerics
import RepriseStore


/// Options of one `reprise run`.
public struct RunOptions: Sendable {
    /// The results folder (cells go to `RESULTS/EXPERIMENT/PROFILE/`).
    public var resultsDirectory: String
    /// Folder holding datasets (`--data-dir` / `REPRISE_DATA`), or nil for the system location.
    public var dataDirectory: String?
    /// Rerun cells even when a result with the same configuration hash is stored.
    public var force = false
    /// Run only these variants (exact names, or a base name for all its grid points).
    public var only: [String] = []
    /// Run only the first N seeds.
    public var seedLimit: Int?
    /// Run only these seeds, by value (`--seed-values`; `keptSeeds`).
    public var seedValues: [Int]?
    /// The source checkout, for the git commit recorded with results.
    public var sourceDirectory: String
    /// When the run began (shared by the processes of one `--jobs` run): with --force, cells stored
    /// since then count as done.
    public var startedAt = Date()
    /// Run one stage only (`selection` or `final`), and within it only the cell at this index of the
    /// stage's full, fixed list: one task of a Slurm job array.
    public var stage: RunStage?
    public var cellIndex: Int?
    /// Checkpoint every N steps / M minutes of a cell (`--checkpoint-steps`, `--checkpoint-minutes`),
    /// overriding the spec's `[checkpoint]`.
    public var checkpointSteps: Int?
    public var checkpointMinutes: Double?
    /// Rerun stored cells that other code made (`--stale`: `SourceTrust`), keeping each aside.
    public var rerunStale = false

    public init(resultsDirectory: String, dataDirectory: String?, sourceDirectory: String) {
        self.resultsDirectory = resultsDirectory
        self.dataDirectory = dataDirectory
        self.sourceDirectory = sourceDirectory
    }
}

extension RunOptions {
    /// What is wrong with these options, as the user would fix it; nil when nothing is.
    public var problem: String? {
        if cellIndex != nil && stage == nil { return "--cell needs --stage selection or final" }
        if let cell = cellIndex, cell < 0 { return "--cell must be at least 0 (found \(cell))" }
        if let seeds = seedLimit, seeds < 1 { return "--seeds must be at least 1 (found \(seeds))" }
        if seedLimit != nil && seedValues != nil { return "give --seeds N (the first N seeds) or --seed-values (seeds by value), not both" }
        if only.contains(where: \.isEmpty) { return "--only needs a variant name" }
        if let n = checkpointSteps, n < 1 { return "--checkpoint-steps must be at least 1 (found \(n))" }
        if let m = checkpointMinutes, !(m > 0) || !m.isFinite { return "--checkpoint-minutes must be a positive number of minutes (found \(m))" }
        return nil
    }
}

/// The two stages of a run: the selection runs of grids, then the final cells.
public enum RunStage: String, Sendable, CaseIterable {
    case selection, final
}

/// What happened to each cell of a run.
public struct RunReport: Sendable {
    public var ran: [Cell] = []
    public var skipped: [Cell] = []
    public var diverged: [Cell] = []
}
