//===- AnyNodeTest.cpp - Tests for ir::anyNode ----------------------------===//
//
// The subtree search behind the passes' "contains X" predicates: match
// before descend, source order, first hit ends the search, descend decides
// which subtrees (nested functions, classes) are looked into.
//
//===----------------------------------------------------------------------===//
#include "HandModule.h"

#include "distribufy/IR/IR.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace distribufy;
using namespace distribufy::ir;
using Tree = distribufy::ir::test::HandModule;

namespace {

bool isAwait(const Node *x) { return isa<AwaitExpression>(x); }
bool notFunction(const Node *x) { return !isFunction(x); }
std::string nameOf(const Node *x) {
  if (auto *i = dynCast<Identifier>(x))
    return std::string(i->name.str());
  return std::string(kindName(x->kind));
}

} // namespace

TEST_CASE("anyNode: null and the root itself") {
  Tree t;
  CHECK_FALSE(anyNode(nullptr, isAwait, notFunction));
  CHECK_FALSE(anyNode(nullptr, [](const Node *) { return true; }));
  // The root is matched before descend is asked about it.
  Node *root = t.await(t.id("a"));
  CHECK(anyNode(root, isAwait, [](const Node *) { return false; }));
  CHECK_FALSE(anyNode(t.id("a"), isAwait));
}

TEST_CASE("anyNode: descend decides which subtrees are searched") {
  Tree t;
  // a, () => await b
  Node *root = t.seq({t.id("a"), t.arrow(t.await(t.id("b")))});
  CHECK_FALSE(anyNode(root, isAwait, notFunction));
  CHECK(anyNode(root, isAwait));
  CHECK(anyNode(root, isAwait,
                [](const Node *x) { return !isFunction(x) || isa<ArrowFunctionExpression>(x); }));
  // Not descending into the root: its children are not tried.
  CHECK_FALSE(anyNode(
      root, [](const Node *x) { return isa<Identifier>(x); },
      [](const Node *x) { return !isa<SequenceExpression>(x); }));
}

TEST_CASE("anyNode: source order, stops at the first match") {
  Tree t;
  // a, (b, c), d
  Node *root = t.seq({t.id("a"), t.seq({t.id("b"), t.id("c")}), t.id("d")});
  std::vector<std::string> tried, descended;
  bool found = anyNode(
      root,
      [&](const Node *x) {
        tried.push_back(nameOf(x));
        return nameOf(x) == "c";
      },
      [&](const Node *x) {
        descended.push_back(nameOf(x));
        return true;
      });
  CHECK(found);
  std::string seqName(kindName(NodeKind::SequenceExpression));
  CHECK(tried == std::vector<std::string>{seqName, "a", seqName, "b", "c"});
  // Every node tried and not matched is asked about: leaves too.
  CHECK(descended == std::vector<std::string>{seqName, "a", seqName, "b"});
}
