import Foundation
import XCTest
import RepriseConfig
import RepriseExperiments
import RepriseStore
@testable import RepriseReports
@testable import RepriseRunner

/// Each claim kind of the catalog on results built in memory, whose verdicts are known by
/// construction: arm A's loss is 1 + 0.1 zₛ, B's 1.5 + 0.1 zₛ, C's 2 + 0.3 z′ₛ (zₛ a fixed
/// pseudo-random sequence over seeds), D's A's plus 0.001 · (−1)ˢ.
final class ClaimKindTests: FolderTestCase {
    private static let seeds = Array(0..<200), pilots = [1000, 1001, 1002, 1003]

    private func z(_ s: Int, _ k: Double) -> Double { sin(Double(s) * 12.9898 * k + 78.233).truncatingRemainder(dividingBy: 1) * 1.7 }

    private func loss(_ arm: String, _ s: Int) -> Double {
        switch arm {
        case "a": return 1 + 0.1 * z(s, 1)
        case "b": return 1.5 + 0.1 * z(s, 1)
        case "c": return 2 + 0.3 * z(s, 2.3)
        default: return 1 + 0.1 * z(s, 1) + 0.001 * (s % 2 == 0 ? 1 : -1)
        }
    }

    private func spec(claims: String, pilots: Bool = true) throws -> ExperimentSpec {
        var text = SyntheticSpec.head("kinds", seeds: Self.seeds, pilots: pilots ? Self.pilots : [])
        for (arm, lr) in [("a", 0.1), ("b", 0.2), ("c", 0.3), ("d", 0.05)] {
            text += "[[variants]]\nname = \"\(arm)\"\nlabel = \"\(arm.uppercased())\"\noptimizer = \"sgd\"\nlr = \(lr)\n"
        }
        let path = "\(directory)/experiments/kinds.toml"
        _ = FileManager.default.createFile(atPath: path, contents: Data((text + claims).utf8))
        return try ExperimentSpec.load(path)
    }

    private func results(_ spec: ExperimentSpec) -> StoredResults {
        var records: [CellRecord] = []
        for arm in ["a", "b", "c", "d"] {
            for s in Self.seeds + Self.pilots {
                // Counted memory: A holds 100 + 100 + 0 bytes, the others 100 + 100 + 200.
                records.append(CellRecord(attributes: ["variant": .string(arm), "seed": .int(Int64(s)), "status": .string("complete"),
                                                       "memory_buffers_bytes": .int(100), "memory_parameters_bytes": .int(100),
                                                       "memory_state_bytes": .int(arm == "a" ? 0 : 200)],
                                          series: ["epochs": ["loss": [24.2, loss(arm, s)]]],
                                          wallclockSeries: ["step_seconds": [arm == "a" ? 0.001 : 0.002, arm == "a" ? 0.0011 : 0.0019]]))
            }
        }
        return StoredResults(spec: spec, records: records)
    }

    private func lines(_ claims: String, pilots: Bool = true) throws -> [String] {
        Summary(results(try spec(claims: claims, pilots: pilots))).claimLines()
    }

    private func claim(_ kind: String, _ keys: String) -> String {
        "[[claims]]\ntext = \"a \(kind) claim\"\nkind = \"\(kind)\"\n\(keys)\n"
    }

    /// Every registered claim kind is read as its own test, never as the switch's fallback
    /// (superior): a kind added to `ClaimKinds.all` without its reading fails here.
    func testEveryRegisteredKindReadsAsItself() {
        for kind in ClaimKinds.all.map(\.name) {
            let test = ClaimSpec(text: "t", kind: kind, settings: [:]).test
            // The case's name in snake case: costTrend(…) is cost_trend.
            let name = String("\(test)".prefix { $0.isLetter }).reduce(into: "") { s, c in s += c.isUppercase ? "_" + c.lowercased() : String(c) }
            XCTAssertEqual(name, kind, "claim kind \(kind) reads as \(test)")
        }
    }

    func testEveryKindReachesItsVerdict() throws {
        let cases: [(String, String, String)] = [
            ("superior", "metric = \"loss\"\nsubject = \"A\"\nothers = [\"B\"]", "HOLDS"),
            ("superior", "metric = \"loss\"\nsubject = \"B\"\nothers = [\"A\"]", "FAILS"),
            ("noninferior", "metric = \"loss\"\nsubject = \"B\"\nothers = [\"A\"]\nmargin = 0.1\nmargin_why = \"test\"", "FAILS"),
            ("noninferior", "metric = \"loss\"\nsubject = \"B\"\nothers = [\"A\"]\nmargin = 0.6\nmargin_why = \"test\"", "HOLDS"),
            ("equivalent", "metric = \"loss\"\nsubject = \"D\"\nothers = [\"A\"]\nmargin = 0.01\nmargin_why = \"test\"", "HOLDS"),
            ("ordering", "metric = \"loss\"\norder = [\"A\", \"B\", \"C\"]", "HOLDS"),
            ("ordering", "metric = \"loss\"\norder = [\"B\", \"A\", \"C\"]", "FAILS"),
            ("published", "metric = \"loss\"\nsubject = \"A\"\nvalue = 1.0\nsource = \"Table 1\"", "HOLDS"),
            ("published", "metric = \"loss\"\nsubject = \"A\"\nvalue = 5.0\nsource = \"Table 1\"", "FAILS"),
            ("proportion", "metric = \"loss\"\nsubject = \"A\"\nbelow = 1.0\nat_least = 0.2", "HOLDS"),
            ("proportion", "metric = \"loss\"\nsubject = \"A\"\nbelow = 1.0\nat_most = 0.2", "FAILS"),
            ("spread", "metric = \"loss\"\nsubject = \"A\"\nothers = [\"C\"]", "HOLDS"),
            ("spread", "metric = \"loss\"\nsubject = \"C\"\nothers = [\"A\"]", "FAILS"),
            ("trend", "metric = \"loss\"\naxis = \"lr\"\ndirection = \"increasing\"", "HOLDS"),
            ("trend", "metric = \"loss\"\naxis = \"lr\"\ndirection = \"decreasing\"", "FAILS"),
            ("threshold", "metric = \"loss\"\naxis = \"lr\"\nat = 0.2\ndirection = \"worse_above\"", "HOLDS"),
            ("threshold", "metric = \"loss\"\naxis = \"lr\"\nat = 0.2\ndirection = \"better_above\"", "FAILS"),
            ("range", "metric = \"loss\"\narms = [\"A\", \"D\"]\nband = 0.05\nband_why = \"test\"", "HOLDS"),
            ("range", "metric = \"loss\"\narms = [\"A\", \"B\"]\nband = 0.05\nband_why = \"test\"", "FAILS"),
            ("cost", "subject = \"A\"\nothers = [\"B\"]\nat_most = 0.8", "HOLDS"),
            ("cost", "subject = \"A\"\nothers = [\"B\"]\nat_least = 0.8", "FAILS"),
            ("cost", "measure = \"memory_bytes\"\nsubject = \"A\"\nothers = [\"B\"]\nat_most = 0.51", "HOLDS"),
            ("cost", "measure = \"memory_bytes\"\nsubject = \"A\"\nothers = [\"B\"]\nat_most = 0.49", "FAILS"),
            ("cost", "measure = \"buffer_bytes\"\nsubject = \"A\"\nothers = [\"B\"]\nat_least = 0.99", "HOLDS"),
        ]
        let all = try lines(cases.map { claim($0.0, $0.1) }.joined(separator: "\n"))
        XCTAssertEqual(all.count, cases.count)
        for (line, c) in zip(all, cases) {
            XCTAssertTrue(line.contains(": \(c.2) ("), "\(c.0) expected \(c.2): \(line)")
        }
        for line in all { print(line) }
    }

    /// A range without `arms` covers every arm of the experiment (here A, B, C, D: B and C lie far
    /// from A, so it fails), and its line names each of them.
    func testRangeWithoutArmsCoversTheWholeGrid() throws {
        let loaded = try spec(claims: claim("range", "metric = \"loss\"\nband = 0.05\nband_why = \"test\""))
        XCTAssertEqual(loaded.claims[0].arms, ["A", "B", "C", "D"])
        let line = Summary(results(loaded)).claimLines()[0]
        XCTAssertTrue(line.contains(": FAILS ("), line)
        for l in ["B ", "C ", "D "] { XCTAssertTrue(line.contains(l), line) }
    }

    /// Counted memory is the same on every machine: the verdict line says so, and the ratio is exact.
    func testMemoryCostIsCounted() throws {
        let line = try lines(claim("cost", "measure = \"memory_bytes\"\nsubject = \"A\"\nothers = [\"B\"]\nat_most = 0.6"))[0]
        XCTAssertTrue(line.contains("counted, the same on every machine") && line.contains("ratio 0.5 (200 bytes over 400)"), line)
    }

    /// REPORT.md's cost table: one row per compared pair, counted bytes exact and machine-free,
    /// wall-clock with its interval.
    func testCostTableListsEveryCostClaim() throws {
        let loaded = try spec(claims: claim("cost", "measure = \"memory_bytes\"\nsubject = \"A\"\nothers = [\"B\"]\nat_most = 0.6")
                              + claim("cost", "subject = \"A\"\nothers = [\"B\"]\nat_most = 0.8"))
        let table = Report.costTable([results(loaded)])
        XCTAssertTrue(table.contains("| A / B | bytes held by a step | 0.5 | ≤ 0.6 | HOLDS | any (counted) |"), table)
        XCTAssertTrue(table.contains("| A / B | wall-clock seconds per step | 0.5"), table)
        XCTAssertTrue(table.contains("an unrecorded CPU"), table)
    }

    /// Grid labels from an extension's repeated products are shown rounded; others as written.
    func testGridLabelsAreReadable() {
        XCTAssertEqual(Summary.readable("lr=0.8999999999999998,weight_decay=0"), "lr=0.9,weight_decay=0")
        XCTAssertEqual(Summary.readable("lr=0.00030000000000000003"), "lr=0.0003")
        XCTAssertEqual(Summary.readable("lr=1e-05,nesterov=false,name=a=b"), "lr=1e-05,nesterov=false,name=a=b")
    }

    /// A trend along lr holds where D (lr 0.05) sits below A (0.1) below B (0.2) below C (0.3) only
    /// in the order of the key, not of the spec.
    func testTrendOrdersArmsByTheKey() throws {
        let line = try lines(claim("trend", "metric = \"loss\"\naxis = \"lr\"\ndirection = \"increasing\""))[0]
        XCTAssertTrue(line.contains("lr=0.05: ") && line.range(of: "lr=0.05")!.lowerBound < line.range(of: "lr=0.1:")!.lowerBound, line)
        XCTAssertTrue(line.contains("Page's L"), line)
    }

    /// An INCONCLUSIVE comparison states what the design could detect: from the pilot seeds when
    /// declared (never the confirmatory ones), else says it cannot.
    func testInconclusivePrintsThePowerOfTheDesign() throws {
        let text = claim("superior", "metric = \"loss\"\nsubject = \"D\"\nothers = [\"A\"]")
        let withPilots = try lines(text)[0]
        XCTAssertTrue(withPilots.contains("INCONCLUSIVE"), withPilots)
        XCTAssertTrue(withPilots.contains("at 80 % power this design (200 paired seeds, two-sided 5 %) detects a true difference of"), withPilots)
        XCTAssertTrue(withPilots.contains("over 4 pilot seeds"), withPilots)
        // The pilot differences are ±0.001 (sd 0.00115): 200 paired seeds detect about 0.2 sd.
        let detected = Double(withPilots.components(separatedBy: "detects a true difference of ")[1].prefix { $0 != " " })!
        let effect = try XCTUnwrap(Statistics.detectableEffect(n: 200, paired: true))
        XCTAssertEqual(detected, effect * (4e-6 / 3).squareRoot(), accuracy: 1e-6)
        let without = try lines(text, pilots: false)[0]
        XCTAssertTrue(without.contains("no pilot seeds declared"), without)
    }

    /// Tables and verdicts read the confirmatory seeds only.
    func testPilotSeedsStayOutOfTablesAndVerdicts() throws {
        let table = Summary(results(try spec(claims: ""))).text
        XCTAssertTrue(table.contains(" 200 "), table)
        XCTAssertFalse(table.contains(" 204 "), table)
        let line = try lines(claim("published", "metric = \"loss\"\nsubject = \"A\"\nvalue = 1.0\nsource = \"p. 3\""))[0]
        XCTAssertTrue(line.contains("over 200 seeds"), line)
    }

    /// Fewer seeds than a published number needs: not tested, and out of Holm's family.
    func testPublishedNeedsItsSeeds() throws {
        let s = try spec(claims: claim("published", "metric = \"loss\"\nsubject = \"A\"\nvalue = 1.0\nsource = \"p. 3\"\nprimary = true"))
        let few = StoredResults(spec: s, records: results(s).records.filter { ($0.int("seed") ?? 0) < 39 || ($0.int("seed") ?? 0) >= 1000 })
        let line = Summary(few).claimLines()[0]
        XCTAssertTrue(line.contains("NOT TESTED (39 seeds") && line.contains("needs at least 200"), line)
        XCTAssertTrue(line.contains("outside Holm's family"), line)
        XCTAssertNil(Summary(few).claimPValues[0].p)
    }

    func testSpecsAreRefusedWithTheirFix() throws {
        func problems(_ claims: String, pilots: String = "") -> String {
            do { _ = try spec(claims: claims); return "" } catch { return "\(error)" }
        }
        XCTAssertTrue(problems(claim("proportion", "metric = \"loss\"\nsubject = \"A\"\nat_least = 0.5")).contains("give exactly one of below and above"))
        XCTAssertTrue(problems(claim("cost", "subject = \"A\"\nothers = [\"B\"]")).contains("give exactly one of at_most and at_least"))
        XCTAssertTrue(problems(claim("noninferior", "metric = \"loss\"\nsubject = \"A\"\nothers = [\"B\"]")).contains("margin"))
        XCTAssertTrue(problems(claim("trend", "metric = \"loss\"\naxis = \"rho\"\ndirection = \"increasing\"")).contains("no variant has a numeric value of 'rho'"))
        XCTAssertTrue(problems(claim("sideways", "metric = \"loss\"")).contains("expected one of \"superior\""))
        XCTAssertTrue(problems(claim("superior", "metric = \"loss\"\nsubject = \"A\"\nothers = [\"B\"]\nmargin = 1")).contains("unknown key"))
        XCTAssertTrue(problems(claim("ordering", "metric = \"loss\"\norder = [\"A\", \"Z\"]")).contains("no variant labelled 'Z'"))
        XCTAssertTrue(problems(claim("proportion", "metric = \"start_failed\"\nper = \"start\"\nsubject = \"A\"\nabove = 0.5\nat_most = 0.1")).contains("per-start tensor"))
    }

    /// At most three primary claims per paper, over all its experiments.
    func testAtMostThreePrimaryClaimsPerPaper() throws {
        let one = claim("superior", "metric = \"loss\"\nsubject = \"A\"\nothers = [\"B\"]\nprimary = true")
        let two = try spec(claims: one + one)
        XCTAssertEqual(ExperimentSpec.primaryClaimsProblem([two]), [])
        let problems = ExperimentSpec.primaryClaimsProblem([two, two])
        XCTAssertEqual(problems.count, 1)
        XCTAssertTrue(problems[0].contains("none: 4 primary claims (kinds 2, kinds 2)"), problems[0])
    }

    /// The claims text history reads: only [[claims]] tables, whatever else of the file changes.
    func testClaimsTextIsTheClaimsTablesAlone() {
        let a = "name = \"x\"\n[[claims]]\ntext = \"t\"\n  kind = \"superior\"\n\n[[figures]]\nname = \"f\"\n"
        let b = "name = \"y\"\nseeds = [1]\n[[figures]]\nname = \"g\"\n[[claims]]\ntext = \"t\"\nkind = \"superior\"\n# a comment\n"
        XCTAssertEqual(Provenance.claimsText(a), "[[claims]]\ntext = \"t\"\nkind = \"superior\"")
        XCTAssertEqual(Provenance.claimsText(a), Provenance.claimsText(b))
        XCTAssertNotEqual(Provenance.claimsText(a), Provenance.claimsText(b.replacingOccurrences(of: "superior", with: "noninferior")))
    }

    /// The README's status table counts each claim once by its verdict: here one primary claim that
    /// holds (p ≈ 0 after Holm), one exploratory that fails, one not tested (too few seeds).
    func testStatusCountsClaimsByVerdict() throws {
        let s = try spec(claims: claim("superior", "metric = \"loss\"\nsubject = \"A\"\nothers = [\"B\"]\nprimary = true")
                         + claim("superior", "metric = \"loss\"\nsubject = \"B\"\nothers = [\"A\"]"))
        let table = Report.status([results(s)])
        XCTAssertTrue(table.contains("| 1 | 1 / 0 / 0 / 0 | 0 / 1 / 0 / 0 |"), table)
    }
}
