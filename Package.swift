// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "planboard",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "planboard", targets: ["planboard"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        // SCRAM-SHA-256 verifiers, so a password never reaches the server (postgres-nio uses it too).
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
    ],
    targets: [
        .target(name: "PlanModel"),
        .target(name: "PlanExchange", dependencies: ["PlanModel"]),
        .target(name: "PlanReport", dependencies: ["PlanModel"]),
        .target(name: "PlanImport", dependencies: ["PlanModel", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        // What every store does (PlanStoring, its errors, undo from the log), apart from how:
        // the dashboard and both backends depend on it, and neither backend on the other.
        .target(name: "PlanStoreContract", dependencies: ["PlanModel"]),
        .target(name: "PlanStore", dependencies: ["PlanModel", "PlanStoreContract", "PlanExchange", .product(name: "GRDB", package: "GRDB.swift")]),
        .target(
            name: "PlanStorePostgres",
            dependencies: ["PlanModel", "PlanStoreContract", .product(name: "PostgresNIO", package: "postgres-nio"),
                           .product(name: "Crypto", package: "swift-crypto")]
        ),
        .target(
            name: "CNcurses",
            linkerSettings: [.linkedLibrary("ncursesw")]
        ),
        .target(
            name: "BoardCore",
            dependencies: ["PlanModel", .product(name: "TOMLKit", package: "TOMLKit")]
        ),
        .target(name: "BoardLoop", dependencies: ["BoardCore", "PlanModel"]),
        .target(
            name: "ShippedThemes",
            path: "themes",
            exclude: ["README.md"],
            resources: [.copy("default.toml"), .copy("light.toml"), .copy("high-contrast.toml"), .copy("colour-blind.toml"), .copy("mono.toml")]
        ),
        .target(
            name: "SamplePlans",
            path: "sample-data",
            exclude: ["README.md"],
            resources: [
                .copy("devon-app.json"),
                .copy("devon-app-illustrative.json"),
                .copy("fictional-five-areas.json"),
            ]
        ),
        .executableTarget(
            name: "planboard",
            dependencies: [
                "PlanModel", "PlanExchange", "PlanStore", "PlanStorePostgres", "PlanReport", "SamplePlans", "BoardCore", "BoardLoop", "CNcurses", "ShippedThemes", "PlanImport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .executableTarget(name: "planboard-samples", dependencies: ["PlanModel", "PlanExchange"]),
        .executableTarget(
            name: "planboard-bench",
            dependencies: ["BoardCore", "PlanModel", "PlanExchange", "SamplePlans"]
        ),
        // Weighs the store's two readers of its JSON columns (docs/BENCHMARKS.md).
        .executableTarget(name: "planboard-bench-store", dependencies: ["PlanModel", "PlanStore"]),
        .target(name: "TestSupport", dependencies: ["PlanModel", "PlanExchange", "PlanStore", "SamplePlans"]),
        .testTarget(name: "PlanModelTests", dependencies: ["PlanModel", "TestSupport"]),
        .testTarget(name: "PlanExchangeTests", dependencies: ["PlanModel", "PlanExchange", "TestSupport"], exclude: ["BadInput"]),
        .testTarget(name: "PlanReportTests", dependencies: ["PlanModel", "PlanReport", "TestSupport"], exclude: ["Golden"]),
        .testTarget(name: "PlanImportTests", dependencies: ["PlanModel", "PlanImport", "PlanExchange", "PlanStore", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "PlanStoreTests", dependencies: ["PlanModel", "PlanExchange", "PlanStore", "PlanStorePostgres", "TestSupport",
                                                   .product(name: "PostgresNIO", package: "postgres-nio")]),
        .testTarget(name: "PlanboardTests", dependencies: ["PlanModel", "PlanStore", "BoardCore", "TestSupport"]),
        .testTarget(name: "BoardLoopTests", dependencies: ["BoardLoop", "BoardCore", "PlanModel", "PlanReport", "TestSupport"]),
        .testTarget(name: "BoardCoreTests", dependencies: ["BoardCore", "PlanModel", "PlanStore", "TestSupport", "ShippedThemes"], exclude: ["Golden"]),
    ],
    swiftLanguageModes: [.v6]
)
