import COpenBLAS
#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// A floating-point type with BLAS and LAPACK kernels: `Float` for training, `Double` for analytic
/// problems and for the finite-difference oracles in tests.
public protocol Scalar: BinaryFloatingPoint, SIMDScalar, Sendable, CustomStringConvertible, BitwiseCopyable
where Self.RawSignificand: FixedWidthInteger {
    /// `C ← α·op(A)·op(B) + β·C`, row-major (cblas `?gemm`).
    static func gemm(transA: Bool, transB: Bool, m: Int, n: Int, k: Int, alpha: Self,
                     a: UnsafePointer<Self>, lda: Int, b: UnsafePointer<Self>, ldb: Int,
                     beta: Self, c: UnsafeMutablePointer<Self>, ldc: Int)
    /// `C ← α·A·Aᵀ + β·C` (`transpose`: `α·AᵀA + β·C`), row-major, upper triangle only (cblas `?syrk`).
    /// `n` is the order of `C`, `k` the other dimension of `A`.
    static func syrk(transpose: Bool, n: Int, k: Int, alpha: Self, a: UnsafePointer<Self>, lda: Int,
                     beta: Self, c: UnsafeMutablePointer<Self>, ldc: Int)
    /// Triangular solve with an upper-triangular `U` (n×n when `left`, else of order `cols`), row-major,
    /// in place on `B` (rows×cols): `op(U)·X = B` (`left`) or `X·op(U) = B`; `op` is `Uᵀ` when
    /// `transposeU` (cblas `?trsm`).
    static func trsm(left: Bool, transposeU: Bool, rows: Int, cols: Int, u: UnsafePointer<Self>, ldu: Int,
                     b: UnsafeMutablePointer<Self>, ldb: Int)
    /// `y ← α·x + y` (cblas `?axpy`).
    static func axpy(n: Int, alpha: Self, x: UnsafePointer<Self>, y: UnsafeMutablePointer<Self>)
    /// `xᵀy` (cblas `?dot`).
    static func dot(n: Int, x: UnsafePointer<Self>, y: UnsafePointer<Self>) -> Self
    /// LAPACK `?potrf` on a column-major (equivalently, symmetric row-major) matrix; returns `info`.
    static func potrf(n: Int, a: UnsafeMutablePointer<Self>) -> Int
    /// LAPACK `?potrs`: solves with the factor from `potrf`; `b` holds `nrhs` columns of length `n`.
    static func potrs(n: Int, nrhs: Int, a: UnsafePointer<Self>, b: UnsafeMutablePointer<Self>) -> Int
    /// LAPACK `?syev` (eigenvalues ascending, eigenvectors overwrite `a`); returns `info`.
    static func syev(n: Int, a: UnsafeMutablePointer<Self>, w: UnsafeMutablePointer<Self>) -> Int

    static func exp(_ x: Self) -> Self
    static func log(_ x: Self) -> Self
    static func tanh(_ x: Self) -> Self
    static func log1p(_ x: Self) -> Self
}

extension Scalar {
    /// `groups` products sharing `A`: `C_g ← α·op(A)·op(B_g) + β·C_g`, `B_g` at `b + g·strideB`, `C_g`
    /// at `c + g·strideC`, for g in order. Float on the reproducible kernel runs them in one call
    /// (`ReproducibleSgemm.gemmGroups`, the same bits as one `gemm` each); otherwise one `gemm` each.
    @inlinable public static func gemmGroups(transA: Bool, transB: Bool, m: Int, n: Int, k: Int, alpha: Self,
                                             a: UnsafePointer<Self>, lda: Int, b: UnsafePointer<Self>, ldb: Int, strideB: Int,
                                             beta: Self, c: UnsafeMutablePointer<Self>, ldc: Int, strideC: Int, groups: Int) {
        if Self.self == Float.self && SgemmBackend.current == .reprise {
            return ReproducibleSgemm.gemmGroups(transA: transA, transB: transB, m: m, n: n, k: k, alpha: Float(alpha),
                                                a: UnsafeRawPointer(a).assumingMemoryBound(to: Float.self), lda: lda,
                                                b: UnsafeRawPointer(b).assumingMemoryBound(to: Float.self), ldb: ldb, strideB: strideB,
                                                beta: Float(beta), c: UnsafeMutableRawPointer(c).assumingMemoryBound(to: Float.self),
                                                ldc: ldc, strideC: strideC, groups: groups)
        }
        for g in 0..<groups {
            gemm(transA: transA, transB: transB, m: m, n: n, k: k, alpha: alpha, a: a, lda: lda, b: b + g * strideB, ldb: ldb,
                 beta: beta, c: c + g * strideC, ldc: ldc)
        }
    }
}

// libm under names that the `Scalar` requirements do not shadow.
@usableFromInline func libmExp(_ x: Double) -> Double { exp(x) }
@usableFromInline func libmLog(_ x: Double) -> Double { log(x) }
@usableFromInline func libmTanh(_ x: Double) -> Double { tanh(x) }
@usableFromInline func libmLog1p(_ x: Double) -> Double { log1p(x) }
@usableFromInline func libmSin(_ x: Double) -> Double { sin(x) }
@usableFromInline func libmCos(_ x: Double) -> Double { cos(x) }

extension Float: Scalar {
    @inlinable public static func gemm(transA: Bool, transB: Bool, m: Int, n: Int, k: Int, alpha: Float,
                                       a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
                                       beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int) {
        if SgemmBackend.current == .reprise {
            return ReproducibleSgemm.gemm(transA: transA, transB: transB, m: m, n: n, k: k, alpha: alpha, a: a, lda: lda, b: b, ldb: ldb,
                                          beta: beta, c: c, ldc: ldc)
        }
        cblas_sgemm(CblasRowMajor, transA ? CblasTrans : CblasNoTrans, transB ? CblasTrans : CblasNoTrans,
                    Int32(m), Int32(n), Int32(k), alpha, a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
    }
    @inlinable public static func syrk(transpose: Bool, n: Int, k: Int, alpha: Float, a: UnsafePointer<Float>, lda: Int,
                                       beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int) {
        cblas_ssyrk(CblasRowMajor, CblasUpper, transpose ? CblasTrans : CblasNoTrans, Int32(n), Int32(k), alpha, a, Int32(lda),
                    beta, c, Int32(ldc))
    }
    @inlinable public static func trsm(left: Bool, transposeU: Bool, rows: Int, cols: Int, u: UnsafePointer<Float>, ldu: Int,
                                       b: UnsafeMutablePointer<Float>, ldb: Int) {
        cblas_strsm(CblasRowMajor, left ? CblasLeft : CblasRight, CblasUpper, transposeU ? CblasTrans : CblasNoTrans, CblasNonUnit,
                    Int32(rows), Int32(cols), 1, u, Int32(ldu), b, Int32(ldb))
    }
    @inlinable public static func axpy(n: Int, alpha: Float, x: UnsafePointer<Float>, y: UnsafeMutablePointer<Float>) {
        if SgemmBackend.current == .reprise { return ReproducibleSgemm.axpy(n: n, alpha: alpha, x: x, y: y) }
        cblas_saxpy(Int32(n), alpha, x, 1, y, 1)
    }
    @inlinable public static func dot(n: Int, x: UnsafePointer<Float>, y: UnsafePointer<Float>) -> Float {
        cblas_sdot(Int32(n), x, 1, y, 1)
    }
    public static func potrf(n: Int, a: UnsafeMutablePointer<Float>) -> Int {
        var n32 = Int32(n), info: Int32 = 0
        spotrf_("L", &n32, a, &n32, &info)
        return Int(info)
    }
    public static func potrs(n: Int, nrhs: Int, a: UnsafePointer<Float>, b: UnsafeMutablePointer<Float>) -> Int {
        var n32 = Int32(n), r32 = Int32(nrhs), info: Int32 = 0
        spotrs_("L", &n32, &r32, a, &n32, b, &n32, &info)
        return Int(info)
    }
    public static func syev(n: Int, a: UnsafeMutablePointer<Float>, w: UnsafeMutablePointer<Float>) -> Int {
        var n32 = Int32(n), info: Int32 = 0, query: Float = 0, lwork: Int32 = -1
        ssyev_("V", "U", &n32, a, &n32, w, &query, &lwork, &info)
        lwork = Int32(query)
        var work = [Float](repeating: 0, count: Int(lwork))
        ssyev_("V", "U", &n32, a, &n32, w, &work, &lwork, &info)
        return Int(info)
    }
    @inlinable public static func exp(_ x: Float) -> Float { expf(x) }
    @inlinable public static func log(_ x: Float) -> Float { logf(x) }
    @inlinable public static func tanh(_ x: Float) -> Float { tanhf(x) }
    @inlinable public static func log1p(_ x: Float) -> Float { log1pf(x) }
}

extension Double: Scalar {
    @inlinable public static func gemm(transA: Bool, transB: Bool, m: Int, n: Int, k: Int, alpha: Double,
                                       a: UnsafePointer<Double>, lda: Int, b: UnsafePointer<Double>, ldb: Int,
                                       beta: Double, c: UnsafeMutablePointer<Double>, ldc: Int) {
        cblas_dgemm(CblasRowMajor, transA ? CblasTrans : CblasNoTrans, transB ? CblasTrans : CblasNoTrans,
                    Int32(m), Int32(n), Int32(k), alpha, a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
    }
    @inlinable public static func syrk(transpose: Bool, n: Int, k: Int, alpha: Double, a: UnsafePointer<Double>, lda: Int,
                                       beta: Double, c: UnsafeMutablePointer<Double>, ldc: Int) {
        cblas_dsyrk(CblasRowMajor, CblasUpper, transpose ? CblasTrans : CblasNoTrans, Int32(n), Int32(k), alpha, a, Int32(lda),
                    beta, c, Int32(ldc))
    }
    @inlinable public static func trsm(left: Bool, transposeU: Bool, rows: Int, cols: Int, u: UnsafePointer<Double>, ldu: Int,
                                       b: UnsafeMutablePointer<Double>, ldb: Int) {
        cblas_dtrsm(CblasRowMajor, left ? CblasLeft : CblasRight, CblasUpper, transposeU ? CblasTrans : CblasNoTrans, CblasNonUnit,
                    Int32(rows), Int32(cols), 1, u, Int32(ldu), b, Int32(ldb))
    }
    @inlinable public static func axpy(n: Int, alpha: Double, x: UnsafePointer<Double>, y: UnsafeMutablePointer<Double>) {
        cblas_daxpy(Int32(n), alpha, x, 1, y, 1)
    }
    @inlinable public static func dot(n: Int, x: UnsafePointer<Double>, y: UnsafePointer<Double>) -> Double {
        cblas_ddot(Int32(n), x, 1, y, 1)
    }
    public static func potrf(n: Int, a: UnsafeMutablePointer<Double>) -> Int {
        var n32 = Int32(n), info: Int32 = 0
        dpotrf_("L", &n32, a, &n32, &info)
        return Int(info)
    }
    public static func potrs(n: Int, nrhs: Int, a: UnsafePointer<Double>, b: UnsafeMutablePointer<Double>) -> Int {
        var n32 = Int32(n), r32 = Int32(nrhs), info: Int32 = 0
        dpotrs_("L", &n32, &r32, a, &n32, b, &n32, &info)
        return Int(info)
    }
    public static func syev(n: Int, a: UnsafeMutablePointer<Double>, w: UnsafeMutablePointer<Double>) -> Int {
        var n32 = Int32(n), info: Int32 = 0, query: Double = 0, lwork: Int32 = -1
        dsyev_("V", "U", &n32, a, &n32, w, &query, &lwork, &info)
        lwork = Int32(query)
        var work = [Double](repeating: 0, count: Int(lwork))
        dsyev_("V", "U", &n32, a, &n32, w, &work, &lwork, &info)
        return Int(info)
    }
    @inlinable public static func exp(_ x: Double) -> Double { libmExp(x) }
    @inlinable public static func log(_ x: Double) -> Double { libmLog(x) }
    @inlinable public static func tanh(_ x: Double) -> Double { libmTanh(x) }
    @inlinable public static func log1p(_ x: Double) -> Double { libmLog1p(x) }
}
