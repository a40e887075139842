import Foundation
import RepriseConfig
import RepriseExperiments
import RepriseLearning
import RepriseNumerics
import RepriseStore


/// Running cells: locks, resume, training, and the record each stores.
extension Runner {
    /// Runs the cells not stored yet (all with --force) and stores each as it finishes.
    func runCells(_ cells: [Cell], spec: ExperimentSpec, stage: String, provenance: [String: AttributeValue],
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
    func runLocked(_ cell: Cell, plan: CellPlan, index k: Int, of count: Int, stage: String, lock: CellLock,
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

    static func finalMetrics(_ epochs: [String: [Double]]) -> String {
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
    func runCell(_ cell: Cell, spec: ExperimentSpec, plan: CellPlan, provenance: [String: AttributeValue],
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
    static func setAside(_ checkpoint: Checkpoint, label: String, problem: String) -> Bool {
        if let aside = checkpoint.setAside() {
            Progress.say("\(label): the checkpoint cannot resume this cell: \(problem); kept as \(aside), the cell trains from its start")
            return true
        }
        Progress.say("\(label): \(checkpoint.path) cannot be this cell's checkpoint: \(problem); it is not Reprise's and is left as it is: "
                     + "the cell trains from its start without checkpoints (move it away to have them)")
        return false
    }

    /// The record of a cell whose training is done.
    func runCellTrained(_ cell: Cell, spec: ExperimentSpec, trial: any Trial, training: Trainer.Training,
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
}
