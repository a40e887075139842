import Foundation
import RepriseLearning
import RepriseNumerics
import RepriseStore

/// The training loop of one cell, apart from where its result goes: `totalSteps` steps of a trial,
/// the training loss and every diagnostic averaged over windows of `every` steps and over epochs,
/// an evaluation before training and after every epoch, the bytes a step holds counted after the
/// first step, and divergence (a loss that is not finite or leaves the problem's bound) ending the
/// run as its status. Wall-clock seconds are kept apart from the reproducible series.
struct Trainer {
    var totalSteps: Int
    var every: Int
    /// When checkpoints are written and where they go; nil: never.
    var checkpoints: Checkpoints?

    /// A checkpoint every `everySteps` steps and/or every `everySeconds` of training, handed to
    /// `write` (the runner stores it atomically beside the cell's result). `stopRequested` is asked
    /// after every step: when true (a termination signal, a Slurm time limit), the trainer writes a
    /// checkpoint at once and throws `Interrupted`.
    struct Checkpoints {
        var everySteps: Int?
        var everySeconds: Double?
        var write: (StateArchive) throws -> Void
        var stopRequested: () -> Bool = { false }
    }

    /// Training stopped before its last step, after `completed` steps (with a checkpoint of that
    /// step when `checkpointed`).
    struct Interrupted: Error {
        var completed: Int
        var checkpointed: Bool
    }

    /// What a cell's training produced.
    struct Training {
        var recorder: SeriesRecorder
        /// Complete or diverged, with the reason when diverged.
        var status: CellStatus
        var detail: String
        var completed: Int
        var stepsPerEpoch: Int
        var memory: MemoryCount?
        /// The step a checkpoint resumed from (nil: from the start), and the steps this call ran.
        var resumedFrom: Int?
        var stepsRun: Int
    }

    /// The loop's own state between steps: where it is, the Double sums behind the window and
    /// epoch means, the first loss (the divergence bound's reference), the memory counted after the
    /// first step, and every row recorded so far. Saved into each checkpoint beside the trial's.
    struct Loop {
        var completed = 0
        var firstLoss = Double.nan
        var windowLoss = 0.0, windowCount = 0, epochLoss = 0.0, epochCount = 0, windowSeconds = 0.0
        var windowDiagnostics: [Double], epochDiagnostics: [Double]
        var memory: MemoryCount?
        var recorder: SeriesRecorder

        init(diagnostics: [String]) {
            windowDiagnostics = [Double](repeating: 0, count: diagnostics.count)
            epochDiagnostics = windowDiagnostics
            recorder = SeriesRecorder(diagnostics: diagnostics)
        }

        func save(into state: inout StateArchive) {
            state.put("completed", completed)
            state.put("sums", [firstLoss, windowLoss, epochLoss, windowSeconds])
            state.put("counts", [windowCount, epochCount])
            state.put("window_diagnostics", windowDiagnostics)
            state.put("epoch_diagnostics", epochDiagnostics)
            if let memory { state.put("memory", [memory.buffers, memory.parameters, memory.state]) }
            state.put("recorder", part: recorder.state)
        }

        mutating func restore(from state: StateArchive) throws {
            completed = try state.int("completed")
            let sums = try state.array("sums", as: Double.self, count: 4)
            // After a step the first loss is finite (else the cell diverged), and so are the window sums.
            guard sums.allSatisfy(\.isFinite), sums[3] >= 0 else { throw StateError("trainer/sums holds values no running cell stores (\(sums))") }
            (firstLoss, windowLoss, epochLoss, windowSeconds) = (sums[0], sums[1], sums[2], sums[3])
            let counts = try state.array("counts", as: Int.self, count: 2)
            (windowCount, epochCount) = (counts[0], counts[1])
            try state.copy("window_diagnostics", into: &windowDiagnostics)
            try state.copy("epoch_diagnostics", into: &epochDiagnostics)
            if state.has("memory") {
                let m = try state.array("memory", as: Int.self, count: 3)
                guard m.allSatisfy({ $0 >= 0 }) else { throw StateError("trainer/memory holds a negative count (\(m))") }
                memory = MemoryCount(buffers: m[0], parameters: m[1], state: m[2])
            }
            try recorder.restore(from: state.part("recorder"))
        }
    }

    /// Trains `trial`, from its start or from `checkpoint` (an archive this trainer wrote for the
    /// same cell). `report(step, epoch, epochs, loss)` is called after every step with its 1-based
    /// epoch and the loss; on divergence once with the steps skipped and a nil loss. `stopAfter`
    /// ends the call after that many steps (and any checkpoint due at the last), as a killed process would (tests).
    func train(_ trial: any Trial, resumingFrom checkpoint: StateArchive? = nil, stopAfter: Int? = nil,
               report: (_ step: Int, _ epoch: Int, _ epochs: Int, _ loss: Double?) -> Void) throws -> Training {
        let perEpoch = max(1, trial.stepsPerEpoch)
        let epochs = (totalSteps + perEpoch - 1) / perEpoch
        let names = trial.diagnostics.names
        var loop = Loop(diagnostics: names)
        if let checkpoint {
            try loop.restore(from: checkpoint.part("trainer"))
            guard loop.completed > 0, loop.completed < totalSteps else {
                throw StateError("the checkpoint is at step \(loop.completed) of a cell of \(totalSteps) steps")
            }
            // The rows recorded so far must be those of `completed` steps of this cell.
            let steps = loop.recorder.steps, epochRows = loop.recorder.epochs
            guard steps.values.allSatisfy({ $0.count == loop.completed / every }),
                  epochRows.values.allSatisfy({ $0.count == 1 + loop.completed / perEpoch }),
                  loop.completed < every || Set(steps.keys).isSuperset(of: ["step", "train_loss"]), epochRows.keys.contains("epoch"),
                  loop.windowCount == loop.completed % every, loop.epochCount == loop.completed % perEpoch else {
                throw StateError("the checkpoint's recorded rows do not match \(loop.completed) steps of this cell")
            }
            try trial.restore(from: checkpoint.part("trial"))
        } else {
            loop.recorder.evaluation(epoch: 0, step: 0, trainLoss: .nan, learningRate: .nan, metrics: trial.evaluate(),
                                     diagnostics: names.map { _ in Double.nan }, seconds: 0)
        }
        let resumedFrom = checkpoint == nil ? nil : loop.completed
        var status = CellStatus.complete, detail = ""
        var epochStart = Date(), lastCheckpoint = Date()
        let learningRateIndex = names.firstIndex(of: "learning_rate")
        var stepsRun = 0
        for step in loop.completed..<totalSteps {
            let clock = TrainingClock(step: step, epoch: step / perEpoch, stepsPerEpoch: perEpoch, totalSteps: totalSteps)
            let stepStart = DispatchTime.now().uptimeNanoseconds
            let loss = trial.step(clock)
            stepsRun += 1
            loop.windowSeconds += Double(DispatchTime.now().uptimeNanoseconds - stepStart) / 1e9
            if step == 0 { loop.firstLoss = loss; loop.memory = (trial as? CountedMemory)?.memoryCount }
            let outside = loss.isFinite && trial.divergence.exceeded(by: loss, firstLoss: loop.firstLoss)
            guard loss.isFinite, !outside else {
                status = .diverged
                detail = "training loss \(loss) at step \(step + 1)" + (outside ? " leaves the problem's bound (\(trial.divergence.text); first loss \(loop.firstLoss))" : "")
                report(totalSteps - step, clock.epoch + 1, epochs, nil)
                break
            }
            loop.completed = step + 1
            let completed = loop.completed
            loop.windowLoss += loss; loop.windowCount += 1
            loop.epochLoss += loss; loop.epochCount += 1
            for (i, v) in trial.diagnostics.values.enumerated() { loop.windowDiagnostics[i] += v; loop.epochDiagnostics[i] += v }
            let lr = learningRateIndex.map { trial.diagnostics.values[$0] } ?? .nan
            if completed % every == 0 || completed == totalSteps {
                let n = Double(loop.windowCount)
                loop.recorder.step(step: completed, epoch: Double(completed) / Double(perEpoch), trainLoss: loop.windowLoss / n,
                                   diagnostics: loop.windowDiagnostics.map { $0 / n }, seconds: loop.windowSeconds / n)
                loop.windowLoss = 0; loop.windowCount = 0; loop.windowSeconds = 0
                for i in loop.windowDiagnostics.indices { loop.windowDiagnostics[i] = 0 }
            }
            if completed % perEpoch == 0 || completed == totalSteps {
                let metrics = trial.evaluate()
                let now = Date()
                let n = Double(loop.epochCount)
                loop.recorder.evaluation(epoch: Double(completed) / Double(perEpoch), step: completed, trainLoss: loop.epochLoss / n,
                                         learningRate: lr, metrics: metrics, diagnostics: loop.epochDiagnostics.map { $0 / n },
                                         seconds: now.timeIntervalSince(epochStart))
                loop.epochLoss = 0; loop.epochCount = 0; epochStart = now
                for i in loop.epochDiagnostics.indices { loop.epochDiagnostics[i] = 0 }
            }
            report(step, clock.epoch + 1, epochs, loss)
            guard completed < totalSteps else { break }
            if let c = checkpoints {
                let stop = c.stopRequested()
                let due = stop || (c.everySteps.map { completed % $0 == 0 } ?? false)
                    || (c.everySeconds.map { Date().timeIntervalSince(lastCheckpoint) >= $0 } ?? false)
                if due {
                    try c.write(Self.checkpoint(loop, trial))
                    lastCheckpoint = Date()
                }
                if stop { throw Interrupted(completed: completed, checkpointed: true) }
            }
            if let stopAfter, stepsRun >= stopAfter { throw Interrupted(completed: completed, checkpointed: false) }
        }
        return Training(recorder: loop.recorder, status: status, detail: detail, completed: loop.completed, stepsPerEpoch: perEpoch,
                        memory: loop.memory, resumedFrom: resumedFrom, stepsRun: stepsRun)
    }

    /// The most bytes a checkpoint of `trial` (freshly built, before any step) can hold in a cell of
    /// this budget: its state's arrays are fixed in size except the recorded rows and trajectories,
    /// which grow by less than the whole state each step, and factor workspaces, which a 256 MiB
    /// floor covers; never more than half the machine's memory. Checked before a checkpoint is
    /// read, so a huge file is refused without allocating it.
    func checkpointSizeLimit(_ trial: any Trial) -> Int {
        let fresh = Self.checkpoint(Loop(diagnostics: trial.diagnostics.names), trial).encoded().count
        let (grown, overflow) = fresh.multipliedReportingOverflow(by: totalSteps + 2)
        let memory = Int(clamping: ProcessInfo.processInfo.physicalMemory / 2)
        return min(max(overflow ? .max : grown, 256 << 20), memory)
    }

    /// The loop's state (`trainer/`) and the trial's (`trial/`).
    static func checkpoint(_ loop: Loop, _ trial: any Trial) -> StateArchive {
        var state = StateArchive(), part = StateArchive()
        loop.save(into: &part)
        state.put("trainer", part: part)
        part = StateArchive()
        trial.save(into: &part)
        state.put("trial", part: part)
        return state
    }
}

/// Accumulates the "steps" and "epochs" series of a cell, keeping seconds apart. `/steps` holds the
/// window means of the training loss and of every diagnostic the trial's components publish;
/// `/epochs` their epoch means (the learning rate: its value at the epoch's last step).
struct SeriesRecorder {
    private(set) var steps: [String: [Double]] = [:]
    private(set) var epochs: [String: [Double]] = [:]
    private(set) var stepSeconds: [Double] = []
    private(set) var epochSeconds: [Double] = []
    let diagnostics: [String]

    init(diagnostics: [String]) { self.diagnostics = diagnostics }

    /// The groups as stored: `/steps` and `/epochs`.
    var series: [String: [String: [Double]]] { ["steps": steps, "epochs": epochs] }
    /// The wall-clock series, kept apart (`/wallclock`).
    var wallclock: [String: [Double]] { ["step_seconds": stepSeconds, "epoch_seconds": epochSeconds] }

    /// Every row so far (`steps/NAME`, `epochs/NAME`, `wallclock/NAME`).
    var state: StateArchive {
        var s = StateArchive()
        for (name, values) in steps { s.put("steps/\(name)", values) }
        for (name, values) in epochs { s.put("epochs/\(name)", values) }
        s.put("wallclock/step_seconds", stepSeconds)
        s.put("wallclock/epoch_seconds", epochSeconds)
        return s
    }

    mutating func restore(from state: StateArchive) throws {
        func group(_ name: String) throws -> [String: [Double]] {
            let part = state.part(name)
            return try Dictionary(uniqueKeysWithValues: part.entries.keys.map { ($0, try part.array($0, as: Double.self)) })
        }
        steps = try group("steps")
        epochs = try group("epochs")
        stepSeconds = try state.array("wallclock/step_seconds")
        epochSeconds = try state.array("wallclock/epoch_seconds")
    }

    mutating func step(step: Int, epoch: Double, trainLoss: Double, diagnostics values: [Double], seconds: Double) {
        let row = [("step", Double(step)), ("epoch", epoch), ("train_loss", trainLoss)] + Array(zip(diagnostics, values))
        for (k, v) in row { steps[k, default: []].append(v) }
        stepSeconds.append(seconds)
    }

    mutating func evaluation(epoch: Double, step: Int, trainLoss: Double, learningRate: Double,
                             metrics: [(name: String, value: Double)], diagnostics values: [Double], seconds: Double) {
        let taken = Set(metrics.map(\.name) + ["learning_rate"])
        let means = zip(diagnostics, values).filter { !taken.contains($0.0) }.map { ($0.0, $0.1) }
        let row = [("epoch", epoch), ("step", Double(step)), ("train_loss", trainLoss), ("learning_rate", learningRate)] + metrics + means
        for (k, v) in row { epochs[k, default: []].append(v) }
        epochSeconds.append(seconds)
    }
}
