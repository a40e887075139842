import RepriseConfig
import RepriseNumerics

/// ISAAC (Petersen, Sutter, Borgelt, Huh, Kuehne, Sun, Deussen; ICLR 2023; papers.md §2): each
/// chosen dense layer's weight gradient `aᵀg` is replaced by a Kronecker-factored preconditioned
/// one; the bias gradient is unchanged. The result is fed to the rest of the chain (SGD, momentum,
/// Adam): `chain = ["isaac", "sgd"]`.
///
/// - Without `lambda_g` (`λ_g → ∞`, Theorem 3, eq. 21): `ζ*`, computed inside the gradient pass *in
///   place of* `aᵀg` (a `WeightGradientRule`), from the layer's inputs alone: no extra pass.
/// - With `lambda_g` (Theorem 1, eq. 20, Woodbury form): `ζ`, which also needs the output gradients
///   `ḡ` for labels sampled from the model's predictive distribution (Remark 1: one extra backward
///   pass, without parameter gradients; categorical for cross-entropy, Gaussian for MSE), drawn from
///   the stream `isaac-sampling`. `ζ` overwrites the gradient of the chosen layers, so `isaac` must be
///   the chain's first link.
///
/// The operators and their forms (`b < n`: `b×b` systems; `b ≥ n`: `n×n`) are in `ISAACKernels`.
public struct ISAAC: TransformationDefinition {
    public static let component = ComponentDescription(
        name: "isaac", kind: .transformation,
        summary: "ISAAC: per-layer input-based preconditioning ζ* (λ_g = ∞) or ζ with sampled ḡ (Petersen et al., ICLR 2023)",
        keys: [
            .value("lambda_a", .number, .double(1), .between(1e-12, 1e12), "λ_a: the regulariser of the input factor aᵀa/b"),
            .optional("lambda_g", .number, .between(1e-12, 1e12),
                      "λ_g: the regulariser of the sampled output-gradient factor ḡᵀḡ/b (absent: λ_g = ∞, i.e. ζ*)"),
            .optional("layers", .ints, .entries(between: 1, 1000), "the dense layers preconditioned, 1-based as in the paper (absent: all)"),
        ],
        needs: [.layerStatistics, .sampledGradients],
        diagnostics: [.minimize("isaac_double_fallbacks", label: "ISAAC Double fallbacks", unit: "layers per step")],
        // Per layer: the b×b input and output Gram factors (Woodbury: the batch's size, not the layer's).
        memory: { s, e in
            let b = max(1, e.batchSize)
            return e.addingLayerFactors("ISAAC", layers: s.has("layers") ? s.ints("layers") : nil) { _ in [b, b, b, b] }
        })

    public var lambdaA: Double
    public var lambdaG: Double?
    public var layers: [Int]?

    public init(_ s: Settings) {
        lambdaA = s.number("lambda_a")
        lambdaG = s.has("lambda_g") ? s.number("lambda_g") : nil
        layers = s.has("layers") ? s.ints("layers") : nil
    }

    /// The chosen dense layers, 0-based, or the reason they do not exist.
    static func chosen(_ layers: [Int]?, of count: Int) throws -> Set<Int> {
        guard let layers else { return Set(0..<count) }
        if let bad = layers.first(where: { $0 > count }) {
            throw BuildError("layers: the network has \(count) dense layers (numbered 1 to \(count)); there is no layer \(bad)")
        }
        return Set(layers.map { $0 - 1 })
    }

    public func unsupported(layers dense: [DenseLayout]) -> String? {
        do { _ = try Self.chosen(layers, of: dense.count); return nil } catch { return "\(error)" }
    }

    public var mustComeFirst: Bool { true }

    public func make<S: Scalar>(_ setup: TransformSetup, as: S.Type) -> [any GradientTransformation<S>] {
        guard let lambdaG else { return [] }
        return [ZetaLink<S>(lambdaA: lambdaA, lambdaG: lambdaG, layers: (try? Self.chosen(layers, of: setup.layers.count)) ?? [],
                            setup: setup)]
    }

    public func weightGradientRule<S: Scalar>(_ setup: TransformSetup, as: S.Type) -> (any WeightGradientRule<S>)? {
        guard lambdaG == nil else { return nil }
        return ZetaStarRule<S>(lambdaA: lambdaA, layers: (try? Self.chosen(layers, of: setup.layers.count)) ?? [],
                               diagnostics: setup.diagnostics)
    }
}

/// ζ* inside the gradient pass: the chosen layers' weight gradients are written by `ISAACKernels`.
final class ZetaStarRule<S: Scalar>: WeightGradientRule {
    private let lambdaA: Double
    private let layers: Set<Int>
    private var kernels = ISAACKernels<S>()
    private let fallbacks: DiagnosticSlot
    var stateBytes: Int { kernels.bytes }

    init(lambdaA: Double, layers: Set<Int>, diagnostics: Diagnostics) {
        self.lambdaA = lambdaA
        self.layers = layers
        fallbacks = diagnostics.slot("isaac_double_fallbacks")
    }

    /// The factors are formed afresh every step; only the running fallback count is carried.
    func save(into state: inout StateArchive) { state.put("double_fallbacks", kernels.doubleFallbacks) }
    func restore(from state: StateArchive) throws { kernels.doubleFallbacks = try state.int("double_fallbacks") }

    func weightGradient(layer index: Int, inputs a: Matrix<S>, outputGradients g: Matrix<S>,
                        into dW: UnsafeMutablePointer<S>) -> Bool {
        guard layers.contains(index) else { return false }
        a.storage.withUnsafeBufferPointer { pa in
            g.storage.withUnsafeBufferPointer { pg in
                kernels.zetaStar(a: pa.baseAddress!, g: pg.baseAddress!, b: a.rows, n: a.cols, m: g.cols, lambdaA: lambdaA, into: dW)
            }
        }
        fallbacks.publish(Double(kernels.doubleFallbacks))
        return true
    }
}

/// ζ with finite `λ_g`: after the gradient pass, one sampled-label pass gives `ḡ`; each chosen
/// layer's block of `u` (which is still the gradient: `isaac` comes first) is overwritten by `ζᵀ`.
final class ZetaLink<S: Scalar>: GradientTransformation {
    private let lambdaA: Double, lambdaG: Double
    private let layers: Set<Int>
    private var kernels = ISAACKernels<S>()
    private var rng: RandomStream
    private let fallbacks: DiagnosticSlot
    var stateBytes: Int { kernels.bytes }

    init(lambdaA: Double, lambdaG: Double, layers: Set<Int>, setup: TransformSetup) {
        self.lambdaA = lambdaA
        self.lambdaG = lambdaG
        self.layers = layers
        rng = setup.streams.stream("isaac-sampling")
        fallbacks = setup.diagnostics.slot("isaac_double_fallbacks")
    }

    /// The sampling stream and the running fallback count (the factors are formed every step).
    func save(into state: inout StateArchive) {
        state.put("rng", rng)
        state.put("double_fallbacks", kernels.doubleFallbacks)
    }

    func restore(from state: StateArchive) throws {
        rng = try state.stream("rng")
        kernels.doubleFallbacks = try state.int("double_fallbacks")
    }

    func update(_ u: UnsafeMutableBufferPointer<S>, parameters θ: UnsafeBufferPointer<S>, context: StepContext<S>) {
        let plain = context.oracle.denseLayers
        let sampled = context.oracle.sampledOutputGradients(rng: &rng)
        for (i, (layer, bar)) in zip(plain, sampled).enumerated() where layers.contains(i) {
            let b = layer.inputs.rows, n = layer.layout.inputs, m = layer.layout.outputs
            layer.inputs.storage.withUnsafeBufferPointer { a in
                layer.outputGradients.storage.withUnsafeBufferPointer { g in
                    bar.outputGradients.storage.withUnsafeBufferPointer { gBar in
                        kernels.zeta(a: a.baseAddress!, g: g.baseAddress!, gBarMean: gBar.baseAddress!, b: b, n: n, m: m,
                                     lambdaA: lambdaA, lambdaG: lambdaG, into: u.baseAddress! + layer.layout.offset)
                    }
                }
            }
        }
        fallbacks.publish(Double(kernels.doubleFallbacks))
    }
}
