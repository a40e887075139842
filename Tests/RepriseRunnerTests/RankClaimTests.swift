import Foundation
import XCTest
import RepriseConfig
import RepriseExperiments
import RepriseStore
@testable import RepriseReports

/// Issue 30, items 5 and 6: claims whose diverged runs are ranked worst (`diverged = "rank"`)
/// instead of dropped, designs whose smallest attainable p cannot pass refused at validation, and
/// the `threshold` kind, on results built in memory whose verdicts are known by construction.
final class RankClaimTests: FolderTestCase {
    private static let seeds = Array(0..<10)

    private func z(_ s: Int) -> Double { sin(Double(s) * 12.9898 + 78.233).truncatingRemainder(dividingBy: 1) * 1.7 }

    /// A spec of sgd variants (name, label, lr) on the Rosenbrock objective (its loss: lower is better).
    private func spec(_ arms: [(name: String, lr: Double)], claims: String, seeds: [Int] = seeds, name: String = "ranks") throws -> ExperimentSpec {
        var text = SyntheticSpec.head(name, seeds: seeds)
        for arm in arms { text += "[[variants]]\nname = \"\(arm.name)\"\nlabel = \"\(arm.name.uppercased())\"\noptimizer = \"sgd\"\nlr = \(arm.lr)\n" }
        let path = "\(directory)/experiments/\(name).toml"
        _ = FileManager.default.createFile(atPath: path, contents: Data((text + claims).utf8))
        return try ExperimentSpec.load(path)
    }

    /// One record per arm and seed: `loss(arm, seed)` as its final loss, nil for a run that diverged.
    private func results(_ spec: ExperimentSpec, _ loss: (String, Int) -> Double?) -> StoredResults {
        var records: [CellRecord] = []
        for v in spec.variants { for s in spec.seeds {
            let x = loss(v.name, s)
            records.append(CellRecord(attributes: ["variant": .string(v.name), "seed": .int(Int64(s)), "status": .string(x == nil ? "diverged" : "complete")],
                                      series: ["epochs": ["loss": [24.2, x ?? .nan]]]))
        } }
        return StoredResults(spec: spec, records: records)
    }

    private func claim(_ kind: String, _ keys: String) -> String {
        "[[claims]]\ntext = \"a \(kind) claim\"\nkind = \"\(kind)\"\nmetric = \"loss\"\n\(keys)\n"
    }

    /// S diverges on 4 of 10 seeds and on the other 6 ties O within a hundredth of its spread.
    /// Dropped, S's six survivors against O's ten say nothing (Welch, INCONCLUSIVE); ranked, the four
    /// diverged seeds are S's worst: S superior to O FAILS, O superior to S HOLDS.
    func testDivergedSeedsDecideWhenRankedAndNotWhenDropped() throws {
        let deltas = [0.001, -0.002, 0.003, 0.004, 0.005, 0.006]
        let loss = { (arm: String, s: Int) -> Double? in
            let o = 1 + 0.1 * self.z(s)
            return arm == "o" ? o : s < 6 ? o + deltas[s] : nil
        }
        for drop in [true, false] {
            let keys = drop ? "" : "diverged = \"rank\""
            let loaded = try spec([("s", 0.1), ("o", 0.2)], claims: claim("superior", "subject = \"S\"\nothers = [\"O\"]\n" + keys)
                                  + claim("superior", "subject = \"O\"\nothers = [\"S\"]\n" + keys))
            XCTAssertEqual(loaded.claims.map(\.diverged), drop ? [.drop, .drop] : [.rank, .rank])
            let lines = Summary(results(loaded, loss)).claimLines()
            for line in lines { print(line) }
            if drop {
                for line in lines { XCTAssertTrue(line.contains(": INCONCLUSIVE (") && line.contains("Welch, 6 and 10 seeds") || line.contains("Welch, 10 and 6 seeds"), line) }
            } else {
                XCTAssertTrue(lines[0].contains(": FAILS (") && lines[0].contains("Wilcoxon signed-rank, paired over 10 seeds"), lines[0])
                XCTAssertTrue(lines[1].contains(": HOLDS ("), lines[1])
                for line in lines {
                    XCTAssertTrue(line.contains("S: 4 of 10 diverged, ranked worst") && line.contains("O: 0 of 10 diverged"), line)
                    XCTAssertTrue(line.contains("diverged runs ranked worst; Wilcoxon signed-rank over shared seeds"), line)
                }
            }
        }
    }

    /// Ranked, a comparison is on the two-sided scale Holm's family reads: the p of the claim that
    /// holds is twice its one-sided p, and an arm compared with no diverged run matches SciPy's
    /// exact Wilcoxon (2/2¹⁰ when every seed favours the subject).
    func testRankedPValueEntersHolmsFamily() throws {
        let loaded = try spec([("s", 0.1), ("o", 0.2)], claims: claim("superior", "subject = \"S\"\nothers = [\"O\"]\ndiverged = \"rank\"\nprimary = true"))
        let r = results(loaded) { arm, s in 1 + 0.1 * self.z(s) + (arm == "o" ? 0.01 * Double(s + 1) : 0) }
        let p = try XCTUnwrap(Summary(r).claimPValues.first?.p)
        XCTAssertEqual(p, 2.0 / 1024, accuracy: 1e-15)
    }

    /// A U-shaped loss along lr (falling to lr 0.3, then rising; the sides swap order from seed to
    /// seed): no monotone trend (Page's L near its mean: INCONCLUSIVE), while the threshold at 0.4
    /// — the arms at or above it worse than those below — HOLDS, its opposite FAILS, and ranked with
    /// diverged runs above the threshold it still HOLDS.
    func testThresholdFindsTheRegimeChangeATrendMisses() throws {
        let arms = [("u1", 0.1), ("u2", 0.2), ("u3", 0.3), ("u4", 0.4), ("u5", 0.5)]
        let loaded = try spec(arms, claims: claim("trend", "axis = \"lr\"\ndirection = \"increasing\"")
                              + claim("threshold", "axis = \"lr\"\nat = 0.4\ndirection = \"worse_above\"")
                              + claim("threshold", "axis = \"lr\"\nat = 0.4\ndirection = \"better_above\"")
                              + claim("threshold", "axis = \"lr\"\nat = 0.4\ndirection = \"worse_above\"\ndiverged = \"rank\"")
                              + claim("trend", "axis = \"lr\"\ndirection = \"increasing\"\ndiverged = \"rank\""))
        let loss = { (arm: String, s: Int) -> Double? in
            let i = Double(Int(String(arm.last!))!) - 3   // −2 … 2
            let side = i > 0 ? 1.0 : i < 0 ? -1.0 : 0
            if arm == "u5" && (s == 2 || s == 7) { return nil }   // diverged: dropped, or ranked worst
            return 1 + abs(i) + 0.1 * side * (s % 2 == 0 ? 1 : -1) + 0.001 * self.z(s)
        }
        let lines = Summary(results(loaded, loss)).claimLines()
        for line in lines { print(line) }
        XCTAssertTrue(lines[0].contains(": INCONCLUSIVE (") || lines[0].contains(": FAILS ("), lines[0])
        XCTAssertTrue(lines[1].contains(": HOLDS (") && lines[1].contains("paired t over 8 seeds"), lines[1])
        XCTAssertTrue(lines[1].contains("lr ≥ 0.4 (0.4, 0.5) against lr < 0.4 (0.1, 0.2, 0.3)"), lines[1])
        XCTAssertTrue(lines[1].contains("threshold at lr = 0.4"), lines[1])
        XCTAssertTrue(lines[2].contains(": FAILS ("), lines[2])
        XCTAssertTrue(lines[3].contains(": HOLDS (") && lines[3].contains("Wilcoxon signed-rank over 10 seeds") && lines[3].contains("lr=0.5: 2 of 10 diverged, ranked worst"), lines[3])
        XCTAssertTrue(lines[4].contains(": INCONCLUSIVE (") || lines[4].contains(": FAILS ("), lines[4])
        // The row carries the contrast's interval for a forest plot: above 0 (worse above, for a loss, is a negative contrast).
        let row = try XCTUnwrap(Summary(results(loaded, loss)).claimOutcomes[1].groups.first?.rows.first?.interval)
        XCTAssertLessThan(row.high, 0)
        XCTAssertEqual(row.references, [0])
    }

    /// Item 6: a rank claim whose smallest attainable p (2/2ⁿ, Wilcoxon on n paired seeds) cannot pass
    /// its threshold is refused, naming the claim, n, the p, the threshold and the fix: 4 seeds for
    /// a primary claim among the paper's 3 (0.125 ≥ 0.05/3); 10 seeds pass (0.00195). Across specs,
    /// 6 seeds pass alone (0.031 < 0.05) but not once the paper has 3 primary claims.
    func testDesignsThatCannotPassAreRefused() throws {
        let arms = [("s", 0.1), ("o", 0.2)]
        let rank = claim("superior", "subject = \"S\"\nothers = [\"O\"]\ndiverged = \"rank\"\nprimary = true")
        let other = claim("superior", "subject = \"O\"\nothers = [\"S\"]\nprimary = true")
        func problem(_ claims: String, seeds: Int) -> String {
            do { _ = try spec(arms, claims: claims, seeds: Array(0..<seeds)); return "" } catch { return "\(error)" }
        }
        let refused = problem(rank + other + other, seeds: 4)
        for part in ["a superior claim", "Wilcoxon signed-rank on 4 paired seeds", "0.125", "0.05/3 = 0.0167", "give at least 7 seeds", "primary = false"] {
            XCTAssertTrue(refused.contains(part), "\(part) in \(refused)")
        }
        XCTAssertEqual(problem(rank + other + other, seeds: 10), "")
        // Exploratory: 0.05 alone; 4 seeds (0.125) cannot, 6 (0.031) can.
        let exploratory = rank.replacingOccurrences(of: "primary = true", with: "primary = false")
        XCTAssertTrue(problem(exploratory, seeds: 4).contains("not below 0.05, an exploratory claim's"))
        XCTAssertEqual(problem(exploratory, seeds: 6), "")
        // Dropped diverged runs keep the t-test: not refused at 4 seeds.
        XCTAssertEqual(problem(rank.replacingOccurrences(of: "diverged = \"rank\"", with: "") + other + other, seeds: 4), "")
        // Across the paper: alone, 6 seeds pass; with two more primary claims in another spec, not.
        let a = try spec(arms, claims: rank, seeds: Array(0..<6), name: "a")
        let b = try spec(arms, claims: other + other, seeds: Array(0..<6), name: "b")
        XCTAssertEqual(ExperimentSpec.rankDesignProblems([a]), [])
        let across = ExperimentSpec.paperProblems([a, b])
        XCTAssertEqual(across.count, 1)
        XCTAssertTrue(across[0].hasPrefix("a: ") && across[0].contains("0.0312") && across[0].contains("0.05/3"), across[0])
        XCTAssertEqual(ExperimentSpec.smallestMannWhitneyP(5, 5), 2.0 / 252, accuracy: 1e-15)
        XCTAssertEqual(ExperimentSpec.smallestWilcoxonP(10), 2.0 / 1024)
    }
}
