import Foundation
import XCTest
import RepriseExperiments
import RepriseLearning
import RepriseStore
@testable import RepriseReports

/// No committed figure hides its data. For every figure of every experiment, drawn in memory from
/// the committed store: every finite value it plots lies inside its value axis or is marked
/// (clipped, labelled), no non-zero series on a linear axis is under 1 % of the span unlabelled,
/// tick labels carry at most six significant digits, the diverged runs and failed starts it marks
/// are those the store records, and the committed `.tsv` and `.gp` are exactly what the store gives
/// (nothing dropped or clipped silently, no hand edits).
final class FigureInvariantTests: XCTestCase {
    private let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    private func experiments() throws -> [ExperimentSpec] {
        let names = try FileManager.default.contentsOfDirectory(atPath: "\(root)/experiments").filter { $0.hasSuffix(".toml") }.sorted()
        return try names.map { try ExperimentSpec.load("\(root)/experiments/\($0)", profile: "default", catalog: Registry.standard.catalog) }
    }

    func testNoCommittedFigureHidesItsData() throws {
        var figures = 0
        for spec in try experiments() {
            let results = StoredResults(spec: spec, resultsDirectory: "\(root)/results")
            guard !results.records.isEmpty else { continue }
            for drawn in Figures.draw(results) {
                let name = "\(spec.name)/\(drawn.figure.name)"
                figures += 1
                XCTAssertEqual(drawn.check.problems, [], name)
                // Tick labels: every format and every explicit tick at most six significant digits.
                for line in drawn.script.split(separator: "\n") where line.hasPrefix("set format") {
                    XCTAssertTrue(line.hasSuffix("\"\(ValueAxis.format)\""), "\(name): \(line)")
                }
                for line in drawn.script.split(separator: "\n") where line.contains("tics (") {
                    for label in line.split(separator: "\"").enumerated().filter({ $0.offset % 2 == 1 }).map(\.element) {
                        if let x = Double(label) { XCTAssertLessThanOrEqual(Self.significantDigits(String(label)), 6, "\(name): tick \(label) (\(x))") }
                    }
                }
                // The marked runs are the store's.
                let chosen = results.byVariant.filter { v in
                    drawn.figure.variants.isEmpty || drawn.figure.variants.contains { v.variant == $0 || v.variant.hasPrefix($0 + "-") }
                }
                let marked = drawn.check.diverged.values.reduce(0, +)
                switch drawn.figure.kind {
                case .sorted:
                    let failed = chosen.flatMap(\.records).flatMap { r in r.tensors.first { $0.name == drawn.figure.y }?.data.doubles ?? [] }.filter { !$0.isFinite }.count
                    XCTAssertEqual(marked, failed, "\(name): failed starts marked")
                case .lines, .bars, .dots, .sweep, .heatmap:
                    let diverged = chosen.flatMap(\.records).filter { $0.diverged }.count
                    XCTAssertGreaterThanOrEqual(marked, diverged, "\(name): diverged runs marked")
                default: break
                }
                // The committed files are what the store gives now.
                let folder = "\(root)/paper-figures/\(spec.name)"
                XCTAssertTrue((try? String(contentsOfFile: "\(folder)/\(drawn.figure.name).tsv", encoding: .utf8)) == drawn.table,
                              "\(name).tsv differs from what the store gives; run make figures")
                XCTAssertTrue((try? String(contentsOfFile: "\(folder)/\(drawn.figure.name).gp", encoding: .utf8)) == drawn.script,
                              "\(name).gp differs from what the store gives; run make figures")
            }
        }
        XCTAssertGreaterThan(figures, 40)
        print("FigureInvariantTests: \(figures) committed figures checked")
    }

    /// A bar chart's rows are the store's means, and the paper's comparable numbers are drawn on
    /// their bars: OGR on 2-D Beale against the paper's Fig. 3.
    func testBarsHoldTheStoresMeansAndThePapersNumbers() throws {
        let spec = try XCTUnwrap(try experiments().first { $0.name == "ogr-beale-2d" })
        let results = StoredResults(spec: spec, resultsDirectory: "\(root)/results")
        guard !results.records.isEmpty else { throw XCTSkip("ogr-beale-2d is not stored") }
        let drawn = try XCTUnwrap(Figures.draw(results).first { $0.figure.name == "mean-final-value" })
        let finals = results.records.filter { $0.string("variant") == "ogr" }.map { $0.series["epochs"]!["loss"]!.last! }
        let row = try XCTUnwrap(drawn.table.split(separator: "\n").first { $0.hasPrefix("OGR\t") }).split(separator: "\t", omittingEmptySubsequences: false)
        XCTAssertEqual(Double(row[3])!, finals.reduce(0, +) / Double(finals.count), accuracy: 1e-12)
        XCTAssertEqual(Int(row[6]), finals.count)
        XCTAssertEqual(drawn.check.paper.sorted(), [0.0179, 0.473, 1.049])
        XCTAssertTrue(drawn.script.contains("first 0.0179 to first"), drawn.script)
        XCTAssertTrue(drawn.script.contains("title 'the paper (Fig. 3"), drawn.script)
    }

    static func significantDigits(_ text: String) -> Int {
        let mantissa = text.lowercased().split(separator: "e").first.map(String.init) ?? text
        let digits = mantissa.filter(\.isNumber).drop { $0 == "0" }
        return max(1, digits.count)
    }

    /// The check itself can fail: a value outside the axis, a series lost on a linear axis, a value
    /// on a log axis that cannot stand there.
    func testTheCheckFindsHiddenData() {
        var check = FigureCheck(axis: ValueAxis(log: false, low: 0, high: 100))
        check.series = [FigureCheck.Series(label: "big", values: [50, 100], labelled: false),
                        FigureCheck.Series(label: "tiny", values: [0.5], labelled: false),
                        FigureCheck.Series(label: "out", values: [120], labelled: false)]
        XCTAssertEqual(check.problems.count, 2, "\(check.problems)")
        check.series[1].labelled = true
        XCTAssertEqual(check.problems.count, 1)
        // Chosen from the data: two decades and more of positive values go log; fractions in bars 0–1.
        XCTAssertTrue(ValueAxis.choose([0.01, 5], requested: nil, fraction: false, bars: true).log)
        XCTAssertFalse(ValueAxis.choose([0.5, 5], requested: nil, fraction: false, bars: true).log)
        XCTAssertEqual(ValueAxis.choose([0.8, 0.83], requested: nil, fraction: true, bars: true), ValueAxis(log: false, low: 0, high: 1))
        // Bars get room beyond their ends for their value labels: 30 % of the extent, on the log scale for a log axis.
        XCTAssertEqual(ValueAxis(log: false, low: 0, high: 10).withHeadroom(0.3), ValueAxis(log: false, low: 0, high: 13))
        XCTAssertEqual(ValueAxis(log: false, low: -10, high: 0).withHeadroom(0.3), ValueAxis(log: false, low: -13, high: 0))
        XCTAssertEqual(ValueAxis(log: true, low: 1, high: 100).withHeadroom(0.5).high, 1000, accuracy: 1e-9)
        XCTAssertFalse(ValueAxis.choose([-1, 0.001, 5], requested: nil, fraction: false, bars: true).log)
        // An unbounded value is clipped and kept for its label.
        let clipped = ValueAxis.choose([-1, -0.75, -1.0, 0.001, -2e17], requested: nil, fraction: false, bars: true)
        XCTAssertEqual(clipped.clipped, [-2e17])
        XCTAssertGreaterThan(clipped.low, -2)
    }
}
