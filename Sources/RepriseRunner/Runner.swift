import Foundation
import RepriseConfig
import RepriseExperiments
import RepriseLearning
import RepriseNumerics
import RepriseStore


/// Runs the cells of an experiment: skips those already stored with the same hash, runs the
/// others deterministically and stores each atomically. It knows cells, trials and the store;
/// it knows nothing of any optimiser's internals.
public final class Runner {
    let options: RunOptions
    let registry: Registry
    var prepared = false

    /// `prepareResultsFolder`, once per runner, before the first write.
    func prepareResultsFolderOnce() throws {
        if prepared { return }
        try prepareResultsFolder()
        prepared = true
    }
    let data: DataCache
    /// Whether stored cells were made by this build's code; the doubts of cells reused anyway.
    private lazy var trust = SourceTrust(root: options.sourceDirectory)
    var reusedDoubts: [SourceTrust.Doubt] = []
    /// Mean seconds per step of the stored cells this run found: the ETA's start.
    var storedStepSeconds: [Double] = []

    var runStarted: Date { options.startedAt }

    func modified(_ cell: Cell) -> Date? {
        (try? FileManager.default.attributesOfItem(atPath: path(of: cell)))?[.modificationDate] as? Date
    }

    public init(options: RunOptions, registry: Registry = .standard) {
        self.options = options
        self.registry = registry
        data = DataCache(dataDirectory: options.dataDirectory, datasets: registry.datasets)
    }

    /// Whether `--only` chooses the variant (an exact name, or a base name for its grid points).
    func chosen(_ variant: String) -> Bool {
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
    func storedRecord(_ cell: Cell) -> Result<CellRecord, Verification.Failure> {
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
