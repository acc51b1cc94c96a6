import FuzzSupport
import PIIScanSheets

/// The .xlsx reader on any package parts.
///
/// The input is the parts of a workbook joined by NUL bytes (which XML never holds), in the
/// order of `partNames`; a missing part is absent, so the relationships and the fallbacks to
/// the usual paths are exercised too. The zip layer is the archive target's. Oracles: no
/// crash, leak or hang, and when every part is UTF-8, so is every sheet's text (the contract in
/// Sources/PIIScanSheets/SheetText.swift; bytes that are not UTF-8 in a part are passed on as
/// they are, for the scanner to decode).
let partNames = [
  "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/sharedStrings.xml",
  "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "xl/worksheets/sheet3.xml",
  "xl/comments1.xml",
]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzXLSX(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let input = bytes(data, size)
  var parts: [String: [UInt8]] = [:]
  for (index, part) in input.split(separator: 0, omittingEmptySubsequences: false).enumerated()
  where index < partNames.count && !part.isEmpty {
    parts[partNames[index]] = Array(part)
  }
  let partsAreUTF8 = parts.values.allSatisfy { part in
    part.withUnsafeBytes { isValidUTF8($0) }
  }
  guard let workbook = try? XLSXWorkbook(member: { parts[$0] }) else { return 0 }
  require(
    workbook.sheetNames.count == workbook.sheetPaths.count, "names and paths do not pair up")
  for index in workbook.sheetNames.indices {
    // Small caps: a few bytes may declare a million empty rows.
    guard let text = try? workbook.sheetText(index, maxEmptyLines: 4096, maxEmptyCells: 1 << 16)
    else { continue }
    text.withUnsafeBytes { text in
      require(!partsAreUTF8 || isValidUTF8(text), "sheet \(index) text is not UTF-8")
    }
  }
  return 0
}
