import RepriseConfig
import RepriseNumerics

/// Fully connected layer `y = x W + b`, with `W ∈ R^{n×m}` (row-major) followed by `b ∈ R^m` in
/// the layer's parameter slice.
public struct Dense<S: Scalar>: Layer {
    public enum Initialization: String, Sendable, CaseIterable {
        /// He et al. 2015: `W ~ N(0, 2/n)`, for ReLU networks.
        case he
        /// Glorot & Bengio 2010: `W ~ U(±√(6/(n+m)))`, for tanh/sigmoid networks.
        case glorot

        /// Draws the first `count` entries of `θ` (weights) from `rng` for a layer with these fans.
        func draw<T: Scalar>(_ θ: UnsafeMutableBufferPointer<T>, count: Int, fanIn n: Double, fanOut m: Double, rng: inout RandomStream) {
            for i in 0..<count {
                switch self {
                case .he: θ[i] = T((2.0 / n).squareRoot() * rng.normal())
                case .glorot: let r = (6.0 / (n + m)).squareRoot(); θ[i] = T(rng.uniform(-r, r))
                }
            }
        }
    }

    public let inputWidth: Int
    public let outputWidth: Int
    public let initialization: Initialization

    public init(_ n: Int, _ m: Int, initialization: Initialization = .he) {
        precondition(n > 0 && m > 0, "Dense layer widths must be positive")
        inputWidth = n
        outputWidth = m
        self.initialization = initialization
    }

    public var parameterCount: Int { inputWidth * outputWidth + outputWidth }
    private var weightCount: Int { inputWidth * outputWidth }

    public func initialize(_ θ: UnsafeMutableBufferPointer<S>, rng: inout RandomStream) {
        initialization.draw(θ, count: weightCount, fanIn: Double(inputWidth), fanOut: Double(outputWidth), rng: &rng)
        for j in weightCount..<parameterCount { θ[j] = 0 }
    }

    /// `y = x W + b`.
    public func forward(_ x: Matrix<S>, _ θ: UnsafeBufferPointer<S>, into y: inout Matrix<S>) {
        broadcastBias(θ, into: &y)
        multiply(x, θ, into: &y)
    }

    /// `∂L/∂W = xᵀ·∂L/∂y`, `∂L/∂b = 1ᵀ·∂L/∂y`, `∂L/∂x = ∂L/∂y·Wᵀ`.
    public func backward(_ x: Matrix<S>, _ y: Matrix<S>, _ dy: Matrix<S>, _ θ: UnsafeBufferPointer<S>,
                         parameterGradient dθ: UnsafeMutableBufferPointer<S>, inputGradient dx: inout Matrix<S>,
                         needsInputGradient: Bool) {
        backward(x, dy, θ, parameterGradient: dθ, inputGradient: &dx, needsInputGradient: needsInputGradient, weights: .product)
    }

    /// Reverse mode with the weight gradient formed as `weights` says: the plain product `aᵀg`, a
    /// rule's replacement for it (ISAAC's ζ*, computed instead of `aᵀg`, not after it), or nothing
    /// (a pass that only needs the output gradients of every layer, such as the sampled-label pass).
    func backward(_ x: Matrix<S>, _ dy: Matrix<S>, _ θ: UnsafeBufferPointer<S>,
                  parameterGradient dθ: UnsafeMutableBufferPointer<S>, inputGradient dx: inout Matrix<S>,
                  needsInputGradient: Bool, weights: WeightGradientSource<S>) {
        let n = inputWidth, m = outputWidth, b = x.rows
        x.storage.withUnsafeBufferPointer { px in
            dy.storage.withUnsafeBufferPointer { pdy in
                // The weight gradient from the batch inputs `a = x` and output gradients `g = ∂L/∂y`.
                var plain = true
                switch weights {
                case .none: plain = false
                case .product: break
                case .rule(let rule, let index):
                    plain = !rule.weightGradient(layer: index, inputs: x, outputGradients: dy, into: dθ.baseAddress!)
                }
                if plain {
                    S.gemm(transA: true, transB: false, m: n, n: m, k: b, alpha: 1, a: px.baseAddress!, lda: n,
                           b: pdy.baseAddress!, ldb: m, beta: 0, c: dθ.baseAddress!, ldc: m)
                }
                if case .none = weights {
                    guard needsInputGradient else { return }
                    dx.storage.withUnsafeMutableBufferPointer { pdx in
                        S.gemm(transA: false, transB: true, m: b, n: n, k: m, alpha: 1, a: pdy.baseAddress!, lda: m,
                               b: θ.baseAddress!, ldb: m, beta: 0, c: pdx.baseAddress!, ldc: n)
                    }
                    return
                }
                // `∂L/∂b = Σᵣ ∂L/∂yᵣ`, summed in Double and rounded once (a 60,000-row batch agrees
                // with a Double reference to 1e-7), on the stack: a step allocates nothing.
                // Column blocks on the step's threads (each column's sum is one thread's, in row order).
                let gs = pdy.baseAddress!, sums = dθ.baseAddress! + weightCount
                Parallel.ranges(m, minimum: max(16, 65_536 / max(b, 1))) { c in
                    Elementwise.columnSums(gs + c.lowerBound, rows: b, cols: c.count, stride: m, into: sums + c.lowerBound)
                }
                guard needsInputGradient else { return }
                dx.storage.withUnsafeMutableBufferPointer { pdx in
                    S.gemm(transA: false, transB: true, m: b, n: n, k: m, alpha: 1, a: pdy.baseAddress!, lda: m,
                           b: θ.baseAddress!, ldb: m, beta: 0, c: pdx.baseAddress!, ldc: n)
                }
            }
        }
    }

    /// `ẏ = ẋ W + x Ẇ + ḃ`.
    public func directional(_ x: Matrix<S>, _ xDot: Matrix<S>?, _ y: Matrix<S>, _ θ: UnsafeBufferPointer<S>,
                            _ θDot: UnsafeBufferPointer<S>, into yDot: inout Matrix<S>) {
        broadcastBias(θDot, into: &yDot)
        multiply(x, θDot, into: &yDot)
        if let xDot { multiply(xDot, θ, into: &yDot) }
    }

    /// Along `θ + tθ̇`: `ẏ = ẋW + xẆ + ḃ` and `ÿ = ẍW + 2ẋẆ` (the weights move linearly, `Ẅ = 0`).
    public func secondDirectional(_ x: Matrix<S>, _ xDot: Matrix<S>?, _ xDDot: Matrix<S>?, _ θ: UnsafeBufferPointer<S>,
                                  _ θDot: UnsafeBufferPointer<S>, into yDot: inout Matrix<S>, _ yDDot: inout Matrix<S>) {
        directional(x, xDot, x, θ, θDot, into: &yDot)
        yDDot.fill(0)
        if let xDDot { multiply(xDDot, θ, into: &yDDot) }
        if let xDot { multiply(xDot, θDot, into: &yDDot, alpha: 2) }
    }

    /// Every row of `y` ← the bias stored after the weights in `θ`.
    private func broadcastBias(_ θ: UnsafeBufferPointer<S>, into y: inout Matrix<S>) {
        let m = outputWidth, rows = y.rows
        let bias = θ.baseAddress! + weightCount
        y.storage.withUnsafeMutableBufferPointer { py in
            for r in 0..<rows { (py.baseAddress! + r * m).update(from: bias, count: m) }
        }
    }

    /// `y ← y + α·x W` with `W` the first `n·m` entries of `θ`.
    private func multiply(_ x: Matrix<S>, _ θ: UnsafeBufferPointer<S>, into y: inout Matrix<S>, alpha: S = 1) {
        let n = inputWidth, m = outputWidth
        precondition(x.cols == n && y.cols == m && y.rows == x.rows, "Dense \(n)→\(m) got a batch of width \(x.cols)")
        x.storage.withUnsafeBufferPointer { px in
            y.storage.withUnsafeMutableBufferPointer { py in
                S.gemm(transA: false, transB: false, m: x.rows, n: m, k: n, alpha: alpha, a: px.baseAddress!, lda: n,
                       b: θ.baseAddress!, ldb: m, beta: 1, c: py.baseAddress!, ldc: m)
            }
        }
    }
}

/// How `Dense.backward` forms the weight gradient.
enum WeightGradientSource<S: Scalar> {
    /// `aᵀg`.
    case product
    /// Whatever the rule writes for dense layer `index` (0-based among the dense layers), or `aᵀg`
    /// when the rule declines.
    case rule(any WeightGradientRule<S>, index: Int)
    /// No parameter gradient at all (only the input gradient is propagated).
    case none
}

/// A replacement for a dense layer's weight gradient `aᵀg`, computed inside the backward pass in
/// place of the plain product (ISAAC's ζ*). Installed by a transformation
/// (`TransformationDefinition.weightGradientRule`) and used by the network's gradient pass.
public protocol WeightGradientRule<S>: Checkpointable {
    associatedtype S: Scalar
    /// Writes the weight gradient (n×m, row-major) of dense layer `index` (0-based among the
    /// network's dense layers) into `dW`, from its inputs `a` (b×n) and output gradients `g` (b×m);
    /// returns false to leave this layer to the plain product `aᵀg`.
    func weightGradient(layer index: Int, inputs a: Matrix<S>, outputGradients g: Matrix<S>,
                        into dW: UnsafeMutablePointer<S>) -> Bool
    /// The bytes of the state the rule keeps between steps (factors, scratch).
    var stateBytes: Int { get }
}

/// The layer-list entry `dense N`: a fully connected layer of N outputs on whatever comes in (a
/// feature map is flattened, channel-major).
public struct DenseEntry: LayerDefinition {
    public static let keywords = ["dense"]
    public static let syntax = "dense N"
    public let width: Int

    public init(keyword: String, arguments: [String], entry: String) throws {
        guard arguments.count == 1 else { throw LayerError("'\(entry)': write dense N") }
        width = try LayerError.count(arguments, 0, "the width", entry: entry)
    }

    public func build<S: Scalar>(on input: LayerInput, initialization: Dense<S>.Initialization, as: S.Type) throws -> (layer: AnyLayer<S>?, output: LayerInput) {
        // Counted in checked arithmetic before the layer exists (a flattened map may be wide).
        guard let weights = CheckedCount.product([input.width + 1, width]), weights <= 1 << 32 else {
            throw LayerError("a dense layer of \(width) units on \(input.width) inputs holds more than \(1 << 32) weights; make it smaller")
        }
        return (.dense(Dense(input.width, width, initialization: initialization)), .vector(width))
    }
}
