import RepriseConfig
import RepriseNumerics

/// Keys of a network's architecture, shared by the problems that train one.
enum NetworkKeys {
    /// ‖θ − θ₀‖₂ after each epoch (0 before training): how far the run travelled from its
    /// initialisation, the exploration measure of the curvature paper's regimes (docs/papers.md §1).
    static let distanceFromInit = MetricDescription.neutral("distance_from_init", label: "distance from the initial parameters")
    static let dataset = KeyRule.required("dataset", .string([]), nil, "the dataset (its keys join this table)")
    static func hidden(_ summary: String) -> KeyRule {
        .required("hidden", .ints, .entries(between: 1, 100_000), summary)
    }
    static let activation = KeyRule.value("activation", .string(Activation.allCases.map(\.rawValue)), .string("relu"), nil,
                                          "nonlinearity between dense layers")
    static let initialization = KeyRule.value("init", .string(["he", "glorot"]), .string("he"), nil,
                                              "weight initialisation: he N(0, 2/n) or glorot U(±√(6/(n+m)))")
    static let capabilities: OracleCapabilities = [.gradient, .directional, .curvature, .layerStatistics, .sampledGradients]

    /// What an MLP's cell holds (`MemoryEstimate`): the whole network `features, hidden…, outputs`
    /// (input and output layers included; `outputs` the dataset's classes, or its features for an
    /// auto-encoder) as Float parameters, gradient, initial copy and the oracle's raw gradient, and
    /// one batch's activations forward and backward (three Floats per unit).
    static func memory(outputsAreFeatures: Bool) -> @Sendable (Settings, MemoryEstimate) -> MemoryEstimate {
        { s, data in
            var e = data
            e.networkKey = "hidden"
            e.batchSize = s.optionalInt("batch_size") ?? 1
            let hidden = s.has("hidden") ? s.ints("hidden") : []
            // Without the dataset's shape (a dataset that declares none), the hidden layers alone.
            let widths = data.features.map { f in [f] + hidden + [outputsAreFeatures ? f : data.classes ?? 1] } ?? hidden
            e.denseLayers = zip(widths, widths.dropFirst()).map { [$0, $1] }
            let parameters = CheckedCount.sum(e.denseLayers.map { CheckedCount.product([$0[0] + 1, $0[1]]) ?? .max })
            e.parameters = parameters ?? .max
            e.add("network", key: "hidden", numbers: [parameters ?? .max, 4], size: 4)
            let units = CheckedCount.sum(widths) ?? .max
            e.add("activations", key: "batch_size", numbers: [e.batchSize, units, 3], size: 4)
            return e
        }
    }

    /// The dataset the settings name, split as they say: per seed (the cell's, `seed`) when
    /// `data_per_seed` is true.
    static func splits(_ s: Settings, _ data: DataCache, seed: Int? = nil) throws -> DataSplits {
        let perSeed = s.has("data_per_seed") && s.bool("data_per_seed")
        let sizes = DataSizes(validation: s.optionalInt("validation") ?? 0, train: s.optionalInt("train_examples"),
                              test: s.optionalInt("test_examples"), drawSeed: perSeed ? seed ?? 0 : nil)
        return try data.splits(s.string("dataset"), table: s.values, sizes: sizes)
    }

    static func stepsPerEpoch(_ s: Settings, batchSize: Int, data: DataCache) throws -> Int {
        let n = try splits(s, data).train.count
        return (n + batchSize - 1) / batchSize
    }

    /// An MLP `features, hidden…, outputs` with the settings' activation and initialisation, trained
    /// on `task` under `loss`.
    static func trial(_ s: Settings, _ setup: TrialSetup, task: NetworkTrial.Task, loss: LossFunction) throws -> any Trial {
        let data = try splits(s, setup.data, seed: setup.streams.seed)
        let outputs = task == .classification ? data.classes : data.features
        let network = Network<Float>(mlp: [data.features] + s.ints("hidden") + [outputs],
                                     activation: Activation(rawValue: s.string("activation")) ?? .relu,
                                     loss: loss, initialization: .init(rawValue: s.string("init")) ?? .he)
        return try NetworkTrial(network: network, task: task, data: data, setup: setup)
    }
}

/// A multilayer perceptron classifying a dataset: dense layers of widths `features, hidden…, classes`
/// with an activation between them, softmax cross-entropy on the labels.
public struct Classification: ProblemDefinition {
    public static let component = ComponentDescription(
        name: "classification", kind: .problem,
        summary: "an MLP classifier with softmax cross-entropy on a labelled dataset",
        keys: [NetworkKeys.dataset, NetworkKeys.hidden("hidden layer widths, input to output"), NetworkKeys.activation,
               NetworkKeys.initialization,
               .value("loss", .string(["cross-entropy"]), .string("cross-entropy"), nil, "the training loss")],
        provides: NetworkKeys.capabilities,
        metrics: [.minimize("validation_loss", label: "validation loss"), .maximize("validation_accuracy", label: "validation accuracy", unit: "fraction"),
                  .minimize("test_loss", label: "test loss"), .maximize("test_accuracy", label: "test accuracy", unit: "fraction"),
                  NetworkKeys.distanceFromInit],
        tensors: ["final_parameters", "initial_parameters"], batched: true, memory: NetworkKeys.memory(outputsAreFeatures: false))

    let settings: Settings
    public init(_ s: Settings) { settings = s }
    public var denseLayerCount: Int? { settings.ints("hidden").count + 1 }

    public func stepsPerEpoch(batchSize: Int, data: DataCache) throws -> Int {
        try NetworkKeys.stepsPerEpoch(settings, batchSize: batchSize, data: data)
    }

    public func makeTrial(_ setup: TrialSetup) throws -> any Trial {
        try NetworkKeys.trial(settings, setup, task: .classification, loss: .crossEntropy)
    }
}

/// An auto-encoder reconstructing its input under mean squared error (ISAAC's MNIST auto-encoder is
/// 784-1000-500-30-500-1000-784): dense layers `features, hidden…, features` with an activation
/// between them and a linear output.
public struct Autoencoder: ProblemDefinition {
    public static let component = ComponentDescription(
        name: "autoencoder", kind: .problem,
        summary: "an MLP auto-encoder reconstructing its input under mean squared error",
        keys: [NetworkKeys.dataset, NetworkKeys.hidden("hidden layer widths between input and reconstruction (e.g. [1000, 500, 30, 500, 1000])"),
               NetworkKeys.activation, NetworkKeys.initialization,
               .optional("reduction", .string(["mean", "sum"]), nil,
                         "the squared error of an example: mean over its outputs (absent or mean: PyTorch's MSELoss default) or their sum; either way averaged over the batch")],
        // 2: the sampled targets of ISAAC's ζ and K-FAC have the predictive variance of the loss's
        // reduction (revision 1 drew variance ½ whatever it was: E[ḡḡᵀ] = (2/m²)I under the mean).
        revision: 2,
        provides: NetworkKeys.capabilities,
        metrics: [.minimize("validation_loss", label: "validation reconstruction loss"), .minimize("test_loss", label: "test reconstruction loss"),
                  NetworkKeys.distanceFromInit],
        tensors: ["final_parameters", "initial_parameters"], batched: true, memory: NetworkKeys.memory(outputsAreFeatures: true))

    let settings: Settings
    public init(_ s: Settings) { settings = s }
    public var denseLayerCount: Int? { settings.ints("hidden").count + 1 }

    public func stepsPerEpoch(batchSize: Int, data: DataCache) throws -> Int {
        try NetworkKeys.stepsPerEpoch(settings, batchSize: batchSize, data: data)
    }

    public func makeTrial(_ setup: TrialSetup) throws -> any Trial {
        try NetworkKeys.trial(settings, setup, task: .reconstruction,
                              loss: settings.has("reduction") && settings.string("reduction") == "sum" ? .summedSquaredError : .meanSquaredError)
    }
}

/// A convolutional classifier: the layers a spec lists in `architecture` (convolutions, poolings,
/// activations, dense layers) on images of `image = [C, H, W]`, then a dense output layer to the
/// classes, softmax cross-entropy on the labels. DeepOBS's `fmnist_2c2d` is
/// `["conv 32 5 same", "relu", "maxpool 2", "conv 64 5 same", "relu", "maxpool 2", "dense 1024", "relu"]`.
public struct ConvolutionalClassification: LayeredProblem {
    public static let component: ComponentDescription = Self.component(layers: .standard)

    public static func component(layers: LayerCatalog) -> ComponentDescription {
        ComponentDescription(
        name: "cnn", kind: .problem,
        summary: "a convolutional classifier (the layers listed, then a dense output layer) with softmax cross-entropy on an image dataset",
        keys: [NetworkKeys.dataset,
               .required("image", .ints, .count(atLeast: 3), "the images' shape [channels, height, width]; its product is the dataset's features"),
               .required("architecture", .strings([]), .nonEmpty,
                         "input to output, one entry per layer: \(layers.syntax); the output layer is added"),
               NetworkKeys.initialization],
        provides: NetworkKeys.capabilities,
        metrics: [.minimize("validation_loss", label: "validation loss"), .maximize("validation_accuracy", label: "validation accuracy", unit: "fraction"),
                  .minimize("test_loss", label: "test loss"), .maximize("test_accuracy", label: "test accuracy", unit: "fraction"),
                  NetworkKeys.distanceFromInit],
        tensors: ["final_parameters", "initial_parameters"], batched: true,
        constraints: { s in
            let image = s.ints("image")
            guard image.count == 3, image.allSatisfy({ $0 > 0 && $0 <= 100_000 }) else {
                return [KeyProblem("image", "give [channels, height, width], three positive whole numbers")]
            }
            do {
                let count = try Architecture(s.strings("architecture"), input: FeatureShape(channels: image[0], height: image[1], width: image[2]),
                                             catalog: layers).parameterCount(outputs: 1000)
                return count > 200_000_000 ? [KeyProblem("architecture", "the network would hold about \(count) parameters; keep it under 2·10⁸")] : []
            } catch {
                return [KeyProblem("architecture", "\(error)")]
            }
        }, memory: memory(layers: layers))
    }

    /// What a CNN's cell holds (`MemoryEstimate`), counted on the layer list's shapes before any
    /// allocation: the parameters as an MLP's (Float θ, gradient, initial copy, the oracle's raw
    /// gradient), one batch's activations forward and backward (three Floats per unit of the
    /// input and of every layer's output), and each convolution's column scratch (two buffers of
    /// at most 2²⁰ Floats).
    static func memory(layers catalog: LayerCatalog) -> @Sendable (Settings, MemoryEstimate) -> MemoryEstimate {
        { s, data in
            var e = data
            e.networkKey = "architecture"
            e.batchSize = s.optionalInt("batch_size") ?? 1
            let image = s.ints("image")
            guard image.count == 3, image.allSatisfy({ $0 > 0 && $0 <= 100_000 }),
                  let built = try? Architecture(s.strings("architecture"), input: FeatureShape(channels: image[0], height: image[1], width: image[2]),
                                                catalog: catalog).layers(outputs: data.classes ?? 1, initialization: .he, as: Float.self)
            else { return e }  // a list that does not build is refused by the constraints, naming why
            e.denseLayers = built.compactMap { if case .dense(let d) = $0 { return [d.inputWidth, d.outputWidth] } else { return nil } }
            let parameters = CheckedCount.sum(built.map(\.parameterCount))
            e.parameters = parameters ?? .max
            e.add("network", key: "architecture", numbers: [parameters ?? .max, 4], size: 4)
            let units = CheckedCount.sum([CheckedCount.product(image) ?? .max] + built.map(\.outputWidth))
            e.add("activations", key: "batch_size", numbers: [e.batchSize, units ?? .max, 3], size: 4)
            let convolutions = built.filter { if case .other(let l) = $0 { return l is Conv2D<Float> } else { return false } }.count
            e.add("convolution scratch", key: "architecture", numbers: [convolutions, 2, 1 << 20], size: 4)
            return e
        }
    }

    let settings: Settings, layers: LayerCatalog
    public init(_ s: Settings) { self.init(s, layers: .standard) }
    public init(_ s: Settings, layers: LayerCatalog) {
        settings = s
        self.layers = layers
    }

    var architecture: Architecture? {
        let image = settings.ints("image")
        guard image.count == 3 else { return nil }
        return try? Architecture(settings.strings("architecture"), input: FeatureShape(channels: image[0], height: image[1], width: image[2]),
                                 catalog: layers)
    }
    public var denseLayerCount: Int? { architecture?.denseLayerCount }

    /// Also checks the images' shape against the dataset (before any cell trains).
    public func stepsPerEpoch(batchSize: Int, data: DataCache) throws -> Int {
        let features = try NetworkKeys.splits(settings, data).features, image = settings.ints("image")
        guard image.reduce(1, *) == features else {
            throw BuildError("image = \(image) holds \(image.reduce(1, *)) values per example; the dataset \(settings.string("dataset")) has \(features) features")
        }
        return try NetworkKeys.stepsPerEpoch(settings, batchSize: batchSize, data: data)
    }

    public func makeTrial(_ setup: TrialSetup) throws -> any Trial {
        guard let architecture else { throw BuildError("architecture or image is not a valid network") }
        let data = try NetworkKeys.splits(settings, setup.data, seed: setup.streams.seed)
        let layers: [AnyLayer<Float>] = try architecture.layers(outputs: data.classes, initialization: .init(rawValue: settings.string("init")) ?? .he)
        return try NetworkTrial(network: Network(layers: layers, loss: .crossEntropy), task: .classification, data: data, setup: setup)
    }
}
