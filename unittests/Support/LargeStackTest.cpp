//===- LargeStackTest.cpp - Running work on a big stack --------------------===//
#include "distribufy/Support/LargeStack.h"

#include <doctest/doctest.h>

#include <thread>

using namespace distribufy;

namespace {
// Deliberately recursive with a frame the optimiser cannot remove: this is
// the shape of a tree walk over a deeply nested input.
size_t depth(size_t n) {
  volatile char frame[256];
  frame[0] = static_cast<char>(n);
  if (n == 0)
    return frame[0];
  return depth(n - 1) + 1 + frame[0] * 0;
}
} // namespace

TEST_CASE("work runs to completion and its effects are visible") {
  int value = 0;
  std::thread::id caller = std::this_thread::get_id(), worker;
  runWithLargeStack([&] {
    value = 42;
    worker = std::this_thread::get_id();
  });
  CHECK(value == 42);
  CHECK(worker != caller);
}

TEST_CASE("recursion far beyond an 8 MB stack survives") {
  // ~300k frames of > 256 bytes: about 100 MB of stack.
  size_t result = 0;
  runWithLargeStack([&] { result = depth(300000); });
  CHECK(result == 300000);
}
