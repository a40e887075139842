/// The elementwise loops of a training step, written over raw pointers in SIMD chunks so that they
/// vectorise (the generic loops over buffer pointers compiled to one scalar element per iteration
/// with the base addresses reloaded each time: 12 % of a batch-512 step). Each computes exactly what
/// its scalar form does, element by element and in the same order, so results are bit-identical.
public enum Elementwise {
    /// `y[i] = x[i] > 0 ? x[i] : 0` (NaN → 0).
    @inlinable
    public static func relu<S: Scalar>(_ x: UnsafePointer<S>, _ y: UnsafeMutablePointer<S>, count n: Int) {
        if S.self == Float.self {
            let xf = UnsafeRawPointer(x), yf = UnsafeMutableRawPointer(y)
            var i = 0
            while i + 16 <= n {
                let v = xf.loadUnaligned(fromByteOffset: 4 * i, as: SIMD16<Float>.self)
                yf.storeBytes(of: SIMD16<Float>(repeating: 0).replacing(with: v, where: v .> 0), toByteOffset: 4 * i, as: SIMD16<Float>.self)
                i += 16
            }
            while i < n { y[i] = x[i] > 0 ? x[i] : 0; i += 1 }
        } else {
            for i in 0..<n { y[i] = x[i] > 0 ? x[i] : 0 }
        }
    }

    /// `dx[i] = x[i] > 0 ? dy[i] : 0`: ReLU's backward pass.
    @inlinable
    public static func reluBackward<S: Scalar>(_ x: UnsafePointer<S>, _ dy: UnsafePointer<S>, _ dx: UnsafeMutablePointer<S>,
                                               count n: Int) {
        if S.self == Float.self {
            let xf = UnsafeRawPointer(x), dyf = UnsafeRawPointer(dy), dxf = UnsafeMutableRawPointer(dx)
            var i = 0
            while i + 16 <= n {
                let v = xf.loadUnaligned(fromByteOffset: 4 * i, as: SIMD16<Float>.self)
                let g = dyf.loadUnaligned(fromByteOffset: 4 * i, as: SIMD16<Float>.self)
                dxf.storeBytes(of: SIMD16<Float>(repeating: 0).replacing(with: g, where: v .> 0), toByteOffset: 4 * i,
                               as: SIMD16<Float>.self)
                i += 16
            }
            while i < n { dx[i] = x[i] > 0 ? dy[i] : 0; i += 1 }
        } else {
            for i in 0..<n { dx[i] = x[i] > 0 ? dy[i] : 0 }
        }
    }

    /// `sums[j] = Σ_r a[r·cols + j]` accumulated in Double over rows in order, then rounded once:
    /// the bias gradient of a dense layer. Columns go 8 at a time; each column's additions happen in
    /// the same order as the scalar loop.
    /// `stride`: the distance between rows (default `cols`: a block of columns of a wider matrix).
    @inlinable
    public static func columnSums<S: Scalar>(_ a: UnsafePointer<S>, rows: Int, cols: Int, stride: Int? = nil,
                                             into sums: UnsafeMutablePointer<S>) {
        let stride = stride ?? cols
        withUnsafeTemporaryAllocation(of: Double.self, capacity: cols) { acc in
            let s = acc.baseAddress!
            s.initialize(repeating: 0, count: cols)
            if S.self == Float.self {
                let af = UnsafeRawPointer(a)
                let wide = cols - cols % 8
                for r in 0..<rows {
                    let row = 4 * r * stride
                    var j = 0
                    while j < wide {
                        let v = SIMD8<Double>(af.loadUnaligned(fromByteOffset: row + 4 * j, as: SIMD8<Float>.self))
                        let p = UnsafeMutableRawPointer(s + j)
                        p.storeBytes(of: p.loadUnaligned(as: SIMD8<Double>.self) + v, as: SIMD8<Double>.self)
                        j += 8
                    }
                    while j < cols { s[j] += Double(a[r * stride + j]); j += 1 }
                }
            } else {
                for r in 0..<rows { for j in 0..<cols { s[j] += Double(a[r * stride + j]) } }
            }
            for j in 0..<cols { sums[j] = S(s[j]) }
        }
    }

    /// Runs `body` over `count` elements of up to four arrays in chunks of eight lanes (`SIMD8<S>`),
    /// storing every lane vector back (arrays given as nil read as zero and are not stored). The
    /// optimizers' updates are written once as such a lane body: elementwise IEEE operations, fused
    /// multiply-adds where the scalar form has them, so the result is the scalar loop's, bit for bit.
    @inlinable @inline(__always)
    public static func lanes<S: Scalar>(count n: Int, _ a: UnsafeMutablePointer<S>, _ b: UnsafeMutablePointer<S>?,
                                        _ c: UnsafeMutablePointer<S>?, _ d: UnsafeMutablePointer<S>?,
                                        _ body: (inout SIMD8<S>, inout SIMD8<S>, inout SIMD8<S>, inout SIMD8<S>) -> Void) {
        @inline(__always) func load(_ p: UnsafeMutablePointer<S>?, _ i: Int, _ k: Int) -> SIMD8<S> {
            guard let p else { return SIMD8(repeating: 0) }
            if k == 8 { return UnsafeRawPointer(p + i).loadUnaligned(as: SIMD8<S>.self) }
            var v = SIMD8<S>(repeating: 0)
            for l in 0..<k { v[l] = p[i + l] }
            return v
        }
        @inline(__always) func store(_ v: SIMD8<S>, _ p: UnsafeMutablePointer<S>?, _ i: Int, _ k: Int) {
            guard let p else { return }
            if k == 8 { UnsafeMutableRawPointer(p + i).storeBytes(of: v, as: SIMD8<S>.self); return }
            for l in 0..<k { p[i + l] = v[l] }
        }
        var i = 0
        while i < n {
            let k = min(8, n - i)
            var va = load(a, i, k), vb = load(b, i, k), vc = load(c, i, k), vd = load(d, i, k)
            body(&va, &vb, &vc, &vd)
            store(va, a, i, k); store(vb, b, i, k); store(vc, c, i, k); store(vd, d, i, k)
            i += 8
        }
    }
}
