/// What a training run carries from one step to the next, as a value: named arrays of plain numbers
/// (the optimizer's moments and factors, the parameters, the data-order cursor, every random
/// stream's state, the Double sums behind window and epoch means). A component writes its own
/// entries (`save`) and reads them back (`restore`); a part of a run nests its entries under a name
/// (`put(_:part:)`). Encoded byte for byte, so a checkpoint restores the exact bits of every entry.
///
/// Restoring checks what it reads: a missing entry, another element type or another length is an
/// error naming the entry, never a silent zero.
public struct StateArchive: Sendable, Equatable {
    /// One entry: its element type's name, its element count and the elements' bytes.
    public struct Entry: Sendable, Equatable {
        public var type: String
        public var count: Int
        public var bytes: [UInt8]
    }

    public private(set) var entries: [String: Entry] = [:]

    public init() {}

    // MARK: Writing

    public mutating func put<T: BitwiseCopyable>(_ name: String, _ values: [T]) {
        entries[name] = Entry(type: String(describing: T.self), count: values.count,
                              bytes: values.withUnsafeBytes { Array($0) })
    }

    public mutating func put<T: BitwiseCopyable>(_ name: String, _ values: UnsafeBufferPointer<T>) {
        entries[name] = Entry(type: String(describing: T.self), count: values.count,
                              bytes: Array(UnsafeRawBufferPointer(values)))
    }

    public mutating func put<T: BitwiseCopyable>(_ name: String, _ values: UnsafeMutableBufferPointer<T>) {
        put(name, UnsafeBufferPointer(values))
    }

    public mutating func put(_ name: String, _ value: Int) { put(name, [value]) }
    public mutating func put(_ name: String, _ value: Double) { put(name, [value]) }
    public mutating func put(_ name: String, _ value: Bool) { put(name, [value ? 1 : 0] as [UInt8]) }
    public mutating func put(_ name: String, _ stream: RandomStream) { put(name, stream.stateWords) }

    /// Nests `part`'s entries under `name/`.
    public mutating func put(_ name: String, part: StateArchive) {
        for (key, entry) in part.entries { entries["\(name)/\(key)"] = entry }
    }

    // MARK: Reading

    /// The entries nested under `name/`, without the prefix.
    public func part(_ name: String) -> StateArchive {
        var out = StateArchive()
        let prefix = name + "/"
        for (key, entry) in entries where key.hasPrefix(prefix) { out.entries[String(key.dropFirst(prefix.count))] = entry }
        return out
    }

    public func has(_ name: String) -> Bool { entries[name] != nil }

    /// The entry `name` as an array of `T`, of `count` elements when given.
    public func array<T: BitwiseCopyable>(_ name: String, as type: T.Type = T.self, count: Int? = nil) throws -> [T] {
        let entry = try self.entry(name, type: T.self, count: count)
        return [T](unsafeUninitializedCapacity: entry.count) { buffer, initialized in
            entry.bytes.withUnsafeBytes { UnsafeMutableRawBufferPointer(buffer).copyMemory(from: $0) }
            initialized = entry.count
        }
    }

    /// Copies the entry `name` into `buffer`, which it must fill exactly.
    public func copy<T: BitwiseCopyable>(_ name: String, into buffer: UnsafeMutableBufferPointer<T>) throws {
        let entry = try self.entry(name, type: T.self, count: buffer.count)
        entry.bytes.withUnsafeBytes { UnsafeMutableRawBufferPointer(buffer).copyMemory(from: $0) }
    }

    /// Copies the entry `name` into `array`, which must have its length.
    public func copy<T: BitwiseCopyable>(_ name: String, into array: inout [T]) throws {
        try array.withUnsafeMutableBufferPointer { try copy(name, into: $0) }
    }

    public func int(_ name: String) throws -> Int { try array(name, as: Int.self, count: 1)[0] }
    public func double(_ name: String) throws -> Double { try array(name, as: Double.self, count: 1)[0] }
    public func bool(_ name: String) throws -> Bool { try array(name, as: UInt8.self, count: 1)[0] != 0 }
    public func stream(_ name: String) throws -> RandomStream {
        guard let stream = RandomStream(stateWords: try array(name, as: UInt64.self)) else {
            throw StateError("\(name) is not a random stream's state")
        }
        return stream
    }

    /// Throws naming the first Float or Double entry (outside the names in `exempt`, which may
    /// legitimately hold NaN: recorded rows, diagnostics) with a value that is not finite. A run
    /// whose parameters or optimizer moments stop being finite has diverged and stopped, so no
    /// checkpoint of a running cell holds one: such a state is forged or damaged.
    public func requireFinite(except exempt: Set<String> = []) throws {
        for key in entries.keys.sorted() where !exempt.contains(key) {
            let finite: Bool
            switch entries[key]?.type {
            case "Double"?: finite = try array(key, as: Double.self).allSatisfy(\.isFinite)
            case "Float"?: finite = try array(key, as: Float.self).allSatisfy(\.isFinite)
            default: continue
            }
            guard finite else { throw StateError("\(key) holds a value that is not finite, which no running cell stores") }
        }
    }

    /// The count entry `name`, refused unless it lies in `range` (a step count beyond any budget
    /// would overflow the arithmetic that uses it).
    public func int(_ name: String, in range: ClosedRange<Int>) throws -> Int {
        let value = try int(name)
        guard range.contains(value) else { throw StateError("\(name) is \(value), outside \(range.lowerBound)...\(range.upperBound)") }
        return value
    }

    private func entry<T>(_ name: String, type: T.Type, count: Int?) throws -> Entry {
        guard let entry = entries[name] else { throw StateError("the state has no entry \(name)") }
        let expected = String(describing: T.self)
        guard entry.type == expected else { throw StateError("\(name) holds \(entry.type) values, expected \(expected)") }
        guard entry.bytes.count == entry.count * MemoryLayout<T>.stride else { throw StateError("\(name) is truncated") }
        if let count, entry.count != count { throw StateError("\(name) holds \(entry.count) values, expected \(count)") }
        return entry
    }

    // MARK: Encoding

    private static let magic = Array("reprise-state 1\n".utf8)

    /// The archive as bytes: a header, the entries sorted by name (name, type, count, bytes, each
    /// length-prefixed) and an FNV-1a checksum of everything before it, so a damaged or truncated
    /// file is recognised rather than restored.
    public func encoded() -> [UInt8] {
        var out = Self.magic
        func word(_ x: UInt64) { withUnsafeBytes(of: x.littleEndian) { out += $0 } }
        func text(_ s: String) { let b = Array(s.utf8); word(UInt64(b.count)); out += b }
        word(UInt64(entries.count))
        for key in entries.keys.sorted() {
            let e = entries[key]!
            text(key); text(e.type); word(UInt64(e.count)); word(UInt64(e.bytes.count)); out += e.bytes
        }
        word(Self.checksum(out))
        return out
    }

    public init(decoding bytes: [UInt8]) throws {
        let damaged = StateError("the checkpoint is damaged or truncated")
        guard bytes.count >= Self.magic.count + 16, Array(bytes.prefix(Self.magic.count)) == Self.magic else {
            throw StateError("not a Reprise checkpoint (or one of another format version)")
        }
        let body = bytes.count - 8
        var position = Self.magic.count
        func word() throws -> UInt64 {
            guard position + 8 <= body else { throw damaged }
            var x: UInt64 = 0
            withUnsafeMutableBytes(of: &x) { $0.copyBytes(from: bytes[position..<position + 8]) }
            position += 8
            return UInt64(littleEndian: x)
        }
        func chunk(_ n: UInt64) throws -> ArraySlice<UInt8> {
            guard n <= UInt64(body - position) else { throw damaged }
            defer { position += Int(n) }
            return bytes[position..<position + Int(n)]
        }
        func text() throws -> String {
            String(decoding: try chunk(try word()), as: UTF8.self)
        }
        var stored: UInt64 = 0
        withUnsafeMutableBytes(of: &stored) { $0.copyBytes(from: bytes[body...]) }
        guard UInt64(littleEndian: stored) == Self.checksum(bytes[..<body]) else { throw damaged }
        let count = try word()
        guard count <= UInt64(body) else { throw damaged }
        for _ in 0..<count {
            let name = try text(), type = try text()
            let n = try word(), size = try word()
            let data = try chunk(size)
            guard n <= size else { throw damaged }
            entries[name] = Entry(type: type, count: Int(n), bytes: Array(data))
        }
        guard position == body else { throw damaged }
    }

    private static func checksum<C: Collection>(_ bytes: C) -> UInt64 where C.Element == UInt8 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        return h
    }
}

/// A state that cannot be restored: what is missing or wrong, by entry name.
public struct StateError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}
