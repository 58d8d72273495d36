//===- IRBuilder.h - Concise construction of IR nodes for passes ----------===//
//
/// \file
/// Passes build a lot of small trees (temporaries, assignments, blocks).
/// IRBuilder makes that readable and gives each new node the source range of
/// the construct it lowers, so diagnostics and source maps keep pointing at
/// user code. Fresh names are deterministic (a per-module counter) and never
/// collide with a name the module already uses.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "distribufy/IR/IR.h"

#include <fmt/format.h>

#include <initializer_list>
#include <string_view>
#include <utility>
#include <vector>

namespace distribufy::ir {

class IRBuilder {
public:
  explicit IRBuilder(Module &m) : m_(m) {}

  Module &module() { return m_; }
  /// Range given to every node built from now on (until changed).
  void setRange(SourceRange r) { range_ = r; }
  SourceRange range() const { return range_; }

  /// A name not used anywhere in the module, e.g. `$t3` for prefix "t".
  Atom freshName(std::string_view prefix) {
    for (;;) {
      std::string name = fmt::format("${}{}", prefix, m_.nextFreshId++);
      if (!m_.interner().contains(name))
        return m_.atom(name);
    }
  }

  template <typename T> T *make() { return m_.make<T>(range_); }
  NodeList list(std::initializer_list<Node *> items) {
    return m_.list(std::span<Node *const>(items.begin(), items.size()));
  }
  NodeList list(const std::vector<Node *> &items) { return m_.list(items); }

  Identifier *ident(Atom name) {
    auto *n = make<Identifier>();
    n->name = name;
    return n;
  }
  Identifier *ident(std::string_view name) { return ident(m_.atom(name)); }
  NumericLiteral *number(double v);
  StringLiteral *string(std::string_view cooked);
  BooleanLiteral *boolean(bool v) {
    auto *n = make<BooleanLiteral>();
    n->value = v;
    return n;
  }
  UnaryExpression *voidZero();
  MemberExpression *member(Node *object, std::string_view property) {
    auto *n = make<MemberExpression>();
    n->object = object;
    n->property = ident(property);
    return n;
  }
  MemberExpression *index(Node *object, Node *key) {
    auto *n = make<MemberExpression>();
    n->object = object;
    n->property = key;
    n->computed = true;
    return n;
  }
  CallExpression *call(Node *callee, std::initializer_list<Node *> args) {
    auto *n = make<CallExpression>();
    n->callee = callee;
    n->arguments = list(args);
    return n;
  }
  AssignmentExpression *assign(Node *target, Node *value, AssignOp op = AssignOp::Assign) {
    auto *n = make<AssignmentExpression>();
    n->op = op;
    n->left = target;
    n->right = value;
    return n;
  }
  BinaryExpression *binary(BinaryOp op, Node *l, Node *r) {
    auto *n = make<BinaryExpression>();
    n->op = op;
    n->left = l;
    n->right = r;
    return n;
  }
  LogicalExpression *logical(LogicalOp op, Node *l, Node *r) {
    auto *n = make<LogicalExpression>();
    n->op = op;
    n->left = l;
    n->right = r;
    return n;
  }
  /// `key: value` in an object literal (an identifier or string key).
  Property *property(Node *key, Node *value) {
    auto *n = make<Property>();
    n->key = key;
    n->value = value;
    n->kind = PropertyKind::Init;
    return n;
  }
  UnaryExpression *unary(UnaryOp op, Node *arg) {
    auto *n = make<UnaryExpression>();
    n->op = op;
    n->argument = arg;
    return n;
  }
  /// `(() => body)()`: \p body (an expression, or a BlockStatement ending in
  /// its `return`) run as its own function where it stands. The shape the
  /// passes give a class field initializer that needs statements or a local
  /// of its own: the arrow keeps `this`, `super` property access and
  /// `new.target` (`arguments` is a SyntaxError in an initializer). An
  /// anonymous function definition as \p body would no longer be named
  /// after the field: callers wrap only values that are none.
  CallExpression *arrowIife(Node *body) {
    auto *arrow = make<ArrowFunctionExpression>();
    arrow->body = body;
    return call(arrow, {});
  }
  /// \p v, or `(0, v)` when \p v is an anonymous function definition, so
  /// that storing it in a temporary does not give it the temporary's name.
  Node *keepAnonymous(Node *v) {
    if (!isAnonymousFunctionDefinition(v))
      return v;
    auto *seq = make<SequenceExpression>();
    seq->expressions = list({number(0), v});
    return seq;
  }
  /// `if (typeof value !== "function") throw new TypeError("<text> is not a
  /// <what>");` -- what node itself throws when calling (what = "function")
  /// or constructing (a first check for "constructor") \p value, whose
  /// source text was \p text (ir::calleeErrorText).
  IfStatement *notCallableGuard(Node *value, std::string_view text, std::string_view what) {
    auto *error = make<NewExpression>();
    error->callee = ident("TypeError");
    error->arguments = list({string(fmt::format("{} is not a {}", text, what))});
    return ifStmt(binary(BinaryOp::StrictNotEq, unary(UnaryOp::Typeof, value), string("function")),
                  throwStmt(error));
  }
  /// `return arg;` (\p arg may be null).
  ReturnStatement *returnStmt(Node *arg) {
    auto *n = make<ReturnStatement>();
    n->argument = arg;
    return n;
  }
  ThrowStatement *throwStmt(Node *arg) {
    auto *n = make<ThrowStatement>();
    n->argument = arg;
    return n;
  }
  ExpressionStatement *exprStmt(Node *e) {
    auto *n = make<ExpressionStatement>();
    n->expression = e;
    return n;
  }
  BlockStatement *block(const std::vector<Node *> &body) {
    auto *n = make<BlockStatement>();
    n->body = list(body);
    return n;
  }
  /// `kind a, b, c;` declaring \p names without initialisers.
  VariableDeclaration *declareNames(VarKind kind, const std::vector<Atom> &names) {
    std::vector<Node *> ds;
    for (Atom n : names) {
      auto *d = make<VariableDeclarator>();
      d->id = ident(n);
      ds.push_back(d);
    }
    auto *n = make<VariableDeclaration>();
    n->kind = kind;
    n->declarations = list(ds);
    return n;
  }
  /// ToPropertyKey of the value held in \p k where it matters: the test
  /// `k !== null && (typeof k === "object" || typeof k === "function")` and
  /// the conversion `Reflect.ownKeys({ [k]: 0 })[0]`, which runs an object's
  /// toString / Symbol.toPrimitive exactly once (a primitive converts without
  /// running code, so converting it later is as good).
  std::pair<Node *, Node *> objectToPropertyKey(Atom k) {
    auto typeIs = [&](std::string_view t) {
      return binary(BinaryOp::StrictEq, unary(UnaryOp::Typeof, ident(k)), string(t));
    };
    auto *isObj = logical(LogicalOp::Or, typeIs("object"), typeIs("function"));
    auto *test = logical(LogicalOp::And,
                         binary(BinaryOp::StrictNotEq, ident(k), make<NullLiteral>()), isObj);
    auto *prop = make<Property>();
    prop->key = ident(k);
    prop->computed = true;
    prop->value = number(0);
    prop->kind = PropertyKind::Init;
    auto *obj = make<ObjectExpression>();
    obj->properties = list({prop});
    return {test, index(call(member(ident("Reflect"), "ownKeys"), {obj}), number(0))};
  }
  /// `kind id = init;` (init may be null).
  VariableDeclaration *declare(VarKind kind, Node *id, Node *init) {
    auto *d = make<VariableDeclarator>();
    d->id = id;
    d->init = init;
    auto *n = make<VariableDeclaration>();
    n->kind = kind;
    n->declarations = list({d});
    return n;
  }
  IfStatement *ifStmt(Node *test, Node *then, Node *otherwise = nullptr) {
    auto *n = make<IfStatement>();
    n->test = test;
    n->consequent = then;
    n->alternate = otherwise;
    return n;
  }

private:
  Module &m_;
  SourceRange range_;
};

} // namespace distribufy::ir
