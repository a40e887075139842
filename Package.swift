// swift-tools-version:6.1
import PackageDescription

// Modules are split by what they depend on (STYLE.md): C shims in their own tiny targets,
// numerics on BLAS, training code, the HDF5 store, spec parsing, the runner, and the reports,
// which read the store and never import the training code.
let package = Package(
    name: "Reprise",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "reprise", targets: ["reprise"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    ],
    targets: [
        .systemLibrary(name: "COpenBLAS", pkgConfig: "openblas",
                       providers: [.apt(["libopenblas-dev"])]),
        .systemLibrary(name: "CHDF5", pkgConfig: "hdf5",
                       providers: [.apt(["libhdf5-dev"])]),
        .systemLibrary(name: "CZlib", providers: [.apt(["zlib1g-dev"])]),

        .target(name: "RepriseNumerics", dependencies: ["COpenBLAS", "CKernels"]),
        // The optimizers' float32 updates and the reproducible sgemm in C: builds for baseline x86-64,
        // AVX2/FMA and AVX-512, chosen at run time, bit-identical (Swift cannot compile one function
        // for a wider target).
        .target(name: "CKernels", cSettings: [.unsafeFlags(["-fno-math-errno", "-O2"])]),
        // Configuration values, key rules and component descriptions: what specs and components share.
        .target(name: "RepriseConfig"),
        .target(name: "RepriseLearning", dependencies: ["RepriseNumerics", "RepriseConfig", "CZlib", "CKernels"]),
        .target(name: "RepriseStore", dependencies: ["CHDF5"]),
        .target(name: "RepriseExperiments", dependencies: ["RepriseConfig", "TOMLKit"]),
        .target(name: "RepriseRunner",
                dependencies: ["RepriseNumerics", "RepriseConfig", "RepriseLearning", "RepriseStore", "RepriseExperiments"],
                plugins: ["SourceDigest"]),
        // The digest of the compiled source, recorded with every result (scripts/source-digest.sh).
        .plugin(name: "SourceDigest", capability: .buildTool()),
        .target(name: "RepriseReports", dependencies: ["RepriseStore", "RepriseExperiments", "RepriseConfig", "RepriseNumerics"]),
        // What each command does, apart from parsing its arguments (the executable is options only).
        .target(name: "RepriseCommands", dependencies: ["RepriseRunner", "RepriseReports", "RepriseExperiments", "RepriseLearning",
                                                        "RepriseNumerics", "RepriseConfig", "RepriseStore"]),
        .executableTarget(name: "reprise", dependencies: [
            "RepriseCommands", "RepriseRunner", "RepriseReports", "RepriseExperiments", "RepriseLearning", "RepriseNumerics", "RepriseConfig",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        .testTarget(name: "RepriseNumericsTests", dependencies: ["RepriseNumerics", "CKernels"]),
        .testTarget(name: "RepriseLearningTests", dependencies: ["RepriseLearning", "RepriseConfig"],
                    exclude: ["Fixtures"]),  // read by path: PyTorch's numbers, written by scripts/torch-optim-fixture.py
        .testTarget(name: "RepriseStoreTests", dependencies: ["RepriseStore", "CHDF5"]),
        .testTarget(name: "RepriseExperimentsTests", dependencies: ["RepriseExperiments", "RepriseLearning", "RepriseConfig"]),
        .testTarget(name: "RepriseRunnerTests", dependencies: ["RepriseRunner", "RepriseReports", "RepriseLearning", "RepriseConfig", "RepriseCommands"],
                    exclude: ["Fixtures"]),  // read by path: SciPy's statistics, written by scripts/claims-fixture.py
    ],
    swiftLanguageModes: [.v5]
)
