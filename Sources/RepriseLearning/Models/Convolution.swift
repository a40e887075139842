import RepriseConfig
import RepriseNumerics

/// The shape of one example's feature map, stored in a batch row channel-major (`C×H×W`, as
/// PyTorch's NCHW tensors flatten): entry `(c, i, j)` at `c·H·W + i·W + j`.
public struct FeatureShape: Sendable, Hashable, CustomStringConvertible {
    public var channels: Int, height: Int, width: Int
    public init(channels: Int, height: Int, width: Int) {
        self.channels = channels
        self.height = height
        self.width = width
    }
    public var count: Int { channels * height * width }
    public var description: String { "\(channels)×\(height)×\(width)" }
}

/// A convolution lowers at most this many column entries at once: a chunk of examples big enough
/// that one product call (and one wake-up of the threads) serves many, small enough to stay in
/// cache. Speed only: every example's product is computed alike whatever the chunk (tests shrink it).
nonisolated(unsafe) var convolutionChunkEntries = 1 << 20

/// 2-D convolution (cross-correlation, as PyTorch's `conv2d`): `O` filters of `C×k×k` with stride
/// `s` and zero padding `p`, plus a bias per filter,
///
///     y[o, i, j] = b[o] + Σ_{c,u,v} W[o, c, u, v] · x[c, s·i + u − p, s·j + v − p]
///
/// with `OH = ⌊(H + 2p − k)/s⌋ + 1` (and `OW` alike). Parameters in the layer's slice: `W` as
/// `O×C×k×k` (PyTorch's order), then `b`. Each example is lowered to columns (im2col,
/// `C·k·k × OH·OW`) and multiplied by `W` (`O × C·k·k`); the examples of a chunk are lowered on
/// the threads and multiplied in one grouped call (`gemmGroups`: each example's product the same
/// sequence of fmas as its own sgemm, so batching keeps every bit); the layer is linear in `x` and
/// in `W`, so its forward-mode derivatives are the same products on `ẋ`, `ẍ` and `Ẇ`:
///
///     ẏ = W∗ẋ + Ẇ∗x + ḃ,    ÿ = W∗ẍ + 2·Ẇ∗ẋ     (along θ + tθ̇: Ẅ = 0)
///
/// and reverse mode is `∂L/∂W = Σ_e ∂L/∂y_e · col(x_e)ᵀ`, `∂L/∂b = Σ ∂L/∂y`, `∂L/∂x = col2im(Wᵀ ∂L/∂y)`.
/// The weight gradient stays one product per example, added in example order: one product over
/// the whole batch would sum examples in one fma chain, another order, other bits.
public struct Conv2D<S: Scalar>: Layer {
    public let input: FeatureShape
    public let output: FeatureShape
    public let kernel: Int, stride: Int, padding: Int
    public let initialization: Dense<S>.Initialization
    private let columns = Scratch<S>(), gradientColumns = Scratch<S>()

    /// `padding` nil: "same" (`(k − 1)/2`, odd `k`, stride 1 keeps `H×W`).
    public init(input: FeatureShape, filters: Int, kernel: Int, stride: Int = 1, padding: Int? = nil,
                initialization: Dense<S>.Initialization = .he) {
        precondition(filters > 0 && kernel > 0 && stride > 0, "a convolution needs filters, a kernel and a stride ≥ 1")
        let p = padding ?? (kernel - 1) / 2
        precondition(p >= 0 && input.height + 2 * p >= kernel && input.width + 2 * p >= kernel,
                     "a \(kernel)×\(kernel) kernel with padding \(p) does not fit a \(input) input")
        self.input = input
        self.kernel = kernel
        self.stride = stride
        self.padding = p
        self.initialization = initialization
        output = FeatureShape(channels: filters, height: (input.height + 2 * p - kernel) / stride + 1,
                              width: (input.width + 2 * p - kernel) / stride + 1)
    }

    public var inputWidth: Int { input.count }
    public var outputWidth: Int { output.count }
    private var patch: Int { input.channels * kernel * kernel }
    private var positions: Int { output.height * output.width }
    private var weightCount: Int { output.channels * patch }
    public var parameterCount: Int { weightCount + output.channels }
    /// Bytes of its scratch columns (counted as the network's buffers).
    var scratchBytes: Int { columns.bytes + gradientColumns.bytes }

    /// He: `N(0, 2/fan_in)`; Glorot: `U(±√(6/(fan_in + fan_out)))`, fans of `C·k·k` and `O·k·k`.
    public func initialize(_ θ: UnsafeMutableBufferPointer<S>, rng: inout RandomStream) {
        initialization.draw(θ, count: weightCount, fanIn: Double(patch), fanOut: Double(output.channels * kernel * kernel), rng: &rng)
        for j in weightCount..<parameterCount { θ[j] = 0 }
    }

    @_specialize(where S == Float)
    @_specialize(where S == Double)
    public func forward(_ x: Matrix<S>, _ θ: UnsafeBufferPointer<S>, into y: inout Matrix<S>) {
        broadcastBias(θ, into: &y)
        convolve(x, θ, into: &y)
    }

    @_specialize(where S == Float)
    @_specialize(where S == Double)
    public func backward(_ x: Matrix<S>, _ y: Matrix<S>, _ dy: Matrix<S>, _ θ: UnsafeBufferPointer<S>,
                         parameterGradient dθ: UnsafeMutableBufferPointer<S>, inputGradient dx: inout Matrix<S>,
                         needsInputGradient: Bool) {
        let o = output.channels, ckk = patch, ohw = positions, rows = x.rows
        let hasParameters = dθ.baseAddress != nil
        if hasParameters {
            for i in 0..<weightCount { dθ[i] = 0 }
            // ∂L/∂b: every position of every example, summed in Double in row order, rounded once
            // (filters split over the threads: each sum is still one thread's, in the same order).
            dy.storage.withUnsafeBufferPointer { pdy in
                Parallel.items(o, cost: rows * ohw) { filters in
                    for f in filters {
                        var sum = 0.0
                        for r in 0..<rows {
                            let base = pdy.baseAddress! + r * output.count + f * ohw
                            for q in 0..<ohw { sum += Double(base[q]) }
                        }
                        dθ[weightCount + f] = S(sum)
                    }
                }
            }
        }
        if needsInputGradient { dx.fill(0) }
        guard hasParameters || needsInputGradient else { return }
        x.storage.withUnsafeBufferPointer { px in
            dy.storage.withUnsafeBufferPointer { pdy in
                dx.storage.withUnsafeMutableBufferPointer { pdx in
                    for chunk in chunks(rows) {
                        let g = pdy.baseAddress! + chunk.lowerBound * output.count
                        if hasParameters {
                            let col = lower(px.baseAddress!, chunk)
                            // ∂L/∂W (O×CKK) += g_e (O×OHW) · col_eᵀ, example after example (the order
                            // of the sum over examples is part of the bits).
                            for e in 0..<chunk.count {
                                S.gemm(transA: false, transB: true, m: o, n: ckk, k: ohw, alpha: 1, a: g + e * output.count, lda: ohw,
                                       b: col + e * ckk * ohw, ldb: ohw, beta: 1, c: dθ.baseAddress!, ldc: ckk)
                            }
                        }
                        guard needsInputGradient else { continue }
                        // dcol_e (CKK×OHW) = Wᵀ · g_e for the chunk's examples in one call, then each
                        // scattered back onto its input.
                        let dcol = gradientColumns.pointer(chunk.count * ckk * ohw)
                        S.gemmGroups(transA: true, transB: false, m: ckk, n: ohw, k: o, alpha: 1, a: θ.baseAddress!, lda: ckk,
                                     b: g, ldb: ohw, strideB: output.count, beta: 0, c: dcol, ldc: ohw, strideC: ckk * ohw,
                                     groups: chunk.count)
                        Parallel.items(chunk.count, cost: ckk * ohw) { examples in
                            for e in examples {
                                col2im(dcol + e * ckk * ohw, into: pdx.baseAddress! + (chunk.lowerBound + e) * input.count)
                            }
                        }
                    }
                }
            }
        }
    }

    @_specialize(where S == Float)
    @_specialize(where S == Double)
    public func directional(_ x: Matrix<S>, _ xDot: Matrix<S>?, _ y: Matrix<S>, _ θ: UnsafeBufferPointer<S>,
                            _ θDot: UnsafeBufferPointer<S>, into yDot: inout Matrix<S>) {
        broadcastBias(θDot, into: &yDot)
        convolve(x, θDot, into: &yDot)
        if let xDot { convolve(xDot, θ, into: &yDot) }
    }

    @_specialize(where S == Float)
    @_specialize(where S == Double)
    public func secondDirectional(_ x: Matrix<S>, _ xDot: Matrix<S>?, _ xDDot: Matrix<S>?, _ θ: UnsafeBufferPointer<S>,
                                  _ θDot: UnsafeBufferPointer<S>, into yDot: inout Matrix<S>, _ yDDot: inout Matrix<S>) {
        directional(x, xDot, x, θ, θDot, into: &yDot)
        yDDot.fill(0)
        if let xDDot { convolve(xDDot, θ, into: &yDDot) }
        if let xDot { convolve(xDot, θDot, into: &yDDot, alpha: 2) }
    }

    /// `y ← y + α·(W ∗ x)` with `W` the first `O·C·k·k` entries of `θ`: each chunk of examples
    /// lowered, then multiplied in one call (each example's product as its own sgemm computes it).
    private func convolve(_ x: Matrix<S>, _ θ: UnsafeBufferPointer<S>, into y: inout Matrix<S>, alpha: S = 1) {
        precondition(x.cols == input.count && y.cols == output.count && y.rows == x.rows,
                     "Conv2D \(input) → \(output) got a batch of width \(x.cols)")
        let o = output.channels, ckk = patch, ohw = positions
        x.storage.withUnsafeBufferPointer { px in
            y.storage.withUnsafeMutableBufferPointer { py in
                for chunk in chunks(x.rows) {
                    let col = lower(px.baseAddress!, chunk)
                    S.gemmGroups(transA: false, transB: false, m: o, n: ohw, k: ckk, alpha: alpha, a: θ.baseAddress!, lda: ckk,
                                 b: col, ldb: ohw, strideB: ckk * ohw, beta: 1, c: py.baseAddress! + chunk.lowerBound * output.count,
                                 ldc: ohw, strideC: output.count, groups: chunk.count)
                }
            }
        }
    }

    /// The batch's rows in chunks of examples whose columns fit `convolutionChunkEntries` (one example at least).
    private func chunks(_ rows: Int) -> [Range<Int>] {
        let size = max(1, convolutionChunkEntries / max(patch * positions, 1))
        return Swift.stride(from: 0, to: rows, by: size).map { $0..<min($0 + size, rows) }
    }

    /// The examples `chunk` of `x` lowered to columns, example `e` of the chunk at `e·CKK·OHW`
    /// (examples split over the threads).
    private func lower(_ x: UnsafePointer<S>, _ chunk: Range<Int>) -> UnsafeMutablePointer<S> {
        let size = patch * positions
        let col = columns.pointer(chunk.count * size)
        Parallel.items(chunk.count, cost: size) { examples in
            for e in examples { im2col(x + (chunk.lowerBound + e) * input.count, into: col + e * size) }
        }
        return col
    }

    /// For kernel offset `v`: the output columns `j` whose input column `s·j + v − p` lies inside
    /// the image, as a range (empty when none).
    @inline(__always) private func validColumns(_ v: Int) -> Range<Int> {
        let ow = output.width, w = input.width, shift = v - padding
        // s·j + shift ≥ 0  and  s·j + shift ≤ w − 1
        let low = shift >= 0 ? 0 : (-shift + stride - 1) / stride
        let high = w - 1 - shift < 0 ? -1 : min(ow - 1, (w - 1 - shift) / stride)
        return low <= high ? low..<(high + 1) : 0..<0
    }

    /// Calls `body(row, image, u, valid, shift)` for every row `(c, u, v)` of one example's columns:
    /// `image` the offset of channel `c` in the example, `valid` the output columns whose input
    /// column `s·j + shift` lies inside the image.
    @inline(__always) private func eachColumnRow(_ body: (Int, Int, Int, Range<Int>, Int) -> Void) {
        var row = 0
        for c in 0..<input.channels {
            for u in 0..<kernel {
                for v in 0..<kernel {
                    body(row, c * input.height * input.width, u, validColumns(v), v - padding)
                    row += 1
                }
            }
        }
    }

    /// One example's columns: row `(c, u, v)`, column `(i, j)` holds `x[c, s·i + u − p, s·j + v − p]`
    /// (0 in the padding). Rows are written segment by segment: zeros, the image's run, zeros.
    private func im2col(_ x: UnsafePointer<S>, into col: UnsafeMutablePointer<S>) {
        let h = input.height, w = input.width, oh = output.height, ow = output.width
        eachColumnRow { row, channel, u, valid, shift in
            let out = col + row * oh * ow
            for i in 0..<oh {
                let ii = stride * i + u - padding, target = out + i * ow
                guard ii >= 0 && ii < h, !valid.isEmpty else { target.update(repeating: 0, count: ow); continue }
                if valid.lowerBound > 0 { target.update(repeating: 0, count: valid.lowerBound) }
                let source = x + channel + ii * w + shift
                if stride == 1 {
                    (target + valid.lowerBound).update(from: source + valid.lowerBound, count: valid.count)
                } else {
                    for j in valid { target[j] = source[stride * j] }
                }
                if valid.upperBound < ow { (target + valid.upperBound).update(repeating: 0, count: ow - valid.upperBound) }
            }
        }
    }

    /// The adjoint of `im2col`: adds each column entry onto the input position it was read from.
    private func col2im(_ col: UnsafePointer<S>, into x: UnsafeMutablePointer<S>) {
        let h = input.height, w = input.width, oh = output.height, ow = output.width
        eachColumnRow { row, channel, u, valid, shift in
            let source = col + row * oh * ow
            for i in 0..<oh {
                let ii = stride * i + u - padding
                guard ii >= 0 && ii < h else { continue }
                let target = x + channel + ii * w + shift, from = source + i * ow
                if stride == 1 {
                    // A run of adjacent entries: a loop the compiler vectorises.
                    let t = target + valid.lowerBound, f = from + valid.lowerBound
                    for q in 0..<valid.count { t[q] += f[q] }
                } else {
                    for j in valid { target[stride &* j] += from[j] }
                }
            }
        }
    }

    /// Every position of every filter ← its bias.
    private func broadcastBias(_ θ: UnsafeBufferPointer<S>, into y: inout Matrix<S>) {
        let ohw = positions, o = output.channels, rows = y.rows
        y.storage.withUnsafeMutableBufferPointer { py in
            for r in 0..<rows {
                for f in 0..<o {
                    let b = θ[weightCount + f], base = py.baseAddress! + r * output.count + f * ohw
                    for q in 0..<ohw { base[q] = b }
                }
            }
        }
    }
}

/// The layer-list entry `conv F K [stride S] [same | valid | pad P]`: F filters of K×K, stride S
/// (default 1), "same" zeros `(K − 1)/2` (odd K; the default), "valid" none, or P.
public struct Convolution: LayerDefinition {
    public static let keywords = ["conv"]
    public static let syntax = "conv F K [stride S] [same|valid|pad P]"
    public let filters: Int, kernel: Int, stride: Int, padding: Int?
    /// The most weights, or outputs per example, one layer may have (2³²: far past any network
    /// that fits in memory, far below what overflows a count).
    static let sizeBound = 1 << 32

    public init(keyword: String, arguments a: [String], entry: String) throws {
        filters = try LayerError.count(a, 0, "the filter count", entry: entry)
        kernel = try LayerError.count(a, 1, "the kernel size", entry: entry)
        var stride = 1, padding: Int?, i = 2
        while i < a.count {
            switch a[i] {
            case "stride": stride = try LayerError.count(a, i + 1, "the stride", entry: entry); i += 2
            case "same": padding = nil; i += 1
            case "valid": padding = 0; i += 1
            case "pad":
                guard i + 1 < a.count, let p = Int(a[i + 1]), p >= 0, p < 1000 else { throw LayerError("'\(entry)': pad takes a whole number of zeros") }
                padding = p; i += 2
            default: throw LayerError("'\(entry)': unknown option '\(a[i])'; a convolution takes stride S, same, valid or pad P")
            }
        }
        if padding == nil && kernel % 2 == 0 { throw LayerError("'\(entry)': same padding needs an odd kernel; give pad P") }
        self.stride = stride
        self.padding = padding
    }

    public func build<S: Scalar>(on input: LayerInput, initialization: Dense<S>.Initialization, as: S.Type) throws -> (layer: AnyLayer<S>?, output: LayerInput) {
        guard case .map(let s) = input else { throw LayerError("a convolution after the feature map was flattened") }
        let p = padding ?? (kernel - 1) / 2
        guard s.height + 2 * p >= kernel, s.width + 2 * p >= kernel else {
            throw LayerError("a \(kernel)×\(kernel) kernel with padding \(p) does not fit a \(s) feature map")
        }
        // Counted before the layer exists: its weights and its output map, in checked arithmetic
        // (a spec's sizes may multiply past Int.max; validation must refuse, not trap).
        let out = [(s.height + 2 * p - kernel) / stride + 1, (s.width + 2 * p - kernel) / stride + 1]
        guard let weights = CheckedCount.product([filters, s.channels, kernel, kernel]), weights <= Self.sizeBound,
              let units = CheckedCount.product([filters] + out), units <= Self.sizeBound else {
            throw LayerError("a convolution of \(filters) \(kernel)×\(kernel) filters on a \(s) feature map holds more than \(Self.sizeBound) weights or outputs; make it smaller")
        }
        let conv = Conv2D<S>(input: s, filters: filters, kernel: kernel, stride: stride, padding: padding, initialization: initialization)
        return (.other(conv), .map(conv.output))
    }
}
