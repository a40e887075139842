import Foundation
import RepriseNumerics

/// One seeded optimisation of one test problem, driven step by step by the runner. The runner treats
/// every problem alike through this protocol; it knows nothing of their internals, and they know
/// nothing of files, specs or progress.
///
/// A trial is `Checkpointable`: its state (parameters, data-order cursor, random streams, the
/// optimizer's, and the last values of its diagnostics) saved after step k and restored into a
/// fresh trial of the same cell continues exactly as the uninterrupted trial would.
public protocol Trial: Checkpointable {
    /// Steps in one epoch: one pass over the training set (1 for an analytic objective, so that
    /// an epoch is a step there).
    var stepsPerEpoch: Int { get }
    /// The per-step scalars the trial's components publish (at least `learning_rate`); their values
    /// after each step are the ones that step published.
    var diagnostics: Diagnostics { get }
    /// Runs one optimisation step at `clock`; returns the training loss seen by the step (before
    /// its update). A non-finite loss means the run diverged.
    func step(_ clock: TrainingClock) -> Double
    /// Metrics of the current parameters, in a fixed order: the problem's declared metrics.
    func evaluate() -> [(name: String, value: Double)]
    /// Tensors worth storing at the end of the run (final parameters, trajectories).
    func tensors() -> [Tensor]
    /// How the trial drew its data and randomness (stored as attributes, for outside checks).
    var records: [String: String] { get }
    /// Where a finite training loss means the run diverged: every problem declares its own.
    var divergence: DivergenceBound { get }
}

/// The bound a training loss must stay within; a run that leaves it stops with status `diverged`,
/// as one whose loss is not finite does.
public enum DivergenceBound: Sendable, Equatable {
    /// A multiple of the first step's loss (networks: the loss starts positive, near log(classes)
    /// or the data's variance, and a run far above it is no longer training).
    case multipleOfFirstLoss(Double)
    /// `|loss|` above a fixed value (analytic objectives, whose values can be near 0 or negative).
    case absolute(Double)
    /// No finite bound: only a loss that is not finite ends the run (the starts of a multi-start
    /// analytic problem, which the paper's protocol counts however far they wander; see
    /// `MultiStartObjective.startBound`).
    case nonFinite

    /// Whether `loss` leaves the bound, given the first step's loss.
    public func exceeded(by loss: Double, firstLoss: Double) -> Bool {
        switch self {
        case .multipleOfFirstLoss(let k): return firstLoss.isFinite && abs(loss) > k * max(abs(firstLoss), .leastNormalMagnitude)
        case .absolute(let bound): return abs(loss) > bound
        case .nonFinite: return !loss.isFinite
        }
    }

    public var text: String {
        switch self {
        case .multipleOfFirstLoss(let k): return "\(Self.format(k)) × the first step's loss"
        case .absolute(let bound): return "|loss| ≤ \(Self.format(bound))"
        case .nonFinite: return "a finite loss"
        }
    }

    private static func format(_ x: Double) -> String { x == x.rounded() && x < 1e6 ? String(Int(x)) : String(format: "%g", x) }
}

extension Trial {
    public var records: [String: String] { [:] }
}

/// A named array with its shape, in the precision it was computed in.
public struct Tensor: Sendable {
    public enum Values: Sendable { case float32([Float]), float64([Double]) }
    public var name: String
    public var shape: [Int]
    public var values: Values
    /// Stored whatever `record.tensors` asks (a multi-start cell's per-start results).
    public var always: Bool

    public init(name: String, shape: [Int], values: Values, always: Bool = false) {
        self.name = name
        self.shape = shape
        self.values = values
        self.always = always
    }
}

/// The random streams of one cell: `(experiment, *, seed, name)`, shared by every variant so that
/// variants are compared on the same initial weights, data order and noise.
public struct CellStreams: Sendable {
    public let experiment: String
    public let seed: Int
    /// Prepended to every stream name (`start-3/ogr-basis`): the streams of one start of a
    /// multi-start cell. Empty for a cell's own streams.
    public let prefix: String
    public init(experiment: String, seed: Int, prefix: String = "") {
        self.experiment = experiment
        self.seed = seed
        self.prefix = prefix
    }
    public func stream(_ name: String) -> RandomStream {
        RandomStream(experiment: experiment, variant: StreamKey.shared, seed: seed, name: prefix.isEmpty ? name : "\(prefix)/\(name)")
    }
    /// The streams of a part of the cell (one start of many).
    public func prefixed(_ part: String) -> CellStreams {
        CellStreams(experiment: experiment, seed: seed, prefix: prefix.isEmpty ? part : "\(prefix)/\(part)")
    }
}
