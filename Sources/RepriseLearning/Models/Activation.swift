import RepriseNumerics

/// Elementwise nonlinearities `σ`, each with its first and second derivative (the second is what a
/// second-order forward mode needs: `ÿ = σ'(x)·ẍ + σ''(x)·ẋ²`).
public enum Activation: String, Sendable, CaseIterable {
    case relu, tanh, sigmoid, softplus

    /// `σ(x)`.
    @inline(__always) public func value<S: Scalar>(_ x: S) -> S {
        switch self {
        case .relu: return x > 0 ? x : 0
        case .tanh: return S.tanh(x)
        case .sigmoid: return 1 / (1 + S.exp(-x))
        // log(1 + eˣ) = max(x, 0) + log1p(e^{−|x|}), stable for large |x|.
        case .softplus: return max(x, 0) + S.log1p(S.exp(-abs(x)))
        }
    }

    /// `σ'(x)`; ReLU's is taken as 0 at 0.
    @inline(__always) public func derivative<S: Scalar>(_ x: S) -> S {
        switch self {
        case .relu: return x > 0 ? 1 : 0
        case .tanh: let t = S.tanh(x); return 1 - t * t
        case .sigmoid: let s = 1 / (1 + S.exp(-x)); return s * (1 - s)
        case .softplus: return 1 / (1 + S.exp(-x))  // softplus' = sigmoid
        }
    }

    /// `σ''(x)`; ReLU's is 0 almost everywhere.
    @inline(__always) public func secondDerivative<S: Scalar>(_ x: S) -> S {
        switch self {
        case .relu: return 0
        case .tanh: let t = S.tanh(x); return -2 * t * (1 - t * t)
        case .sigmoid: let s = 1 / (1 + S.exp(-x)); return s * (1 - s) * (1 - 2 * s)
        case .softplus: let s = 1 / (1 + S.exp(-x)); return s * (1 - s)
        }
    }
}

/// Elementwise layer `y = σ(x)`; no parameters.
public struct ActivationLayer<S: Scalar>: Layer {
    public let activation: Activation
    public let width: Int

    public init(_ activation: Activation, width: Int) {
        self.activation = activation
        self.width = width
    }

    public var inputWidth: Int { width }
    public var outputWidth: Int { width }
    public var parameterCount: Int { 0 }

    public func initialize(_ θ: UnsafeMutableBufferPointer<S>, rng: inout RandomStream) {}

    /// `y = σ(x)`.
    public func forward(_ x: Matrix<S>, _ θ: UnsafeBufferPointer<S>, into y: inout Matrix<S>) {
        let σ = activation
        x.storage.withUnsafeBufferPointer { px in
            y.storage.withUnsafeMutableBufferPointer { py in
                if σ == .relu {
                    let xs = px.baseAddress!, ys = py.baseAddress!
                    Parallel.ranges(x.count) { r in Elementwise.relu(xs + r.lowerBound, ys + r.lowerBound, count: r.count) }
                    return
                }
                for i in 0..<x.count { py[i] = σ.value(px[i]) }
            }
        }
    }

    /// `∂L/∂x = σ'(x) ⊙ ∂L/∂y`.
    public func backward(_ x: Matrix<S>, _ y: Matrix<S>, _ dy: Matrix<S>, _ θ: UnsafeBufferPointer<S>,
                         parameterGradient dθ: UnsafeMutableBufferPointer<S>, inputGradient dx: inout Matrix<S>,
                         needsInputGradient: Bool) {
        guard needsInputGradient else { return }
        let σ = activation
        x.storage.withUnsafeBufferPointer { px in
            dy.storage.withUnsafeBufferPointer { pdy in
                dx.storage.withUnsafeMutableBufferPointer { pdx in
                    if σ == .relu {  // σ' from the sign alone: the hot path of every ReLU network
                        let xs = px.baseAddress!, gs = pdy.baseAddress!, ds = pdx.baseAddress!
                        Parallel.ranges(x.count) { r in
                            Elementwise.reluBackward(xs + r.lowerBound, gs + r.lowerBound, ds + r.lowerBound, count: r.count)
                        }
                    } else {
                        for i in 0..<x.count { pdx[i] = σ.derivative(px[i]) * pdy[i] }
                    }
                }
            }
        }
    }

    /// `ẏ = σ'(x) ⊙ ẋ`.
    public func directional(_ x: Matrix<S>, _ xDot: Matrix<S>?, _ y: Matrix<S>, _ θ: UnsafeBufferPointer<S>,
                            _ θDot: UnsafeBufferPointer<S>, into yDot: inout Matrix<S>) {
        guard let xDot else { yDot.fill(0); return }
        let σ = activation
        x.storage.withUnsafeBufferPointer { px in
            xDot.storage.withUnsafeBufferPointer { pxd in
                yDot.storage.withUnsafeMutableBufferPointer { pyd in
                    for i in 0..<x.count { pyd[i] = σ.derivative(px[i]) * pxd[i] }
                }
            }
        }
    }

    /// `ẏ = σ'(x)ẋ`, `ÿ = σ'(x)ẍ + σ''(x)ẋ²`.
    public func secondDirectional(_ x: Matrix<S>, _ xDot: Matrix<S>?, _ xDDot: Matrix<S>?, _ θ: UnsafeBufferPointer<S>,
                                  _ θDot: UnsafeBufferPointer<S>, into yDot: inout Matrix<S>, _ yDDot: inout Matrix<S>) {
        guard let xDot else { yDot.fill(0); yDDot.fill(0); return }
        let σ = activation
        x.storage.withUnsafeBufferPointer { px in
            xDot.storage.withUnsafeBufferPointer { pxd in
                yDot.storage.withUnsafeMutableBufferPointer { pyd in
                    yDDot.storage.withUnsafeMutableBufferPointer { pydd in
                        if let xDDot {
                            xDDot.storage.withUnsafeBufferPointer { pxdd in
                                for i in 0..<x.count {
                                    let d1 = σ.derivative(px[i]), d2 = σ.secondDerivative(px[i])
                                    pyd[i] = d1 * pxd[i]
                                    pydd[i] = d1 * pxdd[i] + d2 * pxd[i] * pxd[i]
                                }
                            }
                        } else {
                            for i in 0..<x.count {
                                pyd[i] = σ.derivative(px[i]) * pxd[i]
                                pydd[i] = σ.secondDerivative(px[i]) * pxd[i] * pxd[i]
                            }
                        }
                    }
                }
            }
        }
    }
}

/// The layer-list entries `relu`, `tanh`, `sigmoid`, `softplus`: the activation, elementwise, on a
/// feature map or a vector (the shape is kept).
public struct ActivationEntry: LayerDefinition {
    public static let keywords = Activation.allCases.map(\.rawValue)
    public static let syntax = Activation.allCases.map(\.rawValue).joined(separator: ", ")
    public let activation: Activation

    public init(keyword: String, arguments: [String], entry: String) throws {
        guard arguments.isEmpty, let a = Activation(rawValue: keyword) else { throw LayerError("'\(entry)': an activation takes nothing") }
        activation = a
    }

    public func build<S: Scalar>(on input: LayerInput, initialization: Dense<S>.Initialization, as: S.Type) throws -> (layer: AnyLayer<S>?, output: LayerInput) {
        (.activation(ActivationLayer(activation, width: input.width)), input)
    }
}
