//===- ArenaTest.cpp - Bump allocation -------------------------------------===//
#include "distribufy/Support/Arena.h"

#include <doctest/doctest.h>

#include <cstdint>

using namespace distribufy;

namespace {
struct Pod {
  int a;
  double b;
};
} // namespace

TEST_CASE("allocations are aligned, distinct and stable across growth") {
  Arena arena;
  std::vector<Pod *> all;
  for (int i = 0; i < 100000; ++i) {
    Pod *p = arena.make<Pod>(Pod{i, i * 0.5});
    if (reinterpret_cast<uintptr_t>(p) % alignof(Pod) != 0)
      FAIL("allocation ", i, " is misaligned");
    all.push_back(p);
  }
  for (int i = 0; i < 100000; ++i)
    if (all[i]->a != i) // a plain check keeps 100k assertions out of the log
      FAIL("allocation ", i, " was overwritten");
  CHECK(arena.bytesReserved() >= 100000 * sizeof(Pod));
}

TEST_CASE("an allocation larger than a slab gets its own") {
  Arena arena;
  void *big = arena.allocate(10 << 20, 16);
  CHECK(big != nullptr);
  CHECK(reinterpret_cast<uintptr_t>(big) % 16 == 0);
  CHECK(arena.bytesReserved() >= (10u << 20));
}

TEST_CASE("copy and copyString") {
  Arena arena;
  int items[] = {1, 2, 3};
  std::span<int> copy = arena.copy<int>(std::span<const int>(items));
  items[0] = 9;
  CHECK(copy.size() == 3);
  CHECK(copy[0] == 1);
  CHECK(arena.copy<int>(std::span<const int>()).empty());
  std::string s = "hello";
  std::string_view v = arena.copyString(s);
  s[0] = 'j';
  CHECK(v == "hello");
  CHECK(arena.copyString("").empty());
}
