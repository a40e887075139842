import Foundation
import RepriseConfig
import RepriseExperiments
import RepriseLearning
import RepriseNumerics
import RepriseStore


/// The selection stage: every grid point scored from its stored runs, the winner stored, and an
/// edge winner's axis extended.
extension Runner {
    /// Scores every grid point of a variant from its stored run, picks the winner and stores the record.
    func select(_ variant: Variant, spec: ExperimentSpec, provenance: [String: AttributeValue]) throws -> SelectionRecord {
        guard let selection = spec.selection else { throw RunError.noSelection(spec.name) }
        let cells = spec.selectionCells(of: variant)
        let missing = cells.filter { !FileManager.default.fileExists(atPath: path(of: $0)) }
        if !missing.isEmpty {
            throw RunError.selectionNotStored(variant: variant.name, missing: missing.count, of: cells.count,
                                              experiment: spec.name, profile: spec.profile)
        }
        let points = spec.grid(of: variant)
        let scores = try score(cells, points: points.count, spec: spec)
        let record = SelectionRecord(
            variant: variant.name, metric: selection.metric, overEpochs: selection.overEpochs.rawValue, seed: selection.seed,
            points: points.map { ConfigValue.table($0.values).canonicalJSON }, labels: points.map(\.label),
            scores: scores, hashes: cells.map(\.hash), winner: selectWinner(scores, goal: spec.goal(of: selection.metric)))
        let file = "\(options.resultsDirectory)/\(spec.selectionRecordPath(of: record.variant))"
        // A stored record that is damaged or was made on another grid is kept, not overwritten; an
        // identical one is left as it is; something not a file is refused.
        if try StoreFile.exists(file) {
            let previous = try? SelectionRecord.read(file)
            if previous == record { return record }
            try prepareResultsFolderOnce()
            let aside = Self.freeName(file + (previous == nil ? ".unreadable" : ".superseded"))
            try? FileManager.default.moveItem(atPath: file, toPath: aside)
            Progress.say("\(spec.selectionRecordPath(of: record.variant)) was \(previous == nil ? "unreadable" : "made on another grid or configuration"); kept as \(aside)")
        }
        try prepareResultsFolderOnce()
        try record.write(to: file, scratch: "\(options.resultsDirectory)/.tmp", provenance: provenance)
        return record
    }

    /// The selection score of each of `points` points from their stored runs (`cells`, point-major,
    /// one per selection seed): the metric reduced over epochs, averaged over the seeds (NaN when
    /// any seed's run diverged).
    func score(_ cells: [Cell], points: Int, spec: ExperimentSpec) throws -> [Double] {
        guard let selection = spec.selection else { throw RunError.noSelection(spec.name) }
        let each = try cells.map { cell -> Double in
            let series = try ResultStore.read(path(of: cell)).series["epochs"]?[selection.metric] ?? []
            return reduceOverEpochs(series, selection.overEpochs, goal: spec.goal(of: selection.metric))
        }
        let n = selection.seeds.count
        return (0..<points).map { p in each[(p * n)..<((p + 1) * n)].reduce(0, +) / Double(n) }
    }

    /// A winner on the edge of a searched numeric axis: trains points beyond that edge by the
    /// grid's own step (`stepBeyond`) while each improves on the best so far, at most
    /// `extend_steps` per edge, and stores every point tried, declared and beyond, with the winner
    /// over all of them beside the declared record (`VARIANT+extended.h5`). The declared record is
    /// never changed. Returns the record and its winning point; nil when the winner is on no edge or
    /// extension is off.
    func extend(_ variant: Variant, declared: SelectionRecord, spec: ExperimentSpec,
                        provenance: [String: AttributeValue], report: inout RunReport) throws -> (SelectionRecord, GridPoint)? {
        guard let selection = spec.selection, selection.extendSteps > 0 else { return nil }
        let edges = spec.edgeSides(of: variant, winner: declared.winner)
        guard !edges.isEmpty else { return nil }
        let goal = spec.goal(of: selection.metric), name = variant.name
        var points = spec.grid(of: variant), scores = declared.scores, hashes = declared.hashes, best = declared.winner
        for (key, side, _) in edges {
            var current = points[best]
            for _ in 0..<selection.extendSteps {
                guard let next = spec.stepBeyond(current, key: key, of: variant, side: side) else { break }
                let cells = spec.selectionCells(of: variant, points: [next])
                try runCells(cells, spec: spec, stage: "grid extension", provenance: provenance, report: &report)
                let score = try self.score(cells, points: 1, spec: spec)[0]
                points.append(next); scores.append(score); hashes += cells.map(\.hash)
                Progress.say("\(spec.name): \(name) on the \(side == .low ? "low" : "high") edge of \(key): tried \(next.label) beyond the grid, score \(String(format: "%.4f", score))")
                guard score.isFinite, goal.prefers(score, over: scores[best]) else { break }
                best = points.count - 1
                current = next
            }
        }
        let record = SelectionRecord(
            variant: name, metric: selection.metric, overEpochs: selection.overEpochs.rawValue, seed: selection.seed,
            points: points.map { ConfigValue.table($0.values).canonicalJSON }, labels: points.map(\.label),
            scores: scores, hashes: hashes, winner: best)
        let file = "\(options.resultsDirectory)/\(spec.extendedSelectionRecordPath(of: name))"
        // Whether the file exists is asked before it is read: with --jobs, another process may store
        // the same record between a failed read and the question, and its file was then moved aside
        // as if it held another grid. A file appears whole (renamed into place), so one that exists
        // reads whole; two processes that both find none write the same bytes, the last rename winning.
        if try StoreFile.exists(file) {
            let previous = try? SelectionRecord.read(file)
            if previous != record {
                try? FileManager.default.moveItem(atPath: file, toPath: Self.freeName(file + (previous == nil ? ".unreadable" : ".superseded")))
                try record.write(to: file, scratch: "\(options.resultsDirectory)/.tmp", provenance: provenance)
            }
        } else {
            try record.write(to: file, scratch: "\(options.resultsDirectory)/.tmp", provenance: provenance)
        }
        Progress.say("\(spec.name): \(name) with its grid extended: \(record.labels[best])\(best == declared.winner ? " (the declared winner stands)" : " (beyond the declared grid)")")
        return (record, points[best])
    }
}
