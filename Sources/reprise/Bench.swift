import ArgumentParser
import Foundation
import RepriseConfig
import RepriseLearning
import RepriseNumerics

/// `reprise bench`: the time of one training step of a 784-256-256-10 MLP (SGD, cross-entropy)
/// at several batch sizes, against the sgemm throughput of the same machine in the same run.
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Benchmark a training step against the machine's sgemm throughput.")
    @Option(help: "OpenBLAS threads.") var threads = 1
    @Option(help: "Batch sizes.") var batch: [Int] = [1, 8, 32, 128, 512]
    @Option(help: "Seconds to spend measuring each case.") var seconds = 1.0
    @Option(help: "BLAS kernel: portable, native or reproducible (see reprise run --help).") var blasKernel: String?
    @Flag(help: "Instead: the cost of curvature rescaling's two modes against a gradient step (papers.md §1).") var curvature = false
    @Flag(help: "Only the step time per batch size, one 'step BATCH SECONDS' line each (with --cnn: 'cnn NAME BATCH SECONDS'; read by make bench-peer).") var stepsOnly = false
    @Flag(help: "Instead: ISAAC's overhead table (Table 2): ζ*, ζ and K-FAC against a gradient step (papers.md §2).") var isaac = false
    @Option(help: "With --isaac: the widths of the 5-layer MLPs.") var isaacWidths: [Int] = [100, 400, 1600]
    @Flag(help: "Instead: the step time and memory of the convolutional networks (fmnist_2c2d and a small CNN).") var cnn = false
    @Flag(help: "Instead: GFLOP/s of OpenBLAS's sgemm (this run's kernel) and of each path of Reprise's reproducible sgemm, at 1024³ and the networks' shapes.") var sgemmPaths = false

    /// The CNNs of `--cnn`: DeepOBS's fmnist_2c2d (3.27 M parameters) and the small one of the default profiles.
    static let cnns: [(String, [String])] = [
        ("fmnist_2c2d", ["conv 32 5 same", "relu", "maxpool 2", "conv 64 5 same", "relu", "maxpool 2", "dense 1024", "relu"]),
        ("small", ["conv 8 5 same", "relu", "maxpool 2", "conv 16 5 same", "relu", "maxpool 2", "dense 64", "relu"])]

    static let widths = [784, 256, 256, 10]
    /// The step benchmark gathers its minibatches from 50,000 synthetic examples (as `make bench-peer`'s
    /// PyTorch step does), drawn once per run.
    nonisolated(unsafe) static let stepData = DataCache(dataDirectory: nil, datasets: Registry.standard.datasets)

    func validate() throws {
        guard (1...256).contains(threads) else { throw ValidationError("--threads must be between 1 and 256 (found \(threads))") }
        guard !batch.isEmpty, batch.allSatisfy({ (1...65536).contains($0) }) else {
            throw ValidationError("--batch sizes must be between 1 and 65536 (found \(batch))")
        }
        guard seconds.isFinite, seconds > 0, seconds <= 600 else { throw ValidationError("--seconds must be in (0, 600] (found \(seconds))") }
    }

    func run() throws {
        BLASThreads.pin(threads)
        if sgemmPaths { BLASThreads.setOpenBLASThreads(threads); return sgemmPathTable() }
        if curvature { return curvatureCost() }
        if isaac { return isaacCost() }
        if cnn { return cnnCost() }
        if stepsOnly {
            print("kernel \(BLASKernel.recorded(BLASKernel.selected))")
            for b in batch { print("step \(b) \(measure(stepBody(batch: b)))") }
            return
        }
        print("OpenBLAS: \(BLASThreads.libraryDescription), kernel \(BLASKernel.recorded(BLASKernel.selected)), \(threads) thread(s)")
        // The physical anchor: the core's FMA peak on the vectors this kernel's products use, times
        // the threads (what the sgemm and the step could reach at most).
        let (fmaPath, fmaPeak) = Self.fmaPeak(threads: threads)
        if let fmaPeak {
            print(String(format: "FMA peak (register-only fma loop, %@ vectors, %d core%@): %.1f GFLOP/s", fmaPath, threads, threads == 1 ? "" : "s", fmaPeak))
        }
        let peak = sgemmThroughput()
        print(String(format: "sgemm 1024×1024×1024: %.1f GFLOP/s", peak) + (fmaPeak.map { String(format: " (%.0f%% of the FMA peak)", 100 * peak / $0) } ?? ""))
        print("MLP \(Self.widths.map(String.init).joined(separator: "-")), one SGD step (gather, forward, backward, update):")
        print("batch   step time    GFLOP/s   % of sgemm   % of FMA peak   matmuls alone   step / matmuls")
        for b in batch {
            let flops = stepFlops(batch: b)
            // Step and matrix products alone measured in alternation, so that a noisy neighbour
            // slows both: the ratio is the median of the rounds' ratios.
            let (times, ratios) = interleaved([stepBody(batch: b), matmulBody(batch: b)])
            let step = times[0], matmuls = times[1]
            print(String(format: "%5d   %9.1f µs  %8.2f   %9.1f%%   %12.1f%%   %10.1f µs   %13.2f",
                         b, step * 1e6, flops / step / 1e9, 100 * flops / step / 1e9 / peak,
                         fmaPeak.map { 100 * flops / step / 1e9 / $0 } ?? .nan, matmuls * 1e6, 1 / ratios[1]))
        }
        let b = 128
        print("Optimiser cost at batch \(b) (step time with the optimiser's update, over plain SGD's, measured in alternation):")
        let variants: [(String, [String: ConfigValue])] = [
            ("momentum", ["optimizer": "sgd", "lr": 0.01, "momentum": 0.9]),
            ("adam", ["optimizer": "adam"]), ("rmsprop", ["optimizer": "rmsprop"]), ("adagrad", ["optimizer": "adagrad"]),
            ("dOGR", ["optimizer": "ogr", "variant": "diagonal"]), ("sOGR d=10", ["optimizer": "ogr", "variant": "subspace", "dim": 10])]
        let (times, ratios) = interleaved([stepBody(batch: b)] + variants.map { stepBody(batch: b, optimizer: $0.1) })
        print("  sgd       " + String(format: " %9.1f µs", times[0] * 1e6))
        for (k, (name, _)) in variants.enumerated() {
            print("  " + name.padding(toLength: 10, withPad: " ", startingAt: 0)
                  + String(format: " %9.1f µs  (%+.1f%%)", times[k + 1] * 1e6, 100 * (ratios[k + 1] - 1)))
        }
    }

    /// Each body measured in turn, `rounds` times round-robin (`seconds` split over the rounds): the
    /// median over rounds of each body's time, and of its ratio to the first body's time in the
    /// same round.
    private func interleaved(_ bodies: [() -> Void], rounds: Int = 7) -> (times: [Double], ratios: [Double]) {
        var times = [[Double]](repeating: [], count: bodies.count)
        for _ in 0..<rounds {
            for (k, body) in bodies.enumerated() { times[k].append(measure(body, for: seconds / Double(rounds))) }
        }
        func median(_ x: [Double]) -> Double { let s = x.sorted(); return s[s.count / 2] }
        let ratios = times.map { t in median(zip(t, times[0]).map { $0 / $1 }) }
        return (times.map(median), ratios)
    }

    /// Median seconds per call of `body`, over repeated calls for about `seconds` (or `budget`).
    private func measure(_ body: () -> Void, for budget: Double? = nil) -> Double {
        let seconds = budget ?? self.seconds
        for _ in 0..<3 { body() }
        var samples: [Double] = []
        let start = DispatchTime.now().uptimeNanoseconds
        repeat {
            let t0 = DispatchTime.now().uptimeNanoseconds
            body()
            samples.append(Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9)
        } while Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 < seconds || samples.count < 5
        samples.sort()
        return samples[samples.count / 2]
    }

    /// The FMA peak of the vectors this run's products use — the reproducible sgemm's path, AVX2
    /// for OpenBLAS's Haswell kernel, the widest this CPU runs for the native one — on `threads`
    /// cores (one core's peak times the threads).
    static func fmaPeak(threads: Int) -> (path: String, gflops: Double?) {
        let widest = ReproducibleSgemm.runnable.last ?? .scalar
        let path: ReproducibleSgemm.Path = switch BLASKernel.selected {
        case .reproducible: ReproducibleSgemm.path
        case .portable: .avx2
        case .native: widest
        }
        let name = path == .avx512 ? "AVX-512" : path == .scalar ? "scalar" : "AVX2"
        return (name, ReproducibleSgemm.fmaPeak(path).map { $0 * Double(threads) })
    }

    private func sgemmThroughput() -> Double {
        let n = 1024
        let a = Matrix<Float>(rows: n, cols: n, repeating: 0.5), b = Matrix<Float>(rows: n, cols: n, repeating: 0.25)
        var c = Matrix<Float>(rows: n, cols: n)
        let t = measure { gemm(a, b, into: &c) }
        return 2 * Double(n * n * n) / t / 1e9
    }

    /// Each sgemm on the shapes training uses (median time, in alternation with the others, so that
    /// a noisy neighbour slows them all): 1024³, the MLP's three products per layer at batch 128 and
    /// 512 (forward, weight gradient with Aᵀ, input gradient with Bᵀ; the 10-wide output layer), and
    /// fmnist_2c2d's per-example products (conv2 forward and weight gradient; its dense layer).
    private func sgemmPathTable() {
        let paths = ReproducibleSgemm.runnable.filter { $0 != .scalar }
        print("OpenBLAS: \(BLASThreads.libraryDescription), kernel \(BLASKernel.recorded(BLASKernel.selected)), \(threads) thread(s); "
              + "Reprise's paths: \(paths.map(\.description).joined(separator: "; "))")
        let shapes: [(String, Bool, Bool, Int, Int, Int)] = [
            ("1024³", false, false, 1024, 1024, 1024),
            ("MLP b128 forward 784→256", false, false, 128, 256, 784), ("MLP b128 ∂W 784×256 (Aᵀ)", true, false, 784, 256, 128),
            ("MLP b128 ∂x 256→784 (Bᵀ)", false, true, 128, 784, 256), ("MLP b128 forward 256→10", false, false, 128, 10, 256),
            ("MLP b512 forward 784→256", false, false, 512, 256, 784), ("MLP b512 ∂W 784×256 (Aᵀ)", true, false, 784, 256, 512),
            ("MLP b512 ∂x 256→784 (Bᵀ)", false, true, 512, 784, 256), ("MLP b512 ∂W 256×10 (Aᵀ)", true, false, 256, 10, 512),
            ("CNN conv2 forward 64×196×800", false, false, 64, 196, 800), ("CNN conv2 ∂W (Bᵀ) 64×800×196", false, true, 64, 800, 196),
            ("CNN dense b128 3136→1024", false, false, 128, 1024, 3136)]
        let peaks = paths.map { ReproducibleSgemm.fmaPeak($0).map { $0 * Double(threads) } }
        print("FMA peak per path (register-only fma loop, \(threads) core(s)): "
              + zip(paths, peaks).map { "\($0.0.rawValue == 3 ? "AVX-512" : "AVX2") \($0.1.map { String(format: "%.1f", $0) } ?? "?") GFLOP/s" }.joined(separator: ", "))
        print("| product | m×n×k | OpenBLAS GFLOP/s | " + paths.map { "Reprise \($0.rawValue == 3 ? "AVX-512" : $0 == .avx2 ? "AVX2" : "AVX2 (16-wide source)") GFLOP/s (% of peak)" }.joined(separator: " | ") + " | best Reprise ÷ OpenBLAS |")
        print("|---|---|---|" + paths.map { _ in "---|" }.joined() + "---|")
        for (name, ta, tb, m, n, k) in shapes {
            var a = [Float](repeating: 0.5, count: m * k), b = [Float](repeating: 0.25, count: k * n), c = [Float](repeating: 0, count: m * n)
            let lda = ta ? m : k, ldb = tb ? k : n
            let bodies: [() -> Void] = [{ cblasProduct(ta, tb, m, n, k, &a, lda, &b, ldb, &c) }] + paths.map { path in {
                ReproducibleSgemm.select(path)
                ReproducibleSgemm.gemm(transA: ta, transB: tb, m: m, n: n, k: k, alpha: 1, a: &a, lda: lda, b: &b, ldb: ldb, beta: 0, c: &c, ldc: n)
            } }
            let (times, _) = interleaved(bodies, rounds: 3)
            let flops = 2 * Double(m * n * k)
            let rates = times.map { flops / $0 / 1e9 }
            // Each Reprise path's rate with its fraction of that path's FMA peak.
            let cells = [String(format: "%.1f", rates[0])] + zip(rates.dropFirst(), peaks).map { rate, peak in
                String(format: "%.1f", rate) + (peak.map { String(format: " (%.0f%%)", 100 * rate / $0) } ?? "")
            }
            print("| \(name) | \(m)×\(n)×\(k) | " + cells.joined(separator: " | ")
                  + String(format: " | %.2f |", (rates.dropFirst().max() ?? 0) / rates[0]))
        }
        ReproducibleSgemm.select(nil)
    }

    /// Forward `2bnm` per layer, weight gradient `2bnm`, input gradient `2bnm` except the first layer.
    private func stepFlops(batch b: Int) -> Double {
        var flops = 0.0
        for (k, (n, m)) in zip(Self.widths, Self.widths.dropFirst()).enumerated() {
            flops += Double(2 * b * n * m) * (k == 0 ? 2 : 3)
        }
        return flops
    }

    /// Time and memory of one step — plain gradient step, and the rescaled step with each mode — for
    /// MLPs of widths {256, 1024} and depths {2, 4} at batch {32, 128}, against the abstract's
    /// (1.5C, 2M) and (2C, 1M). Memory: the bytes of the network's buffers after the step (counted).
    private func curvatureCost() {
        print("OpenBLAS: \(BLASThreads.libraryDescription), kernel \(BLASKernel.recorded(BLASKernel.selected)), \(threads) thread(s)")
        print("Curvature rescaling: one step (gather, gradient, κ, update) against a plain SGD step of the same MLP, same run.")
        print("| width | depth | batch | SGD step | taylor: time | taylor: buffers | reuse: time | reuse: buffers |")
        print("|---|---|---|---|---|---|---|---|")
        for width in [256, 1024] {
            for depth in [2, 4] {
                for b in batch where b == 32 || b == 128 {
                    let hidden = [Int](repeating: width, count: depth)
                    let (base, baseBytes) = timeCurvatureStep(hidden: hidden, batch: b, variant: ["optimizer": "sgd", "lr": 0.01])
                    var cells: [String] = []
                    for mode in ["taylor", "reuse"] {
                        let (t, bytes) = timeCurvatureStep(hidden: hidden, batch: b,
                                                           variant: ["chain": ["sgd", "curvature_rescale"], "lr": 0.01, "mode": .string(mode)])
                        cells.append(String(format: "%.2f C", t / base))
                        cells.append(String(format: "%.2f M", Double(bytes) / Double(baseBytes)))
                    }
                    print("| \(width) | \(depth) | \(b) | " + String(format: "%.0f µs", base * 1e6) + " | " + cells.joined(separator: " | ") + " |")
                }
            }
        }
        print("C: time of a plain SGD step; M: bytes of the buffers a plain SGD step holds (activations and their gradients). The abstract: (1.5C, 2M) or (2C, 1M).")
    }

    /// ISAAC's Table 2 on this machine: the time of one training step (gather, gradient, the method's
    /// work, SGD update) of 5-layer ReLU MLPs (784-w-w-w-w-10) and of the 784-1000-500-30-500-1000-784
    /// auto-encoder (MSE) at batch 60, as ratios to the gradient step measured in the same run, beside
    /// the paper's CPU ratios. ζ* and ζ precondition every layer (λ_a = λ_g = 0.1); K-FAC refreshes its
    /// factors every step (damping 0.1), as BackPACK does.
    private func isaacCost() {
        print("OpenBLAS: \(BLASThreads.libraryDescription), kernel \(BLASKernel.recorded(BLASKernel.selected)), \(threads) thread(s)")
        print("ISAAC overhead (papers.md §2, Table 2): one step at batch 60 as a ratio to the gradient step of the same network, same run.")
        print("| network | gradient step | ζ* | ζ | K-FAC | paper (CPU) |")
        print("|---|---|---|---|---|---|")
        let b = 60
        let methods: [[String: ConfigValue]] = [
            ["optimizer": "sgd", "lr": 0.01],
            ["chain": ["isaac", "sgd"], "lr": 0.01, "lambda_a": 0.1],
            ["chain": ["isaac", "sgd"], "lr": 0.01, "lambda_a": 0.1, "lambda_g": 0.1],
            ["chain": ["kfac", "sgd"], "lr": 0.01, "damping": 0.1],
        ]
        let paper: [Int: String] = [100: "ζ* 1.63 (2.05 s vs 3.34 s per epoch)", 6400: "ζ* 1.0035"]
        var networks: [(String, [String: ConfigValue], String)] = isaacWidths.map { w in
            ("5×\(w) MLP", ["kind": "classification", "dataset": "synthetic", "features": 784, "classes": 10, "validation": 0,
                           "train_examples": 1200, "test_examples": 10, "hidden": .array([ConfigValue](repeating: .int(w), count: 4))],
             paper[w] ?? "—")
        }
        networks.append(("auto-encoder 784-1000-500-30-500-1000-784",
                         ["kind": "autoencoder", "dataset": "synthetic", "features": 784, "validation": 0, "train_examples": 1200,
                          "test_examples": 10, "hidden": [1000, 500, 30, 500, 1000]],
                         "ζ* 1.11, ζ 2.46, K-FAC 15.4"))
        for (name, problem, reference) in networks {
            // The methods measured in alternation: the ratios are the medians of the rounds' ratios.
            let (times, ratios) = interleaved(methods.map { networkStep(problem: problem, batch: b, variant: $0).0 }, rounds: 5)
            print("| \(name) | " + String(format: "%.0f µs", times[0] * 1e6) + " | "
                  + ratios.dropFirst().map { String(format: "%.2f", $0) }.joined(separator: " | ") + " | \(reference) |")
        }
    }

    private func timeCurvatureStep(hidden: [Int], batch b: Int, variant: [String: ConfigValue]) -> (seconds: Double, bytes: Int) {
        timeNetworkStep(problem: [
            "kind": "classification", "dataset": "synthetic", "features": 784, "classes": 10,
            "validation": 0, "train_examples": .int(max(4 * b, 1024)), "test_examples": 10,
            "hidden": .array(hidden.map { .int($0) })], batch: b, variant: variant)
    }

    private func timeNetworkStep(problem table: [String: ConfigValue], batch b: Int, variant: [String: ConfigValue]) -> (seconds: Double, bytes: Int) {
        let (body, trial) = networkStep(problem: table, batch: b, variant: variant)
        return (measure(body), (trial as? CountedMemory)?.memoryCount.buffers ?? 0)
    }

    /// One step of `variant` on the network problem `table`, and its trial.
    private func networkStep(problem table: [String: ConfigValue], batch b: Int, variant: [String: ConfigValue]) -> (() -> Void, any Trial) {
        let registry = Registry.standard
        let problem = try! registry.problem(table)
        let trial = try! problem.makeTrial(TrialSetup(optimizer: try! registry.optimizerPlan(variant), batchSize: b,
                                                      streams: CellStreams(experiment: "bench", seed: 0), data: Self.stepData))
        var step = 0
        let perEpoch = trial.stepsPerEpoch
        return ({
            _ = trial.step(TrainingClock(step: step, epoch: step / perEpoch, stepsPerEpoch: perEpoch, totalSteps: Int.max))
            step += 1
        }, trial)
    }

    /// One SGD step of each CNN on 1×28×28 inputs at batches 32 and 128: time, and the bytes its
    /// step holds (network buffers; parameters and gradient).
    /// With `--steps-only`, one 'cnn NAME BATCH SECONDS' line each (read by make bench-peer).
    private func cnnCost() {
        if stepsOnly { print("kernel \(BLASKernel.recorded(BLASKernel.selected))") } else {
            print("OpenBLAS: \(BLASThreads.libraryDescription), kernel \(BLASKernel.recorded(BLASKernel.selected)), \(threads) thread(s)")
            print("CNN on 1×28×28 inputs, one SGD step (gather from 5,000 examples, forward, backward, update):")
            print("network        batch   step time     buffers MB   parameters")
        }
        for (name, layers) in Self.cnns {
            for b in [32, 128] {
                let (body, trial) = networkStep(problem: [
                    "kind": "cnn", "dataset": "synthetic", "features": 784, "classes": 10, "validation": 0, "train_examples": 5_000,
                    "test_examples": 10, "image": [1, 28, 28], "architecture": .array(layers.map { .string($0) }), "init": "he"],
                    batch: b, variant: ["optimizer": "sgd", "lr": 0.01])
                let seconds = measure(body)
                if stepsOnly { print("cnn \(name) \(b) \(seconds)"); continue }
                let memory = (trial as? CountedMemory)?.memoryCount
                print(name.padding(toLength: 13, withPad: " ", startingAt: 0)
                      + String(format: "  %5d   %9.2f ms   %10.1f   %10d", b, seconds * 1e3, Double(memory?.buffers ?? 0) / 1e6, (memory?.parameters ?? 0) / 8))
            }
        }
    }

    /// One SGD (or `optimizer`) step of the benchmark MLP, gathering from 50,000 examples.
    private func stepBody(batch b: Int, optimizer: [String: ConfigValue] = ["optimizer": "sgd", "lr": 0.01]) -> () -> Void {
        networkStep(problem: [
            "kind": "classification", "dataset": "synthetic", "features": .int(Self.widths[0]), "classes": .int(Self.widths.last!),
            "validation": 0, "train_examples": 50_000, "test_examples": 10,
            "hidden": .array(Self.widths.dropFirst().dropLast().map { .int($0) })], batch: b, variant: optimizer).0
    }

    /// The same matrix products as one step, alone (preallocated buffers).
    private func matmulBody(batch b: Int) -> () -> Void {
        let pairs = Array(zip(Self.widths, Self.widths.dropFirst()))
        let weights = pairs.map { Matrix<Float>(rows: $0.0, cols: $0.1, repeating: 0.01) }
        var acts = [Matrix<Float>(rows: b, cols: Self.widths[0], repeating: 0.5)] + pairs.map { Matrix<Float>(rows: b, cols: $0.1) }
        var grads = acts
        var wgrads = weights
        return {
            for k in pairs.indices { gemm(acts[k], weights[k], into: &acts[k + 1]) }
            for k in pairs.indices.reversed() {
                gemm(acts[k], grads[k + 1], into: &wgrads[k], transposeA: true)
                if k > 0 { gemm(grads[k + 1], weights[k], into: &grads[k], transposeB: true) }
            }
        }
    }
}

/// OpenBLAS's sgemm, whatever `SgemmBackend` says (the benchmark's reference).
private func cblasProduct(_ ta: Bool, _ tb: Bool, _ m: Int, _ n: Int, _ k: Int, _ a: UnsafePointer<Float>, _ lda: Int,
                          _ b: UnsafePointer<Float>, _ ldb: Int, _ c: UnsafeMutablePointer<Float>) {
    let saved = SgemmBackend.current
    SgemmBackend.current = .openBLAS
    Float.gemm(transA: ta, transB: tb, m: m, n: n, k: k, alpha: 1, a: a, lda: lda, b: b, ldb: ldb, beta: 0, c: c, ldc: n)
    SgemmBackend.current = saved
}
