import RepriseLearning
import RepriseNumerics

/// A layer type defined in the test target only, to show that adding one is one file and one
/// registration (`registry.register(ChannelScale.self)`): the entry `scale` multiplies each channel
/// of a feature map by its own learned factor, `y[c,i,j] = a[c]·x[c,i,j]` (factors start at 1).
/// It is bilinear in `x` and `a`, so along `θ + tθ̇`:
///
///     ẏ = a·ẋ + ȧ·x,    ÿ = a·ẍ + 2·ȧ·ẋ,    ∂L/∂a[c] = Σ_{i,j} ∂L/∂y·x,    ∂L/∂x = a·∂L/∂y.
struct ChannelScale: LayerDefinition {
    static let keywords = ["scale"]
    static let syntax = "scale"

    init(keyword: String, arguments: [String], entry: String) throws {
        guard arguments.isEmpty else { throw LayerError("'\(entry)': scale takes nothing") }
    }

    func build<S: Scalar>(on input: LayerInput, initialization: Dense<S>.Initialization, as: S.Type) throws -> (layer: AnyLayer<S>?, output: LayerInput) {
        guard case .map(let shape) = input else { throw LayerError("scale needs a feature map (it scales channels)") }
        return (.other(Layer<S>(shape: shape)), input)
    }

    struct Layer<S: Scalar>: RepriseLearning.Layer {
        let shape: FeatureShape
        var inputWidth: Int { shape.count }
        var outputWidth: Int { shape.count }
        var parameterCount: Int { shape.channels }
        private var plane: Int { shape.height * shape.width }

        func initialize(_ θ: UnsafeMutableBufferPointer<S>, rng: inout RandomStream) {
            for c in θ.indices { θ[c] = 1 }
        }

        /// `out += Σ_terms factor·a[c]·x[c,·]` over the batch, one (factors, input) pair at a time.
        private func scaled(_ terms: [(UnsafeBufferPointer<S>, Matrix<S>, S)], into out: inout Matrix<S>) {
            out.storage.withUnsafeMutableBufferPointer { y in
                for (a, x, factor) in terms {
                    for r in 0..<x.rows { for c in 0..<shape.channels { for q in 0..<plane {
                        let k = r * shape.count + c * plane + q
                        y[k] += factor * a[c] * x.storage[k]
                    } } }
                }
            }
        }

        func forward(_ x: Matrix<S>, _ θ: UnsafeBufferPointer<S>, into y: inout Matrix<S>) {
            y.fill(0)
            scaled([(θ, x, 1)], into: &y)
        }

        func backward(_ x: Matrix<S>, _ y: Matrix<S>, _ dy: Matrix<S>, _ θ: UnsafeBufferPointer<S>,
                      parameterGradient dθ: UnsafeMutableBufferPointer<S>, inputGradient dx: inout Matrix<S>, needsInputGradient: Bool) {
            if dθ.baseAddress != nil {
                for c in 0..<shape.channels {
                    var sum = S(0)
                    for r in 0..<x.rows { for q in 0..<plane { let k = r * shape.count + c * plane + q; sum += dy.storage[k] * x.storage[k] } }
                    dθ[c] = sum
                }
            }
            if needsInputGradient {
                dx.fill(0)
                scaled([(θ, dy, 1)], into: &dx)
            }
        }

        func directional(_ x: Matrix<S>, _ xDot: Matrix<S>?, _ y: Matrix<S>, _ θ: UnsafeBufferPointer<S>,
                         _ θDot: UnsafeBufferPointer<S>, into yDot: inout Matrix<S>) {
            yDot.fill(0)
            var terms: [(UnsafeBufferPointer<S>, Matrix<S>, S)] = [(θDot, x, 1)]
            if let xDot { terms.append((θ, xDot, 1)) }
            scaled(terms, into: &yDot)
        }

        func secondDirectional(_ x: Matrix<S>, _ xDot: Matrix<S>?, _ xDDot: Matrix<S>?, _ θ: UnsafeBufferPointer<S>,
                               _ θDot: UnsafeBufferPointer<S>, into yDot: inout Matrix<S>, _ yDDot: inout Matrix<S>) {
            directional(x, xDot, x, θ, θDot, into: &yDot)
            yDDot.fill(0)
            var terms: [(UnsafeBufferPointer<S>, Matrix<S>, S)] = []
            if let xDDot { terms.append((θ, xDDot, 1)) }
            if let xDot { terms.append((θDot, xDot, 2)) }
            scaled(terms, into: &yDDot)
        }
    }
}
