import CHDF5
import Foundation

/// Errors from the HDF5 layer, naming the file and the fix.
public enum StoreError: Error, CustomStringConvertible {
    case cannotOpen(path: String)
    case cannotCreate(path: String)
    case foreign(path: String, reason: String)
    case missingObject(path: String, object: String)
    case writeFailed(path: String, object: String)
    case diskFull(path: String, bytes: Int)
    case ioFailed(path: String, what: String, code: Int32)
    case exists(path: String)
    /// Something other than a regular file where a stored file goes (`StoreFile`).
    case notAFile(path: String, what: String)

    /// Whether this is `notAFile`: something that was never read.
    public var isNotAFile: Bool { if case .notAFile = self { return true } else { return false } }

    public var description: String {
        switch self {
        case .cannotOpen(let p):
            return "\(p) cannot be opened as HDF5 (corrupt or truncated). `reprise run` moves it aside to \(p).unreadable and reruns its cell."
        case .cannotCreate(let p):
            return "cannot create \(p): check that the folder exists and is writable."
        case .foreign(let p, let reason):
            return "\(p) is not a Reprise result file (\(reason)). Move it out of results/."
        case .missingObject(let p, let o):
            return "\(p) has no '\(o)': written by another version of Reprise, or damaged. Rerun its cell with --force."
        case .writeFailed(let p, let o):
            return "writing '\(o)' to \(p) failed (disk full?)."
        case .diskFull(let p, let bytes):
            return "the disk holding \((p as NSString).deletingLastPathComponent) is full (\(bytes) bytes could not be written): free space and rerun; the stored result at \(p), if any, is unchanged."
        case .exists(let p):
            return "\(p) already exists and is never replaced."
        case .notAFile(let p, let what):
            return "\(p) is \(what), not a regular file Reprise wrote: it is not read (reading could block) nor moved or replaced; remove it (rm '\(p)') and run again."
        case .ioFailed(let p, let what, let code):
            return "\(what) \(p) failed: \(String(cString: strerror(code))); the stored result, if any, is unchanged."
        }
    }
}

/// The value of an HDF5 attribute as Reprise writes them: a string, a 64-bit integer or a double.
public enum AttributeValue: Equatable, Sendable, CustomStringConvertible {
    case string(String), int(Int64), double(Double)

    public var description: String {
        switch self {
        case .string(let s): return s
        case .int(let i): return String(i)
        case .double(let d): return String(d)
        }
    }
}

/// Array data with its element type.
public enum ArrayData: Equatable, Sendable {
    case float32([Float]), float64([Double]), int64([Int64])

    public var count: Int {
        switch self {
        case .float32(let a): return a.count
        case .float64(let a): return a.count
        case .int64(let a): return a.count
        }
    }

    /// The values widened to Double.
    public var doubles: [Double] {
        switch self {
        case .float32(let a): return a.map(Double.init)
        case .float64(let a): return a
        case .int64(let a): return a.map(Double.init)
        }
    }
}

/// A thin wrapper over one open HDF5 file. Objects are addressed by absolute paths ("/a/b").
/// Object time-tracking is off everywhere, so identical contents give identical objects.
final class H5File {
    let path: String
    let id: hid_t

    private init(path: String, id: hid_t) {
        self.path = path
        self.id = id
    }

    deinit { H5Fclose(id) }

    /// A new file held in memory (HDF5's core driver, no backing store): HDF5 never writes to disk,
    /// so a full disk cannot fail inside it; `image()` gives the bytes for Reprise to write.
    static func createInMemory(_ name: String) throws -> H5File {
        reprise_H5_silence_errors()
        let fapl = H5Pcreate(reprise_H5P_FILE_ACCESS())
        defer { H5Pclose(fapl) }
        guard H5Pset_fapl_core(fapl, 1 << 16, false) >= 0 else { throw StoreError.cannotCreate(path: name) }
        let fid = H5Fcreate(name, reprise_H5F_ACC_TRUNC(), reprise_H5P_DEFAULT(), fapl)
        guard fid >= 0 else { throw StoreError.cannotCreate(path: name) }
        return H5File(path: name, id: fid)
    }

    /// The bytes of an in-memory file, after flushing everything written to it.
    func image() throws -> [UInt8] {
        guard H5Fflush(id, H5F_SCOPE_GLOBAL) >= 0 else { throw StoreError.writeFailed(path: path, object: "/") }
        let size = H5Fget_file_image(id, nil, 0)
        guard size > 0 else { throw StoreError.writeFailed(path: path, object: "/") }
        var bytes = [UInt8](repeating: 0, count: size)
        let copied = bytes.withUnsafeMutableBytes { H5Fget_file_image(id, $0.baseAddress, size) }
        guard copied == size else { throw StoreError.writeFailed(path: path, object: "/") }
        return bytes
    }

    static func open(_ path: String) throws -> H5File {
        reprise_H5_silence_errors()
        // Never handed to HDF5 unless regular: H5Fis_hdf5 blocks on a FIFO.
        _ = try StoreFile.exists(path)
        guard H5Fis_hdf5(path) > 0 else { throw StoreError.cannotOpen(path: path) }
        let fid = H5Fopen(path, reprise_H5F_ACC_RDONLY(), reprise_H5P_DEFAULT())
        guard fid >= 0 else { throw StoreError.cannotOpen(path: path) }
        return H5File(path: path, id: fid)
    }

    private func untrackedProperties(_ cls: hid_t) -> hid_t {
        let plist = H5Pcreate(cls)
        H5Pset_obj_track_times(plist, false)
        return plist
    }

    func createGroup(_ name: String) throws {
        let gcpl = untrackedProperties(reprise_H5P_GROUP_CREATE())
        defer { H5Pclose(gcpl) }
        let g = H5Gcreate2(id, name, reprise_H5P_DEFAULT(), gcpl, reprise_H5P_DEFAULT())
        guard g >= 0 else { throw StoreError.writeFailed(path: path, object: name) }
        H5Gclose(g)
    }

    func exists(_ name: String) -> Bool { H5Lexists(id, name, reprise_H5P_DEFAULT()) > 0 }

    /// Names of the members of a group, in HDF5's (alphabetical) order.
    func members(_ group: String) -> [String] {
        guard exists(group) || group == "/" else { return [] }
        let g = H5Gopen2(id, group, reprise_H5P_DEFAULT())
        guard g >= 0 else { return [] }
        defer { H5Gclose(g) }
        var info = H5G_info_t()
        H5Gget_info(g, &info)
        var names: [String] = []
        for k in 0..<info.nlinks {
            let size = H5Lget_name_by_idx(g, ".", H5_INDEX_NAME, H5_ITER_INC, k, nil, 0, reprise_H5P_DEFAULT())
            guard size >= 0 else { continue }
            var buffer = [CChar](repeating: 0, count: Int(size) + 1)
            H5Lget_name_by_idx(g, ".", H5_INDEX_NAME, H5_ITER_INC, k, &buffer, Int(size) + 1, reprise_H5P_DEFAULT())
            names.append(String(cString: buffer))
        }
        return names
    }

    func write(_ name: String, _ data: ArrayData, shape: [Int]) throws {
        precondition(shape.reduce(1, *) == data.count, "dataset \(name): shape \(shape) does not match \(data.count) values")
        var dims = shape.map { hsize_t($0) }
        let space = H5Screate_simple(Int32(dims.count), &dims, nil)
        defer { H5Sclose(space) }
        let dcpl = untrackedProperties(reprise_H5P_DATASET_CREATE())
        defer { H5Pclose(dcpl) }
        let (fileType, memType): (hid_t, hid_t) = switch data {
        case .float32: (reprise_H5T_IEEE_F32LE(), reprise_H5T_NATIVE_FLOAT())
        case .float64: (reprise_H5T_IEEE_F64LE(), reprise_H5T_NATIVE_DOUBLE())
        case .int64: (reprise_H5T_STD_I64LE(), reprise_H5T_NATIVE_INT64())
        }
        let ds = H5Dcreate2(id, name, fileType, space, reprise_H5P_DEFAULT(), dcpl, reprise_H5P_DEFAULT())
        guard ds >= 0 else { throw StoreError.writeFailed(path: path, object: name) }
        defer { H5Dclose(ds) }
        let status: herr_t = switch data {
        case .float32(let a): a.withUnsafeBytes { H5Dwrite(ds, memType, reprise_H5S_ALL(), reprise_H5S_ALL(), reprise_H5P_DEFAULT(), $0.baseAddress) }
        case .float64(let a): a.withUnsafeBytes { H5Dwrite(ds, memType, reprise_H5S_ALL(), reprise_H5S_ALL(), reprise_H5P_DEFAULT(), $0.baseAddress) }
        case .int64(let a): a.withUnsafeBytes { H5Dwrite(ds, memType, reprise_H5S_ALL(), reprise_H5S_ALL(), reprise_H5P_DEFAULT(), $0.baseAddress) }
        }
        guard status >= 0 else { throw StoreError.writeFailed(path: path, object: name) }
    }

    /// Reads a dataset of floats, doubles or integers, with its shape.
    func read(_ name: String) throws -> (data: ArrayData, shape: [Int]) {
        guard exists(name) else { throw StoreError.missingObject(path: path, object: name) }
        let ds = H5Dopen2(id, name, reprise_H5P_DEFAULT())
        guard ds >= 0 else { throw StoreError.missingObject(path: path, object: name) }
        defer { H5Dclose(ds) }
        let space = H5Dget_space(ds)
        guard space >= 0 else { throw StoreError.foreign(path: path, reason: "dataset \(name) has no readable shape") }
        defer { H5Sclose(space) }
        let rank = Int(H5Sget_simple_extent_ndims(space))
        guard (0...8).contains(rank) else { throw StoreError.foreign(path: path, reason: "dataset \(name) has rank \(rank)") }
        var dims = [hsize_t](repeating: 0, count: max(rank, 1))
        H5Sget_simple_extent_dims(space, &dims, nil)
        let shape = dims.prefix(rank).map { Int(clamping: $0) }
        // Never allocate more than the file can hold: Reprise's datasets are stored uncompressed,
        // so a shape announcing more values than the file's bytes is damage or a foreign file.
        let fileBytes = ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.doubleValue ?? 0
        let announced = shape.reduce(1.0) { $0 * Double($1) }
        guard announced * 4 <= fileBytes + 4096 else {
            throw StoreError.foreign(path: path, reason: "dataset \(name) announces \(shape) values, more than the file's \(Int(fileBytes)) bytes hold")
        }
        let n = shape.reduce(1, *)
        let type = H5Dget_type(ds)
        guard type >= 0 else { throw StoreError.foreign(path: path, reason: "dataset \(name) has no readable type") }
        defer { H5Tclose(type) }
        let cls = H5Tget_class(type), size = H5Tget_size(type)
        func load<T: Numeric>(_ memType: hid_t, _ zero: T) throws -> [T] {
            var out = [T](repeating: zero, count: n)
            let status = out.withUnsafeMutableBytes {
                H5Dread(ds, memType, reprise_H5S_ALL(), reprise_H5S_ALL(), reprise_H5P_DEFAULT(), $0.baseAddress)
            }
            guard status >= 0 else { throw StoreError.cannotOpen(path: path) }
            return out
        }
        if cls == H5T_FLOAT && size == 4 { return (.float32(try load(reprise_H5T_NATIVE_FLOAT(), Float(0))), shape) }
        if cls == H5T_FLOAT { return (.float64(try load(reprise_H5T_NATIVE_DOUBLE(), 0.0)), shape) }
        if cls == H5T_INTEGER { return (.int64(try load(reprise_H5T_NATIVE_INT64(), Int64(0))), shape) }
        throw StoreError.foreign(path: path, reason: "dataset \(name) is neither numbers nor integers")
    }

    func setAttribute(_ object: String, _ name: String, _ value: AttributeValue) throws {
        let obj = H5Oopen(id, object, reprise_H5P_DEFAULT())
        guard obj >= 0 else { throw StoreError.writeFailed(path: path, object: object) }
        defer { H5Oclose(obj) }
        let space = H5Screate(H5S_SCALAR)
        defer { H5Sclose(space) }
        var status: herr_t = -1
        switch value {
        case .string(let s):
            // Variable-length UTF-8: h5py reads it as `str`, h5dump prints it as text.
            let type = H5Tcopy(reprise_H5T_C_S1())
            defer { H5Tclose(type) }
            H5Tset_size(type, reprise_H5T_VARIABLE())
            H5Tset_cset(type, H5T_CSET_UTF8)
            let attr = H5Acreate2(obj, name, type, space, reprise_H5P_DEFAULT(), reprise_H5P_DEFAULT())
            guard attr >= 0 else { break }
            status = s.withCString { chars in
                var pointer: UnsafePointer<CChar>? = chars
                return H5Awrite(attr, type, &pointer)
            }
            H5Aclose(attr)
        case .int(let v):
            let attr = H5Acreate2(obj, name, reprise_H5T_STD_I64LE(), space, reprise_H5P_DEFAULT(), reprise_H5P_DEFAULT())
            guard attr >= 0 else { break }
            var x = v
            status = H5Awrite(attr, reprise_H5T_NATIVE_INT64(), &x)
            H5Aclose(attr)
        case .double(let v):
            let attr = H5Acreate2(obj, name, reprise_H5T_IEEE_F64LE(), space, reprise_H5P_DEFAULT(), reprise_H5P_DEFAULT())
            guard attr >= 0 else { break }
            var x = v
            status = H5Awrite(attr, reprise_H5T_NATIVE_DOUBLE(), &x)
            H5Aclose(attr)
        }
        guard status >= 0 else { throw StoreError.writeFailed(path: path, object: "\(object)@\(name)") }
    }

    /// All attributes of an object, by name.
    func attributes(_ object: String) throws -> [String: AttributeValue] {
        let obj = H5Oopen(id, object, reprise_H5P_DEFAULT())
        guard obj >= 0 else { throw StoreError.missingObject(path: path, object: object) }
        defer { H5Oclose(obj) }
        var info = H5O_info_t()
        H5Oget_info2(obj, &info, UInt32(H5O_INFO_NUM_ATTRS))
        var result: [String: AttributeValue] = [:]
        for k in 0..<info.num_attrs {
            let attr = H5Aopen_by_idx(obj, ".", H5_INDEX_NAME, H5_ITER_INC, k, reprise_H5P_DEFAULT(), reprise_H5P_DEFAULT())
            guard attr >= 0 else { continue }
            defer { H5Aclose(attr) }
            let nameSize = H5Aget_name(attr, 0, nil)
            var nameBuffer = [CChar](repeating: 0, count: Int(nameSize) + 1)
            H5Aget_name(attr, nameBuffer.count, &nameBuffer)
            let name = String(cString: nameBuffer)
            let type = H5Aget_type(attr)
            guard type >= 0 else { continue }
            defer { H5Tclose(type) }
            // Reprise's attributes are scalars: anything with more than one element is not one of
            // them, and reading it into a scalar would overrun the buffer. Skip it.
            let space = H5Aget_space(attr)
            guard space >= 0 else { continue }
            let elements = H5Sget_simple_extent_npoints(space)
            H5Sclose(space)
            guard elements == 1 else { continue }
            switch H5Tget_class(type) {
            case H5T_STRING:
                guard H5Tis_variable_str(type) > 0 else {
                    throw StoreError.foreign(path: path, reason: "attribute \(name) is a fixed-length string")
                }
                var pointer: UnsafeMutablePointer<CChar>? = nil
                let memType = H5Tcopy(type)
                let status = H5Aread(attr, memType, &pointer)
                H5Tclose(memType)
                guard status >= 0 else { continue }
                result[name] = .string(pointer.map { String(cString: $0) } ?? "")
                H5free_memory(pointer)
            case H5T_INTEGER:
                var v: Int64 = 0
                guard H5Aread(attr, reprise_H5T_NATIVE_INT64(), &v) >= 0 else { continue }
                result[name] = .int(v)
            case H5T_FLOAT:
                var v = 0.0
                guard H5Aread(attr, reprise_H5T_NATIVE_DOUBLE(), &v) >= 0 else { continue }
                result[name] = .double(v)
            default:
                continue
            }
        }
        return result
    }

    /// The HDF5 library version, e.g. "1.10.8".
    static var libraryVersion: String {
        var major: UInt32 = 0, minor: UInt32 = 0, release: UInt32 = 0
        H5get_libversion(&major, &minor, &release)
        return "\(major).\(minor).\(release)"
    }
}
