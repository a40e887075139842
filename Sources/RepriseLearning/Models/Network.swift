import RepriseNumerics

/// A sequential network with a loss, working on one flat parameter vector `θ`.
///
/// The network owns the per-layer buffers (outputs, their gradients and their directional
/// derivatives), sized once for the largest batch seen and reused: a training step allocates nothing.
public final class Network<S: Scalar> {
    public let layers: [AnyLayer<S>]
    public let loss: LossFunction
    /// Where each layer's slice of `θ` starts.
    public let offsets: [Int]
    public let parameterCount: Int
    /// For each layer, its index among the dense layers (or −1).
    private let denseIndex: [Int]

    private var outputs: [Matrix<S>]
    private var outputGradients: [Matrix<S>]
    private var sampledOutputGradients: [Matrix<S>] = []
    private var tangents: [Matrix<S>] = []
    private var seconds: [Matrix<S>] = []
    /// Taylor mode's two layers of (value, ẏ, ÿ), reused from layer to layer.
    private var taylorValues = [Matrix<S>(rows: 0, cols: 0), Matrix<S>(rows: 0, cols: 0)]
    private var taylorTangents = [Matrix<S>(rows: 0, cols: 0), Matrix<S>(rows: 0, cols: 0)]
    private var taylorSeconds = [Matrix<S>(rows: 0, cols: 0), Matrix<S>(rows: 0, cols: 0)]
    private var unusedInputGradient = Matrix<S>(rows: 0, cols: 0)

    public init(layers: [AnyLayer<S>], loss: LossFunction) {
        precondition(!layers.isEmpty, "a network needs at least one layer")
        for (a, b) in zip(layers, layers.dropFirst()) {
            precondition(a.outputWidth == b.inputWidth, "layer widths do not chain: \(a.outputWidth) → \(b.inputWidth)")
        }
        self.layers = layers
        self.loss = loss
        var offsets: [Int] = [], total = 0
        for l in layers { offsets.append(total); total += l.parameterCount }
        self.offsets = offsets
        parameterCount = total
        var count = 0
        denseIndex = layers.map { if case .dense = $0 { count += 1; return count - 1 } else { return -1 } }
        outputs = layers.map { Matrix(rows: 0, cols: $0.outputWidth) }
        outputGradients = outputs
    }

    /// A multilayer perceptron: `widths[0]` inputs, dense layers with `activation` between them,
    /// and a linear output layer.
    public convenience init(mlp widths: [Int], activation: Activation, loss: LossFunction,
                            initialization: Dense<S>.Initialization) {
        precondition(widths.count >= 2, "an MLP needs an input and an output width")
        var layers: [AnyLayer<S>] = []
        for k in 0..<(widths.count - 1) {
            layers.append(.dense(Dense(widths[k], widths[k + 1], initialization: initialization)))
            if k < widths.count - 2 { layers.append(.activation(ActivationLayer(activation, width: widths[k + 1]))) }
        }
        self.init(layers: layers, loss: loss)
    }

    public var inputWidth: Int { layers[0].inputWidth }
    public var outputWidth: Int { layers[layers.count - 1].outputWidth }

    /// Fresh parameters drawn from `rng`, layer after layer.
    public func initialParameters(rng: inout RandomStream) -> [S] {
        var θ = [S](repeating: 0, count: parameterCount)
        θ.withUnsafeMutableBufferPointer { p in
            for (k, layer) in layers.enumerated() {
                layer.initialize(UnsafeMutableBufferPointer(rebasing: p[offsets[k]..<offsets[k] + layer.parameterCount]), rng: &rng)
            }
        }
        return θ
    }

    private func resizeBuffers(rows: Int) {
        guard outputs[0].rows != rows else { return }
        for k in layers.indices {
            outputs[k].resize(rows: rows)
            outputGradients[k].resize(rows: rows)
        }
        for k in tangents.indices { tangents[k].resize(rows: rows) }
        for k in sampledOutputGradients.indices { sampledOutputGradients[k].resize(rows: rows) }
        for k in seconds.indices { seconds[k].resize(rows: rows) }
    }

    /// Where each dense layer's parameters sit in `θ`.
    public var denseLayouts: [DenseLayout] {
        layers.indices.compactMap { k in
            guard case .dense(let d) = layers[k] else { return nil }
            return DenseLayout(offset: offsets[k], inputs: d.inputWidth, outputs: d.outputWidth)
        }
    }

    /// Each dense layer's inputs `a` and output gradients `g` from the last `lossAndGradient`
    /// (`sampled`: from the last `sampledLossGradient`).
    public func denseLayerBatches(_ batch: Batch<S>, sampled: Bool = false) -> [LayerBatch<S>] {
        layers.indices.compactMap { k in
            guard case .dense(let d) = layers[k] else { return nil }
            return LayerBatch(layout: DenseLayout(offset: offsets[k], inputs: d.inputWidth, outputs: d.outputWidth),
                              inputs: k == 0 ? batch.inputs : outputs[k - 1],
                              outputGradients: sampled ? sampledOutputGradients[k] : outputGradients[k])
        }
    }

    @inline(__always) private func slice(_ p: UnsafeBufferPointer<S>, _ k: Int) -> UnsafeBufferPointer<S> {
        UnsafeBufferPointer(rebasing: p[offsets[k]..<offsets[k] + layers[k].parameterCount])
    }

    /// Runs the layers; returns the network output (valid until the next call).
    @discardableResult
    public func forward(_ x: Matrix<S>, _ θ: [S]) -> Matrix<S> {
        resizeBuffers(rows: x.rows)
        θ.withUnsafeBufferPointer { p in
            for k in layers.indices {
                layers[k].forward(k == 0 ? x : outputs[k - 1], slice(p, k), into: &outputs[k])
            }
        }
        return outputs[layers.count - 1]
    }

    /// The minibatch loss `L(θ)`, with `∇L(θ)` written into `gradient` (reverse mode). A `rule`
    /// replaces the dense layers' weight gradients `aᵀg` inside the pass (ISAAC's ζ*).
    public func lossAndGradient(_ batch: Batch<S>, _ θ: [S], gradient: inout [S],
                                rule: (any WeightGradientRule<S>)? = nil) -> Double {
        precondition(gradient.count == parameterCount, "gradient buffer has the wrong size")
        forward(batch.inputs, θ)
        let last = layers.count - 1
        let value = loss.valueAndGradient(outputs[last], batch, into: &outputGradients[last])
        gradient.withUnsafeMutableBufferPointer { g in
            backward(batch, θ, gradients: &outputGradients, into: g, weights: rule.map { .rule($0, index: 0) } ?? .product)
        }
        return value
    }

    /// The output gradients `ḡ` of every dense layer for targets sampled from the model's predictive
    /// distribution at the outputs of the last `lossAndGradient` (as `sampledLossGradient`), without
    /// forming any parameter gradient: the extra pass of ISAAC's ζ and of K-FAC costs only the
    /// input-gradient products. Read them with `denseLayerBatches(sampled: true)`.
    public func sampledOutputGradients(_ batch: Batch<S>, _ θ: [S], rng: inout RandomStream) {
        if sampledOutputGradients.isEmpty { sampledOutputGradients = outputGradients }
        let last = layers.count - 1
        loss.sampledGradient(outputs[last], rng: &rng, into: &sampledOutputGradients[last])
        backward(batch, θ, gradients: &sampledOutputGradients, into: UnsafeMutableBufferPointer(start: nil, count: 0), weights: .none)
    }

    /// The gradient for targets sampled from the model's predictive distribution at the outputs of
    /// the last `lossAndGradient` (Remark 1 of ISAAC; BackPACK's sampled Fisher): `ỹᵢ ~ softmax(zᵢ)`
    /// for cross-entropy, `t̃ = z + ξ/√2`, `ξ ~ N(0, I)` for MSE (the Gaussian whose negative
    /// log-likelihood is the squared error). Writes it into `gradient`; the sampled output gradients
    /// `ḡ` are kept per layer (`denseLayerBatches(sampled: true)`).
    public func sampledLossGradient(_ batch: Batch<S>, _ θ: [S], gradient: inout [S], rng: inout RandomStream) {
        if sampledOutputGradients.isEmpty { sampledOutputGradients = outputGradients }
        let last = layers.count - 1
        loss.sampledGradient(outputs[last], rng: &rng, into: &sampledOutputGradients[last])
        gradient.withUnsafeMutableBufferPointer { g in backward(batch, θ, gradients: &sampledOutputGradients, into: g, weights: .product) }
    }

    /// Back-propagates from `gradients[last]` (∂L/∂z), filling every layer's output gradient and,
    /// unless `weights` is `.none`, `∂L/∂θ` (a `.rule` is handed each dense layer's index).
    private func backward(_ batch: Batch<S>, _ θ: [S], gradients: inout [Matrix<S>], into g: UnsafeMutableBufferPointer<S>,
                          weights: WeightGradientSource<S>) {
        let last = layers.count - 1
        θ.withUnsafeBufferPointer { p in
            for k in stride(from: last, through: 0, by: -1) {
                let dθ: UnsafeMutableBufferPointer<S>
                if case .none = weights {
                    dθ = UnsafeMutableBufferPointer(start: nil, count: 0)
                } else {
                    dθ = UnsafeMutableBufferPointer(rebasing: g[offsets[k]..<offsets[k] + layers[k].parameterCount])
                }
                let x = k == 0 ? batch.inputs : outputs[k - 1]
                let needsInput = k > 0
                switch layers[k] {
                case .dense(let d):
                    let source: WeightGradientSource<S>
                    if case .rule(let r, _) = weights { source = .rule(r, index: denseIndex[k]) } else { source = weights }
                    if needsInput {
                        d.backward(x, gradients[k], slice(p, k), parameterGradient: dθ, inputGradient: &gradients[k - 1],
                                   needsInputGradient: true, weights: source)
                    } else {
                        d.backward(x, gradients[k], slice(p, k), parameterGradient: dθ, inputGradient: &unusedInputGradient,
                                   needsInputGradient: false, weights: source)
                    }
                case .activation(let a):
                    guard needsInput else { continue }
                    a.backward(x, outputs[k], gradients[k], slice(p, k), parameterGradient: dθ, inputGradient: &gradients[k - 1],
                               needsInputGradient: true)
                case .other(let l):
                    if needsInput {
                        l.backward(x, outputs[k], gradients[k], slice(p, k), parameterGradient: dθ, inputGradient: &gradients[k - 1],
                                   needsInputGradient: true)
                    } else {
                        l.backward(x, outputs[k], gradients[k], slice(p, k), parameterGradient: dθ, inputGradient: &unusedInputGradient,
                                   needsInputGradient: false)
                    }
                }
            }
        }
    }

    /// The minibatch loss `L(θ)` and its derivative along `d`, `L̇ = ∇L(θ)ᵀd` (forward mode).
    public func lossAndDirectionalDerivative(_ batch: Batch<S>, _ θ: [S], direction d: [S]) -> (loss: Double, derivative: Double) {
        d.withUnsafeBufferPointer { lossAndDirectionalDerivative(batch, θ, direction: $0) }
    }

    public func lossAndDirectionalDerivative(_ batch: Batch<S>, _ θ: [S], direction d: UnsafeBufferPointer<S>) -> (loss: Double, derivative: Double) {
        precondition(d.count == parameterCount, "direction has the wrong size")
        forward(batch.inputs, θ)
        if tangents.isEmpty { tangents = outputs.map { Matrix(rows: $0.rows, cols: $0.cols) } }
        θ.withUnsafeBufferPointer { p in
            for k in layers.indices {
                layers[k].directional(k == 0 ? batch.inputs : outputs[k - 1], k == 0 ? nil : tangents[k - 1],
                                      outputs[k], slice(p, k), slice(d, k), into: &tangents[k])
            }
        }
        let last = layers.count - 1
        return (loss.value(outputs[last], batch), loss.directional(outputs[last], tangents[last], batch))
    }

    /// `φ(0) = L`, `φ'(0) = gᵀd` and `φ''(0) = κ = dᵀHd` of `φ(t) = L(θ + t·d)` on `batch`, by
    /// second-order forward mode (Gossard & de Gournay's two costs, papers.md §1):
    /// - `.taylor`: one pass carrying each layer's value, `ẏ` and `ÿ`, holding two layers' buffers
    ///   at a time (≈ 2 forward passes of work, no stored activations: the (2C, 1M) candidate);
    /// - `.reuse`: reuses the activations the last `lossAndGradient` stored on this batch and `θ`,
    ///   propagating and storing `ẏ`, `ÿ` for every layer (the (1.5C, 2M) candidate).
    public func lossSlopeCurvature(_ batch: Batch<S>, _ θ: [S], direction d: UnsafeBufferPointer<S>,
                                   mode: CurvatureMode) -> (value: Double, slope: Double, curvature: Double) {
        precondition(d.count == parameterCount, "direction has the wrong size")
        let last = layers.count - 1
        switch mode {
        case .reuse:
            precondition(outputs[0].rows == batch.inputs.rows, "reuse mode needs the gradient pass of this batch first")
            if tangents.isEmpty { tangents = outputs.map { Matrix(rows: $0.rows, cols: $0.cols) } }
            if seconds.isEmpty { seconds = outputs.map { Matrix(rows: $0.rows, cols: $0.cols) } }
            θ.withUnsafeBufferPointer { p in
                for k in layers.indices {
                    layers[k].secondDirectional(k == 0 ? batch.inputs : outputs[k - 1], k == 0 ? nil : tangents[k - 1],
                                                k == 0 ? nil : seconds[k - 1], slice(p, k), slice(d, k),
                                                into: &tangents[k], &seconds[k])
                }
            }
            return loss.secondDirectional(outputs[last], tangents[last], seconds[last], batch)
        case .taylor:
            var current = 0
            let rows = batch.inputs.rows
            θ.withUnsafeBufferPointer { p in
                for k in layers.indices {
                    let previous = 1 - current, width = layers[k].outputWidth
                    taylorValues[current].reshape(rows: rows, cols: width)
                    taylorTangents[current].reshape(rows: rows, cols: width)
                    taylorSeconds[current].reshape(rows: rows, cols: width)
                    let x = k == 0 ? batch.inputs : taylorValues[previous]
                    layers[k].forward(x, slice(p, k), into: &taylorValues[current])
                    layers[k].secondDirectional(x, k == 0 ? nil : taylorTangents[previous], k == 0 ? nil : taylorSeconds[previous],
                                                slice(p, k), slice(d, k), into: &taylorTangents[current], &taylorSeconds[current])
                    current = previous
                }
            }
            let out = 1 - current
            return loss.secondDirectional(taylorValues[out], taylorTangents[out], taylorSeconds[out], batch)
        }
    }

    /// Bytes of the buffers a network holds for the current batch: outputs, output gradients and
    /// tangents of every layer, plus the second-order buffers of whichever mode has run (entries in
    /// use: after a training step, the batch's footprint, whatever evaluation grew them to before).
    public var bufferBytes: Int {
        let all = outputs + outputGradients + tangents + seconds + sampledOutputGradients + taylorValues + taylorTangents + taylorSeconds
        return all.reduce(0) { $0 + $1.storage.count } * MemoryLayout<S>.stride
    }
}

/// How the curvature along a direction is computed (`Network.lossSlopeCurvature`).
public enum CurvatureMode: String, Sendable, CaseIterable {
    case taylor, reuse
}
