import XCTest
import RepriseConfig
import RepriseExperiments
import RepriseLearning
import RepriseStore
@testable import RepriseRunner

/// The spine's promise: an algorithm and a problem, each defined in one file of this test target,
/// register in the catalog and run from a spec, with no change anywhere else.
final class ExtensionTests: FolderTestCase {
    private var registry: Registry {
        var r = Registry.standard
        r.register(NormalizedStep.self)
        r.register(NeedsLayers.self)
        r.register(Quadratic.self)
        return r
    }

    private let text = """
    name = "ext"
    title = "Extension"
    paper = "none"
    seeds = [0]
    [problem]
    kind = "quadratic"
    dimension = 5
    [budget]
    steps = 40
    [record]
    every_steps = 4
    [[variants]]
    name = "normalized-sgd"
    chain = ["sgd", "normalized"]
    lr = 0.05
    [[variants]]
    name = "scales"
    optimizer = "sgd"
    lr = 0.05
    scale = [10.0, 100.0]
    [[figures]]
    name = "slope"
    x = "step"
    y = "slope"
    """

    private func load(_ text: String) throws -> ExperimentSpec {
        let path = "\(directory)/experiments/ext.toml"
        _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        return try ExperimentSpec.load(path, catalog: registry.catalog)
    }

    func testNewTransformationAndProblemRunFromASpec() throws {
        let spec = try load(text)
        XCTAssertTrue(spec.stepMetrics.contains("slope") && spec.stepMetrics.contains("update_norm"), "\(spec.stepMetrics)")
        XCTAssertEqual(spec.variantNames, ["normalized-sgd", "scales-scale10.0", "scales-scale100.0"])
        let runner = Runner(options: RunOptions(resultsDirectory: "\(directory)/results", dataDirectory: nil, sourceDirectory: directory),
                            registry: registry)
        let report = try runner.run(spec)
        XCTAssertEqual(report.ran.count, 3)

        let normalized = try ResultStore.read("\(directory)/results/ext/default/normalized-sgd--seed0.h5")
        let steps = try XCTUnwrap(normalized.series["steps"])
        let norms = try XCTUnwrap(steps["update_norm"]), slopes = try XCTUnwrap(steps["slope"])
        XCTAssertEqual(norms.count, 10)
        // Along u = g/‖g‖ the slope of the step −u is −‖g‖; window means keep the identity.
        for (n, s) in zip(norms, slopes) { XCTAssertEqual(s, -n, accuracy: 1e-12 * n) }
        XCTAssertEqual(steps["learning_rate"], [Double](repeating: 0.05, count: 10))
        let loss = try XCTUnwrap(normalized.series["epochs"]?["loss"])
        XCTAssertLessThan(loss.last!, loss.first! / 10)

        // A variant's override of a problem key enters the cell's problem and its hash.
        let cells = spec.cells()
        XCTAssertEqual(cells[1].config["problem"]?["scale"], .double(10))
        XCTAssertEqual(cells[2].config["problem"]?["scale"], .double(100))
        XCTAssertNil(cells[1].config["variant"]?["scale"])
        XCTAssertEqual(cells[0].config["revisions"]?["transformation/normalized"], .int(1))
        XCTAssertEqual(cells[0].config["revisions"]?["problem/quadratic"], .int(1))
    }

    func testNeedsAndDiagnosticsAreCheckedAtValidation() throws {
        func issues(_ text: String) -> String {
            do { _ = try load(text); return "" } catch { return "\(error)" }
        }
        let needs = issues(text.replacingOccurrences(of: "chain = [\"sgd\", \"normalized\"]", with: "chain = [\"sgd\", \"needs_layers\"]"))
        XCTAssertTrue(needs.contains("variants[0].chain: needs_layers needs per-layer inputs and output gradients from the loss oracle, which the quadratic problem does not provide"), needs)
        let figure = issues(text.replacingOccurrences(of: "y = \"slope\"", with: "y = \"curvature\""))
        XCTAssertTrue(figure.contains("figures[0].y: 'curvature' is not recorded per step"), figure)
        let clash = issues(text.replacingOccurrences(of: "chain = [\"sgd\", \"normalized\"]", with: "chain = [\"sgd\", \"adam\"]"))
        XCTAssertTrue(clash.contains("variants[0].lr: declared by sgd and adam: set it for each in its own table, e.g. sgd = { lr = … }, adam = { lr = … }"), clash)
        // The catalog's own range applies to a variant's override of a problem key.
        let range = issues(text.replacingOccurrences(of: "scale = [10.0, 100.0]", with: "scale = [10.0, -1.0]"))
        XCTAssertTrue(range.contains("variants[1].scale[1]: must be > 0"), range)
    }

    /// Each link has its own settings table: `normalized = { min_norm = … }` beside `sgd = { lr = … }`
    /// is the same cell (same hash) as the flat form; a key two links both declare is set in each
    /// link's table and each link reads its own; flat, it is refused naming both.
    func testEachLinkHasItsOwnSettingsTable() throws {
        let flat = try load(text.replacingOccurrences(of: "chain = [\"sgd\", \"normalized\"]\nlr = 0.05",
                                                      with: "chain = [\"sgd\", \"normalized\"]\nlr = 0.05\nmin_norm = 1e-9"))
        let tables = try load(text.replacingOccurrences(of: "chain = [\"sgd\", \"normalized\"]\nlr = 0.05",
                                                        with: "chain = [\"sgd\", \"normalized\"]\nsgd = { lr = 0.05 }\nnormalized = { min_norm = 1e-9 }"))
        XCTAssertEqual(flat.cells()[0].hash, tables.cells()[0].hash)
        // OGR and its momentum publish no slope: the figure draws the loss instead.
        let noSlope = text.replacingOccurrences(of: "y = \"slope\"", with: "y = \"train_loss\"")
        let ownTables = try load(noSlope.replacingOccurrences(of: "chain = [\"sgd\", \"normalized\"]\nlr = 0.05",
                                                           with: "chain = [\"ogr\", \"ema_momentum\"]\nogr = { gamma = 0.9 }\nema_momentum = { lr = 0.05, gamma = 0.25 }"))
        let cell = ownTables.cells()[0]
        let plan = try registry.optimizerPlan(chain: cell.chain, schedule: cell.schedule, settings: cell.settings)
        XCTAssertEqual((plan.chain[0] as? OnlineGradientRegression)?.gamma, 0.9)
        XCTAssertEqual((plan.chain[1] as? EMAMomentum)?.gamma, 0.25)
        XCTAssertEqual(plan.learningRate, 0.05)
        XCTAssertEqual(cell.config["variant"]?["ogr"]?["gamma"], .double(0.9))
        // A shared key left out of a link's table takes that link's default.
        let defaults = try load(noSlope.replacingOccurrences(of: "chain = [\"sgd\", \"normalized\"]\nlr = 0.05",
                                                          with: "chain = [\"ogr\", \"ema_momentum\"]\nema_momentum = { lr = 0.05 }"))
        let d = defaults.cells()[0]
        let defaultPlan = try registry.optimizerPlan(chain: d.chain, schedule: d.schedule, settings: d.settings)
        XCTAssertEqual((defaultPlan.chain[0] as? OnlineGradientRegression)?.gamma, 0.9)
        XCTAssertEqual((defaultPlan.chain[1] as? EMAMomentum)?.gamma, 0.5)
        func issues(_ text: String) -> String {
            do { _ = try load(text); return "" } catch { return "\(error)" }
        }
        let flatShared = issues(noSlope.replacingOccurrences(of: "chain = [\"sgd\", \"normalized\"]\nlr = 0.05",
                                                          with: "chain = [\"ogr\", \"ema_momentum\"]\nlr = 0.05\ngamma = 0.5"))
        XCTAssertTrue(flatShared.contains("variants[0].gamma: declared by ogr and ema_momentum: set it for each in its own table"), flatShared)
        let unknown = issues(text.replacingOccurrences(of: "chain = [\"sgd\", \"normalized\"]\nlr = 0.05",
                                                       with: "chain = [\"sgd\", \"normalized\"]\nsgd = { lr = 0.05, min_norm = 1.0 }"))
        XCTAssertTrue(unknown.contains("variants[0].sgd.min_norm: not a key of sgd"), unknown)
        let twice = issues(text.replacingOccurrences(of: "chain = [\"sgd\", \"normalized\"]\nlr = 0.05",
                                                     with: "chain = [\"sgd\", \"normalized\"]\nlr = 0.05\nsgd = { lr = 0.1 }"))
        XCTAssertTrue(twice.contains("variants[0].sgd.lr: set twice"), twice)
    }

    /// A chain whose links neither declare a learning rate nor set their own step has no rate: it
    /// is refused at validation (it trained silently at a rate of 1), and by the registry for a
    /// stored configuration that validation never saw.
    func testAChainWithoutALearningRateIsRefused() throws {
        let spec = text.replacingOccurrences(of: "chain = [\"sgd\", \"normalized\"]\nlr = 0.05", with: "chain = [\"normalized\"]")
        XCTAssertNotEqual(spec, text)
        do {
            _ = try load(spec)
            XCTFail("a chain without a learning rate was accepted")
        } catch {
            XCTAssertTrue("\(error)".contains("variants[0].chain: no link of the chain [normalized] declares a learning rate (lr) or sets its own step"), "\(error)")
        }
        XCTAssertThrowsError(try registry.optimizerPlan(["chain": ["normalized"]]))
        // A link that sets its own step needs no rate (the saddle-free Newton step of OGR).
        XCTAssertEqual(try registry.optimizerPlan(["optimizer": "ogr"]).learningRate, 1)
        XCTAssertEqual(try registry.optimizerPlan(["optimizer": "sgd", "lr": 0.5]).learningRate, 0.5)
        // Without a value, the declaring link's default: never a silent 1.
        XCTAssertEqual(try registry.optimizerPlan(["optimizer": "adam"]).learningRate, 1e-3)
        XCTAssertThrowsError(try registry.optimizerPlan(["optimizer": "sgd"]))
    }

    /// A finite loss that explodes is a divergence: the cell stops as `diverged` when the loss leaves
    /// the problem's declared bound, with the step and the bound in its detail.
    func testAFiniteExplodingLossStopsAsDiverged() throws {
        // sgd at lr 5 on the quadratic ½Σaᵢθᵢ² (a up to 5·scale) multiplies θ by |1 − 5a| > 1 each step:
        // the loss grows geometrically and stays finite for the 40 steps.
        let spec = try load(text.replacingOccurrences(of: "lr = 0.05\nscale = [10.0, 100.0]", with: "lr = 5.0\nscale = 1.0"))
        let runner = Runner(options: RunOptions(resultsDirectory: "\(directory)/results", dataDirectory: nil, sourceDirectory: directory),
                            registry: registry)
        let report = try runner.run(spec)
        XCTAssertEqual(report.diverged.map(\.variant), ["scales"])
        let record = try ResultStore.read("\(directory)/results/ext/default/scales--seed0.h5")
        XCTAssertEqual(record.string("status"), "diverged")
        XCTAssertTrue(record.string("status_detail")?.contains("leaves the problem's bound (|loss| ≤ 1e+06") == true, record.string("status_detail") ?? "")
        let completed = record.attributes["steps_completed"]
        XCTAssertNotEqual(completed, .int(40))
    }
}
