/// Dense symmetric linear algebra through LAPACK.
public enum LinearAlgebraError: Error, CustomStringConvertible {
    case notPositiveDefinite(order: Int)
    case eigendecompositionFailed(info: Int)

    public var description: String {
        switch self {
        case .notPositiveDefinite(let k):
            return "matrix is not positive definite (leading minor \(k) is not positive)"
        case .eigendecompositionFailed(let info):
            return "symmetric eigendecomposition did not converge (LAPACK info \(info))"
        }
    }
}

/// Solves `A X = B` for symmetric positive definite `A` (n×n) by Cholesky, never forming `A⁻¹`.
/// `b` is n×r; returns X (n×r).
public func choleskySolve<S: Scalar>(_ a: Matrix<S>, _ b: Matrix<S>) throws -> Matrix<S> {
    precondition(a.rows == a.cols && b.rows == a.rows, "choleskySolve: A must be n×n and B n×r")
    let n = a.rows
    var factor = a.storage  // symmetric: row-major equals column-major
    let info = factor.withUnsafeMutableBufferPointer { S.potrf(n: n, a: $0.baseAddress!) }
    if info > 0 { throw LinearAlgebraError.notPositiveDefinite(order: info) }
    // LAPACK wants B column-major: each right-hand side contiguous.
    var columns = [S](repeating: 0, count: b.count)
    for i in 0..<n { for j in 0..<b.cols { columns[j * n + i] = b[i, j] } }
    _ = factor.withUnsafeBufferPointer { f in
        columns.withUnsafeMutableBufferPointer { S.potrs(n: n, nrhs: b.cols, a: f.baseAddress!, b: $0.baseAddress!) }
    }
    var x = Matrix<S>(rows: n, cols: b.cols)
    for i in 0..<n { for j in 0..<b.cols { x[i, j] = columns[j * n + i] } }
    return x
}

/// Eigendecomposition of a symmetric matrix: `A = Q diag(λ) Qᵀ`, eigenvalues ascending.
/// Returns the eigenvalues and `Q` with the eigenvectors as columns.
public func symmetricEigen<S: Scalar>(_ a: Matrix<S>) throws -> (values: [S], vectors: Matrix<S>) {
    precondition(a.rows == a.cols, "symmetricEigen: matrix must be square")
    let n = a.rows
    var work = a.storage
    var values = [S](repeating: 0, count: n)
    let info = work.withUnsafeMutableBufferPointer { w in
        values.withUnsafeMutableBufferPointer { S.syev(n: n, a: w.baseAddress!, w: $0.baseAddress!) }
    }
    if info != 0 { throw LinearAlgebraError.eigendecompositionFailed(info: info) }
    // LAPACK returns eigenvectors as columns of a column-major matrix = rows of a row-major one.
    var q = Matrix<S>(rows: n, cols: n)
    for i in 0..<n { for j in 0..<n { q[i, j] = work[j * n + i] } }
    return (values, q)
}
