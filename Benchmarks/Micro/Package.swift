// swift-tools-version: 6.1
// Micro-benchmarks of piiscan's per-value costs (Benchmarks/README.md, "Micro-benchmarks"),
// with ordo-one/benchmark. A package of its own so that the main package, `make build` and
// `make test` never resolve or build the benchmark framework; it depends on the main package
// by path and uses its public library products only.
import PackageDescription

let package = Package(
  name: "piiscan-micro",
  platforms: [.macOS(.v15)],
  dependencies: [
    .package(name: "piiscan", path: "../.."),
    // The malloc interposer gives the allocation counts; perf counters (instructions) are not
    // available on every machine, so the figures are wall-clock and mallocs.
    .package(
      url: "https://github.com/ordo-one/benchmark", from: "1.38.1",
      traits: ["MallocInterposer"]),
  ],
  targets: [
    // The benchmark plugin looks for its targets' sources under Benchmarks/<target>/.
    .executableTarget(
      name: "PIIScanMicro",
      dependencies: [
        .product(name: "PIIScanCore", package: "piiscan"),
        .product(name: "Benchmark", package: "benchmark"),
      ],
      path: "Benchmarks/PIIScanMicro",
      plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")])
  ]
)
