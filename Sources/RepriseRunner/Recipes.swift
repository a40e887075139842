import RepriseExperiments
import RepriseLearning

/// Translation of a validated spec's tables into the training code's recipes. The spec has been
/// checked against `Schema` already, so a missing key here is a programming error.
enum Recipes {
    static func problem(_ t: [String: ConfigValue]) -> ProblemRecipe {
        switch t["kind"]!.string! {
        case "classification":
            let sizes = DataSizes(validation: t["validation"]!.int!, train: t["train_examples"]?.int, test: t["test_examples"]?.int)
            let dataset = t["dataset"]!.string!
            let source: DataSource = dataset == "synthetic"
                ? .synthetic(features: t["features"]!.int!, classes: t["classes"]!.int!, sizes: sizes, seed: t["data_seed"]!.int!)
                : .images(ImageDataset(rawValue: dataset)!, sizes: sizes)
            return .classification(data: source, hidden: t["hidden"]!.array!.map { $0.int! },
                                   activation: Activation(rawValue: t["activation"]!.string!)!,
                                   initialization: .init(rawValue: t["init"]!.string!)!,
                                   loss: LossFunction(rawValue: t["loss"]!.string!)!)
        default:
            return .objective(function: ObjectiveName(rawValue: t["function"]!.string!)!, dimension: t["dimension"]!.int!,
                              start: t["start"]!.array!.map { $0.number! }, gradientNoise: t["noise"]!.number!)
        }
    }

    static func optimizer(_ v: [String: ConfigValue]) -> OptimizerRecipe {
        func x(_ key: String) -> Double { v[key]!.number! }
        func flag(_ key: String) -> Bool { v[key]!.bool! }
        let schedule: Schedule
        switch v["schedule"]!.string! {
        case "step": schedule = .stepDecay(everyEpochs: v["step_every"]!.int!, factor: x("step_factor"))
        case "cosine": schedule = .cosine
        case "htd": schedule = .hyperbolicTangentDecay(lower: x("htd_lower"), upper: x("htd_upper"))
        case "taso":
            schedule = v["taso_per"]!.string! == "epoch"
                ? .tasoPerEpoch(alpha: x("taso_alpha"), beta: x("taso_beta"))
                : .tasoPerIteration(alpha: x("taso_alpha"), beta: x("taso_beta"))
        default: schedule = .constant
        }
        switch v["optimizer"]!.string! {
        case "sgd":
            return .sgd(learningRate: x("lr"), momentum: x("momentum"), nesterov: flag("nesterov"),
                        weightDecay: x("weight_decay"), schedule: schedule)
        case "adam":
            return .adam(learningRate: x("lr"), beta1: x("beta1"), beta2: x("beta2"), epsilon: x("eps"),
                         amsgrad: flag("amsgrad"), weightDecay: x("weight_decay"), schedule: schedule)
        case "rmsprop":
            return .rmsprop(learningRate: x("lr"), alpha: x("alpha"), epsilon: x("eps"), centered: flag("centered"),
                            momentum: x("momentum"), weightDecay: x("weight_decay"), schedule: schedule)
        default:
            return .adagrad(learningRate: x("lr"), initialAccumulator: x("initial_accumulator"), epsilon: x("eps"),
                            weightDecay: x("weight_decay"), schedule: schedule)
        }
    }
}
