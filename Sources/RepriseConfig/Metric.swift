/// A number a component records (a problem's per-epoch metric, a transformation's per-step
/// diagnostic): its name, which direction is better, and how a table or axis names it. Selection,
/// `best` over epochs, claims, tables and figures read the goal from here; nothing guesses it from
/// the name.
public struct MetricDescription: Sendable, Hashable {
    public enum Goal: String, Sendable {
        /// Smaller is better (losses, distances, failure counts, steps to escape).
        case minimize
        /// Larger is better (accuracies, escape rates).
        case maximize
        /// A quantity with no better direction (a learning rate, a curvature): never selected on,
        /// never reduced by `best`, never the subject of a claim.
        case none
    }

    public var name: String
    public var goal: Goal
    /// How tables and axes name it ("test accuracy").
    public var label: String
    /// Its unit, "" when dimensionless ("steps", "seconds").
    public var unit: String

    public init(_ name: String, _ goal: Goal, label: String? = nil, unit: String = "") {
        self.name = name
        self.goal = goal
        self.label = label ?? String(name.map { $0 == "_" ? " " : $0 })
        self.unit = unit
    }

    public static func minimize(_ name: String, label: String? = nil, unit: String = "") -> MetricDescription {
        MetricDescription(name, .minimize, label: label, unit: unit)
    }
    public static func maximize(_ name: String, label: String? = nil, unit: String = "") -> MetricDescription {
        MetricDescription(name, .maximize, label: label, unit: unit)
    }
    public static func neutral(_ name: String, label: String? = nil, unit: String = "") -> MetricDescription {
        MetricDescription(name, .none, label: label, unit: unit)
    }
}
