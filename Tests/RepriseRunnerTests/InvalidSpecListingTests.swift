import Foundation
import XCTest

/// One bad spec never hides the others (issue 36): `reprise list` with a spec whose lattice is
/// past `Int.max` (it trapped every command) names it with its error, lists the valid one, and
/// exits 1 — the folder has a problem to fix, as `make list` in CI should say — without a signal.
final class InvalidSpecListingTests: FolderTestCase {
    func testListNamesTheBrokenSpecAndListsTheOthers() throws {
        try tinyClassificationSpec.write(toFile: "\(directory)/experiments/tiny.toml", atomically: true, encoding: .utf8)
        let box = Array(repeating: "[-1, 1]", count: 7).joined(separator: ", ")
        let broken = "name = \"broken\"\ntitle = \"t\"\npaper = \"p\"\nseeds = [0]\n[problem]\nkind = \"multistart\"\nfunction = \"rosenbrock\"\n"
            + "dimension = 7\nbox = [\(box)]\nlattice = [1000, 1000, 1000, 1000, 1000, 1000, 1000]\n[budget]\nsteps = 5\n"
            + "[[variants]]\nname = \"v\"\noptimizer = \"sgd\"\nlr = 0.1\n"
        try broken.write(toFile: "\(directory)/experiments/broken.toml", atomically: true, encoding: .utf8)

        let list = try CLI.run(["list"], in: directory, timeout: 120, memoryMB: 4096)
        XCTAssertFalse(list.timedOut, "list hung")
        XCTAssertFalse(list.signalled, "list was killed by a signal (a trap): \(list.err)")
        XCTAssertEqual(list.status, 1, list.out + list.err)
        XCTAssertTrue(list.out.contains("broken\n    INVALID: experiments/broken.toml:10: problem.lattice: 1000 × 1000"), list.out)
        XCTAssertTrue(list.out.contains("tiny\n  Tiny"), list.out)
        XCTAssertTrue(list.err.contains("1 problem(s)"), list.err)

        // reproduce names every invalid spec before anything runs (here the one), and trains nothing.
        let reproduce = try CLI.run(["reproduce", "--allow-dirty"], in: directory, timeout: 120, memoryMB: 4096)
        XCTAssertFalse(reproduce.timedOut || reproduce.signalled, reproduce.err)
        XCTAssertNotEqual(reproduce.status, 0)
        XCTAssertTrue(reproduce.err.contains("broken: experiments/broken.toml:10: problem.lattice:"), reproduce.err)
        XCTAssertFalse(FileManager.default.fileExists(atPath: "\(directory)/results/tiny"), "reproduce trained despite an invalid spec")
    }

    /// At most three primary claims per paper, across its experiments: `show`, `run`, `report` and
    /// `figures` refuse a paper past it as `list` does (they read one spec; the rule reads them all).
    func testEveryCommandRefusesAPaperWithMoreThanThreePrimaryClaims() throws {
        let claim = "[[claims]]\ntext = \"adam beats momentum\"\nmetric = \"test_accuracy\"\nsubject = \"adam\"\nothers = [\"momentum\"]\nprimary = true\n"
        for name in ["one", "two"] {
            let text = tinyClassificationSpec.replacingOccurrences(of: "name = \"tiny\"", with: "name = \"\(name)\"") + "\n" + claim + claim
            try text.write(toFile: "\(directory)/experiments/\(name).toml", atomically: true, encoding: .utf8)
        }
        for arguments in [["show", "one"], ["run", "one"], ["report"], ["figures", "two"], ["list"]] {
            let outcome = try CLI.run(arguments, in: directory, timeout: 120, memoryMB: 4096)
            XCTAssertFalse(outcome.timedOut || outcome.signalled, "\(arguments): \(outcome.err)")
            XCTAssertEqual(outcome.status, 1, "\(arguments): \(outcome.out)\(outcome.err)")
            XCTAssertTrue((outcome.out + outcome.err).contains("none: 4 primary claims (one 2, two 2)"), "\(arguments): \(outcome.out)\(outcome.err)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: "\(directory)/results/one"), "run trained a paper past its primary claims")
    }
}
