import XCTest
import RepriseConfig
@testable import RepriseExperiments

/// Issue 36: claims whose verdict would hold whatever was run, and claim text that would inject
/// Markdown into REPORT.md, are refused at validation, each naming its key.
extension SpecTests {
    private func claim(_ body: String) -> String {
        Self.valid + "\n[[claims]]\nmetric = \"test_accuracy\"\n" + body + "\n"
    }

    private func assertRefused(_ text: String, _ path: String, _ message: String, file: StaticString = #filePath, line: UInt = #line) {
        let found = issues(text)
        XCTAssertTrue(found.contains { $0.keyPath == path && $0.message.contains(message) && $0.line != nil },
                      "expected \(path): …\(message)… in \(found.map(\.description))", file: file, line: line)
    }

    func testVacuousClaimsAreRefused() {
        let equivalent = "kind = \"equivalent\"\nsubject = \"adam\"\nmargin = 0.01\nmargin_why = \"one point\"\ntext = \"t\"\n"
        // An arm against itself HOLDS as equivalent or non-inferior whatever it does.
        assertRefused(claim(equivalent + "others = [\"adam\"]"), "claims[0].others", "compares 'adam' with itself")
        // A range over [A, A] is a range over one arm.
        assertRefused(claim("kind = \"range\"\narms = [\"adam\", \"adam\"]\nband = 0.01\nband_why = \"b\"\ntext = \"t\""), "claims[0].arms", "'adam' is listed twice")
        // Margins no measurement could fail: past 10¹², and for a fraction its whole range.
        let others = "others = [\"sgd lr=0.1\"]"
        assertRefused(claim(equivalent.replacingOccurrences(of: "0.01", with: "1e308") + others), "claims[0].margin", "must be in (0, 10¹²]")
        assertRefused(claim(equivalent.replacingOccurrences(of: "0.01", with: "1.0") + others), "claims[0].margin", "the whole range of test_accuracy")
        assertRefused(claim(equivalent.replacingOccurrences(of: "0.01", with: "nan") + others), "claims[0].margin", "finite")
        // An ordering tests every pair: more than 20 labels is refused (1,000 took 128 s in show).
        let order = "[" + Array(repeating: "\"adam\"", count: 21).joined(separator: ", ") + "]"
        assertRefused(claim("kind = \"ordering\"\norder = \(order)\ntext = \"t\""), "claims[0].order", "2 to 20 labels")
        // The paper's numbers: absurd, or outside a fraction's range.
        assertRefused(claim("kind = \"published\"\nsubject = \"adam\"\nvalue = 1e308\nsource = \"Table 1\"\ntext = \"t\""), "claims[0].value", "in [-10¹², 10¹²]")
        let published = "\n[[published]]\nvalue = 1.5\nmetric = \"test_accuracy\"\nsetting = \"s\"\nsource = \"Table 1\"\ncomparable = true\nwhy = \"w\"\n"
        assertRefused(Self.valid + published, "published[0].value", "outside [0, 1]")
        assertRefused(Self.valid + published.replacingOccurrences(of: "1.5", with: "1e308"), "published[0].value", "in [-10¹², 10¹²]")
    }

    /// Issue 30: a threshold that splits no arms, `diverged` on a kind without it, and a rank claim
    /// whose two seeds can never reach p < 0.05 (2/2² = 0.5) are refused, each naming its key.
    func testThresholdAndRankClaimsAreRefusedWithTheirFix() {
        let threshold = "kind = \"threshold\"\naxis = \"lr\"\ndirection = \"worse_above\"\ntext = \"t\"\n"
        assertRefused(claim(threshold + "at = 5"), "claims[0].at", "does not split the arms along 'lr'")
        assertRefused(claim(threshold.replacingOccurrences(of: "\"lr\"", with: "\"rho\"") + "at = 5"), "claims[0].axis", "no variant has a numeric value of 'rho'")
        assertRefused(claim("kind = \"published\"\nsubject = \"adam\"\nvalue = 0.9\nsource = \"Table 1\"\ndiverged = \"rank\"\ntext = \"t\""), "claims[0].diverged", "unknown key")
        let rank = "kind = \"superior\"\nsubject = \"adam\"\nothers = [\"sgd lr=0.1\"]\ndiverged = \"rank\"\ntext = \"t\""
        assertRefused(claim(rank), "claims[0]", "smallest attainable p (Wilcoxon signed-rank on 2 paired seeds) is 0.5, not below 0.05")
        assertRefused(claim(rank), "claims[0]", "give at least 6 seeds")
        XCTAssertNoThrow(try ExperimentSpec.load(write(claim(threshold + "at = 0.05"))))
    }

    /// Claim text and reasons are printed inline in REPORT.md: a line break would start a heading
    /// or a list of their own there; a blank reason says nothing.
    func testClaimTextIsOneLineOfPlainText() {
        let base = "kind = \"equivalent\"\nsubject = \"adam\"\nothers = [\"sgd lr=0.1\"]\nmargin = 0.01\n"
        assertRefused(claim(base + "margin_why = \"m\"\ntext = \"holds\\n# Injected heading\""), "claims[0].text", "one line, not blank")
        assertRefused(claim(base + "margin_why = \"   \"\ntext = \"t\""), "claims[0].margin_why", "must be one line, not blank")
        assertRefused(claim(base + "margin_why = \"a\\u2028b\"\ntext = \"t\""), "claims[0].margin_why", "must be one line")
        assertRefused(Self.valid.replacingOccurrences(of: "title = \"Demo\"", with: "title = \"Demo\\n## x\""), "title", "one line, not blank")
        XCTAssertNoThrow(try ExperimentSpec.load(write(claim(base + "margin_why = \"one point, ζ* < 2 | x\"\ntext = \"ζ* beats adam\""))))
    }
}
