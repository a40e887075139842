import Foundation
import RepriseExperiments
import RepriseStore

/// The table of final metrics per variant, mean ± std over seeds, from the store.
public struct Summary {
    public struct Column {
        public var title: String
        public var values: (CellRecord) -> Double?
    }

    public let results: StoredResults
    public let columns: [Column]

    public init(_ results: StoredResults) {
        self.results = results
        func last(_ name: String) -> (CellRecord) -> Double? { { $0.series["epochs"]?[name]?.last } }
        func best(_ name: String) -> (CellRecord) -> Double? { { $0.series["epochs"]?[name]?.filter(\.isFinite).max() } }
        var columns: [Column]
        if results.spec.problemKind == "classification" {
            columns = [Column(title: "final train loss", values: last("train_loss"))]
            if (results.spec.problem["validation"]?.int ?? 0) > 0 {
                columns.append(Column(title: "final val acc", values: last("validation_accuracy")))
            }
            columns += [Column(title: "final test acc", values: last("test_accuracy")),
                        Column(title: "best test acc", values: best("test_accuracy"))]
        } else {
            columns = [Column(title: "final loss", values: last("loss")),
                       Column(title: "final distance", values: last("distance_to_minimum"))]
        }
        columns.append(Column(title: "ms/step (wall)", values: { r in
            let s = r.wallclockSeries["step_seconds"] ?? []
            return s.isEmpty ? nil : 1000 * s.reduce(0, +) / Double(s.count)
        }))
        self.columns = columns
    }

    private func rows() -> [[String]] {
        results.byVariant.map { variant, records in
            let diverged = records.filter { $0.string("status") == "diverged" }.count
            var row = [variant, "\(records.count)" + (diverged > 0 ? " (\(diverged) diverged)" : "")]
            for c in columns {
                let v = records.compactMap(c.values).filter(\.isFinite)
                row.append(cell(v))
            }
            return row
        }
    }

    private var header: [String] { ["variant", "seeds"] + columns.map(\.title) }

    /// `mean ± std` over seeds in one notation chosen by the mean's size; the mean alone for one seed.
    private func cell(_ v: [Double]) -> String {
        guard !v.isEmpty else { return "–" }
        let (m, s) = meanAndStd(v)
        let pattern = abs(m) >= 1e-3 && abs(m) < 1e4 || m == 0 ? "%.4f" : "%.3e"
        let mean = String(format: pattern, m)
        return v.count == 1 ? mean : mean + " ± " + String(format: pattern, s)
    }

    /// An aligned plain-text table.
    public var text: String {
        let all = [header] + rows()
        let widths = header.indices.map { j in all.map { $0[j].count }.max() ?? 0 }
        func line(_ r: [String]) -> String {
            r.enumerated().map { j, cell in cell.padding(toLength: widths[j], withPad: " ", startingAt: 0) }
                .joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }
        var out = "\(results.spec.title) — \(results.spec.name) [\(results.spec.profile)], mean ± std over seeds\n"
        out += line(header) + "\n" + line(widths.map { String(repeating: "-", count: $0) }) + "\n"
        out += rows().map(line).joined(separator: "\n") + "\n"
        out += "(ms/step is wall-clock time: machine-dependent, not reproducible)\n"
        return out
    }

    /// The same table in Markdown, with the experiment's substitutions.
    public var markdown: String {
        var out = "### \(results.spec.title)\n\n`\(results.spec.name)`, profile `\(results.spec.profile)`; paper: \(results.spec.paper). Mean ± std over seeds.\n\n"
        out += "| " + header.joined(separator: " | ") + " |\n"
        out += "|" + header.map { _ in "---" }.joined(separator: "|") + "|\n"
        for r in rows() { out += "| " + r.joined(separator: " | ") + " |\n" }
        if !results.spec.substitutions.isEmpty {
            out += "\nSubstitutions: " + results.spec.substitutions.joined(separator: " ") + "\n"
        }
        out += "\nms/step is wall-clock time (machine-dependent, not reproducible).\n"
        return out
    }
}
