import RepriseNumerics

/// One seeded optimisation of one test problem, driven step by step by the runner. The runner treats
/// a network on a dataset and an analytic objective alike through this protocol; it knows nothing of
/// their internals, and they know nothing of files, specs or progress.
public protocol Trial: AnyObject {
    /// Steps in one epoch: one pass over the training set (1 for an analytic objective, so that
    /// an epoch is a step there).
    var stepsPerEpoch: Int { get }
    /// Runs one optimisation step at `clock`; returns the training loss seen by the step (before
    /// its update) and the learning rate it used.
    func step(_ clock: TrainingClock) -> (loss: Double, learningRate: Double)
    /// Metrics of the current parameters, in a fixed order (held-out losses and accuracies, or the
    /// noise-free objective value).
    func evaluate() -> [(name: String, value: Double)]
    /// Tensors worth storing at the end of the run (final parameters, trajectories).
    func tensors() -> [Tensor]
}

/// A named array with its shape, in the precision it was computed in.
public struct Tensor: Sendable {
    public enum Values: Sendable { case float32([Float]), float64([Double]) }
    public var name: String
    public var shape: [Int]
    public var values: Values

    public init(name: String, shape: [Int], values: Values) {
        self.name = name
        self.shape = shape
        self.values = values
    }
}

/// A test problem as data (DeepOBS's idea): what to optimise, independent of who optimises it and
/// of which paper uses it.
public enum ProblemRecipe: Sendable, Hashable {
    /// A network on a labelled dataset: `widths` from input features to classes, cross-entropy or
    /// MSE loss.
    case classification(data: DataSource, hidden: [Int], activation: Activation,
                        initialization: Dense<Float>.Initialization, loss: LossFunction)
    /// An analytic objective started at `start`, with Gaussian noise of standard deviation
    /// `gradientNoise` added to each gradient component (stream `gradient-noise`).
    case objective(function: ObjectiveName, dimension: Int, start: [Double], gradientNoise: Double)
}

/// Where a classification problem's data comes from.
public enum DataSource: Sendable, Hashable {
    case images(ImageDataset, sizes: DataSizes)
    case synthetic(features: Int, classes: Int, sizes: DataSizes, seed: Int)

    public func load(dataDirectory: String?) throws -> DataSplits {
        switch self {
        case .images(let set, let sizes): return try set.load(dataDirectory: dataDirectory, sizes: sizes)
        case .synthetic(let f, let c, let sizes, let seed):
            return SyntheticClassification.make(features: f, classes: c, sizes: sizes, seed: seed)
        }
    }
}

/// The analytic objectives by name.
public enum ObjectiveName: String, Sendable, Hashable, CaseIterable {
    case rosenbrock, beale

    public func make(dimension: Int) -> any Objective {
        switch self {
        case .rosenbrock: return Rosenbrock(dimension: dimension)
        case .beale: return Beale()
        }
    }
}

/// The random streams of one cell: `(experiment, *, seed, name)`, shared by every variant so that
/// variants are compared on the same initial weights, data order and noise.
public struct CellStreams: Sendable {
    public let experiment: String
    public let seed: Int
    public init(experiment: String, seed: Int) {
        self.experiment = experiment
        self.seed = seed
    }
    public func stream(_ name: String) -> RandomStream {
        RandomStream(experiment: experiment, variant: StreamKey.shared, seed: seed, name: name)
    }
}

/// Builds the trial of `problem` optimised by `optimizer`.
public func makeTrial(problem: ProblemRecipe, optimizer: OptimizerRecipe, batchSize: Int,
                      streams: CellStreams, data: DataSplits?) -> any Trial {
    switch problem {
    case .classification(_, let hidden, let activation, let initialization, let loss):
        guard let data else { preconditionFailure("a classification trial needs its data") }
        let network = Network<Float>(mlp: [data.features] + hidden + [data.classes], activation: activation,
                                     loss: loss, initialization: initialization)
        return NetworkTrial(network: network, data: data, optimizer: optimizer, batchSize: batchSize, streams: streams)
    case .objective(let name, let dimension, let start, let noise):
        return ObjectiveTrial(objective: name.make(dimension: dimension), start: start, gradientNoise: noise,
                              optimizer: optimizer, streams: streams)
    }
}
