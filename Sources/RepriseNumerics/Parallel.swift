import CKernels

/// The elementwise work of a step (activations, bias sums, optimizer updates) on the threads the
/// BLAS thread count pins (`BLASThreads.pin`; the reproducible sgemm's pool). Work is split into
/// contiguous ranges, and every element is computed by one thread exactly as the serial loop
/// computes it, so results do not depend on the thread count (or on whether the pool was busy).
/// Only on the reproducible kernel: with OpenBLAS's products, its threads and the pool's wait for
/// work on the same cores (measured: batch-128 steps on two threads 20 % slower), so the
/// elementwise work stays on the calling thread there.
public enum Parallel {
    private struct Job {
        let count: Int
        let body: (Range<Int>) -> Void
    }

    /// Calls `body` on contiguous ranges covering `0 ..< count`, each at least `minimum` long (one
    /// range, on this thread, when the count or the pool is small). Ranges start at multiples of 16.
    public static func ranges(_ count: Int, minimum: Int = 16_384, _ body: (Range<Int>) -> Void) {
        let threads = SgemmBackend.current == .reprise ? Int(reprise_parallel_threads()) : 1
        let parts = min(threads, count / max(minimum, 16))
        guard parts > 1 else { return body(0..<count) }
        withoutActuallyEscaping(body) { body in
            var job = Job(count: count, body: body)
            withUnsafeMutablePointer(to: &job) { pointer in
                reprise_parallel(Int32(parts), { context, part, parts in
                    let job = context!.assumingMemoryBound(to: Job.self).pointee
                    func start(_ p: Int32) -> Int { p == parts ? job.count : (job.count * Int(p) / Int(parts)) & ~15 }
                    let range = start(part)..<start(part + 1)
                    if !range.isEmpty { job.body(range) }
                }, pointer)
            }
        }
    }
}
