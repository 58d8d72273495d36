//===- HandModule.h - Hand-built IR trees for the IR unit tests -----------===//
//
// A module and small node builders, for tests that need exact trees
// without the frontend.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "distribufy/IR/IR.h"

#include <initializer_list>
#include <span>
#include <string_view>

namespace distribufy::ir::test {

struct HandModule {
  SourceManager sm;
  FileId file = sm.addBuffer("hand.js", "");
  Module m{sm, file Node *seq(std::initializer_list<Node *> items){auto *s =
                                                                       m.make<SequenceExpression>();
  s->expressions = list(items);
  return s;
} Node *arrow(Node *body) {
  auto *a = m.make<ArrowFunctionExpression>();
  a->body = body;
  return a;
}
Node *await(Node *arg) {
  auto *a = m.make<AwaitExpression>();
  a->argument = arg;
  return a;
}
};

} // namespace distribufy::ir::test
