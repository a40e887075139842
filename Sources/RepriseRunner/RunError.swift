import Foundation
import RepriseConfig
import RepriseExperiments
import RepriseLearning
import RepriseNumerics
import RepriseStore


public enum RunError: Error, CustomStringConvertible {
    case unknownVariant([String], available: [String])
    case unknownExperiment(String, available: [String])
    case noSelection(String)
    case unwritable(String, String)
    case noCell(Int, count: Int)
    case selectionNotStored(variant: String, missing: Int, of: Int, experiment: String, profile: String)
    case interrupted(cell: String, completed: Int, of: Int, checkpoint: String?)

    public var description: String {
        switch self {
        case .unknownVariant(let names, let available):
            return "no variant named \(names.joined(separator: ", ")); this experiment has: \(available.joined(separator: ", "))"
        case .unknownExperiment(let name, let available):
            return "no experiment '\(name)' in experiments/; available: \(available.joined(separator: ", "))"
        case .noCell(let k, let count):
            return "--cell \(k) is outside this stage's \(count) cells (0 … \(count - 1))"
        case .unwritable(let folder, let why):
            return "results cannot be stored in \(folder): \(why)"
        case .selectionNotStored(let variant, let missing, let count, let experiment, let profile):
            return "\(variant): \(missing) of its \(count) selection runs are not stored, so no winner can be chosen for the final cells; "
                + "run the selection stage first: reprise run \(experiment) --profile \(profile) --stage selection (or its Slurm job array)"
        case .interrupted(let cell, let completed, let total, let checkpoint):
            return "stopped by a termination request in \(cell) after step \(completed) of \(total); "
                + (checkpoint.map { "its checkpoint is \($0): run the same command again to resume from there" }
                   ?? "no checkpoint was written: run the same command again to train it from its last checkpoint or its start")
        case .noSelection(let name):
            return "\(name): a variant has a select grid but the spec has no [selection] table"
        }
    }
}
