import Foundation

/// Everything stored for one cell (one variant × seed of an experiment). The layout on disk is
/// documented in results/README.md.
///
/// Reproducible data (attributes, series, tensors) is kept apart from wall-clock data
/// (`wallclock`): the first is bit-identical when a cell is rerun on the same build, machine and
/// BLAS thread count; the second never is.
public struct CellRecord: Sendable {
    public static let format = "reprise-cell"
    public static let formatVersion: Int64 = 1

    /// Root attributes: identity, configuration, status, provenance.
    public var attributes: [String: AttributeValue]
    /// Metric series by group ("steps", "epochs"), then by name; all series of a group have equal length.
    public var series: [String: [String: [Double]]]
    public var tensors: [StoredTensor]
    /// Wall-clock attributes (host, start and end time) and series (seconds per step and per epoch).
    public var wallclockAttributes: [String: AttributeValue]
    public var wallclockSeries: [String: [Double]]
    /// Attributes of individual datasets, by path ("/epochs/test_accuracy": its `unit` and
    /// `meaning`): what makes a file readable without Reprise. Written, not read back.
    public var datasetAttributes: [String: [String: AttributeValue]] = [:]

    public init(attributes: [String: AttributeValue] = [:], series: [String: [String: [Double]]] = [:],
                tensors: [StoredTensor] = [], wallclockAttributes: [String: AttributeValue] = [:],
                wallclockSeries: [String: [Double]] = [:], datasetAttributes: [String: [String: AttributeValue]] = [:]) {
        self.datasetAttributes = datasetAttributes
        self.attributes = attributes
        self.series = series
        self.tensors = tensors
        self.wallclockAttributes = wallclockAttributes
        self.wallclockSeries = wallclockSeries
    }

    public func string(_ key: String) -> String? {
        if case .string(let s)? = attributes[key] { return s }
        return nil
    }

    public func int(_ key: String) -> Int? {
        if case .int(let i)? = attributes[key] { return Int(i) }
        return nil
    }
}

public struct StoredTensor: Sendable, Equatable {
    public var name: String
    public var shape: [Int]
    public var data: ArrayData

    public init(name: String, shape: [Int], data: ArrayData) {
        self.name = name
        self.shape = shape
        self.data = data
    }
}

/// Reading and writing cell files. Writes are atomic: the file is written under `results/.tmp/`
/// and renamed into place, so a killed run never leaves a file that looks complete, and two runs
/// writing the same cell at once each produce a whole file (the last rename wins).
public enum ResultStore {
    public static var hdf5Version: String { H5File.libraryVersion }

    public static func write(_ record: CellRecord, to path: String, scratch: String) throws {
        try atomically(path, scratch: scratch) { try image(of: record) }
    }

    /// Copies the file at `source` to `path` as a write does (whole or not at all), but never
    /// replaces a file: throws `StoreError.exists` when `path` exists, even one that appeared meanwhile.
    public static func importFile(_ source: String, to path: String, scratch: String) throws {
        guard try StoreFile.exists(source), let data = FileManager.default.contents(atPath: source) else { throw StoreError.cannotOpen(path: source) }
        try atomically(path, scratch: scratch, replace: false) { [UInt8](data) }
    }

    /// Builds a file's bytes in memory with `body`, writes them under `scratch` (every write checked,
    /// then fsync), renames the file to `path` and fsyncs the folder. Any failure — a full disk
    /// included — removes the temporary file and leaves `path` as it was. The temporary file stays
    /// locked until it is in place: `removeStaleTemporaries` of a run starting meanwhile never takes
    /// a finished file for one left by a killed run. `beforePublish` runs between the write and the
    /// rename (tests reach into that window through it).
    public static func atomically(_ path: String, scratch: String, replace: Bool = true, beforePublish: () -> Void = {},
                           _ body: () throws -> [UInt8]) throws {
        let fm = FileManager.default
        let bytes = try body()
        let folder = (path as NSString).deletingLastPathComponent
        do {
            try fm.createDirectory(atPath: scratch, withIntermediateDirectories: true)
            try fm.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw StoreError.cannotCreate(path: folder)
        }
        let temporary = "\(scratch)/\(UUID().uuidString).h5"
        do {
            let held = try writeFully(bytes, to: temporary)
            // Released (closed) only once the file is in place, or removed on failure.
            defer { close(held) }
            beforePublish()
            if replace {
                guard rename(temporary, path) == 0 else { throw StoreError.ioFailed(path: path, what: "renaming a finished file to", code: errno) }
            } else {
                // link() fails on an existing name: nothing there is ever replaced.
                guard link(temporary, path) == 0 else {
                    let code = errno
                    throw code == EEXIST ? StoreError.exists(path: path) : StoreError.ioFailed(path: path, what: "linking a finished file to", code: code)
                }
                unlink(temporary)
            }
            let dir = open(folder, O_RDONLY)
            if dir >= 0 { _ = fsync(dir); close(dir) }
        } catch StoreError.diskFull(_, let bytes) {
            unlink(temporary)
            throw StoreError.diskFull(path: path, bytes: bytes)
        } catch {
            unlink(temporary)
            throw error
        }
    }

    /// Removes the temporary files in `scratch` that no live writer holds (left by killed runs);
    /// returns how many. Only Reprise's own: regular files named as `atomically` names them
    /// (`UUID.h5`, results and checkpoints alike; `UUID.checkpoint` from builds that wrote
    /// checkpoints unlocked) — anything else there is someone else's and stays.
    public static func removeStaleTemporaries(_ scratch: String) -> Int {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: scratch)) ?? []
        var removed = 0
        for name in names where isTemporaryName(name) {
            let path = "\(scratch)/\(name)"
            // Only regular files are Reprise's temporaries; a FIFO opened here would block.
            guard StoreFile.kind(path) == .regular else { continue }
            let fd = open(path, O_RDONLY | O_NONBLOCK | O_NOFOLLOW | O_CLOEXEC)
            guard fd >= 0 else { continue }
            var info = stat()
            if fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG, flock(fd, LOCK_EX | LOCK_NB) == 0 { unlink(path); removed += 1 }
            close(fd)
        }
        return removed
    }

    /// Whether `name` is one `atomically` (or an earlier build's checkpoint writer) gives a temporary file.
    static func isTemporaryName(_ name: String) -> Bool {
        guard let dot = name.lastIndex(of: "."), [".h5", ".checkpoint"].contains(String(name[dot...])) else { return false }
        return UUID(uuidString: String(name[..<dot])) != nil
    }

    /// Creates `path` locked, `write(2)`s until every byte is on disk, then `fsync`; ENOSPC and
    /// EDQUOT say the disk is full. Returns the open descriptor, still holding the lock that marks
    /// the file as live for `removeStaleTemporaries`: the caller closes it once the file is in place.
    static func writeFully(_ bytes: [UInt8], to path: String) throws -> Int32 {
        var fd: Int32 = -1
        // A cleanup may take the lock between open and flock, and unlink the new file: then it is made again.
        for _ in 0..<8 {
            fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0o644)
            guard fd >= 0 else { throw StoreError.ioFailed(path: path, what: "creating", code: errno) }
            flock(fd, LOCK_EX)
            var info = stat()
            if fstat(fd, &info) == 0 && info.st_nlink > 0 { break }
            close(fd)
            fd = -1
        }
        guard fd >= 0 else { throw StoreError.ioFailed(path: path, what: "creating", code: ENOENT) }
        var failure: Int32 = 0
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = Foundation.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 { if errno == EINTR { continue }; failure = errno; return }
                offset += n
            }
        }
        if failure == 0 && fsync(fd) != 0 { failure = errno }
        if failure != 0 { close(fd) }
        if failure == ENOSPC || failure == EDQUOT { throw StoreError.diskFull(path: path, bytes: bytes.count) }
        if failure != 0 { throw StoreError.ioFailed(path: path, what: "writing", code: failure) }
        return fd
    }

    private static func image(of record: CellRecord) throws -> [UInt8] {
        let file = try H5File.createInMemory("cell.h5")
        func describe(_ path: String) throws {
            for (k, v) in (record.datasetAttributes[path] ?? [:]).sorted(by: { $0.key < $1.key }) { try file.setAttribute(path, k, v) }
        }
        try file.setAttribute("/", "format", .string(CellRecord.format))
        try file.setAttribute("/", "format_version", .int(CellRecord.formatVersion))
        for (k, v) in record.attributes.sorted(by: { $0.key < $1.key }) { try file.setAttribute("/", k, v) }
        for (group, columns) in record.series.sorted(by: { $0.key < $1.key }) {
            try file.createGroup("/\(group)")
            for (name, values) in columns.sorted(by: { $0.key < $1.key }) {
                try file.write("/\(group)/\(name)", .float64(values), shape: [values.count])
                try describe("/\(group)/\(name)")
            }
        }
        try file.createGroup("/tensors")
        for t in record.tensors { try file.write("/tensors/\(t.name)", t.data, shape: t.shape) }
        try file.createGroup("/wallclock")
        for (k, v) in record.wallclockAttributes.sorted(by: { $0.key < $1.key }) { try file.setAttribute("/wallclock", k, v) }
        for (name, values) in record.wallclockSeries.sorted(by: { $0.key < $1.key }) {
            try file.write("/wallclock/\(name)", .float64(values), shape: [values.count])
            try describe("/wallclock/\(name)")
        }
        return try file.image()
    }

    /// Reads only the root attributes (cheap: used to decide whether a cell is already stored).
    public static func readAttributes(_ path: String) throws -> [String: AttributeValue] {
        let file = try H5File.open(path)
        return try checkedAttributes(file)
    }

    /// The root attributes of any HDF5 file, unchecked (what says whose file it is).
    public static func readRootAttributes(_ path: String) throws -> [String: AttributeValue] {
        try H5File.open(path).attributes("/")
    }

    /// The root and `/wallclock` attributes, no dataset (cheap: what `reprise plan` reads of every
    /// stored cell for its timing).
    public static func readAttributesWithWallclock(_ path: String) throws
        -> (root: [String: AttributeValue], wallclock: [String: AttributeValue], stepSeconds: [Double]) {
        let file = try H5File.open(path)
        let steps = file.exists("/wallclock/step_seconds") ? (try? file.read("/wallclock/step_seconds").data.doubles) ?? [] : []
        return (try checkedAttributes(file), file.exists("/wallclock") ? try file.attributes("/wallclock") : [:], steps)
    }

    static func checkedAttributes(_ file: H5File, format: String = CellRecord.format,
                                  version: Int64 = CellRecord.formatVersion) throws -> [String: AttributeValue] {
        let attrs = try file.attributes("/")
        guard case .string(format)? = attrs["format"] else {
            throw StoreError.foreign(path: file.path, reason: "no attribute format=\"\(format)\"")
        }
        guard case .int(let v)? = attrs["format_version"], v == version else {
            throw StoreError.foreign(path: file.path, reason: "format version \(attrs["format_version"]?.description ?? "missing"), this Reprise reads \(version)")
        }
        return attrs
    }

    public static func read(_ path: String) throws -> CellRecord {
        let file = try H5File.open(path)
        var record = CellRecord(attributes: try checkedAttributes(file))
        record.attributes["format"] = nil
        record.attributes["format_version"] = nil
        for group in file.members("/") where !["tensors", "wallclock"].contains(group) {
            var columns: [String: [Double]] = [:]
            for name in file.members("/\(group)") { columns[name] = try file.read("/\(group)/\(name)").data.doubles }
            record.series[group] = columns
        }
        for name in file.members("/tensors") {
            let (data, shape) = try file.read("/tensors/\(name)")
            record.tensors.append(StoredTensor(name: name, shape: shape, data: data))
        }
        if file.exists("/wallclock") {
            record.wallclockAttributes = try file.attributes("/wallclock")
            for name in file.members("/wallclock") { record.wallclockSeries[name] = try file.read("/wallclock/\(name)").data.doubles }
        }
        return record
    }
}

/// How a cell's training ended (its `status` attribute): all its steps, or stopped because the
/// loss was not finite or left the problem's bound.
public enum CellStatus: String, Sendable, CaseIterable {
    case complete, diverged
}

extension CellRecord {
    /// The stored status; nil when the attribute is missing or unknown (a damaged or foreign file).
    public var status: CellStatus? { string("status").flatMap(CellStatus.init) }
    /// Whether the cell stopped diverged: its metrics are not a trained result.
    public var diverged: Bool { status == .diverged }
}
