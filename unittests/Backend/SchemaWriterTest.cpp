//===- SchemaWriterTest.cpp - Tests of the frame schema serializers --------===//
//
// msgpack round trips, a golden JSON text (compact and pretty), string
// escaping, and the strict reader's rejection of truncated, garbage and
// mistyped input (every prefix and many byte flips of a valid schema).
//
//===----------------------------------------------------------------------===//
#include "distribufy/Backend/SchemaWriter.h"

#include <doctest/doctest.h>

#include <random>
#include <string>

using namespace distribufy;
using namespace distribufy::schema;

namespace {

FrameSchema sample() {
  FrameSchema s;
  s.format = kSchemaFormat;
  s.abi = kRuntimeAbi;
  s.compiler = "distribufyc 0.1.0";
  s.build = "abc123";
  s.source = "prog.js";
  s.moduleCode = 0;
  Code module;
  module.name = "<module>";
  module.kind = "module";
  module.line = 1;
  module.col = 1;
  module.slots = {"main", "x"};
  module.instrumented = true;
  Code f;
  f.name = "f";
  f.kind = "function";
  f.line = 3;
  f.col = 5;
  f.hash = "0123456789abcdef";
  f.params = {"a"};
  f.slots = {"a", "t0"};
  f.instrumented = true;
  f.sites.push_back(Site{4, 10, "g", {0, 1}});
  f.sites.push_back(Site{70000, 4000000000u, "h\"\\\n", {}});
  s.codes = {module, std::nullopt, f};
  s.envs.push_back(Env{2, {"a"}});
  return s;
}

bool equal(const Site &a, const Site &b) {
  return a.line == b.line && a.col == b.col && a.callee == b.callee && a.live == b.live;
}
bool equal(const Code &a, const Code &b) {
  if (!(a.name == b.name && a.kind == b.kind && a.line == b.line && a.col == b.col &&
        a.hash == b.hash && a.params == b.params && a.slots == b.slots &&
        a.instrumented == b.instrumented && a.sites.size() == b.sites.size()))
    return false;
  for (std::size_t i = 0; i < a.sites.size(); ++i)
    if (!equal(a.sites[i], b.sites[i]))
      return false;
  return true;
}
bool equal(const FrameSchema &a, const FrameSchema &b) {
  if (!(a.format == b.format && a.abi == b.abi && a.compiler == b.compiler && a.build == b.build &&
        a.source == b.source && a.moduleCode == b.moduleCode && a.codes.size() == b.codes.size() &&
        a.envs.size() == b.envs.size()))
    return false;
  for (std::size_t i = 0; i < a.codes.size(); ++i) {
    if (a.codes[i].has_value() != b.codes[i].has_value())
      return false;
    if (a.codes[i] && !equal(*a.codes[i], *b.codes[i]))
      return false;
  }
  for (std::size_t i = 0; i < a.envs.size(); ++i)
    if (a.envs[i].code != b.envs[i].code || a.envs[i].slots != b.envs[i].slots)
      return false;
  return true;
}

std::string readError(std::string_view bytes) {
  FrameSchema out;
  std::string error;
  if (readSchemaMsgpack(bytes, out, error))
    return "";
  return error;
}

} // namespace

TEST_CASE("msgpack round trip") {
  FrameSchema s = sample();
  std::string bytes = writeSchemaMsgpack(s);
  FrameSchema back;
  std::string error;
  REQUIRE_MESSAGE(readSchemaMsgpack(bytes, back, error), error);
  CHECK(equal(s, back));
  CHECK(writeSchemaMsgpack(back) == bytes);

  // An empty schema (current format) round trips too.
  FrameSchema empty;
  empty.format = kSchemaFormat;
  REQUIRE(readSchemaMsgpack(writeSchemaMsgpack(empty), back, error));
  CHECK(equal(empty, back));
}

TEST_CASE("msgpack keys are the .def keys in .def order") {
  Env e{7, {"x"}};
  FrameSchema s;
  s.format = kSchemaFormat;
  s.envs = {e};
  std::string bytes = writeSchemaMsgpack(s);
  // Top-level map of 9 entries, first key "format".
  REQUIRE(bytes.size() > 8);
  CHECK(static_cast<unsigned char>(bytes[0]) == 0x89);
  CHECK(bytes.substr(1, 7) == "\xa6"
                              "format");
  // The env map: {"code": 7, "slots": ["x"]}.
  std::string env = "\x82\xa4"
                    "code\x07\xa5"
                    "slots\x91\xa1x";
  CHECK(bytes.find(env) != std::string::npos);
}

TEST_CASE("JSON golden") {
  FrameSchema s;
  s.format = 1;
  s.abi = 1;
  s.compiler = "c";
  s.build = "b";
  s.source = "p.js";
  Code c;
  c.name = "f";
  c.kind = "function";
  c.line = 2;
  c.col = 3;
  c.hash = "00ff";
  c.params = {"a"};
  c.slots = {"a"};
  c.instrumented = true;
  c.sites = {Site{2, 10, "g", {0}}};
  s.codes = {std::nullopt, c};
  s.envs = {Env{1, {}}};
  CHECK(writeSchemaJson(s, false) ==
        R"({"format":1,"abi":1,"compiler":"c","build":"b","source":"p.js","moduleCode":0,)"
        R"("codes":[null,{"name":"f","kind":"function","line":2,"col":3,"hash":"00ff",)"
        R"("params":["a"],"slots":["a"],"instrumented":true,"sites":[{"line":2,"col":10,)"
        R"("callee":"g","live":[0]}]}],"envs":[{"code":1,"slots":[]}],"persist":[]})");
  CHECK(writeSchemaJson(s, true) == R"({
  "format": 1,
  "abi": 1,
  "compiler": "c",
  "build": "b",
  "source": "p.js",
  "moduleCode": 0,
  "codes": [
    null,
    {
      "name": "f",
      "kind": "function",
      "line": 2,
      "col": 3,
      "hash": "00ff",
      "params": [
        "a"
      ],
      "slots": [
        "a"
      ],
      "instrumented": true,
      "sites": [
        {
          "line": 2,
          "col": 10,
          "callee": "g",
          "live": [
            0
          ]
        }
      ]
    }
  ],
  "envs": [
    {
      "code": 1,
      "slots": []
    }
  ],
  "persist": []
}
)");
}

TEST_CASE("JSON string escaping") {
  FrameSchema s;
  s.source = std::string("q\"b\\n\n\r\t\b\f\x01\x1f\x7f/é€😀") + "\xff" + "\xc0\xaf" +
             "\xed\xa0\x80" + std::string(1, '\0');
  std::string json = writeSchemaJson(s, false);
  CHECK(json.find(R"("source":"q\"b\\n\n\r\t\b\f\u0001\u001f)"
                  "\x7f/é€😀"
                  R"(\ufffd\ufffd\ufffd\ufffd\ufffd\ufffd\u0000")") != std::string::npos);
}

TEST_CASE("strict reader: types, keys, format") {
  FrameSchema s = sample();
  std::string good = writeSchemaMsgpack(s);

  CHECK(readError("").find("expected map, got end of input") != std::string::npos);
  CHECK(readError("\xc1").find("expected map, got the never-used byte 0xc1") != std::string::npos);
  CHECK(readError(good + "x").find("1 trailing bytes") != std::string::npos);
  // A map header claiming 2^32-1 entries in five bytes.
  CHECK(readError("\xdf\xff\xff\xff\xff").find("truncated input: map claims") != std::string::npos);
  // Missing key.
  CHECK(readError("\x80") == "schema: missing key \"format\" in FrameSchema (at byte 1)");
  // Wrong type, with the path.
  FrameSchema t = sample();
  std::string bytes = writeSchemaMsgpack(t);
  std::string live = std::string("\xa4") + "live" + "\x92\x00\x01";
  auto at = bytes.find(live);
  REQUIRE(at != std::string::npos);
  std::string mutated = bytes;
  mutated.replace(at + 5, 3, "\xa1x\xc0"); // live: "x", then a stray nil
  std::string err = readError(mutated);
  CHECK(err.find("schema.codes[2].sites[0].live: expected array, got string") == 0);
  // Unknown and duplicate keys.
  std::string envKey = std::string("\xa4") + "code";
  auto envAt = bytes.rfind(envKey);
  REQUIRE(envAt != std::string::npos);
  mutated = bytes;
  mutated.replace(envAt, 5, std::string("\xa4") + "cod\x01");
  CHECK(readError(mutated).find("unknown key \"cod\\x01\" in Env") != std::string::npos);
  mutated = bytes;
  mutated.replace(envAt, 5, std::string("\xa5") + "slots");
  // "slots" then "slots" again, never "code".
  CHECK(readError(mutated).find("schema.envs[0].slots: expected array, got integer") !=
        std::string::npos);
  // Negative and oversized integers.
  FrameSchema u;
  u.format = kSchemaFormat;
  std::string small = writeSchemaMsgpack(u);
  std::string abi = std::string("\xa3") + "abi\x00";
  auto abiAt = small.find(abi);
  REQUIRE(abiAt != std::string::npos);
  mutated = small;
  mutated.replace(abiAt + 4, 1, "\xff");
  CHECK(readError(mutated).find("schema.abi: expected unsigned 32-bit integer, got a negative") ==
        0);
  mutated = small;
  mutated.replace(abiAt + 4, 1, std::string("\xcf\x00\x00\x00\x01\x00\x00\x00\x00", 9));
  CHECK(readError(mutated).find("too large") != std::string::npos);
  // Unsupported format.
  u.format = kSchemaFormat + 1;
  CHECK(readError(writeSchemaMsgpack(u)) ==
        "schema.format: unsupported schema format 2 (this build reads format 1)");
}

TEST_CASE("strict reader: every truncation and random damage is rejected without crashing") {
  std::string good = writeSchemaMsgpack(sample());
  for (std::size_t n = 0; n < good.size(); ++n) {
    std::string err = readError(good.substr(0, n));
    CHECK_MESSAGE(!err.empty(), "prefix ", n);
  }
  std::mt19937 rng(12345);
  int accepted = 0;
  for (int i = 0; i < 20000; ++i) {
    std::string bytes = good;
    int flips = 1 + static_cast<int>(rng() % 4);
    for (int k = 0; k < flips; ++k)
      bytes[rng() % bytes.size()] = static_cast<char>(rng() & 0xff);
    FrameSchema out;
    std::string error;
    if (readSchemaMsgpack(bytes, out, error))
      ++accepted; // Some flips only change a value; that is fine.
    else
      CHECK(!error.empty());
  }
  for (int i = 0; i < 5000; ++i) {
    std::string bytes(rng() % 64, '\0');
    for (auto &c : bytes)
      c = static_cast<char>(rng() & 0xff);
    FrameSchema out;
    std::string error;
    (void)readSchemaMsgpack(bytes, out, error);
  }
  CHECK(accepted < 20000);
}
