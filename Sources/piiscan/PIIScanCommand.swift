import ArgumentParser
import PIIScanCore

@main
struct PIIScanCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "piiscan",
    abstract: "Find, validate and count Chinese citizens' personal information in bulk data.",
    discussion: """
      Resident ID numbers (18 and 15 digits), mobile and landline numbers, bank cards and \
      e-mail addresses are found by a parallel chunked reader and checked by hand-written \
      validators (MOD 11-2, birth date, region code, allocated prefixes, BIN + Luhn). Values \
      are masked in every report unless --reveal is given; inputs are only ever read.

      Exit status: 0 nothing fails the run, 1 valid personal information found (after the \
      allowlist and the baseline), 2 some input could not be read (the rest was still \
      scanned) or the configuration is wrong, 64 a usage error. piiscan help scan has the \
      details; docs/CI.md shows piiscan as a CI gate.
      """,
    version: PIIScanVersion.current,
    subcommands: [
      ScanCommand.self, SizeCommand.self, CheckCommand.self, RedactCommand.self,
      PatternsCommand.self,
    ],
    defaultSubcommand: ScanCommand.self)
}

enum PIIScanVersion {
  static let current = "0.1.0"
}
