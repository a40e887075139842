import Foundation
import RepriseConfig

/// Spec validation: the selection stage and the paper's published numbers.
extension Validator {
    mutating func validateSelection(_ v: ConfigValue?, metrics: [String], needed: Bool) -> SelectionSpec? {
        guard let v else {
            if needed { fail("selection", "missing; variants with a select grid need a [selection] table (metric, over_epochs, seed)") }
            return nil
        }
        guard let t = v.table else { fail("selection", "expected a table"); return nil }
        let s = validate(t, Schema.selection, at: "selection", table: "[selection]")
        if let m = s["metric"]?.string, !metrics.contains(m) {
            fail("selection.metric", "'\(m)' is not recorded per epoch; choose one of \(metrics.joined(separator: ", "))")
        }
        if let m = s["metric"]?.string, m.hasPrefix("test_") {
            fail("selection.metric", "selecting on the test split would leak it into the result; select on a validation_ metric")
        }
        if let m = s["metric"]?.string, metrics.contains(m) { requireGoal(m, at: "selection.metric", for: "selected on") }
        let seeds = s["seeds"]?.array?.compactMap(\.int) ?? [s["seed"]?.int ?? 0]
        if Set(seeds).count != seeds.count { fail("selection.seeds", "a seed is listed twice") }
        return SelectionSpec(metric: s["metric"]?.string ?? "", overEpochs: s["over_epochs"]?.string.flatMap(EpochReduction.init) ?? .best, seed: seeds[0],
                             seeds: seeds, points: s["points"]?.int, extendSteps: s["extend_steps"]?.int ?? 3)
    }

    mutating func validatePublished(_ v: ConfigValue?, metrics: [String], storedTensors: [String],
                                            variants: [[String: ConfigValue]]) -> [PublishedNumber] {
        guard let v else { return [] }
        guard let list = v.array else { fail("published", "expected [[published]] tables"); return [] }
        let labels = Set(variants.map { $0["label"]?.string ?? $0["name"]?.string ?? "" })
        return list.enumerated().compactMap { i, item in
            let path = "published[\(i)]"
            guard let t = item.table else { fail(path, "expected a table (value, metric, setting, source, comparable, why)"); return nil }
            let p = validate(t, Schema.published, at: path)
            guard let value = p["value"]?.number, let metric = p["metric"]?.string, let setting = p["setting"]?.string,
                  let source = p["source"]?.string, let comparable = p["comparable"]?.bool, let why = p["why"]?.string else { return nil }
            if !metrics.contains(metric) && !storedTensors.contains(metric) {
                fail("\(path).metric", "'\(metric)' is neither recorded per epoch nor a stored per-start tensor; choose one of \((metrics + storedTensors).joined(separator: ", "))")
            } else if metricDescriptions[metric]?.unit == "fraction", !(0...1).contains(value) {
                fail("\(path).value", "\(value) is outside [0, 1], the range of \(metric), a fraction")
            }
            let label = p["label"]?.string ?? ""
            if !label.isEmpty && !labels.contains(label) {
                fail("\(path).label", "no variant labelled '\(label)'; labels: \(labels.sorted().joined(separator: ", "))")
            }
            let group = p["group"]?.string ?? ""
            if !group.isEmpty && !variants.contains(where: { $0["group"]?.string == group }) {
                fail("\(path).group", "no variant group '\(group)'")
            }
            return PublishedNumber(value: value, metric: metric, overEpochs: p["over_epochs"]?.string.flatMap(EpochReduction.init) ?? .final, label: label, group: group,
                                   setting: setting, source: source, comparable: comparable, why: why,
                                   written: locator.literal(of: "\(path).value"), discussion: p["discussion"]?.string ?? "")
        }
    }
}
