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
        let alignment: Int
        let body: (Range<Int>) -> Void
    }

    /// The threads work may be split over.
    private static var threads: Int { SgemmBackend.current == .reprise ? Int(reprise_parallel_threads()) : 1 }

    /// Calls `body` on contiguous ranges covering `0 ..< count`, each at least `minimum` long (one
    /// range, on this thread, when the count or the pool is small). Ranges start at multiples of 16.
    public static func ranges(_ count: Int, minimum: Int = 16_384, _ body: (Range<Int>) -> Void) {
        split(count, parts: min(threads, count / max(minimum, 16)), alignment: 16, body)
    }

    /// Calls `body` on contiguous ranges of the items `0 ..< count`, each item `cost` elements of
    /// work and independent of the others (a convolution's examples, a pooling's planes): split
    /// where the items add up to at least `minimum` elements a thread.
    public static func items(_ count: Int, cost: Int, minimum: Int = 16_384, _ body: (Range<Int>) -> Void) {
        split(count, parts: min(threads, count, count * max(cost, 1) / max(minimum, 1)), alignment: 1, body)
    }

    /// `parts` contiguous ranges, starting at multiples of `alignment` (the last one ending at `count`).
    private static func split(_ count: Int, parts: Int, alignment: Int, _ body: (Range<Int>) -> Void) {
        guard parts > 1 else { return body(0..<count) }
        withoutActuallyEscaping(body) { body in
            var job = Job(count: count, alignment: alignment, body: body)
            withUnsafeMutablePointer(to: &job) { pointer in
                reprise_parallel(Int32(parts), { context, part, parts in
                    let job = context!.assumingMemoryBound(to: Job.self).pointee
                    func start(_ p: Int32) -> Int {
                        p == parts ? job.count : (job.count * Int(p) / Int(parts)) / job.alignment * job.alignment
                    }
                    let range = start(part)..<start(part + 1)
                    if !range.isEmpty { job.body(range) }
                }, pointer)
            }
        }
    }
}
