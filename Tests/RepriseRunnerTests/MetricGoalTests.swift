import Foundation
import XCTest
import RepriseConfig
import RepriseExperiments
import RepriseLearning

/// Every metric's direction is declared by the component that records it (`MetricDescription`).
final class MetricGoalTests: FolderTestCase {
    private func load(_ name: String, _ text: String) throws -> ExperimentSpec {
        let path = "\(directory)/experiments/\(name).toml"
        _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        return try ExperimentSpec.load(path, catalog: Registry.standard.catalog)
    }

    private let classification = tinyClassificationSpec

    /// Goals come from the components that declare the metrics, never from their names: metrics
    /// whose names do not end in "loss" but are minimised (distances, failure counts, steps to
    /// escape) are minimised by selection, `best` and claims alike.
    func testMetricGoalsComeFromTheCatalog() throws {
        let catalog = Registry.standard.catalog
        var goals: [String: MetricDescription.Goal] = [:]
        for c in catalog.components {
            for m in c.metricDescriptions + c.diagnosticMetrics {
                if let other = goals[m.name] { XCTAssertEqual(other, m.goal, "\(m.name) is declared with two goals") }
                goals[m.name] = m.goal
            }
        }
        for name in ["distance_to_minimum", "failed_starts", "mean_escape_step", "geometric_mean_loss", "validation_loss"] {
            XCTAssertEqual(goals[name], MetricDescription.Goal.minimize, name)
        }
        for name in ["test_accuracy", "validation_accuracy", "escaped_fraction", "same_batch_lowered"] {
            XCTAssertEqual(goals[name], MetricDescription.Goal.maximize, name)
        }
        XCTAssertEqual(goals["curvature"], MetricDescription.Goal.none)

        let spec = try load("saddle", """
        name = "saddle"
        title = "t"
        paper = "p"
        seeds = [0]
        [problem]
        kind = "multistart"
        function = "rosenbrock"
        starts = [[-1.2, 1.0], [0.5, 0.5]]
        [budget]
        steps = 20
        [[variants]]
        name = "sgd"
        optimizer = "sgd"
        lr = 0.001
        """)
        XCTAssertEqual(spec.goal(of: "distance_to_minimum"), MetricDescription.Goal.minimize)
        XCTAssertEqual(spec.goal(of: "escaped_fraction"), MetricDescription.Goal.maximize)
        XCTAssertEqual(spec.goal(of: "train_loss"), MetricDescription.Goal.minimize)
        XCTAssertEqual(spec.goal(of: "learning_rate"), MetricDescription.Goal.none)
        XCTAssertEqual(reduceOverEpochs([9, 3, 1, 2], .best, goal: spec.goal(of: "distance_to_minimum")), 1)
    }

    /// A metric without a direction cannot be selected on, claimed about, or reduced by "best".
    func testAMetricWithoutAGoalIsRefusedWhereADirectionIsNeeded() throws {
        let selecting = classification.replacingOccurrences(of: """
            name = "adam"
            optimizer = "adam"
            lr = 0.01
            """, with: """
            name = "adam"
            optimizer = "adam"
            select = { lr = [0.01, 0.001] }
            """) + "\n[selection]\nmetric = \"learning_rate\"\nover_epochs = \"best\"\nseed = 1000\n"
        XCTAssertThrowsError(try load("tiny", selecting)) {
            XCTAssertTrue("\($0)".contains("selection.metric: 'learning_rate' has no better direction"), "\($0)")
        }
        let figure = classification + "\n[[figures]]\nname = \"lr\"\nkind = \"bars\"\ny = \"learning_rate\"\nover_epochs = \"best\"\n"
        XCTAssertThrowsError(try load("tiny", figure)) {
            XCTAssertTrue("\($0)".contains("over_epochs: 'learning_rate' has no better direction"), "\($0)")
        }
    }

    /// No name heuristic decides a metric's direction anywhere in the sources.
    func testNoNameHeuristicDecidesAGoal() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources").path
        let files = FileManager.default.enumerator(atPath: sources)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") } ?? []
        XCTAssertFalse(files.isEmpty)
        for file in files {
            let text = try String(contentsOfFile: "\(sources)/\(file)", encoding: .utf8)
            for pattern in ["hasSuffix(\"loss\")", "hasSuffix(\"_loss\")", "lowerIsBetter(", "contains(\"loss\")", "contains(\"accuracy\")"] {
                XCTAssertFalse(text.contains(pattern), "\(file) decides a direction from a name: \(pattern)")
            }
        }
    }
}
