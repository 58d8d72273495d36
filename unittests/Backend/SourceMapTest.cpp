//===- SourceMapTest.cpp - Tests of the source maps of the emitter ---------===//
//
// The VLQ encoder against known values; emitted maps decoded back (with a
// small decoder here, independent of the encoder) at the generated
// positions of calls, members and statements, with non-ASCII text before
// them on either side; and an end-to-end run under
// `node --enable-source-maps` whose stack trace must name original lines.
//
//===----------------------------------------------------------------------===//
#include "Backend/SourceMap.h"
#include "distribufy/Backend/Emitter.h"
#include "distribufy/Frontend/Frontend.h"
#include "distribufy/IR/IRBuilder.h"
#include "distribufy/Pass/PassManager.h"
#include "distribufy/Support/Diagnostics.h"

#include <doctest/doctest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <unistd.h>
#include <vector>

using namespace distribufy;
using namespace distribufy::ir;

namespace {

// ---- A small, independent decoder ----

int base64Value(char c) {
  if (c >= 'A' && c <= 'Z')
    return c - 'A';
  if (c >= 'a' && c <= 'z')
    return c - 'a' + 26;
  if (c >= '0' && c <= '9')
    return c - '0' + 52;
  if (c == '+')
    return 62;
  if (c == '/')
    return 63;
  return -1;
}

/// Decodes one VLQ value starting at s[i], advancing i.
int64_t decodeVLQ(std::string_view s, size_t &i) {
  uint64_t v = 0;
  int shift = 0;
  for (;;) {
    REQUIRE(i < s.size());
    int d = base64Value(s[i++]);
    REQUIRE(d >= 0);
    v |= static_cast<uint64_t>(d & 31) << shift;
    shift += 5;
    if (!(d & 32))
      break;
  }
  int64_t magnitude = static_cast<int64_t>(v >> 1);
  return (v & 1) ? -magnitude : magnitude;
}

struct Segment {
  int64_t genLine, genColumn;
  bool mapped;
  int64_t source, srcLine, srcColumn;
};

std::vector<Segment> decodeMappings(std::string_view m) {
  std::vector<Segment> out;
  int64_t line = 0, col = 0, source = 0, srcLine = 0, srcCol = 0;
  size_t i = 0;
  while (i < m.size()) {
    if (m[i] == ';') {
      ++line;
      col = 0;
      ++i;
      continue;
    }
    if (m[i] == ',') {
      ++i;
      continue;
    }
    std::vector<int64_t> fields;
    while (i < m.size() && m[i] != ',' && m[i] != ';')
      fields.push_back(decodeVLQ(m, i));
    REQUIRE((fields.size() == 1 || fields.size() == 4 || fields.size() == 5));
    col += fields[0];
    Segment s{line, col, fields.size() > 1, 0, 0, 0};
    if (s.mapped) {
      source += fields[1];
      srcLine += fields[2];
      srcCol += fields[3];
      s.source = source;
      s.srcLine = srcLine;
      s.srcColumn = srcCol;
    }
    out.push_back(s);
  }
  return out;
}

/// The value of string field \p key of the flat JSON object \p json
/// (enough for the maps emitted here: "mappings" holds no escapes).
std::string jsonField(const std::string &json, std::string_view key) {
  std::string pattern = "\"" + std::string(key) + "\":\"";
  size_t p = json.find(pattern);
  REQUIRE(p != std::string::npos);
  p += pattern.size();
  size_t e = json.find('"', p);
  REQUIRE(e != std::string::npos);
  return json.substr(p, e - p);
}

/// 0-based line and UTF-16 column of byte offset \p offset of \p text
/// (lines end at '\n' only in these tests).
std::pair<int64_t, int64_t> position(std::string_view text, size_t offset) {
  int64_t line = 0;
  size_t lineStart = 0;
  for (size_t i = 0; i < offset; ++i)
    if (text[i] == '\n')
      ++line, lineStart = i + 1;
  int64_t col = 0;
  for (size_t i = lineStart; i < offset; ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    if ((c & 0xC0) != 0x80)
      col += c >= 0xF0 ? 2 : 1;
  }
  return {line, col};
}

/// The segment in effect at a generated position: the last one at or before
/// it on its line.
std::optional<Segment> lookup(const std::vector<Segment> &segs, std::pair<int64_t, int64_t> pos) {
  std::optional<Segment> found;
  for (const Segment &s : segs)
    if (s.genLine == pos.first && s.genColumn <= pos.second)
      found = s;
  return found;
}

std::optional<Segment> exactly(const std::vector<Segment> &segs, std::pair<int64_t, int64_t> pos) {
  for (const Segment &s : segs)
    if (s.genLine == pos.first && s.genColumn == pos.second)
      return s;
  return std::nullopt;
}

struct Compiled {
  std::string js, map;
  std::vector<Segment> segments;
};

struct Source {
  SourceManager sm;
  FileId file;
  DiagnosticEngine diags{sm};
  std::unique_ptr<Module> module;

  Source(std::string text, std::string name = "input.js") {
    file = sm.addBuffer(std::move(name), std::move(text));
    module = parseJavaScript(sm, file, diags);
    REQUIRE(module);
    REQUIRE(!diags.hasErrors());
  }

  void run(std::string_view pipeline) {
    PassManager pm;
    REQUIRE(pm.addPipeline(pipeline, diags));
    REQUIRE(pm.run(*module, diags));
    REQUIRE(!diags.hasErrors());
  }

  Compiled emit() {
    Compiled c;
    EmitOptions options;
    options.sourceMap = &c.map;
    options.sourceMapFile = "out.js";
    c.js = emitJavaScript(*module, options);
    CHECK(c.js == emitJavaScript(*module)); // the map does not change the text
    c.segments = decodeMappings(jsonField(c.map, "mappings"));
    return c;
  }
};

/// Checks that the generated occurrence of \p needle (the \p nth, 0-based)
/// has a mapping of its own to original (line, column), both 0-based.
void checkMapped(const Compiled &c, std::string_view needle, int64_t line, int64_t column,
                 size_t nth = 0) {
  size_t at = c.js.find(needle);
  for (size_t k = 0; k < nth && at != std::string::npos; ++k)
    at = c.js.find(needle, at + 1);
  INFO("generated:\n" << c.js << "\nlooking for `" << needle << "`");
  REQUIRE(at != std::string::npos);
  std::optional<Segment> s = exactly(c.segments, position(c.js, at));
  REQUIRE(s);
  CHECK(s->mapped);
  CHECK(s->source == 0);
  CHECK(s->srcLine == line);
  CHECK(s->srcColumn == column);
}

} // namespace

TEST_CASE("VLQ encoding of known values") {
  auto vlq = [](int64_t v) {
    std::string s;
    sourcemap::appendVLQ(s, v);
    return s;
  };
  CHECK(vlq(0) == "A");
  CHECK(vlq(1) == "C");
  CHECK(vlq(-1) == "D");
  CHECK(vlq(15) == "e");
  CHECK(vlq(-15) == "f");
  CHECK(vlq(16) == "gB");
  CHECK(vlq(-16) == "hB");
  CHECK(vlq(123) == "2H");
  CHECK(vlq(1000) == "w+B");
  CHECK(vlq(-1000) == "x+B");
  CHECK(vlq(1 << 20) == "ggggC");
  CHECK(vlq(2147483647) == "+/////D");
  // Round trip through the test's decoder.
  for (int64_t v : {0, 1, -1, 31, 32, -33, 511, 512, 100000, -100000, 2147483647}) {
    std::string s = vlq(v);
    size_t i = 0;
    CHECK(decodeVLQ(s, i) == v);
    CHECK(i == s.size());
  }
}

TEST_CASE("JSON strings escape control characters and repair invalid UTF-8") {
  std::string s;
  sourcemap::appendJSONString(s, "a\"b\\c\nd\x01\xc3\xa9\xff");
  CHECK(s == "\"a\\\"b\\\\c\\nd\\u0001\xc3\xa9\\ufffd\"");
  CHECK(sourcemap::utf16Length("a\xc3\xa9\xf0\x9f\x98\x80") == 4); // aé😀
  // Special bytes at every position of a long string (the scan skips plain
  // runs 8 bytes at a time).
  for (std::string_view special : {"\"", "\\", "\n", "\x7f", "\xc3\xa9"}) {
    std::string_view spelled = special == "\""   ? "\\\""
                               : special == "\\" ? "\\\\"
                               : special == "\n" ? "\\n"
                                                 : special;
    for (size_t k = 0; k < 40; ++k) {
      std::string text(40, 'a');
      text.replace(k, 1, special);
      std::string expected =
          "\"" + std::string(k, 'a') + std::string(spelled) + std::string(39 - k, 'a') + "\"";
      std::string got;
      sourcemap::appendJSONString(got, text);
      CHECK(got == expected);
    }
  }
}

TEST_CASE("the map's fields") {
  Source p("f(1);\n// \"quoted\"\n", "dir/in\"put.js");
  Compiled c = p.emit();
  CHECK(c.map.rfind("{\"version\":3,", 0) == 0);
  CHECK(c.map.find("\"file\":\"out.js\"") != std::string::npos);
  CHECK(c.map.find("\"sources\":[\"dir/in\\\"put.js\"]") != std::string::npos);
  CHECK(c.map.find("\"sourcesContent\":[\"f(1);\\n// \\\"quoted\\\"\\n\"]") != std::string::npos);
  CHECK(c.map.find("\"names\":[]") != std::string::npos);
  CHECK(c.map.back() == '}');
  CHECK(c.js.find("sourceMappingURL") == std::string::npos);
  // An input's own map comment is not carried over (the driver adds one).
  Source q("g();\n//# sourceMappingURL=old.js.map\n");
  CHECK(q.emit().js == "g();\n");
}

TEST_CASE("calls, members and statements map to their original positions") {
  Source p("function add(a, b) {\n"
           "  return a +   b;\n"
           "}\n"
           "let   total = 0;\n"
           "   total = add(total, 2);\n"
           "console   .log(total);\n"
           "if (total) throw   new Error(\"x\");\n");
  Compiled c = p.emit();
  checkMapped(c, "function add", 0, 0);
  checkMapped(c, "return", 1, 2);
  checkMapped(c, "b;", 1, 15);
  checkMapped(c, "let total", 3, 0);
  checkMapped(c, "total = add", 4, 3);
  checkMapped(c, "add(total, 2)", 4, 11);
  checkMapped(c, "total, 2)", 4, 15);
  checkMapped(c, "console.log", 5, 0);
  checkMapped(c, "log(total)", 5, 11);
  checkMapped(c, "if (total)", 6, 0);
  checkMapped(c, "throw new", 6, 11);
  checkMapped(c, "new Error", 6, 19);
  checkMapped(c, "Error(\"x\")", 6, 23);
  // Every generated line starts with a mapped segment.
  int64_t lines = 0;
  for (char ch : c.js)
    lines += ch == '\n';
  for (int64_t line = 0; line < lines; ++line) {
    INFO("line " << line);
    size_t start = 0;
    for (int64_t k = 0; k < line; ++k)
      start = c.js.find('\n', start) + 1;
    size_t col = c.js.find_first_not_of(' ', start) - start;
    std::optional<Segment> s = exactly(c.segments, {line, static_cast<int64_t>(col)});
    if (c.js[start + col] == '}')
      continue; // a closing brace needs none
    REQUIRE(s);
    CHECK(s->mapped);
  }
}

TEST_CASE("columns count UTF-16 code units on both sides") {
  // é is 2 bytes / 1 unit, 😀 4 bytes / 2 units, 中 3 bytes / 1 unit.
  Source p("const s = \"h\xc3\xa9llo \xf0\x9f\x98\x80\"; g(s);\n"
           "f(\"\xe4\xb8\xad\xf0\x9f\x98\x80\", h(s), s.length);\n");
  Compiled c = p.emit();
  // Original columns: `const s = "héllo 😀"; ` is 22 units (25 bytes).
  checkMapped(c, "g(s)", 0, 22);
  // `f("中😀", ` is 9 units (13 bytes); generated on one line too.
  checkMapped(c, "h(s)", 1, 9);
  checkMapped(c, "s.length", 1, 15);
  checkMapped(c, "length", 1, 17);
  // The generated columns are UTF-16 as well: h is at unit 9 of its line.
  size_t at = c.js.find("h(s)");
  CHECK(position(c.js, at).second == 9);
  CHECK(at - (c.js.rfind('\n', at) + 1) == 13);
}

TEST_CASE("line terminators: CRLF, CR, U+2028 in the original") {
  Source p("a();\r\nb();\rc();\xe2\x80\xa8"
           "d();\n");
  Compiled c = p.emit();
  checkMapped(c, "a()", 0, 0);
  checkMapped(c, "b()", 1, 0);
  checkMapped(c, "c()", 2, 0);
  checkMapped(c, "d()", 3, 0);
}

TEST_CASE("line terminators inside generated template literals") {
  Source p("x(`a\n\xf0\x9f\x98\x80`, y());\nz();\n");
  Compiled c = p.emit();
  checkMapped(c, "y()", 1, 5);
  checkMapped(c, "z()", 2, 0);
  CHECK(position(c.js, c.js.find("y()")) == std::pair<int64_t, int64_t>{1, 5});
}

TEST_CASE("nodes built without ranges inherit the enclosing position") {
  Source p("function f() {\n"
           "  foo();\n"
           "}\n");
  // Append `bar.baz(1);` built without a range to f's body.
  auto *fn = cast<FunctionDeclaration>(p.module->program->body[0]);
  auto *body = cast<BlockStatement>(fn->body);
  IRBuilder b(*p.module);
  Node *stmt = b.exprStmt(b.call(b.member(b.ident("bar"), "baz"), {b.number(1)}));
  std::vector<Node *> items(body->body.begin(), body->body.end());
  items.push_back(stmt);
  body->body = b.list(items);
  // And a top-level statement outside any mapped node.
  std::vector<Node *> top(p.module->program->body.begin(), p.module->program->body.end());
  top.push_back(b.exprStmt(b.call(b.ident("qux"), {})));
  p.module->program->body = b.list(top);

  Compiled c = p.emit();
  checkMapped(c, "foo()", 1, 2);
  checkMapped(c, "bar.baz", 0, 0); // f's declaration
  checkMapped(c, "baz(1)", 0, 0);
  size_t at = c.js.find("qux()");
  REQUIRE(at != std::string::npos);
  std::optional<Segment> s = lookup(c.segments, position(c.js, at));
  REQUIRE(s);
  CHECK(!s->mapped);
}

TEST_CASE("maps survive desugar and anf") {
  Source p("function g(o) {\n"
           "  return o.m(o.n(1)) + h(2);\n"
           "}\n"
           "g({ m: (x) => x, n: (x) => x });\n");
  p.run("desugar,anf");
  Compiled c = p.emit();
  INFO(c.js);
  // The calls moved into temporaries keep their original positions; the
  // temporaries themselves map to the expression they stand for.
  checkMapped(c, "o.m;", 1, 9);
  checkMapped(c, "m;", 1, 11);
  checkMapped(c, "o.n(1)", 1, 13);
  checkMapped(c, "n(1)", 1, 15);
  checkMapped(c, "h(2)", 1, 23);
  checkMapped(c, "$t1.call(o, $t2)", 1, 9);
  // The guard anf adds has the range the pass gave it; it is on line 1.
  std::optional<Segment> guard = lookup(c.segments, position(c.js, c.js.find("new TypeError")));
  REQUIRE(guard);
  CHECK(guard->srcLine == 1);
  checkMapped(c, "g($t6)", 3, 0);
  for (const Segment &s : c.segments)
    if (s.mapped)
      CHECK(s.srcLine <= 3);
}

namespace {

std::string runCommand(const std::string &command) {
  std::string out;
  FILE *pipe = popen(command.c_str(), "r");
  REQUIRE(pipe);
  char buf[4096];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, pipe)) > 0)
    out.append(buf, n);
  pclose(pipe);
  return out;
}

} // namespace

TEST_CASE("node --enable-source-maps reports original positions") {
  if (std::system("command -v node >/dev/null 2>&1") != 0) {
    MESSAGE("node is not on PATH; skipped");
    return;
  }
  // Line 3 throws; non-ASCII text before `new` on that line shifts byte
  // columns (40) but not UTF-16 ones: `new` is at column 37 (1-based).
  std::string source = "function check(v) {\n"
                       "  if (v > 1) {\n"
                       "    const label = \"h\xc3\xa9llo \xf0\x9f\x98\x80\"; throw new "
                       "Error(\"boom \" + label);\n"
                       "  }\n"
                       "  return v;\n"
                       "}\n"
                       "check(1);\n"
                       "  check(2);\n";
  Source p(source, "input.js");
  p.run("desugar,anf");
  Compiled c = p.emit();

  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("distribufy-sourcemap-" + std::to_string(getpid()));
  fs::create_directories(dir);
  {
    std::ofstream js(dir / "out.js", std::ios::binary);
    js << c.js << "//# sourceMappingURL=out.js.map\n";
    std::ofstream map(dir / "out.js.map", std::ios::binary);
    map << c.map;
  }
  std::string output =
      runCommand("cd '" + dir.string() + "' && node --enable-source-maps out.js 2>&1");
  INFO("generated:\n" << c.js << "\nnode output:\n" << output);
  CHECK(output.find("Error: boom h\xc3\xa9llo") != std::string::npos);
  CHECK(output.find("input.js:3:37") != std::string::npos);
  CHECK(output.find("input.js:8:3") != std::string::npos);
  CHECK(output.find("out.js:") == std::string::npos);
  // The uncaught-exception banner shows the original line from sourcesContent.
  CHECK(output.find("throw new Error(\"boom \" + label);") != std::string::npos);
  fs::remove_all(dir);
}
