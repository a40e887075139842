import XCTest
import RepriseExperiments
import RepriseLearning
@testable import RepriseStore

/// The configuration hash of every committed cell is what the spec plans today: a change to how
/// values are normalised before hashing (e.g. `-0.0` read as `0.0`) must not make a stored cell
/// look foreign and retrain. Checks each committed final cell (of variants without a selection
/// grid) and each committed selection run against its file's `config_hash`.
final class CommittedHashTests: XCTestCase {
    private let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    func testEveryCommittedCellKeepsItsHash() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: "\(root)/experiments").filter { $0.hasSuffix(".toml") }.sorted()
        var checked = 0, foreign: [String] = []
        for name in names {
            let experiment = String(name.dropLast(5))
            let profiles = (try? FileManager.default.contentsOfDirectory(atPath: "\(root)/results/\(experiment)")) ?? []
            for profile in profiles.sorted() {
                guard let spec = try? ExperimentSpec.load("\(root)/experiments/\(name)", profile: profile, catalog: Registry.standard.catalog) else { XCTFail("\(name) [\(profile)] has committed cells but its spec does not load"); continue }
                let cells = spec.cells() + spec.selectedVariants.flatMap { spec.selectionCells(of: $0) }
                for cell in cells {
                    let path = "\(root)/results/\(cell.relativePath)"
                    guard FileManager.default.fileExists(atPath: path) else { continue }
                    checked += 1
                    if try ResultStore.readAttributes(path)["config_hash"] != .string(cell.hash) { foreign.append(cell.relativePath) }
                }
            }
        }
        print("CommittedHashTests: \(checked) committed cells checked")
        XCTAssertGreaterThan(checked, 1000)
        XCTAssertEqual(foreign, [], "committed cells whose configuration hash changed")
    }
}
