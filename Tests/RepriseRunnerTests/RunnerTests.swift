import XCTest
import RepriseConfig
import RepriseLearning
import RepriseNumerics
import RepriseExperiments
import RepriseReports
@testable import RepriseStore
@testable import RepriseRunner

/// A test case with a fresh folder (holding `experiments/`) for each test.
class FolderTestCase: XCTestCase {
    var directory = ""

    override func setUpWithError() throws {
        directory = NSTemporaryDirectory() + "reprise-run-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory + "/experiments", withIntermediateDirectories: true)
    }

    override func tearDown() { try? FileManager.default.removeItem(atPath: directory) }
}

/// A small classification experiment on synthetic data (two seeds, three epochs, two variants):
/// the runner tests start from it.
let tinyClassificationSpec = """
    name = "tiny"
    title = "Tiny"
    paper = "none"
    seeds = [0, 1]
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
    epochs = 3
    batch_size = 32
    [record]
    every_steps = 5
    tensors = ["final_parameters"]
    [[variants]]
    name = "momentum"
    optimizer = "sgd"
    lr = 0.1
    momentum = 0.9
    [[variants]]
    name = "adam"
    optimizer = "adam"
    lr = 0.01
    [[figures]]
    name = "accuracy"
    x = "epoch"
    y = "test_accuracy"
    [[figures]]
    name = "loss"
    x = "step"
    y = "train_loss"
    log_y = true
    """

/// The runner end to end on small problems: spec → cells → HDF5 → summary and figures.
final class RunnerTests: FolderTestCase {

    private func spec(_ name: String, _ text: String) throws -> ExperimentSpec {
        let path = "\(directory)/experiments/\(name).toml"
        _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        return try ExperimentSpec.load(path)
    }

    private var runner: Runner {
        Runner(options: RunOptions(resultsDirectory: "\(directory)/results", dataDirectory: nil, sourceDirectory: directory))
    }

    private let classification = tinyClassificationSpec

    /// `verify` reruns a stored cell in memory: identical when nothing changed; a stored number
    /// altered by one ulp is found and measured.
    /// A per-layer setting the network cannot honour (ISAAC on layer 3 of a 2-layer network, or
    /// ISAAC after another link) stops the run before any cell trains, naming the variant.
    func testPerLayerSettingsAreCheckedBeforeAnythingTrains() throws {
        for (chain, layers, expected) in [("[\"isaac\", \"sgd\"]", "[1, 3]", "there is no layer 3"),
                                         ("[\"sgd\", \"isaac\"]", "[1]", "first link")] {
            let text = classification.replacingOccurrences(of: """
            name = "adam"
            optimizer = "adam"
            lr = 0.01
            """, with: """
            name = "adam"
            chain = \(chain)
            lr = 0.01
            layers = \(layers)
            """)
            let s = try spec("tiny", text)
            XCTAssertThrowsError(try runner.run(s)) { XCTAssert("\($0)".contains(expected) && "\($0)".contains("variant adam"), "\($0)") }
            XCTAssertFalse(FileManager.default.fileExists(atPath: "\(directory)/results/tiny/default/momentum--seed0.h5"))
        }
    }

    func testVerifyFindsIdenticalAndAlteredDatasets() throws {
        let s = try spec("tiny", classification)
        _ = try runner.run(s)
        let cell = s.cells()[0]
        let clean = try runner.verify([cell], spec: s)
        XCTAssertTrue(clean[0].identical, "\(clean[0].datasets.filter { !$0.identical })")
        XCTAssertTrue(clean[0].datasets.contains { $0.name == "/epochs/test_accuracy" })
        XCTAssertTrue(clean[0].datasets.contains { $0.name == "/tensors/final_parameters" })

        var record = try ResultStore.read(runner.path(of: cell))
        var loss = record.series["epochs"]!["train_loss"]!
        loss[2] = loss[2].nextUp
        record.series["epochs"]!["train_loss"] = loss
        try ResultStore.write(record, to: runner.path(of: cell), scratch: "\(directory)/results/.tmp")
        let altered = try runner.verify([cell], spec: s)[0]
        XCTAssertFalse(altered.identical)
        let differing = altered.datasets.filter { !$0.identical }
        XCTAssertEqual(differing.map(\.name), ["/epochs/train_loss"])
        XCTAssertEqual(differing[0].maxAbsolute, loss[2] - loss[2].nextDown, accuracy: 0)
        XCTAssertLessThan(differing[0].maxRelative, 1e-15)
    }

    /// A damaged, missing or swapped stored cell is a failure of `verify`, named, never skipped in
    /// favour of the next cell; an attribute that defines the result (`steps_completed`) is compared.
    func testVerifyFailsOnDamagedMissingForeignCellsAndAlteredAttributes() throws {
        let s = try spec("tiny", classification)
        _ = try runner.run(s)
        let cells = s.cells()
        let file = runner.path(of: cells[0]), other = runner.path(of: cells[1])
        XCTAssertEqual(cells[0].variant, cells[1].variant)
        let original = try Data(contentsOf: URL(fileURLWithPath: file))
        func problem() throws -> String? { try runner.verify([cells[0]], spec: s)[0].problem }

        try original.prefix(3000).write(to: URL(fileURLWithPath: file))
        XCTAssertTrue(try problem()?.contains("is damaged") == true)
        try Data().write(to: URL(fileURLWithPath: file))
        XCTAssertTrue(try problem()?.contains("is damaged") == true)
        try FileManager.default.removeItem(atPath: file)
        XCTAssertTrue(try problem()?.contains("is not stored") == true)
        try FileManager.default.copyItem(atPath: other, toPath: file)   // another seed's cell
        let swapped = try problem() ?? ""
        XCTAssertTrue(swapped.contains("holds another cell or configuration (seed 1, expected 0)"), swapped)
        XCTAssertFalse(try runner.verify([cells[0]], spec: s)[0].identical)

        try original.write(to: URL(fileURLWithPath: file))
        XCTAssertTrue(try runner.verify([cells[0]], spec: s)[0].identical)
        var record = try ResultStore.read(file)
        record.attributes["steps_completed"] = .int(20)
        try ResultStore.write(record, to: file, scratch: "\(directory)/results/.tmp")
        let altered = try runner.verify([cells[0]], spec: s)[0]
        XCTAssertFalse(altered.identical)
        XCTAssertEqual(altered.datasets.filter { !$0.identical }.map(\.name), ["@steps_completed"])
    }

    /// A lock file or lock folder planted as a symbolic link is refused, and nothing is created or
    /// truncated where it points (outside the results folder).
    func testPlantedLockLinksAreNotFollowed() throws {
        let s = try spec("tiny", classification)
        let hash = s.cells()[0].hash
        let outside = "\(directory)/outside"
        try FileManager.default.createDirectory(atPath: "\(directory)/results/.locks", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: "\(directory)/results/.locks/\(hash).lock", withDestinationPath: outside)
        XCTAssertThrowsError(try runner.run(s)) { XCTAssertTrue("\($0)".contains("not a link"), "\($0)") }
        XCTAssertFalse(FileManager.default.fileExists(atPath: outside), "the lock link was followed")

        try FileManager.default.removeItem(atPath: "\(directory)/results/.locks")
        try FileManager.default.createDirectory(atPath: "\(directory)/elsewhere", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: "\(directory)/results/.locks", withDestinationPath: "\(directory)/elsewhere")
        XCTAssertThrowsError(try runner.run(s)) { XCTAssertTrue("\($0)".contains("not a link"), "\($0)") }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: "\(directory)/elsewhere"), [])
    }

    /// Each evaluation stores ‖θ − θ₀‖ (0 before training), which the stored initial and final
    /// parameters give again in Double; each cell stores the bytes a step holds, whose parameter and
    /// optimizer parts have closed forms (P = 6·12 + 12 + 12·3 + 3 = 123 parameters: θ and its
    /// gradient 2·4P bytes; momentum's buffer 4P; Adam's two moments 8P).
    func testDistanceFromInitAndCountedMemory() throws {
        let s = try spec("tiny", classification.replacingOccurrences(of: "tensors = [\"final_parameters\"]",
                                                                   with: "tensors = [\"initial_parameters\", \"final_parameters\"]")
                         .replacingOccurrences(of: "[[figures]]\nname = \"accuracy\"",
                                               with: "[[variants]]\nname = \"kfac\"\nchain = [\"kfac\", \"sgd\"]\nlr = 0.1\n[[figures]]\nname = \"accuracy\""))
        _ = try runner.run(s)
        let p = 123
        // K-FAC's Float factors: A (inputs × inputs) and G (outputs × outputs) per layer, 6² + 12² and 12² + 3².
        let kfac = 4 * (6 * 6 + 12 * 12 + 12 * 12 + 3 * 3)
        XCTAssertEqual(s.cells().filter { $0.seed == 0 }.map(\.variant), ["momentum", "adam", "kfac"])
        for (cell, state) in zip(s.cells().filter { $0.seed == 0 }, [4 * p, 8 * p, kfac]) {
            let r = try ResultStore.read(runner.path(of: cell))
            let distance = r.series["epochs"]!["distance_from_init"]!
            XCTAssertEqual(distance.first, 0)
            let initial = r.tensors.first { $0.name == "initial_parameters" }!.data.doubles
            let final = r.tensors.first { $0.name == "final_parameters" }!.data.doubles
            XCTAssertEqual(initial.count, p)
            let expected = zip(final, initial).reduce(0.0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }.squareRoot()
            XCTAssertGreaterThan(expected, 0.01)
            XCTAssertEqual(distance.last!, expected, accuracy: 1e-12 * expected, cell.variant)
            XCTAssertEqual(r.int("memory_parameters_bytes"), 8 * p, cell.variant)
            XCTAssertEqual(r.int("memory_state_bytes"), state, cell.variant)
            XCTAssertGreaterThan(r.int("memory_buffers_bytes") ?? 0, 0, cell.variant)
        }
        // The file describes itself: the spec's title, and each dataset's unit and meaning.
        let file = try H5File.open(runner.path(of: s.cells()[0]))
        XCTAssertEqual(try file.attributes("/")["title"], .string("Tiny"))
        let accuracy = try file.attributes("/epochs/test_accuracy")
        XCTAssertEqual(accuracy["unit"], .string("fraction"))
        XCTAssertTrue("\(accuracy["meaning"] ?? .string(""))".contains("test accuracy, evaluated after the epoch"), "\(accuracy)")
        XCTAssertTrue("\(try file.attributes("/steps/train_loss")["meaning"] ?? .string(""))".contains("window mean"))
        XCTAssertEqual(try file.attributes("/wallclock/step_seconds")["unit"], .string("seconds"))
    }

    func testRunStoresResumesAndReproducesBitForBit() throws {
        let s = try spec("tiny", classification)
        let first = try runner.run(s)
        XCTAssertEqual(first.ran.count, 4)
        let cell = s.cells()[0]
        let path = runner.path(of: cell)
        let a = try ResultStore.read(path)
        XCTAssertEqual(a.string("status"), "complete")
        XCTAssertEqual(a.string("config_hash"), cell.hash)
        XCTAssertEqual(a.series["epochs"]?["epoch"], [0, 1, 2, 3])
        XCTAssertEqual(a.series["steps"]?["step"], [5, 10, 15, 20, 21])  // 7 steps per epoch, 21 in all
        XCTAssertEqual(a.int("steps_completed"), 21)
        XCTAssertNotNil(a.attributes["git_commit"])
        XCTAssertEqual(a.tensors.map(\.name), ["final_parameters"])
        XCTAssertGreaterThan(a.series["epochs"]!["test_accuracy"]!.last!, 0.6)

        // A second run finds every cell stored and runs nothing.
        let second = try runner.run(s)
        XCTAssertEqual(second.ran.count, 0)
        XCTAssertEqual(second.skipped.count, 4)

        // Forced, the cell is rerun and every reproducible dataset is bit-identical.
        var options = RunOptions(resultsDirectory: "\(directory)/results", dataDirectory: nil, sourceDirectory: directory)
        options.force = true
        options.only = ["momentum"]
        options.seedLimit = 1
        XCTAssertEqual(try Runner(options: options).run(s).ran.count, 1)
        let b = try ResultStore.read(path)
        XCTAssertEqual(a.series.keys.sorted(), b.series.keys.sorted())
        for (group, columns) in a.series {
            for (name, values) in columns {
                XCTAssertEqual(values.map(\.bitPattern), b.series[group]![name]!.map(\.bitPattern), "\(group)/\(name)")
            }
        }
        XCTAssertEqual(a.tensors, b.tensors)
        XCTAssertEqual(a.attributes, b.attributes)

        // Different seeds give different runs; variants share initial weights (paired comparisons).
        let seed1 = try ResultStore.read(runner.path(of: s.cells()[1]))
        XCTAssertNotEqual(seed1.series["epochs"]!["train_loss"]!, a.series["epochs"]!["train_loss"]!)
        let adam0 = try ResultStore.read(runner.path(of: s.cells()[2]))
        XCTAssertEqual(adam0.series["epochs"]!["test_loss"]![0], a.series["epochs"]!["test_loss"]![0])
    }

    func testChangedConfigurationIsRerunAndUnknownVariantsAreRefused() throws {
        let s = try spec("tiny", classification)
        _ = try runner.run(s)
        let changed = try spec("tiny", classification.replacingOccurrences(of: "lr = 0.01", with: "lr = 0.02"))
        let report = try runner.run(changed)
        XCTAssertEqual(report.ran.map(\.variant), ["adam", "adam"])
        var options = RunOptions(resultsDirectory: "\(directory)/results", dataDirectory: nil, sourceDirectory: directory)
        options.only = ["adamw"]
        XCTAssertThrowsError(try Runner(options: options).run(s)) { XCTAssertTrue("\($0)".contains("has: momentum, adam")) }
    }

    /// A cell stored on a kernel that rounds otherwise (here: recorded as the portable kernel) is not
    /// mixed into a reproducible-kernel run: kept aside as `.superseded`, rerun; `verify` of a cell
    /// stored on another kernel names the `--blas-kernel` that compares it.
    func testCellsOfAnotherKernelAreKeptAsideAndRerun() throws {
        let s = try spec("tiny", classification)
        _ = try runner.run(s)
        let cell = s.cells()[0], file = runner.path(of: cell)
        var record = try ResultStore.read(file)
        XCTAssertEqual(record.attributes["blas_kernel"].map { "\($0)" }.map { $0.contains("(reproducible)") }, true)
        record.attributes["blas_kernel"] = .string("Haswell (portable)")
        var loss = record.series["epochs"]!["train_loss"]!
        loss[1] = loss[1].nextUp  // as another kernel's rounding would
        record.series["epochs"]!["train_loss"] = loss
        try ResultStore.write(record, to: file, scratch: "\(directory)/results/.tmp")

        let (table, failed) = Verification.table(try runner.verify([cell], spec: s), unselected: [], rerunKernel: BLASKernel.recorded(.reproducible))
        XCTAssertTrue(failed)
        XCTAssertTrue(table.contains("computed on the portable kernel (OpenBLAS's Haswell kernel) and rerun on the reproducible kernel (Reprise's sgemm on its") && table.contains("rerun with --blas-kernel portable"), table)

        let report = try runner.run(s)
        XCTAssertEqual(report.ran.map(\.relativePath), [cell.relativePath])
        XCTAssertTrue(FileManager.default.fileExists(atPath: file + ".superseded"))
        XCTAssertTrue(try runner.verify([cell], spec: s)[0].identical)
        // Another path of the reproducible kernel rounds the same: kept.
        record = try ResultStore.read(file)
        record.attributes["blas_kernel"] = .string("Haswell with Reprise's sgemm, scalar (reproducible)")
        try ResultStore.write(record, to: file, scratch: "\(directory)/results/.tmp")
        XCTAssertEqual(try runner.run(s).ran.count, 0)
        XCTAssertTrue(BLASKernel.sameRounding("Haswell (portable)", "Haswell (portable)"))
        XCTAssertFalse(BLASKernel.sameRounding("Haswell (native)", "SkylakeX (native)"))
        XCTAssertFalse(BLASKernel.sameRounding("Haswell (portable)", "Haswell (native)"))
    }

    func testDivergenceIsRecordedAndTheRunGoesOn() throws {
        let s = try spec("rosen", """
        name = "rosen"
        title = "Rosenbrock"
        paper = "none"
        seeds = [0]
        [problem]
        kind = "objective"
        function = "rosenbrock"
        start = [-1.2, 1.0]
        [budget]
        steps = 200
        [record]
        every_steps = 1
        tensors = ["trajectory"]
        [[variants]]
        name = "too-fast"
        optimizer = "sgd"
        lr = 0.1
        [[variants]]
        name = "careful"
        optimizer = "sgd"
        lr = 0.001
        momentum = 0.9
        """)
        let report = try runner.run(s)
        XCTAssertEqual(report.diverged.map(\.variant), ["too-fast"])
        let bad = try ResultStore.read(runner.path(of: s.cells()[0]))
        XCTAssertEqual(bad.string("status"), "diverged")
        XCTAssertTrue(bad.string("status_detail")!.contains("at step"))
        XCTAssertLessThan(bad.int("steps_completed")!, 200)
        let good = try ResultStore.read(runner.path(of: s.cells()[1]))
        XCTAssertEqual(good.string("status"), "complete")
        let loss = good.series["epochs"]!["loss"]!
        XCTAssertEqual(loss.count, 201)
        XCTAssertEqual(loss[0], 24.2, accuracy: 1e-12)  // f(−1.2, 1)
        XCTAssertLessThan(loss.last!, 4)
        let trajectory = good.tensors.first { $0.name == "trajectory" }!
        XCTAssertEqual(trajectory.shape, [201, 2])
    }

    func testUnreadableResultIsKeptAsideAndRerun() throws {
        let s = try spec("tiny", classification)
        _ = try runner.run(s)
        let path = runner.path(of: s.cells()[0])
        try Data("garbage".utf8).write(to: URL(fileURLWithPath: path))
        let report = try runner.run(s)
        XCTAssertEqual(report.ran.count, 1)
        XCTAssertTrue(FileManager.default.fileExists(atPath: path + ".unreadable"))
        XCTAssertEqual(try ResultStore.read(path).string("status"), "complete")
    }

    /// Labels, groups and titles from a spec are text to gnuplot: quotes, backquotes, newlines and
    /// gnuplot's `system` cannot end a string or run a command, and the figure still draws.
    func testHostileLabelsCannotRunCommands() throws {
        let marker = "\(directory)/executed"
        let hostile = classification
            .replacingOccurrences(of: "name = \"momentum\"", with: "name = \"momentum\"\nlabel = \"x'; print system('touch \(marker)'); #\"\ngroup = \"Kingma's `touch \(marker)` @x $y \\\\ \\n\"")
            .replacingOccurrences(of: "name = \"accuracy\"", with: "name = \"accuracy\"\ntitle = \"it's \\\" `touch \(marker)`\"")
        let s = try spec("tiny", hostile)
        _ = try runner.run(s)
        let results = StoredResults(spec: s, resultsDirectory: "\(directory)/results")
        let hasGnuplot = FileManager.default.fileExists(atPath: "/usr/bin/gnuplot")
        let files = try Figures.write(results, to: "\(directory)/figures", render: hasGnuplot)
        XCTAssertFalse(FileManager.default.fileExists(atPath: marker), "a label ran a command through gnuplot")
        let script = try String(contentsOfFile: "\(directory)/figures/accuracy.gp", encoding: .utf8)
        let commands = script.split(separator: "\n").filter { !$0.hasPrefix("#") }
        XCTAssertFalse(commands.contains { $0.contains("`") }, script)
        XCTAssertTrue(script.contains("x’; print system(’touch"), script)  // quotes kept as typographic ones
        if hasGnuplot { for f in files { XCTAssertTrue(FileManager.default.fileExists(atPath: f), f) } }
    }

    func testFiguresAndSummaryComeFromTheStoreAlone() throws {
        let s = try spec("tiny", classification)
        _ = try runner.run(s)
        let results = StoredResults(spec: s, resultsDirectory: "\(directory)/results")
        XCTAssertEqual(results.records.count, 4)
        XCTAssertTrue(results.notes.isEmpty, "\(results.notes)")
        let hasGnuplot = FileManager.default.fileExists(atPath: "/usr/bin/gnuplot")
        let files = try Figures.write(results, to: "\(directory)/figures", render: hasGnuplot)
        XCTAssertTrue(files.contains("\(directory)/figures/accuracy.tsv"))
        if hasGnuplot {
            for f in files { XCTAssertTrue(FileManager.default.fileExists(atPath: f), f) }
            let png = FileManager.default.contents(atPath: "\(directory)/figures/loss.png")!
            XCTAssertEqual(Array(png.prefix(4)), [0x89, 0x50, 0x4E, 0x47])
        }
        // The data file holds the mean over the two seeds of what the store holds.
        let tsv = try String(contentsOfFile: "\(directory)/figures/accuracy.tsv", encoding: .utf8)
        let stored = results.records.filter { $0.string("variant") == "momentum" }.map { $0.series["epochs"]!["test_accuracy"]!.last! }
        let lastRow = tsv.components(separatedBy: "\n\n\n")[0].split(separator: "\n").last!.split(separator: "\t")
        let mean = (stored[0] + stored[1]) / 2, sd = abs(stored[0] - stored[1]) / 2.0.squareRoot()
        XCTAssertEqual(Double(lastRow[1])!, mean, accuracy: 1e-12)
        XCTAssertEqual(Double(lastRow[2])!, mean - sd, accuracy: 1e-12)   // the band: mean ± std
        XCTAssertEqual(Double(lastRow[3])!, mean + sd, accuracy: 1e-12)
        XCTAssertTrue(tsv.contains("# variant momentum: 2 seeds drawn"), tsv)

        let table = Summary(results).text
        XCTAssertTrue(table.contains("momentum") && table.contains("final test acc"), table)

        // A primary claim holds only when its Holm-adjusted p is below 0.05; claims do not enter the
        // cells' hashes, so the same store serves the restated spec. (An arm against itself: 0 better,
        // non-inferior at any margin, p = 0; validation refuses it in a file, so it is set here.)
        var claimed = try spec("tiny", classification)
        claimed.claims = [ClaimSpec(text: "Adam is no worse than itself", kind: "noninferior",
                                    settings: ["metric": .string("test_accuracy"), "subject": .string("adam"), "others": .array([.string("adam")]),
                                               "margin": .double(0.01), "margin_why": .string("a test margin")], primary: true)]
        let summary = Summary(StoredResults(spec: claimed, resultsDirectory: "\(directory)/results"))
        XCTAssertEqual(summary.claimPValues.map(\.primary), [true])
        XCTAssertEqual(summary.claimPValues[0].p, 0)
        let kept = summary.claimLines(adjusted: [0: 0.01])[0], demoted = summary.claimLines(adjusted: [0: 0.2])[0]
        XCTAssertTrue(kept.contains("primary, p 0, Holm-adjusted 0.01") && kept.contains(": HOLDS (adam"), kept)
        XCTAssertTrue(demoted.contains("INCONCLUSIVE after Holm (adam"), demoted)
        XCTAssertTrue(kept.contains("non-inferior by margin 0.01 (a test margin)") && kept.contains("paired over 2 seeds"), kept)
    }
}

/// The selection stage: grid runs scored on validation, the winner stored and rerun with every seed.
final class SelectionTests: FolderTestCase {
    private let text = """
    name = "pick"
    title = "Pick"
    paper = "none"
    seeds = [0, 1]
    [problem]
    kind = "classification"
    dataset = "synthetic"
    features = 6
    classes = 3
    validation = 100
    train_examples = 200
    test_examples = 100
    hidden = [12]
    [budget]
    epochs = 3
    batch_size = 32
    [record]
    every_steps = 7
    [selection]
    metric = "validation_accuracy"
    over_epochs = "best"
    seed = 1000
    [[variants]]
    name = "sgd-tuned"
    label = "SGD"
    group = "tuned"
    optimizer = "sgd"
    momentum = 0.9
    select = { lr = [1e-6, 0.1, 1e-5] }
    [[variants]]
    name = "sgd-fixed"
    label = "SGD"
    group = "fixed"
    optimizer = "sgd"
    lr = 1e-6
    [[claims]]
    text = "SGD mostly reaches half the test images"
    kind = "proportion"
    metric = "test_accuracy"
    subject = "SGD"
    above = 0.5
    at_least = 0.5
    every_group = true
    [[figures]]
    name = "bars"
    kind = "bars"
    y = "test_accuracy"
    """

    func testSelectionPicksTheBestValidationScoreAndRecordsEveryPoint() throws {
        let path = "\(directory)/experiments/pick.toml"
        _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        let spec = try ExperimentSpec.load(path)
        let runner = Runner(options: RunOptions(resultsDirectory: "\(directory)/results", dataDirectory: nil, sourceDirectory: directory))
        let report = try runner.run(spec)
        // Three grid points; 0.1 wins on the top edge, so one point beyond it by the grid's ratio
        // (lr 1000, which diverges and ends the extension); then two variants × two seeds.
        XCTAssertEqual(report.ran.count, 3 + 1 + 2 + 2)
        XCTAssertEqual(try SelectionRecord.read("\(directory)/results/\(spec.extendedSelectionRecordPath(of: "sgd-tuned"))").labels.last, "lr=1000.0")

        let record = try SelectionRecord.read("\(directory)/results/\(spec.selectionRecordPath(of: "sgd-tuned"))")
        XCTAssertEqual(record.labels, ["lr=1e-06", "lr=0.1", "lr=1e-05"])
        XCTAssertEqual(record.winner, 1)  // a learning rate of 1e-6 or 1e-5 barely moves in 3 epochs
        // Every score is the best validation accuracy over epochs of that point's stored run.
        for (k, cell) in spec.selectionCells(of: spec.selectedVariants[0]).enumerated() {
            let series = try ResultStore.read(runner.path(of: cell)).series["epochs"]!["validation_accuracy"]!
            XCTAssertEqual(record.scores[k], series.dropFirst().max()!)
            XCTAssertEqual(cell.seed, 1000)
        }
        XCTAssertEqual(record.scores.max(), record.scores[1])

        // The final cells carry the winner's learning rate and every seed.
        let finals = try ResultStore.read("\(directory)/results/pick/default/sgd-tuned--seed1.h5")
        XCTAssertTrue(finals.string("config")!.contains("\"lr\":0.1"), finals.string("config")!)
        XCTAssertFalse(finals.string("config")!.contains("select"))
        XCTAssertFalse(finals.string("config")!.contains("label"))

        // Reports find the winner in the store, and check the claim per group.
        let results = StoredResults(spec: spec, resultsDirectory: "\(directory)/results")
        XCTAssertEqual(results.records.count, 4)
        let summary = Summary(results)
        XCTAssertTrue(summary.text.contains("lr=0.1"), summary.text)
        // 0.1 is the largest of the three searched rates: the table flags the edge.
        XCTAssertTrue(summary.text.contains("lr=0.1 (on the grid's edge: lr: the largest of 3)"), summary.text)
        // … and names the runner-up: the best of the other points, with both scores.
        let runnerUp = try XCTUnwrap([0, 2].max { record.scores[$0] < record.scores[$1] })
        XCTAssertTrue(summary.text.contains(String(format: "runner-up %@: %.4f vs %.4f", record.labels[runnerUp], record.scores[runnerUp], record.scores[1])),
                      summary.text)
        let tuned = try XCTUnwrap(spec.variants.first { $0.name == "sgd-tuned" })
        XCTAssertEqual(spec.gridEdges(of: tuned, winner: 0), ["lr: the smallest of 3"])
        XCTAssertEqual(spec.gridEdges(of: tuned, winner: 2), [])
        XCTAssertEqual(summary.claimLines().count, 1)
        XCTAssertTrue(summary.claimLines()[0].contains("tuned: ") && summary.claimLines()[0].contains("fixed: "), summary.claimLines()[0])
        let files = try Figures.write(results, to: "\(directory)/figures", render: false)
        let bars = try String(contentsOfFile: files[0], encoding: .utf8)
        XCTAssertTrue(bars.contains("# label\tgroup\tx\tmean\tlow\thigh\tseeds\tdiverged\nSGD\ttuned\t-0.2\t"), bars)
        XCTAssertTrue(bars.contains("\nSGD\tfixed\t0.2\t"), bars)

        // A second run reuses every stored cell and the same winner.
        let again = try runner.run(spec)
        XCTAssertEqual(again.ran.count, 0)
        XCTAssertEqual(again.skipped.count, 8)

        // A damaged selection record: reports say what is wrong with it, and the next run keeps it
        // aside (never overwritten) and makes a new one from the stored grid runs.
        let recordPath = "\(directory)/results/\(spec.selectionRecordPath(of: "sgd-tuned"))"
        try Data((0..<4000).map { UInt8(truncatingIfNeeded: $0 &* 37) }).write(to: URL(fileURLWithPath: recordPath))
        let damaged = StoredResults(spec: spec, resultsDirectory: "\(directory)/results")
        XCTAssertTrue(damaged.notes.contains { $0.contains("selection record of sgd-tuned cannot be used") }, "\(damaged.notes)")
        _ = try runner.run(spec)
        XCTAssertTrue(FileManager.default.fileExists(atPath: recordPath + ".unreadable"))
        XCTAssertEqual(try SelectionRecord.read(recordPath).winner, 1)
    }

    func testWinnerPrefersFiniteScoresAndEarlierTies() {
        XCTAssertEqual(selectWinner([0.5, 0.7, 0.7], goal: .maximize), 1)
        XCTAssertEqual(selectWinner([.nan, 0.2, .nan], goal: .maximize), 1)
        XCTAssertEqual(selectWinner([.nan, .nan], goal: .maximize), 0)
        XCTAssertEqual(reduceOverEpochs([0.99, 0.1, 0.3, 0.2], .best, goal: .maximize), 0.3)  // epoch 0 is not a result
        XCTAssertEqual(reduceOverEpochs([0.99, 0.1, 0.3, 0.2], .final, goal: .maximize), 0.2)
        // A minimised metric: the lowest wins and "best" is the smallest.
        XCTAssertEqual(selectWinner([0.5, 0.2, .nan, 0.2], goal: .minimize), 1)
        XCTAssertEqual(reduceOverEpochs([0.01, 0.5, 0.3, 0.4], .best, goal: .minimize), 0.3)
        XCTAssertTrue(reduceOverEpochs([1, 2, 3], .best, goal: .none).isNaN)
    }
}
