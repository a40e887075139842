import COpenBLAS
import CKernels

/// BLAS thread control: the count is pinned at start-up and recorded with every result.
///
/// On the reproducible kernel the count is Reprise's pool's (float32 products, the step's
/// elementwise work), whose bits do not depend on it, and OpenBLAS — Double products, LAPACK's
/// eigensolvers, level-1 reductions, `syrk`, `trsm` — runs on one thread: its threaded routines
/// split sums where the thread count says, so with two threads OGR's eigenvalues and step norms
/// differed in the last bits. On the OpenBLAS kernels OpenBLAS gets the count, and results are
/// bit-identical for a given build, machine and thread count.
public enum BLASThreads {
    private nonisolated(unsafe) static var pinned = 1

    /// Pins the thread count, and flushes denormal floats to zero in the calling thread (with one
    /// thread, OpenBLAS computes in the caller's thread). Call after the kernel is chosen.
    public static func pin(_ n: Int) {
        precondition(n >= 1, "BLAS thread count must be at least 1")
        pinned = n
        openblas_set_num_threads(SgemmBackend.current == .reprise ? 1 : Int32(n))
        reprise_sgemm_threads(Int32(n))
        reprise_flush_denormals()
    }

    /// The pinned count (what `blas_threads` records).
    public static var current: Int { pinned }

    /// The threads OpenBLAS itself runs on.
    public static var openBLASThreads: Int { Int(openblas_get_num_threads()) }

    /// Gives OpenBLAS `n` threads whatever the kernel: benchmarks that compare its sgemm with Reprise's.
    public static func setOpenBLASThreads(_ n: Int) { openblas_set_num_threads(Int32(n)) }

    /// OpenBLAS's build description, e.g. "OpenBLAS 0.3.21 DYNAMIC_ARCH NO_AFFINITY Haswell MAX_THREADS=64".
    public static var libraryDescription: String {
        guard let c = openblas_get_config() else { return "OpenBLAS (unknown)" }
        return String(cString: c).trimmingCharacters(in: [" "])
    }
}

private extension String {
    func trimmingCharacters(in set: Set<Character>) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s = s.dropFirst() }
        while let l = s.last, set.contains(l) { s = s.dropLast() }
        return String(s)
    }
}
