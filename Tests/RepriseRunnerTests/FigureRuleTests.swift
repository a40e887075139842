import Foundation
import XCTest
import RepriseExperiments
import RepriseStore
@testable import RepriseReports

/// The figure rules of issue 31 (item 4), on stores built in memory: the forest plot's data are
/// the claims' evaluation; bars that would hide the claimed effect, or stand on a log axis over 10
/// decades, are drawn as dots of every seed; a point over fewer seeds than planned says n; more
/// than 8 series get distinct colour-and-dash pairs; a heat map a range claim covers is coloured by
/// the claim's metric around its band.
final class FigureRuleTests: FolderTestCase {
    private static let seeds = Array(0..<10)

    /// A deterministic spread per seed, in [−1, 1].
    private func z(_ s: Int, _ k: Double = 1) -> Double { sin(Double(s) * 12.9898 * k + 78.233) }

    /// `arms`: (name, label, group, lr) variants on Rosenbrock; `rest`: claims and figures.
    private func spec(_ arms: [(String, String, String, Double)], _ rest: String) throws -> ExperimentSpec {
        var text = SyntheticSpec.head("rules", seeds: Self.seeds)
        for (name, label, group, lr) in arms {
            text += "[[variants]]\nname = \"\(name)\"\nlabel = \"\(label)\"\n\(group.isEmpty ? "" : "group = \"\(group)\"\n")optimizer = \"sgd\"\nlr = \(lr)\n"
        }
        let path = "\(directory)/experiments/rules.toml"
        try (text + rest).write(toFile: path, atomically: true, encoding: .utf8)
        return try ExperimentSpec.load(path)
    }

    /// One record per arm and seed, its final loss `loss(arm, seed)` (nil: diverged).
    private func results(_ spec: ExperimentSpec, memory: [String: Int] = [:], _ loss: (String, Int) -> Double?) -> StoredResults {
        var records: [CellRecord] = []
        for v in spec.variants {
            for s in Self.seeds {
                let value = loss(v.name, s)
                let bytes = Int64(memory[v.name] ?? 100)
                records.append(CellRecord(attributes: ["variant": .string(v.name), "seed": .int(Int64(s)), "status": .string(value == nil ? "diverged" : "complete"),
                                                       "memory_buffers_bytes": .int(bytes), "memory_parameters_bytes": .int(100), "memory_state_bytes": .int(0)],
                                          series: ["epochs": ["epoch": [0, 1], "loss": [24.2, value ?? .nan]]]))
            }
        }
        return StoredResults(spec: spec, records: records)
    }

    private func claim(_ kind: String, _ keys: String) -> String {
        "[[claims]]\ntext = \"a \(kind) claim\"\nkind = \"\(kind)\"\nmetric = \"loss\"\n\(keys)\n"
    }

    /// The data rows of a table (no comments), split at tabs.
    private func rows(_ table: String) -> [[String]] {
        table.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
    }

    // MARK: the forest plot

    func testForestPlotHoldsEachClaimsEvaluation() throws {
        let arms = [("a", "A", "g1", 0.1), ("b", "B", "g1", 0.2), ("a2", "A", "g2", 0.1), ("b2", "B", "g2", 0.2)]
        let s = try spec(arms, claim("superior", "subject = \"A\"\nothers = [\"B\"]\nprimary = true\nevery_group = true")
                         + claim("noninferior", "subject = \"A\"\nothers = [\"B\"]\nmargin = 0.05\nmargin_why = \"a test\"\ngroups = [\"g1\"]")
                         + claim("spread", "subject = \"A\"\nothers = [\"B\"]\ngroups = [\"g1\"]")
                         + "[[claims]]\ntext = \"memory\"\nkind = \"cost\"\nmeasure = \"memory_bytes\"\nsubject = \"A\"\nothers = [\"B\"]\nat_most = 1.5\ngroups = [\"g1\"]\n")
        let r = results(s, memory: ["b": 300]) { arm, seed in
            (arm.hasPrefix("a") ? 1.0 : 1.2) + 0.05 * self.z(seed) + (arm.hasSuffix("2") ? 100 : 0)
        }
        let drawn = try XCTUnwrap(ForestPlot.draw(r, adjusted: [0: 0.0123]))
        let table = rows(drawn.table)
        let outcomes = Summary(r).claimOutcomes
        var expected = 0
        for (i, outcome) in outcomes.enumerated() {
            for g in outcome.groups {
                for row in g.rows {
                    let line = try XCTUnwrap(table.first { $0[1] == "\(i + 1)" && $0[2] == g.group && $0[3] == row.comparison }, "claim \(i + 1) \(g.group) \(row.comparison)")
                    expected += 1
                    guard let v = row.interval else {
                        XCTAssertEqual(line[4], "none")
                        XCTAssertTrue(Double(line[5])!.isNaN)
                        continue
                    }
                    XCTAssertEqual(line[4], v.scale.rawValue)
                    XCTAssertEqual(Double(line[5])!, v.estimate, accuracy: 1e-12 * max(1, abs(v.estimate)))
                    XCTAssertEqual(Double(line[6])!, v.low, accuracy: 1e-12 * max(1, abs(v.low)))
                    XCTAssertEqual(Double(line[7])!, v.high, accuracy: 1e-12 * max(1, abs(v.high)))
                    XCTAssertEqual(line[8].split(separator: ",").map { Double($0)! }, v.references)
                }
            }
        }
        XCTAssertEqual(table.count, expected)
        XCTAssertEqual(expected, 5, "superior in two groups, non-inferior, spread, cost")
        // Holm's adjusted p on the primary claim's rows, only there.
        XCTAssertEqual(table.filter { $0[1] == "1" }.map { $0[10] }, ["0.0123", "0.0123"])
        XCTAssertTrue(table.filter { $0[1] != "1" }.allSatisfy { $0[10] == "nan" })
        XCTAssertTrue(drawn.script.contains("Holm p 0.0123"), drawn.script)
        // One panel per scale: differences split by group (magnitudes 100 × apart: the same
        // difference here, so one panel), ratio on a log axis; the spread listed in words.
        XCTAssertTrue(drawn.script.contains("set logscale x"))
        XCTAssertTrue(drawn.script.contains("without an interval"))
        XCTAssertTrue(drawn.script.contains("set multiplot"))
        XCTAssertNil(ForestPlot.draw(results(try spec(arms, "")) { _, _ in 1 }), "no claims, no forest plot")
    }

    // MARK: dots instead of bars

    func testBarsHidingATinyEffectBecomeDotsPairedBySeed() throws {
        let arms = [("a", "A", "", 0.1), ("b", "B", "", 0.2)]
        let figure = "[[figures]]\nname = \"final\"\nkind = \"bars\"\ny = \"loss\"\nlog_y = false\n"
        let tiny = try spec(arms, figure + claim("superior", "subject = \"A\"\nothers = [\"B\"]"))
        let r = results(tiny) { arm, seed in (arm == "a" ? 1.0 : 1.003) + 0.001 * self.z(seed) }
        let drawn = try XCTUnwrap(Figures.draw(r).first)
        XCTAssertTrue(drawn.check.dots)
        XCTAssertEqual(drawn.check.problems, [])
        XCTAssertTrue(drawn.script.contains("drawn as dots, not bars"), drawn.script)
        XCTAssertFalse(drawn.script.contains("with boxes"))
        // Every seed's value, each seed's two arms on one run of the block (joined by a line).
        let blocks = drawn.table.components(separatedBy: "\n\n\n")
        XCTAssertEqual(blocks.count, 2)
        let runs = blocks[1].components(separatedBy: "\n\n")
        XCTAssertEqual(runs.count, Self.seeds.count)
        XCTAssertTrue(runs.allSatisfy { rows($0).count == 2 })
        // The axis no longer starts at 0: it spans the values.
        XCTAssertGreaterThan(try XCTUnwrap(drawn.check.axis).low, 0.9)

        // An effect the bars show (1 against 5 on an axis from 0) stays bars.
        let big = results(tiny) { arm, seed in (arm == "a" ? 1.0 : 5.0) + 0.01 * self.z(seed) }
        let bars = try XCTUnwrap(Figures.draw(big).first)
        XCTAssertFalse(bars.check.dots)
        XCTAssertTrue(bars.script.contains("with boxes"))

        // The spec may ask for dots.
        let asked = try spec(arms, figure.replacingOccurrences(of: "\"bars\"", with: "\"dots\""))
        XCTAssertTrue(try XCTUnwrap(Figures.draw(results(asked) { arm, _ in arm == "a" ? 1 : 5 }).first).check.dots)
    }

    func testNoBarsOnALogAxisOverTenDecades() throws {
        let arms = [("a", "A", "", 0.1), ("b", "B", "", 0.2), ("c", "C", "", 0.3)]
        let s = try spec(arms, "[[figures]]\nname = \"final\"\nkind = \"bars\"\ny = \"loss\"\nlog_y = true\n")
        let r = results(s) { arm, seed in (arm == "a" ? 1e-30 : arm == "b" ? 1e-5 : 3) * (1 + 0.1 * self.z(seed)) }
        let drawn = try XCTUnwrap(Figures.draw(r).first)
        XCTAssertTrue(drawn.check.dots)
        XCTAssertEqual(drawn.check.barDecades, 0)
        XCTAssertEqual(drawn.check.problems, [])
        XCTAssertTrue(drawn.script.contains("decades, where bar lengths mean nothing"), drawn.script)
        // Over fewer decades, bars stay.
        let narrow = results(s) { arm, seed in (arm == "a" ? 0.01 : arm == "b" ? 0.1 : 3) * (1 + 0.1 * self.z(seed)) }
        let bars = try XCTUnwrap(Figures.draw(narrow).first)
        XCTAssertFalse(bars.check.dots)
        XCTAssertLessThanOrEqual(bars.check.barDecades, 10)
        // The check itself flags bars over more than 10 decades.
        var check = FigureCheck(axis: ValueAxis(log: true, low: 1e-31, high: 10))
        check.barDecades = 32
        XCTAssertEqual(check.problems.count, 1)
    }

    // MARK: n stated

    func testPointsOverFewerSeedsThanPlannedSayN() throws {
        let arms = [("a", "A", "", 0.1), ("b", "B", "", 0.2), ("c", "C", "", 0.3)]
        let s = try spec(arms, "[[figures]]\nname = \"sweep\"\nkind = \"sweep\"\ny = \"loss\"\nx_key = \"lr\"\n"
                         + "[[figures]]\nname = \"final\"\nkind = \"bars\"\ny = \"loss\"\n")
        // C keeps one seed of ten; B loses two.
        let r = results(s) { arm, seed in
            if arm == "c" && seed > 0 { return nil }
            if arm == "b" && seed < 2 { return nil }
            return 1 + 0.1 * self.z(seed)
        }
        let figures = Figures.draw(r)
        let sweep = try XCTUnwrap(figures.first { $0.figure.name == "sweep" })
        XCTAssertEqual(sweep.check.stated.count, 2, "\(sweep.check.stated)")
        XCTAssertTrue(sweep.check.stated.contains { $0.hasSuffix("n=1") })
        XCTAssertTrue(sweep.script.contains("set label 'n=1'"), sweep.script)
        XCTAssertTrue(sweep.script.contains("set label 'n=8'"))
        let bars = try XCTUnwrap(figures.first { $0.figure.name == "final" })
        XCTAssertTrue(bars.script.contains("n=1"), bars.script)
        XCTAssertEqual(bars.check.stated.count, 2)
    }

    // MARK: many series

    func testMoreThanEightSeriesGetDistinctStyles() throws {
        let arms = (0..<14).map { ("v\($0)", "V\($0)", "", 0.01 * Double($0 + 1)) }
        let s = try spec(arms, "[[figures]]\nname = \"loss\"\nx = \"epoch\"\ny = \"loss\"\n")
        let drawn = try XCTUnwrap(Figures.draw(results(s) { arm, seed in 1 + Double(arm.dropFirst())! + 0.1 * self.z(seed) }).first)
        let styles = drawn.check.series.map(\.style)
        XCTAssertEqual(styles.count, 14)
        XCTAssertEqual(Set(styles).count, 14, "\(styles)")
        XCTAssertEqual(drawn.check.problems, [])
        XCTAssertTrue(drawn.script.contains(" dt 2 title"), drawn.script)
        // Up to 8, one colour each, solid, as before.
        XCTAssertEqual((0..<8).map { Figures.style($0, of: 8).dash }, Array(repeating: 1, count: 8))
        XCTAssertEqual(Set((0..<8).map { Figures.style($0, of: 8).color }).count, 8)
        // The check flags two series drawn alike.
        var check = FigureCheck(axis: ValueAxis(log: false, low: 0, high: 10))
        check.series = [FigureCheck.Series(label: "a", values: [5], labelled: false, style: "#1f77b4 dt 1"),
                        FigureCheck.Series(label: "b", values: [6], labelled: false, style: "#1f77b4 dt 1")]
        XCTAssertEqual(check.problems.count, 1)
    }

    // MARK: heat maps

    func testHeatMapCoveredByARangeClaimShowsItsMetricAroundTheBand() throws {
        // The spec's head, then variants keyed on two axes: lr across, momentum up.
        _ = try spec([("a", "A", "", 0.1)], "")
        var text = try String(contentsOfFile: "\(directory)/experiments/rules.toml", encoding: .utf8).components(separatedBy: "[[variants]]").first ?? ""
        for lr in [0.1, 0.2] { for m in [0.0, 0.9] {
            text += "[[variants]]\nname = \"p\(lr)-\(m)\"\nlabel = \"lr=\(lr) m=\(m)\"\noptimizer = \"sgd\"\nlr = \(lr)\nmomentum = \(m)\n"
        } }
        text += "[[figures]]\nname = \"map\"\nkind = \"heatmap\"\ny = \"loss\"\nx_key = \"lr\"\ny_key = \"momentum\"\n"
        text += claim("range", "band = 0.05\nband_why = \"a test\"")
        let path = "\(directory)/experiments/rules.toml"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let s = try ExperimentSpec.load(path)
        let r = results(s) { arm, seed in (arm.hasPrefix("p0.1") ? 1.0 : 1.2) + 0.01 * self.z(seed) }
        let drawn = try XCTUnwrap(Figures.draw(r).first)
        let axis = try XCTUnwrap(drawn.check.axis)
        // Loss is minimised: the best cell ≈ 1.0, the scale [best, best + 2 × band], white at best + band.
        XCTAssertEqual(axis.high - axis.low, 0.1, accuracy: 1e-12)
        XCTAssertTrue(drawn.script.contains("set palette defined"), drawn.script)
        XCTAssertTrue(drawn.script.contains("edge'"), drawn.script)
        XCTAssertEqual(drawn.check.problems, [])
    }
}
