import RepriseConfig
import RepriseNumerics

/// The questions a transformation may ask about the loss `L` on the current minibatch at the current
/// parameters `θ`, with `φ(t) = L(θ + t·d)` along a direction `d`. A problem answers those its
/// description lists in `provides`; validation refuses a transformation whose `needs` it lacks, so a
/// question outside `capabilities` is a programming error and stops with a message naming both.
public protocol LossOracle<S>: AnyObject {
    associatedtype S: Scalar
    var capabilities: OracleCapabilities { get }
    /// `L(θ)` on the current minibatch, as evaluated by the gradient pass.
    var loss: Double { get }
    /// `(φ(0), φ'(0)) = (L, gᵀd)` by forward mode (`.directional`).
    func directional(along d: UnsafeBufferPointer<S>) -> (value: Double, slope: Double)
    /// `(φ(0), φ'(0), φ''(0)) = (L, gᵀd, κ = dᵀHd)` (`.curvature`); networks compute it by `mode`,
    /// analytic objectives in closed form.
    func curvature(along d: UnsafeBufferPointer<S>, mode: CurvatureMode) -> (value: Double, slope: Double, curvature: Double)
    /// `φ(t) = L(θ + t·d)` on the current minibatch (`.directional`): one extra forward pass.
    func loss(at t: Double, along d: UnsafeBufferPointer<S>) -> Double
    /// Per dense layer, its batch inputs `a` (b×n) and output gradients `g = ∂L/∂y` (b×m) from the
    /// gradient pass (`.layerStatistics`). `g` carries the loss's `1/b`.
    var denseLayers: [LayerBatch<S>] { get }
    /// The gradient of the loss for labels sampled from the model's predictive distribution
    /// (categorical for cross-entropy, Gaussian for MSE), drawn from `rng`, written into `gradient`;
    /// returns each dense layer's `a` and sampled output gradients `ḡ` (`.sampledGradients`).
    func sampledGradient(into gradient: UnsafeMutableBufferPointer<S>, rng: inout RandomStream) -> [LayerBatch<S>]
    /// As `sampledGradient` without forming the parameter gradient (only each dense layer's `a` and
    /// `ḡ`, which carries the loss's `1/b`): the cheaper pass K-FAC and ISAAC's ζ need.
    func sampledOutputGradients(rng: inout RandomStream) -> [LayerBatch<S>]
}

/// One dense layer's view of the minibatch.
public struct LayerBatch<S: Scalar> {
    public var layout: DenseLayout
    /// The layer's inputs `a`, one example per row (b×n).
    public var inputs: Matrix<S>
    /// The gradients of the loss with respect to the layer's outputs `g` (b×m).
    public var outputGradients: Matrix<S>
}

extension LossOracle {
    func unavailable(_ what: String) -> Never {
        preconditionFailure("this problem's oracle does not provide \(what); validation should have refused the spec (declare it in the transformation's `needs`)")
    }
    public func directional(along d: UnsafeBufferPointer<S>) -> (value: Double, slope: Double) { unavailable("directional derivatives") }
    public func curvature(along d: UnsafeBufferPointer<S>, mode: CurvatureMode) -> (value: Double, slope: Double, curvature: Double) {
        unavailable("curvature along a direction")
    }
    public func loss(at t: Double, along d: UnsafeBufferPointer<S>) -> Double { unavailable("the loss along a direction") }
    public var denseLayers: [LayerBatch<S>] { unavailable("per-layer inputs and output gradients") }
    public func sampledGradient(into gradient: UnsafeMutableBufferPointer<S>, rng: inout RandomStream) -> [LayerBatch<S>] {
        unavailable("sampled-label gradients")
    }
    public func sampledOutputGradients(rng: inout RandomStream) -> [LayerBatch<S>] { unavailable("sampled-label gradients") }
}

/// The oracle of an optimizer used on fixed gradients (tests, benchmarks): it knows nothing.
public final class NoOracle<S: Scalar>: LossOracle {
    public init() {}
    public var capabilities: OracleCapabilities { [] }
    public var loss: Double { .nan }
}
