// swift-tools-version: 6.1
import PackageDescription

let package = Package(
  name: "piiscan",
  platforms: [.macOS(.v15)],
  products: [
    .executable(name: "piiscan", targets: ["piiscan"]),
    // For the fuzz targets (Fuzz/Package.swift), which depend on this package by path.
    .library(name: "PIIScanCore", targets: ["PIIScanCore"]),
    .library(name: "PIIScanArchive", targets: ["PIIScanArchive"]),
    .library(name: "PIIScanText", targets: ["PIIScanText"]),
    .library(name: "PIIScanSheets", targets: ["PIIScanSheets"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    // SHA-256 of the evidence (BoringSSL's, with the CPU's SHA extensions where it has them).
    .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
  ],
  targets: [
    // C: the system PCRE2 library, wrapped only by PIIScanPCRE2.
    .systemLibrary(
      name: "CPCRE2",
      pkgConfig: "libpcre2-8",
      providers: [.apt(["libpcre2-dev"])]),
    // C: libarchive (gzip, bzip2, xz, zstd, zip, tar, 7z …), wrapped only by PIIScanArchive.
    .systemLibrary(
      name: "CArchive",
      pkgConfig: "libarchive",
      providers: [.apt(["libarchive-dev"])]),
    // C: the byte-classification kernel (our own code; AVX2 with runtime dispatch).
    .target(name: "CPIIScanKernels"),

    .target(name: "PIIScanPCRE2", dependencies: ["CPCRE2"]),
    .target(name: "PIIScanArchive", dependencies: ["CArchive"]),
    // GB18030 and UTF-16 detection and decoding with exact offset maps (no dependencies).
    .target(name: "PIIScanText"),
    // .xlsx and .xls readers: each sheet as tab-separated text, row N on line N (no dependencies).
    .target(name: "PIIScanSheets"),
    .target(
      name: "PIIScanCore",
      dependencies: [
        "PIIScanPCRE2", "PIIScanArchive", "PIIScanText", "PIIScanSheets", "CPIIScanKernels",
        "PIIScanSizing", "TOMLKit", .product(name: "Crypto", package: "swift-crypto"),
      ]),

    .executableTarget(
      name: "piiscan",
      dependencies: [
        "PIIScanCore",
        "PIIScanArchive",
        "PIIScanSizing",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),
    // Scores findings against labelled corpora (shared by piiscan-corpus and the tests).
    .target(name: "PIIScanEvaluation"),
    .target(name: "PIIScanSizing"),  // piiscan size's exact, mergeable arithmetic (no dependencies)
    .executableTarget(name: "piiscan-corpus", dependencies: ["PIIScanEvaluation"]),
    .executableTarget(name: "generate-embedded-patterns"),

    .testTarget(name: "PIIScanPCRE2Tests", dependencies: ["PIIScanPCRE2"]),
    .testTarget(name: "PIIScanArchiveTests", dependencies: ["PIIScanArchive"]),
    .testTarget(name: "PIIScanTextTests", dependencies: ["PIIScanText"]),
    .testTarget(name: "PIIScanSheetsTests", dependencies: ["PIIScanSheets"]),
    .testTarget(name: "PIIScanSizingTests", dependencies: ["PIIScanSizing"]),
    .testTarget(name: "PIIScanCoreTests", dependencies: ["PIIScanCore"]),
    .testTarget(
      name: "PIIScanEndToEndTests",
      dependencies: ["piiscan", "piiscan-corpus", "PIIScanCore", "PIIScanEvaluation"],
      exclude: ["Fixtures"]),
  ]
)
