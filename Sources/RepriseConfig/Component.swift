/// What a loss oracle can answer about the current minibatch. Problems declare what they provide,
/// transformations what they need; a spec pairing a transformation with a problem that cannot
/// provide what it needs is refused at validation.
public struct OracleCapabilities: OptionSet, Sendable, Hashable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// The gradient `g = ∇L(θ)` as it entered the chain (before any transformation changed it).
    public static let gradient = OracleCapabilities(rawValue: 1 << 0)
    /// `φ(0) = L(θ)` and `φ'(0) = gᵀd` along a direction `d` (forward mode).
    public static let directional = OracleCapabilities(rawValue: 1 << 1)
    /// `φ''(0) = κ = dᵀHd` along a direction (second-order forward mode, or closed form).
    public static let curvature = OracleCapabilities(rawValue: 1 << 2)
    /// Each dense layer's batch inputs `a` and output gradients `g`.
    public static let layerStatistics = OracleCapabilities(rawValue: 1 << 3)
    /// Gradients for labels sampled from the model's predictive distribution (Fisher / K-FAC).
    public static let sampledGradients = OracleCapabilities(rawValue: 1 << 4)

    public static let named: [(OracleCapabilities, String)] = [
        (.gradient, "gradient"), (.directional, "directional derivatives"), (.curvature, "curvature along a direction"),
        (.layerStatistics, "per-layer inputs and output gradients"), (.sampledGradients, "sampled-label gradients"),
    ]

    public var names: [String] { Self.named.filter { contains($0.0) }.map(\.1) }
}

/// The kinds of components a spec can name.
public enum ComponentKind: String, Sendable, CaseIterable {
    /// A gradient transformation; the named optimizers (sgd, adam, …) are transformations too.
    case transformation
    case schedule
    case problem
    case dataset
    /// A kind of claim a spec can test (`[[claims]]`, `ClaimKinds`).
    case claim
}

/// A component as the catalog knows it: its keys (type, default, range, description), its revision
/// (which enters the configuration hash of every cell that uses it, so changing one algorithm reruns
/// only its cells), and what it needs, provides, publishes and records.
public struct ComponentDescription: Sendable {
    public var name: String
    public var kind: ComponentKind
    public var summary: String
    public var keys: [KeyRule]
    /// Bump when the component's stored numbers change meaning or value.
    public var revision: Int
    /// Transformations: what they ask of the loss oracle.
    public var needs: OracleCapabilities
    /// Problems: what their oracle answers.
    public var provides: OracleCapabilities
    /// Named per-step scalars the component publishes (stored under `/steps`, plottable), each with
    /// its goal.
    public var diagnosticMetrics: [MetricDescription]
    /// Problems: metrics evaluated per epoch (stored under `/epochs`), each with its goal.
    public var metricDescriptions: [MetricDescription]
    public var diagnostics: [String] { diagnosticMetrics.map(\.name) }
    public var metrics: [String] { metricDescriptions.map(\.name) }
    /// Problems: tensors that `record.tensors` may ask for.
    public var tensors: [String]
    /// Problems: tensors stored in every cell whatever `record.tensors` says (per-start results).
    public var storedTensors: [String]
    /// Problems: whether the problem trains on minibatches (and so needs `budget.batch_size`).
    public var batched: Bool
    /// Transformations: whether the link's output is a whole step that no learning rate scales (a
    /// Newton step, a line minimum). A chain must hold a link that declares `lr` or one that sets its
    /// step: a chain with neither has no defined rate and is refused.
    public var setsStep: Bool
    /// Checks across keys (a start point of the problem's dimension, a split no larger than the
    /// dataset), on settings whose keys are already well-typed and in range.
    public var constraints: @Sendable (Settings) -> [KeyProblem]
    /// What a cell of this component adds to what the components before it hold (a dataset, then its
    /// problem, then each link of the chain), on settings that are well-typed and in range: the data,
    /// the network, the optimizer's state (`MemoryEstimate`). Validation refuses a cell past the limit.
    public var memory: @Sendable (Settings, MemoryEstimate) -> MemoryEstimate

    /// A transformation that declares no `memory` is counted as holding one parameter-sized buffer
    /// of Doubles (a momentum, a moving average); other kinds as holding nothing.
    public init(name: String, kind: ComponentKind, summary: String, keys: [KeyRule], revision: Int = 1,
                needs: OracleCapabilities = [], provides: OracleCapabilities = [], diagnostics: [MetricDescription] = [],
                metrics: [MetricDescription] = [], tensors: [String] = [], storedTensors: [String] = [], batched: Bool = false,
                setsStep: Bool = false, constraints: @escaping @Sendable (Settings) -> [KeyProblem] = { _ in [] },
                memory: (@Sendable (Settings, MemoryEstimate) -> MemoryEstimate)? = nil) {
        self.name = name
        self.kind = kind
        self.summary = summary
        self.keys = keys
        self.revision = revision
        self.needs = needs
        self.provides = provides
        diagnosticMetrics = diagnostics
        metricDescriptions = metrics
        self.tensors = tensors
        self.storedTensors = storedTensors
        self.batched = batched
        self.setsStep = setsStep
        self.constraints = constraints
        if let memory { self.memory = memory }
        else if kind == .transformation { self.memory = { @Sendable _, e in e.addingState(name, parameterSized: 1) } }
        else { self.memory = { @Sendable _, e in e } }
    }

    /// Validates `values` against the component's keys, fills defaults and checks its constraints.
    /// Keys the component does not declare are ignored (a variant's table holds several components' keys).
    public func settings(_ values: [String: ConfigValue]) throws -> Settings {
        var out: [String: ConfigValue] = [:]
        var problems: [KeyProblem] = []
        for rule in keys {
            guard let raw = values[rule.name] else {
                switch rule.presence {
                case .required: problems.append(KeyProblem(rule.name, "missing; expected \(rule.kind.expected)"))
                case .optional: break
                case .defaulted(let v): out[rule.name] = v
                }
                continue
            }
            if let problem = rule.problem(with: raw) { problems.append(KeyProblem(rule.name, problem)); continue }
            out[rule.name] = rule.coerce(raw)
        }
        let settings = Settings(out, component: name)
        if problems.isEmpty { problems = constraints(settings) }
        if !problems.isEmpty { throw ComponentError(component: name, problems: problems) }
        return settings
    }
}

/// One thing wrong with a key's value, found by a component's own checks.
public struct KeyProblem: Sendable, Hashable {
    public var key: String
    public var message: String
    public init(_ key: String, _ message: String) {
        self.key = key
        self.message = message
    }
}

public struct ComponentError: Error, CustomStringConvertible {
    public var component: String
    public var problems: [KeyProblem]
    public var description: String {
        problems.map { "\(component).\($0.key): \($0.message)" }.joined(separator: "\n")
    }
}

/// Validated settings of one component: typed reads of keys its description declares. The values
/// were checked against the component's own rules (`ComponentDescription.settings`), so a read of
/// an undeclared key is a programming error in that component, reported with both names.
public struct Settings: Sendable, Hashable {
    public let values: [String: ConfigValue]
    public let component: String

    public init(_ values: [String: ConfigValue], component: String) {
        self.values = values
        self.component = component
    }

    private func value(_ key: String) -> ConfigValue {
        guard let v = values[key] else { preconditionFailure("\(component) reads key '\(key)', which it does not declare") }
        return v
    }

    public func has(_ key: String) -> Bool { values[key] != nil }
    public func number(_ key: String) -> Double { value(key).number ?? .nan }
    public func int(_ key: String) -> Int { value(key).int ?? 0 }
    public func bool(_ key: String) -> Bool { value(key).bool ?? false }
    public func string(_ key: String) -> String { value(key).string ?? "" }
    public func numbers(_ key: String) -> [Double] { value(key).array?.compactMap(\.number) ?? [] }
    public func ints(_ key: String) -> [Int] { value(key).array?.compactMap(\.int) ?? [] }
    public func strings(_ key: String) -> [String] { value(key).array?.compactMap(\.string) ?? [] }
    /// An array of arrays of numbers (a list of points).
    public func points(_ key: String) -> [[Double]] {
        value(key).array?.map { $0.array?.compactMap(\.number) ?? [] } ?? []
    }
    public func optionalInt(_ key: String) -> Int? { values[key]?.int }
}

/// What is wrong with a chain that neither declares a learning rate nor sets its own step (nil when
/// it does one or the other): such a chain has no defined rate.
public func learningRateProblem(_ chain: [ComponentDescription]) -> String? {
    if chain.isEmpty || chain.contains(where: { $0.setsStep || $0.keys.contains { $0.name == "lr" } }) { return nil }
    return "no link of the chain [\(chain.map(\.name).joined(separator: ", "))] declares a learning rate (lr) or sets its own step; "
        + "add a link that declares lr (sgd, adam, …), or declare an lr key in the transformation"
}

/// Every component a spec can name, by kind and name: what validation, `reprise describe` and the
/// runner consult. Built from the training code's registry; holds descriptions only (no code), so
/// spec parsing and reports depend on it without depending on the training code.
public struct Catalog: Sendable {
    public private(set) var components: [ComponentDescription]

    /// `components`, with the claim kinds (`ClaimKinds.all`), which every catalog has.
    public init(_ components: [ComponentDescription]) {
        self.components = components + ClaimKinds.all.filter { k in !components.contains { $0.kind == .claim && $0.name == k.name } }
    }

    public func component(_ kind: ComponentKind, _ name: String) -> ComponentDescription? {
        components.first { $0.kind == kind && $0.name == name }
    }

    public func names(_ kind: ComponentKind) -> [String] {
        components.filter { $0.kind == kind }.map(\.name)
    }
}
