import XCTest
import CHDF5
@testable import RepriseStore

final class StoreTests: XCTestCase {
    private func temporaryDirectory() throws -> String {
        let dir = NSTemporaryDirectory() + "reprise-store-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: dir) }
        return dir
    }

    private var sample: CellRecord {
        CellRecord(attributes: ["config_hash": .string("abc"), "seed": .int(3), "ratio": .double(0.25), "empty": .string(""),
                                "unicode": .string("θ ← θ − η·g")],
                   series: ["epochs": ["epoch": [0, 1, 2], "test_accuracy": [0.1, .nan, 0.9]], "steps": ["step": [10, 20]]],
                   tensors: [StoredTensor(name: "final_parameters", shape: [2, 3], data: .float32([1, 2, 3, 4, 5, 6])),
                             StoredTensor(name: "trajectory", shape: [2, 2], data: .float64([0.5, 1.5, 2.5, 3.5]))],
                   wallclockAttributes: ["host": .string("box")], wallclockSeries: ["step_seconds": [0.01, 0.02]])
    }

    func testRoundTrip() throws {
        let dir = try temporaryDirectory()
        try ResultStore.write(sample, to: "\(dir)/a/b/cell.h5", scratch: "\(dir)/.tmp")
        let back = try ResultStore.read("\(dir)/a/b/cell.h5")
        XCTAssertEqual(back.attributes, sample.attributes)
        XCTAssertEqual(back.series["steps"], sample.series["steps"])
        XCTAssertEqual(back.series["epochs"]?["epoch"], [0, 1, 2])
        XCTAssertTrue(back.series["epochs"]!["test_accuracy"]![1].isNaN)
        XCTAssertEqual(back.tensors, sample.tensors)
        XCTAssertEqual(back.wallclockAttributes, sample.wallclockAttributes)
        XCTAssertEqual(back.wallclockSeries, sample.wallclockSeries)
        // Nothing is left behind in the scratch folder.
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: "\(dir)/.tmp"), [])
    }

    /// A selection record with a diverged point (score NaN) reads back equal to itself: a rerun of the
    /// same selection is not mistaken for one made on another grid (it was moved aside on every run).
    func testSelectionRecordWithADivergedPointEqualsItsReadBack() throws {
        let dir = try temporaryDirectory()
        let record = SelectionRecord(variant: "sgd", metric: "validation_accuracy", overEpochs: "best", seed: 1000,
                                     points: ["{\"lr\":0.1}", "{\"lr\":1.0}"], labels: ["lr=0.1", "lr=1.0"],
                                     scores: [0.8, .nan], hashes: ["a", "b"], winner: 0)
        try record.write(to: "\(dir)/s.h5", scratch: "\(dir)/.tmp")
        XCTAssertEqual(try SelectionRecord.read("\(dir)/s.h5"), record)
        var other = record
        other.scores[0] = 0.7
        XCTAssertNotEqual(other, record)
    }

    /// The same record written twice gives byte-identical files: no timestamps in HDF5 objects.
    func testIdenticalRecordsGiveIdenticalFiles() throws {
        let dir = try temporaryDirectory()
        try ResultStore.write(sample, to: "\(dir)/one.h5", scratch: "\(dir)/.tmp")
        Thread.sleep(forTimeInterval: 1.1)
        try ResultStore.write(sample, to: "\(dir)/two.h5", scratch: "\(dir)/.tmp")
        XCTAssertEqual(FileManager.default.contents(atPath: "\(dir)/one.h5"), FileManager.default.contents(atPath: "\(dir)/two.h5"))
    }

    func testCorruptFileIsReportedWithTheFix() throws {
        let dir = try temporaryDirectory()
        try ResultStore.write(sample, to: "\(dir)/cell.h5", scratch: "\(dir)/.tmp")
        let bytes = FileManager.default.contents(atPath: "\(dir)/cell.h5")!
        try bytes.prefix(bytes.count / 3).write(to: URL(fileURLWithPath: "\(dir)/truncated.h5"))
        try Data("not hdf5 at all".utf8).write(to: URL(fileURLWithPath: "\(dir)/text.h5"))
        for name in ["truncated.h5", "text.h5"] {
            XCTAssertThrowsError(try ResultStore.read("\(dir)/\(name)")) { error in
                XCTAssertTrue("\(error)".contains("reruns its cell"), "\(error)")
            }
        }
    }

    func testForeignHDF5FileIsRecognised() throws {
        let dir = try temporaryDirectory()
        let file = try H5File.createInMemory("foreign.h5")
        try file.write("/data", .float64([1, 2]), shape: [2])
        try Data(try file.image()).write(to: URL(fileURLWithPath: "\(dir)/foreign.h5"))
        XCTAssertThrowsError(try ResultStore.readAttributes("\(dir)/foreign.h5")) { error in
            XCTAssertTrue("\(error)".contains("not a Reprise result"), "\(error)")
        }
    }

    /// Hostile content no Reprise writes: an array attribute of 64 doubles (read into a scalar, it
    /// once overran the stack) is skipped; a chunked dataset announcing 10¹² values is refused as
    /// foreign before anything is allocated; neither crashes.
    func testHostileAttributesAndShapesAreRefusedWithoutACrash() throws {
        let dir = try temporaryDirectory()
        let path = "\(dir)/cell.h5"
        try ResultStore.write(sample, to: path, scratch: "\(dir)/.tmp")
        let fid = H5Fopen(path, reprise_H5F_ACC_RDWR(), reprise_H5P_DEFAULT())
        XCTAssertGreaterThanOrEqual(fid, 0)
        var dims: [hsize_t] = [64]
        let space = H5Screate_simple(1, &dims, nil)
        let attr = H5Acreate2(fid, "extra", reprise_H5T_IEEE_F64LE(), space, reprise_H5P_DEFAULT(), reprise_H5P_DEFAULT())
        var values = (0..<64).map(Double.init)
        H5Awrite(attr, reprise_H5T_NATIVE_DOUBLE(), &values)
        H5Aclose(attr); H5Sclose(space)
        var huge: [hsize_t] = [1_000_000_000_000], chunk: [hsize_t] = [1024]
        let bigSpace = H5Screate_simple(1, &huge, nil)
        let dcpl = H5Pcreate(reprise_H5P_DATASET_CREATE())
        H5Pset_chunk(dcpl, 1, &chunk)
        let ds = H5Dcreate2(fid, "/epochs/huge", reprise_H5T_IEEE_F64LE(), bigSpace, reprise_H5P_DEFAULT(), dcpl, reprise_H5P_DEFAULT())
        XCTAssertGreaterThanOrEqual(ds, 0)
        H5Dclose(ds); H5Pclose(dcpl); H5Sclose(bigSpace); H5Fclose(fid)

        let attributes = try ResultStore.readAttributes(path)
        XCTAssertEqual(attributes["config_hash"], .string("abc"))
        XCTAssertNil(attributes["extra"])
        XCTAssertThrowsError(try ResultStore.read(path)) { error in
            XCTAssertTrue("\(error)".contains("announces [1000000000000] values"), "\(error)")
        }
    }

    /// A full disk: on a size-limited tmpfs (root only; skipped otherwise) a write that cannot fit
    /// fails with the disk-full message, leaves the stored file byte for byte, and no temporary file.
    func testFullDiskLosesNothing() throws {
        let mountPoint = try temporaryDirectory()
        guard getuid() == 0 else { throw XCTSkip("needs root to mount a small tmpfs") }
        let mount = Process()
        mount.executableURL = URL(fileURLWithPath: "/bin/mount")
        mount.arguments = ["-t", "tmpfs", "-o", "size=64k", "tmpfs", mountPoint]
        try mount.run(); mount.waitUntilExit()
        guard mount.terminationStatus == 0 else { throw XCTSkip("cannot mount a tmpfs here") }
        defer {
            let umount = Process()
            umount.executableURL = URL(fileURLWithPath: "/bin/umount")
            umount.arguments = [mountPoint]
            try? umount.run(); umount.waitUntilExit()
        }
        let path = "\(mountPoint)/results/cell.h5", scratch = "\(mountPoint)/results/.tmp"
        try ResultStore.write(sample, to: path, scratch: scratch)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        // Fill the disk, then write a record too large for what is left.
        let filler = Data(repeating: 1, count: 64 * 1024)
        FileManager.default.createFile(atPath: "\(mountPoint)/filler", contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: "\(mountPoint)/filler"))
        try? handle.write(contentsOf: filler)
        try? handle.close()
        var big = sample
        big.tensors.append(StoredTensor(name: "big", shape: [8192], data: .float64([Double](repeating: 1, count: 8192))))
        XCTAssertThrowsError(try ResultStore.write(big, to: path, scratch: scratch)) { error in
            XCTAssertTrue("\(error)".contains("is full"), "\(error)")
        }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), before)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: scratch), [])
        XCTAssertEqual(try ResultStore.read(path).attributes, sample.attributes)
    }

    /// A finished temporary file stays locked until it is renamed into place: a run starting in the
    /// same folder in that window (its cleanup of files left by killed runs) leaves it alone, and the
    /// writer's cell is stored. With the lock released before the rename, the cleanup removed it.
    func testCleanupNeverRemovesATemporaryBeforeItIsInPlace() throws {
        let dir = try temporaryDirectory()
        let scratch = "\(dir)/.tmp", path = "\(dir)/exp/default/cell.h5"
        try ResultStore.write(sample, to: "\(dir)/source.h5", scratch: scratch)
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: "\(dir)/source.h5")))
        for replace in [true, false] {
            try? FileManager.default.removeItem(atPath: path)
            var removed = -1, waiting: [String] = []
            try ResultStore.atomically(path, scratch: scratch, replace: replace, beforePublish: {
                waiting = (try? FileManager.default.contentsOfDirectory(atPath: scratch)) ?? []
                removed = ResultStore.removeStaleTemporaries(scratch)
            }) { bytes }
            XCTAssertEqual(waiting.count, 1, "the finished temporary file waits in \(scratch)")
            XCTAssertEqual(removed, 0, "the cleanup removed a finished temporary file before its rename")
            XCTAssertEqual(try ResultStore.read(path).attributes, sample.attributes)
            XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: scratch), [])
        }
        // A temporary file no live writer holds (left by a killed run) is still removed.
        _ = FileManager.default.createFile(atPath: "\(scratch)/\(UUID().uuidString).h5", contents: Data(bytes))
        XCTAssertEqual(ResultStore.removeStaleTemporaries(scratch), 1)
    }

    /// An injected write failure that needs no root: /dev/full answers every write with ENOSPC.
    func testWriteToAFullDeviceSaysTheDiskIsFull() throws {
        guard FileManager.default.fileExists(atPath: "/dev/full") else { throw XCTSkip("no /dev/full") }
        XCTAssertThrowsError(try ResultStore.writeFully([UInt8](repeating: 7, count: 4096), to: "/dev/full")) { error in
            XCTAssertTrue("\(error)".contains("is full"), "\(error)")
        }
    }

    /// A series stored as strings is a foreign file, not a stored result (it used to leave its cell
    /// stuck: never read, never rerun).
    func testSeriesOfStringsIsRefused() throws {
        let dir = try temporaryDirectory()
        let path = "\(dir)/cell.h5"
        try ResultStore.write(sample, to: path, scratch: "\(dir)/.tmp")
        let fid = H5Fopen(path, reprise_H5F_ACC_RDWR(), reprise_H5P_DEFAULT())
        let type = H5Tcopy(reprise_H5T_C_S1())
        H5Tset_size(type, 8)
        var dims: [hsize_t] = [3]
        let space = H5Screate_simple(1, &dims, nil)
        let ds = H5Dcreate2(fid, "/epochs/train_loss", type, space, reprise_H5P_DEFAULT(), reprise_H5P_DEFAULT(), reprise_H5P_DEFAULT())
        var text = Array("0.1\0\0\0\0\00.2\0\0\0\0\00.3\0\0\0\0\0".utf8)
        H5Dwrite(ds, type, reprise_H5S_ALL(), reprise_H5S_ALL(), reprise_H5P_DEFAULT(), &text)
        H5Dclose(ds); H5Sclose(space); H5Tclose(type); H5Fclose(fid)
        XCTAssertThrowsError(try ResultStore.read(path)) { error in
            XCTAssertTrue("\(error)".contains("neither numbers nor integers"), "\(error)")
        }
    }
}
