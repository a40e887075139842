import Foundation
import XCTest
import RepriseExperiments
import RepriseStore
@testable import RepriseRunner

/// `reprise merge` on two stores against a destination: files new to it come in byte for byte;
/// overlapping files with the same data are identical (their wall-clock differs); a file with other
/// data under the same hash is a conflict and the stored one is kept; truncated, tampered, stale and
/// misplaced files are refused, named; nothing stored is ever replaced.
final class StoreMergeTests: FolderTestCase {
    func testMergeAddsVerifiesAndNeverOverwrites() throws {
        let specPath = "\(directory)/experiments/tiny.toml"
        _ = FileManager.default.createFile(atPath: specPath, contents: Data(tinyClassificationSpec.utf8))
        let spec = try ExperimentSpec.load(specPath)
        let a = "\(directory)/a", b = "\(directory)/b", destination = "\(directory)/results"
        _ = try Runner(options: RunOptions(resultsDirectory: a, dataDirectory: nil, sourceDirectory: directory)).run(spec)
        let cell = { (variant: String, seed: Int) in "tiny/default/\(variant)--seed\(seed).h5" }
        let fm = FileManager.default
        func bytes(_ path: String) -> Data { fm.contents(atPath: path) ?? Data() }

        // The destination already holds momentum seed 0 with the same data but another wall-clock,
        // and adam seed 0 with another final loss under the same hash.
        var same = try ResultStore.read("\(a)/\(cell("momentum", 0))")
        same.wallclockAttributes["host"] = .string("another-machine")
        try ResultStore.write(same, to: "\(destination)/\(cell("momentum", 0))", scratch: "\(destination)/.tmp")
        var other = try ResultStore.read("\(a)/\(cell("adam", 0))")
        other.series["epochs"]!["train_loss"]![1] += 1e-6
        try ResultStore.write(other, to: "\(destination)/\(cell("adam", 0))", scratch: "\(destination)/.tmp")
        let conflictBefore = bytes("\(destination)/\(cell("adam", 0))")

        let merger = StoreMerge(destination: destination) { experiment, profile in
            try? ExperimentSpec.load("\(self.directory)/experiments/\(experiment).toml", profile: profile)
        }
        let first = Dictionary(uniqueKeysWithValues: try merger.merge(a).map { ($0.path, $0.outcome) })
        XCTAssertEqual(first[cell("momentum", 0)], .identical)
        guard case .conflict(let why)? = first[cell("adam", 0)] else { return XCTFail("\(first)") }
        XCTAssertTrue(why.contains("/epochs/train_loss"), why)
        XCTAssertEqual(bytes("\(destination)/\(cell("adam", 0))"), conflictBefore, "a conflicting file was replaced")
        for c in [cell("momentum", 1), cell("adam", 1)] {
            XCTAssertEqual(first[c], .added)
            XCTAssertEqual(bytes("\(destination)/\(c)"), bytes("\(a)/\(c)"))
        }
        // A second merge of the same store changes nothing.
        XCTAssertEqual(try merger.merge(a).filter { $0.outcome == .added }.count, 0)

        // Store b: a truncated file, a tampered configuration, a stale configuration (consistent
        // hash, not the spec's), an unfinished cell, a file where no result goes, an unknown experiment.
        let full = bytes("\(a)/\(cell("adam", 1))")
        try fm.createDirectory(atPath: "\(b)/tiny/default", withIntermediateDirectories: true)
        try full.prefix(full.count / 2).write(to: URL(fileURLWithPath: "\(b)/\(cell("adam", 1))"))
        var tampered = try ResultStore.read("\(a)/\(cell("momentum", 1))")
        tampered.attributes["config"] = .string(tampered.string("config")!.replacingOccurrences(of: "0.9", with: "0.8"))
        try ResultStore.write(tampered, to: "\(b)/\(cell("momentum", 1))", scratch: "\(b)/.tmp")
        var stale = try ResultStore.read("\(a)/\(cell("momentum", 0))")
        let staleConfig = stale.string("config")!.replacingOccurrences(of: "0.9", with: "0.8")
        stale.attributes["config"] = .string(staleConfig)
        stale.attributes["config_hash"] = .string(SHA256.hex(staleConfig))
        try ResultStore.write(stale, to: "\(b)/\(cell("momentum", 0))", scratch: "\(b)/.tmp")
        var unfinished = try ResultStore.read("\(a)/\(cell("adam", 0))")
        unfinished.attributes["steps_completed"] = .int(3)
        try ResultStore.write(unfinished, to: "\(b)/\(cell("adam", 0))", scratch: "\(b)/.tmp")
        try fm.copyItem(atPath: "\(a)/\(cell("adam", 0))", toPath: "\(b)/tiny/stray.h5")
        try fm.createDirectory(atPath: "\(b)/gone/default", withIntermediateDirectories: true)
        try fm.copyItem(atPath: "\(a)/\(cell("adam", 0))", toPath: "\(b)/gone/default/adam--seed0.h5")
        let before = try fm.subpathsOfDirectory(atPath: destination).sorted().map { ($0, bytes("\(destination)/\($0)")) }

        let second = Dictionary(uniqueKeysWithValues: try merger.merge(b).map { ($0.path, $0.outcome) })
        func reason(_ path: String) -> String { second[path]?.reason ?? "accepted: \(String(describing: second[path]))" }
        XCTAssertEqual(second[cell("adam", 1)]?.word, "DAMAGED")
        XCTAssertTrue(reason(cell("momentum", 1)).contains("does not hash"), reason(cell("momentum", 1)))
        XCTAssertTrue(reason(cell("momentum", 0)).contains("another configuration than the current spec"), reason(cell("momentum", 0)))
        XCTAssertTrue(reason(cell("adam", 0)).contains("not finished"), reason(cell("adam", 0)))
        XCTAssertTrue(reason("tiny/stray.h5").contains("not where Reprise stores"), reason("tiny/stray.h5"))
        XCTAssertTrue(reason("gone/default/adam--seed0.h5").contains("no valid spec"), reason("gone/default/adam--seed0.h5"))
        XCTAssertEqual(second.count, 6)
        let after = try fm.subpathsOfDirectory(atPath: destination).sorted().map { ($0, bytes("\(destination)/\($0)")) }
        XCTAssertEqual(after.map(\.0), before.map(\.0))
        XCTAssertTrue(zip(after, before).allSatisfy { $0.1 == $1.1 }, "a refused file changed the destination")

        // A finished cell of the current spec computed on a kernel that rounds otherwise: refused,
        // naming the kernel (a store never mixes kernels).
        let c = directory + "/c"
        var otherKernel = try ResultStore.read("\(a)/\(cell("adam", 1))")
        otherKernel.attributes["blas_kernel"] = .string("Haswell (portable)")
        try ResultStore.write(otherKernel, to: "\(c)/\(cell("adam", 1))", scratch: "\(c)/.tmp")
        let third = try merger.merge(c)
        XCTAssertEqual(third.map(\.outcome.word), ["FOREIGN"])
        XCTAssertTrue(third.first?.outcome.reason?.contains("merge with --blas-kernel portable") == true, "\(third.map(\.outcome))")

        XCTAssertThrowsError(try merger.merge("\(directory)/missing")) { XCTAssertTrue("\($0)".contains("not a folder of results"), "\($0)") }
        XCTAssertThrowsError(try merger.merge(destination)) { XCTAssertTrue("\($0)".contains("the destination itself"), "\($0)") }
    }

    /// A whole store with a selection stage comes in: the selection runs (declared and beyond the
    /// grid), both selection records and the extended winner's cells, none refused (the runs used to
    /// be FOREIGN, so the destination retrained the stage); merged twice, all identical. A source
    /// whose experiment folder is a link is named, never followed; an empty source is an error.
    func testSelectionRunsAndRecordsComeInLinksAndEmptySourcesAreNamed() throws {
        let specPath = "\(directory)/experiments/hostile.toml"
        _ = FileManager.default.createFile(atPath: specPath, contents: Data(smallSelectionSpec.utf8))
        let spec = try ExperimentSpec.load(specPath)
        let a = "\(directory)/a", destination = "\(directory)/results"
        _ = try Runner(options: RunOptions(resultsDirectory: a, dataDirectory: nil, sourceDirectory: directory)).run(spec)
        let merger = StoreMerge(destination: destination) { experiment, profile in
            try? ExperimentSpec.load("\(self.directory)/experiments/\(experiment).toml", profile: profile)
        }
        let first = try merger.merge(a)
        XCTAssertEqual(first.filter(\.outcome.refused).map { "\($0.path): \($0.outcome.reason ?? "")" }, [])
        let paths = Set(first.map(\.path))
        for expected in ["hostile/default/selection/tuned.h5", "hostile/default/selection/tuned+extended.h5",
                         "hostile/default/selection/tuned/lr=0.01--seed1000.h5", "hostile/default/selection/tuned/lr=1.0--seed1000.h5",
                         "hostile/default/tuned+extended--seed0.h5", "hostile/default/momentum--seed1.h5"] {
            XCTAssertTrue(paths.contains(expected), "\(expected) not merged: \(paths.sorted())")
        }
        XCTAssertEqual(Set(try merger.merge(a).map(\.outcome.word)), ["identical"])
        // The destination needs no training: every planned cell and record is stored.
        let rerun = try Runner(options: RunOptions(resultsDirectory: destination, dataDirectory: nil, sourceDirectory: directory)).run(spec)
        XCTAssertEqual(rerun.ran.count, 0)

        let linked = "\(directory)/linked", empty = "\(directory)/empty"
        try FileManager.default.createDirectory(atPath: linked, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: "\(linked)/hostile", withDestinationPath: "\(a)/hostile")
        let link = try merger.merge(linked)
        XCTAssertEqual(link.map(\.path), ["hostile"])
        XCTAssertTrue(link.first?.outcome.reason?.contains("a symbolic link, which merge does not follow") == true, "\(link.map(\.outcome))")
        XCTAssertThrowsError(try merger.merge(empty)) { XCTAssertTrue("\($0)".contains("holds no result files"), "\($0)") }
    }
}
