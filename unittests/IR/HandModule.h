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
  Module m{sm, file};

  Identifier *id(std::string_view name) {
    auto *n = m.make<Identifier>();
    n->name = m.atom(name);
    return n;
  }
  NodeList list(std::initializer_list<Node *> items) {
    return m.list(std::span<Node *const>(items.begin(), items.size()));
  }
  Node *var(VarKind kind, Identifier *name, Node *init = nullptr) {
    auto *d = m.make<VariableDeclarator>();
    d->id = name;
    d->init = init;
    auto *v = m.make<VariableDeclaration>();
    v->kind = kind;
    v->declarations = list({d});
    return v;
  }
  Node *stmt(Node *e) {
    auto *s = m.make<ExpressionStatement>();
    s->expression = e;
    return s;
  }
  Node *assign(Node *l, Node *r) {
    auto *a = m.make<AssignmentExpression>();
    a->op = AssignOp::Assign;
    a->left = l;
    a->right = r;
    return a;
  }
  Node *ret(Node *e) {
    auto *r = m.make<ReturnStatement>();
    r->argument = e;
    return r;
  }
  BlockStatement *block(std::initializer_list<Node *> body) {
    auto *b = m.make<BlockStatement>();
    b->body = list(body);
    return b;
  }
  Node *num() { return m.make<NumericLiteral>(); }
  void program(std::initializer_list<Node *> body, bool isModule = false) {
    m.program = m.make<Program>();
    m.program->body = list(body);
    m.program->isModule = isModule;
  }
  Node *seq(std::initializer_list<Node *> items) {
    auto *s = m.make<SequenceExpression>();
    s->expressions = list(items);
    return s;
  }
  Node *arrow(Node *body) {
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
