import RepriseConfig

/// A learning-rate schedule as a catalog entry: its keys and its multiplier `f(clock)` of the base
/// rate, `lr(t) = lr·f(clock)`. Each wraps one case of `Schedule`, where the formulas live.
public protocol ScheduleDefinition: Sendable {
    static var component: ComponentDescription { get }
    init(_ settings: Settings)
    var schedule: Schedule { get }
}

extension ScheduleDefinition {
    public func multiplier(_ clock: TrainingClock) -> Double { schedule.multiplier(clock) }
}

public struct ConstantSchedule: ScheduleDefinition {
    public static let component = ComponentDescription(name: "constant", kind: .schedule, summary: "f = 1", keys: [])
    public init(_ s: Settings) {}
    public init() {}
    public var schedule: Schedule { .constant }
}

public struct StepSchedule: ScheduleDefinition {
    public static let component = ComponentDescription(
        name: "step", kind: .schedule, summary: "f = γ^⌊e/k⌋, stepped per epoch e (PyTorch StepLR)",
        keys: [.value("step_every", .int, .int(30), .between(1, 1e9), "k: epochs between decays"),
               .value("step_factor", .number, .double(0.1), .positive, "γ: the factor of each decay")])
    public var schedule: Schedule
    public init(_ s: Settings) { schedule = .stepDecay(everyEpochs: s.int("step_every"), factor: s.number("step_factor")) }
}

public struct ExponentialSchedule: ScheduleDefinition {
    public static let component = ComponentDescription(
        name: "exponential", kind: .schedule, summary: "f = γ^e, per epoch e (exponential decay)",
        keys: [.value("exp_gamma", .number, .double(0.9), Check("in (0, 1]") { v in (v.number ?? 1) > 0 && (v.number ?? 1) <= 1 },
                      "γ: the factor per epoch")])
    public var schedule: Schedule
    public init(_ s: Settings) { schedule = .exponential(gamma: s.number("exp_gamma")) }
}

public struct CosineSchedule: ScheduleDefinition {
    public static let component = ComponentDescription(
        name: "cosine", kind: .schedule, summary: "f = (1 + cos(πt/T))/2 per iteration (annealing to 0, no restarts)", keys: [])
    public init(_ s: Settings) {}
    public var schedule: Schedule { .cosine }
}

public struct HyperbolicTangentSchedule: ScheduleDefinition {
    public static let component = ComponentDescription(
        name: "htd", kind: .schedule,
        summary: "hyperbolic-tangent decay f = (1 − tanh(L + (U − L)t/T))/2 (Hsueh et al. 2019)",
        keys: [.value("htd_lower", .number, .double(-6), .between(-1e3, 1e3), "L"),
               .value("htd_upper", .number, .double(3), .between(-1e3, 1e3), "U")])
    public var schedule: Schedule
    public init(_ s: Settings) { schedule = .hyperbolicTangentDecay(lower: s.number("htd_lower"), upper: s.number("htd_upper")) }
}

public struct TASOSchedule: ScheduleDefinition {
    public static let component = ComponentDescription(
        name: "taso", kind: .schedule,
        summary: "TASO's sigmoid f = 1/(1 + exp(α(x − β))) (+0.001 per epoch), papers.md §3",
        keys: [.value("taso_alpha", .number, .double(25), .positive, "α: steepness"),
               .value("taso_beta", .number, .double(0.7), .between(-1e3, 1e3), "β: where the decay is centred, as a fraction of training"),
               .value("taso_per", .string(["epoch", "iteration"]), .string("epoch"), nil,
                      "epoch: the authors' v1 code (stepped per epoch, floor 0.001); iteration: their later code (no floor)")])
    public var schedule: Schedule
    public init(_ s: Settings) {
        let α = s.number("taso_alpha"), β = s.number("taso_beta")
        schedule = s.string("taso_per") == "epoch" ? .tasoPerEpoch(alpha: α, beta: β) : .tasoPerIteration(alpha: α, beta: β)
    }
}
