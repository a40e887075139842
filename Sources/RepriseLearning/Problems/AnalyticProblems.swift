import Foundation
import RepriseConfig
import RepriseNumerics

/// Keys shared by the analytic-objective problems.
enum ObjectiveKeys {
    static let function = KeyRule.required("function", .string(ObjectiveName.allCases.map(\.rawValue)), nil,
                                           "the objective f (Objectives.swift gives each formula)")
    static let dimension = KeyRule.value("dimension", .int, .int(2), .between(1, 10_000), "the dimension of θ")
    static let noise = KeyRule.value("noise", .number, .double(0), .between(0, 1e6),
                                     "σ: N(0, σ²) noise added to each gradient component, fresh every step")
    static let capabilities: OracleCapabilities = [.gradient, .directional, .curvature]

    static func dimensionProblems(_ s: Settings) -> [KeyProblem] {
        let name = s.string("function"), d = s.int("dimension")
        if let f = ObjectiveName(rawValue: name), !f.accepts(dimension: d) {
            return [KeyProblem("dimension", "\(name) is defined in \(f.dimensions) dimensions (found \(d))")]
        }
        return []
    }

    /// Trajectories are kept in memory: `starts × (steps + 1) × dimension` numbers.
    static func trajectoryProblems(_ s: Settings, starts: Int) -> [KeyProblem] {
        let steps = s.optionalInt("steps") ?? s.optionalInt("epochs") ?? 0
        let size = CheckedCount.product([starts, steps + 1, s.int("dimension")])
        return (size ?? .max) > 200_000_000
            ? [KeyProblem("steps", "the trajectories would hold \(CheckedCount.text(size)) numbers; keep starts × steps × dimension under 2·10⁸")] : []
    }

    /// θ of each start (`dimension`) and the starts, each with its own optimizer state: what OGR's
    /// D×D statistics are counted on. Trajectories are bounded by `trajectoryProblems`.
    static func memory(starts: @escaping @Sendable (Settings) -> Int?) -> @Sendable (Settings, MemoryEstimate) -> MemoryEstimate {
        { s, e in
            var e = e
            e.networkKey = "dimension"
            e.parameters = s.optionalInt("dimension") ?? 1
            e.starts = starts(s) ?? .max
            return e
        }
    }

    static func make(_ s: Settings) -> any Objective {
        (ObjectiveName(rawValue: s.string("function")) ?? .rosenbrock).make(dimension: s.int("dimension"))
    }
}

/// An analytic objective from one start point, optionally with gradient noise.
public struct AnalyticObjective: ProblemDefinition {
    public static let component = ComponentDescription(
        name: "objective", kind: .problem,
        summary: "an analytic objective (Rosenbrock, Beale) from one start point, in Double",
        keys: [ObjectiveKeys.function, ObjectiveKeys.dimension,
               .required("start", .numbers, .entries(between: -1e6, 1e6, maxCount: 10_000), "the start point θ₀"),
               ObjectiveKeys.noise],
        provides: ObjectiveKeys.capabilities,
        metrics: [.minimize("loss", label: "objective value"), .minimize("distance_to_minimum", label: "distance to the minimiser")],
        tensors: ["trajectory", "final_parameters"],
        constraints: { s in
            var problems = ObjectiveKeys.dimensionProblems(s)
            let start = s.numbers("start"), d = s.int("dimension")
            if start.count != d { problems.append(KeyProblem("start", "has \(start.count) coordinates; the problem has dimension \(d)")) }
            return problems + ObjectiveKeys.trajectoryProblems(s, starts: 1)
        },
        memory: ObjectiveKeys.memory { _ in 1 })

    let settings: Settings
    public init(_ s: Settings) { settings = s }

    /// One start is the whole cell: a run whose objective value leaves ±10¹² has diverged (its
    /// value is no longer a number any claim reads), and the cell stops with status `diverged`,
    /// reported with the value that left the bound.
    public static let bound = DivergenceBound.absolute(1e12)

    public func stepsPerEpoch(batchSize: Int, data: DataCache) throws -> Int { 1 }

    public func makeTrial(_ setup: TrialSetup) throws -> any Trial {
        try ObjectiveTrial(objective: ObjectiveKeys.make(settings), starts: [settings.numbers("start")],
                       noise: settings.number("noise"), setup: setup, multiStart: false, bound: Self.bound)
    }
}

/// An analytic objective from K start points in one cell — a lattice over a box or a list — each
/// with its own optimizer state and its own noise stream (`gradient-noise/start-k`). A start whose
/// loss or parameters stop being finite is recorded as failed and frozen; the cell goes on. No
/// finite bound stops a start (`startBound`): every start is counted, as the paper scores them.
public struct MultiStartObjective: ProblemDefinition {
    public static let component = ComponentDescription(
        name: "multistart", kind: .problem,
        summary: "an analytic objective from many start points (a lattice over a box, or a list), in Double",
        keys: [ObjectiveKeys.function, ObjectiveKeys.dimension,
               .optional("starts", .points, nil, "the start points, e.g. [[-1, -2], [0, 1]]"),
               .optional("box", .points, nil, "the lattice's box, one [low, high] per dimension"),
               .optional("lattice", .ints, .entries(between: 1, 1000), "lattice points per dimension, ends included"),
               ObjectiveKeys.noise,
               .optional("escape_below", .number, nil, "a start has escaped at the first step where f falls below this (saddles)"),
               .optional("contour", .points, nil, "2-D: store f on a 101×101 grid over [[x_low, x_high], [y_low, y_high]] for contour plots")],
        // 2: the geometric mean is NaN when a start's value is ≤ 0 (it was clamped to 2.2e-308).
        // 3: a start is no longer stopped when |f| passes 10¹² (only when f or θ stops being finite),
        //    and `loss` and `geometric_mean_loss` are over every start (NaN when one is not finite):
        //    Duda's protocol. Starts that passed 10¹² and recovered were frozen and left out of both.
        revision: 3,
        provides: ObjectiveKeys.capabilities,
        metrics: [.minimize("loss", label: "mean objective value over the starts"),
                  .minimize("geometric_mean_loss", label: "geometric mean objective value over the starts"),
                  .minimize("median_loss", label: "median objective value over the starts still finite"),
                  .minimize("failed_starts", label: "failed starts", unit: "starts"),
                  .minimize("distance_to_minimum", label: "distance to the minimiser"),
                  .maximize("escaped_fraction", label: "starts escaped", unit: "fraction"),
                  .minimize("mean_escape_step", label: "mean escape step", unit: "steps")],
        tensors: ["trajectory", "final_parameters"],
        storedTensors: ["start_points", "final_values", "start_failed", "escape_steps", "contour", "contour_x", "contour_y"],
        constraints: { s in
            var problems = ObjectiveKeys.dimensionProblems(s)
            let d = s.int("dimension")
            switch (s.has("starts"), s.has("box") || s.has("lattice")) {
            case (true, false):
                let starts = s.points("starts")
                if starts.isEmpty || starts.count > 100_000 { problems.append(KeyProblem("starts", "give 1 to 100000 points")) }
                if let bad = starts.firstIndex(where: { $0.count != d }) {
                    problems.append(KeyProblem("starts", "point \(bad) has \(starts[bad].count) coordinates; the problem has dimension \(d)"))
                }
                problems += ObjectiveKeys.trajectoryProblems(s, starts: starts.count)
            case (false, true):
                let box = s.has("box") ? s.points("box") : [], lattice = s.has("lattice") ? s.ints("lattice") : []
                if box.count != d || box.contains(where: { $0.count != 2 || !($0[0] <= $0[1]) }) {
                    problems.append(KeyProblem("box", "give one [low, high] with low ≤ high per dimension (\(d))"))
                }
                if lattice.count != d { problems.append(KeyProblem("lattice", "give one count per dimension (\(d))")) }
                // Checked: [1000] × 7 is past Int.max, and every command validates every spec.
                if let starts = CheckedCount.product(lattice), starts <= 100_000 {
                    problems += ObjectiveKeys.trajectoryProblems(s, starts: starts)
                } else {
                    let product = lattice.map(String.init).joined(separator: " × ")
                    problems.append(KeyProblem("lattice", "\(product) = \(CheckedCount.text(CheckedCount.product(lattice))) start points; give at most 100000 (fewer points per dimension)"))
                }
            default:
                problems.append(KeyProblem("starts", "give either starts = [[…], …] or box = [[low, high], …] with lattice = [n, …]"))
            }
            if s.has("contour") {
                let c = s.points("contour")
                if d != 2 || c.count != 2 || c.contains(where: { $0.count != 2 || !($0[0] < $0[1]) }) {
                    problems.append(KeyProblem("contour", "a 2-D problem's [[x_low, x_high], [y_low, y_high]] with low < high"))
                }
            }
            return problems
        },
        memory: ObjectiveKeys.memory { s in
            s.has("starts") ? s.points("starts").count : CheckedCount.product(s.has("lattice") ? s.ints("lattice") : [])
        })

    let settings: Settings
    public init(_ s: Settings) { settings = s }

    /// What stops one start: only a loss or parameters that are no longer finite. Duda (arXiv
    /// 1901.11457) scores a multi-start run by the mean or geometric mean of the final value over
    /// *every* start, so a start that climbs past any finite bound and comes back down must be run
    /// on and counted; a start that overflows makes the score not computable (NaN, the
    /// published-numbers table says so), not smaller. (Until revision 3 a start was frozen at
    /// |f| > 10¹², `AnalyticObjective.bound`, and left out of the means.) The cell itself diverges only
    /// when no start is left running.
    public static let startBound = DivergenceBound.nonFinite

    /// The start points: the list, or the lattice `lowⱼ + (highⱼ − lowⱼ)·i/(nⱼ − 1)` (the midpoint when
    /// `nⱼ = 1`), the last coordinate varying fastest.
    public var starts: [[Double]] {
        if settings.has("starts") { return settings.points("starts") }
        let box = settings.points("box"), counts = settings.ints("lattice")
        var points: [[Double]] = [[]]
        for (j, n) in counts.enumerated() {
            let (low, high) = (box[j][0], box[j][1])
            let values = (0..<n).map { i in n == 1 ? (low + high) / 2 : low + (high - low) * Double(i) / Double(n - 1) }
            points = points.flatMap { p in values.map { p + [$0] } }
        }
        return points
    }

    public func stepsPerEpoch(batchSize: Int, data: DataCache) throws -> Int { 1 }

    public func makeTrial(_ setup: TrialSetup) throws -> any Trial {
        let trial = try ObjectiveTrial(objective: ObjectiveKeys.make(settings), starts: starts, noise: settings.number("noise"),
                                       setup: setup, multiStart: true, bound: Self.startBound)
        trial.escapeBelow = settings.has("escape_below") ? settings.number("escape_below") : nil
        trial.contour = settings.has("contour") ? settings.points("contour") : nil
        return trial
    }
}

/// Optimisation of an analytic objective in `Double` from one or more starts, with optional Gaussian
/// gradient noise (`g ← ∇f(θ) + σ·ξ`, `ξ ~ N(0, I)`). Every trajectory is kept. The problem that
/// builds it declares the bound that stops a start (`AnalyticObjective.bound`,
/// `MultiStartObjective.startBound`).
final class ObjectiveTrial: Trial {
    private final class Run {
        let θ: Parameters<Double>
        var gradient: [Double]
        var optimizer: Optimizer<Double>
        var noiseRNG: RandomStream
        let oracle: ObjectiveOracle
        let diagnostics = Diagnostics()
        var trajectory: [Double]
        var failed = false
        var escapeStep: Int?

        init(start: [Double], objective: any Objective, setup: TrialSetup, noiseStream: String, streams: CellStreams) throws {
            θ = Parameters(start)
            gradient = [Double](repeating: 0, count: start.count)
            optimizer = try Optimizer(setup.optimizer, setup: TransformSetup(parameterCount: start.count, layers: [],
                                                                             diagnostics: diagnostics, streams: streams))
            noiseRNG = setup.streams.stream(noiseStream)
            oracle = ObjectiveOracle(objective: objective, parameters: θ)
            trajectory = start
        }
    }

    private let objective: any Objective
    private let noise: Double
    private let multiStart: Bool
    /// Where one start stops and is frozen; with one start, the cell's divergence.
    private let bound: DivergenceBound
    private let runs: [Run]
    private let startPoints: [[Double]]
    private var steps = 0
    let diagnostics = Diagnostics()
    /// Multi-start: the value below which a start counts as escaped, and the contour grid's box.
    var escapeBelow: Double?
    var contour: [[Double]]?
    private let failedSlot: DiagnosticSlot?

    init(objective: any Objective, starts: [[Double]], noise: Double, setup: TrialSetup, multiStart: Bool, bound: DivergenceBound) throws {
        self.objective = objective
        self.noise = noise
        self.multiStart = multiStart
        self.bound = bound
        startPoints = starts
        // Each start of many has its own streams (its noise, a transformation's random state).
        runs = try starts.enumerated().map { k, start in
            try Run(start: start, objective: objective, setup: setup, noiseStream: multiStart ? "gradient-noise/start-\(k)" : "gradient-noise",
                    streams: multiStart ? setup.streams.prefixed("start-\(k)") : setup.streams)
        }
        for name in runs.first?.diagnostics.names ?? [] { _ = diagnostics.slot(name) }
        failedSlot = multiStart ? diagnostics.slot("failed_starts") : nil
    }

    var stepsPerEpoch: Int { 1 }

    /// Per start: θ, its trajectory so far, the noise stream, the optimizer, whether it failed and
    /// when it escaped; the step count and the diagnostics' last values.
    func save(into state: inout StateArchive) {
        state.put("steps", steps)
        state.put("diagnostics", diagnostics.values)
        for (k, run) in runs.enumerated() {
            var s = StateArchive()
            s.put("parameters", run.θ.values)
            s.put("trajectory", run.trajectory)
            s.put("noise_stream", run.noiseRNG)
            s.put("failed", run.failed)
            s.put("escape_step", run.escapeStep ?? -1)
            s.put("diagnostics", run.diagnostics.values)
            s.put("optimizer", part: run.optimizer.state)
            state.put("start-\(k)", part: s)
        }
    }

    func restore(from state: StateArchive) throws {
        steps = try state.int("steps", in: 0...TrainingClock.stepLimit)
        try state.copy("diagnostics", into: &diagnostics.values)
        for (k, run) in runs.enumerated() {
            let s = state.part("start-\(k)")
            try s.copy("parameters", into: &run.θ.values)
            run.trajectory = try s.array("trajectory")
            // Divided, not multiplied: a forged step count cannot overflow.
            guard run.trajectory.count % max(1, run.θ.count) == 0, run.trajectory.count / max(1, run.θ.count) == steps + 1 else {
                throw StateError("start-\(k)/trajectory holds \(run.trajectory.count) values, expected \((steps + 1) * run.θ.count)")
            }
            run.noiseRNG = try s.stream("noise_stream")
            run.failed = try s.bool("failed")
            // A start still running has finite parameters, trajectory and moments (a failed one is frozen with NaNs).
            if !run.failed { try s.requireFinite(except: ["diagnostics"]) }
            let escape = try s.int("escape_step")
            run.escapeStep = escape >= 0 ? escape : nil
            try s.copy("diagnostics", into: &run.diagnostics.values)
            try run.optimizer.restore(from: s.part("optimizer"))
        }
    }

    /// The cell's bound is the starts' bound: with one start its divergence is the start's; with
    /// many, `step` returns a finite mean while any start runs.
    var divergence: DivergenceBound { bound }

    /// One step of every start still running; returns the mean loss over them (NaN when none is).
    func step(_ clock: TrainingClock) -> Double {
        var losses: [Double] = [], outside: Double?
        var sums = [Double](repeating: 0, count: diagnostics.names.count)
        for run in runs where !run.failed {
            let loss = objective.value(run.θ.values)
            guard loss.isFinite, !bound.exceeded(by: loss, firstLoss: .nan), run.θ.values.allSatisfy(\.isFinite) else {
                run.failed = true
                if loss.isFinite { outside = loss }
                continue
            }
            objective.gradient(run.θ.values, into: &run.gradient)
            if noise > 0 { for i in run.gradient.indices { run.gradient[i] += noise * run.noiseRNG.normal() } }
            run.oracle.loss = loss
            run.oracle.gradient = run.gradient
            run.optimizer.update(run.θ, gradient: &run.gradient, clock: clock, oracle: run.oracle)
            run.trajectory += run.θ.values
            losses.append(loss)
            for (i, v) in run.diagnostics.values.enumerated() { sums[i] += v }
        }
        steps += 1
        if let threshold = escapeBelow {
            for run in runs where !run.failed && run.escapeStep == nil && objective.value(run.θ.values) < threshold { run.escapeStep = steps }
        }
        for run in runs where run.failed { run.trajectory += [Double](repeating: .nan, count: run.θ.count) }
        let active = losses.count
        for i in sums.indices { diagnostics.values[i] = active > 0 ? sums[i] / Double(active) : .nan }
        failedSlot?.publish(Double(runs.count - active))
        // One start: a failure is the cell's divergence, reported with the value that left the bound.
        // Many: the cell goes on while any start runs; the mean is taken as Σ fₖ/n so that starts far
        // out but finite (no bound stops them) cannot overflow it into a false divergence.
        if !multiStart, let outside { return outside }
        return active > 0 ? losses.reduce(0) { $0 + $1 / Double(active) } : .nan
    }

    func evaluate() -> [(name: String, value: Double)] {
        let finals = runs.map { $0.failed ? Double.nan : objective.value($0.θ.values) }
        let distances = runs.map { run -> Double in
            guard let x = objective.minimizer, !run.failed else { return .nan }
            return zip(run.θ.values, x).map { ($0 - $1) * ($0 - $1) }.reduce(0, +).squareRoot()
        }
        let ok = finals.filter(\.isFinite)
        func mean(_ xs: [Double]) -> Double { xs.isEmpty ? .nan : xs.reduce(0) { $0 + $1 / Double(xs.count) } }
        var metrics = [("loss", multiStart ? Self.meanOverStarts(finals) : finals[0])]
        if multiStart {
            let sorted = ok.sorted()
            let median = sorted.isEmpty ? .nan : sorted.count % 2 == 1 ? sorted[sorted.count / 2]
                : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
            metrics += [("geometric_mean_loss", Self.geometricMeanOverStarts(finals)),
                        ("median_loss", median), ("failed_starts", Double(finals.count - ok.count))]
        }
        if objective.minimizer != nil || multiStart {
            metrics.append(("distance_to_minimum", multiStart ? mean(distances.filter(\.isFinite)) : distances[0]))
        }
        if multiStart {
            let escaped = runs.compactMap(\.escapeStep).map(Double.init)
            metrics += [("escaped_fraction", escapeBelow == nil ? .nan : Double(escaped.count) / Double(runs.count)),
                        ("mean_escape_step", mean(escaped))]
        }
        return metrics
    }

    /// The paper's score of a multi-start run: the mean final value over *every* start; NaN (not
    /// computable) when any start's value is not finite, never the mean of the others.
    static func meanOverStarts(_ finals: [Double]) -> Double {
        guard !finals.isEmpty, finals.allSatisfy(\.isFinite) else { return .nan }
        return finals.reduce(0) { $0 + $1 / Double(finals.count) }
    }

    /// The paper's 3-D score: `exp(Σₖ log fₖ / K)` over *every* start; NaN when any start's value is
    /// not finite, and when one is ≤ 0 (a saddle's negative values have no logarithm: NaN, not the
    /// smallest normal number a clamp would print).
    static func geometricMeanOverStarts(_ finals: [Double]) -> Double {
        guard !finals.isEmpty, finals.allSatisfy({ $0.isFinite && $0 > 0 }) else { return .nan }
        return exp(finals.reduce(0) { $0 + log($1) / Double(finals.count) })
    }

    func tensors() -> [Tensor] {
        let d = objective.dimension, k = runs.count
        guard multiStart else {
            let run = runs[0]
            return [Tensor(name: "trajectory", shape: [run.trajectory.count / d, d], values: .float64(run.trajectory)),
                    Tensor(name: "final_parameters", shape: [d], values: .float64(run.θ.values))]
        }
        // Per-start results are the point of a multi-start cell: always stored.
        return [Tensor(name: "trajectory", shape: [k, steps + 1, d], values: .float64(runs.flatMap(\.trajectory))),
                Tensor(name: "final_parameters", shape: [k, d], values: .float64(runs.flatMap(\.θ.values))),
                Tensor(name: "start_points", shape: [k, d], values: .float64(startPoints.flatMap { $0 }), always: true),
                Tensor(name: "final_values", shape: [k], values: .float64(runs.map { $0.failed ? .nan : objective.value($0.θ.values) }), always: true),
                Tensor(name: "start_failed", shape: [k], values: .float64(runs.map { $0.failed ? 1 : 0 }), always: true)]
            + (escapeBelow == nil ? [] : [Tensor(name: "escape_steps", shape: [k], values: .float64(runs.map { $0.escapeStep.map(Double.init) ?? .nan }), always: true)])
            + contourTensors()
    }

    /// `f` on a 101×101 grid over the contour box (rows: y, columns: x), with its axes.
    private func contourTensors() -> [Tensor] {
        guard let box = contour, box.count == 2 else { return [] }
        let n = 101
        let xs = (0..<n).map { box[0][0] + (box[0][1] - box[0][0]) * Double($0) / Double(n - 1) }
        let ys = (0..<n).map { box[1][0] + (box[1][1] - box[1][0]) * Double($0) / Double(n - 1) }
        let grid = ys.flatMap { y in xs.map { x in objective.value([x, y]) } }
        return [Tensor(name: "contour", shape: [n, n], values: .float64(grid), always: true),
                Tensor(name: "contour_x", shape: [n], values: .float64(xs), always: true),
                Tensor(name: "contour_y", shape: [n], values: .float64(ys), always: true)]
    }
}

/// The loss oracle of an analytic objective at the current point, in closed form. With gradient
/// noise the sampled function is `f(θ') + σξᵀ(θ' − θ)`: its gradient is the noisy `g`, its curvature
/// that of `f`.
final class ObjectiveOracle: LossOracle {
    let objective: any Objective
    let θ: Parameters<Double>
    var loss: Double = .nan
    var gradient: [Double] = []
    private var hv: [Double]

    init(objective: any Objective, parameters: Parameters<Double>) {
        self.objective = objective
        θ = parameters
        hv = [Double](repeating: 0, count: objective.dimension)
    }

    var capabilities: OracleCapabilities { ObjectiveKeys.capabilities }

    func directional(along d: UnsafeBufferPointer<Double>) -> (value: Double, slope: Double) {
        (loss, zip(gradient, d).map(*).reduce(0, +))
    }

    /// `f(θ + td) + t·(g − ∇f(θ))ᵀd`: the sampled function, whose noise term is linear.
    func loss(at t: Double, along d: UnsafeBufferPointer<Double>) -> Double {
        objective.gradient(θ.values, into: &hv)
        let noise = zip(zip(gradient, hv), d).reduce(0.0) { $0 + ($1.0.0 - $1.0.1) * $1.1 }
        return objective.value(zip(θ.values, d).map { $0 + t * $1 }) + t * noise
    }

    func curvature(along d: UnsafeBufferPointer<Double>, mode: CurvatureMode) -> (value: Double, slope: Double, curvature: Double) {
        let direction = Array(d)
        objective.hessianVectorProduct(θ.values, direction, into: &hv)
        return (loss, zip(gradient, direction).map(*).reduce(0, +), zip(hv, direction).map(*).reduce(0, +))
    }
}
