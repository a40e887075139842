import Foundation
import XCTest
import RepriseExperiments
import RepriseLearning
@testable import RepriseRunner

/// The generated sbatch scripts treat every path and name as data: run by bash as an array task,
/// hostile folders (command substitution, backquotes, pipes, quotes, spaces) reach the program as
/// the exact arguments, and nothing they spell is executed.
final class SlurmJobsTests: FolderTestCase {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    func testHostilePathsAreArgumentsNeverCommands() throws {
        let spec = try ExperimentSpec.load("\(root)/experiments/taso-vs-adaptive.toml", profile: "quick", catalog: Registry.standard.catalog)
        let marker = "\(directory)/MARKER"
        let hostile = "\(directory)/r $(touch \(marker)) `touch \(marker)` | touch \(marker); it's"
        try FileManager.default.createDirectory(atPath: hostile, withIntermediateDirectories: true)
        // A stand-in for the binary that prints each argument on its own line.
        let echo = "\(directory)/bin it's/echo-args"
        try FileManager.default.createDirectory(atPath: (echo as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done\n".write(toFile: echo, atomically: true, encoding: .utf8)
        chmod(echo, 0o755)
        let writer = SlurmJobs(binary: echo, workingDirectory: hostile, folder: "\(directory)/jobs", experiments: "\(hostile)/experiments",
                               results: "\(hostile)/results", figures: "\(hostile)/figures", dataDirectory: hostile)
        let jobs = try writer.jobs(for: spec)
        XCTAssertEqual(jobs.map(\.name), ["selection", "final", "figures"])
        for job in jobs {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/bin/bash")
            p.arguments = ["-c", job.script]
            p.environment = ["SLURM_ARRAY_TASK_ID": "7", "PATH": "/usr/bin:/bin"]
            let pipe = Pipe()
            p.standardOutput = pipe
            try p.run()
            let lines = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).split(separator: "\n").map(String.init)
            p.waitUntilExit()
            XCTAssertEqual(p.terminationStatus, 0, job.script)
            XCTAssertFalse(FileManager.default.fileExists(atPath: marker), "a path ran a command in the \(job.name) script:\n\(job.script)")
            XCTAssertTrue(lines.contains("\(hostile)/results"), "\(lines)")
            if job.name != "figures" {
                XCTAssertEqual(Array(lines.suffix(4)), ["--stage", job.name, "--cell", "7"])
                XCTAssertTrue(lines.contains(hostile), "the data folder reaches the program whole: \(lines)")
            }
        }
        // A log folder Slurm would split or read patterns in is refused, naming the fix.
        var spaced = writer
        spaced.folder = "\(directory)/my jobs"
        XCTAssertThrowsError(try spaced.jobs(for: spec)) { XCTAssertTrue("\($0)".contains("pass --output"), "\($0)") }
    }

    /// A cluster's terms reach every script as #SBATCH lines, an array's cap as `%M`; a value that
    /// could break an #SBATCH line is refused naming its option; the printed submit commands chain
    /// the jobs by afterok when bash runs them (against a stand-in sbatch that logs its arguments).
    func testClusterOptionsAndPrintedSubmitCommands() throws {
        let spec = try ExperimentSpec.load("\(root)/experiments/taso-vs-adaptive.toml", profile: "quick", catalog: Registry.standard.catalog)
        var writer = SlurmJobs(binary: "/bin/true", workingDirectory: directory, folder: "\(directory)/jobs", experiments: "\(directory)/experiments",
                               results: "\(directory)/results", figures: "\(directory)/figures", dataDirectory: nil,
                               resources: .init(partition: "short", time: "1-02:00:00", account: "proj42", memory: "4G",
                                                extra: ["--qos=long", "--exclusive"], maxParallel: 8))
        let jobs = try writer.jobs(for: spec)
        for job in jobs {
            for line in ["#SBATCH --requeue", "#SBATCH --open-mode=append", "#SBATCH --partition=short", "#SBATCH --time=1-02:00:00", "#SBATCH --account=proj42", "#SBATCH --mem=4G",
                         "#SBATCH --qos=long", "#SBATCH --exclusive"] {
                XCTAssertTrue(job.script.contains(line + "\n"), "\(line) missing from \(job.name):\n\(job.script)")
            }
            XCTAssertEqual(job.script.contains("#SBATCH --array=0-"), job.name != "figures")
            if job.name != "figures" { XCTAssertTrue(job.script.range(of: #"#SBATCH --array=0-\d+%8\n"#, options: .regularExpression) != nil, job.script) }
        }
        for (bad, option) in [(SlurmJobs.Resources(time: "1:00 #x"), "--time"), (.init(memory: "4G\n#SBATCH --x"), "--mem"),
                              (.init(extra: ["--x=$(touch y)"]), "--sbatch-arg"), (.init(extra: ["qos=long"]), "--sbatch-arg"),
                              (.init(maxParallel: 0), "--max-parallel")]
                                + ["--array=0-3", "--arr=1", "--output=/tmp/x.log", "--error=e.log", "--wrap=true", "--job-name=x", "--open-mode=truncate",
                                   "--dependency=afterany:1", "--cpus-per-task=4", "--ntasks=2"].map({ (SlurmJobs.Resources(extra: [$0]), "--sbatch-arg") }) {
            writer.resources = bad
            XCTAssertThrowsError(try writer.jobs(for: spec)) { XCTAssertTrue("\($0)".hasPrefix(option), "\($0)") }
        }
        // Options Reprise writes itself are named as such (issue 36: they replaced the arrays).
        writer.resources = .init(extra: ["--array=0-3"])
        XCTAssertThrowsError(try writer.jobs(for: spec)) { XCTAssertTrue("\($0)".contains("Reprise writes --array itself"), "\($0)") }
        writer.resources = .init(extra: ["--qos=long", "--exclusive", "--account-x=1"])
        XCTAssertNoThrow(try writer.jobs(for: spec))

        let bin = "\(directory)/bin"
        try FileManager.default.createDirectory(atPath: bin, withIntermediateDirectories: true)
        try "#!/bin/sh\necho \"$@\" >> \"\(directory)/sbatch.log\"\nn=$(wc -l < \"\(directory)/sbatch.log\")\necho $((100 + n))\n"
            .write(toFile: "\(bin)/sbatch", atomically: true, encoding: .utf8)
        chmod("\(bin)/sbatch", 0o755)
        let paths = ["\(directory)/a b.sbatch", "\(directory)/it's.sbatch", "\(directory)/c.sbatch"]
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/bash")
        p.arguments = ["-c", SlurmJobs.submitCommands(paths).joined(separator: "\n")]
        p.environment = ["PATH": "\(bin):/usr/bin:/bin"]
        try p.run()
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 0)
        let log = try String(contentsOfFile: "\(directory)/sbatch.log", encoding: .utf8).split(separator: "\n").map(String.init)
        XCTAssertEqual(log, ["--parsable \(paths[0])", "--parsable --dependency=afterok:101 \(paths[1])",
                             "--parsable --dependency=afterok:102 \(paths[2])"])
    }

    /// The scripts are written as NAME-PROFILE-JOB.sbatch and submitted in order, each after the
    /// previous one (a stand-in sbatch prints "ID;cluster" as sbatch --parsable does); a failing
    /// sbatch is named with the jobs already submitted.
    func testWriteAndSubmitChainTheJobs() throws {
        let spec = try ExperimentSpec.load("\(root)/experiments/taso-vs-adaptive.toml", profile: "quick", catalog: Registry.standard.catalog)
        let writer = SlurmJobs(binary: "/bin/true", workingDirectory: directory, folder: "\(directory)/jobs", experiments: "\(directory)/experiments",
                               results: "\(directory)/results", figures: "\(directory)/figures", dataDirectory: nil)
        let written = try writer.write(for: spec)
        XCTAssertEqual(written.map(\.path), ["selection", "final", "figures"].map { "\(directory)/jobs/taso-vs-adaptive-quick-\($0).sbatch" })
        for w in written { XCTAssertEqual(try String(contentsOfFile: w.path, encoding: .utf8).prefix(11), "#!/bin/bash") }
        let bin = "\(directory)/bin", log = "\(directory)/sbatch.log"
        try FileManager.default.createDirectory(atPath: bin, withIntermediateDirectories: true)
        try "#!/bin/sh\necho \"$@\" >> '\(log)'\nn=$(wc -l < '\(log)')\n[ \"$FAIL_AT\" = \"$n\" ] && exit 1\necho \"$((40 + n));cluster\"\n"
            .write(toFile: "\(bin)/sbatch", atomically: true, encoding: .utf8)
        chmod("\(bin)/sbatch", 0o755)
        let ids = try SlurmJobs.submit(written.map(\.path), environment: ["PATH": "\(bin):/usr/bin:/bin"])
        XCTAssertEqual(ids, ["41", "42", "43"])
        let lines = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n").map(String.init)
        XCTAssertEqual(lines, ["--parsable \(written[0].path)", "--parsable --dependency=afterok:41 \(written[1].path)",
                               "--parsable --dependency=afterok:42 \(written[2].path)"])
        try FileManager.default.removeItem(atPath: log)
        XCTAssertThrowsError(try SlurmJobs.submit(written.map(\.path), environment: ["PATH": "\(bin):/usr/bin:/bin", "FAIL_AT": "2"])) {
            XCTAssertTrue("\($0)".contains("sbatch failed on \(written[1].path)") && "\($0)".contains("jobs 41 were submitted"), "\($0)")
        }
    }

    /// A spec whose name could reach a shell or a job name is refused at validation.
    func testASpecNameOfShellCharactersIsRefused() throws {
        let text = try String(contentsOfFile: "\(root)/experiments/taso-vs-adaptive.toml", encoding: .utf8)
        let name = "t$(touch MARKER)"
        let path = "\(directory)/experiments/\(name).toml"
        try text.replacingOccurrences(of: "name = \"taso-vs-adaptive\"", with: "name = \"\(name)\"").write(toFile: path, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try ExperimentSpec.load(path, catalog: Registry.standard.catalog)) {
            XCTAssertTrue("\($0)".contains("must be 1 to 100 letters, digits, '-', '_' and '.'"), "\($0)")
        }
    }
}
