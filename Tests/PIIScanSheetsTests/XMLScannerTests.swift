import Testing

@testable import PIIScanSheets

@Suite struct XMLScannerTests {
  /// The tokens of `xml` written out: `<name attrs>`, `<name/>`, `</name>`, text decoded.
  func tokens(_ xml: String) -> [String] {
    let bytes = Array(xml.utf8)
    return bytes.withUnsafeBufferPointer { buffer in
      var scanner = XMLScanner(buffer)
      var out: [String] = []
      func s(_ r: Range<Int>) -> String { String(decoding: bytes[r], as: UTF8.self) }
      while true {
        switch scanner.next() {
        case .end:
          return out
        case .startTag(let name, let attributes, let selfClosing):
          var attrs = ""
          scanner.forEachAttribute(in: attributes) { n, v in
            var decoded: [UInt8] = []
            scanner.appendDecoded(v, to: &decoded)
            attrs += " \(s(n))=\(String(decoding: decoded, as: UTF8.self))"
          }
          out.append("<\(s(name))\(attrs)\(selfClosing ? "/" : "")>")
        case .endTag(let name):
          out.append("</\(s(name))>")
        case .text(let range):
          var decoded: [UInt8] = []
          scanner.appendDecoded(range, to: &decoded)
          out.append(String(decoding: decoded, as: UTF8.self))
        case .cdata(let range):
          out.append("CDATA(\(s(range)))")
        }
      }
    }
  }

  @Test func elementsAttributesAndText() {
    #expect(
      tokens("<a x=\"1\" y='two'><b/>t&amp;u<c:d e:f = \"3 &lt; 4\" g=h/></a>") == [
        "<a x=1 y=two>", "<b/>", "t&u", "<d f=3 < 4 g=h/>", "</a>",
      ])
  }

  @Test func quotedGreaterThanDoesNotEndATag() {
    #expect(tokens("<a t=\"x>y\" u='>'>z</a>") == ["<a t=x>y u=>>", "z", "</a>"])
  }

  @Test func skipsDeclarationsCommentsAndProcessingInstructions() {
    #expect(
      tokens(
        "\u{FEFF}<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY a \"b\">]><!-- <x> --><r><?p x?>1</r>"
      )
        == ["<r>", "1", "</r>"])
  }

  @Test func cdataIsLiteral() {
    #expect(tokens("<t><![CDATA[a<b>&amp;]]></t>") == ["<t>", "CDATA(a<b>&amp;)", "</t>"])
  }

  @Test func entities() {
    #expect(
      tokens("&lt;&gt;&amp;&quot;&apos;&#65;&#x42;&#X43;&#x4E2D;&#x1F600;")
        == ["<>&\"'ABC中😀"])
    // Unknown or malformed entities stay as written.
    #expect(
      tokens("&nbsp; &#xD800; &#99999999; &#; &amp") == ["&nbsp; &#xD800; &#99999999; &#; &amp"])
  }

  @Test func forgivingOnBrokenMarkup() {
    #expect(tokens("a < b <3 <t>x</t>") == ["a ", "<", " b ", "<", "3 ", "<t>", "x", "</t>"])
    #expect(tokens("<a>text<b attr=\"unterminated") == ["<a>", "text"])
    #expect(tokens("<a><!-- never closed") == ["<a>"])
    #expect(tokens("<a><![CDATA[open") == ["<a>", "CDATA(open)"])
    #expect(tokens("<") == ["<"])
    #expect(tokens("") == [])
  }

  @Test func ooxmlEscapes() {
    func decode(_ s: String) -> String {
      var bytes = Array(s.utf8)
      decodeOOXMLEscapes(&bytes, from: 0)
      return String(decoding: bytes, as: UTF8.self)
    }
    #expect(decode("a_x000D_b_x000a_c") == "a\rb\nc")
    #expect(decode("_x005F_x0041_") == "_x0041_")
    #expect(decode("_x4E2D__x6587_") == "中文")
    #expect(decode("_xZZZZ_ _x12_ plain") == "_xZZZZ_ _x12_ plain")
    #expect(decode("_xD800_") == "\u{FFFD}")
  }
}
