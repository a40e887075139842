import Foundation
import RepriseConfig
import RepriseNumerics

/// A test problem as a catalog entry (DeepOBS's idea): data, model and loss behind one object that
/// builds a `Trial` for an optimizer. Its description declares its keys, the metrics it evaluates
/// per epoch, the tensors it can store and what its loss oracle answers. Adding a problem is one
/// file with one of these, plus its registration in `Registry.standard`.
public protocol ProblemDefinition: Sendable {
    static var component: ComponentDescription { get }
    /// Reads validated settings (the problem's keys, and its dataset's when it names one).
    init(_ settings: Settings)
    /// Steps in one epoch at `batchSize` (1 for problems without minibatches).
    func stepsPerEpoch(batchSize: Int, data: DataCache) throws -> Int
    func makeTrial(_ setup: TrialSetup) throws -> any Trial
    /// How many dense layers the problem's model has (nil: not a network), so that a transformation's
    /// per-layer settings are checked before any cell trains.
    var denseLayerCount: Int? { get }
}

extension ProblemDefinition {
    public var denseLayerCount: Int? { nil }
}

/// A problem whose network is a layer list (`architecture = [...]`): it checks and builds the list
/// with the layer types of the registry that builds it, its own included.
public protocol LayeredProblem: ProblemDefinition {
    /// The description, whose checks know the layer types of `layers`.
    static func component(layers: LayerCatalog) -> ComponentDescription
    /// Reads validated settings; builds its layers from `layers`.
    init(_ settings: Settings, layers: LayerCatalog)
}

/// What a problem builds a trial with.
public struct TrialSetup {
    public var optimizer: OptimizerPlan
    /// `budget.batch_size` (1 for problems without minibatches).
    public var batchSize: Int
    public var streams: CellStreams
    public var data: DataCache

    public init(optimizer: OptimizerPlan, batchSize: Int, streams: CellStreams, data: DataCache) {
        self.optimizer = optimizer
        self.batchSize = batchSize
        self.streams = streams
        self.data = data
    }
}
