import Foundation
import XCTest
import RepriseConfig
import RepriseExperiments
import RepriseStore
@testable import RepriseReports
@testable import RepriseRunner

/// The selection diagnostics on selections whose per-seed scores are known by construction: a
/// choice one seed's rounding can flip, one that three seeds hold, one a single seed carries, a
/// tie, a selection metric other than a claim's, unequal grids, an extension stopped by its limit.
final class SelectionDiagnosticsTests: FolderTestCase {
    /// A classification spec (never trained here): `tuned` searches lr over 3 points on
    /// `selectionSeeds`, chosen on the final validation accuracy; `wide` searches 5 points.
    private func spec(selectionSeeds: [Int], selection: String = "over_epochs = \"final\"", claims: String = "") throws -> ExperimentSpec {
        let text = """
        name = "diag"
        title = "Diagnostics"
        paper = "none"
        seeds = [0, 1, 2]
        [problem]
        kind = "classification"
        dataset = "synthetic"
        features = 6
        classes = 3
        validation = 50
        train_examples = 200
        test_examples = 100
        hidden = [12]
        [budget]
        epochs = 2
        batch_size = 32
        [selection]
        metric = "validation_accuracy"
        \(selectionSeeds.count == 1 ? "seed = \(selectionSeeds[0])" : "seeds = [\(selectionSeeds.map(String.init).joined(separator: ", "))]")
        \(selection)
        [[variants]]
        name = "tuned"
        label = "SGD tuned"
        optimizer = "sgd"
        select = { lr = [0.01, 0.1, 1.0] }
        [[variants]]
        name = "wide"
        label = "SGD wide"
        optimizer = "sgd"
        select = { lr = [0.003, 0.01, 0.03, 0.1, 0.3] }
        [[variants]]
        name = "fixed"
        label = "SGD fixed"
        optimizer = "sgd"
        lr = 0.1
        [[claims]]
        text = "tuning beats the fixed rate"
        metric = "test_accuracy"
        subject = "SGD tuned"
        others = ["SGD fixed"]
        \(claims)
        """
        let path = "\(directory)/experiments/diag.toml"
        _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        return try ExperimentSpec.load(path)
    }

    /// The selection record of `tuned` as the runner makes it from these per-seed scores (the mean
    /// in seed order, the best mean winning).
    private func record(_ spec: ExperimentSpec, _ scores: SelectionSeedScores) -> SelectionRecord {
        let variant = spec.selectedVariants[0], grid = spec.grid(of: variant), means = scores.means()
        return SelectionRecord(variant: variant.name, metric: "validation_accuracy", overEpochs: spec.selection!.overEpochs.rawValue,
                               seed: scores.seeds[0], points: grid.map { ConfigValue.table($0.values).canonicalJSON },
                               labels: grid.map(\.label), scores: means, hashes: spec.selectionCells(of: variant).map(\.hash),
                               winner: selectWinner(means, goal: .maximize))
    }

    private func results(_ spec: ExperimentSpec, _ scores: [[Double]]) -> StoredResults {
        let seedScores = SelectionSeedScores(seeds: spec.selection!.seeds, scores: scores)
        return StoredResults(spec: spec, records: [], selections: ["tuned": record(spec, seedScores)], selectionSeedScores: ["tuned": seedScores])
    }

    private func diagnostic(_ spec: ExperimentSpec, _ scores: [[Double]]) throws -> SelectionDiagnostic {
        try XCTUnwrap(SelectionDiagnostics(results(spec, scores)).variants["tuned"])
    }

    /// On one seed, 0.006 off one point's score flips the choice; with three seeds where the
    /// winner leads on each, the same change on one seed moves nothing: no seed left out flips it,
    /// and the seed it touched is named as a tie.
    func testOneSeedFlipsWhereThreeSeedsHold() throws {
        let one = try spec(selectionSeeds: [100])
        let single = try diagnostic(one, [[0.800], [0.805], [0.6]])
        XCTAssertEqual(single.winner, 1)
        XCTAssertEqual(single.tie, .oneSeed)
        XCTAssertEqual(single.tieText, "one selection seed: a rounding change can flip the choice")
        XCTAssertEqual(try diagnostic(one, [[0.800], [0.799], [0.6]]).winner, 0, "one seed: the small change flips the choice")
        XCTAssertTrue(single.flips.isEmpty, "leave-one-seed-out needs two seeds")

        let three = try spec(selectionSeeds: [100, 101, 102])
        let held = try diagnostic(three, [[0.800, 0.810, 0.790], [0.805, 0.815, 0.795], [0.6, 0.6, 0.6]])
        XCTAssertEqual(held.winner, 1)
        XCTAssertNil(held.tie)
        XCTAssertTrue(held.flips.isEmpty)
        let perturbed = try diagnostic(three, [[0.800, 0.810, 0.790], [0.799, 0.815, 0.795], [0.6, 0.6, 0.6]])
        XCTAssertEqual(perturbed.winner, 1, "three seeds: the same change leaves the choice")
        XCTAssertFalse(perturbed.isFragile, "\(perturbed.flips)")
        XCTAssertEqual(perturbed.tie, .notBeatenOn([100]))
        XCTAssertEqual(perturbed.flags, ["TIE on seed 100"])
    }

    /// A mean lead that one seed carries: without that seed the other point wins, and the
    /// variant, its column and every claim on it say so, naming the seed and the other point.
    func testAMarginCarriedByOneSeedIsFragile() throws {
        let s = try spec(selectionSeeds: [100, 101, 102])
        let r = results(s, [[0.80, 0.80, 0.80], [0.79, 0.79, 0.85], [0.6, 0.6, 0.6]])
        let d = try XCTUnwrap(SelectionDiagnostics(r).variants["tuned"])
        XCTAssertEqual(d.winner, 1)
        XCTAssertEqual(d.flips, [.init(seed: 102, winner: 0, label: "lr=0.01")])
        XCTAssertEqual(d.tie, .notBeatenOn([100, 101]))
        XCTAssertEqual(d.tieText, "the runner-up lr=0.01 is as good or better on selection seeds 100, 101")
        XCTAssertEqual(d.flags, ["TIE on seeds 100, 101", "FRAGILE: without seed 102 lr=0.01 wins"])

        let summary = Summary(r)
        XCTAssertEqual(summary.diagnostics.fragility(of: s.claims[0]), ["SGD tuned's choice flips to lr=0.01 without selection seed 102"])
        XCTAssertEqual(summary.diagnostics.fragility(of: s.claims[0], verdictDiffersWithExtension: true).last,
                       "the verdict differs with the grid extended")
        XCTAssertTrue(summary.claimLines()[0].hasSuffix(" — fragile: SGD tuned's choice flips to lr=0.01 without selection seed 102"),
                      summary.claimLines()[0])
        // Three seeds disjoint from the confirmatory ones, claimed on the metric chosen on: no design note.
        XCTAssertEqual(summary.diagnostics.designNotes, [])
    }

    /// One seed: every claim on a selected arm is fragile, and the notes say it once; seeds shared
    /// with the confirmatory ones are named.
    func testOneSharedSelectionSeedIsADesignNote() throws {
        let s = try spec(selectionSeeds: [1])
        let diagnostics = SelectionDiagnostics(results(s, [[0.8], [0.9], [0.7]]))
        XCTAssertEqual(diagnostics.fragility(of: s.claims[0]), ["SGD tuned chosen on one selection seed"])
        let notes = diagnostics.designNotes
        XCTAssertEqual(notes.count, 2, "\(notes)")
        XCTAssertTrue(notes[0].hasPrefix("selection seed 1 is also confirmatory"), notes[0])
        XCTAssertTrue(notes[1].hasPrefix("one selection seed (1): a rounding change can flip any choice"), notes[1])
        XCTAssertTrue(Summary(results(s, [[0.8], [0.9], [0.7]])).text.contains("one selection seed (1)"))
    }

    /// Equal scores: the earlier point wins (`selectWinner`) and the tie is flagged, one seed or many.
    func testTie() throws {
        let one = try diagnostic(try spec(selectionSeeds: [100]), [[0.8], [0.8], [0.7]])
        XCTAssertEqual(one.winner, 0)
        XCTAssertEqual(one.runnerUp, 1)
        XCTAssertEqual(one.tie, .notBeatenOn([100]))
        let two = try diagnostic(try spec(selectionSeeds: [100, 101]), [[0.8, 0.7], [0.81, 0.7], [0.5, 0.5]])
        XCTAssertEqual(two.tie, .notBeatenOn([101]))
        XCTAssertEqual(try diagnostic(try spec(selectionSeeds: [100, 101]), [[0.8, 0.7], [0.81, 0.71], [0.5, 0.5]]).tie, nil)
    }

    /// A claim judged on another metric, or another reduction over epochs, than the selection's is
    /// named with both; the held-out split (validation for test) is not a mismatch; a claim with
    /// no selected arm has none.
    func testMetricMismatch() throws {
        let claims = """
        [[claims]]
        text = "tuning lowers the training loss"
        metric = "train_loss"
        subject = "SGD tuned"
        others = ["SGD fixed"]
        [[claims]]
        text = "best test accuracy"
        metric = "test_accuracy"
        over_epochs = "best"
        subject = "SGD tuned"
        others = ["SGD fixed"]
        """
        let s = try spec(selectionSeeds: [100, 101, 102], claims: claims)
        let d = SelectionDiagnostics(results(s, [[0.8, 0.8, 0.8], [0.9, 0.9, 0.9], [0.7, 0.7, 0.7]]))
        XCTAssertNil(d.metricMismatch(of: s.claims[0]), "validation for test accuracy, both final: the design")
        XCTAssertEqual(d.metricMismatch(of: s.claims[1])?.selection, "final validation_accuracy")
        XCTAssertEqual(d.metricMismatch(of: s.claims[1])?.claim, "final train_loss")
        XCTAssertEqual(d.metricMismatch(of: s.claims[2])?.claim, "best test_accuracy")
        XCTAssertEqual(d.designNotes.filter { $0.hasPrefix("metric mismatch") }, [
            "metric mismatch: the selection chose on final validation_accuracy, a claim judges final train_loss (“tuning lowers the training loss”)",
            "metric mismatch: the selection chose on final validation_accuracy, a claim judges best test_accuracy (“best test accuracy”)",
        ])
    }

    /// Selected arms of one claim searching grids of different sizes are named with each one's
    /// count; a fixed arm against a tuned one is not a parity question.
    func testGridParity() throws {
        let claims = """
        [[claims]]
        text = "the narrow grid does as well as the wide one"
        metric = "test_accuracy"
        subject = "SGD tuned"
        others = ["SGD wide"]
        """
        let s = try spec(selectionSeeds: [100, 101, 102], claims: claims)
        let d = SelectionDiagnostics(results(s, [[0.8, 0.8, 0.8], [0.9, 0.9, 0.9], [0.7, 0.7, 0.7]]))
        XCTAssertEqual(d.gridParity(of: s.claims[0]), [])
        XCTAssertEqual(d.gridParity(of: s.claims[1]), ["SGD tuned: 3 points, SGD wide: 5 points"])
        XCTAssertTrue(d.designNotes.contains("grid parity: the arms of “the narrow grid does as well as the wide one” search grids of different sizes (SGD tuned: 3 points, SGD wide: 5 points)"),
                      "\(d.designNotes)")
    }

    /// The per-seed scores are read from the stored selection runs, and refused (with a note)
    /// when a run is missing or they do not average to the record's scores.
    func testPerSeedScoresAreReadFromTheStore() throws {
        let s = try spec(selectionSeeds: [100, 101, 102])
        let scores = SelectionSeedScores(seeds: [100, 101, 102], scores: [[0.80, 0.80, 0.80], [0.79, 0.79, 0.85], [0.6, 0.6, 0.6]])
        let results = "\(directory)/results"
        let cells = s.selectionCells(of: s.selectedVariants[0])
        for (i, cell) in cells.enumerated() {
            let record = CellRecord(attributes: ["config_hash": .string(cell.hash), "variant": .string("tuned"), "seed": .int(Int64(cell.seed))],
                                    series: ["epochs": ["validation_accuracy": [0.1, 0.5, scores.scores[i / 3][i % 3]]]])
            try ResultStore.write(record, to: "\(results)/\(cell.relativePath)", scratch: "\(results)/.tmp")
        }
        let file = "\(results)/\(s.selectionRecordPath(of: "tuned"))"
        try record(s, scores).write(to: file, scratch: "\(results)/.tmp")
        // The final cells of the winner, for the table's row.
        let winner = s.grid(of: s.selectedVariants[0])[1]
        for cell in s.cells(winners: ["tuned": winner]) where cell.variant == "tuned" {
            let record = CellRecord(attributes: ["config_hash": .string(cell.hash), "variant": .string("tuned"), "seed": .int(Int64(cell.seed)),
                                                 "status": .string("complete")],
                                    series: ["epochs": ["train_loss": [1, 0.5], "test_accuracy": [0.3, 0.8]]])
            try ResultStore.write(record, to: "\(results)/\(cell.relativePath)", scratch: "\(results)/.tmp")
        }
        let stored = StoredResults(spec: s, resultsDirectory: results)
        XCTAssertEqual(stored.selectionSeedScores["tuned"], scores)
        XCTAssertEqual(SelectionDiagnostics(stored).variants["tuned"]?.isFragile, true)
        XCTAssertTrue(Summary(stored).text.contains("lr=0.1; runner-up lr=0.01: 0.8000 vs 0.8100; TIE on seeds 100, 101; FRAGILE: without seed 102 lr=0.01 wins"),
                      Summary(stored).text)

        // A record whose scores are not the runs' mean: no per-seed diagnostics, a note.
        var other = record(s, scores)
        other.scores[1] += 1e-9
        try other.write(to: file, scratch: "\(results)/.tmp")
        let mismatched = StoredResults(spec: s, resultsDirectory: results)
        XCTAssertNil(mismatched.selectionSeedScores["tuned"])
        XCTAssertTrue(mismatched.notes.contains { $0.contains("do not average to the scores of its selection record") }, "\(mismatched.notes)")

        try record(s, scores).write(to: file, scratch: "\(results)/.tmp")
        try FileManager.default.removeItem(atPath: "\(results)/\(cells[4].relativePath)")
        let missing = StoredResults(spec: s, resultsDirectory: results)
        XCTAssertNil(missing.selectionSeedScores["tuned"])
        XCTAssertTrue(missing.notes.contains("1 of the 9 selection runs of tuned are missing or were made with another configuration: its choice cannot be checked seed by seed"),
                      "\(missing.notes)")
    }

    /// Rosenbrock with every declared rate far too small (as in `GridExtensionTests`): the top
    /// edge is extended, each of the 3 steps improving, so the extension stopped at its limit, not
    /// at the optimum; with room for 8 steps the last one diverges: the extension stopped because it
    /// no longer improved, and no edge is flagged.
    func testStepLimitEdge() throws {
        func text(_ steps: Int) -> String {
            """
            name = "edge"
            title = "Edge"
            paper = "none"
            seeds = [0]
            [problem]
            kind = "objective"
            function = "rosenbrock"
            start = [-1.2, 1.0]
            noise = 0.01
            [budget]
            steps = 60
            [selection]
            metric = "loss"
            over_epochs = "final"
            seeds = [100, 101]
            extend_steps = \(steps)
            [[variants]]
            name = "tuned"
            optimizer = "sgd"
            select = { lr = [1e-5, 2e-5, 4e-5] }
            """
        }
        let path = "\(directory)/experiments/edge.toml"
        let runner = Runner(options: RunOptions(resultsDirectory: "\(directory)/results", dataDirectory: nil, sourceDirectory: directory))
        _ = FileManager.default.createFile(atPath: path, contents: Data(text(3).utf8))
        let limited = try ExperimentSpec.load(path)
        _ = try runner.run(limited)
        let stored = StoredResults(spec: limited, resultsDirectory: "\(directory)/results")
        XCTAssertNotNil(stored.selectionSeedScores["tuned"], "\(stored.notes)")
        let d = try XCTUnwrap(SelectionDiagnostics(stored).variants["tuned"])
        XCTAssertEqual(d.stepLimitEdges, [.init(key: "lr", steps: 3, label: "lr=0.00032")])
        XCTAssertTrue(d.flags.contains("STEP-LIMIT EDGE: lr still improving at lr=0.00032 after 3 steps beyond the grid"), "\(d.flags)")

        _ = FileManager.default.createFile(atPath: path, contents: Data(text(8).utf8))
        let roomy = try ExperimentSpec.load(path)
        _ = try runner.run(roomy)
        let again = StoredResults(spec: roomy, resultsDirectory: "\(directory)/results")
        let extended = try XCTUnwrap(again.extendedSelections["tuned"])
        // The 8th step diverged: the extension used every step but stopped because it no longer improved.
        XCTAssertEqual(extended.labels.count, 3 + 8)
        XCTAssertLessThan(extended.winner, 3 + 7, "the last step did not improve")
        XCTAssertEqual(SelectionDiagnostics(again).variants["tuned"]?.stepLimitEdges, [])
    }
}
