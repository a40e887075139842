import CZlib
import Foundation

/// Errors reading a dataset, each naming the file and what to do.
public enum DatasetError: Error, CustomStringConvertible {
    case missing(dataset: String, path: String, fix: String)
    case malformed(path: String, reason: String)
    case unknown(String, available: [String])

    public var description: String {
        switch self {
        case .missing(let dataset, let path, let fix):
            return "\(dataset): cannot read \(path). \(fix)"
        case .malformed(let path, let reason):
            return "\(path) is not a valid IDX file: \(reason). Reinstall the dataset or point REPRISE_DATA at good copies."
        case .unknown(let name, let available):
            return "unknown dataset '\(name)'; available: \(available.joined(separator: ", "))"
        }
    }
}

/// Reader for the IDX format of (Fashion-)MNIST (LeCun et al.): a big-endian header — two zero
/// bytes, a type code (0x08 = unsigned byte), the number of dimensions — the dimensions as
/// big-endian UInt32, then the data. Gzip-compressed or plain files are read alike, through zlib.
///
/// Nothing in a file is trusted: only regular files are opened (a FIFO would block for ever), the
/// header must promise the item shape the caller expects and at most `maxBytes` of data before any
/// data is decompressed (a gzip bomb stops there), the data must be exactly what the header promises,
/// and a gzip file must end with its CRC and size trailer and match it (`checkTrailer`).
public enum IDX {
    /// The most data one IDX file may hold: 1 GiB (Fashion-MNIST's largest file holds 47 MB).
    public static let maxBytes = 1 << 30

    /// The dimensions and unsigned-byte contents of an IDX file whose items have shape `itemShape`
    /// (e.g. `[28, 28]` for images, `[]` for labels): the file's shape is `[count] + itemShape`.
    public static func read(_ path: String, itemShape: [Int]) throws -> (shape: [Int], bytes: [UInt8]) {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw DatasetError.malformed(path: path, reason: "cannot open (\(String(cString: strerror(errno))))")
        }
        guard info.st_mode & S_IFMT == S_IFREG else {
            throw DatasetError.malformed(path: path, reason: "not a regular file (a FIFO, device or folder)")
        }
        guard let file = gzopen(path, "rb") else {
            throw DatasetError.malformed(path: path, reason: "cannot open")
        }
        defer { gzclose(file) }
        let magic = try readExactly(file, 4, path: path, what: "header")
        guard magic[0] == 0, magic[1] == 0 else { throw DatasetError.malformed(path: path, reason: "bad magic number") }
        guard magic[2] == 0x08 else {
            throw DatasetError.malformed(path: path, reason: "type code \(magic[2]), expected 0x08 (unsigned byte)")
        }
        let rank = Int(magic[3])
        guard rank == 1 + itemShape.count else {
            throw DatasetError.malformed(path: path, reason: "\(rank) dimensions, expected \(1 + itemShape.count) (a count, then items of shape \(itemShape))")
        }
        let dims = try readExactly(file, 4 * rank, path: path, what: "header")
        let shape = (0..<rank).map { d in (0..<4).reduce(0) { $0 << 8 | Int(dims[4 * d + $1]) } }
        guard Array(shape.dropFirst()) == itemShape else {
            throw DatasetError.malformed(path: path, reason: "items of shape \(Array(shape.dropFirst())), expected \(itemShape)")
        }
        guard shape[0] > 0 else { throw DatasetError.malformed(path: path, reason: "holds no items") }
        // Dimensions are at most 2³² − 1 each: the product is checked before it is trusted.
        var expected = 1
        for d in shape {
            let (product, overflow) = expected.multipliedReportingOverflow(by: d)
            guard !overflow, product <= maxBytes else {
                throw DatasetError.malformed(path: path, reason: "dimensions \(shape) promise more than \(maxBytes) bytes of data")
            }
            expected = product
        }
        let data = try readExactly(file, expected, path: path, what: "data (the header promises \(expected) bytes)")
        var extra: UInt8 = 0
        let more = gzread(file, &extra, 1)
        if more > 0 { throw DatasetError.malformed(path: path, reason: "more data than the header promises (\(expected) bytes)") }
        try checkStream(file, path: path)
        if gzdirect(file) == 0 { try checkTrailer(path, contents: [magic, dims, data]) }
        return (shape, data)
    }

    private static func readExactly(_ file: gzFile, _ count: Int, path: String, what: String) throws -> [UInt8] {
        var out = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let n = out.withUnsafeMutableBytes { gzread(file, $0.baseAddress! + filled, UInt32(min(count - filled, 1 << 24))) }
            if n < 0 { try checkStream(file, path: path); throw DatasetError.malformed(path: path, reason: "corrupt gzip stream") }
            if n == 0 { try checkStream(file, path: path); throw DatasetError.malformed(path: path, reason: "truncated \(what): \(filled) of \(count) bytes") }
            filled += Int(n)
        }
        return out
    }

    /// Fails unless the gzip file at `path` ends with the CRC-32 and size (mod 2³²) of `contents`,
    /// what it decompressed to. zlib's reader misses a file cut anywhere in its last 9 bytes when
    /// the file is larger than its input buffer (it stops at the end of the input without asking
    /// for the trailer), and a bit flipped in the data is then read as data: the trailer is read
    /// and compared here. The file must be one gzip member, as gzip and the dataset packages write it.
    private static func checkTrailer(_ path: String, contents: [[UInt8]]) throws {
        var crc = crc32(0, nil, 0), size: UInt32 = 0
        for part in contents {
            crc = part.withUnsafeBufferPointer { crc32(crc, $0.baseAddress, uInt($0.count)) }
            size = size &+ UInt32(truncatingIfNeeded: part.count)
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw DatasetError.malformed(path: path, reason: "cannot open to read its gzip trailer")
        }
        defer { try? handle.close() }
        let length = (try? handle.seekToEnd()) ?? 0
        // The smallest gzip file: a 10-byte header, a 2-byte empty block, the 8-byte trailer.
        guard length >= 20, (try? handle.seek(toOffset: length - 8)) != nil,
              let trailer = try? handle.read(upToCount: 8), trailer.count == 8 else {
            throw DatasetError.malformed(path: path, reason: "truncated gzip stream (it ends before its CRC and size trailer)")
        }
        let word = { (at: Int) in (0..<4).reduce(UInt32(0)) { $0 | UInt32(trailer[trailer.startIndex + at + $1]) << (8 * $1) } }
        guard word(0) == UInt32(truncatingIfNeeded: crc), word(4) == size else {
            throw DatasetError.malformed(path: path, reason: "its gzip trailer does not match its data (CRC-32 \(String(word(0), radix: 16)) stored, "
                                         + "\(String(UInt32(truncatingIfNeeded: crc), radix: 16)) read): the file is cut short or damaged")
        }
    }

    /// Fails when zlib saw a damaged or truncated stream (a missing CRC/size trailer included).
    private static func checkStream(_ file: gzFile, path: String) throws {
        var code: Int32 = 0
        let message = gzerror(file, &code).map { String(cString: $0) } ?? ""
        guard code == Z_OK || code == Z_STREAM_END else {
            let reason = code == Z_BUF_ERROR ? "truncated gzip stream (it ends before its CRC and size trailer)" : "corrupt gzip stream (\(message))"
            throw DatasetError.malformed(path: path, reason: reason)
        }
    }
}
