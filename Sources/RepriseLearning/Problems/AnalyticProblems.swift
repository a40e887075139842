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
