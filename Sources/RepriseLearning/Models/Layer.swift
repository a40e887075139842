import RepriseNumerics

/// One layer of a sequential network, in the row-vector convention of the papers: a batch is a
/// matrix whose rows are examples, `y = f(x; θ)`. Each layer keeps its three derivatives side by side:
///
/// - `forward`: `y = f(x; θ)`;
/// - `backward` (reverse mode): given `∂L/∂y`, the parameter gradient `∂L/∂θ` and, when asked,
///   the input gradient `∂L/∂x`;
/// - `directional` (forward mode): given a direction `θ̇` in parameter space and the input's
///   derivative `ẋ` along it, the output's derivative `ẏ = ∂f/∂x·ẋ + ∂f/∂θ·θ̇`.
///
/// A layer owns no parameters: it reads its slice of the network's flat parameter vector, so every
/// optimiser works on one contiguous vector. Second-order forward (Taylor) mode adds a fourth method
/// with `(x, ẋ, ẍ) ↦ (y, ẏ, ÿ)` beside these; per-layer rewriting of the weight gradient (ISAAC)
/// replaces the one line of `Dense.backward` that forms `aᵀg` from the batch inputs and output
/// gradients. Neither touches the runner.
public protocol Layer<S> {
    associatedtype S: Scalar
    var inputWidth: Int { get }
    var outputWidth: Int { get }
    var parameterCount: Int { get }

    /// Writes initial parameters, drawing from `rng`.
    func initialize(_ θ: UnsafeMutableBufferPointer<S>, rng: inout RandomStream)

    /// `y = f(x; θ)`; `y` has `x.rows` rows.
    func forward(_ x: Matrix<S>, _ θ: UnsafeBufferPointer<S>, into y: inout Matrix<S>)

    /// Reverse mode: writes `∂L/∂θ` into `dθ` (overwriting) and, if `dx` is given, `∂L/∂x` into it.
    func backward(_ x: Matrix<S>, _ y: Matrix<S>, _ dy: Matrix<S>, _ θ: UnsafeBufferPointer<S>,
                  parameterGradient dθ: UnsafeMutableBufferPointer<S>, inputGradient dx: inout Matrix<S>,
                  needsInputGradient: Bool)

    /// Forward mode: `ẏ = ∂f/∂x·ẋ + ∂f/∂θ·θ̇`. `ẋ == nil` means the input does not depend on θ.
    func directional(_ x: Matrix<S>, _ xDot: Matrix<S>?, _ y: Matrix<S>, _ θ: UnsafeBufferPointer<S>,
                     _ θDot: UnsafeBufferPointer<S>, into yDot: inout Matrix<S>)

    /// Second-order forward (Taylor) mode along the line `θ + t·θ̇` (so `θ̈ = 0`): given the input's
    /// first and second derivatives `ẋ`, `ẍ` (nil: the input does not depend on θ), writes `ẏ` and `ÿ`.
    func secondDirectional(_ x: Matrix<S>, _ xDot: Matrix<S>?, _ xDDot: Matrix<S>?, _ θ: UnsafeBufferPointer<S>,
                           _ θDot: UnsafeBufferPointer<S>, into yDot: inout Matrix<S>, _ yDDot: inout Matrix<S>)
}

/// The layers a `Network` is built from. Dense layers and activations dispatch through this enum
/// rather than an existential, so that an MLP of `Float` is compiled into fully specialised code;
/// any other layer (a convolution, a pooling) is one file implementing `Layer` and enters as
/// `.other`, whose per-call dispatch is negligible beside its work.
public enum AnyLayer<S: Scalar> {
    case dense(Dense<S>)
    case activation(ActivationLayer<S>)
    case other(any Layer<S>)

    @inline(__always) var layer: any Layer<S> {
        switch self {
        case .dense(let l): return l
        case .activation(let l): return l
        case .other(let l): return l
        }
    }

    var inputWidth: Int { layer.inputWidth }
    var outputWidth: Int { layer.outputWidth }
    var parameterCount: Int { layer.parameterCount }

    func initialize(_ θ: UnsafeMutableBufferPointer<S>, rng: inout RandomStream) {
        switch self {
        case .dense(let l): l.initialize(θ, rng: &rng)
        case .activation(let l): l.initialize(θ, rng: &rng)
        case .other(let l): l.initialize(θ, rng: &rng)
        }
    }

    @inline(__always)
    func forward(_ x: Matrix<S>, _ θ: UnsafeBufferPointer<S>, into y: inout Matrix<S>) {
        switch self {
        case .dense(let l): l.forward(x, θ, into: &y)
        case .activation(let l): l.forward(x, θ, into: &y)
        case .other(let l): l.forward(x, θ, into: &y)
        }
    }

    @inline(__always)
    func backward(_ x: Matrix<S>, _ y: Matrix<S>, _ dy: Matrix<S>, _ θ: UnsafeBufferPointer<S>,
                  parameterGradient dθ: UnsafeMutableBufferPointer<S>, inputGradient dx: inout Matrix<S>,
                  needsInputGradient: Bool) {
        switch self {
        case .dense(let l):
            l.backward(x, y, dy, θ, parameterGradient: dθ, inputGradient: &dx, needsInputGradient: needsInputGradient)
        case .activation(let l):
            l.backward(x, y, dy, θ, parameterGradient: dθ, inputGradient: &dx, needsInputGradient: needsInputGradient)
        case .other(let l):
            l.backward(x, y, dy, θ, parameterGradient: dθ, inputGradient: &dx, needsInputGradient: needsInputGradient)
        }
    }

    @inline(__always)
    func directional(_ x: Matrix<S>, _ xDot: Matrix<S>?, _ y: Matrix<S>, _ θ: UnsafeBufferPointer<S>,
                     _ θDot: UnsafeBufferPointer<S>, into yDot: inout Matrix<S>) {
        switch self {
        case .dense(let l): l.directional(x, xDot, y, θ, θDot, into: &yDot)
        case .activation(let l): l.directional(x, xDot, y, θ, θDot, into: &yDot)
        case .other(let l): l.directional(x, xDot, y, θ, θDot, into: &yDot)
        }
    }

    @inline(__always)
    func secondDirectional(_ x: Matrix<S>, _ xDot: Matrix<S>?, _ xDDot: Matrix<S>?, _ θ: UnsafeBufferPointer<S>,
                           _ θDot: UnsafeBufferPointer<S>, into yDot: inout Matrix<S>, _ yDDot: inout Matrix<S>) {
        switch self {
        case .dense(let l): l.secondDirectional(x, xDot, xDDot, θ, θDot, into: &yDot, &yDDot)
        case .activation(let l): l.secondDirectional(x, xDot, xDDot, θ, θDot, into: &yDot, &yDDot)
        case .other(let l): l.secondDirectional(x, xDot, xDDot, θ, θDot, into: &yDot, &yDDot)
        }
    }
}
