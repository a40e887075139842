/// A dense row-major matrix. Rows are examples when it holds a batch.
///
/// `resize(rows:)` shrinks or regrows the row count inside the capacity already allocated, so the
/// buffers of a training step are allocated once and reused for every batch, including the last,
/// shorter one.
public struct Matrix<S: Scalar>: Equatable, Sendable {
    public static func == (a: Matrix, b: Matrix) -> Bool { a.shape == b.shape && a.storage == b.storage }

    public var rows: Int { shape.rows }
    public var cols: Int { shape.cols }
    @usableFromInline var shape: (rows: Int, cols: Int)
    /// The `rows × cols` entries, row after row.
    public var storage: [S]

    public init(rows: Int, cols: Int, repeating value: S = 0) {
        precondition(rows >= 0 && cols >= 0, "matrix dimensions must be non-negative")
        shape = (rows, cols)
        storage = [S](repeating: value, count: rows * cols)
    }

    public init(rows: Int, cols: Int, storage: [S]) {
        precondition(storage.count == rows * cols, "storage has \(storage.count) entries, not \(rows)×\(cols)")
        shape = (rows, cols)
        self.storage = storage
    }

    public var count: Int { rows * cols }

    @inlinable public subscript(row: Int, col: Int) -> S {
        get { storage[row * cols + col] }
        set { storage[row * cols + col] = newValue }
    }

    /// Changes the number of rows, keeping the allocation (rows beyond the old count are zero).
    /// Inlinable, so that it is specialised where it is called: a generic element-by-element append
    /// made second-order forward mode ten times slower.
    @inlinable
    public mutating func resize(rows newRows: Int) {
        guard newRows != rows else { return }
        if newRows < rows {
            storage.removeLast((rows - newRows) * cols)
        } else {
            storage.append(contentsOf: repeatElement(0, count: (newRows - rows) * cols))
        }
        shape.rows = newRows
    }

    /// Changes both dimensions, keeping the allocation when it is large enough (entries are zeroed).
    @inlinable
    public mutating func reshape(rows newRows: Int, cols newCols: Int) {
        guard newRows != rows || newCols != cols else { return }
        storage.removeAll(keepingCapacity: true)
        storage.append(contentsOf: repeatElement(0, count: newRows * newCols))
        shape = (newRows, newCols)
    }

    @inlinable
    public mutating func fill(_ value: S) {
        storage.withUnsafeMutableBufferPointer { $0.update(repeating: value) }
    }
}

/// `C ← α·op(A)·op(B) + β·C` through BLAS; `op` transposes when asked. Dimensions are checked.
@inlinable
public func gemm<S: Scalar>(_ a: Matrix<S>, _ b: Matrix<S>, into c: inout Matrix<S>,
                            transposeA ta: Bool = false, transposeB tb: Bool = false, alpha: S = 1, beta: S = 0) {
    let m = ta ? a.cols : a.rows, k = ta ? a.rows : a.cols
    let kb = tb ? b.cols : b.rows, n = tb ? b.rows : b.cols
    precondition(k == kb && c.rows == m && c.cols == n,
                 "gemm shapes: op(A) \(m)×\(k), op(B) \(kb)×\(n), C \(c.rows)×\(c.cols)")
    guard m > 0, n > 0 else { return }
    let cc = c.cols
    a.storage.withUnsafeBufferPointer { pa in
        b.storage.withUnsafeBufferPointer { pb in
            c.storage.withUnsafeMutableBufferPointer { pc in
                S.gemm(transA: ta, transB: tb, m: m, n: n, k: k, alpha: alpha,
                       a: pa.baseAddress!, lda: max(a.cols, 1), b: pb.baseAddress!, ldb: max(b.cols, 1),
                       beta: beta, c: pc.baseAddress!, ldc: max(cc, 1))
            }
        }
    }
}
