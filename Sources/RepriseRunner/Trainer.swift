import Foundation
import RepriseLearning

/// The training loop of one cell, apart from where its result goes: `totalSteps` steps of a trial,
/// the training loss and every diagnostic averaged over windows of `every` steps and over epochs,
/// an evaluation before training and after every epoch, the bytes a step holds counted after the
/// first step, and divergence (a loss that is not finite or leaves the problem's bound) ending the
/// run as its status. Wall-clock seconds are kept apart from the reproducible series.
struct Trainer {
    var totalSteps: Int
    var every: Int

    /// What a cell's training produced.
    struct Training {
        var recorder: SeriesRecorder
        /// "complete" or "diverged", with the reason when diverged.
        var status: String
        var detail: String
        var completed: Int
        var stepsPerEpoch: Int
        var memory: MemoryCount?
    }

    /// Trains `trial`. `report(step, epoch, epochs, loss)` is called after every step with its
    /// 1-based epoch and the loss; on divergence once with the steps skipped and a nil loss.
    func train(_ trial: any Trial, report: (_ step: Int, _ epoch: Int, _ epochs: Int, _ loss: Double?) -> Void) -> Training {
        let perEpoch = max(1, trial.stepsPerEpoch)
        let epochs = (totalSteps + perEpoch - 1) / perEpoch
        var recorder = SeriesRecorder(diagnostics: trial.diagnostics.names)
        recorder.evaluation(epoch: 0, step: 0, trainLoss: .nan, learningRate: .nan, metrics: trial.evaluate(),
                            diagnostics: trial.diagnostics.names.map { _ in Double.nan }, seconds: 0)
        var status = "complete", detail = ""
        var windowLoss = 0.0, windowCount = 0, epochLoss = 0.0, epochCount = 0
        var windowSeconds = 0.0, epochStart = Date()
        var windowDiagnostics = [Double](repeating: 0, count: trial.diagnostics.names.count)
        var epochDiagnostics = windowDiagnostics
        let learningRateIndex = trial.diagnostics.names.firstIndex(of: "learning_rate")
        var completed = 0, firstLoss = Double.nan
        var memory: MemoryCount?
        for step in 0..<totalSteps {
            let clock = TrainingClock(step: step, epoch: step / perEpoch, stepsPerEpoch: perEpoch, totalSteps: totalSteps)
            let stepStart = DispatchTime.now().uptimeNanoseconds
            let loss = trial.step(clock)
            windowSeconds += Double(DispatchTime.now().uptimeNanoseconds - stepStart) / 1e9
            if step == 0 { firstLoss = loss; memory = (trial as? CountedMemory)?.memoryCount }
            let outside = loss.isFinite && trial.divergence.exceeded(by: loss, firstLoss: firstLoss)
            guard loss.isFinite, !outside else {
                status = "diverged"
                detail = "training loss \(loss) at step \(step + 1)" + (outside ? " leaves the problem's bound (\(trial.divergence.text); first loss \(firstLoss))" : "")
                report(totalSteps - step, clock.epoch + 1, epochs, nil)
                break
            }
            completed = step + 1
            windowLoss += loss; windowCount += 1
            epochLoss += loss; epochCount += 1
            for (i, v) in trial.diagnostics.values.enumerated() { windowDiagnostics[i] += v; epochDiagnostics[i] += v }
            let lr = learningRateIndex.map { trial.diagnostics.values[$0] } ?? .nan
            let epochEnds = completed % perEpoch == 0 || completed == totalSteps
            if completed % every == 0 || completed == totalSteps {
                recorder.step(step: completed, epoch: Double(completed) / Double(perEpoch), trainLoss: windowLoss / Double(windowCount),
                              diagnostics: windowDiagnostics.map { $0 / Double(windowCount) }, seconds: windowSeconds / Double(windowCount))
                windowLoss = 0; windowCount = 0; windowSeconds = 0
                for i in windowDiagnostics.indices { windowDiagnostics[i] = 0 }
            }
            if epochEnds {
                let metrics = trial.evaluate()
                let now = Date()
                recorder.evaluation(epoch: Double(completed) / Double(perEpoch), step: completed, trainLoss: epochLoss / Double(epochCount),
                                    learningRate: lr, metrics: metrics, diagnostics: epochDiagnostics.map { $0 / Double(epochCount) },
                                    seconds: now.timeIntervalSince(epochStart))
                epochLoss = 0; epochCount = 0; epochStart = now
                for i in epochDiagnostics.indices { epochDiagnostics[i] = 0 }
            }
            report(step, clock.epoch + 1, epochs, loss)
        }
        return Training(recorder: recorder, status: status, detail: detail, completed: completed, stepsPerEpoch: perEpoch, memory: memory)
    }
}

/// Accumulates the "steps" and "epochs" series of a cell, keeping seconds apart. `/steps` holds the
/// window means of the training loss and of every diagnostic the trial's components publish;
/// `/epochs` their epoch means (the learning rate: its value at the epoch's last step).
struct SeriesRecorder {
    private(set) var series: [String: [String: [Double]]] = ["steps": [:], "epochs": [:]]
    private(set) var wallclock: [String: [Double]] = ["step_seconds": [], "epoch_seconds": []]
    let diagnostics: [String]

    init(diagnostics: [String]) { self.diagnostics = diagnostics }

    mutating func step(step: Int, epoch: Double, trainLoss: Double, diagnostics values: [Double], seconds: Double) {
        let row = [("step", Double(step)), ("epoch", epoch), ("train_loss", trainLoss)] + Array(zip(diagnostics, values))
        for (k, v) in row { series["steps"]![k, default: []].append(v) }
        wallclock["step_seconds"]!.append(seconds)
    }

    mutating func evaluation(epoch: Double, step: Int, trainLoss: Double, learningRate: Double,
                             metrics: [(name: String, value: Double)], diagnostics values: [Double], seconds: Double) {
        let taken = Set(metrics.map(\.name) + ["learning_rate"])
        let means = zip(diagnostics, values).filter { !taken.contains($0.0) }.map { ($0.0, $0.1) }
        let row = [("epoch", epoch), ("step", Double(step)), ("train_loss", trainLoss), ("learning_rate", learningRate)] + metrics + means
        for (k, v) in row { series["epochs"]![k, default: []].append(v) }
        wallclock["epoch_seconds"]!.append(seconds)
    }
}
