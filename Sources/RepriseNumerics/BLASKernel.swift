import COpenBLAS
#if canImport(Glibc)
import Glibc
#endif

/// Which OpenBLAS compute kernel Reprise runs on. OpenBLAS picks its kernels when the library loads,
/// and different kernels (Haswell, SkylakeX, Sandybridge, …) sum in different orders: the same cell
/// gives different numbers on different kernels.
///
/// - `portable` pins the Haswell kernels, which every x86-64 CPU with AVX2 and FMA runs, so that one
///   build gives identical datasets on any such CPU. Tests that compare bits run on it too.
/// - `native` is the fastest correct kernel for this CPU, chosen by Reprise from the CPU's features
///   (`CPUFeatures.fastestCore`), not from OpenBLAS's CPU-model table, which does not know every
///   model (virtual machines report generic names). An `OPENBLAS_CORETYPE` already set in the
///   environment is honoured. Faster on newer CPUs; not comparable across kernels.
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
    /// `REPRISE_BLAS_KERNEL`, else `portable`; a message when the value is unknown.
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

    /// The OpenBLAS core type `kernel` asks for on this CPU: Haswell for `portable`; for `native`, an
    /// `OPENBLAS_CORETYPE` set by the user, else the fastest core the CPU's features allow.
    public static func core(for kernel: BLASKernel, environment: [String: String]) -> String {
        switch kernel {
        case .portable: return portableCore
        case .native:
            if let user = environment["OPENBLAS_CORETYPE"], !user.isEmpty, environment[reexecuted] == nil { return user }
            return CPUFeatures.current.fastestCore
        }
    }

    /// Makes the running process use `kernel`, setting `OPENBLAS_CORETYPE` and re-executing the
    /// binary once when OpenBLAS loaded another core. Returns what could not be done, for the caller
    /// to say once: a CPU without AVX2/FMA (portable), an OpenBLAS that is not a DYNAMIC_ARCH build.
    public static func enforce(_ kernel: BLASKernel) -> String? {
        guard isDynamicArch else {
            return "this OpenBLAS is not a DYNAMIC_ARCH build, so its kernel cannot be chosen at run time; results use \(coreName) and are comparable only on machines with the same build"
        }
        if kernel == .portable, !CPUFeatures.current.runsHaswell {
            return "this CPU lacks AVX2 or FMA, so the portable (Haswell) kernel cannot run; results use \(coreName) and are not comparable with results computed on the portable kernel"
        }
        var environment: [String: String] = [:]
        for key in ["OPENBLAS_CORETYPE", reexecuted] { if let v = getenv(key) { environment[key] = String(cString: v) } }
        let target = core(for: kernel, environment: environment)
        if coreName.lowercased() == target.lowercased() { return nil }
        if environment[reexecuted] != nil {
            return "OpenBLAS did not take OPENBLAS_CORETYPE=\(target); results use \(coreName)"
        }
        setenv("OPENBLAS_CORETYPE", target, 1)
        setenv(reexecuted, "1", 1)
        let arguments = CommandLine.arguments
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        execv("/proc/self/exe", &argv)
        // Only reached when the re-execution failed: say so and go on with the kernel loaded.
        return "could not re-execute with OPENBLAS_CORETYPE=\(target) (errno \(errno)); results use \(coreName). Set OPENBLAS_CORETYPE=\(target) in the environment"
    }

    /// The kernel OpenBLAS runs, e.g. "Haswell", "Zen", "SkylakeX".
    public static var coreName: String {
        guard let c = openblas_get_corename() else { return "unknown" }
        return String(cString: c)
    }

    /// What `blas_kernel` records in every cell: the core in use and how it was chosen.
    public static func recorded(_ kernel: BLASKernel) -> String { "\(coreName) (\(kernel.rawValue))" }

    static var isDynamicArch: Bool { BLASThreads.libraryDescription.contains("DYNAMIC_ARCH") }

    /// Whether this process computes on the portable kernel, for tests that compare bits with numbers
    /// computed elsewhere: `.pinned`, `.unavailable(why)` where the pin cannot run (the test is then
    /// skipped, saying why), or `.notPinned(core)` (run through `make test`, which pins it).
    public enum PinStatus: Equatable, Sendable {
        case pinned
        case unavailable(String)
        case notPinned(String)
    }

    public static var pinStatus: PinStatus {
        if !isDynamicArch { return .unavailable("this OpenBLAS is not a DYNAMIC_ARCH build: the Haswell kernel cannot be pinned") }
        if !CPUFeatures.current.runsHaswell { return .unavailable("this CPU lacks AVX2 or FMA: the pinned Haswell kernel cannot run here") }
        if coreName.lowercased() == portableCore.lowercased() { return .pinned }
        return .notPinned(coreName)
    }

    /// The message a bit-comparison test gives when the process is not on the pinned kernel.
    public static func notPinnedMessage(_ core: String) -> String {
        "OpenBLAS runs its \(core) kernel in this process; bit comparisons need the pinned \(portableCore) kernel that the CLI uses. Run `make test`, or set OPENBLAS_CORETYPE=\(portableCore)"
    }
}

/// The x86-64 features that decide which OpenBLAS cores can run, from `/proc/cpuinfo`.
public struct CPUFeatures: Sendable {
    public var flags: Set<String>

    public init(flags: Set<String>) { self.flags = flags }

    /// This machine's features; when they cannot be read, AVX2 and FMA are assumed (OpenBLAS then tries).
    public static let current: CPUFeatures = {
        guard let text = cpuinfoLine("flags") else { return CPUFeatures(flags: ["avx", "avx2", "fma"]) }
        return CPUFeatures(flags: Set(text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).map(String.init)))
    }()

    /// The first line of `/proc/cpuinfo` that starts with `key`, or nil.
    private static func cpuinfoLine(_ key: String) -> String? {
        guard let f = fopen("/proc/cpuinfo", "r") else { return nil }
        defer { fclose(f) }
        var line: UnsafeMutablePointer<CChar>? = nil
        var size = 0
        defer { free(line) }
        while getline(&line, &size, f) > 0 {
            guard let line else { continue }
            let text = String(cString: line)
            if text.hasPrefix(key) { return text }
        }
        return nil
    }

    public var runsHaswell: Bool { flags.isSuperset(of: ["avx2", "fma"]) }

    /// The CPU's model name from `/proc/cpuinfo` ("unknown" when it cannot be read): wall-clock
    /// data name the machine they were measured on.
    public static let modelName: String = {
        guard let text = cpuinfoLine("model name"), let colon = text.firstIndex(of: ":") else { return "unknown" }
        let value = text[text.index(after: colon)...].drop { $0 == " " || $0 == "\t" }
        return String(value.reversed().drop { $0 == "\n" || $0 == " " }.reversed())
    }()

    /// The fastest OpenBLAS core these features run correctly: SkylakeX with AVX-512 (F, CD, BW, DQ,
    /// VL: the set OpenBLAS's SkylakeX kernels use), Haswell with AVX2 and FMA, Sandybridge with AVX,
    /// Nehalem with SSE4.2, else Prescott (SSE3, every x86-64 CPU OpenBLAS supports).
    public var fastestCore: String {
        if flags.isSuperset(of: ["avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl"]) && runsHaswell { return "SkylakeX" }
        if runsHaswell { return "Haswell" }
        if flags.contains("avx") { return "Sandybridge" }
        if flags.contains("sse4_2") { return "Nehalem" }
        return "Prescott"
    }
}
