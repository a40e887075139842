import XCTest
import RepriseConfig
import RepriseExperiments
import RepriseLearning
import RepriseNumerics
@testable import RepriseStore
@testable import RepriseRunner

/// Kill and resume: a cell stopped after step k (as a killed process would, with no warning) and
/// resumed from its last checkpoint ends with every series, tensor and count bit-identical to the
/// uninterrupted run, for every registered transformation, both ζ forms of ISAAC, every OGR
/// variant, K-FAC between refreshes, both curvature modes, schedules, noisy gradients (a cached
/// spare normal) and multi-start cells; and the resumed run trains only the steps after its
/// checkpoint.
final class ResumeTests: FolderTestCase {
    /// Every transformation on a small classifier: 90 examples in batches of 16 (six steps an epoch,
    /// the last one short), three epochs, windows of four steps that straddle checkpoints.
    static let network = """
        name = "resume-net"
        title = "t"
        paper = "none"
        seeds = [3]
        [problem]
        kind = "classification"
        dataset = "synthetic"
        features = 5
        classes = 3
        validation = 30
        train_examples = 90
        test_examples = 30
        hidden = [6]
        [budget]
        epochs = 3
        batch_size = 16
        [record]
        every_steps = 4
        tensors = ["final_parameters"]
        [[variants]]
        name = "nesterov"
        optimizer = "sgd"
        lr = 0.05
        momentum = 0.9
        nesterov = true
        weight_decay = 0.001
        [[variants]]
        name = "amsgrad"
        optimizer = "adam"
        lr = 0.01
        amsgrad = true
        [[variants]]
        name = "rmsprop"
        optimizer = "rmsprop"
        centered = true
        momentum = 0.5
        [[variants]]
        name = "adagrad"
        optimizer = "adagrad"
        lr = 0.05
        [[variants]]
        name = "ema"
        optimizer = "ema_momentum"
        lr = 0.05
        [[variants]]
        name = "taso"
        optimizer = "adam"
        lr = 0.01
        schedule = "taso"
        [[variants]]
        name = "rescaled-taylor"
        chain = ["sgd", "curvature_rescale"]
        lr = 0.05
        rho = 0.5
        rho_decay = 0.9
        same_batch_check = true
        [[variants]]
        name = "rescaled-reuse"
        chain = ["adam", "curvature_rescale"]
        lr = 0.01
        rho = 0.1
        mode = "reuse"
        [[variants]]
        name = "zeta-star"
        chain = ["isaac", "sgd"]
        lr = 0.05
        lambda_a = 0.1
        [[variants]]
        name = "zeta"
        chain = ["isaac", "sgd"]
        lr = 0.05
        lambda_a = 0.1
        lambda_g = 0.1
        [[variants]]
        name = "kfac"
        chain = ["kfac", "sgd"]
        lr = 0.05
        update_every = 4
        [[variants]]
        name = "ogr-diagonal"
        optimizer = "ogr"
        variant = "diagonal"
        """

    /// OGR's four forms on a noisy 3-D objective (the noise draws normals in pairs).
    static let objective = """
        name = "resume-objective"
        title = "t"
        paper = "none"
        seeds = [5]
        [problem]
        kind = "objective"
        function = "rosenbrock"
        dimension = 3
        start = [-1.0, 0.5, 0.2]
        noise = 0.01
        [budget]
        steps = 25
        [record]
        every_steps = 3
        tensors = ["trajectory", "final_parameters"]
        [[variants]]
        name = "full"
        optimizer = "ogr"
        [[variants]]
        name = "subspace"
        optimizer = "ogr"
        variant = "subspace"
        dim = 2
        [[variants]]
        name = "diagonal-subspace"
        optimizer = "ogr"
        variant = "diagonal_subspace"
        dim = 2
        [[variants]]
        name = "rescaled"
        chain = ["sgd", "curvature_rescale"]
        lr = 0.001
        """

    /// Many starts around a saddle, each with its own streams and escape step.
    static let multistart = """
        name = "resume-multistart"
        title = "t"
        paper = "none"
        seeds = [1]
        [problem]
        kind = "multistart"
        function = "quartic_saddle"
        dimension = 2
        starts = [[0.1, 0.05], [-0.2, 0.1], [0.05, -0.3]]
        noise = 0.05
        escape_below = -0.5
        [budget]
        steps = 20
        [record]
        every_steps = 2
        [[variants]]
        name = "ogr"
        optimizer = "ogr"
        """

    /// ISAAC's ζ and K-FAC on an auto-encoder (their sampled targets draw normals).
    static let autoencoder = """
        name = "resume-autoencoder"
        title = "t"
        paper = "none"
        seeds = [2]
        [problem]
        kind = "autoencoder"
        dataset = "synthetic"
        features = 6
        classes = 2
        validation = 20
        train_examples = 40
        test_examples = 20
        hidden = [3]
        [budget]
        epochs = 3
        batch_size = 12
        [[variants]]
        name = "zeta"
        chain = ["isaac", "sgd"]
        lr = 0.05
        lambda_a = 0.1
        lambda_g = 0.1
        [[variants]]
        name = "kfac"
        chain = ["kfac", "sgd"]
        lr = 0.05
        update_every = 2
        """

    /// A convolutional network (conv, max pool, conv with stride, dense) on 1×6×6 images.
    static let cnn = """
        name = "resume-cnn"
        title = "t"
        paper = "none"
        seeds = [4]
        [problem]
        kind = "cnn"
        dataset = "synthetic"
        features = 36
        classes = 3
        validation = 20
        train_examples = 40
        test_examples = 20
        image = [1, 6, 6]
        architecture = ["conv 3 3 same", "relu", "maxpool 2", "conv 4 2 stride 1 valid", "tanh", "dense 5", "relu"]
        [budget]
        epochs = 3
        batch_size = 12
        [[variants]]
        name = "adam"
        optimizer = "adam"
        lr = 0.01
        [[variants]]
        name = "zeta-star"
        chain = ["isaac", "sgd"]
        lr = 0.05
        lambda_a = 0.1
        [[variants]]
        name = "kfac"
        chain = ["kfac", "sgd"]
        lr = 0.05
        update_every = 2
        [[variants]]
        name = "rescaled"
        chain = ["sgd", "curvature_rescale"]
        lr = 0.05
        mode = "reuse"
        """

    private func load(_ text: String, registry: Registry = .standard) throws -> ExperimentSpec {
        let name = text.split(separator: "\"")[1]
        let file = "\(directory)/experiments/\(name).toml"
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        return try ExperimentSpec.load(file, profile: ExperimentSpec.defaultProfile, catalog: registry.catalog)
    }

    private var runner: Runner { runner(.standard) }

    private func runner(_ registry: Registry) -> Runner {
        Runner(options: RunOptions(resultsDirectory: directory + "/results", dataDirectory: nil, sourceDirectory: directory), registry: registry)
    }

    /// Every cell of `text` killed after each of `kills` steps, resumed from the last checkpoint
    /// (every `every` steps, through the encoded bytes), compared with the uninterrupted run.
    private func checkResume(_ text: String, every: Int, kills: [Int], registry: Registry = .standard) throws -> [String] {
        let spec = try load(text, registry: registry)
        let runner = self.runner(registry)
        var names: [String] = []
        for cell in spec.cells() {
            let plan = try runner.plan(cell)
            let trainer = Trainer(totalSteps: plan.totalSteps, every: spec.record["every_steps"]?.int ?? 10)
            let reference = try trainer.train(try runner.makeTrial(cell, plan)) { _, _, _, _ in }
            XCTAssertEqual(reference.status, .complete, cell.variant)
            let referenceTrial = try runner.makeTrial(cell, plan)
            _ = try trainer.train(referenceTrial) { _, _, _, _ in }
            for kill in kills where kill < plan.totalSteps {
                var saved: [StateArchive] = []
                var writing = trainer
                writing.checkpoints = Trainer.Checkpoints(everySteps: every, everySeconds: nil, write: { saved.append($0) })
                XCTAssertThrowsError(try writing.train(try runner.makeTrial(cell, plan), stopAfter: kill) { _, _, _, _ in })
                XCTAssertEqual(saved.count, kill / every, "\(cell.variant): one checkpoint per \(every) steps")
                guard let last = saved.last else { continue }
                let state = try StateArchive(decoding: last.encoded())
                XCTAssertEqual(state, last)
                let trial = try runner.makeTrial(cell, plan)
                let resumed = try trainer.train(trial, resumingFrom: state) { _, _, _, _ in }
                let from = (kill / every) * every
                XCTAssertEqual(resumed.resumedFrom, from)
                XCTAssertEqual(resumed.stepsRun, plan.totalSteps - from, "\(cell.variant) killed at \(kill): only the steps after the checkpoint run")
                let what = "\(cell.variant) killed after step \(kill), resumed from \(from)"
                // One line per kill, for the record: `swift test --filter ResumeTests | grep resume-table`.
                print("resume-table | \(spec.name) | \(cell.variant) | \(cell.chain.joined(separator: "+")) | \(kill) | \(from) | \(resumed.stepsRun) of \(plan.totalSteps)")
                XCTAssertEqual(resumed.status, reference.status, what)
                XCTAssertEqual(resumed.completed, reference.completed, what)
                XCTAssertEqual(resumed.memory, reference.memory, what)
                for (group, columns) in reference.recorder.series {
                    XCTAssertEqual(Set(columns.keys), Set(resumed.recorder.series[group]?.keys.map { $0 } ?? []), what)
                    for (name, values) in columns {
                        XCTAssertEqual(values.map(\.bitPattern), resumed.recorder.series[group]?[name]?.map(\.bitPattern),
                                       "\(what): /\(group)/\(name)")
                    }
                }
                XCTAssertEqual(reference.recorder.wallclock.mapValues(\.count), resumed.recorder.wallclock.mapValues(\.count), what)
                for (a, b) in zip(referenceTrial.tensors(), trial.tensors()) {
                    XCTAssertEqual(a.name, b.name)
                    XCTAssertEqual(a.shape, b.shape, "\(what): \(a.name)")
                    switch (a.values, b.values) {
                    case (.float32(let x), .float32(let y)): XCTAssertEqual(x.map(\.bitPattern), y.map(\.bitPattern), "\(what): \(a.name)")
                    case (.float64(let x), .float64(let y)): XCTAssertEqual(x.map(\.bitPattern), y.map(\.bitPattern), "\(what): \(a.name)")
                    default: XCTFail("\(what): \(a.name) changed precision")
                    }
                }
            }
            let variant = cell.config["variant"]?.table ?? [:]
            names += (variant["chain"]?.array?.compactMap(\.string) ?? []) + [variant["optimizer"]?.string].compactMap { $0 }
        }
        return names
    }

    func testEveryTransformationResumesBitForBit() throws {
        // Network: 18 steps; kills mid-epoch (3, 11), at an epoch's end (12), and on the last step's eve.
        var covered = Set(try checkResume(Self.network, every: 2, kills: [1, 3, 6, 11, 12, 17]))
        covered.formUnion(try checkResume(Self.objective, every: 4, kills: [5, 13, 24]))
        covered.formUnion(try checkResume(Self.multistart, every: 3, kills: [7, 19]))
        covered.formUnion(try checkResume(Self.autoencoder, every: 5, kills: [6, 11]))
        covered.formUnion(try checkResume(Self.cnn, every: 4, kills: [5, 10]))
        // A transformation the cases above do not name (one added by the guide, docs/reference.md,
        // *Adding an algorithm*) is checked with its keys' defaults, as the optimizer or as a link
        // after SGD: registering it is enough, no test is edited.
        // The test target's Lion stands for such a transformation: registered as a user would, it is
        // checked here with no line of this test naming it.
        var registry = Registry.standard
        registry.register(Lion.self)
        let head = Self.network.components(separatedBy: "[[variants]]")[0]
        let untested = registry.transformations.map { $0.component }.filter { !covered.contains($0.name) }
        for component in untested {
            let made = Self.defaultVariant(component)
            XCTAssertTrue(made.usable, "\(component.name): no value satisfies a required key's range; give the resume test a case for it")
            let names = try checkResume(head + made.text, every: 2, kills: [3, 11], registry: registry)
            covered.formUnion(names)
        }
        XCTAssertTrue(covered.contains("lion"), "the test target's example was not checked")
        let registered = Set(registry.transformations.map { $0.component.name })
        XCTAssertEqual(registered.subtracting(covered), [], "transformations whose resume is not tested")
    }

    /// A variant of `component` with its required keys set to the first value each one's range
    /// accepts: as the optimizer when it computes a direction from the gradient alone (needs
    /// nothing of the oracle), else as a link after SGD; whether every required key found a value.
    static func defaultVariant(_ component: ComponentDescription) -> (text: String, usable: Bool) {
        var lines = ["[[variants]]", "name = \"auto-\(component.name)\""]
        lines.append(component.needs.isEmpty ? "optimizer = \"\(component.name)\"" : "chain = [\"sgd\", \"\(component.name)\"]")
        var usable = true
        for rule in component.keys {
            guard case .required = rule.presence else { continue }
            var candidates: [ConfigValue] = []
            switch rule.kind {
            case .number: candidates = [0.01, 0.5, 1, 2, 10].map { ConfigValue.double($0) }
            case .int: candidates = [1, 2, 4, 10].map { ConfigValue.int($0) }
            case .bool: candidates = [.bool(false)]
            case .string(let allowed): candidates = allowed.map { ConfigValue.string($0) }
            default: break
            }
            guard let value = candidates.first(where: { rule.problem(with: $0) == nil }) else { usable = false; continue }
            var text = "\(value.number ?? 0)"
            if case .string(let v) = value { text = "\"\(v)\"" }
            if case .bool(let v) = value { text = "\(v)" }
            if case .int(let v) = value { text = "\(v)" }
            lines.append("\(rule.name) = \(text)")
        }
        if !component.needs.isEmpty, !component.keys.contains(where: { $0.name == "lr" }) { lines.append("lr = 0.01") }
        return ("\n" + lines.joined(separator: "\n") + "\n", usable)
    }

    /// A state that does not fit is refused by name, never restored half-way into zeros.
    func testAStateOfAnotherShapeIsRefused() throws {
        let spec = try load(Self.network)
        let runner = self.runner
        let cells = spec.cells()
        let adam = cells.first { $0.variant == "amsgrad" }!, sgd = cells.first { $0.variant == "nesterov" }!
        var saved: [StateArchive] = []
        var trainer = Trainer(totalSteps: 18, every: 4)
        trainer.checkpoints = Trainer.Checkpoints(everySteps: 4, everySeconds: nil, write: { saved.append($0) })
        XCTAssertThrowsError(try trainer.train(try runner.makeTrial(adam, try runner.plan(adam)), stopAfter: 5) { _, _, _, _ in })
        XCTAssertThrowsError(try Trainer(totalSteps: 18, every: 4).train(try runner.makeTrial(sgd, try runner.plan(sgd)), resumingFrom: saved[0]) { _, _, _, _ in }) { error in
            XCTAssertTrue("\(error)".contains("link-1") || "\(error)".contains("buffer"), "\(error)")
        }
        var bytes = saved[0].encoded()
        bytes[bytes.count / 2] ^= 0x40
        XCTAssertThrowsError(try StateArchive(decoding: bytes)) { XCTAssertTrue("\($0)".contains("damaged"), "\($0)") }
        XCTAssertThrowsError(try StateArchive(decoding: Array(bytes.prefix(100))))
        XCTAssertThrowsError(try StateArchive(decoding: Array("not a checkpoint".utf8)))
    }

    /// A random stream's state includes its cached spare normal: the restored stream draws the
    /// same sequence as the original from the point it was saved, spare first.
    func testRandomStreamStateKeepsTheSpareNormal() throws {
        var a = RandomStream(key: 42)
        _ = a.normal()  // leaves a spare
        var b = try XCTUnwrap(RandomStream(stateWords: a.stateWords))
        for _ in 0..<7 { XCTAssertEqual(a.normal().bitPattern, b.normal().bitPattern) }
        XCTAssertEqual(a.next(), b.next())
        XCTAssertNil(RandomStream(stateWords: [0, 0, 0, 0, 0, 0]))
        XCTAssertNil(RandomStream(stateWords: [1, 2, 3]))
    }

    /// Through the runner: a selection cell with a checkpoint on disk resumes from it (the stored
    /// result records the step), stores the same datasets as a run never interrupted, and removes
    /// the checkpoint; a checkpoint of another configuration or a damaged one is set aside with a
    /// message and the cell trains from its start.
    func testTheRunnerResumesFromACheckpointBesideTheResult() throws {
        let text = """
            name = "resume-select"
            title = "t"
            paper = "none"
            seeds = [0]
            [problem]
            kind = "objective"
            function = "rosenbrock"
            start = [-1.2, 1.0]
            noise = 0.01
            [budget]
            steps = 40
            [selection]
            metric = "loss"
            seed = 9
            [[variants]]
            name = "sgd"
            optimizer = "sgd"
            momentum = 0.9
            select = { lr = [0.0005, 0.001] }
            """
        let spec = try load(text)
        var options = RunOptions(resultsDirectory: directory + "/reference", dataDirectory: nil, sourceDirectory: directory)
        _ = try Runner(options: options).run(spec)
        options.resultsDirectory = directory + "/results"
        let runner = Runner(options: options)
        let cell = spec.selectionCells(of: spec.selectedVariants[0])[1]
        let plan = try runner.plan(cell)
        let checkpoint = Checkpoint(result: runner.path(of: cell), scratch: directory + "/results/.tmp", configHash: cell.hash,
                                    sourceDigest: "\(Provenance.attributes(sourceDirectory: directory)["source_digest"]!)")
        try FileManager.default.createDirectory(atPath: (runner.path(of: cell) as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        var trainer = Trainer(totalSteps: plan.totalSteps, every: 10)
        trainer.checkpoints = Trainer.Checkpoints(everySteps: 10, everySeconds: nil, write: { try checkpoint.write($0) })
        XCTAssertThrowsError(try trainer.train(try runner.makeTrial(cell, plan), stopAfter: 36) { _, _, _, _ in })
        XCTAssertTrue(FileManager.default.fileExists(atPath: checkpoint.path))

        _ = try runner.run(spec)
        XCTAssertFalse(FileManager.default.fileExists(atPath: checkpoint.path), "removed once the result is stored")
        let resumed = try ResultStore.read(runner.path(of: cell))
        XCTAssertEqual(resumed.wallclockAttributes["resumed_from_step"], .int(30))
        XCTAssertEqual(resumed.wallclockAttributes["steps_run"], .int(10))
        for c in spec.selectionCells(of: spec.selectedVariants[0]) {
            let a = try ResultStore.read("\(directory)/reference/\(c.relativePath)"), b = try ResultStore.read(runner.path(of: c))
            XCTAssertEqual(a.series["epochs"]!["loss"]!.map(\.bitPattern), b.series["epochs"]!["loss"]!.map(\.bitPattern))
            XCTAssertEqual(a.series["steps"]!["train_loss"]!.map(\.bitPattern), b.series["steps"]!["train_loss"]!.map(\.bitPattern))
        }

        // A damaged checkpoint and one of another configuration: trained from the start.
        try Data("damaged".utf8).write(to: URL(fileURLWithPath: checkpoint.path))
        guard case .failure? = checkpoint.read() else { return XCTFail("a damaged checkpoint was accepted") }
        let other = Checkpoint(result: runner.path(of: cell), scratch: directory + "/results/.tmp", configHash: "another", sourceDigest: checkpoint.sourceDigest)
        try other.write(StateArchive())
        guard case .failure(let problem)? = checkpoint.read() else { return XCTFail("a foreign checkpoint was accepted") }
        XCTAssertTrue(problem.description.contains("another configuration"), problem.description)

        // One written on a kernel that rounds otherwise: refused, naming the kernel to resume with.
        let selected = BLASKernel.selected
        defer { BLASKernel.selected = selected }
        BLASKernel.selected = .portable
        try checkpoint.write(StateArchive())
        BLASKernel.selected = .reproducible
        guard case .failure(let kernelProblem)? = checkpoint.read() else { return XCTFail("a checkpoint of another kernel was accepted") }
        XCTAssertTrue(kernelProblem.description.contains("move the kept copy back and run with --blas-kernel portable"), kernelProblem.description)
    }
}

/// Hostile checkpoints: a link or a pipe in a checkpoint's place, and a well-formed archive whose
/// rows do not fit the step it claims, are refused by name; the cell trains from its start.
final class HostileCheckpointTests: FolderTestCase {
    func testLinksPipesAndInconsistentStatesAreRefused() throws {
        let result = "\(directory)/cell.h5"
        let checkpoint = Checkpoint(result: result, scratch: "\(directory)/.tmp", configHash: "h", sourceDigest: "d")
        // A link to /dev/zero: reading it would never end.
        try FileManager.default.createSymbolicLink(atPath: checkpoint.path, withDestinationPath: "/dev/zero")
        guard case .failure(let link)? = checkpoint.read() else { return XCTFail("a link was read") }
        XCTAssertTrue(link.description.contains("not a regular file"), link.description)
        try FileManager.default.removeItem(atPath: checkpoint.path)
        XCTAssertEqual(mkfifo(checkpoint.path, 0o644), 0)
        guard case .failure(let pipe)? = checkpoint.read() else { return XCTFail("a pipe was read") }
        XCTAssertTrue(pipe.description.contains("not a regular file"), pipe.description)
        try FileManager.default.removeItem(atPath: checkpoint.path)
        // A writable checkpoint replaces whatever stands there (rename does not follow links).
        try FileManager.default.createSymbolicLink(atPath: checkpoint.path, withDestinationPath: "\(directory)/elsewhere")
        try checkpoint.write(StateArchive())
        XCTAssertFalse(FileManager.default.fileExists(atPath: "\(directory)/elsewhere"))
        guard case .success? = checkpoint.read() else { return XCTFail("the written checkpoint does not read back") }

        // A genuine state whose step count is changed: the rows no longer fit, refused by name.
        let spec = try ExperimentSpec.load({
            let file = "\(directory)/experiments/resume-net.toml"
            try? ResumeTests.network.write(toFile: file, atomically: true, encoding: .utf8)
            return file
        }(), catalog: Registry.standard.catalog)
        let runner = Runner(options: RunOptions(resultsDirectory: directory + "/results", dataDirectory: nil, sourceDirectory: directory))
        let cell = spec.cells()[0], plan = try runner.plan(cell)
        var saved: [StateArchive] = []
        var trainer = Trainer(totalSteps: plan.totalSteps, every: 4)
        trainer.checkpoints = Trainer.Checkpoints(everySteps: 8, everySeconds: nil, write: { saved.append($0) })
        XCTAssertThrowsError(try trainer.train(try runner.makeTrial(cell, plan), stopAfter: 9) { _, _, _, _ in })
        var forged = StateArchive()
        for (key, entry) in saved[0].entries where key != "trainer/completed" {
            if entry.type == "Double" { forged.put(key, try saved[0].array(key, as: Double.self)) }
            else if entry.type == "Int" { forged.put(key, try saved[0].array(key, as: Int.self)) }
            else if entry.type == "Float" { forged.put(key, try saved[0].array(key, as: Float.self)) }
            else if entry.type == "UInt64" { forged.put(key, try saved[0].array(key, as: UInt64.self)) }
            else if entry.type == "UInt8" { forged.put(key, try saved[0].array(key, as: UInt8.self)) }
            else { XCTFail("entry \(key) of type \(entry.type) not copied") }
        }
        forged.put("trainer/completed", 12)
        XCTAssertThrowsError(try Trainer(totalSteps: plan.totalSteps, every: 4).train(try runner.makeTrial(cell, plan), resumingFrom: forged) { _, _, _, _ in }) {
            XCTAssertTrue("\($0)".contains("recorded rows do not match 12 steps"), "\($0)")
        }
        // The genuine one resumes.
        XCTAssertNoThrow(try Trainer(totalSteps: plan.totalSteps, every: 4).train(try runner.makeTrial(cell, plan), resumingFrom: saved[0]) { _, _, _, _ in })
    }
}
