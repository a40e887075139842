import XCTest
import RepriseCommands
import RepriseExperiments
@testable import RepriseRunner

/// The command line is options only (`Sources/reprise/Reprise.swift`); what the commands check and
/// print lives in the library and is tested here.
final class CommandsTests: FolderTestCase {
    func testRunOptionsNameTheirProblem() {
        var o = RunOptions(resultsDirectory: "r", dataDirectory: nil, sourceDirectory: ".")
        XCTAssertNil(o.problem)
        o.cellIndex = 3
        XCTAssertEqual(o.problem, "--cell needs --stage selection or final")
        o.cellIndex = nil; o.checkpointSteps = 0
        XCTAssertEqual(o.problem, "--checkpoint-steps must be at least 1 (found 0)")
        o.checkpointSteps = nil; o.checkpointMinutes = -.infinity
        XCTAssertTrue(o.problem?.hasPrefix("--checkpoint-minutes must be a positive number") == true)
        XCTAssertEqual(Commands.VerifyChoice(cells: 2, all: true).problem, "give --cells N or --all, not both")
        XCTAssertNil(Commands.VerifyChoice(cells: 2).problem)
    }

    func testBadThreadCountsAreRefusedByName() {
        XCTAssertThrowsError(try Workspace.pinThreads(nil, environment: ["REPRISE_BLAS_THREADS": "two"])) {
            XCTAssertTrue("\($0)".contains("REPRISE_BLAS_THREADS must be a whole number"), "\($0)")
        }
        XCTAssertThrowsError(try Workspace.pinThreads(0)) { XCTAssertTrue("\($0)".contains("--threads must be between 1 and 256"), "\($0)") }
    }

    /// verify's table: a damaged cell fails and is named; an identical one passes.
    func testTheVerifyTableFailsOnADamagedCellAndNamesIt() throws {
        try tinyClassificationSpec.write(toFile: "\(directory)/experiments/tiny.toml", atomically: true, encoding: .utf8)
        let spec = try Workspace(experiments: "\(directory)/experiments").spec("tiny", profile: ExperimentSpec.defaultProfile)
        let cells = spec.cells()
        let damaged = Verification(cell: cells[0], problem: "momentum--seed0.h5 is damaged: truncated")
        let (text, failed) = Verification.table([damaged], unselected: [])
        XCTAssertTrue(failed)
        XCTAssertTrue(text.contains("| momentum seed 0 | | FAILS | momentum--seed0.h5 is damaged: truncated | |"), text)
        XCTAssertTrue(text.hasSuffix("verify: FAILED: 1 stored cell(s) or selection(s) missing, damaged or foreign (see the table)"), text)
        let (clean, cleanFailed) = Verification.table([], unselected: [])
        XCTAssertFalse(cleanFailed)
        XCTAssertTrue(clean.hasSuffix("verify: every dataset and attribute identical"))
        XCTAssertTrue(Verification.table([], unselected: [("sgd", "x/selection/sgd.h5")]).failed)
    }

    /// The command-line file stays a list of options: its logic lives in the library.
    func testTheCommandLineFileIsThin() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
        let lines = try String(contentsOfFile: "\(root)/Sources/reprise/Reprise.swift", encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertLessThan(lines.count, 200, "Sources/reprise/Reprise.swift has grown past 200 lines: move the logic into RepriseCommands")
    }
}

/// Configuration is read by name in one place: the spec parser (`RepriseExperiments/Spec.swift`,
/// `Schema.swift`, the `Validator` and its `…Validation.swift` files, and `ClaimSpec.init`), the settings of components (`RepriseConfig`) and the component registry that
/// builds components from hand-written tables (`Registry.swift`). Everything else — runner,
/// reports, trials — reads typed values (`Variant`, `Cell.budget`, `spec.recordEvery`, …).
final class TypedCoreTests: XCTestCase {
    func testNoStringKeyedConfigurationLookupsOutsideTheParsers() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
        let parsers = ["Sources/RepriseExperiments/Spec.swift", "Sources/RepriseExperiments/Schema.swift",
                       "Sources/RepriseExperiments/Validator.swift", "Sources/RepriseExperiments/VariantValidation.swift",
                       "Sources/RepriseExperiments/SelectionValidation.swift", "Sources/RepriseExperiments/FigureValidation.swift",
                       "Sources/RepriseExperiments/ClaimValidation.swift", "Sources/RepriseExperiments/ClaimSpec.swift",
                       "Sources/RepriseLearning/Components/Registry.swift", "Sources/RepriseConfig/"]
        // `table["key"]?.string`, `["key"]!` and `["key"] != nil` on a configuration table.
        let lookup = try NSRegularExpression(pattern: #"\["[a-z_]+"\](\?|!)?\.(string|int|number|table|array|bool)\b|\["[a-z_]+"\]!|\["[a-z_]+"\] [!=]= nil"#)
        var found: [String] = []
        let files = FileManager.default.enumerator(atPath: "\(root)/Sources")?.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") } ?? []
        XCTAssertGreaterThan(files.count, 50)
        for file in files.map({ "Sources/\($0)" }) where !parsers.contains(where: { file.hasPrefix($0) }) {
            let text = try String(contentsOfFile: "\(root)/\(file)", encoding: .utf8)
            for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let s = String(line)
                if lookup.firstMatch(in: s, range: NSRange(s.startIndex..., in: s)) != nil { found.append("\(file):\(n + 1): \(s.trimmingCharacters(in: .whitespaces))") }
            }
        }
        XCTAssertEqual(found, [], "string-keyed configuration lookups outside the parsers:\n" + found.joined(separator: "\n"))
    }
}
