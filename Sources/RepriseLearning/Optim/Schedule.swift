import Foundation

/// Where training stands, for schedules that are functions of the step and the epoch.
public struct TrainingClock: Sendable {
    /// Steps taken before the current one (0-based).
    public var step: Int
    /// Completed epochs before the current step (0-based epoch index).
    public var epoch: Int
    public var stepsPerEpoch: Int
    public var totalSteps: Int
    public var totalEpochs: Int { max(1, (totalSteps + stepsPerEpoch - 1) / stepsPerEpoch) }

    /// More steps than any cell takes (a spec's budget is at most 10⁹ steps): a step count read
    /// from a checkpoint beyond it is forged, and refused before arithmetic on it could overflow.
    public static let stepLimit = 1 << 40

    public init(step: Int, epoch: Int, stepsPerEpoch: Int, totalSteps: Int) {
        self.step = step
        self.epoch = epoch
        self.stepsPerEpoch = stepsPerEpoch
        self.totalSteps = totalSteps
    }
}

/// A learning-rate schedule: the multiplier `f` of the base rate, `lr = lr₀·f(clock)`.
public enum Schedule: Sendable, Hashable {
    /// `f = 1`.
    case constant
    /// `f = γ^⌊e/k⌋`, stepped once per epoch `e` (PyTorch `StepLR`).
    case stepDecay(everyEpochs: Int, factor: Double)
    /// `f = γ^e`, per epoch `e` (exponential decay).
    case exponential(gamma: Double)
    /// `f = (1 + cos(π t/T))/2` per iteration `t` of `T` (cosine annealing to 0, no restarts).
    case cosine
    /// Hyperbolic-tangent decay (Hsueh et al. 2019, as in the TASO authors' code):
    /// `f = (1 − tanh(L + (U − L)·t/T))/2` per iteration, `L = −6`, `U = 3` by default.
    case hyperbolicTangentDecay(lower: Double, upper: Double)
    /// TASO as in the authors' arXiv-v1 code (papers.md §3), stepped once per epoch `k` (0-based) of `E`:
    /// `f(k) = 1/(1 + exp(α((k+1)/E − β))) + 0.001`, i.e. `lr(e) = lr_i/(1 + exp(α(e/e_f − β))) + lr_f`
    /// with `lr_f = 0.001·lr_i`.
    case tasoPerEpoch(alpha: Double, beta: Double)
    /// TASO, later variant of the authors' code: per iteration `t` of `T`, no floor:
    /// `f(t) = 1/(1 + exp(α((t+1)/T − β)))`.
    case tasoPerIteration(alpha: Double, beta: Double)

    /// The floor `lr_f/lr_i` of the per-epoch TASO schedule.
    public static let tasoFloor = 0.001

    public func multiplier(_ c: TrainingClock) -> Double {
        switch self {
        case .constant:
            return 1
        case .stepDecay(let k, let γ):
            return pow(γ, Double(c.epoch / k))
        case .exponential(let γ):
            return pow(γ, Double(c.epoch))
        case .cosine:
            return (1 + cos(Double.pi * Double(c.step) / Double(c.totalSteps))) / 2
        case .hyperbolicTangentDecay(let l, let u):
            return (1 - tanh(l + (u - l) * Double(c.step) / Double(c.totalSteps))) / 2
        case .tasoPerEpoch(let α, let β):
            return 1 / (1 + exp(α * (Double(c.epoch + 1) / Double(c.totalEpochs) - β))) + Self.tasoFloor
        case .tasoPerIteration(let α, let β):
            return 1 / (1 + exp(α * (Double(c.step + 1) / Double(c.totalSteps) - β)))
        }
    }
}
