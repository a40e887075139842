import XCTest
import RepriseConfig
@testable import RepriseExperiments

/// Issue 36: validation never traps on a count past `Int.max`, and a cell's memory (the whole
/// network, the optimizer's state, the data) is refused at validation, with the bytes, the limit
/// and the key to change, before anything is allocated.
extension SpecTests {
    private func objective(_ problem: String, optimizer: String = "sgd\"\nlr = 0.1") -> String {
        "name = \"demo\"\ntitle = \"t\"\npaper = \"p\"\nseeds = [0]\n[problem]\n\(problem)\n[budget]\nsteps = 5\n"
            + "[[variants]]\nname = \"v\"\noptimizer = \"\(optimizer)\n"
    }

    /// `lattice = [1000] × 7` is 10²¹ start points, past `Int.max`: it trapped in every command
    /// (`reprise list` included); now it is refused on its line.
    func testALatticePastIntMaxIsRefusedNotTrapped() {
        let box = Array(repeating: "[-1, 1]", count: 7).joined(separator: ", ")
        let found = issues(objective("kind = \"multistart\"\nfunction = \"rosenbrock\"\ndimension = 7\nbox = [\(box)]\nlattice = [1000, 1000, 1000, 1000, 1000, 1000, 1000]"))
        XCTAssertTrue(found.contains { $0.keyPath == "problem.lattice" && $0.line == 10 && $0.message.contains("more than \(Int.max) start points") },
                      "\(found.map(\.description))")
        XCTAssertNil(CheckedCount.product([1000, 1000, 1000, 1000, 1000, 1000, 1000]))
        XCTAssertEqual(CheckedCount.product([1000, 1000]), 1_000_000)
        XCTAssertNil(CheckedCount.sum([Int.max, 1]))
    }

    /// A 784-30000-10 MLP with K-FAC passed validation (only hidden-to-hidden weights were counted)
    /// and aborted allocating its 30000² factor; `features = 100000, hidden = [100000]` tried 40 GB.
    func testTheWholeNetworkAndTheOptimizerStateAreBoundedAtValidation() {
        let kfac = Self.valid.replacingOccurrences(of: "dataset = \"synthetic\"\nhidden = [8]", with: "dataset = \"fashion-mnist\"\nhidden = [30000]")
            .replacingOccurrences(of: "name = \"adam\"\noptimizer = \"adam\"", with: "name = \"kfac\"\nchain = [\"kfac\", \"sgd\"]\nlr = 0.1")
        XCTAssertNotEqual(kfac, Self.valid)
        let found = issues(kfac)
        XCTAssertTrue(found.contains { $0.keyPath == "problem.hidden" && $0.line == 9 && $0.message.contains("K-FAC factors") && $0.message.contains("the limit is") },
                      "\(found.map(\.description))")
        // The same network with SGD alone fits (its factors are the only large part).
        let sgd = kfac.replacingOccurrences(of: "chain = [\"kfac\", \"sgd\"]", with: "optimizer = \"sgd\"")
        XCTAssertNoThrow(try ExperimentSpec.load(write(sgd)))

        let wide = Self.valid.replacingOccurrences(of: "hidden = [8]", with: "features = 100000\nhidden = [100000]")
        let tooWide = issues(wide)
        XCTAssertTrue(tooWide.contains { $0.keyPath == "problem.hidden" && $0.message.contains("network 160.0 GB") }, "\(tooWide.map(\.description))")
    }

    /// The estimate never traps on a count past `Int.max`, and names the largest part's key.
    func testAMemoryEstimatePastIntMaxIsRefusedNamingItsKey() {
        var e = MemoryEstimate()
        e.add("data", key: "features", bytes: 1000)
        XCTAssertNil(e.problem(limit: 1000))
        e.add("network", key: "hidden", numbers: [Int.max, 2], size: 4)
        let problem = e.problem(limit: 1000)
        XCTAssertEqual(problem?.key, "hidden")
        XCTAssertTrue(problem?.message.contains("more than \(Int.max) bytes") == true, "\(String(describing: problem))")
        XCTAssertLessThanOrEqual(MemoryEstimate.limit, MemoryEstimate.limitBytes)
    }

    /// A CNN's cell is counted on its layer list's shapes: a wide convolution's activations are
    /// refused with the bytes and the key, and a layer past 2³² weights is refused on the
    /// architecture's line, counted in checked arithmetic before any layer exists.
    func testACNNIsBoundedAtValidationAndNeverTraps() {
        func cnn(_ architecture: String) -> String {
            "name = \"demo\"\ntitle = \"t\"\npaper = \"p\"\nseeds = [0]\n[problem]\nkind = \"cnn\"\ndataset = \"synthetic\"\nfeatures = 784\n"
                + "image = [1, 28, 28]\narchitecture = [\(architecture)]\n[budget]\nepochs = 1\nbatch_size = 128\n"
                + "[[variants]]\nname = \"v\"\noptimizer = \"sgd\"\nlr = 0.1\n"
        }
        XCTAssertNoThrow(try ExperimentSpec.load(write(cnn("\"conv 32 5 same\", \"relu\", \"maxpool 2\""))))
        // 20000 maps of 28 × 28 at batch 128: 24 GB of activations, with few parameters.
        let wide = issues(cnn("\"conv 20000 3 same\", \"maxpool 28\""))
        XCTAssertTrue(wide.contains { $0.message.contains("activations") && $0.message.contains("the limit is") }, "\(wide.map(\.description))")
        let huge = issues(cnn("\"conv 100000 2025 pad 999\""))
        XCTAssertTrue(huge.contains { $0.keyPath == "problem.architecture" && $0.message.contains("make it smaller") }, "\(huge.map(\.description))")
    }
}
