import RepriseNumerics

/// Optimisation of an analytic objective in `Double`, with optional Gaussian gradient noise
/// (`g ← ∇f(θ) + σ·ξ`, `ξ ~ N(0, I)` from the `gradient-noise` stream). The whole trajectory is kept.
final class ObjectiveTrial: Trial {
    private let objective: any Objective
    private let noise: Double
    private var noiseRNG: RandomStream
    private var optimizer: Optimizer<Double>
    private var θ: [Double]
    private var gradient: [Double]
    private var trajectory: [Double]

    init(objective: any Objective, start: [Double], gradientNoise: Double, optimizer: OptimizerRecipe, streams: CellStreams) {
        precondition(start.count == objective.dimension, "start point has the wrong dimension")
        self.objective = objective
        noise = gradientNoise
        noiseRNG = streams.stream("gradient-noise")
        self.optimizer = Optimizer(optimizer, parameterCount: objective.dimension)
        θ = start
        gradient = [Double](repeating: 0, count: objective.dimension)
        trajectory = start
    }

    var stepsPerEpoch: Int { 1 }

    func step(_ clock: TrainingClock) -> (loss: Double, learningRate: Double) {
        let loss = objective.value(θ)
        objective.gradient(θ, into: &gradient)
        if noise > 0 { for i in gradient.indices { gradient[i] += noise * noiseRNG.normal() } }
        let lr = optimizer.learningRate(clock)
        optimizer.update(&θ, gradient: &gradient, clock: clock)
        trajectory += θ
        return (loss, lr)
    }

    func evaluate() -> [(name: String, value: Double)] {
        var metrics = [("loss", objective.value(θ))]
        if let x = objective.minimizer {
            metrics.append(("distance_to_minimum", zip(θ, x).map { ($0 - $1) * ($0 - $1) }.reduce(0, +).squareRoot()))
        }
        return metrics
    }

    func tensors() -> [Tensor] {
        [Tensor(name: "trajectory", shape: [trajectory.count / θ.count, θ.count], values: .float64(trajectory)),
         Tensor(name: "final_parameters", shape: [θ.count], values: .float64(θ))]
    }
}
