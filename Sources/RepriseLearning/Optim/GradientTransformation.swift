import RepriseConfig
import RepriseNumerics

/// One gradient transformation (Optax's `GradientTransformation`, STYLE.md): it maps the incoming
/// update `u` (initially the minibatch gradient `g`) to a new `u` in place, keeping state of any
/// shape in its own stored properties (vectors, matrices, per-layer factors, a random stream), which
/// it saves and restores as a value (`Checkpointable`) so that a long cell can resume. It may read the parameters `θ` and query the loss oracle bound to the current minibatch. A chain of
/// transformations is followed by the learning-rate link, `θ ← θ − lr·f(clock)·u`.
public protocol GradientTransformation<S>: Checkpointable {
    associatedtype S: Scalar
    func update(_ u: UnsafeMutableBufferPointer<S>, parameters θ: UnsafeBufferPointer<S>, context: StepContext<S>)
    /// The bytes of the state the link keeps between steps (its vectors, matrices, factors and
    /// scratch buffers, counted by their entries): the optimizer's part of a cell's
    /// `memory_bytes` (ISAAC's Table 2 memory column, counted rather than sampled from the OS).
    var stateBytes: Int { get }
}

/// The bytes of an array's entries (not its capacity, which the allocator rounds, differently on
/// different platforms).
@inline(__always) func bytes<T>(_ a: [T]) -> Int { a.count * MemoryLayout<T>.stride }

/// What a transformation sees at one step besides `u` and `θ`.
public struct StepContext<S: Scalar> {
    /// The 1-based count of updates, `t` in Adam's bias corrections.
    public let t: Int
    public let clock: TrainingClock
    /// The learning rate of the chain's last link at this step, `lr·f(clock)`.
    public let learningRate: Double
    /// The loss on the current minibatch and the questions a transformation may ask about it.
    public let oracle: any LossOracle<S>
    /// The gradient `g` as it entered the chain; empty unless some link declares `.gradient`.
    public let gradient: UnsafeBufferPointer<S>
}

/// The flat parameter vector shared by a trial, its oracle and its optimizer. A class, so that the
/// oracle can read `θ` while the optimizer holds the update buffer, without copying either.
public final class Parameters<S: Scalar> {
    public var values: [S]
    public init(_ values: [S]) { self.values = values }
    public var count: Int { values.count }
}

/// Where each dense layer's weights `W ∈ R^{n×m}` (row-major) and bias `b ∈ R^m` sit in `θ`, for
/// transformations that work per layer (ISAAC, K-FAC). Empty for analytic objectives.
public struct DenseLayout: Sendable, Hashable {
    public var offset: Int
    public var inputs: Int
    public var outputs: Int
    public init(offset: Int, inputs: Int, outputs: Int) {
        self.offset = offset
        self.inputs = inputs
        self.outputs = outputs
    }
    public var weightCount: Int { inputs * outputs }
    public var biasOffset: Int { offset + weightCount }
}

/// Named per-step scalars published by the components of one trial (learning rate, curvature, step
/// size, …). The runner stores their window means under `/steps`. Names are fixed when the trial is
/// built; publishing writes one slot, so a step allocates nothing.
public final class Diagnostics {
    public private(set) var names: [String] = []
    public var values: [Double] = []

    public init() {}

    /// The slot of `name`, added on first request.
    public func slot(_ name: String) -> DiagnosticSlot {
        if let i = names.firstIndex(of: name) { return DiagnosticSlot(board: self, index: i) }
        names.append(name)
        values.append(.nan)
        return DiagnosticSlot(board: self, index: names.count - 1)
    }
}

/// A handle to one diagnostic: `slot.publish(x)` each step.
public struct DiagnosticSlot {
    let board: Diagnostics
    let index: Int
    @inline(__always) public func publish(_ value: Double) { board.values[index] = value }
}

/// What a transformation is built with.
public struct TransformSetup {
    public let parameterCount: Int
    public let layers: [DenseLayout]
    public let diagnostics: Diagnostics
    /// The cell's random streams; a transformation draws from its own (`streams.stream(name)`).
    public let streams: CellStreams

    public init(parameterCount: Int, layers: [DenseLayout], diagnostics: Diagnostics, streams: CellStreams) {
        self.parameterCount = parameterCount
        self.layers = layers
        self.diagnostics = diagnostics
        self.streams = streams
    }
}

/// A transformation as a catalog entry: its description (keys, revision, needs, diagnostics) and how
/// to build its stateful links on parameters of either precision. Adding an algorithm is one file
/// with one of these, plus its registration in `Registry.standard`.
public protocol TransformationDefinition: Sendable {
    static var component: ComponentDescription { get }
    /// Reads the validated settings (`Settings` holds every key the description declares).
    init(_ settings: Settings)
    /// The links this transformation contributes to a chain, in order.
    func make<S: Scalar>(_ setup: TransformSetup, as: S.Type) -> [any GradientTransformation<S>]
    /// Why the transformation cannot run on `parameterCount` parameters (a D×D state on a network),
    /// or nil; checked before a cell starts.
    func unsupported(parameterCount: Int) -> String?
    /// Why the transformation cannot run on a network with these dense layers (a layer index past
    /// the last), or nil; checked before a cell starts.
    func unsupported(layers: [DenseLayout]) -> String?
    /// Whether the link must be the first of its chain (it rewrites the gradient from the oracle's
    /// per-layer statistics rather than transforming the incoming `u`).
    var mustComeFirst: Bool { get }
    /// A replacement for the dense layers' weight gradients, computed inside the gradient pass
    /// (ISAAC's ζ*), or nil. At most one link of a chain has one.
    func weightGradientRule<S: Scalar>(_ setup: TransformSetup, as: S.Type) -> (any WeightGradientRule<S>)?
}

extension TransformationDefinition {
    public func unsupported(parameterCount: Int) -> String? { nil }
    public func unsupported(layers: [DenseLayout]) -> String? { nil }
    public var mustComeFirst: Bool { false }
    public func weightGradientRule<S: Scalar>(_ setup: TransformSetup, as: S.Type) -> (any WeightGradientRule<S>)? { nil }
}

/// A transformation chain bound to parameters of type `S`, ending with the learning-rate link:
/// `u ← T_k(…T_1(g))`, then `θ ← θ − lr·f(clock)·u` (one fused `axpy`, as PyTorch's `add_(u, alpha=−lr)`).
public struct Optimizer<S: Scalar> {
    public let plan: OptimizerPlan
    private let links: [any GradientTransformation<S>]
    /// The chain's replacement for the dense layers' weight gradients, which the trial's gradient
    /// pass uses (ISAAC's ζ*), or nil.
    public let weightGradientRule: (any WeightGradientRule<S>)?
    private let learningRateSlot: DiagnosticSlot
    private var rawGradient: [S]
    private var t = 0

    public init(_ plan: OptimizerPlan, setup: TransformSetup) throws {
        try plan.check(parameterCount: setup.parameterCount, layers: setup.layers)
        self.plan = plan
        links = plan.chain.flatMap { $0.make(setup, as: S.self) }
        let rules = plan.chain.compactMap { $0.weightGradientRule(setup, as: S.self) }
        if rules.count > 1 { throw BuildError("only one link of a chain may replace the weight gradients") }
        weightGradientRule = rules.first
        learningRateSlot = setup.diagnostics.slot("learning_rate")
        rawGradient = plan.needs.contains(.gradient) ? [S](repeating: 0, count: setup.parameterCount) : []
    }

    /// A plan on its own, with no oracle questions (tests and benchmarks on fixed gradients).
    public init(_ plan: OptimizerPlan, parameterCount: Int) throws {
        try self.init(plan, setup: TransformSetup(parameterCount: parameterCount, layers: [], diagnostics: Diagnostics(),
                                              streams: CellStreams(experiment: "", seed: 0)))
    }

    /// The bytes the optimizer keeps between steps: every link's state, the ζ* rule's, and the copy
    /// of the gradient kept for links that read it.
    public var stateBytes: Int {
        links.reduce(0) { $0 + $1.stateBytes } + (weightGradientRule?.stateBytes ?? 0) + bytes(rawGradient)
    }

    /// The chain's state: the update count `t`, every link's state (`link-K`) and the ζ* rule's.
    /// The copy of the raw gradient is rewritten every step and is not state.
    public func save(into state: inout StateArchive) {
        state.put("t", t)
        for (k, link) in links.enumerated() {
            var part = StateArchive()
            link.save(into: &part)
            state.put("link-\(k)", part: part)
        }
        if let rule = weightGradientRule {
            var part = StateArchive()
            rule.save(into: &part)
            state.put("rule", part: part)
        }
    }

    /// `save` as a value, to nest in a trial's state.
    public var state: StateArchive {
        var s = StateArchive()
        save(into: &s)
        return s
    }

    public mutating func restore(from state: StateArchive) throws {
        t = try state.int("t", in: 0...TrainingClock.stepLimit)
        for (k, link) in links.enumerated() { try link.restore(from: state.part("link-\(k)")) }
        try weightGradientRule?.restore(from: state.part("rule"))
    }

    /// The learning rate at `clock`, `lr·f(clock)`.
    public func learningRate(_ clock: TrainingClock) -> Double { plan.learningRate * plan.schedule.multiplier(clock) }

    /// One update. `gradient` is consumed: it holds the final direction `u` afterwards.
    public mutating func update(_ θ: Parameters<S>, gradient: inout [S], clock: TrainingClock, oracle: any LossOracle<S>) {
        t += 1
        let lr = learningRate(clock)
        learningRateSlot.publish(lr)
        if !rawGradient.isEmpty { rawGradient.withUnsafeMutableBufferPointer { r in gradient.withUnsafeBufferPointer { r.baseAddress!.update(from: $0.baseAddress!, count: $0.count) } } }
        let step = t
        gradient.withUnsafeMutableBufferPointer { u in
            rawGradient.withUnsafeBufferPointer { g in
                θ.values.withUnsafeBufferPointer { p in
                    let context = StepContext(t: step, clock: clock, learningRate: lr, oracle: oracle, gradient: g)
                    for link in links { link.update(u, parameters: p, context: context) }
                }
            }
            θ.values.withUnsafeMutableBufferPointer { p in
                S.axpy(n: p.count, alpha: S(-lr), x: u.baseAddress!, y: p.baseAddress!)
            }
        }
    }
}

/// An optimizer as data: the chain's definitions, the base learning rate and the schedule.
public struct OptimizerPlan: Sendable {
    public var chain: [any TransformationDefinition]
    public var learningRate: Double
    public var schedule: any ScheduleDefinition
    /// The union of what the chain's links ask of the oracle.
    public var needs: OracleCapabilities {
        chain.reduce(into: OracleCapabilities()) { $0.formUnion(type(of: $1).component.needs) }
    }

    /// Refuses a chain its problem cannot run: a link's reason (a D×D state on too many parameters,
    /// a layer past the last), or a link that must come first and does not. `parameterCount` nil:
    /// not known yet (the runner checks before building anything).
    public func check(parameterCount: Int?, layers: [DenseLayout]) throws {
        for (position, link) in chain.enumerated() {
            let name = type(of: link).component.name
            if let reason = parameterCount.flatMap(link.unsupported(parameterCount:)) ?? link.unsupported(layers: layers) {
                throw BuildError("\(name): \(reason)")
            }
            if link.mustComeFirst && position > 0 {
                throw BuildError("\(name) rewrites the gradient itself and must be the chain's first link (chain = [\"\(name)\", …])")
            }
        }
    }

    public init(chain: [any TransformationDefinition], learningRate: Double, schedule: any ScheduleDefinition = ConstantSchedule()) {
        self.chain = chain
        self.learningRate = learningRate
        self.schedule = schedule
    }
}
