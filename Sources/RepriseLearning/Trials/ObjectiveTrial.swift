import Foundation
import RepriseConfig
import RepriseNumerics

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
