//===- SourceManagerTest.cpp - Offsets to line:column ----------------------===//
#include "distribufy/Support/SourceManager.h"

#include <doctest/doctest.h>

using namespace distribufy;

TEST_CASE("line and column of LF-separated text") {
  SourceManager sm;
  FileId f = sm.addBuffer("a.js", "ab\ncd\n\nx");
  CHECK(sm.name(f) == "a.js");
  CHECK(sm.lineColumn(f, 0).line == 1);
  CHECK(sm.lineColumn(f, 1).column == 2);
  LineColumn c = sm.lineColumn(f, 4); // 'd'
  CHECK(c.line == 2);
  CHECK(c.column == 2);
  CHECK(sm.lineColumn(f, 7).line == 4);
  CHECK(sm.lineText(f, 2) == "cd");
  CHECK(sm.lineText(f, 3) == "");
  CHECK(sm.lineText(f, 4) == "x");
  CHECK(sm.lineText(f, 5) == "");
  CHECK(sm.lineText(f, 0) == "");
}

TEST_CASE("CRLF and lone CR are one line terminator each") {
  SourceManager sm;
  FileId f = sm.addBuffer("crlf.js", "a\r\nbb\rc");
  CHECK(sm.lineColumn(f, 3).line == 2); // 'b'
  CHECK(sm.lineColumn(f, 3).column == 1);
  CHECK(sm.lineColumn(f, 6).line == 3); // 'c'
  CHECK(sm.lineText(f, 1) == "a");
  CHECK(sm.lineText(f, 2) == "bb");
  CHECK(sm.lineText(f, 3) == "c");
}

TEST_CASE("U+2028 and U+2029 end lines; columns count bytes") {
  SourceManager sm;
  // "é" is two bytes; U+2028 is E2 80 A8, U+2029 is E2 80 A9.
  FileId f = sm.addBuffer("ls.js", "\xC3\xA9x\xE2\x80\xA8y\xE2\x80\xA9z");
  CHECK(sm.lineColumn(f, 2).column == 3); // 'x' after a two-byte character
  CHECK(sm.lineColumn(f, 6).line == 2);   // 'y'
  CHECK(sm.lineColumn(f, 6).column == 1);
  CHECK(sm.lineColumn(f, 10).line == 3); // 'z'
  CHECK(sm.lineText(f, 1) == "\xC3\xA9x");
  CHECK(sm.lineText(f, 2) == "y");
}

TEST_CASE("several buffers are independent") {
  SourceManager sm;
  FileId a = sm.addBuffer("a.js", "1\n2");
  FileId b = sm.addBuffer("b.js", "3");
  CHECK(a != b);
  CHECK(sm.text(b) == "3");
  CHECK(sm.lineColumn(a, 2).line == 2);
  CHECK(sm.lineColumn(b, 0).line == 1);
}
