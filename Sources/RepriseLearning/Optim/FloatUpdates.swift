import CKernels

/// Which code computes the float32 optimizer updates (Adam, RMSProp, Adagrad, the momentum trace):
/// the C kernels, compiled for baseline x86-64 and for AVX2/FMA and chosen at run time, or the Swift
/// formulas that Double runs. All give the same bits (`FloatUpdateBuildTests` checks it); tests switch
/// among them, nothing else does.
enum FloatUpdates {
    enum Route: Equatable {
        /// The C kernels, the AVX2/FMA build where the CPU has it (what every run uses).
        case automatic
        /// The C kernels' baseline x86-64 build.
        case baseline
        /// The C kernels' AVX2/FMA build; false from `select` when the CPU lacks it.
        case avx2
        /// The Swift generic formulas, as Double runs them.
        case swift
    }

    nonisolated(unsafe) static var useC = true

    /// Routes every float32 update through `route`; false when the CPU cannot run it.
    @discardableResult
    static func select(_ route: Route) -> Bool {
        useC = route != .swift
        switch route {
        case .automatic, .swift: reprise_kernels_select(-1); return true
        case .baseline: return reprise_kernels_select(0) == 0
        case .avx2: return reprise_kernels_select(1) == 1
        }
    }
}
