import Foundation
import XCTest
import RepriseExperiments
@testable import RepriseRunner
import RepriseStore

/// What a researcher meets every day, through the command line: results made by other code are
/// never reused silently, progress shows without a terminal, workers die with their parent, and
/// the rough edges a new user hit.
final class DailyToolTests: FolderTestCase {
    private func writeSpec(_ name: String = "tiny", _ text: String = tinyClassificationSpec) {
        _ = FileManager.default.createFile(atPath: "\(directory)/experiments/\(name).toml", contents: Data(text.utf8))
    }

    private func reprise(_ arguments: [String], environment: [String: String] = [:], timeout: TimeInterval = 120,
                         started: ((Process) -> Void)? = nil) throws -> CLI.Outcome {
        let outcome = try CLI.run(arguments + ["--experiments", "\(directory)/experiments", "--results", "\(directory)/results",
                                               "--figures", "\(directory)/figures"],
                                  in: directory, environment: environment, timeout: timeout, started: started)
        XCTAssertFalse(outcome.timedOut, "reprise \(arguments.joined(separator: " ")) hung:\n\(outcome.all)")
        return outcome
    }

    private func git(_ repo: String, _ args: String...) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["git", "-C", repo, "-c", "user.name=t", "-c", "user.email=t@t"] + args
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = FileHandle.nullDevice
        try p.run()
        let out = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 0, "git \(args)")
        return out.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    // MARK: results made by other code

    /// The rule itself: this build's digest, or a clean commit in this history, is trusted; a dirty
    /// tree, a commit outside the history or no git at all is named with the two ways out.
    func testOnlyThisBuildsCodeOrACleanAncestorCommitIsTrusted() throws {
        let repo = "\(directory)/repo"
        try FileManager.default.createDirectory(atPath: repo, withIntermediateDirectories: true)
        _ = try git(repo, "init", "-q")
        try "a\n".write(toFile: "\(repo)/a", atomically: true, encoding: .utf8)
        _ = try git(repo, "add", "a")
        _ = try git(repo, "commit", "-q", "-m", "one")
        let first = try git(repo, "rev-parse", "HEAD")
        try "b\n".write(toFile: "\(repo)/a", atomically: true, encoding: .utf8)
        _ = try git(repo, "commit", "-q", "-am", "two")
        _ = try git(repo, "checkout", "-q", "-b", "side", first)
        try "c\n".write(toFile: "\(repo)/a", atomically: true, encoding: .utf8)
        _ = try git(repo, "commit", "-q", "-am", "side")
        let side = try git(repo, "rev-parse", "HEAD")
        _ = try git(repo, "checkout", "-q", "-")

        let trust = SourceTrust(root: repo, digest: "d-this-build")
        func cell(_ digest: String, _ commit: String, dirty: Int64) -> [String: AttributeValue] {
            ["source_digest": .string(digest), "git_commit": .string(commit), "git_dirty": .int(dirty)]
        }
        XCTAssertNil(trust.doubt(cell("d-this-build", "unknown", dirty: -1)), "this build's own code")
        XCTAssertNil(trust.doubt(cell("d-old", first, dirty: 0)), "a clean ancestor commit")
        XCTAssertEqual(trust.doubt(cell("d-old", first, dirty: 1))?.reason, "made from uncommitted changes to \(first.prefix(10))")
        XCTAssertEqual(trust.doubt(cell("d-old", side, dirty: 0))?.reason,
                       "made at commit \(side.prefix(10)), which this checkout's history does not hold")
        XCTAssertEqual(trust.doubt(cell("d-old", "unknown", dirty: -1))?.reason, "made outside a git checkout")
        XCTAssertNotNil(trust.doubt([:]), "a cell without provenance is not trusted")
        let note = try XCTUnwrap(SourceTrust.note([trust.doubt(cell("d-old", first, dirty: 1))!], experiment: "tiny", profile: "quick", reused: true))
        XCTAssertTrue(note.contains("reprise verify tiny --profile quick --all") && note.contains("reprise run tiny --profile quick --stale")
                      && note.contains("source digest d-old"), note)
    }

    /// A stored cell another build made from a dirty tree: `run` reuses it with a warning naming the
    /// digest and the choices, `show` says the same, and `run --stale` keeps it aside and reruns it.
    func testCellsOfOtherCodeAreNamedAndRerunWithStale() throws {
        writeSpec()
        XCTAssertEqual(try reprise(["run", "tiny", "--only", "adam"]).status, 0)
        let file = "\(directory)/results/tiny/default/adam--seed0.h5"
        var record = try ResultStore.read(file)
        record.attributes["source_digest"] = .string("0123456789abcdef-another-build")
        record.attributes["git_commit"] = .string("feedfacefeedfacefeedfacefeedfacefeedface")
        record.attributes["git_dirty"] = .int(1)
        try ResultStore.write(record, to: file, scratch: "\(directory)/results/.tmp")

        let rerun = try reprise(["run", "tiny", "--only", "adam"])
        XCTAssertEqual(rerun.status, 0, rerun.all)
        XCTAssertTrue(rerun.err.contains("1 stored cell(s) of tiny [default] were made by other code than this build's")
                      && rerun.err.contains("source digest 0123456789ab") && rerun.err.contains("--stale"), rerun.err)
        let show = try reprise(["show", "tiny"])
        XCTAssertTrue(show.err.contains("made by other code") && show.err.contains("reprise verify tiny --all"), show.err)
        XCTAssertTrue(show.out.contains("uncommitted changes to commit feedfacefe"), "the summary names the dirty commit:\n\(show.out)")

        let stale = try reprise(["run", "tiny", "--only", "adam", "--stale"])
        XCTAssertEqual(stale.status, 0, stale.all)
        XCTAssertTrue(FileManager.default.fileExists(atPath: file + ".superseded"), stale.err)
        XCTAssertEqual(try ResultStore.read(file).string("source_digest"), Provenance.sourceDigest)
        XCTAssertFalse(try reprise(["show", "tiny"]).err.contains("made by other code"))
    }

    // MARK: progress and workers

    /// Without a terminal (a log file), progress lines come every REPRISE_PROGRESS_SECONDS, and the
    /// ETA is either measured or says it is measuring — never a guess from the first step.
    func testProgressLinesWithoutATerminal() throws {
        writeSpec()
        let run = try reprise(["run", "tiny", "--only", "adam"], environment: ["REPRISE_PROGRESS_SECONDS": "0"])
        XCTAssertEqual(run.status, 0, run.all)
        let lines = run.err.split(separator: "\n").filter { $0.hasPrefix("progress: ") }
        XCTAssertGreaterThan(lines.count, 5, run.err)
        XCTAssertTrue(lines.allSatisfy { $0.contains("% of the steps") && ($0.contains("ETA: measuring") || $0.contains("ETA ")) }, run.err)
        XCTAssertTrue(lines.first?.contains("ETA: measuring") == true, "the first ETA is not a guess: \(lines.first ?? "")")
    }

    /// A `--jobs 2` run whose parent is killed (SIGKILL, which it cannot pass on): its worker stops
    /// too instead of training the dead run's cells.
    func testWorkersStopWhenTheirParentIsKilled() throws {
        writeSpec("long", tinyClassificationSpec.replacingOccurrences(of: "epochs = 3", with: "epochs = 3000")
            .replacingOccurrences(of: "name = \"tiny\"", with: "name = \"long\""))
        var workers: [Int32] = []
        _ = try reprise(["run", "long", "--jobs", "2", "--checkpoint-minutes", "60"], timeout: 90) { parent in
            // Wait for the worker, then kill the parent without warning.
            let until = Date().addingTimeInterval(30)
            while workers.isEmpty && Date() < until { usleep(100_000); workers = CLI.children(of: parent.processIdentifier) }
            sleep(2)
            kill(parent.processIdentifier, SIGKILL)
        }
        XCTAssertFalse(workers.isEmpty, "no worker started")
        let until = Date().addingTimeInterval(45)
        while workers.contains(where: { CLI.parent(of: $0) != nil }) && Date() < until { usleep(200_000) }
        let alive = workers.filter { CLI.parent(of: $0) != nil }
        for pid in alive { kill(pid, SIGKILL) }
        XCTAssertEqual(alive, [], "workers outlived their killed parent")
    }

    // MARK: rough edges

    /// `--sbatch-arg --qos=long` (the README's spelling) reaches the script; a job that is no
    /// array names its log by job id.
    func testSbatchArgTakesAnOptionAsItsValue() throws {
        let out = "\(directory)/slurm"
        let slurm = try CLI.run(["slurm", "baselines-fmnist", "--profile", "quick", "--output", out, "--sbatch-arg", "--qos=long",
                                 "--sbatch-arg", "--exclusive"], in: CLI.root)
        XCTAssertEqual(slurm.status, 0, slurm.all)
        let scripts = try FileManager.default.contentsOfDirectory(atPath: out).filter { $0.hasSuffix(".sbatch") }
        XCTAssertFalse(scripts.isEmpty)
        for name in scripts {
            let text = try String(contentsOfFile: "\(out)/\(name)", encoding: .utf8)
            XCTAssertTrue(text.contains("#SBATCH --qos=long\n") && text.contains("#SBATCH --exclusive\n"), text)
            XCTAssertEqual(text.contains("--array="), text.contains("%A_%a.log"), "logs: %A_%a for arrays, %j otherwise\n\(text)")
            if !text.contains("--array=") { XCTAssertTrue(text.contains("-%j.log"), text) }
        }
    }

    /// Commands that compute nothing do not offer BLAS options; `describe` never cuts a name; a
    /// figure title's {every_steps} is the profile's own interval.
    func testOptionsOnlyWhereTheyApply() throws {
        writeSpec()
        for command in [["list"], ["show", "tiny"], ["report"], ["figures", "tiny"]] {
            let out = try reprise(command + ["--threads", "2"])
            XCTAssertEqual(out.status, 64, "\(command) accepted --threads: \(out.all)")
            XCTAssertTrue(out.err.contains("Unknown option '--threads'"), out.err)
        }
        // merge compares kernels (a cell of another rounding is refused): it takes --blas-kernel.
        XCTAssertNotEqual(try reprise(["merge", directory, "--blas-kernel", "portable"]).status, 64)
        let describe = try CLI.run(["describe"], in: CLI.root)
        XCTAssertTrue(describe.out.contains("  curvature_rescale "), describe.out)
    }

    func testFigureTitlesNameTheProfilesRecordingInterval() throws {
        writeSpec("tiny", tinyClassificationSpec.replacingOccurrences(of: "log_y = true", with: "log_y = true\ntitle = \"Loss per {every_steps} steps\""))
        XCTAssertEqual(try reprise(["run", "tiny", "--only", "adam"]).status, 0)
        XCTAssertEqual(try reprise(["figures", "tiny"]).status, 0)
        let script = try String(contentsOfFile: "\(directory)/figures/tiny/loss.gp", encoding: .utf8)
        XCTAssertTrue(script.contains("set title 'Loss per 5 steps'"), script)
    }
}
