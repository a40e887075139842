import Foundation
import XCTest
import RepriseExperiments
import RepriseStore
@testable import RepriseReports

/// `reprise seeds` (`SeedPlan`): the power behind it against statsmodels and SciPy
/// (`Fixtures/power-statsmodels.json`, written by `scripts/power-fixture.py`), its sizing on results
/// built in memory whose spreads are known, and the command on the committed results.
final class SeedPlanTests: FolderTestCase {
    struct Fixture: Decodable {
        struct Power: Decodable { var effect: Double, n: Int, paired: Bool, alpha: Double, one_tail: Double, tost: Double }
        struct Needed: Decodable {
            var effect: Double, paired: Bool, alpha: Double
            var n_statsmodels: Double, n: Double, seeds: Int
            var n_tost: Double?, seeds_tost: Int?
        }
        var power: [Power], needed: [Needed]
    }

    private func fixture() throws -> Fixture {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/power-statsmodels.json")
        return try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
    }

    /// The power of a claim's comparison (one tail at α/2: statsmodels' TTestPower and TTestIndPower;
    /// TOST at α: SciPy's quadrature of Owen's exact formula) within 1e-6, and the seeds it needs:
    /// the fractional n statsmodels' `solve_power` solves within 1e-6 of it, the whole seeds exactly.
    func testPowerAndSeedsNeededMatchStatsmodels() throws {
        let f = try fixture()
        var largest = 0.0
        for p in f.power {
            let what = "d \(p.effect) n \(p.n) \(p.paired ? "paired" : "two samples") α \(p.alpha)"
            let above = Statistics.claimPower(effect: p.effect, n: Double(p.n), paired: p.paired, alpha: p.alpha, decision: .above)
            let inside = Statistics.claimPower(effect: p.effect, n: Double(p.n), paired: p.paired, alpha: p.alpha, decision: .inside)
            XCTAssertEqual(above, p.one_tail, accuracy: 1e-6, "one tail, \(what)")
            XCTAssertEqual(inside, p.tost, accuracy: 1e-6, "TOST, \(what)")
            largest = max(largest, abs(above - p.one_tail), abs(inside - p.tost))
        }
        for r in f.needed {
            let what = "d \(r.effect) \(r.paired ? "paired" : "two samples") α \(r.alpha)"
            let n = try XCTUnwrap(Statistics.requiredSeeds(effect: r.effect, paired: r.paired, alpha: r.alpha, decision: .above))
            XCTAssertEqual(n, r.n, accuracy: 1e-6 * r.n, "n, \(what)")
            XCTAssertEqual(n, r.n_statsmodels, accuracy: 1e-6 * r.n, "n against solve_power, \(what)")
            XCTAssertEqual(Statistics.seedsNeeded(effect: r.effect, paired: r.paired, alpha: r.alpha, decision: .above), r.seeds, "seeds, \(what)")
            if let t = r.n_tost, let seeds = r.seeds_tost {
                let n = try XCTUnwrap(Statistics.requiredSeeds(effect: r.effect, paired: r.paired, alpha: r.alpha, decision: .inside))
                XCTAssertEqual(n, t, accuracy: 1e-6 * t, "TOST n, \(what)")
                XCTAssertEqual(Statistics.seedsNeeded(effect: r.effect, paired: r.paired, alpha: r.alpha, decision: .inside), seeds, "TOST seeds, \(what)")
            }
        }
        print(String(format: "power: largest difference from statsmodels/SciPy %.2e over %d cases", largest, f.power.count))
    }

    /// The refactored noncentral-t survival still gives the detectable effects of the power line.
    func testDetectableEffectIsTheOneTailedPowerInverse() throws {
        for n in [3, 10, 40] {
            let d = try XCTUnwrap(Statistics.detectableEffect(n: n, paired: true))
            XCTAssertEqual(Statistics.tTestPower(delta: d * Double(n).squareRoot(), df: Double(n - 1)), 0.8, accuracy: 1e-9)
        }
    }

    // MARK: sizing on results built in memory

    private static let seeds = Array(0..<8), pilots = [100, 101]

    /// A's loss: base + noise zₛ; B: A + 0.5 + 0.1·wₛ (paired differences of known sd); C: B's
    /// shifted by 1; D: A + 0.002·(−1)ˢ (equivalent to A). Pilot seeds get ten times smaller spread.
    private func loss(_ arm: String, _ s: Int) -> Double {
        let z = sin(Double(s) * 12.9898 + 78.233), w = cos(Double(s) * 4.1414 + 1.3)
        let scale = Self.pilots.contains(s) ? 0.1 : 1.0
        switch arm {
        case "a": return 1 + 0.3 * z * scale
        case "b": return 1.5 + (0.3 * z + 0.1 * w) * scale
        case "c": return 2.5 + (0.3 * z + 0.1 * w) * scale
        default: return 1 + (0.3 * z + 0.002 * (s % 2 == 0 ? 1 : -1)) * scale
        }
    }

    private func results(claims: String) throws -> StoredResults {
        var text = SyntheticSpec.head("sizing", seeds: Self.seeds, pilots: Self.pilots)
        for (arm, lr) in [("a", 0.1), ("b", 0.2), ("c", 0.3), ("d", 0.05)] {
            text += "[[variants]]\nname = \"\(arm)\"\nlabel = \"\(arm.uppercased())\"\noptimizer = \"sgd\"\nlr = \(lr)\n"
        }
        let path = "\(directory)/experiments/sizing.toml"
        _ = FileManager.default.createFile(atPath: path, contents: Data((text + claims).utf8))
        let spec = try ExperimentSpec.load(path)
        var records: [CellRecord] = []
        for arm in ["a", "b", "c", "d"] {
            for s in Self.seeds + Self.pilots {
                records.append(CellRecord(attributes: ["variant": .string(arm), "seed": .int(Int64(s)), "status": .string("complete")],
                                          series: ["epochs": ["loss": [24.2, loss(arm, s)]]]))
            }
        }
        return StoredResults(spec: spec, records: records)
    }

    private func sd(_ x: [Double]) -> Double { SeedPlan.Spread.sd(x) }

    /// Superiority is sized at multiples of the sd of the paired differences (never at the observed
    /// 0.5 difference), at Holm's smallest threshold for a primary claim; non-inferiority at a true
    /// difference 0 against its margin; equivalence by TOST; the pilot sd is printed beside with its ratio.
    func testSizesEachComparisonFromTheStoredSpread() throws {
        let claims = """
        [[claims]]
        text = "A beats B"
        kind = "superior"
        metric = "loss"
        subject = "A"
        others = ["B"]
        primary = true
        [[claims]]
        text = "A no worse than D"
        kind = "noninferior"
        metric = "loss"
        subject = "A"
        others = ["D"]
        margin = 0.01
        margin_why = "test"
        [[claims]]
        text = "A equals D"
        kind = "equivalent"
        metric = "loss"
        subject = "A"
        others = ["D"]
        margin = 0.01
        margin_why = "test"
        [[claims]]
        text = "A, B, C in order"
        kind = "ordering"
        metric = "loss"
        order = ["A", "B", "C"]
        [[claims]]
        text = "B spreads like A"
        kind = "spread"
        metric = "loss"
        subject = "A"
        others = ["B"]

        """
        let plan = SeedPlan(try results(claims: claims), familySize: 3)
        let differences = Self.seeds.map { loss("a", $0) - loss("b", $0) }
        let pilotDifferences = Self.pilots.map { loss("a", $0) - loss("b", $0) }
        // Claim 1: three effects, at 0.05/3, paired over 8 seeds; the same whole seeds statsmodels gives.
        let superior = plan.rows.filter { $0.claim == 1 }
        XCTAssertEqual(superior.map { $0.effect.components(separatedBy: " ")[0] }, ["0.5", "1", "2"])
        for (row, k) in zip(superior, [0.5, 1.0, 2.0]) {
            XCTAssertEqual(try XCTUnwrap(row.sd), sd(differences), accuracy: 1e-12)
            XCTAssertEqual(try XCTUnwrap(row.pilotSD), sd(pilotDifferences), accuracy: 1e-12)
            XCTAssertEqual(row.alpha, 0.05 / 3, accuracy: 1e-15)
            XCTAssertEqual(row.stored, "8 paired")
            XCTAssertEqual(row.needed, Statistics.seedsNeeded(effect: k, paired: true, alpha: 0.05 / 3, decision: .above))
            XCTAssertEqual(row.planned, 8)
            XCTAssertFalse(row.effect.contains("0.5 sd = 0.5"), "never the observed difference: \(row.effect)")
        }
        XCTAssertEqual(superior.map(\.needed), [45, 14, 6])   // statsmodels at 0.05/3: 44.8, 13.4, 5.64 (fixture)
        XCTAssertEqual(superior.map(\.short), [true, true, false])
        // Claim 2: non-inferior at 0.01 against the sd of A − D (±0.002): d = 0.01/sd.
        let dDiff = Self.seeds.map { loss("a", $0) - loss("d", $0) }
        let nonInferior = try XCTUnwrap(plan.rows.first { $0.claim == 2 })
        XCTAssertEqual(nonInferior.needed, Statistics.seedsNeeded(effect: 0.01 / sd(dDiff), paired: true, alpha: 0.05, decision: .above))
        XCTAssertTrue(nonInferior.effect.hasPrefix("0 against margin 0.01"), nonInferior.effect)
        let equivalent = try XCTUnwrap(plan.rows.first { $0.claim == 3 })
        XCTAssertEqual(equivalent.needed, Statistics.seedsNeeded(effect: 0.01 / sd(dDiff), paired: true, alpha: 0.05, decision: .inside))
        XCTAssertTrue(equivalent.effect.contains("TOST"), equivalent.effect)
        // Claim 4: every earlier arm over every later one, three effects each.
        XCTAssertEqual(Array(Set(plan.rows.filter { $0.claim == 4 }.map(\.comparison))).sorted(), ["A over B", "A over C", "B over C"])
        XCTAssertEqual(plan.rows.filter { $0.claim == 4 }.count, 9)
        // Claim 5 compares spreads, not means.
        XCTAssertTrue(plan.notSized.contains { $0.hasPrefix("5 (spread)") }, "\(plan.notSized)")
        let text = plan.text
        XCTAssertTrue(text.contains("fewer seeds than needed"), text)
        XCTAssertTrue(text.contains("pilot against stored sd"), text)
        XCTAssertTrue(text.contains("Holm's smallest threshold 0.05/3"), text)
    }

    /// Arms that did not run the same seeds are sized by their pooled sd, per arm.
    func testUnpairedArmsUsePooledSpread() throws {
        let a = [0: 1.0, 1: 1.2, 2: 0.9], b = [3: 2.0, 4: 2.4]
        let s = try XCTUnwrap(SeedPlan.Spread((a, b)))
        XCTAssertFalse(s.paired)
        let va = pow(sd([1.0, 1.2, 0.9]), 2), vb = pow(sd([2.0, 2.4]), 2)
        XCTAssertEqual(s.sd, ((2 * va + vb) / 3).squareRoot(), accuracy: 1e-12)
        XCTAssertEqual(s.seeds, "3 and 2")
    }

    // MARK: the command on the committed results

    /// `reprise seeds` on the committed taso-vs-adaptive: its primary superiority claim sized at
    /// Holm's 0.05/3 from the stored spread, with the pilots' sd beside, and the short rows flagged.
    func testCommandOnCommittedResults() throws {
        let outcome = try CLI.run(["seeds", "taso-vs-adaptive"], in: CLI.root)
        XCTAssertEqual(outcome.status, 0, outcome.all)
        XCTAssertTrue(outcome.out.contains("Holm's smallest threshold 0.05/3"), outcome.out)
        XCTAssertTrue(outcome.out.contains("TASO vs Adam"), outcome.out)
        XCTAssertTrue(outcome.out.contains("fewer seeds than needed"), outcome.out)
        XCTAssertTrue(outcome.out.contains("pilot against stored sd"), outcome.out)
        let bad = try CLI.run(["seeds", "taso-vs-adaptive", "--power", "1.5"], in: CLI.root)
        XCTAssertNotEqual(bad.status, 0)
        XCTAssertTrue(bad.err.contains("--power must be between"), bad.all)
    }
}
