import Foundation
import XCTest
import RepriseExperiments
import RepriseStore
@testable import RepriseReports
@testable import RepriseRunner

/// Claims are evaluated in time linear in their arms (issue 36: an `order` of 1,000 labels took
/// 128 s in `show`, each arm's records found by a scan of every record for every variant).
final class ClaimScaleTests: FolderTestCase {
    func testARangeOverAThousandArmsIsEvaluatedInLinearTime() throws {
        let grid = (1...1000).map { String(format: "%.4f", Double($0) / 10000) }.joined(separator: ", ")
        // The tiny spec with Adam's rate a grid of 1,000 points, and a range claim over every arm.
        let text = tinyClassificationSpec.replacingOccurrences(of: "name = \"tiny\"", with: "name = \"wide\"")
            .replacingOccurrences(of: "lr = 0.01", with: "lr = [\(grid)]")
            + "\n[[claims]]\ntext = \"every rate is within the band of the best\"\nkind = \"range\"\nmetric = \"test_accuracy\"\nband = 0.5\nband_why = \"a test\"\n"
        let path = "\(directory)/experiments/wide.toml"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let spec = try ExperimentSpec.load(path)
        XCTAssertEqual(spec.variants.count, 1001)
        var records: [CellRecord] = []
        for (k, v) in spec.variants.enumerated() {
            for s in spec.seeds {
                records.append(CellRecord(attributes: ["variant": .string(v.name), "seed": .int(Int64(s)), "status": .string("complete")],
                                          series: ["epochs": ["test_accuracy": [0.1, 0.8 + Double(k % 7) * 0.01 + Double(s) * 0.001]]]))
            }
        }
        let results = StoredResults(spec: spec, records: records)
        let started = Date()
        let lines = Summary(results).claimLines()
        XCTAssertLessThan(Date().timeIntervalSince(started), 10, "a claim over 1,000 arms must not scan every record per arm")
        XCTAssertEqual(lines.count, 1)
        XCTAssertTrue(lines[0].contains("HOLDS") || lines[0].contains("INCONCLUSIVE") || lines[0].contains("FAILS"), lines[0])
    }
}
