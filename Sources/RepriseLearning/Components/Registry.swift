import RepriseConfig

/// Every component Reprise can build, by kind and name: the one place a new algorithm, schedule,
/// problem or dataset is listed. Its `catalog` (descriptions only) is what spec validation and
/// `reprise describe` read; the runner builds components from it by name, with no switch anywhere.
public struct Registry: Sendable {
    public private(set) var transformations: [any TransformationDefinition.Type] = []
    public private(set) var schedules: [any ScheduleDefinition.Type] = []
    public private(set) var problems: [any ProblemDefinition.Type] = []
    public private(set) var datasets: [any DatasetDefinition.Type] = []
    /// The layer types a network's layer list may name (`architecture = [...]`).
    public private(set) var layers = LayerCatalog.standard

    public init() {}

    /// The components that ship with Reprise.
    public static let standard: Registry = {
        var r = Registry()
        for t: any TransformationDefinition.Type in [SGD.self, Adam.self, RMSProp.self, Adagrad.self, CurvatureRescaling.self,
                                                         OnlineGradientRegression.self, EMAMomentum.self, ISAAC.self, KFAC.self] { r.register(t) }
        for s: any ScheduleDefinition.Type in [ConstantSchedule.self, StepSchedule.self, ExponentialSchedule.self, CosineSchedule.self,
                                               HyperbolicTangentSchedule.self, TASOSchedule.self] { r.register(s) }
        for p: any ProblemDefinition.Type in [Classification.self, ConvolutionalClassification.self, Autoencoder.self, AnalyticObjective.self,
                                              MultiStartObjective.self] { r.register(p) }
        for d: any DatasetDefinition.Type in [FashionMNIST.self, MNIST.self, Synthetic.self] { r.register(d) }
        return r
    }()

    public mutating func register(_ t: any TransformationDefinition.Type) { transformations.append(t) }
    public mutating func register(_ s: any ScheduleDefinition.Type) { schedules.append(s) }
    public mutating func register(_ p: any ProblemDefinition.Type) { problems.append(p) }
    public mutating func register(_ d: any DatasetDefinition.Type) { datasets.append(d) }
    public mutating func register(_ l: any LayerDefinition.Type) { layers.register(l) }

    public var catalog: Catalog {
        Catalog(transformations.map { $0.component } + schedules.map { $0.component }
                + problems.map { (($0 as? any LayeredProblem.Type)?.component(layers: layers)) ?? $0.component } + datasets.map { $0.component })
    }

    func transformation(_ name: String) -> (any TransformationDefinition.Type)? {
        transformations.first { $0.component.name == name }
    }
    func schedule(_ name: String) -> (any ScheduleDefinition.Type)? { schedules.first { $0.component.name == name } }
    func problem(_ name: String) -> (any ProblemDefinition.Type)? { problems.first { $0.component.name == name } }

    /// The optimizer a variant table describes (`optimizer = NAME` or `chain = [NAMES]`, the schedule,
    /// the settings): tests and benchmarks that write tables by hand. The runner passes a cell's typed
    /// chain, schedule and settings to `optimizerPlan(chain:schedule:settings:)`.
    public func optimizerPlan(_ variant: [String: ConfigValue]) throws -> OptimizerPlan {
        try optimizerPlan(chain: variant["chain"]?.array?.compactMap(\.string) ?? variant["optimizer"]?.string.map { [$0] } ?? [],
                          schedule: variant["schedule"]?.string ?? "constant", settings: variant)
    }

    /// The optimizer of `chain` with `schedule`, each link reading its declared keys from
    /// `settings`, and the base rate `lr` (1 when a link sets its own step; an error when no link
    /// declares a rate or sets the step).
    public func optimizerPlan(chain names: [String], schedule scheduleName: String, settings variant: [String: ConfigValue]) throws -> OptimizerPlan {
        guard !names.isEmpty else { throw BuildError("the variant names no optimizer (optimizer = NAME or chain = [NAMES])") }
        var learningRate: Double?
        let chain = try names.map { name -> any TransformationDefinition in
            guard let t = transformation(name) else { throw BuildError("no transformation '\(name)'; known: \(transformations.map { $0.component.name }.joined(separator: ", "))") }
            let settings = try t.component.settings(Self.own(variant, of: name))
            // The rate is the declaring link's setting: the spec's value, else that link's default.
            if settings.has("lr") { learningRate = settings.number("lr") }
            return t.init(settings)
        }
        guard let s = schedule(scheduleName) else { throw BuildError("no schedule '\(scheduleName)'") }
        let links = chain.map { type(of: $0).component }
        if let problem = learningRateProblem(links) { throw BuildError(problem) }
        // A chain whose step is set by a link, and no link declares a rate, scales by 1.
        let rate = learningRate ?? 1
        guard rate.isFinite, rate > 0 else { throw BuildError("lr must be > 0 (found \(rate))") }
        return OptimizerPlan(chain: chain, learningRate: rate,
                             schedule: s.init(try s.component.settings(Self.own(variant, of: scheduleName))))
    }

    /// The settings `component` reads: the variant's, with its own table (`sgd = { lr = 0.1 }`: the
    /// keys two components of the chain both declare) laid over them.
    static func own(_ variant: [String: ConfigValue], of component: String) -> [String: ConfigValue] {
        guard let own = variant[component]?.table else { return variant }
        return variant.merging(own) { _, mine in mine }
    }

    /// The problem a cell's problem table describes (`kind`), with its dataset's keys checked too.
    public func problem(_ table: [String: ConfigValue]) throws -> any ProblemDefinition {
        let kind = table["kind"]?.string ?? ""
        guard let p = problem(kind) else { throw BuildError("no problem kind '\(kind)'; known: \(problems.map { $0.component.name }.joined(separator: ", "))") }
        let layered = p as? any LayeredProblem.Type
        var settings = try (layered?.component(layers: layers) ?? p.component).settings(table).values
        if let name = table["dataset"]?.string, let d = datasets.first(where: { $0.component.name == name }) {
            settings.merge(try d.component.settings(table).values) { own, _ in own }
        }
        let validated = Settings(settings, component: kind)
        return layered?.init(validated, layers: layers) ?? p.init(validated)
    }
}

/// A component that cannot be built from a cell's configuration (a stored or hand-edited
/// configuration that validation never saw).
public struct BuildError: Error, CustomStringConvertible {
    public var description: String
    public init(_ d: String) { description = d }
}
