import Foundation
import Testing

@testable import PIIScanSheets

/// Test support: runs Python, for fixtures written by independent writers (xlwt, openpyxl).
enum Python {
  /// Runs `python3 -c script args…`; the exit status, or nil when python3 cannot be started.
  static func run(_ script: String, _ arguments: [String] = []) -> Int32? {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", script] + arguments
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    do {
      try process.run()
    } catch {
      return nil
    }
    process.waitUntilExit()
    return process.terminationStatus
  }

  static let hasXLWT = run("import xlwt") == 0
  static let hasOpenpyxl = run("import openpyxl") == 0
}

/// Fixtures written at test time by Python's xlwt (`pip install xlwt`), which writes BIFF8 with
/// its own SST/CONTINUE splitting, RK and NUMBER choices and compound-file layout. Skipped when
/// python3 or xlwt is not installed.
@Suite(.enabled(if: Python.hasXLWT, "needs python3 with xlwt (pip install xlwt)"))
struct XLWTWorkbookTests {
  static let rows = 3000

  static let script = """
    import sys, xlwt
    n = int(sys.argv[2])
    wb = xlwt.Workbook(encoding='utf-8')
    ws = wb.add_sheet(u'人员信息')
    for c, h in enumerate([u'姓名', u'身份证号', u'手机', u'住址', u'余额', u'序号', u'核实']):
        ws.write(0, c, h)
    sur = u'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗'
    giv = u'伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂'
    for i in range(n):
        r = i + 1
        ws.write(r, 0, sur[i % len(sur)] + giv[(i * 7) % len(giv)] + giv[(i * 3 + 1) % len(giv)])
        ws.write(r, 1, u'%06d19900307%04d' % (110101 + i % 5, i))
        ws.write(r, 2, 13800000000 + i)
        ws.write(r, 3, u'浙江省杭州市西湖区文三路%d号%d幢' % (i, i % 30 + 1))
        ws.write(r, 4, i * 0.25 - 10 + (0.001 if i % 7 == 0 else 0))
        ws.write(r, 5, i)
        ws.write(r, 6, i % 2 == 0)
    sp = wb.add_sheet('Sparse')
    sp.write(0, 0, 'head')
    sp.write(4, 1, u'中间\\t值')
    sp.write(9, 3, 3.14159)
    sp.write(9, 5, -123456789.125)
    wb.save(sys.argv[1])
    """

  static func person(_ i: Int) -> String {
    let sur = Array("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗")
    let giv = Array("伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂")
    let id = String(110_101 + i % 5) + "19900307" + String(format: "%04d", i)
    let balance = Double(i) * 0.25 - 10 + (i % 7 == 0 ? 0.001 : 0)
    return [
      "\(sur[i % sur.count])\(giv[(i * 7) % giv.count])\(giv[(i * 3 + 1) % giv.count])",
      id, "\(13_800_000_000 + i)", "浙江省杭州市西湖区文三路\(i)号\(i % 30 + 1)幢",
      NumberText.string(balance), "\(i)", i % 2 == 0 ? "TRUE" : "FALSE",
    ].joined(separator: "\t")
  }

  @Test func readsAWorkbookWrittenByXLWT() throws {
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("piiscan-sheets-\(UUID().uuidString).xls").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    #expect(Python.run(Self.script, [path, String(Self.rows)]) == 0)
    let file = try #require(FileManager.default.contents(atPath: path))
    let book = try file.withUnsafeBytes { buffer in
      #expect(XLSWorkbook.isXLS(buffer))
      return try XLSWorkbook(bytes: buffer)
    }
    #expect(book.sheetNames == ["人员信息", "Sparse"])
    // Every distinct string once: headers, names, IDs, addresses (the SST spans many CONTINUE
    // records, CJK strings split across them).
    #expect(book.sharedStringCount > 2 * Self.rows)
    let people = lines(try book.sheetText(0))
    #expect(people.count == Self.rows + 1)
    #expect(people[0] == "姓名\t身份证号\t手机\t住址\t余额\t序号\t核实")
    var mismatches = 0
    for i in 0..<Self.rows where people[i + 1] != Self.person(i) {
      if mismatches < 5 { Issue.record("row \(i + 2): \(people[i + 1]) != \(Self.person(i))") }
      mismatches += 1
    }
    #expect(mismatches == 0)
    #expect(
      lines(try book.sheetText(1)) == [
        "head", "", "", "", "\t中间 值", "", "", "", "", "\t\t\t3.14159\t\t-123456789.125",
      ])
  }
}

/// A workbook written at test time by Python's openpyxl (`pip install openpyxl`), re-packed
/// with STORED entries so the test's own unzip can read it. Skipped when python3 or openpyxl
/// is not installed.
@Suite(.enabled(if: Python.hasOpenpyxl, "needs python3 with openpyxl (pip install openpyxl)"))
struct OpenpyxlWorkbookTests {
  static let script = """
    import sys, io, zipfile, openpyxl
    from openpyxl.cell.rich_text import CellRichText, TextBlock
    from openpyxl.cell.text import InlineFont
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = u'客户'
    ws.append([u'姓名', u'手机', u'金额', u'备注'])
    ws.append([u'张三', 13812345678, 1234.5, u'a\\tb\\nc & <d>'])
    ws['B5'] = 0.1
    ws['D5'] = CellRichText([u'富', TextBlock(InlineFont(b=True), u'文本')])
    ws['A6'] = True
    ws['C6'] = '=SUM(C2:C3)'
    wb.create_sheet('Second')['C3'] = u'第二'
    buf = io.BytesIO()
    wb.save(buf)
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    with zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_STORED) as out:
        for info in src.infolist():
            out.writestr(info.filename, src.read(info.filename), compress_type=zipfile.ZIP_STORED)
    """

  @Test func readsAWorkbookWrittenByOpenpyxl() throws {
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("piiscan-sheets-\(UUID().uuidString).xlsx").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    #expect(Python.run(Self.script, [path]) == 0)
    let zip = try #require(FileManager.default.contents(atPath: path))
    let members = try StoredZip.read(Array(zip))
    #expect(SpreadsheetKind.isXLSX(memberNames: Array(members.keys)))
    let book = try XLSXWorkbook(member: { members[$0] })
    #expect(book.sheetNames == ["客户", "Second"])
    #expect(
      lines(try book.sheetText(0)) == [
        "姓名\t手机\t金额\t备注", "张三\t13812345678\t1234.5\ta b c & <d>", "", "",
        "\t0.1\t\t富文本", "TRUE",
      ])
    #expect(text(try book.sheetText(1)) == "\n\n\t\t第二")
  }
}
