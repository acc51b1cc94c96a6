// swift-tools-version: 6.1
// The fuzz targets (Fuzz/README.md): libFuzzer executables built with
// `--sanitize fuzzer --sanitize address` into .build-fuzz, apart from the main build.
import PackageDescription

/// A fuzz target: an executable whose only entry point is libFuzzer's LLVMFuzzerTestOneInput.
func fuzzTarget(_ name: String, _ products: [String]) -> Target {
  .executableTarget(
    name: name,
    dependencies: ["FuzzSupport"] + products.map { .product(name: $0, package: "piiscan") })
}

let package = Package(
  name: "piiscan-fuzz",
  platforms: [.macOS(.v15)],
  dependencies: [
    .package(name: "piiscan", path: "..")
  ],
  targets: [
    .target(
      name: "FuzzSupport", dependencies: [.product(name: "PIIScanArchive", package: "piiscan")]),
    fuzzTarget("fuzz-text", ["PIIScanText"]),
    fuzzTarget("fuzz-xlsx", ["PIIScanSheets"]),
    fuzzTarget("fuzz-xls", ["PIIScanSheets"]),
    fuzzTarget("fuzz-archive", ["PIIScanArchive"]),
    fuzzTarget("fuzz-check", ["PIIScanCore"]),
    fuzzTarget("fuzz-pipeline", ["PIIScanCore", "PIIScanArchive", "PIIScanSheets"]),
  ]
)
