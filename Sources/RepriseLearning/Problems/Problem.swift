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

/// A dataset as a catalog entry: its keys (which join the table of a problem that names it) and
/// how to load it.
public protocol DatasetDefinition: Sendable {
    static var component: ComponentDescription { get }
    init(_ settings: Settings)
    func load(sizes: DataSizes, dataDirectory: String?) throws -> DataSplits
}

/// Loads datasets once per run: every cell of a run that uses the same dataset and sizes shares it.
public final class DataCache {
    public let dataDirectory: String?
    private let datasets: [String: any DatasetDefinition.Type]
    private var loaded: [String: DataSplits] = [:]

    public init(dataDirectory: String?, datasets: [any DatasetDefinition.Type]) {
        self.dataDirectory = dataDirectory
        self.datasets = Dictionary(datasets.map { ($0.component.name, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// The splits of the dataset `name`, its keys read from `table` (a problem's table).
    public func splits(_ name: String, table: [String: ConfigValue], sizes: DataSizes) throws -> DataSplits {
        guard let type = datasets[name] else {
            throw DatasetError.unknown(name, available: datasets.keys.sorted())
        }
        let settings = try type.component.settings(table)
        let key = "\(name) \(ConfigValue.table(settings.values).canonicalJSON) \(sizes)"
        if let cached = loaded[key] { return cached }
        let data = try type.init(settings).load(sizes: sizes, dataDirectory: dataDirectory)
        loaded[key] = data
        return data
    }
}
