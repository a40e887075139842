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
public enum IDX {
    /// The dimensions and unsigned-byte contents of an IDX file.
    public static func read(_ path: String) throws -> (shape: [Int], bytes: [UInt8]) {
        let raw = try inflate(path)
        guard raw.count >= 4, raw[0] == 0, raw[1] == 0 else {
            throw DatasetError.malformed(path: path, reason: "bad magic number")
        }
        guard raw[2] == 0x08 else {
            throw DatasetError.malformed(path: path, reason: "type code \(raw[2]), expected 0x08 (unsigned byte)")
        }
        let rank = Int(raw[3])
        let headerSize = 4 + 4 * rank
        guard rank >= 1, raw.count >= headerSize else { throw DatasetError.malformed(path: path, reason: "truncated header") }
        var shape: [Int] = []
        for d in 0..<rank {
            let o = 4 + 4 * d
            shape.append(Int(raw[o]) << 24 | Int(raw[o + 1]) << 16 | Int(raw[o + 2]) << 8 | Int(raw[o + 3]))
        }
        let expected = shape.reduce(1, *)
        guard raw.count - headerSize == expected else {
            throw DatasetError.malformed(path: path, reason: "header promises \(expected) bytes of data, file has \(raw.count - headerSize)")
        }
        return (shape, Array(raw[headerSize...]))
    }

    private static func inflate(_ path: String) throws -> [UInt8] {
        guard let file = gzopen(path, "rb") else {
            throw DatasetError.malformed(path: path, reason: "cannot open")
        }
        defer { gzclose(file) }
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let n = chunk.withUnsafeMutableBytes { gzread(file, $0.baseAddress, UInt32($0.count)) }
            if n < 0 { throw DatasetError.malformed(path: path, reason: "corrupt gzip stream") }
            if n == 0 { break }
            out.append(contentsOf: chunk[0..<Int(n)])
        }
        return out
    }
}
