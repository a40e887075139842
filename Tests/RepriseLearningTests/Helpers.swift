import RepriseConfig
@testable import RepriseLearning

/// A trial built the way the runner builds one: through the registry, from configuration tables.
func makeTrial(problem: [String: ConfigValue], variant: [String: ConfigValue], batchSize: Int = 1,
               registry: Registry = .standard, seed: Int = 0) throws -> any Trial {
    try registry.problem(problem).makeTrial(TrialSetup(
        optimizer: try registry.optimizerPlan(variant), batchSize: batchSize,
        streams: CellStreams(experiment: "test", seed: seed),
        data: DataCache(dataDirectory: nil, datasets: registry.datasets)))
}

/// Steps a trial `n` times with a clock of `total` steps.
func train(_ trial: any Trial, steps n: Int, total: Int? = nil) {
    let perEpoch = trial.stepsPerEpoch
    for step in 0..<n {
        _ = trial.step(TrainingClock(step: step, epoch: step / perEpoch, stepsPerEpoch: perEpoch, totalSteps: total ?? n))
    }
}
