import Foundation
import RepriseConfig
import RepriseNumerics

/// Curvature rescaling of the learning rate (Gossard & de Gournay, arXiv 2210.14520, 2022), as
/// **reconstructed by Reprise** from the abstracts (papers.md §1; no code or full text exists).
///
/// It follows any base chain whose output `u` defines the descent direction `d = −u` (SGD: `−g`;
/// heavy ball: the momentum buffer; Adam: `−m̂/(√v̂ + ε)`). On the current minibatch, with
/// `φ(t) = L(θ + t·d)`, the slope `s = φ'(0) = gᵀd` and the curvature `κ = φ''(0) = dᵀHd` (second-order
/// forward mode, `mode`), the minimiser of the quadratic model along `d` is `t* = −s/κ`, and the step is
///
///     θ ← θ + ρ·t*·d,      ρ_e = ρ·γ^e in epoch e (γ = `rho_decay`; 1 keeps ρ constant).
///
/// `ρ` is the regime parameter: on a quadratic, `0 < ρ < 2` lowers the loss along `d` (`ρ = 1` is the
/// exact line minimum: convergence), `ρ = 2` returns to the same level, `ρ > 2` raises it
/// (exploration). When `κ ≤ 0` or `t*` is not finite, `nonconvex` decides: `base` takes the base
/// chain's step `θ ← θ − lr·u`, `abs` uses `|κ|` (and, when κ is exactly 0 so that `|κ|` gives no
/// finite step either, takes the base step as `base` does — it never stands still), `skip` leaves θ
/// unchanged. The chain's learning
/// rate then only serves the `base` fallback: the step's length is `ρ·t*`.
public struct CurvatureRescaling: TransformationDefinition {
    public static let component = ComponentDescription(
        name: "curvature_rescale", kind: .transformation,
        summary: "step ρ·t*·d with t* = −gᵀd/dᵀHd along the base chain's direction (Gossard & de Gournay 2022, reconstructed)",
        keys: [
            .value("rho", .number, .double(1), .between(1e-6, 1e3), "ρ: the regime parameter (1: line minimum; 2: same level; > 2: exploration)"),
            .value("rho_decay", .number, .double(1), Check("in (0, 1]") { v in (v.number ?? 1) > 0 && (v.number ?? 1) <= 1 },
                   "γ: ρ is multiplied by γ every epoch (exponential decay; 1: constant)"),
            .value("mode", .string(CurvatureMode.allCases.map(\.rawValue)), .string("taylor"), nil,
                   "how κ is computed: taylor (one second-order forward pass) or reuse (tangents over the gradient pass's activations)"),
            .value("nonconvex", .string(["base", "abs", "skip"]), .string("base"), nil,
                   "when κ ≤ 0 or t* is not finite: the base chain's step, |κ|, or no step"),
            .value("same_batch_check", .bool, .bool(false), nil,
                   "record the minibatch loss change of each step and whether it lowered the loss (one extra forward pass)"),
        ],
        needs: [.curvature, .directional],
        diagnostics: [.neutral("curvature", label: "curvature κ = dᵀHd"), .neutral("slope", label: "slope s = gᵀd"),
                      .neutral("step_size", label: "step size ρ·t*"), .minimize("nonconvex_fallback", label: "non-convex fallbacks", unit: "fraction of steps"),
                      .minimize("same_batch_loss_change", label: "same-batch loss change"),
                      .maximize("same_batch_lowered", label: "steps that lowered their minibatch's loss", unit: "fraction")])

    public var rho: Double, rhoDecay: Double, mode: CurvatureMode, nonconvex: String, sameBatchCheck: Bool

    public init(_ s: Settings) {
        rho = s.number("rho")
        rhoDecay = s.number("rho_decay")
        mode = CurvatureMode(rawValue: s.string("mode")) ?? .taylor
        nonconvex = s.string("nonconvex")
        sameBatchCheck = s.bool("same_batch_check")
    }

    public func make<S: Scalar>(_ setup: TransformSetup, as: S.Type) -> [any GradientTransformation<S>] {
        [CurvatureRescale<S>(self, diagnostics: setup.diagnostics)]
    }
}

final class CurvatureRescale<S: Scalar>: GradientTransformation {
    private let definition: CurvatureRescaling
    private let curvature, slope, stepSize, fallback, change, lowered: DiagnosticSlot
    /// None of its own: κ's passes use the network's buffers (counted there, by mode).
    var stateBytes: Int { 0 }
    /// Stateless: ρ's decay reads the clock, κ is measured afresh every step.
    func save(into state: inout StateArchive) {}
    func restore(from state: StateArchive) throws {}

    init(_ d: CurvatureRescaling, diagnostics: Diagnostics) {
        definition = d
        curvature = diagnostics.slot("curvature")
        slope = diagnostics.slot("slope")
        stepSize = diagnostics.slot("step_size")
        fallback = diagnostics.slot("nonconvex_fallback")
        change = diagnostics.slot("same_batch_loss_change")
        lowered = diagnostics.slot("same_batch_lowered")
    }

    @_specialize(where S == Float)
    @_specialize(where S == Double)
    func update(_ u: UnsafeMutableBufferPointer<S>, parameters θ: UnsafeBufferPointer<S>, context: StepContext<S>) {
        let d = definition
        // Along u = −d: κ is the same, and the slope changes sign.
        let (value, slopeU, κ) = context.oracle.curvature(along: UnsafeBufferPointer(u), mode: d.mode)
        let ρ = d.rho * pow(d.rhoDecay, Double(context.clock.epoch))
        let s = -slopeU
        var t = -s / κ, fellBack = false
        if !(κ > 0) || !t.isFinite {
            fellBack = true
            switch d.nonconvex {
            case "abs": t = -s / abs(κ)
            case "skip": t = 0
            default: t = .nan  // the base step
            }
            if d.nonconvex == "abs" && !t.isFinite { t = .nan }   // κ = 0 exactly: the base step
        }
        // The step along d, ρ·t*, or the base chain's lr when falling back to it.
        let lr = context.learningRate
        let step = t.isNaN ? lr : ρ * t
        // The last link applies θ ← θ − lr·u: scale u so that it moves θ by `step` along d = −u.
        let factor = lr > 0 && step.isFinite ? step / lr : 0
        if factor != 1 { for i in 0..<u.count { u[i] *= S(factor) } }
        curvature.publish(κ)
        slope.publish(s)
        stepSize.publish(factor == 0 ? 0 : step)
        fallback.publish(fellBack ? 1 : 0)
        if d.sameBatchCheck {
            let difference = context.oracle.loss(at: -lr, along: UnsafeBufferPointer(u)) - value
            change.publish(difference)
            lowered.publish(difference < 0 ? 1 : 0)
        } else {
            change.publish(.nan)
            lowered.publish(.nan)
        }
    }
}
