//===- RegExpValidatorTest.cpp - Tests of the RegExp literal validator ----===//
//
// Each case is a literal `/pattern/flags` and whether it is valid, covering
// both the Annex B grammar (no `u`) and the strict unicode grammar.
//
//===----------------------------------------------------------------------===//

#include "Frontend/RegExpValidator.h"

#include <doctest/doctest.h>

using namespace distribufy;

namespace {
struct Case {
  const char *pattern;
  const char *flags;
  bool valid;
};

void checkAll(std::initializer_list<Case> cases) {
  for (const Case &c : cases) {
    auto err = validateRegExp(c.pattern, c.flags);
    INFO("/" << c.pattern << "/" << c.flags << " -> " << (err ? *err : std::string("valid")));
    CHECK(err.has_value() != c.valid);
  }
}
} // namespace

TEST_CASE("flags") {
  checkAll({{"a", "", true},
            {"a", "dgimsuy", true},
            {"a", "gg", false},
            {"a", "x", false},
            {"a", "v", false}});
}

TEST_CASE("groups and quantifiers") {
  checkAll({{"(a", "", false},
            {"a)", "", false},
            {"*", "", false},
            {"a**", "", false},
            {"a{2,1}", "", false},
            {"a{1,2}", "", true},
            {"a{1,}?", "", true},
            {"x{2}{3}", "", false},
            {"^*", "", false},
            {"\\b+", "", false},
            {"(?a)", "", false},
            {"(?:a)+", "", true},
            {"(?<=a)*", "", false},
            {"(?<!a)b", "u", true},
            {"(?=a)*", "", true},
            {"(?=a)*", "u", false},
            {"\\", "", false},
            {"[", "", false}});
}

TEST_CASE("Annex B literal braces versus unicode mode") {
  checkAll({{"{", "", true},
            {"{", "u", false},
            {"}", "", true},
            {"}", "u", false},
            {"]", "", true},
            {"]", "u", false},
            {"{1}", "", false},
            {"a{", "", true},
            {"a{", "u", false},
            {"a{1", "", true}});
}

TEST_CASE("named groups and back-references") {
  checkAll({{"(?<a>x)(?<a>y)", "", false},
            {"(?<a>x)\\k<a>", "", true},
            {"(?<a>x)\\k<b>", "", false},
            {"\\k<a>", "", true},
            {"\\k<a>", "u", false},
            {"\\k", "", true},
            {"(?<a>.)\\k", "", false},
            {"(?<𝒜>.)", "", true},
            {"(?<\\u{1d49c}>.)", "", true},
            {"(?<1a>.)", "", false},
            {"\\1", "u", false},
            {"(a)\\1", "u", true},
            {"\\2(a)(b)", "u", true},
            {"\\1", "", true}});
}

TEST_CASE("classes") {
  checkAll({{"[z-a]", "", false},
            {"[a-z]", "", true},
            {"[\\d-a]", "u", false},
            {"[\\d-a]", "", true},
            {"[😀-😁]", "", false},
            {"[😀-😁]", "u", true},
            {"[\\-]", "u", true},
            {"[\\1]", "u", false},
            {"[\\1]", "", true},
            {"[a-]", "u", true},
            {"[\\c_]", "", true}});
}

TEST_CASE("escapes in unicode mode") {
  checkAll({{"\\a", "u", false},
            {"\\a", "", true},
            {"\\/", "u", true},
            {"\\-", "u", false},
            {"\\u{110000}", "u", false},
            {"\\u{10FFFF}", "u", true},
            {"\\u{1F600}", "", true},
            {"\\c", "u", false},
            {"\\c", "", true},
            {"\\00", "u", false},
            {"\\0", "u", true},
            {"\\x4", "u", false},
            {"\\ud83d\\ude00", "u", true}});
}

TEST_CASE("property escapes") {
  checkAll({{"\\p{L}", "u", true},
            {"\\P{Lu}", "u", true},
            {"\\p{Foo}", "u", false},
            {"\\p{Foo}", "", true},
            {"\\p{Script=Greek}", "u", true},
            {"\\p{scx=Latn}", "u", true},
            {"\\p{sc=Grk}", "u", false},
            {"\\p{General_Category=Letter}", "u", true},
            {"\\p{ASCII_Hex_Digit}", "u", true},
            {"\\p{ascii}", "u", false},
            {"\\p{L", "u", false},
            {"\\p", "u", false}});
}
