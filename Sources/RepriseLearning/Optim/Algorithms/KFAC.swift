import RepriseConfig
import RepriseNumerics

/// K-FAC (Martens & Grosse 2015) with sampled labels, the baseline of ISAAC's paper (BackPACK's
/// `KFAC` extension, the Monte-Carlo GGN; papers.md §2). Per dense layer, every `update_every` steps,
/// the factors `A = aᵀa/b + λI_n` (inputs) and `G = ḡᵀḡ/b + λI_m` (per-example output gradients for
/// labels sampled from the model, one extra backward pass without parameter gradients, stream
/// `kfac-sampling`) are formed and factored by Cholesky; every step the layer's block of `u` becomes
///
///     ∇W ← (aᵀa/b + λI)⁻¹ ∇W (ḡᵀḡ/b + λI)⁻¹        (n×m, row convention: ∇W = aᵀg)
///     ∇b ← ∇b (ḡᵀḡ/b + λI)⁻¹                      (BackPACK's factor of a bias is G alone)
///
/// Between refreshes the last factors are reused.
public struct KFAC: TransformationDefinition {
    public static let component = ComponentDescription(
        name: "kfac", kind: .transformation,
        summary: "K-FAC with sampled labels: per-layer (aᵀa/b + λI)⁻¹ ∇W (ḡᵀḡ/b + λI)⁻¹ by Cholesky (ISAAC's baseline)",
        keys: [
            .value("damping", .number, .double(0.1), .between(1e-12, 1e12), "λ: the Tikhonov damping added to each factor"),
            .value("update_every", .int, .int(1), .between(1, 1_000_000), "refresh the factors every this many steps"),
            .optional("layers", .ints, .entries(between: 1, 1000), "the dense layers preconditioned, 1-based (absent: all)"),
        ],
        needs: [.layerStatistics, .sampledGradients],
        diagnostics: [.minimize("kfac_double_fallbacks", label: "K-FAC Double fallbacks", unit: "layers per step")],
        // Per layer: aᵀa/b of (n+1)², ḡᵀḡ/b of m², each with its Cholesky factor.
        memory: { s, e in e.addingLayerFactors("K-FAC", layers: s.has("layers") ? s.ints("layers") : nil) { [$0[0] + 1, $0[0] + 1, $0[1], $0[1]] } })

    public var damping: Double
    public var updateEvery: Int
    public var layers: [Int]?

    public init(_ s: Settings) {
        damping = s.number("damping")
        updateEvery = s.int("update_every")
        layers = s.has("layers") ? s.ints("layers") : nil
    }

    public func unsupported(layers dense: [DenseLayout]) -> String? {
        do { _ = try ISAAC.chosen(layers, of: dense.count); return nil } catch { return "\(error)" }
    }

    public func make<S: Scalar>(_ setup: TransformSetup, as: S.Type) -> [any GradientTransformation<S>] {
        [KFACLink<S>(self, layers: (try? ISAAC.chosen(layers, of: setup.layers.count)) ?? [], setup: setup)]
    }
}

final class KFACLink<S: Scalar>: GradientTransformation {
    private let definition: KFAC
    private let layers: [Int]
    private let layouts: [DenseLayout]
    private var factors: [KFACFactors<S>]
    private var rng: RandomStream
    private let fallbacks: DiagnosticSlot
    private var doubleRefreshes = 0
    var stateBytes: Int { factors.reduce(0) { $0 + $1.bytes } }

    /// The factors between refreshes (`update_every` > 1 reuses them), the sampling stream and the
    /// fallback count.
    func save(into state: inout StateArchive) {
        for (i, f) in factors.enumerated() { state.put("layer-\(i)", part: f.state) }
        state.put("rng", rng)
        state.put("double_refreshes", doubleRefreshes)
    }

    func restore(from state: StateArchive) throws {
        for i in factors.indices { try factors[i].restore(from: state.part("layer-\(i)")) }
        rng = try state.stream("rng")
        doubleRefreshes = try state.int("double_refreshes")
    }

    init(_ definition: KFAC, layers: Set<Int>, setup: TransformSetup) {
        self.definition = definition
        self.layers = layers.sorted()
        layouts = setup.layers
        factors = setup.layers.map { _ in KFACFactors<S>() }
        rng = setup.streams.stream("kfac-sampling")
        fallbacks = setup.diagnostics.slot("kfac_double_fallbacks")
    }

    func update(_ u: UnsafeMutableBufferPointer<S>, parameters θ: UnsafeBufferPointer<S>, context: StepContext<S>) {
        if (context.t - 1) % definition.updateEvery == 0 {
            let plain = context.oracle.denseLayers
            let sampled = context.oracle.sampledOutputGradients(rng: &rng)
            for i in layers {
                let layer = plain[i], bar = sampled[i]
                layer.inputs.storage.withUnsafeBufferPointer { a in
                    bar.outputGradients.storage.withUnsafeBufferPointer { gBar in
                        factors[i].refresh(inputs: a.baseAddress!, gBarMean: gBar.baseAddress!, b: layer.inputs.rows,
                                           n: layer.layout.inputs, m: layer.layout.outputs, damping: definition.damping)
                    }
                }
                if factors[i].usedDouble { doubleRefreshes += 1 }
            }
        }
        for i in layers where factors[i].ready {
            let layout = layouts[i]
            factors[i].precondition(weights: u.baseAddress! + layout.offset, bias: u.baseAddress! + layout.biasOffset,
                                    n: layout.inputs, m: layout.outputs)
        }
        fallbacks.publish(Double(doubleRefreshes))
    }
}
