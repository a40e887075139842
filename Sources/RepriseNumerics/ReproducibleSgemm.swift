import CKernels
import Dispatch

/// Reprise's own sgemm (`Sources/CKernels/sgemm.c`): every element of `C` is one fused multiply-add
/// per product in the order of `k` — `acc = fma(a[i,p], b[p,j], acc)` for p = 0 … k−1, then
/// `α·acc` (β = 0) or `fma(β, C[i,j], α·acc)` — vectorised across rows and columns only, so its bits
/// are the same on every path: AVX-512, AVX2, and the scalar reference with libm's `fmaf` (correctly
/// rounded in software on CPUs without FMA, so those give the same bits too, slowly). OpenBLAS's
/// kernels split and order the sums by their own blocking, which differs between instruction sets.
public enum ReproducibleSgemm {
    public enum Path: Int32, CaseIterable, Sendable, CustomStringConvertible {
        case scalar = 0, avx2 = 1, avx2Wide = 2, avx512 = 3
        public var description: String {
            switch self {
            case .scalar: return "scalar (fmaf)"
            case .avx2: return "AVX2 (8-float vectors, 6×16 tiles)"
            case .avx2Wide: return "AVX2 running the AVX-512 path's 16-float source (4×16 tiles)"
            case .avx512: return "AVX-512 (16-float vectors, 12×32 tiles)"
            }
        }
    }

    /// The path in use (by default the fastest this CPU runs).
    public static var path: Path { Path(rawValue: reprise_sgemm_path()) ?? .scalar }

    /// Forces `path` (nil: the fastest this CPU runs); false, and nothing changed, when this CPU
    /// cannot run it.
    @discardableResult public static func select(_ path: Path?) -> Bool { reprise_sgemm_select(path?.rawValue ?? -1) >= 0 }

    /// The paths this CPU runs.
    public static var runnable: [Path] {
        let current = path
        defer { select(current) }
        return Path.allCases.filter { select($0) }
    }

    /// `C ← α·op(A)·op(B) + β·C`, row-major, as `cblas_sgemm` (β = 0: `C` is not read).
    @inlinable public static func gemm(transA: Bool, transB: Bool, m: Int, n: Int, k: Int, alpha: Float,
                                       a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
                                       beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int) {
        reprise_sgemm(transA ? 1 : 0, transB ? 1 : 0, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc)
    }

    /// `groups` products sharing `A`, in one call: `C_g ← α·op(A)·op(B_g) + β·C_g` with `B_g` at
    /// `b + g·strideB` and `C_g` at `c + g·strideC` — every element of each the same fma sequence as
    /// `gemm` on that group alone, so the same bits; the threads split groups and column strips
    /// together, waking once for a whole batch of small products (a convolution's examples).
    @inlinable public static func gemmGroups(transA: Bool, transB: Bool, m: Int, n: Int, k: Int, alpha: Float,
                                             a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int, strideB: Int,
                                             beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int, strideC: Int, groups: Int) {
        reprise_sgemm_groups(transA ? 1 : 0, transB ? 1 : 0, m, n, k, alpha, a, lda, b, ldb, strideB, beta, c, ldc, strideC, groups)
    }

    /// Threads that compute a product, the caller's included (`BLASThreads.pin` sets it with
    /// OpenBLAS's): column strips are split among them, every element still computed by one thread
    /// in the same order.
    public static func setThreads(_ n: Int) { reprise_sgemm_threads(Int32(n)) }

    /// `y ← y + α·x` as one fused multiply-add per element (`fma(α, x, y)`; C, AVX2 or libm's fmaf),
    /// split over the step's threads: OpenBLAS's threaded saxpy gives bits that depend on where the
    /// threads' boundaries fall (seen: a quick run verified DIFFERENT on 2 threads until this). The
    /// reproducible kernel's parameter update.
    public static func axpy(n: Int, alpha: Float, x: UnsafePointer<Float>, y: UnsafeMutablePointer<Float>) {
        reprise_saxpy(n, alpha, x, y)
    }

    /// The core's float32 FMA peak on `path`'s vectors, in GFLOP/s, measured for about `seconds` by
    /// a register-only loop of independent fmas (`peak.c`): the physical limit a step's rate is
    /// a fraction of. Nil for the scalar path (no vector FMA to measure) or a path this CPU lacks.
    public static func fmaPeak(_ path: Path, seconds: Double = 0.2) -> Double? {
        // The 16-float source on AVX2 runs AVX2's instructions: its limit is AVX2's peak.
        let vectors: Int32 = path == .avx512 ? Path.avx512.rawValue : Path.avx2.rawValue
        let perIteration = reprise_fma_peak_flops_per_iteration(vectors)
        guard path != .scalar, reprise_fma_peak_run(vectors, 1, 1) >= 0 else { return nil }
        var best = 0.0, iterations = 1 << 16
        let clock = { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }
        let end = clock() + seconds
        // The best of repeated runs: a run shares the core with nothing only at its fastest.
        while clock() < end || best == 0 {
            let t0 = clock()
            _ = reprise_fma_peak_run(vectors, iterations, 1)
            let t = clock() - t0
            if t < 1e-3 { iterations *= 2; continue }
            best = max(best, Double(iterations) * perIteration / t / 1e9)
        }
        return best
    }

    /// Tests: every packing allocation fails (`.all`), or only the B panels' (`.panels`: each
    /// thread's share of a product), until `.none`; the product then takes the reference path, with
    /// the same bits, instead of stopping the process.
    public enum Refusal: Int32 { case none = 0, all = 1, panels = 2 }
    public static func refuseScratch(_ refusal: Refusal) { reprise_sgemm_refuse_scratch(refusal.rawValue) }

    /// Sets the flush-to-zero and denormals-are-zero flags of this thread (tests: the sgemm must
    /// give IEEE results whatever its caller set); returns whether they were set.
    @discardableResult public static func setFlushToZero(_ on: Bool) -> Bool { reprise_flush_to_zero(on ? 1 : 0) != 0 }
}

/// Which sgemm `Float`'s matrix products use: `ReproducibleSgemm` (the default, as
/// `BLASKernel.reproducible` is) or OpenBLAS (its kernel pinned by `BLASKernel`). Chosen once, before
/// any training (the command line's `KernelPin`; `reprise bench --sgemm`).
public enum SgemmBackend: String, CaseIterable, Sendable {
    case openBLAS = "openblas", reprise
    nonisolated(unsafe) public static var current: SgemmBackend = .reprise
}
