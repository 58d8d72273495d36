//===- InternerTest.cpp - Atoms ---------------------------------------------===//
#include "distribufy/Support/Interner.h"

#include <doctest/doctest.h>

#include <string>

using namespace distribufy;

TEST_CASE("equal text interns to the same atom") {
  Arena arena;
  Interner interner(arena);
  std::string a = "name", b = "na";
  b += "me"; // different storage, same text
  Atom x = interner.intern(a), y = interner.intern(b), z = interner.intern("other");
  CHECK(x == y);
  CHECK(x.opaque() == y.opaque());
  CHECK(x != z);
  CHECK(x.str() == "name");
  CHECK(x == std::string_view("name"));
  a[0] = 'X'; // the atom owns a copy
  CHECK(x.str() == "name");
  CHECK(AtomHash()(x) == AtomHash()(y));
}

TEST_CASE("default and empty atoms") {
  Arena arena;
  Interner interner(arena);
  Atom none;
  CHECK(!none);
  CHECK(none.empty());
  CHECK(none.str().empty());
  Atom empty = interner.intern("");
  CHECK(static_cast<bool>(empty));
  CHECK(empty.empty());
  CHECK(empty == interner.intern(""));
  CHECK(empty != none);
}
