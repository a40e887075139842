import Foundation
import RepriseConfig

/// Spec validation: the figures.
extension Validator {
    mutating func validateFigures(_ v: ConfigValue?, epochMetrics: [String], stepMetrics: [String],
                                          variants variantTables: [[String: ConfigValue]], baseNames: Set<String>,
                                          storedTensors: [String], recordedTensors: [String]) -> [FigureSpec] {
        let variants = variantTables.map { $0["name"]?.string ?? "" }
        guard let v else { return [] }
        guard let list = v.array else { fail("figures", "expected [[figures]] tables"); return [] }
        var out: [FigureSpec] = []
        for (i, item) in list.enumerated() {
            let path = "figures[\(i)]"
            guard let t = item.table else { fail(path, "expected a table"); continue }
            let f = validate(t, Schema.figure, at: path)
            guard let name = f["name"]?.string, let x = f["x"]?.string, let y = f["y"]?.string else { continue }
            if name.isEmpty || name.count > 100 || name.contains(where: { !Self.nameCharacter($0) }) {
                fail("\(path).name", "use 1 to 100 letters, digits, '-', '_' and '.' (it names the figure's files)")
            }
            let figureKind = f["kind"]?.string ?? "lines"
            let metrics = figureKind == "lines" && x != "epoch" ? stepMetrics : epochMetrics
            if figureKind == "sorted" {
                if !storedTensors.contains(y) {
                    fail("\(path).y", "a sorted figure draws a per-start tensor the problem stores; this problem stores \(storedTensors.isEmpty ? "none (use a multistart problem)" : storedTensors.joined(separator: ", "))")
                }
            } else if figureKind == "selection" {
                if !variantTables.contains(where: { $0["select"] != nil }) {
                    fail("\(path).kind", "a selection figure draws the selection stage; no variant of this spec has a select grid")
                }
            } else if figureKind == "trajectories" {
                if y != "trajectory" || !recordedTensors.contains("trajectory") {
                    fail("\(path).y", "a trajectories figure draws y = \"trajectory\", which record.tensors must ask for")
                }
            } else if !metrics.contains(y) {
                let what = figureKind == "lines" && x != "epoch" ? "recorded per step (the loss and the diagnostics this experiment's components publish)"
                                                                : "recorded per epoch for this problem"
                fail("\(path).y", "'\(y)' is not \(what); choose one of \(metrics.joined(separator: ", "))")
            }
            if ["bars", "dots", "heatmap", "sweep"].contains(figureKind), f["over_epochs"]?.string == "best", metrics.contains(y) {
                requireGoal(y, at: "\(path).over_epochs", for: "reduced by \"best\" (use \"final\")")
            }
            let chosen = f["variants"]?.array?.compactMap(\.string) ?? []
            for c in chosen where !variants.contains(c) && !baseNames.contains(c) {
                fail("\(path).variants", "no variant named '\(c)'; the spec has \(variants.joined(separator: ", "))")
            }
            let xKey = f["x_key"]?.string ?? "", yKey = f["y_key"]?.string ?? ""
            if figureKind == "sweep", xKey.isEmpty || !variantTables.contains(where: { $0[xKey]?.number != nil }) {
                fail("\(path).x_key", "a sweep needs a numeric variant key here (the value across, e.g. rho)")
            }
            if figureKind == "heatmap" {
                for (key, keyName) in [(xKey, "x_key"), (yKey, "y_key")] where key.isEmpty || !variantTables.contains(where: { $0[key] != nil }) {
                    fail("\(path).\(keyName)", "a heatmap needs a variant key here (a key whose values vary across variants)")
                }
            }
            out.append(FigureSpec(name: name, kind: FigureSpec.Kind(rawValue: figureKind) ?? .lines, title: f["title"]?.string ?? "", x: x, y: y,
                                  logX: f["log_x"]?.bool ?? false, logY: f["log_y"]?.bool, variants: chosen,
                                  overEpochs: f["over_epochs"]?.string.flatMap(EpochReduction.init) ?? .final, xKey: xKey, yKey: yKey, absent: f["absent"]?.string ?? "",
                                  marks: f["marks"]?.array?.compactMap(\.number) ?? []))
        }
        return out
    }
}
