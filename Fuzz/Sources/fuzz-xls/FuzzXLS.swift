import FuzzSupport
import PIIScanSheets

/// The .xls (BIFF8 in a compound file) reader on any bytes. Oracles: no crash, leak or hang,
/// and every sheet's text is UTF-8, as for .xlsx.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzXLS(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let input = bytes(data, size)
  _ = XLSWorkbook.isXLS(input)
  guard let workbook = try? XLSWorkbook(bytes: input) else { return 0 }
  for index in workbook.sheetNames.indices {
    guard let text = try? workbook.sheetText(index, maxEmptyLines: 4096, maxEmptyCells: 1 << 16)
    else { continue }
    text.withUnsafeBytes { text in
      require(isValidUTF8(text), "sheet \(index) text is not UTF-8")
    }
  }
  return 0
}
