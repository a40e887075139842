import Foundation

/// A component's description as text for the terminal and for the README.
public enum CatalogText {
    public static func plain(_ c: ComponentDescription) -> String {
        var lines = ["\(c.name) (\(c.kind.rawValue), revision \(c.revision)): \(c.summary)"]
        if !c.needs.isEmpty { lines.append("  needs from the loss oracle: \(c.needs.names.joined(separator: ", "))") }
        if !c.provides.isEmpty { lines.append("  its loss oracle answers: \(c.provides.names.joined(separator: ", "))") }
        if !c.metrics.isEmpty { lines.append("  metrics per epoch: \(goals(c.metricDescriptions))") }
        if !c.diagnostics.isEmpty { lines.append("  diagnostics per step: \(goals(c.diagnosticMetrics))") }
        if !c.tensors.isEmpty { lines.append("  tensors (record.tensors): \(c.tensors.joined(separator: ", "))") }
        if c.keys.isEmpty { lines.append("  no keys") }
        for k in c.keys {
            lines.append("  \(k.name.padding(toLength: 20, withPad: " ", startingAt: 0)) \(k.kind.typeName), default \(k.defaultText)"
                         + (k.range.map { ", \($0.text)" } ?? "") + "\n      \(k.summary)")
        }
        return lines.joined(separator: "\n")
    }

    /// Each metric with its goal: `test_accuracy (maximise)`, `curvature (no direction)`.
    public static func goals(_ metrics: [MetricDescription]) -> String {
        metrics.map { m in
            "\(m.name) (\(m.goal == .minimize ? "minimise" : m.goal == .maximize ? "maximise" : "no direction")\(m.unit.isEmpty ? "" : ", \(m.unit)"))"
        }.joined(separator: ", ")
    }

    public static func markdown(_ c: ComponentDescription) -> String {
        var lines = ["#### `\(c.name)` (\(c.kind.rawValue))", "", c.summary + ".", ""]
        if !c.metrics.isEmpty { lines += ["Metrics per epoch: " + goals(c.metricDescriptions) + ".", ""] }
        if !c.diagnostics.isEmpty { lines += ["Diagnostics per step: " + goals(c.diagnosticMetrics) + ".", ""] }
        if c.keys.isEmpty { return (lines + ["No keys.", ""]).joined(separator: "\n") }
        lines += ["| key | type | default | range | meaning |", "|---|---|---|---|---|"]
        for k in c.keys {
            lines.append("| `\(k.name)` | \(k.kind.typeName) | \(k.defaultText) | \(k.range?.text ?? "") | \(k.summary) |")
        }
        return (lines + [""]).joined(separator: "\n")
    }
}
