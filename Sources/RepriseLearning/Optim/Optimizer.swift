import RepriseNumerics

/// A named optimiser as data: a chain of gradient transformations, a base learning rate and a
/// schedule. The recipe is plain and hashable, so it can be printed, stored and compared.
public struct OptimizerRecipe: Sendable, Hashable {
    public var transforms: [Transform]
    public var learningRate: Double
    public var schedule: Schedule

    public init(transforms: [Transform], learningRate: Double, schedule: Schedule = .constant) {
        self.transforms = transforms
        self.learningRate = learningRate
        self.schedule = schedule
    }

    /// SGD (PyTorch `torch.optim.SGD`): decay → momentum trace → `−lr`.
    public static func sgd(learningRate: Double, momentum: Double = 0, nesterov: Bool = false,
                           weightDecay: Double = 0, schedule: Schedule = .constant) -> Self {
        var t: [Transform] = [.addDecayedWeights(weightDecay)]
        if momentum != 0 { t.append(.trace(momentum: momentum, nesterov: nesterov)) }
        return Self(transforms: t, learningRate: learningRate, schedule: schedule)
    }

    /// Adam (PyTorch `torch.optim.Adam`, L2 decay added to the gradient, not AdamW).
    public static func adam(learningRate: Double = 1e-3, beta1: Double = 0.9, beta2: Double = 0.999,
                            epsilon: Double = 1e-8, amsgrad: Bool = false, weightDecay: Double = 0,
                            schedule: Schedule = .constant) -> Self {
        Self(transforms: [.addDecayedWeights(weightDecay),
                          .scaleByAdam(beta1: beta1, beta2: beta2, epsilon: epsilon, amsgrad: amsgrad)],
             learningRate: learningRate, schedule: schedule)
    }

    /// RMSProp (PyTorch `torch.optim.RMSprop`): decay → RMS scaling → momentum trace if `μ > 0`.
    public static func rmsprop(learningRate: Double = 1e-2, alpha: Double = 0.99, epsilon: Double = 1e-8,
                               centered: Bool = false, momentum: Double = 0, weightDecay: Double = 0,
                               schedule: Schedule = .constant) -> Self {
        var t: [Transform] = [.addDecayedWeights(weightDecay), .scaleByRMS(alpha: alpha, epsilon: epsilon, centered: centered)]
        if momentum != 0 { t.append(.trace(momentum: momentum, nesterov: false)) }
        return Self(transforms: t, learningRate: learningRate, schedule: schedule)
    }

    /// Adagrad (PyTorch `torch.optim.Adagrad`, no learning-rate decay).
    public static func adagrad(learningRate: Double = 1e-2, initialAccumulator: Double = 0, epsilon: Double = 1e-10,
                               weightDecay: Double = 0, schedule: Schedule = .constant) -> Self {
        Self(transforms: [.addDecayedWeights(weightDecay),
                          .scaleByRootSumOfSquares(initialAccumulator: initialAccumulator, epsilon: epsilon)],
             learningRate: learningRate, schedule: schedule)
    }
}

/// A recipe instantiated on parameters of type `S`: `θ ← θ − lr·f(clock)·T_k(…T_1(g))`.
public struct Optimizer<S: Scalar> {
    public let recipe: OptimizerRecipe
    private var states: [TransformState<S>]
    private var t = 0

    public init(_ recipe: OptimizerRecipe, parameterCount: Int) {
        self.recipe = recipe
        states = recipe.transforms.map { TransformState($0, count: parameterCount) }
    }

    /// The learning rate at `clock`.
    public func learningRate(_ clock: TrainingClock) -> Double {
        recipe.learningRate * recipe.schedule.multiplier(clock)
    }

    /// One update. `gradient` is consumed: it holds the final update direction afterwards.
    public mutating func update(_ θ: inout [S], gradient: inout [S], clock: TrainingClock) {
        t += 1
        let lr = S(learningRate(clock))
        let step = t
        θ.withUnsafeMutableBufferPointer { p in
            gradient.withUnsafeMutableBufferPointer { u in
                let view = UnsafeBufferPointer(p)
                for k in states.indices { states[k].apply(u, view, t: step) }
                S.axpy(n: p.count, alpha: -lr, x: u.baseAddress!, y: p.baseAddress!)
            }
        }
    }
}
