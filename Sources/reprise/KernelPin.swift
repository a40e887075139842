import ArgumentParser
import Foundation
import RepriseNumerics

/// The BLAS kernel pin, done by the executable before any command runs: `--blas-kernel` (or
/// `REPRISE_BLAS_KERNEL`) read from the raw arguments, `OPENBLAS_CORETYPE` set, and the process
/// re-executed once when OpenBLAS loaded another core (it reads the variable only at load time).
enum KernelPin {
    /// Pins the kernel asked for, or exits with a usage error naming the bad value.
    static func apply() {
        switch requested(CommandLine.arguments, environment: ProcessInfo.processInfo.environment) {
        case .failure(let error):
            FileHandle.standardError.write(Data("Error: \(error)\n".utf8))
            Foundation.exit(ExitCode.validationFailure.rawValue)
        case .success(let kernel):
            BLASKernel.selected = kernel
            SgemmBackend.current = kernel == .reproducible ? .reprise : .openBLAS
            if let name = ProcessInfo.processInfo.environment["REPRISE_SGEMM_PATH"], !name.isEmpty {
                // Tests and benchmarks force a path of the reproducible sgemm (same bits, other speed).
                let paths: [String: ReproducibleSgemm.Path] = ["scalar": .scalar, "avx2": .avx2, "avx2-wide": .avx2Wide, "avx512": .avx512]
                guard let path = paths[name], ReproducibleSgemm.select(path) else {
                    FileHandle.standardError.write(Data("Error: REPRISE_SGEMM_PATH=\(name): this CPU runs \(ReproducibleSgemm.runnable.map { "\($0)" }.joined(separator: "; ")) (names: scalar, avx2, avx2-wide, avx512)\n".utf8))
                    Foundation.exit(ExitCode.validationFailure.rawValue)
                }
            }
            if let note = enforce(kernel) { FileHandle.standardError.write(Data("note: \(note)\n".utf8)) }
        }
    }

    /// The kernel asked for by `--blas-kernel K` / `--blas-kernel=K` in `arguments`, else by
    /// `REPRISE_BLAS_KERNEL`, else `reproducible`; a message when the value is unknown.
    static func requested(_ arguments: [String], environment: [String: String]) -> Result<BLASKernel, KernelError> {
        var value = environment["REPRISE_BLAS_KERNEL"]
        var i = 0
        while i < arguments.count {
            let a = arguments[i]
            if a == "--blas-kernel", i + 1 < arguments.count { value = arguments[i + 1]; i += 1 }
            else if a.hasPrefix("--blas-kernel=") { value = String(a.dropFirst("--blas-kernel=".count)) }
            i += 1
        }
        guard let value else { return .success(.reproducible) }
        guard let kernel = BLASKernel(rawValue: value) else { return .failure(KernelError(value: value)) }
        return .success(kernel)
    }

    struct KernelError: Error, CustomStringConvertible {
        var value: String
        var description: String { "--blas-kernel must be portable, native or reproducible (found \"\(value)\")" }
    }

    /// Makes the running process use `kernel`, setting `OPENBLAS_CORETYPE` and re-executing the
    /// binary once when OpenBLAS loaded another core. Returns what could not be done, for the caller
    /// to say once: a CPU without AVX2/FMA (portable), an OpenBLAS that is not a DYNAMIC_ARCH build.
    static func enforce(_ kernel: BLASKernel) -> String? {
        guard BLASKernel.isDynamicArch else {
            return "this OpenBLAS is not a DYNAMIC_ARCH build, so its kernel cannot be chosen at run time; results use \(BLASKernel.coreName) and are comparable only on machines with the same build"
        }
        if kernel == .portable, !CPUFeatures.current.runsHaswell {
            return "this CPU lacks AVX2 or FMA, so the portable (Haswell) kernel cannot run; results use \(BLASKernel.coreName) and are not comparable with results computed on the portable kernel"
        }
        if kernel == .reproducible, !CPUFeatures.current.runsHaswell {
            return "this CPU lacks AVX2 or FMA: float32 products run Reprise's sgemm on its scalar path (the same bits, slowly), but the Double and level-1 BLAS that OGR's basis and a few reductions use run on OpenBLAS's \(BLASKernel.coreName) kernel, not the pinned Haswell one, so those cells may differ from results computed elsewhere"
        }
        var environment: [String: String] = [:]
        for key in ["OPENBLAS_CORETYPE", BLASKernel.reexecuted] { if let v = getenv(key) { environment[key] = String(cString: v) } }
        let target = BLASKernel.core(for: kernel, environment: environment)
        if BLASKernel.coreName.lowercased() == target.lowercased() { return nil }
        if environment[BLASKernel.reexecuted] != nil {
            return "OpenBLAS did not take OPENBLAS_CORETYPE=\(target); results use \(BLASKernel.coreName)"
        }
        setenv("OPENBLAS_CORETYPE", target, 1)
        setenv(BLASKernel.reexecuted, "1", 1)
        let arguments = CommandLine.arguments
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        execv("/proc/self/exe", &argv)
        // Only reached when the re-execution failed: say so and go on with the kernel loaded.
        return "could not re-execute with OPENBLAS_CORETYPE=\(target) (errno \(errno)); results use \(BLASKernel.coreName). Set OPENBLAS_CORETYPE=\(target) in the environment"
    }

}
