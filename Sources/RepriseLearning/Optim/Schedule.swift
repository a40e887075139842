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
    /// `f = (1 + cos(π t/T))/2` per iteration `t` of `T` (cosine annealing to 0, no restarts).
    case cosine

    public func multiplier(_ c: TrainingClock) -> Double {
        switch self {
        case .constant:
            return 1
        case .stepDecay(let k, let γ):
            return pow(γ, Double(c.epoch / k))
        case .cosine:
            return (1 + cos(Double.pi * Double(c.step) / Double(c.totalSteps))) / 2
        }
    }
}
