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

/// Runs the cells of an experiment: skips those already stored with the same hash, runs the
/// others deterministically and stores each atomically. It knows cells, trials and the store;
/// it knows nothing of any optimiser's internals.
public final class Runner {
    let options: RunOptions
    private let registry: Registry
    private var prepared = false

    /// `prepareResultsFolder`, once per runner, before the first write.
    private func prepareResultsFolderOnce() throws {
        if prepared { return }
        try prepareResultsFolder()
        prepared = true
    }
    private let data: DataCache
    /// Whether stored cells were made by this build's code; the doubts of cells reused anyway.
    private lazy var trust = SourceTrust(root: options.sourceDirectory)
    private var reusedDoubts: [SourceTrust.Doubt] = []
    /// Mean seconds per step of the stored cells this run found: the ETA's start.
    private var storedStepSeconds: [Double] = []

    private var runStarted: Date { options.startedAt }

    private func modified(_ cell: Cell) -> Date? {
        (try? FileManager.default.attributesOfItem(atPath: path(of: cell)))?[.modificationDate] as? Date
    }

    public init(options: RunOptions, registry: Registry = .standard) {
        self.options = options
        self.registry = registry
        data = DataCache(dataDirectory: options.dataDirectory, datasets: registry.datasets)
    }

    /// Whether `--only` chooses the variant (an exact name, or a base name for its grid points).
    private func chosen(_ variant: String) -> Bool {
        options.only.isEmpty || options.only.contains { variant == $0 || variant.hasPrefix($0 + "-") }
    }

    public func path(of cell: Cell) -> String { "\(options.resultsDirectory)/\(cell.relativePath)" }

    /// Whether the cell's result is stored with the same configuration hash. The whole file is read,
    /// so that a damaged series is found now, not when a figure needs it: an unreadable file is
    /// moved aside (never deleted) and reported, and its cell rerun. Something other than a regular
    /// file in its place (a FIFO, a device, a link) is not Reprise's: it is neither read nor moved,
    /// and the cell is refused (`StoreError.notAFile`) until the user removes it.
    func isStored(_ cell: Cell) throws -> Bool {
        let file = path(of: cell)
        guard try StoreFile.exists(file) else { return false }
        do {
            let record = try ResultStore.read(file)
            let why: String
            let here = BLASKernel.recorded(BLASKernel.selected)
            if record.attributes["config_hash"] == .string(cell.hash), case .string(let there)? = record.attributes["blas_kernel"],
               !BLASKernel.sameRounding(there, here) {
                // A cell computed on a kernel that rounds otherwise is not mixed with this run's
                // (paired comparisons would compare kernels): kept aside and rerun, as a result of
                // another configuration is.
                why = "was computed on \(there), this run uses \(here)"
                    + " (to add to it instead, run with --blas-kernel \(BLASKernel.flag(forRecorded: there)))"
            } else if record.attributes["config_hash"] == .string(cell.hash) {
                // Made by other code (a dirty tree, a commit outside this history): reused with a
                // note naming it, or with --stale kept aside and rerun.
                let steps = record.wallclockSeries["step_seconds"] ?? []
                if !steps.isEmpty { storedStepSeconds.append(steps.reduce(0, +) / Double(steps.count)) }
                guard let doubt = trust.doubt(record.attributes) else { return true }
                guard options.rerunStale else { reusedDoubts.append(doubt); return true }
                why = "was \(doubt.reason) (source digest \(doubt.digest)); --stale reruns it"
            } else {
                why = "holds a result of another configuration"
            }
            // Kept, not overwritten.
            let aside = Self.freeName(file + ".superseded")
            try? FileManager.default.moveItem(atPath: file, toPath: aside)
            Progress.say("\(cell.relativePath) \(why); kept as \(aside), the cell will be rerun.")
            return false
        } catch {
            let aside = Self.freeName(file + ".unreadable")
            try? FileManager.default.moveItem(atPath: file, toPath: aside)
            Progress.say("warning: \(error)\n  kept as \(aside); the cell will be rerun.")
            return false
        }
    }

    /// `base`, or `base2`, `base3`, … : the first name not taken.
    static func freeName(_ base: String) -> String {
        var name = base, k = 1
        while FileManager.default.fileExists(atPath: name) { k += 1; name = "\(base)\(k)" }
        return name
    }

    /// Runs the experiment in two stages: the selection runs of variants with a `select` grid (one
    /// per grid point, scored on the selection metric, winner stored), then the final cells of
    /// every variant with every seed.
    public func run(_ spec: ExperimentSpec) throws -> RunReport {
        let unknown = options.only.filter { name in !spec.variantNames.contains { $0 == name || $0.hasPrefix(name + "-") } }
        if !unknown.isEmpty { throw RunError.unknownVariant(unknown, available: spec.variantNames) }
        let keptSeeds = try options.keptSeeds(spec)
        var report = RunReport()
        // Taken once, before anything runs: every cell of this run records the same provenance.
        let provenance = Provenance.attributes(sourceDirectory: options.sourceDirectory)

        let selecting = spec.selectedVariants.filter { chosen($0.name) }
        let selectionCells = selecting.flatMap { spec.selectionCells(of: $0) }
        if options.stage != .final {
            try runCells(try Self.pick(selectionCells, options.cellIndex), spec: spec, stage: "selection",
                         provenance: provenance, report: &report)
        }
        if options.stage == .selection { return report }
        var winners: [String: GridPoint] = [:], extendedFinals: [Cell] = []
        for variant in selecting {
            let record = try select(variant, spec: spec, provenance: provenance)
            let point = spec.grid(of: variant)[record.winner]
            winners[record.variant] = point
            let score = String(format: "%.4f", record.scores[record.winner])
            let seeds = spec.selection.map { $0.seeds.count > 1 ? ", mean over \($0.seeds.count) seeds" : "" } ?? ""
            Progress.say("\(spec.name): \(record.variant) selected \(point.label) (\(record.metric), \(record.overEpochs) over epochs\(seeds): \(score)) from \(record.scores.count) points")
            if options.stage != .selection, let (extended, point) = try extend(variant, declared: record, spec: spec, provenance: provenance, report: &report),
               extended.winner != record.winner {
                extendedFinals += spec.extendedCells(of: variant, winner: point)
            }
        }

        var finals = (spec.cells(winners: winners) + extendedFinals).filter { chosen($0.variant) }
        if let kept = keptSeeds { finals = finals.filter { kept.contains($0.seed) } }
        if let index = options.cellIndex, index >= finals.count, index < spec.variants.count * spec.allSeeds.count + Self.extensionRoom(spec) {
            Progress.say("\(spec.name): task \(index) has no final cell: the array holds room for the finals of winners beyond a grid's edge, and this run needs \(finals.count)")
            return report
        }
        try runCells(try Self.pick(finals, options.cellIndex), spec: spec, stage: "final", provenance: provenance, report: &report)
        return report
    }

    /// The final cells a job array reserves beyond the declared ones, for extended winners: every
    /// seed of every selected variant, when grids may be extended.
    public static func extensionRoom(_ spec: ExperimentSpec) -> Int {
        (spec.selection?.extendSteps ?? 0) > 0 ? spec.selectedVariants.count * spec.allSeeds.count : 0
    }

    /// All of `cells`, or the one at `index` (a job-array task); an index past the end is an error.
    static func pick(_ cells: [Cell], _ index: Int?) throws -> [Cell] {
        guard let index else { return cells }
        guard cells.indices.contains(index) else { throw RunError.noCell(index, count: cells.count) }
        return [cells[index]]
    }

    /// Reruns `cells` in memory (nothing is written) and compares every dataset outside `/wallclock`,
    /// and every attribute that defines the result, with the stored one. A cell whose file is
    /// missing, unreadable, or holds another cell or configuration is a failure, named, not skipped.
    public func verify(_ cells: [Cell], spec: ExperimentSpec) throws -> [Verification] {
        let provenance = Provenance.attributes(sourceDirectory: options.sourceDirectory)
        var out: [Verification] = []
        for (k, cell) in cells.enumerated() {
            let label = "[verify \(k + 1)/\(cells.count)] \(cell.variant) seed \(cell.seed)"
            let stored: CellRecord
            switch storedRecord(cell) {
            case .failure(let problem):
                Progress.say("\(label): \(problem)")
                out.append(Verification(cell: cell, problem: problem.description))
                continue
            case .success(let record): stored = record
            }
            let plan = try plan(cell)
            let progress = Progress(totalSteps: plan.totalSteps)
            let rerun = try runCell(cell, spec: spec, plan: plan, provenance: provenance, progress: progress, label: label)
            let verification = Verification(cell: cell, stored: stored, rerun: rerun)
            progress.finish("\(label): \(verification.identical ? "identical" : "DIFFERS")")
            out.append(verification)
        }
        return out
    }

    /// The stored record of `cell`, or what is wrong with its file (never moved or changed).
    private func storedRecord(_ cell: Cell) -> Result<CellRecord, Verification.Failure> {
        let file = path(of: cell)
        guard StoreFile.kind(file) != .missing else { return .failure(.init("\(cell.relativePath) is not stored")) }
        let record: CellRecord
        do { record = try ResultStore.read(file) } catch { return .failure(.init("\(cell.relativePath) is damaged: \(error)")) }
        let identity: [(String, AttributeValue)] = [("experiment", .string(cell.experiment)), ("profile", .string(cell.profile)),
                                                    ("variant", .string(cell.variant)), ("seed", .int(Int64(cell.seed))),
                                                    ("config_hash", .string(cell.hash))]
        for (key, expected) in identity where record.attributes[key] != expected {
            return .failure(.init("\(cell.relativePath) holds another cell or configuration (\(key) \(record.attributes[key].map { "\($0)" } ?? "missing"), expected \(expected)); rerun it with reprise run \(cell.experiment) --force --only \(cell.variant)"))
        }
        return .success(record)
    }

    /// Scores every grid point of a variant from its stored run, picks the winner and stores the record.
    private func select(_ variant: Variant, spec: ExperimentSpec, provenance: [String: AttributeValue]) throws -> SelectionRecord {
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
    private func score(_ cells: [Cell], points: Int, spec: ExperimentSpec) throws -> [Double] {
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
    private func extend(_ variant: Variant, declared: SelectionRecord, spec: ExperimentSpec,
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

    /// Runs the cells not stored yet (all with --force) and stores each as it finishes.
    private func runCells(_ cells: [Cell], spec: ExperimentSpec, stage: String, provenance: [String: AttributeValue],
                          report: inout RunReport) throws {
        var skipped = 0
        let pending = try cells.filter { cell in
            if options.force { _ = try StoreFile.exists(path(of: cell)); return true }
            if try !isStored(cell) { return true }
            report.skipped.append(cell)
            skipped += 1
            return false
        }
        // Workers of `--jobs` find the same cells stored: the first process says it once.
        if skipped > 0 && !WorkerPool.isWorker {
            Progress.say("\(spec.name) [\(spec.profile)]: \(skipped) of \(cells.count) \(stage) cells already stored with the same configuration; skipping them (--force reruns).")
            if let note = SourceTrust.note(reusedDoubts, experiment: spec.name, profile: spec.profile, reused: true) { Progress.say("warning: " + note) }
        }
        reusedDoubts = []
        guard !pending.isEmpty else { return }
        // Only a run with something to store needs a writable folder: with every cell stored, a
        // read-only results folder (a mounted archive) is fine.
        try prepareResultsFolderOnce()
        // Build every pending cell's problem and optimizer before anything runs: a configuration the
        // components refuse stops the run here, with nothing half-written.
        let plans = try pending.map(plan)
        let prior = storedStepSeconds.isEmpty ? nil : storedStepSeconds.reduce(0, +) / Double(storedStepSeconds.count)
        let progress = Progress(totalSteps: plans.reduce(0) { $0 + $1.totalSteps }, priorSecondsPerStep: prior)
        // Cells another process is training are deferred, not waited for: parallel runs of one
        // experiment (`--jobs`) spread over the cells; deferred cells are taken last, blocking.
        var deferred: [(Int, Cell, CellPlan)] = []
        for (k, (cell, plan)) in zip(pending, plans).enumerated() {
            guard let lock = try CellLock.tryAcquire(resultsDirectory: options.resultsDirectory, hash: cell.hash) else {
                deferred.append((k, cell, plan))
                continue
            }
            try runLocked(cell, plan: plan, index: k, of: pending.count, stage: stage, lock: lock, spec: spec,
                          provenance: provenance, progress: progress, report: &report)
        }
        for (k, cell, plan) in deferred {
            let label = "[\(stage) \(k + 1)/\(pending.count)] \(cell.variant) seed \(cell.seed)"
            guard let lock = try CellLock.acquire(resultsDirectory: options.resultsDirectory, hash: cell.hash, waiting: {
                Progress.say("\(label): another process (a --jobs worker, or another run in this results folder) is training this cell; waiting for it")
            }) else { throw RunError.interrupted(cell: label, completed: 0, of: plan.totalSteps, checkpoint: nil) }
            try runLocked(cell, plan: plan, index: k, of: pending.count, stage: stage, lock: lock, spec: spec,
                          provenance: provenance, progress: progress, report: &report)
        }
    }

    /// Trains and stores one cell under its lock, unless another process stored it meanwhile.
    private func runLocked(_ cell: Cell, plan: CellPlan, index k: Int, of count: Int, stage: String, lock: CellLock,
                           spec: ExperimentSpec, provenance: [String: AttributeValue], progress: Progress,
                           report: inout RunReport) throws {
        let label = "[\(stage) \(k + 1)/\(count)] \(cell.variant)\(cell.gridPoint.map { " " + $0 } ?? "") seed \(cell.seed)"
        if Termination.requested { throw RunError.interrupted(cell: label, completed: 0, of: plan.totalSteps, checkpoint: nil) }
        // Stored, or (with --force) stored since this run began by a parallel process of the same run.
        let storedNow = !options.force || (modified(cell).map { $0 >= runStarted } ?? false)
        // Asked again under the lock, --force included: what appeared meanwhile is never replaced unless it is a file.
        if try StoreFile.exists(path(of: cell)) && storedNow && isStored(cell) {
            report.skipped.append(cell)
            progress.skip(plan.totalSteps)
            return
        }
        let checkpoint = Checkpoint(result: path(of: cell), scratch: "\(options.resultsDirectory)/.tmp", configHash: cell.hash,
                                    sourceDigest: provenance["source_digest"].map { "\($0)" } ?? "unknown")
        let record = try runCell(cell, spec: spec, plan: plan, provenance: provenance, progress: progress, label: label, checkpoint: checkpoint)
        try ResultStore.write(record, to: path(of: cell), scratch: "\(options.resultsDirectory)/.tmp")
        checkpoint.remove()
        withExtendedLifetime(lock) {}
        report.ran.append(cell)
        let status = record.string("status") ?? "?"
        if record.diverged { report.diverged.append(cell) }
        let seconds = record.wallclockAttributes["total_seconds"].flatMap { if case .double(let s) = $0 { return s } else { return nil } } ?? 0
        let final = record.series["epochs"].map { Self.finalMetrics($0) } ?? ""
        progress.finish("\(label): \(status) in \(Progress.duration(seconds))\(final.isEmpty ? "" : "; " + final)"
                        + (record.diverged ? " (\(record.string("status_detail") ?? ""))" : ""))
    }

    /// A cell's problem and optimizer, built from its configuration through the registry.
    func plan(_ cell: Cell) throws -> CellPlan {
        let problem = try registry.problem(cell.problem)
        let optimizer = try registry.optimizerPlan(chain: cell.chain, schedule: cell.schedule, settings: cell.settings)
        if let count = problem.denseLayerCount {
            do {
                try optimizer.check(parameterCount: nil, layers: Array(repeating: DenseLayout(offset: 0, inputs: 1, outputs: 1), count: count))
            } catch let error as BuildError {
                throw BuildError("variant \(cell.variant): \(error.description)")
            }
        }
        let perEpoch = try problem.stepsPerEpoch(batchSize: cell.budget.batchSize, data: data)
        return CellPlan(problem: problem, optimizer: optimizer, batchSize: cell.budget.batchSize, totalSteps: cell.budget.totalSteps(perEpoch: perEpoch))
    }

    /// A fresh trial of `cell`: its problem and optimizer on the cell's random streams.
    func makeTrial(_ cell: Cell, _ plan: CellPlan) throws -> any Trial {
        try plan.problem.makeTrial(TrialSetup(optimizer: plan.optimizer, batchSize: plan.batchSize,
                                              streams: CellStreams(experiment: cell.experiment, seed: cell.seed), data: data))
    }

    /// What a cell runs: built from its configuration through the registry.
    struct CellPlan {
        var problem: any ProblemDefinition
        var optimizer: OptimizerPlan
        var batchSize: Int
        var totalSteps: Int
    }

    private static func finalMetrics(_ epochs: [String: [Double]]) -> String {
        ["train_loss", "test_accuracy", "loss"].compactMap { name in
            guard let v = epochs[name]?.last else { return nil }
            return "\(name) \(String(format: "%.4g", v))"
        }.joined(separator: ", ")
    }

    /// Runs one cell and returns its record. Divergence (a training loss that is not finite or leaves
    /// the problem's declared bound) ends the cell
    /// and is recorded as its status; the run goes on with the next cell.
    /// With `checkpoint` (a run, not a verification), the cell resumes from its stored checkpoint
    /// when one matches, and writes checkpoints as the spec or the command line asks.
    private func runCell(_ cell: Cell, spec: ExperimentSpec, plan: CellPlan, provenance: [String: AttributeValue],
                         progress: Progress, label: String, checkpoint: Checkpoint? = nil) throws -> CellRecord {
        let started = Date()
        let totalSteps = plan.totalSteps
        let trial = try makeTrial(cell, plan)
        let every = spec.recordEvery
        var trainer = Trainer(totalSteps: totalSteps, every: every)
        var resume: StateArchive?
        var failedWrite = false, checkpointsOff = false
        if let checkpoint {
            switch checkpoint.read(sizeLimit: trainer.checkpointSizeLimit(trial)) {
            case .success(let state)?: resume = state
            case .failure(let problem)?: checkpointsOff = !Self.setAside(checkpoint, label: label, problem: "\(problem)")
            case nil: break
            }
            trainer.checkpoints = Trainer.Checkpoints(
                everySteps: options.checkpointSteps ?? (options.checkpointMinutes == nil ? spec.checkpoint.everySteps : nil),
                everySeconds: 60 * (options.checkpointMinutes ?? (options.checkpointSteps == nil ? spec.checkpoint.minutes : .infinity)),
                write: { state in
                    guard !checkpointsOff else { return }
                    do { try checkpoint.write(state) } catch {
                        // A checkpoint that cannot be written (a full disk) costs only the resume: the cell trains on.
                        if !failedWrite { Progress.say("warning: \(error); the cell goes on without checkpoints") }
                        failedWrite = true
                    }
                },
                stopRequested: { Termination.requested })
        }
        let report: (Int, Int, Int, Double?) -> Void = { step, epoch, epochs, loss in
            if let loss { progress.advance(cell: label, epoch: epoch, epochs: epochs, loss: loss) } else { progress.skip(step) }
        }
        let training: Trainer.Training
        do {
            if let state = resume {
                do {
                    training = try trainer.train(trial, resumingFrom: state, report: report)
                } catch let error as StateError {
                    if let checkpoint { checkpointsOff = !Self.setAside(checkpoint, label: label, problem: "\(error)") }
                    let fresh = try makeTrial(cell, plan)
                    return try runCellTrained(cell, spec: spec, trial: fresh, training: try trainer.train(fresh, report: report),
                                              provenance: provenance, started: started, totalSteps: totalSteps)
                }
                progress.skip(training.resumedFrom ?? 0)
                Progress.say("\(label): resumed from its checkpoint at step \(training.resumedFrom ?? 0) of \(totalSteps)")
            } else {
                training = try trainer.train(trial, report: report)
            }
        } catch let stop as Trainer.Interrupted {
            throw RunError.interrupted(cell: label, completed: stop.completed, of: totalSteps,
                                       checkpoint: stop.checkpointed && !checkpointsOff ? checkpoint?.path : nil)
        }
        return try runCellTrained(cell, spec: spec, trial: trial, training: training, provenance: provenance, started: started,
                                  totalSteps: totalSteps)
    }

    /// Says why `checkpoint` cannot resume its cell, in one line, and sets it aside: a file is kept
    /// as `….superseded` (the cell trains from its start and checkpoints anew); anything else in
    /// its place is not Reprise's and is left alone, and the cell trains without checkpoints.
    /// Returns whether checkpoints can be written.
    private static func setAside(_ checkpoint: Checkpoint, label: String, problem: String) -> Bool {
        if let aside = checkpoint.setAside() {
            Progress.say("\(label): the checkpoint cannot resume this cell: \(problem); kept as \(aside), the cell trains from its start")
            return true
        }
        Progress.say("\(label): \(checkpoint.path) cannot be this cell's checkpoint: \(problem); it is not Reprise's and is left as it is: "
                     + "the cell trains from its start without checkpoints (move it away to have them)")
        return false
    }

    /// The record of a cell whose training is done.
    private func runCellTrained(_ cell: Cell, spec: ExperimentSpec, trial: any Trial, training: Trainer.Training,
                                provenance: [String: AttributeValue], started: Date, totalSteps: Int) throws -> CellRecord {

        let requested = Set(spec.recordedTensors)
        let tensors = trial.tensors().filter { $0.always || requested.contains($0.name) }.map { t in
            switch t.values {
            case .float32(let v): return StoredTensor(name: t.name, shape: t.shape, data: .float32(v))
            case .float64(let v): return StoredTensor(name: t.name, shape: t.shape, data: .float64(v))
            }
        }
        var attributes = provenance
        attributes["experiment"] = .string(cell.experiment)
        attributes["profile"] = .string(cell.profile)
        attributes["variant"] = .string(cell.variant)
        attributes["seed"] = .int(Int64(cell.seed))
        attributes["config_hash"] = .string(cell.hash)
        attributes["config"] = .string(cell.config.canonicalJSON)
        attributes["status"] = .string(training.status.rawValue)
        attributes["status_detail"] = .string(training.detail)
        attributes["steps_completed"] = .int(Int64(training.completed))
        attributes["steps_planned"] = .int(Int64(totalSteps))
        attributes["steps_per_epoch"] = .int(Int64(training.stepsPerEpoch))
        if let memory = training.memory {
            attributes["memory_buffers_bytes"] = .int(Int64(memory.buffers))
            attributes["memory_parameters_bytes"] = .int(Int64(memory.parameters))
            attributes["memory_state_bytes"] = .int(Int64(memory.state))
        }
        for (k, v) in trial.records { attributes[k] = .string(v) }
        // The file describes itself: the spec's words beside its configuration, each dataset's unit and meaning.
        attributes["title"] = .string(spec.title)
        attributes["paper"] = .string(spec.paper)
        attributes["substitutions"] = .string(spec.substitutions.joined(separator: "\n"))
        var datasetAttributes: [String: [String: AttributeValue]] = [:]
        for (group, columns) in training.recorder.series {
            for name in columns.keys {
                let (unit, meaning) = Self.describe(name, in: group, spec: spec)
                datasetAttributes["/\(group)/\(name)"] = ["unit": .string(unit), "meaning": .string(meaning)]
            }
        }
        datasetAttributes["/wallclock/step_seconds"] = ["unit": .string("seconds"), "meaning": .string("mean wall-clock seconds per optimisation step over the /steps window, evaluation excluded; machine-dependent, not reproducible")]
        datasetAttributes["/wallclock/epoch_seconds"] = ["unit": .string("seconds"), "meaning": .string("wall-clock seconds of each epoch, its evaluation included (0 for the evaluation before training); machine-dependent, not reproducible")]
        let finished = Date()
        let iso = ISO8601DateFormatter()
        return CellRecord(
            attributes: attributes, series: training.recorder.series, tensors: tensors,
            wallclockAttributes: ["host": .string(ProcessInfo.processInfo.hostName),
                                  "cpu": .string(CPUFeatures.modelName),
                                  "started": .string(iso.string(from: started)),
                                  "finished": .string(iso.string(from: finished)),
                                  "total_seconds": .double(finished.timeIntervalSince(started)),
                                  // A resumed cell: the step it resumed from and the steps this process ran.
                                  "resumed_from_step": .int(Int64(training.resumedFrom ?? 0)),
                                  "steps_run": .int(Int64(training.stepsRun))],
            wallclockSeries: training.recorder.wallclock, datasetAttributes: datasetAttributes)
    }

    /// A series' unit and meaning, as its component declares it (`MetricDescription`).
    static func describe(_ name: String, in group: String, spec: ExperimentSpec) -> (unit: String, meaning: String) {
        let window = group == "steps"
        switch name {
        case "step": return (spec.unit(of: name), "optimisation steps done")
        case "epoch": return (spec.unit(of: name), "epochs done (fractional); for an analytic objective an epoch is one step")
        case "train_loss":
            return (spec.unit(of: name), window ? "window mean of the minibatch training loss over the steps since the previous row"
                               : "mean of the minibatch training loss over the epoch (NaN before training)")
        default:
            let label = spec.metricDescriptions[name]?.label ?? name.replacingOccurrences(of: "_", with: " ")
            return (spec.unit(of: name), window ? "window mean of the \(label) over the steps since the previous row" : "\(label), evaluated after the epoch (epoch 0: before training)")
        }
    }
}

public enum RunError: Error, CustomStringConvertible {
    case unknownVariant([String], available: [String])
    case unknownExperiment(String, available: [String])
    case noSelection(String)
    case unwritable(String, String)
    case noCell(Int, count: Int)
    case selectionNotStored(variant: String, missing: Int, of: Int, experiment: String, profile: String)
    case interrupted(cell: String, completed: Int, of: Int, checkpoint: String?)

    public var description: String {
        switch self {
        case .unknownVariant(let names, let available):
            return "no variant named \(names.joined(separator: ", ")); this experiment has: \(available.joined(separator: ", "))"
        case .unknownExperiment(let name, let available):
            return "no experiment '\(name)' in experiments/; available: \(available.joined(separator: ", "))"
        case .noCell(let k, let count):
            return "--cell \(k) is outside this stage's \(count) cells (0 … \(count - 1))"
        case .unwritable(let folder, let why):
            return "results cannot be stored in \(folder): \(why)"
        case .selectionNotStored(let variant, let missing, let count, let experiment, let profile):
            return "\(variant): \(missing) of its \(count) selection runs are not stored, so no winner can be chosen for the final cells; "
                + "run the selection stage first: reprise run \(experiment) --profile \(profile) --stage selection (or its Slurm job array)"
        case .interrupted(let cell, let completed, let total, let checkpoint):
            return "stopped by a termination request in \(cell) after step \(completed) of \(total); "
                + (checkpoint.map { "its checkpoint is \($0): run the same command again to resume from there" }
                   ?? "no checkpoint was written: run the same command again to train it from its last checkpoint or its start")
        case .noSelection(let name):
            return "\(name): a variant has a select grid but the spec has no [selection] table"
        }
    }
}
