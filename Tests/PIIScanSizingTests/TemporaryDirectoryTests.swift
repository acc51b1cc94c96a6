import Foundation
import Synchronization
import Testing

@testable import PIIScanSizing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

@Suite struct TemporaryDirectoryTests {
  static let childVariable = "PIISCAN_SIZING_INTERRUPT_CHILD"

  @Test func removedWithEverythingInIt() throws {
    let parent = TestDirectory()
    let directory = try parent.spillDirectory()
    #expect(directory.path.hasPrefix(parent.path + "/piiscan-sizing-"))
    for _ in 0..<12 {
      #expect(
        FileManager.default.createFile(atPath: directory.newFilePath(), contents: Data([1, 2, 3])))
    }
    #expect(parent.leftovers().count == 13)
    directory.remove()
    #expect(parent.leftovers().isEmpty)
    directory.remove()  // a second call does nothing
  }

  /// Threads taking file names at once get distinct names, and the interrupt table covers
  /// the highest.
  @Test func namesAreDistinctAcrossThreads() throws {
    let parent = TestDirectory()
    let directory = try parent.spillDirectory()
    let names = Mutex<[String]>([])
    DispatchQueue.concurrentPerform(iterations: 8) { _ in
      var mine: [String] = []
      for _ in 0..<500 { mine.append(directory.newFilePath()) }
      names.withLock { $0 += mine }
    }
    #expect(Set(names.withLock { $0 }).count == 4_000)
    #expect(directory.slot?.lastFile.load(ordering: .relaxed) == 4_000)
  }

  @Test func anUnusableParentIsAnError() {
    #expect(throws: SizingError.self) {
      _ = try SizingTemporaryDirectory(in: "/nonexistent-piiscan-parent")
    }
  }

  /// A process interrupted by SIGTERM while holding spill files leaves nothing behind, and
  /// still dies of SIGTERM. Run in a child process (this test binary, filtered to
  /// ``interruptedChild()``), since the cleanup covers every directory of the process.
  @Test func interruptRemovesSpillFiles() throws {
    let parent = TestDirectory()
    let decoy = parent.path + "/not-ours.bin"
    #expect(FileManager.default.createFile(atPath: decoy, contents: Data([9])))
    let child = Process()
    child.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
    child.arguments = ["--filter", "interruptedChild", "--testing-library", "swift-testing"]
    var environment = ProcessInfo.processInfo.environment
    environment[Self.childVariable] = parent.path
    child.environment = environment
    child.standardOutput = FileHandle.nullDevice
    child.standardError = FileHandle.nullDevice
    try child.run()
    child.waitUntilExit()
    #expect(child.terminationReason == .uncaughtSignal)
    #expect(child.terminationStatus == SIGTERM)
    #expect(parent.leftovers() == ["not-ours.bin"])
  }

  /// The child's side of ``interruptRemovesSpillFiles()``; does nothing in a normal run.
  @Test func interruptedChild() throws {
    guard let parent = ProcessInfo.processInfo.environment[Self.childVariable] else { return }
    var directories: [SizingTemporaryDirectory] = []
    for _ in 0..<3 {
      let directory = try SizingTemporaryDirectory(in: parent)
      for _ in 0..<15 {
        #expect(
          FileManager.default.createFile(atPath: directory.newFilePath(), contents: Data([7])))
      }
      directories.append(directory)
    }
    // A set that really spills, too.
    var set = DistinctSet(memoryBudget: 64, directory: directories[0])
    for value in 0..<500 { try set.insert(SizingKey(high: 0, low: UInt64(value))) }
    SizingTemporaryDirectory.installInterruptHandlers()
    // To the process, as a user's kill or Ctrl-C is: some thread that does not block it (here
    // the main thread; the test runs on a worker that blocks signals) takes it.
    kill(getpid(), SIGTERM)
    sleep(5)
    Issue.record("still alive after SIGTERM")
  }
}
