import RepriseConfig
import RepriseNumerics

/// Minibatch training of a `Float` network on a dataset: classification (labels) or reconstruction
/// of the inputs (an auto-encoder, MSE). Data order: one stream (`data-order`) reshuffles the
/// training indices at the start of every epoch; initial weights come from the `init` stream.
/// The bytes a training step holds, counted (not sampled from the operating system, so the same
/// on every machine): the network's per-batch buffers (activations, their gradients, tangents and
/// the curvature modes' second-order buffers), the parameters and their gradient, and the
/// optimizer's state. The dataset, evaluation and the harness's own copies are left out.
public struct MemoryCount: Sendable, Equatable {
    public var buffers: Int
    public var parameters: Int
    public var state: Int
    public var total: Int { buffers + parameters + state }
    public init(buffers: Int, parameters: Int, state: Int) {
        self.buffers = buffers
        self.parameters = parameters
        self.state = state
    }
}

/// A trial whose memory per step can be counted (cells store it; `reprise bench` reads it).
public protocol CountedMemory {
    var memoryCount: MemoryCount { get }
}

final class NetworkTrial: Trial, CountedMemory {
    var memoryCount: MemoryCount {
        MemoryCount(buffers: network.bufferBytes,
                    parameters: (θ.values.count + gradient.count) * MemoryLayout<Float>.stride,
                    state: optimizer.stateBytes)
    }

    enum Task { case classification, reconstruction }

    private let network: Network<Float>
    private let task: Task
    private let data: DataSplits
    private var optimizer: Optimizer<Float>
    private let oracle: NetworkOracle
    private let batchSize: Int
    private var order: [Int]
    private var orderRNG: RandomStream
    private var cursor = 0
    private let θ: Parameters<Float>
    private let initial: [Float]
    private let streams: CellStreams
    private var gradient: [Float]
    let diagnostics = Diagnostics()

    init(network: Network<Float>, task: Task, data: DataSplits, setup: TrialSetup) throws {
        self.network = network
        self.task = task
        self.data = data
        batchSize = setup.batchSize
        var initRNG = setup.streams.stream("init")
        θ = Parameters(network.initialParameters(rng: &initRNG))
        initial = θ.values
        streams = setup.streams
        gradient = [Float](repeating: 0, count: network.parameterCount)
        let batch = Batch<Float>(inputs: Matrix(rows: batchSize, cols: data.features),
                                 labels: [Int32](repeating: 0, count: batchSize),
                                 targets: task == .reconstruction ? Matrix(rows: batchSize, cols: data.features) : nil)
        oracle = NetworkOracle(network: network, parameters: θ, batch: batch)
        optimizer = try Optimizer(setup.optimizer, setup: TransformSetup(
            parameterCount: network.parameterCount, layers: network.denseLayouts, diagnostics: diagnostics, streams: setup.streams))
        order = Array(0..<data.train.count)
        orderRNG = setup.streams.stream("data-order")
    }

    var stepsPerEpoch: Int { (data.train.count + batchSize - 1) / batchSize }

    /// θ, the epoch's order and the cursor into it (a checkpoint may fall mid-epoch), the order
    /// stream, the optimizer and the diagnostics' last values. The batch buffers, the gradient
    /// and the network's activations are rewritten by every step.
    func save(into state: inout StateArchive) {
        state.put("parameters", θ.values)
        state.put("order", order)
        state.put("cursor", cursor)
        state.put("order_stream", orderRNG)
        state.put("diagnostics", diagnostics.values)
        state.put("optimizer", part: optimizer.state)
    }

    func restore(from state: StateArchive) throws {
        // A network that trains has finite parameters and moments (one that does not has diverged and stopped).
        try state.requireFinite(except: ["diagnostics"])
        try state.copy("parameters", into: &θ.values)
        try state.copy("order", into: &order)
        guard Set(order).count == order.count, order.allSatisfy({ (0..<data.train.count).contains($0) }) else {
            throw StateError("order is not a permutation of the training set")
        }
        cursor = try state.int("cursor")
        guard (0..<max(1, data.train.count)).contains(cursor) else { throw StateError("cursor \(cursor) is outside the training set") }
        orderRNG = try state.stream("order_stream")
        try state.copy("diagnostics", into: &diagnostics.values)
        try optimizer.restore(from: state.part("optimizer"))
    }

    /// At initialisation the loss is near log(classes) or the data's variance on every minibatch; a
    /// minibatch loss a thousand times the first is a run that no longer trains.
    var divergence: DivergenceBound { .multipleOfFirstLoss(1000) }

    func step(_ clock: TrainingClock) -> Double {
        if cursor == 0 { orderRNG.shuffle(&order) }
        let rows = min(batchSize, data.train.count - cursor)
        gather(rows: rows)
        cursor = cursor + rows == data.train.count ? 0 : cursor + rows
        let loss = network.lossAndGradient(oracle.batch, θ.values, gradient: &gradient, rule: optimizer.weightGradientRule)
        oracle.loss = loss
        optimizer.update(θ, gradient: &gradient, clock: clock, oracle: oracle)
        return loss
    }

    /// Copies the next `rows` examples in the epoch's order into the batch buffers (the targets too,
    /// for reconstruction).
    private func gather(rows: Int) {
        let d = data.features
        oracle.batch.inputs.resize(rows: rows)  // labels keep the full batch length; only the first `rows` are read
        if task == .reconstruction { oracle.batch.targets.resize(rows: rows) }
        data.train.inputs.storage.withUnsafeBufferPointer { src in
            oracle.batch.inputs.storage.withUnsafeMutableBufferPointer { dst in
                for r in 0..<rows {
                    let i = order[cursor + r]
                    (dst.baseAddress! + r * d).update(from: src.baseAddress! + i * d, count: d)
                }
            }
            if task == .reconstruction {
                oracle.batch.targets.storage.withUnsafeMutableBufferPointer { dst in
                    for r in 0..<rows {
                        (dst.baseAddress! + r * d).update(from: src.baseAddress! + order[cursor + r] * d, count: d)
                    }
                }
            }
        }
        for r in 0..<rows { oracle.batch.labels[r] = data.train.labels[order[cursor + r]] }
    }

    func evaluate() -> [(name: String, value: Double)] {
        var metrics: [(String, Double)] = []
        for (name, split) in [("validation", data.validation), ("test", data.test)] {
            guard let split else { continue }
            let (loss, accuracy) = score(split)
            metrics.append(("\(name)_loss", loss))
            if task == .classification { metrics.append(("\(name)_accuracy", accuracy)) }
        }
        metrics.append(("distance_from_init", distanceFromInit()))
        return metrics
    }

    /// ‖θ − θ₀‖₂, summed in Double in index order.
    private func distanceFromInit() -> Double {
        var sum = 0.0
        for i in initial.indices {
            let d = Double(θ.values[i]) - Double(initial[i])
            sum += d * d
        }
        return sum.squareRoot()
    }

    /// Mean loss and accuracy over a whole split, in chunks of 1000 examples.
    private func score(_ split: LabelledData) -> (loss: Double, accuracy: Double) {
        let chunk = 1000, d = split.inputs.cols
        var totalLoss = 0.0, correct = 0
        var start = 0
        while start < split.count {
            let rows = min(chunk, split.count - start)
            var x = Matrix<Float>(rows: rows, cols: d)
            x.storage.withUnsafeMutableBufferPointer { dst in
                split.inputs.storage.withUnsafeBufferPointer { src in
                    dst.baseAddress!.update(from: src.baseAddress! + start * d, count: rows * d)
                }
            }
            let labels = Array(split.labels[start..<start + rows])
            let z = network.forward(x, θ.values)
            let batch = Batch(inputs: x, labels: labels, targets: task == .reconstruction ? x : nil)
            totalLoss += network.loss.value(z, batch) * Double(rows)
            if task == .classification { correct += network.loss.correctCount(z, labels[...]) }
            start += rows
        }
        return (totalLoss / Double(split.count), Double(correct) / Double(split.count))
    }

    func tensors() -> [Tensor] {
        [Tensor(name: "final_parameters", shape: [θ.count], values: .float32(θ.values)),
         Tensor(name: "initial_parameters", shape: [initial.count], values: .float32(initial))]
    }

    var records: [String: String] {
        ["data_split": data.splitRecord.isEmpty ? "generated (synthetic)" : data.splitRecord,
         "data_order_stream": "(\(streams.experiment), *, \(streams.seed), data-order): a permutation of the training indices at each epoch's start",
         "init_stream": "(\(streams.experiment), *, \(streams.seed), init)"]
    }
}

/// The loss oracle of a network on the current minibatch.
final class NetworkOracle: LossOracle {
    let network: Network<Float>
    let θ: Parameters<Float>
    var batch: Batch<Float>
    var loss: Double = .nan
    private var sampled: [Float] = []
    private var shifted: [Float] = []

    init(network: Network<Float>, parameters: Parameters<Float>, batch: Batch<Float>) {
        self.network = network
        θ = parameters
        self.batch = batch
    }

    var capabilities: OracleCapabilities { [.gradient, .directional, .curvature, .layerStatistics, .sampledGradients] }

    func directional(along d: UnsafeBufferPointer<Float>) -> (value: Double, slope: Double) {
        let r = network.lossAndDirectionalDerivative(batch, θ.values, direction: d)
        return (r.loss, r.derivative)
    }

    func curvature(along d: UnsafeBufferPointer<Float>, mode: CurvatureMode) -> (value: Double, slope: Double, curvature: Double) {
        network.lossSlopeCurvature(batch, θ.values, direction: d, mode: mode)
    }

    /// One forward pass at `θ + t·d` (a scratch copy of θ; the network's buffers then hold that pass).
    func loss(at t: Double, along d: UnsafeBufferPointer<Float>) -> Double {
        if shifted.count != θ.count { shifted = θ.values }
        let step = Float(t)
        θ.values.withUnsafeBufferPointer { p in
            shifted.withUnsafeMutableBufferPointer { q in for i in 0..<q.count { q[i] = p[i] + step * d[i] } }
        }
        return network.loss.value(network.forward(batch.inputs, shifted), batch)
    }

    var denseLayers: [LayerBatch<Float>] { network.denseLayerBatches(batch) }

    func sampledGradient(into gradient: UnsafeMutableBufferPointer<Float>, rng: inout RandomStream) -> [LayerBatch<Float>] {
        if sampled.count != network.parameterCount { sampled = [Float](repeating: 0, count: network.parameterCount) }
        network.sampledLossGradient(batch, θ.values, gradient: &sampled, rng: &rng)
        sampled.withUnsafeBufferPointer { gradient.baseAddress!.update(from: $0.baseAddress!, count: $0.count) }
        return network.denseLayerBatches(batch, sampled: true)
    }

    func sampledOutputGradients(rng: inout RandomStream) -> [LayerBatch<Float>] {
        network.sampledOutputGradients(batch, θ.values, rng: &rng)
        return network.denseLayerBatches(batch, sampled: true)
    }
}
