import RepriseConfig
import RepriseNumerics

/// What flows from one layer to the next: a feature map (`C×H×W`), or a vector once flattened.
public enum LayerInput: Sendable, Hashable, CustomStringConvertible {
    case map(FeatureShape)
    case vector(Int)

    public var width: Int {
        switch self {
        case .map(let shape): return shape.count
        case .vector(let n): return n
        }
    }
    public var description: String {
        switch self {
        case .map(let shape): return "\(shape) feature map"
        case .vector(let n): return "vector of \(n)"
        }
    }
}

/// One kind of entry of a spec's layer list: the words that start it, how it reads the words after
/// them, and the layer it builds on what the entry before it left. Adding a layer type is one file —
/// the layer (`Layer`) and its definition — and one line registering the definition in a
/// `LayerCatalog` (`LayerCatalog.standard`, or `Registry.register` for a layer of one's own; the test
/// target's `ChannelScale` is one).
public protocol LayerDefinition: Sendable {
    /// The entry's first words that name this type ("conv"; "relu", "tanh", … for activations).
    static var keywords: [String] { get }
    /// The entry's form, as error messages and `reprise describe` show it.
    static var syntax: String { get }
    /// Reads the entry; throws `LayerError` naming what is wrong with `entry` (the whole text).
    init(keyword: String, arguments: [String], entry: String) throws
    /// The layer this entry puts on `input` and what it leaves (nil: it only reshapes), or throws a
    /// `LayerError` saying why it does not fit.
    func build<S: Scalar>(on input: LayerInput, initialization: Dense<S>.Initialization, as: S.Type) throws -> (layer: AnyLayer<S>?, output: LayerInput)
}

public struct LayerError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }

    /// `arguments[i]` as a whole number from 1 to 100000, or an error naming `what` and the entry.
    public static func count(_ arguments: [String], _ i: Int, _ what: String, entry: String) throws -> Int {
        guard i < arguments.count, let n = Int(arguments[i]), n > 0, n <= 100_000 else {
            throw LayerError("'\(entry)': \(what) must be a whole number from 1 to 100000")
        }
        return n
    }
}

/// The layer types a layer list may name: the one place each is listed.
public struct LayerCatalog: Sendable {
    public private(set) var definitions: [any LayerDefinition.Type]

    public init(_ definitions: [any LayerDefinition.Type]) { self.definitions = definitions }

    public static let standard = LayerCatalog([Convolution.self, Pooling.self, ActivationEntry.self, DenseEntry.self, Flatten.self])

    public mutating func register(_ d: any LayerDefinition.Type) { definitions.append(d) }

    /// Every type's form, for messages and the `architecture` key's description.
    public var syntax: String { definitions.map { $0.syntax }.joined(separator: "; ") }

    /// The entry `text` describes, or what is wrong with it.
    public func parse(_ text: String) throws -> any LayerDefinition {
        let words = text.split(separator: " ").map(String.init)
        guard let keyword = words.first, let d = definitions.first(where: { $0.keywords.contains(keyword) }) else {
            throw LayerError("'\(text)': not a layer; write \(syntax)")
        }
        return try d.init(keyword: keyword, arguments: Array(words.dropFirst()), entry: text)
    }
}

/// `flatten`: says where the feature map becomes a vector (a dense layer implies it).
public struct Flatten: LayerDefinition {
    public static let keywords = ["flatten"]
    public static let syntax = "flatten"
    public init(keyword: String, arguments: [String], entry: String) throws {
        guard arguments.isEmpty else { throw LayerError("'\(entry)': flatten takes nothing") }
    }
    public func build<S: Scalar>(on input: LayerInput, initialization: Dense<S>.Initialization, as: S.Type) throws -> (layer: AnyLayer<S>?, output: LayerInput) {
        (nil, .vector(input.width))
    }
}

/// A network's layers as a spec lists them, one string each, input to output (the output layer, a
/// dense layer to the classes, is added):
///
///     architecture = ["conv 32 5 same", "relu", "maxpool 2", "conv 64 5 same", "relu", "maxpool 2",
///                     "dense 1024", "relu"]                            # DeepOBS's fmnist_2c2d
///
/// - `conv F K [stride S] [same | valid | pad P]`: F filters of K×K (default stride 1, same padding);
/// - `maxpool K [stride S]`, `avgpool K [stride S]`: K×K windows (default stride K);
/// - `relu`, `tanh`, `sigmoid`, `softplus`: the activation, elementwise;
/// - `dense N`: a fully connected layer of N outputs (the feature map is flattened, channel-major);
/// - `flatten`: says where the feature map becomes a vector (a dense layer implies it).
public struct Architecture: Sendable {
    public let entries: [any LayerDefinition]
    public let input: FeatureShape

    /// Parses `texts` with the types of `catalog`; throws naming the first entry that is not a
    /// layer (1-based, as a reader counts).
    public init(_ texts: [String], input: FeatureShape, catalog: LayerCatalog = .standard) throws {
        entries = try texts.enumerated().map { i, text in
            do { return try catalog.parse(text) } catch { throw LayerError("entry \(i + 1): \(error)") }
        }
        self.input = input
    }

    /// How many dense layers the network has, its output layer included (ISAAC's and K-FAC's
    /// layers); nil when the list does not build.
    public var denseLayerCount: Int? {
        (try? layers(outputs: 1, initialization: .he, as: Float.self))?.filter { if case .dense = $0 { return true } else { return false } }.count
    }

    /// The layers, built on the way through the shapes; throws naming the entry that does not fit.
    public func layers<S: Scalar>(outputs: Int, initialization: Dense<S>.Initialization, as: S.Type = S.self) throws -> [AnyLayer<S>] {
        var out: [AnyLayer<S>] = []
        var flowing = LayerInput.map(input)
        for (i, entry) in entries.enumerated() {
            do {
                let (layer, next) = try entry.build(on: flowing, initialization: initialization, as: S.self)
                if let layer { out.append(layer) }
                flowing = next
            } catch {
                throw LayerError("entry \(i + 1): \(error)")
            }
        }
        out.append(.dense(Dense(flowing.width, outputs, initialization: initialization)))
        return out
    }

    /// The parameter count of the network with `outputs` outputs (for size checks before building).
    public func parameterCount(outputs: Int) throws -> Int {
        try layers(outputs: outputs, initialization: .he, as: Float.self).reduce(0) { $0 + $1.parameterCount }
    }
}
