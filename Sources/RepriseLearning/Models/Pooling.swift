import RepriseNumerics

/// 2-D max or average pooling over `k×k` windows with stride `s` (default `k`), no padding, per
/// channel (PyTorch's `max_pool2d` / `avg_pool2d`). No parameters. Max pooling routes every
/// derivative through the window's maximum, the first in row-major order on ties (as PyTorch's CPU
/// kernel: a later value replaces the maximum only when strictly greater, so after a ReLU a window
/// of zeros sends its gradient to its first entry); average pooling is linear:
///
///     max:  y = x[a],  ẏ = ẋ[a],  ÿ = ẍ[a],  ∂L/∂x[a] += ∂L/∂y      (a: the window's argmax)
///     avg:  y = mean(x),  ẏ = mean(ẋ),  ÿ = mean(ẍ),  ∂L/∂x += ∂L/∂y / k²
public struct Pool2D<S: Scalar>: Layer {
    public enum Kind: String, Sendable, CaseIterable { case max, average }
    public let kind: Kind
    public let input: FeatureShape
    public let output: FeatureShape
    public let size: Int, stride: Int

    public init(_ kind: Kind, input: FeatureShape, size: Int, stride: Int? = nil) {
        let s = stride ?? size
        precondition(size > 0 && s > 0 && input.height >= size && input.width >= size,
                     "a \(size)×\(size) pooling window does not fit a \(input) input")
        self.kind = kind
        self.input = input
        self.size = size
        self.stride = s
        output = FeatureShape(channels: input.channels, height: (input.height - size) / s + 1, width: (input.width - size) / s + 1)
    }

    public var inputWidth: Int { input.count }
    public var outputWidth: Int { output.count }
    public var parameterCount: Int { 0 }
    public func initialize(_ θ: UnsafeMutableBufferPointer<S>, rng: inout RandomStream) {}

    /// Calls `work(x, source, target, planes)` with the matrices' storage on ranges of the batch's
    /// planes (one example's channel each, `H·W` entries, following each other), split over the
    /// threads: no window crosses a plane, so each plane is one thread's, computed as on one thread.
    @inline(__always) private func acrossPlanes(_ x: Matrix<S>, _ source: Matrix<S>, into target: inout Matrix<S>,
                                                _ work: (UnsafePointer<S>, UnsafePointer<S>, UnsafeMutablePointer<S>, Range<Int>) -> Void) {
        let planes = x.rows * input.channels, cost = input.height * input.width
        x.storage.withUnsafeBufferPointer { px in
            source.storage.withUnsafeBufferPointer { ps in
                target.storage.withUnsafeMutableBufferPointer { pt in
                    Parallel.items(planes, cost: cost) { work(px.baseAddress!, ps.baseAddress!, pt.baseAddress!, $0) }
                }
            }
        }
    }

    /// Calls `body(plane, start, at)` for every output position of `planes`: `plane` the offset of
    /// the plane, `start` the index within it of its window's first entry — entry `(u, v)` is at
    /// `start + u·W + v` —, `at` the output's index in the batch. Called inside `acrossPlanes`' work,
    /// so that `body` is inlined into the loop.
    @inline(__always) private func eachWindow(_ planes: Range<Int>, _ body: (Int, Int, Int) -> Void) {
        let oh = output.height, ow = output.width, w = input.width, hw = input.height * w
        for plane in planes {
            var at = plane * oh * ow
            for i in 0..<oh {
                for j in 0..<ow {
                    body(plane * hw, stride * (i * w + j), at)
                    at += 1
                }
            }
        }
    }

    /// The window's maximum's index, the first in row-major order on ties.
    @inline(__always) private func argmax(_ x: UnsafePointer<S>, _ start: Int) -> Int {
        let w = input.width
        var best = start, top = x[start]
        for u in 0..<size {
            let row = start + u * w
            for v in 0..<size where x[row + v] > top { best = row + v; top = x[best] }
        }
        return best
    }

    /// `y[at] =` the source at the window's argmax of `x` (max), or the source's window mean: the
    /// row-major sum divided by `k²`, as PyTorch's CPU `avg_pool2d` rounds it (not times `1/k²`).
    @_specialize(where S == Float)
    @_specialize(where S == Double)
    private func pool(_ x: Matrix<S>, _ source: Matrix<S>, into y: inout Matrix<S>) {
        let count = S(size * size), w = input.width
        acrossPlanes(x, source, into: &y) { xs, ss, ys, planes in
            switch kind {
            case .max:
                eachWindow(planes) { plane, start, at in ys[at] = ss[plane + argmax(xs + plane, start)] }
            case .average:
                eachWindow(planes) { plane, start, at in
                    var sum = S(0)
                    for u in 0..<size { for v in 0..<size { sum += ss[plane + start + u * w + v] } }
                    ys[at] = sum / count
                }
            }
        }
    }

    @_specialize(where S == Float)
    @_specialize(where S == Double)
    public func forward(_ x: Matrix<S>, _ θ: UnsafeBufferPointer<S>, into y: inout Matrix<S>) { pool(x, x, into: &y) }

    @_specialize(where S == Float)
    @_specialize(where S == Double)
    public func backward(_ x: Matrix<S>, _ y: Matrix<S>, _ dy: Matrix<S>, _ θ: UnsafeBufferPointer<S>,
                         parameterGradient dθ: UnsafeMutableBufferPointer<S>, inputGradient dx: inout Matrix<S>,
                         needsInputGradient: Bool) {
        guard needsInputGradient else { return }
        dx.fill(0)
        route(x, dy, into: &dx)
    }

    /// `dx += ∂y/∂x ᵀ dy`: each output's gradient to its window's argmax (max), or its share `dy/k²`
    /// to every entry of its window (average).
    @_specialize(where S == Float)
    @_specialize(where S == Double)
    private func route(_ x: Matrix<S>, _ dy: Matrix<S>, into dx: inout Matrix<S>) {
        let count = S(size * size), w = input.width
        acrossPlanes(x, dy, into: &dx) { xs, gs, ds, planes in
            switch kind {
            case .max:
                eachWindow(planes) { plane, start, at in ds[plane + argmax(xs + plane, start)] += gs[at] }
            case .average:
                eachWindow(planes) { plane, start, at in
                    let share = gs[at] / count
                    for u in 0..<size { for v in 0..<size { ds[plane + start + u * w + v] += share } }
                }
            }
        }
    }

    @_specialize(where S == Float)
    @_specialize(where S == Double)
    public func directional(_ x: Matrix<S>, _ xDot: Matrix<S>?, _ y: Matrix<S>, _ θ: UnsafeBufferPointer<S>,
                            _ θDot: UnsafeBufferPointer<S>, into yDot: inout Matrix<S>) {
        guard let xDot else { yDot.fill(0); return }
        pool(x, xDot, into: &yDot)
    }

    @_specialize(where S == Float)
    @_specialize(where S == Double)
    public func secondDirectional(_ x: Matrix<S>, _ xDot: Matrix<S>?, _ xDDot: Matrix<S>?, _ θ: UnsafeBufferPointer<S>,
                                  _ θDot: UnsafeBufferPointer<S>, into yDot: inout Matrix<S>, _ yDDot: inout Matrix<S>) {
        directional(x, xDot, x, θ, θDot, into: &yDot)
        guard let xDDot else { yDDot.fill(0); return }
        pool(x, xDDot, into: &yDDot)
    }
}

/// The layer-list entries `maxpool K [stride S]` and `avgpool K [stride S]`: K×K windows, stride S
/// (default K).
public struct Pooling: LayerDefinition {
    public static let keywords = ["maxpool", "avgpool"]
    public static let syntax = "maxpool K [stride S], avgpool K [stride S]"
    public let kind: Pool2D<Float>.Kind, size: Int, stride: Int?

    public init(keyword: String, arguments a: [String], entry: String) throws {
        kind = keyword == "maxpool" ? .max : .average
        size = try LayerError.count(a, 0, "the window size", entry: entry)
        if a.count > 1 {
            guard a[1] == "stride", a.count == 3 else { throw LayerError("'\(entry)': a pooling takes only stride S") }
            stride = try LayerError.count(a, 2, "the stride", entry: entry)
        } else {
            stride = nil
        }
    }

    public func build<S: Scalar>(on input: LayerInput, initialization: Dense<S>.Initialization, as: S.Type) throws -> (layer: AnyLayer<S>?, output: LayerInput) {
        guard case .map(let s) = input else { throw LayerError("a pooling after the feature map was flattened") }
        guard s.height >= size, s.width >= size else { throw LayerError("a \(size)×\(size) window does not fit a \(s) feature map") }
        let pool = Pool2D<S>(kind == .max ? .max : .average, input: s, size: size, stride: stride)
        return (.other(pool), .map(pool.output))
    }
}
