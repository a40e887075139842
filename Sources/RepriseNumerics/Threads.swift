import COpenBLAS
import CKernels

/// OpenBLAS thread control. Results are bit-identical for a given build, machine and thread count;
/// the count is pinned at start-up and recorded with every result.
public enum BLASThreads {
    /// Pins the OpenBLAS thread count, and flushes denormal floats to zero in the calling thread
    /// (with one thread, OpenBLAS computes in the caller's thread).
    public static func pin(_ n: Int) {
        precondition(n >= 1, "BLAS thread count must be at least 1")
        openblas_set_num_threads(Int32(n))
        reprise_sgemm_threads(Int32(n))
        reprise_flush_denormals()
    }

    public static var current: Int { Int(openblas_get_num_threads()) }

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
