import Foundation
import RepriseExperiments
import RepriseStore

/// The selection score of every point of a variant's declared grid on each selection seed, read
/// from the stored selection runs (`selection/VARIANT/POINT--seedS.h5`). The selection record keeps
/// only the mean over seeds; these are the numbers that mean is taken over, which
/// `SelectionDiagnostics` reads to tell a choice every seed agrees on from one a seed carries.
public struct SelectionSeedScores: Sendable, Equatable {
    /// The selection seeds, in the spec's order.
    public var seeds: [Int]
    /// `scores[point][k]`: the point's selection metric on `seeds[k]`, reduced over epochs as the
    /// selection does (`reduceOverEpochs`; NaN for a diverged run or a missing series).
    public var scores: [[Double]]

    public init(seeds: [Int], scores: [[Double]]) {
        self.seeds = seeds
        self.scores = scores
    }

    /// Each point's mean over the seeds whose index `keep` accepts, summed in seed order as the
    /// runner does (`Runner.score`): over every seed, the record's scores to the last bit.
    public func means(keeping keep: (Int) -> Bool = { _ in true }) -> [Double] {
        let kept = seeds.indices.filter(keep)
        return scores.map { row in kept.map { row[$0] }.reduce(0, +) / Double(kept.count) }
    }

    /// Reads the runs of `variant`'s declared grid and checks their mean against the stored
    /// `record`. A run that is missing or was made with another configuration, or means that are
    /// not the record's scores, give a note instead: the per-seed scores must be those the record
    /// was chosen on.
    static func read(_ spec: ExperimentSpec, variant: Variant, record: SelectionRecord, directory: String)
        -> Result<SelectionSeedScores, Note> {
        guard let selection = spec.selection else { return .failure(Note("the spec has no [selection] table")) }
        let cells = spec.selectionCells(of: variant)
        let goal = spec.goal(of: selection.metric)
        var each: [Double] = [], unusable = 0
        for cell in cells {
            guard let stored = try? ResultStore.read("\(directory)/\(cell.relativePath)"), stored.string("config_hash") == cell.hash else {
                unusable += 1
                continue
            }
            each.append(reduceOverEpochs(stored.series["epochs"]?[selection.metric] ?? [], selection.overEpochs, goal: goal))
        }
        let name = variant.name
        if unusable > 0 {
            return .failure(Note("\(unusable) of the \(cells.count) selection runs of \(name) are missing or were made with another configuration: its choice cannot be checked seed by seed"))
        }
        let n = selection.seeds.count
        let out = SelectionSeedScores(seeds: selection.seeds, scores: (0..<(cells.count / max(n, 1))).map { p in Array(each[(p * n)..<((p + 1) * n)]) })
        let means = out.means()
        guard means.count == record.scores.count,
              zip(means, record.scores).allSatisfy({ $0.bitPattern == $1.bitPattern || ($0.isNaN && $1.isNaN) }) else {
            return .failure(Note("the stored selection runs of \(name) do not average to the scores of its selection record: its choice cannot be checked seed by seed"))
        }
        return .success(out)
    }

    /// Why the per-seed scores of a variant could not be read (shown among the results' notes).
    struct Note: Error, CustomStringConvertible {
        var description: String
        init(_ text: String) { description = text }
    }
}
