import XCTest
import RepriseConfig
@testable import RepriseExperiments

final class SpecTests: XCTestCase {
    private var directory = ""

    override func setUpWithError() throws {
        directory = NSTemporaryDirectory() + "reprise-spec-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    override func tearDown() { try? FileManager.default.removeItem(atPath: directory) }

    static let valid = """
    name = "demo"
    title = "Demo"
    paper = "none"
    seeds = [0, 1]

    [problem]
    kind = "classification"
    dataset = "synthetic"
    hidden = [8]

    [budget]
    epochs = 2
    batch_size = 16

    [[variants]]
    name = "sgd"
    optimizer = "sgd"
    lr = [0.1, 0.01]
    momentum = 0.9

    [[variants]]
    name = "adam"
    optimizer = "adam"

    [profiles.quick]
    seeds = [0]
    budget = { epochs = 1 }

    [[figures]]
    name = "loss"
    x = "epoch"
    y = "train_loss"
    """

    func write(_ text: String, name: String = "demo") -> String {
        let path = "\(directory)/\(name).toml"
        _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        return path
    }

    func issues(_ text: String, profile: String = "default") -> [SpecIssue] {
        do {
            _ = try ExperimentSpec.load(write(text), profile: profile)
            XCTFail("expected the spec to be rejected")
            return []
        } catch let error as SpecError {
            return error.issues
        } catch {
            XCTFail("unexpected \(error)")
            return []
        }
    }

    func testValidSpecExpandsGridsAndFillsDefaults() throws {
        let spec = try ExperimentSpec.load(write(Self.valid))
        XCTAssertEqual(spec.variantNames, ["sgd-lr0.1", "sgd-lr0.01", "adam"])
        XCTAssertEqual(spec.variants[2].settings["beta2"], .double(0.999))
        XCTAssertEqual(spec.variants[0].settings["momentum"], .double(0.9))
        XCTAssertEqual(spec.problem["validation"], .int(200))
        XCTAssertEqual(spec.cells().count, 6)
        XCTAssertEqual(spec.profiles, ["default", "quick"])

        let quick = try ExperimentSpec.load(write(Self.valid), profile: "quick")
        XCTAssertEqual(quick.seeds, [0])
        XCTAssertEqual(quick.budget["epochs"], .int(1))
        XCTAssertEqual(quick.budget["batch_size"], .int(16))  // merged, not replaced
    }

    /// A 1000 × 1000 grid (2·10⁶ cells with two seeds) is refused, with its count, before expansion:
    /// it grew past 3.6 GB without training a cell.
    func testAGridBeyondTheCellBoundIsRefusedBeforeExpansion() {
        let grid = "[" + (1...1000).map { "\(Double($0) / 1000)" }.joined(separator: ", ") + "]"
        let huge = Self.valid.replacingOccurrences(of: "lr = [0.1, 0.01]\nmomentum = 0.9", with: "lr = \(grid)\nmomentum = \(grid.replacingOccurrences(of: "1.0]", with: "0.999]"))")
        XCTAssertNotEqual(huge, Self.valid)
        let started = Date()
        let found = issues(huge)
        XCTAssertLessThan(Date().timeIntervalSince(started), 30, "the grid was expanded")
        XCTAssertTrue(found.contains { $0.keyPath == "variants[0]" && $0.message.contains("expand to 2000000 cells") && $0.message.contains("at most 100000") }, "\(found)")
    }

    /// Values of the wrong type or range in a key that a problem's cross-key checks read are
    /// reported as errors; the checks never read the refused value (they trapped on it).
    func testRefusedValuesNeverReachCrossKeyChecks() {
        for (problem, key) in [("kind = \"objective\"\nfunction = \"rosenbrock\"\nstart = [-1.2, 1.0]", "dimension"),
                               ("kind = \"multistart\"\nfunction = \"rosenbrock\"\nstarts = [[-1.2, 1.0]]", "dimension")] {
            for bad in ["0", "[]", "true", "-inf", "[[2]]", "1979-05-27T07:32:00Z", "\"two\"", "1e300", "-3"] {
                let text = "name = \"demo\"\ntitle = \"t\"\npaper = \"p\"\nseeds = [0]\n[problem]\n\(problem)\n\(key) = \(bad)\n[budget]\nsteps = 5\n"
                    + "[[variants]]\nname = \"sgd\"\noptimizer = \"sgd\"\nlr = 0.1\n"
                let found = issues(text)
                XCTAssertTrue(found.contains { $0.keyPath == "problem.\(key)" }, "\(key) = \(bad): \(found)")
            }
        }
    }

    func testCellHashesDependOnConfigurationOnly() throws {
        let a = try ExperimentSpec.load(write(Self.valid)).cells()
        let b = try ExperimentSpec.load(write(Self.valid.replacingOccurrences(of: "title = \"Demo\"", with: "title = \"Renamed\""))).cells()
        XCTAssertEqual(a.map(\.hash), b.map(\.hash))  // the title does not change the data
        let c = try ExperimentSpec.load(write(Self.valid.replacingOccurrences(of: "momentum = 0.9", with: "momentum = 0.8"))).cells()
        XCTAssertNotEqual(a[0].hash, c[0].hash)
        XCTAssertEqual(a[4].hash, c[4].hash)  // adam's cells are untouched
        XCTAssertEqual(Set(a.map(\.hash)).count, a.count)
    }

    /// `-0.0`, `0.0` and `0` are one value of a number key: one hash, one stored cell, one value
    /// trained with (+0.0), in a variant and in a selection grid alike.
    func testNegativeZeroHashesAsZero() throws {
        let hashes = try ["0", "0.0", "-0.0", "-0"].map { zero in
            try ExperimentSpec.load(write(Self.valid.replacingOccurrences(of: "momentum = 0.9", with: "momentum = \(zero)"))).cells()[0].hash
        }
        XCTAssertEqual(Set(hashes).count, 1, "\(hashes)")
        let spec = try ExperimentSpec.load(write(Self.valid.replacingOccurrences(of: "momentum = 0.9", with: "momentum = -0.0")))
        XCTAssertEqual(spec.variants[0].settings["momentum"]?.number?.sign, .plus)
        let grids = try ["[0.0, 0.5]", "[-0.0, 0.5]"].map { grid in
            try ExperimentSpec.load(write(Self.valid.replacingOccurrences(of: "momentum = 0.9", with: "momentum = \(grid)"))).cells().map(\.hash)
        }
        XCTAssertEqual(grids[0], grids[1])
    }

    func testUnknownKeyIsReportedWithLineAndPath() {
        let text = Self.valid.replacingOccurrences(of: "momentum = 0.9", with: "momentun = 0.9")
        let found = issues(text)
        XCTAssertEqual(found.count, 1)
        XCTAssertEqual(found.first?.keyPath, "variants[0].momentun")
        XCTAssertEqual(found.first?.line, 19)
        XCTAssertTrue(found.first!.description.contains("demo.toml:19: variants[0].momentun: unknown key; allowed here:"), found.first!.description)
    }

    func testWrongTypesAndValuesAreReported() {
        let text = Self.valid
            .replacingOccurrences(of: "epochs = 2", with: "epochs = \"two\"")
            .replacingOccurrences(of: "optimizer = \"adam\"", with: "optimizer = \"adamw\"")
            .replacingOccurrences(of: "hidden = [8]", with: "hidden = [8, -1]")
        let found = issues(text)
        let byPath = Dictionary(found.map { ($0.keyPath, $0) }, uniquingKeysWith: { a, _ in a })
        XCTAssertTrue(byPath["budget.epochs"]?.message.contains("expected an integer, found a string") ?? false, "\(found)")
        XCTAssertEqual(byPath["budget.epochs"]?.line, 12)
        XCTAssertTrue(byPath["variants[1].optimizer"]?.message.contains("no optimizer or transformation 'adamw'; the catalog has sgd, adam, rmsprop, adagrad") ?? false, "\(found)")
        XCTAssertTrue(byPath["problem.hidden"]?.message.contains("values in [1, 100000]") ?? false, "\(found)")
        // A budget key refused for its type was given: no "give exactly one" sending the user the wrong way.
        XCTAssertFalse(found.contains { $0.message.contains("give exactly one of epochs and steps") }, "\(found)")
    }

    /// Mutations found by fuzzing specs: each is refused with the key's line and path and a message
    /// saying what is allowed; none crashes and none reaches the training code.
    func testHostileValuesAreRefusedWithTheirLocation() {
        let cases: [(String, String, String, String)] = [  // (replace, with, key path, message fragment)
            ("name = \"demo\"", "name = [\"a\", \"b\"]", "name", "expected a string, found an array"),
            ("optimizer = \"adam\"", "optimizer = [\"sgd\", \"adam\"]", "variants[1].optimizer", "cannot be a grid"),
            ("optimizer = \"adam\"", "optimizer = \"adam\"\nschedule = [\"taso\", \"cosine\"]", "variants[1].schedule", "cannot be a grid"),
            ("name = \"adam\"", "name = [\"x\", \"y\"]", "variants[1].name", "cannot be a grid"),
            ("epochs = 2", "epochs = 9223372036854775807", "budget.epochs", "must be in [1, 1000000]"),
            ("epochs = 2", "steps = 9223372036854775807", "budget.steps", "must be in [1, 1000000000]"),
            ("batch_size = 16", "batch_size = 9223372036854775807", "budget.batch_size", "must be in [1, 1000000]"),
            ("momentum = 0.9", "momentum = nan", "variants[0].momentum", "expected a finite number, found a float"),
            ("momentum = 0.9", "momentum = inf", "variants[0].momentum", "expected a finite number"),
            ("lr = [0.1, 0.01]", "lr = [0.1, -inf]", "variants[0].lr[1]", "expected a finite number"),
            ("name = \"adam\"", "name = \"sgd-lr0.1\"", "variants[1].name", "variant name 'sgd-lr0.1' is used twice"),
            ("title = \"Demo\"", "title = 1979-05-27", "title", "a TOML date or time"),
            ("seeds = [0, 1]", "seeds = [-1]", "seeds", "1 to 1000 seeds"),
            ("hidden = [8]", "hidden = [100000, 100000, 100000]", "problem.hidden", "the limit is"),
            ("hidden = [8]\n\n[budget]\nepochs = 2\nbatch_size = 16", "hidden = [1000]\n\n[budget]\nepochs = 2\nbatch_size = 1000000",
             "budget.batch_size", "activations"),
            ("y = \"train_loss\"", "y = \"curvature\"", "figures[0].y", "is not recorded per epoch"),
            ("name = \"loss\"", "name = \"../../etc/x\"", "figures[0].name", "letters, digits"),
        ]
        for (old, new, path, message) in cases where !message.isEmpty {
            let text = Self.valid.replacingOccurrences(of: old, with: new)
            XCTAssertNotEqual(text, Self.valid, "mutation did not apply: \(old)")
            let found = issues(text)
            XCTAssertTrue(found.contains { $0.keyPath == path && $0.message.contains(message) && $0.line != nil },
                          "\(new) → \(found.map(\.description))")
        }
        // A split no larger than the dataset: Fashion-MNIST has 60,000 training examples.
        let images = Self.valid.replacingOccurrences(of: "dataset = \"synthetic\"", with: "dataset = \"fashion-mnist\"\nvalidation = 60000")
        XCTAssertTrue(issues(images).contains { $0.keyPath == "problem.validation" && $0.message.contains("below fashion-mnist's 60000") })
        // A NUL byte would make the parser drop the rest of the file silently.
        let nul = issues(Self.valid.replacingOccurrences(of: "[budget]", with: "[budget]\u{0}"))
        XCTAssertEqual(nul.first?.line, 11)
        XCTAssertTrue(nul.first?.message.contains("control character U+0000") ?? false, "\(nul)")
        // A missing key names the table that lacks it.
        let missing = issues(Self.valid.replacingOccurrences(of: "lr = [0.1, 0.01]\n", with: ""))
        XCTAssertTrue(missing.contains { $0.keyPath == "variants[0].lr" && $0.line == 15 && $0.message.contains("missing") }, "\(missing)")
    }

    func testProfileMistakesNameTheProfile() {
        let found = issues(Self.valid.replacingOccurrences(of: "budget = { epochs = 1 }", with: "budget = { epochs = 0 }"))
        XCTAssertEqual(found.first?.keyPath, "profiles.quick.budget.epochs")
        XCTAssertEqual(found.first?.line, 27)
        let unknownProfile = issues(Self.valid, profile: "papr")
        XCTAssertTrue(unknownProfile.first?.message.contains("declares: default, quick") ?? false, "\(unknownProfile)")
    }

    func testSyntaxErrorsAndMissingFiles() {
        let found = issues(Self.valid.replacingOccurrences(of: "[budget]", with: "[budget"))
        XCTAssertEqual(found.first?.line, 11)
        XCTAssertTrue(found.first?.message.contains("TOML syntax error") ?? false)
        XCTAssertThrowsError(try ExperimentSpec.load("\(directory)/absent.toml")) { XCTAssertTrue("\($0)".contains("cannot read")) }
    }

    func testNameMustMatchFileAndFiguresMustNameRecordedMetrics() {
        let found = issues(Self.valid.replacingOccurrences(of: "y = \"train_loss\"", with: "y = \"accuracy\""))
        XCTAssertTrue(found.contains { $0.keyPath == "figures[0].y" && $0.message.contains("test_accuracy") }, "\(found)")
        do {
            _ = try ExperimentSpec.load(write(Self.valid, name: "other"))
            XCTFail("expected a name mismatch")
        } catch {
            XCTAssertTrue("\(error)".contains("must equal the file name 'other'"), "\(error)")
        }
    }

    /// FIPS 180-4 test vectors.
    func testSHA256KnownVectors() {
        XCTAssertEqual(SHA256.hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(SHA256.hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(SHA256.hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
                       "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    func testCanonicalJSONSortsKeysAndEscapes() {
        let v = ConfigValue.table(["b": .int(1), "a": .array([.double(0.001), .bool(true), .string("q\"\n")])])
        XCTAssertEqual(v.canonicalJSON, #"{"a":[0.001,true,"q\"\n"],"b":1}"#)
    }

    /// The experiments shipped in experiments/ are valid under every profile they declare.
    func testShippedExperimentsAreValid() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let folder = root.appendingPathComponent("experiments").path
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".toml") }
        XCTAssertFalse(files.isEmpty)
        for f in files {
            let spec = try ExperimentSpec.load("\(folder)/\(f)")
            for p in spec.profiles {
                let s = try ExperimentSpec.load("\(folder)/\(f)", profile: p)
                // Final cells, or selection runs when every variant is tuned first.
                XCTAssertFalse(s.cells().isEmpty && s.selectedVariants.flatMap { s.selectionCells(of: $0) }.isEmpty, "\(f) [\(p)]")
            }
            XCTAssertTrue(spec.profiles.contains("quick"), "\(f) declares no quick profile")
        }
    }
}

final class SelectionSpecTests: XCTestCase {
    private func load(_ text: String, profile: String = "default") throws -> ExperimentSpec {
        let dir = NSTemporaryDirectory() + "reprise-selspec-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        _ = FileManager.default.createFile(atPath: "\(dir)/demo.toml", contents: Data(text.utf8))
        return try ExperimentSpec.load("\(dir)/demo.toml", profile: profile)
    }

    private let base = SpecTests.valid.replacingOccurrences(of: """
    [[variants]]
    name = "adam"
    optimizer = "adam"
    """, with: """
    [[variants]]
    name = "adam"
    label = "Adam"
    optimizer = "adam"
    select = { lr = [1e-3, 1e-4], amsgrad = [false, true] }

    [selection]
    metric = "validation_accuracy"
    """)

    func testGridsProfilesAndHashes() throws {
        let spec = try load(base + "\n[profiles.tiny]\nvariants.adam = { select = { lr = [1e-2] } }\n")
        let adam = spec.selectedVariants[0]
        XCTAssertEqual(spec.grid(of: adam).map(\.label), ["amsgrad=false,lr=0.001", "amsgrad=false,lr=0.0001",
                                                          "amsgrad=true,lr=0.001", "amsgrad=true,lr=0.0001"])
        XCTAssertEqual(spec.selectionCells(of: adam).map(\.seed), [0, 0, 0, 0])
        XCTAssertEqual(spec.cells().map(\.variant), ["sgd-lr0.1", "sgd-lr0.1", "sgd-lr0.01", "sgd-lr0.01"])  // no winner yet
        let winner = spec.grid(of: adam)[3]
        let finals = spec.cells(winners: ["adam": winner]).filter { $0.variant == "adam" }
        XCTAssertEqual(finals.count, 2)
        XCTAssertTrue(finals[0].config.canonicalJSON.contains("\"amsgrad\":true,"))
        XCTAssertFalse(finals[0].config.canonicalJSON.contains("Adam"))  // labels stay out of hashes

        let tiny = try load(base + "\n[profiles.tiny]\nvariants.adam = { select = { lr = [1e-2] } }\n", profile: "tiny")
        XCTAssertEqual(tiny.grid(of: tiny.selectedVariants[0]).map(\.label), ["amsgrad=false,lr=0.01", "amsgrad=true,lr=0.01"])
    }

    func testSelectionMistakes() {
        func issues(_ text: String) -> [String] {
            do { _ = try load(text); return [] } catch { return "\(error)".components(separatedBy: "\n") }
        }
        XCTAssertTrue(issues(base.replacingOccurrences(of: "amsgrad = [false, true]", with: "optimizer = [\"sgd\"]"))
            .contains { $0.contains("variants[1].select.optimizer: cannot be searched") })
        XCTAssertTrue(issues(base.replacingOccurrences(of: "metric = \"validation_accuracy\"", with: "metric = \"test_accuracy\""))
            .contains { $0.contains("selection.metric: selecting on the test split") })
        XCTAssertTrue(issues(base.replacingOccurrences(of: "[selection]\nmetric = \"validation_accuracy\"", with: ""))
            .contains { $0.contains("selection: missing") })
        let profileTypo = issues(base + "\n[profiles.tiny]\nvariants.adamw = { select = { lr = [1e-2] } }\n")
        XCTAssertTrue(profileTypo.contains { $0.contains("profiles.tiny.variants.adamw: no variant named 'adamw'") }, "\(profileTypo)")
        let badValue = issues(base + "\n[profiles.tiny]\nvariants.adam = { select = { lr = [-1.0] } }\n")
        XCTAssertTrue(badValue.contains { $0.contains("profiles.tiny.variants.adam.select.lr[0]: must be > 0") }, "\(badValue)")
    }
}
