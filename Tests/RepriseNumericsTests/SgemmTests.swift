import XCTest
@testable import RepriseNumerics
import CKernels

/// The reproducible sgemm: every path this CPU runs (AVX-512 where present; AVX2 with 8-float
/// vectors; AVX2 running the 16-float source of the AVX-512 path, so that a machine without
/// AVX-512 checks that source's bits; the scalar `fmaf` reference) gives the same bits on every
/// shape class — tiles and vectors full and ragged, both transposes, leading dimensions wider than
/// the matrix, α and β — and all agree with a Double product to the rounding bound of a k-term sum.
/// Golden hashes of a fixed set of products carry the bits to machines of other classes.
final class SgemmTests: XCTestCase {
    struct Product {
        var transA: Bool, transB: Bool, m: Int, n: Int, k: Int, alpha: Float, beta: Float
        var pad: Int  // extra columns in each leading dimension
    }

    /// Inputs drawn from a stream of its own per product: values over several magnitudes, some exact zeros.
    private func operands(_ p: Product, key: UInt64) -> (a: [Float], lda: Int, b: [Float], ldb: Int, c: [Float], ldc: Int) {
        var rng = RandomStream(key: key)
        func draw(_ count: Int) -> [Float] {
            (0..<count).map { _ in rng.uniform() < 0.05 ? 0 : Float(rng.normal() * pow(10, rng.uniform(-2, 1))) }
        }
        let (ar, ac) = p.transA ? (p.k, p.m) : (p.m, p.k), (br, bc) = p.transB ? (p.n, p.k) : (p.k, p.n)
        let lda = ac + p.pad, ldb = bc + p.pad, ldc = p.n + p.pad
        return (draw(ar * lda), lda, draw(br * ldb), ldb, draw(p.m * ldc), ldc)
    }

    private func run(_ p: Product, key: UInt64, path: ReproducibleSgemm.Path) -> [Float] {
        var (a, lda, b, ldb, c, ldc) = operands(p, key: key)
        XCTAssertTrue(ReproducibleSgemm.select(path))
        ReproducibleSgemm.gemm(transA: p.transA, transB: p.transB, m: p.m, n: p.n, k: p.k, alpha: p.alpha, a: &a, lda: lda,
                               b: &b, ldb: ldb, beta: p.beta, c: &c, ldc: ldc)
        return c
    }

    /// Shapes around every tile and vector edge (6, 12 and 4 rows; 8, 16 and 32 columns), 1-wide and
    /// 10-wide products, k from 1 to past the packing's size, and the MLP's shapes.
    private var products: [Product] {
        var out: [Product] = []
        let sizes = [(1, 1, 1), (1, 10, 256), (5, 7, 3), (6, 16, 8), (7, 17, 9), (12, 32, 33), (13, 33, 64), (25, 10, 100),
                     (31, 47, 5), (64, 64, 64), (100, 1, 37), (3, 100, 1), (128, 10, 256), (37, 256, 128)]
        for (i, (m, n, k)) in sizes.enumerated() {
            for ta in [false, true] {
                for tb in [false, true] {
                    let (alpha, beta): (Float, Float) = [(1, 0), (0.5, 1), (-1.25, 0.75)][(i + (ta ? 1 : 0) + (tb ? 2 : 0)) % 3]
                    out.append(Product(transA: ta, transB: tb, m: m, n: n, k: k, alpha: alpha, beta: beta, pad: (i % 3) * 3))
                }
            }
        }
        return out
    }

    override func tearDown() { ReproducibleSgemm.select(nil) }

    func testEveryPathGivesTheReferencesBits() {
        let paths = ReproducibleSgemm.runnable
        XCTAssertTrue(paths.contains(.scalar))
        print("sgemm paths this CPU runs: \(paths.map(\.description).joined(separator: "; "))")
        for (key, p) in products.enumerated() {
            let reference = run(p, key: UInt64(key), path: .scalar)
            for path in paths where path != .scalar {
                let c = run(p, key: UInt64(key), path: path)
                let differing = zip(c, reference).filter { $0.bitPattern != $1.bitPattern }.count
                XCTAssertEqual(differing, 0, "\(path) on \(p): \(differing) of \(c.count) entries differ from the fmaf reference")
            }
        }
    }

    /// Split over 2 or 3 threads (column strips in contiguous ranges), every product gives the
    /// one-thread bits: each element is still one thread's sequence of fmas.
    func testThreadCountsGiveTheSameBits() {
        defer { ReproducibleSgemm.setThreads(1) }
        let path = ReproducibleSgemm.runnable.last!
        var big = products
        big.append(Product(transA: false, transB: false, m: 200, n: 300, k: 150, alpha: 1, beta: 0, pad: 0))
        big.append(Product(transA: true, transB: true, m: 97, n: 13, k: 400, alpha: 0.5, beta: 1, pad: 2))
        for (key, p) in big.enumerated() {
            ReproducibleSgemm.setThreads(1)
            let one = run(p, key: UInt64(key), path: path)
            for threads in [2, 3] {
                ReproducibleSgemm.setThreads(threads)
                let c = run(p, key: UInt64(key), path: path)
                XCTAssertEqual(c.map(\.bitPattern), one.map(\.bitPattern), "\(threads) threads on \(p)")
            }
        }
    }

    /// The reproducible kernel's axpy is `fma(α, x, y)` per element — libm's fmaf in Swift is the
    /// reference — on every path and for 1, 2 and 3 threads (ranges start at multiples of 16, the
    /// tail of each range goes through fmaf); `Parallel.ranges` covers every index exactly once.
    func testAxpyAndRangesDoNotDependOnPathOrThreads() {
        let backend = SgemmBackend.current
        SgemmBackend.current = .reprise  // Parallel.ranges splits only on the reproducible kernel
        defer { ReproducibleSgemm.setThreads(1); SgemmBackend.current = backend }
        var rng = RandomStream(key: 9)
        let n = 100_003
        let x = (0..<n).map { _ in Float(rng.normal()) }, y0 = (0..<n).map { _ in Float(rng.normal()) }
        let alpha: Float = -0.0371
        let reference = zip(x, y0).map { $1.addingProduct(alpha, $0) }
        for path in ReproducibleSgemm.runnable {
            ReproducibleSgemm.select(path)
            for threads in [1, 2, 3] {
                ReproducibleSgemm.setThreads(threads)
                var y = y0
                ReproducibleSgemm.axpy(n: n, alpha: alpha, x: x, y: &y)
                XCTAssertEqual(y.map(\.bitPattern), reference.map(\.bitPattern), "\(path), \(threads) threads")
                for count in [0, 1, 17, 16_384, 50_000, 100_003] {
                    var seen = [Int](repeating: 0, count: count)
                    seen.withUnsafeMutableBufferPointer { s in
                        Parallel.ranges(count, minimum: 1000) { r in for i in r { s[i] += 1 } }
                    }
                    XCTAssertTrue(seen.allSatisfy { $0 == 1 }, "ranges of \(count) on \(threads) threads")
                }
            }
        }
    }

    /// Without packing memory (every allocation refused) a product runs on the reference path, on
    /// every path and thread count, with the reference's bits: no crash, no other answer.
    func testNoPackingMemoryFallsBackToTheReference() {
        defer { ReproducibleSgemm.refuseScratch(.none); ReproducibleSgemm.setThreads(1) }
        for (key, p) in products.enumerated() where key % 3 == 0 {
            let reference = run(p, key: UInt64(key), path: .scalar)
            for refusal in [ReproducibleSgemm.Refusal.all, .panels] {
                ReproducibleSgemm.refuseScratch(refusal)
                for threads in [1, 2] {
                    ReproducibleSgemm.setThreads(threads)
                    let c = run(p, key: UInt64(key), path: ReproducibleSgemm.runnable.last!)
                    XCTAssertEqual(c.map(\.bitPattern), reference.map(\.bitPattern), "\(refusal), \(p), \(threads) threads")
                }
                ReproducibleSgemm.refuseScratch(.none)
            }
        }
    }

    /// `gemmGroups` (products sharing A, one call) gives every group the bits of its own `gemm`
    /// call, on every path, for 1–3 threads, with and without packing memory: narrow products that
    /// run transposed (n < 16), both transposes, β 0 and 1, groups whose operands lie apart.
    func testGroupsGiveEachProductsBits() {
        defer { ReproducibleSgemm.refuseScratch(.none); ReproducibleSgemm.setThreads(1) }
        let shapes: [Product] = [Product(transA: false, transB: false, m: 32, n: 784, k: 25, alpha: 1, beta: 1, pad: 0),
                                 Product(transA: true, transB: false, m: 25, n: 49, k: 8, alpha: 1, beta: 0, pad: 3),
                                 Product(transA: false, transB: false, m: 20, n: 9, k: 7, alpha: 2, beta: 1, pad: 1),
                                 Product(transA: true, transB: true, m: 13, n: 40, k: 30, alpha: -0.5, beta: 0.75, pad: 0)]
        for (key, p) in shapes.enumerated() {
            let groups = 5
            let (a, lda, b0, ldb, c0, ldc) = operands(p, key: UInt64(key))
            // Each group's B and C drawn apart (a gap of 7 entries), from the same stream.
            let (bSize, cSize) = (b0.count + 7, c0.count + 7)
            var rng = RandomStream(key: UInt64(100 + key))
            let b = (0..<(bSize * groups)).map { _ in Float(rng.normal()) }, c = (0..<(cSize * groups)).map { _ in Float(rng.normal()) }
            for path in ReproducibleSgemm.runnable {
                ReproducibleSgemm.select(path)
                var each = c
                for g in 0..<groups {
                    b.withUnsafeBufferPointer { pb in
                        each.withUnsafeMutableBufferPointer { pc in
                            ReproducibleSgemm.gemm(transA: p.transA, transB: p.transB, m: p.m, n: p.n, k: p.k, alpha: p.alpha, a: a, lda: lda,
                                                   b: pb.baseAddress! + g * bSize, ldb: ldb, beta: p.beta, c: pc.baseAddress! + g * cSize, ldc: ldc)
                        }
                    }
                }
                for refusal in [ReproducibleSgemm.Refusal.none, .all, .panels] {
                    ReproducibleSgemm.refuseScratch(refusal)
                    for threads in [1, 2, 3] {
                        ReproducibleSgemm.setThreads(threads)
                        var grouped = c
                        ReproducibleSgemm.gemmGroups(transA: p.transA, transB: p.transB, m: p.m, n: p.n, k: p.k, alpha: p.alpha, a: a, lda: lda,
                                                     b: b, ldb: ldb, strideB: bSize, beta: p.beta, c: &grouped, ldc: ldc, strideC: cSize,
                                                     groups: groups)
                        XCTAssertEqual(grouped.map(\.bitPattern), each.map(\.bitPattern), "\(path), \(refusal), \(threads) threads, \(p)")
                    }
                    ReproducibleSgemm.refuseScratch(.none)
                }
            }
        }
    }

    /// Against a product summed in Double: within `k·2⁻²⁴·Σ|a||b|` (the bound of a k-term float sum)
    /// plus the rounding of α and β; entries outside `m×n` (the leading dimensions' padding) untouched.
    func testAgreesWithADoubleProductToTheRoundingBound() {
        for (key, p) in products.enumerated() {
            let (a, lda, b, ldb, c0, ldc) = operands(p, key: UInt64(key))
            let c = run(p, key: UInt64(key), path: ReproducibleSgemm.runnable.last!)
            for i in 0..<p.m {
                for j in 0..<ldc {
                    let at = i * ldc + j
                    guard j < p.n else { XCTAssertEqual(c[at].bitPattern, c0[at].bitPattern, "padding written"); continue }
                    var sum = 0.0, magnitude = 0.0
                    for q in 0..<p.k {
                        let x = Double(p.transA ? a[q * lda + i] : a[i * lda + q]), y = Double(p.transB ? b[j * ldb + q] : b[q * ldb + j])
                        sum += x * y
                        magnitude += abs(x * y)
                    }
                    let expected = Double(p.alpha) * sum + (p.beta == 0 ? 0 : Double(p.beta) * Double(c0[at]))
                    let bound = Double(p.k + 2) * 0x1p-24 * (abs(Double(p.alpha)) * magnitude + abs(Double(p.beta) * Double(c0[at]))) + 1e-30
                    XCTAssertLessThanOrEqual(abs(Double(c[at]) - expected), bound, "\(p) at (\(i), \(j))")
                }
            }
        }
    }

    /// β = 0 never reads C (a NaN there stays out), as BLAS promises.
    func testBetaZeroDoesNotReadC() {
        var a: [Float] = [1, 2, 3, 4], b: [Float] = [1, 0, 0, 1], c = [Float](repeating: .nan, count: 4)
        for path in ReproducibleSgemm.runnable {
            ReproducibleSgemm.select(path)
            ReproducibleSgemm.gemm(transA: false, transB: false, m: 2, n: 2, k: 2, alpha: 1, a: &a, lda: 2, b: &b, ldb: 2, beta: 0, c: &c, ldc: 2)
            XCTAssertEqual(c, [1, 2, 3, 4], "\(path)")
        }
    }

    /// The sgemm pins flush-to-zero and denormals-are-zero on, as Reprise runs every thread: a
    /// caller with IEEE flags gets the same bits as one with them set — denormal products and
    /// denormal inputs count as zero — and gets its own flags back.
    func testFlushToZeroIsPinnedWhateverTheCallerSet() {
        var a: [Float] = [1e-20, 3e-39, 2, 1e-19], b: [Float] = [1e-20, 1, 1e-39, 1e-20]
        for path in ReproducibleSgemm.runnable {
            ReproducibleSgemm.select(path)
            var ieee = [Float](repeating: 0, count: 4), flushed = ieee
            let before = ReproducibleSgemm.setFlushToZero(false)
            ReproducibleSgemm.gemm(transA: false, transB: false, m: 2, n: 2, k: 2, alpha: 1, a: &a, lda: 2, b: &b, ldb: 2, beta: 0, c: &ieee, ldc: 2)
            XCTAssertFalse(ReproducibleSgemm.setFlushToZero(true), "the caller's IEEE flags were not restored")
            ReproducibleSgemm.gemm(transA: false, transB: false, m: 2, n: 2, k: 2, alpha: 1, a: &a, lda: 2, b: &b, ldb: 2, beta: 0, c: &flushed, ldc: 2)
            XCTAssertTrue(ReproducibleSgemm.setFlushToZero(before), "the caller's flags were not restored")
            XCTAssertEqual(ieee.map(\.bitPattern), flushed.map(\.bitPattern), "\(path)")
            // C[0,0] = 1e-20·1e-20 + 3e-39·1e-39 = 1e-40 in IEEE arithmetic (a denormal): flushed to 0.
            XCTAssertEqual(ieee, [0, 1e-20, 2e-20, 2], "\(path)")
        }
    }

    /// FNV-1a of the output bits of every product above, path by path: the same constant on any
    /// x86-64 machine, so a machine of another class (AVX2 only, AVX-512, no FMA) checks this one's bits.
    func testGoldenHashes() {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for (key, p) in products.enumerated() {
            for x in run(p, key: UInt64(key), path: .scalar) {
                var bits = x.bitPattern
                for _ in 0..<4 { hash = (hash ^ UInt64(bits & 0xff)) &* 0x100_0000_01b3; bits >>= 8 }
            }
        }
        XCTAssertEqual(String(hash, radix: 16), "7a3f0889b53b8f7", "the reproducible sgemm's bits changed: a change of its order of operations, or of libm's fmaf")
    }

    /// On the reproducible kernel the pinned count goes to Reprise's pool and OpenBLAS keeps one
    /// thread (its threaded Double routines split sums by thread count); on OpenBLAS's kernels
    /// OpenBLAS gets the count.
    func testThreadPinGivesOpenBLASOneThreadOnTheReproducibleKernel() {
        let backend = SgemmBackend.current
        defer { SgemmBackend.current = backend; BLASThreads.pin(1) }
        SgemmBackend.current = .reprise
        BLASThreads.pin(3)
        XCTAssertEqual(BLASThreads.current, 3)
        XCTAssertEqual(BLASThreads.openBLASThreads, 1)
        SgemmBackend.current = .openBLAS
        BLASThreads.pin(2)
        XCTAssertEqual(BLASThreads.current, 2)
        XCTAssertEqual(BLASThreads.openBLASThreads, 2)
    }

    /// The FMA peak is measured where a vector path runs and nowhere else: the scalar path has no
    /// vector FMA to measure, and a path this CPU lacks gives nil rather than a number.
    func testTheFMAPeakIsMeasuredOnlyOnRunnablePaths() {
        XCTAssertNil(ReproducibleSgemm.fmaPeak(.scalar, seconds: 0.01))
        for path in ReproducibleSgemm.Path.allCases where path != .scalar {
            let peak = ReproducibleSgemm.fmaPeak(path, seconds: 0.05)
            XCTAssertEqual(peak != nil, ReproducibleSgemm.runnable.contains(path), "\(path)")
            if let peak { XCTAssertTrue(peak.isFinite && peak > 0, "\(path): \(peak)") }
        }
        XCTAssertEqual(reprise_fma_peak_flops_per_iteration(3), 12 * 16 * 2)
        XCTAssertEqual(reprise_fma_peak_flops_per_iteration(1), 12 * 8 * 2)
    }
}
