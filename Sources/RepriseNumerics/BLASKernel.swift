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
/// - `reproducible` computes every float32 matrix product with Reprise's own sgemm
///   (`ReproducibleSgemm`: one fma per product in the order of k, vectorised across rows and columns
///   only), whose bits are the same on every x86-64 CPU at the speed of its widest vectors (AVX-512
///   where present); the rest of BLAS (Double, level 1, syrk, trsm) stays on the pinned Haswell kernel.
///   The default, and the kernel of the committed results since 2026-11-30 (before: `portable`).
///
/// OpenBLAS reads `OPENBLAS_CORETYPE` once, at load time, before `main`: the command line therefore
/// sets it for itself and re-executes itself once (`KernelPin` in the executable), so users never have to.
public enum BLASKernel: String, Sendable, CaseIterable {
    case portable, native, reproducible

    /// The kernel this process was asked for (set once by the command line before anything runs).
    nonisolated(unsafe) public static var selected: BLASKernel = .reproducible

    /// The OpenBLAS core type the portable kernel pins.
    public static let portableCore = "Haswell"
    /// Set in the environment of the process the command line re-executed to pin the kernel.
    public static let reexecuted = "REPRISE_BLAS_REEXECUTED"

    /// The OpenBLAS core type `kernel` asks for on this CPU: Haswell for `portable`; for `native`, an
    /// `OPENBLAS_CORETYPE` set by the user, else the fastest core the CPU's features allow.
    public static func core(for kernel: BLASKernel, environment: [String: String]) -> String {
        switch kernel {
        case .portable, .reproducible: return portableCore
        case .native:
            if let user = environment["OPENBLAS_CORETYPE"], !user.isEmpty, environment[reexecuted] == nil { return user }
            return CPUFeatures.current.fastestCore
        }
    }

    /// The kernel OpenBLAS runs, e.g. "Haswell", "Zen", "SkylakeX".
    public static var coreName: String {
        guard let c = openblas_get_corename() else { return "unknown" }
        return String(cString: c)
    }

    /// What `blas_kernel` records in every cell: the core in use and how it was chosen.
    public static func recorded(_ kernel: BLASKernel) -> String {
        kernel == .reproducible ? "\(coreName) with Reprise's sgemm, \(ReproducibleSgemm.path) (reproducible)" : "\(coreName) (\(kernel.rawValue))"
    }

    /// The kernel a recorded `blas_kernel` names ("Haswell (portable)", "Haswell with Reprise's
    /// sgemm, avx512 (reproducible)"), or nil when it names none.
    public static func kind(ofRecorded recorded: String) -> BLASKernel? {
        guard recorded.hasSuffix(")"), let open = recorded.lastIndex(of: "(") else { return nil }
        return BLASKernel(rawValue: String(recorded[recorded.index(after: open)..<recorded.index(before: recorded.endIndex)]))
    }

    /// A recorded `blas_kernel` in words a reader will not take for a CPU: "the reproducible kernel
    /// (Reprise's sgemm on its avx512 path, OpenBLAS's Haswell kernel for the rest)", "the portable
    /// kernel (OpenBLAS's Haswell kernel)"; unrecognised records as they are.
    public static func readable(_ recorded: String) -> String {
        guard let kind = kind(ofRecorded: recorded), let open = recorded.lastIndex(of: "(") else { return recorded }
        var body = recorded[..<open]
        while body.last == " " { body = body.dropLast() }
        if kind == .reproducible, let with = body.firstRange(of: " with Reprise's sgemm, ") {
            return "the reproducible kernel (Reprise's sgemm on its \(body[with.upperBound...]) path, OpenBLAS's \(body[..<with.lowerBound]) kernel for the rest)"
        }
        return "the \(kind.rawValue) kernel (OpenBLAS's \(body) kernel)"
    }

    /// The `--blas-kernel` value that reruns a cell recorded as `recorded` ("…" when it names none).
    public static func flag(forRecorded recorded: String) -> String { kind(ofRecorded: recorded)?.rawValue ?? "…" }

    /// Whether cells recorded as `a` and `b` were computed with the same rounding: the reproducible
    /// kernel on any of its paths, or the same OpenBLAS core chosen the same way. Unrecognised
    /// records are taken as the same (older files, foreign builds: `verify` decides).
    public static func sameRounding(_ a: String, _ b: String) -> Bool {
        guard let ka = kind(ofRecorded: a), let kb = kind(ofRecorded: b) else { return true }
        return ka == kb && (ka == .reproducible || a == b)
    }

    public static var isDynamicArch: Bool { BLASThreads.libraryDescription.contains("DYNAMIC_ARCH") }

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
