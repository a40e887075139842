import COpenBLAS
#if canImport(Glibc)
import Glibc
#endif

/// Which OpenBLAS compute kernel Reprise runs on. OpenBLAS picks its kernels for the CPU when the
/// library loads, and different kernels (Haswell, SkylakeX, Zen, …) sum in different orders: the same
/// cell gives different numbers on different CPUs. `portable` pins the Haswell kernels, which every
/// x86-64 CPU with AVX2 and FMA runs, so that one build gives identical datasets on any such CPU;
/// `native` lets OpenBLAS choose (faster on newer CPUs, not comparable across machines).
///
/// OpenBLAS reads `OPENBLAS_CORETYPE` once, at load time, before `main`: the command line therefore
/// sets it for itself and re-executes itself once (`BLASKernel.enforce`), so users never have to.
public enum BLASKernel: String, Sendable, CaseIterable {
    case portable, native

    /// The kernel this process was asked for (set once by the command line before anything runs).
    nonisolated(unsafe) public static var selected: BLASKernel = .portable

    /// The OpenBLAS core type the portable kernel pins.
    public static let portableCore = "Haswell"
    static let reexecuted = "REPRISE_BLAS_REEXECUTED"

    /// The kernel asked for by `--blas-kernel K` / `--blas-kernel=K` in `arguments`, else by
    /// `REPRISE_BLAS_KERNEL`, else `portable`; nil with a message when the value is unknown.
    public static func requested(_ arguments: [String], environment: [String: String]) -> Result<BLASKernel, KernelError> {
        var value = environment["REPRISE_BLAS_KERNEL"]
        var i = 0
        while i < arguments.count {
            let a = arguments[i]
            if a == "--blas-kernel", i + 1 < arguments.count { value = arguments[i + 1]; i += 1 }
            else if a.hasPrefix("--blas-kernel=") { value = String(a.dropFirst("--blas-kernel=".count)) }
            i += 1
        }
        guard let value else { return .success(.portable) }
        guard let kernel = BLASKernel(rawValue: value) else { return .failure(KernelError(value: value)) }
        return .success(kernel)
    }

    public struct KernelError: Error, CustomStringConvertible {
        public var value: String
        public var description: String { "--blas-kernel must be portable or native (found \"\(value)\")" }
    }

    /// Makes the running process use `kernel`: for `portable`, sets `OPENBLAS_CORETYPE=Haswell` and
    /// re-executes the binary once when it is not set already. Returns what could not be done, for
    /// the caller to say once: a CPU without AVX2/FMA, or an OpenBLAS that is not a DYNAMIC_ARCH build.
    public static func enforce(_ kernel: BLASKernel) -> String? {
        guard kernel == .portable else { return nil }
        guard isDynamicArch else {
            return "this OpenBLAS is not a DYNAMIC_ARCH build, so its kernel cannot be chosen at run time; results use \(coreName) and are comparable only on machines with the same build"
        }
        guard cpuHasAVX2AndFMA else {
            return "this CPU lacks AVX2 or FMA, so the portable (Haswell) kernel cannot run; results use \(coreName) and are not comparable with results computed on the portable kernel"
        }
        if getenv("OPENBLAS_CORETYPE").map({ String(cString: $0) }) == portableCore { return nil }
        if getenv(reexecuted) != nil {
            return "OpenBLAS did not take OPENBLAS_CORETYPE=\(portableCore); results use \(coreName)"
        }
        setenv("OPENBLAS_CORETYPE", portableCore, 1)
        setenv(reexecuted, "1", 1)
        let arguments = CommandLine.arguments
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        execv("/proc/self/exe", &argv)
        // Only reached when the re-execution failed: say so and go on with the kernel loaded.
        return "could not re-execute with OPENBLAS_CORETYPE=\(portableCore) (errno \(errno)); results use \(coreName). Set OPENBLAS_CORETYPE=\(portableCore) in the environment"
    }

    /// The kernel OpenBLAS runs, e.g. "Haswell", "Zen", "SkylakeX".
    public static var coreName: String {
        guard let c = openblas_get_corename() else { return "unknown" }
        return String(cString: c)
    }

    /// What `blas_kernel` records in every cell: the core in use and how it was chosen.
    public static func recorded(_ kernel: BLASKernel) -> String { "\(coreName) (\(kernel.rawValue))" }

    static var isDynamicArch: Bool { BLASThreads.libraryDescription.contains("DYNAMIC_ARCH") }

    static var cpuHasAVX2AndFMA: Bool {
        guard let f = fopen("/proc/cpuinfo", "r") else { return true }  // cannot tell: let OpenBLAS try
        defer { fclose(f) }
        var line: UnsafeMutablePointer<CChar>? = nil
        var size = 0
        defer { free(line) }
        while getline(&line, &size, f) > 0 {
            guard let line else { continue }
            let text = String(cString: line)
            if text.hasPrefix("flags") {
                let flags = Set(text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).map(String.init))
                return flags.contains("avx2") && flags.contains("fma")
            }
        }
        return true
    }
}
