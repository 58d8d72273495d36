//===- LowerFinally.cpp - try/finally as an explicit completion record ----===//
//
// The engine holds the pending completion of a `try` (a return value, an
// exception, a break) while its `finally` runs. Later passes capture and
// restore the stack, so that pending state must live in ordinary locals:
//
//   try { B } catch (p) { H } finally { F }
//   ==> { let $k = 0, $v;
//         $F: try { try { B' } catch (p) { H' } }
//             catch ($e) { $k = 1; $v = $e; }
//         { F }
//         if ($k === 1) throw $v;
//         if ($k === 2) return $v;
//         if ($k === 3) break L; ... }
//
// In B' and H', `return e` became `{ $v = e; $k = 2; break $F; }` and every
// break leaving the try statement `{ $k = <n>; break $F; }`; exceptions,
// including those thrown by callees, are caught by the outer catch. F runs
// after any of them and its own return/throw/break overrides the pending
// one, as in the spec. The walk runs after the children were lowered, so a
// nested finally is already a completion record whose dispatch (`return
// $v`, `break L`) is rewritten again here: nested finally blocks dispatch
// outward. Cost: each try/finally rescans its own statements (not
// expressions, not nested functions), so nested finally blocks cost the
// nesting depth times their size.
//
// Kept as is: a try/finally whose block or handler contains `yield` (only
// possible in generators). A generator's return() resumes the yield with a
// return completion that no catch sees; only the engine's finally runs on
// it. `await` only resumes normally or by throwing, so async functions are
// lowered like the others. The generators pass lowers the kept ones
// (evenWithYield) once a generator's return() is a return completion at
// the yield, after it expanded the yields.
//
//===----------------------------------------------------------------------===//
#include "passes/Desugar/LowerParts.h"

#include <vector>

namespace distribufy::desugar {

using namespace ir;

namespace {

/// A `yield` outside nested functions.
bool containsYield(const Node *n) {
  return anyNode(
      n, [](const Node *x) { return isa<YieldExpression>(x); },
      [](const Node *x) { return !isFunction(x); });
}

constexpr double kThrow = 1, kReturn = 2, kFirstBreak = 3;

class CompletionRewriter {
public:
  CompletionRewriter(IRBuilder &b, Atom label, Atom kind, Atom value)
      : b_(b), label_(label), kind_(kind), value_(value) {}

  /// Rewrites the statements under \p n; only statement-like nodes are
  /// entered (an expression holds statements only inside functions).
  void rewrite(Node *&n) {
    switch (n->kind) {
    case NodeKind::ReturnStatement: {
      usedReturn = true;
      auto *r = cast<ReturnStatement>(n);
      b_.setRange(n->range);
      Node *val = r->argument ? r->argument : b_.voidZero();
      n = b_.block(
          {b_.exprStmt(b_.assign(b_.ident(value_), val)), setKind(kReturn), breakTo(label_)});
      return;
    }
    case NodeKind::BreakStatement: {
      auto *br = cast<BreakStatement>(n);
      if (br->label ? isInnerLabel(br->label) : breakables_ > 0)
        return;
      b_.setRange(n->range);
      n = b_.block(
          {setKind(kFirstBreak + static_cast<double>(breakIndex(br->label))), breakTo(label_)});
      return;
    }
    case NodeKind::LabeledStatement:
      labels_.push_back(cast<LabeledStatement>(n)->label);
      rewriteChildren(n);
      labels_.pop_back();
      return;
    case NodeKind::WhileStatement:
    case NodeKind::DoWhileStatement:
    case NodeKind::ForStatement:
    case NodeKind::ForInStatement:
    case NodeKind::ForOfStatement:
    case NodeKind::SwitchStatement:
      ++breakables_;
      rewriteChildren(n);
      --breakables_;
      return;
    default:
      rewriteChildren(n);
      return;
    }
  }

  /// Break targets leaving the try, in order of first use (empty atom: an
  /// unlabeled break, whose target is the same from the dispatch).
  std::vector<Atom> breaks;
  bool usedReturn = false;

private:
  IRBuilder &b_;
  Atom label_, kind_, value_;
  std::vector<Atom> labels_;
  int breakables_ = 0;

  void rewriteChildren(Node *n) {
    forEachChildSlot(n, [&](Node *&c) {
      NodeCategory cat = category(c->kind);
      if (cat == NodeCategory::Statement || isa<CatchClause>(c) || isa<SwitchCase>(c))
        if (!isFunction(c) && !isClass(c))
          rewrite(c);
    });
  }
  bool isInnerLabel(Atom l) const {
    for (Atom x : labels_)
      if (x == l)
        return true;
    return false;
  }
  size_t breakIndex(Atom l) {
    for (size_t i = 0; i < breaks.size(); ++i)
      if (breaks[i] == l)
        return i;
    breaks.push_back(l);
    return breaks.size() - 1;
  }
  Node *setKind(double k) { return b_.exprStmt(b_.assign(b_.ident(kind_), b_.number(k))); }
  Node *breakTo(Atom l) {
    auto *n = b_.make<BreakStatement>();
    n->label = l;
    return n;
  }
};

} // namespace

bool finallyKeptForYield(const TryStatement *t) {
  return t->finalizer && (containsYield(t->block) || containsYield(t->handler));
}

Node *lowerFinally(IRBuilder &b, TryStatement *t, bool evenWithYield) {
  if (!t->finalizer || (!evenWithYield && finallyKeptForYield(t)))
    return t;
  Atom label = b.freshName("F"), kind = b.freshName("k"), value = b.freshName("v"),
       err = b.freshName("e");
  b.setRange(t->range);
  Node *protectedPart = t->block;
  if (t->handler) {
    auto *inner = b.make<TryStatement>();
    inner->block = t->block;
    inner->handler = t->handler;
    protectedPart = b.block({inner});
  }
  CompletionRewriter rw(b, label, kind, value);
  rw.rewrite(protectedPart);

  b.setRange(t->range);
  auto kindIs = [&](double k) { return b.binary(BinaryOp::StrictEq, b.ident(kind), b.number(k)); };
  auto *decl = b.make<VariableDeclaration>();
  decl->kind = VarKind::Let;
  auto *dk = b.make<VariableDeclarator>();
  dk->id = b.ident(kind);
  dk->init = b.number(0);
  auto *dv = b.make<VariableDeclarator>();
  dv->id = b.ident(value);
  decl->declarations = b.list({dk, dv});

  auto *handler = b.make<CatchClause>();
  handler->param = b.ident(err);
  handler->body = b.block({b.exprStmt(b.assign(b.ident(kind), b.number(kThrow))),
                           b.exprStmt(b.assign(b.ident(value), b.ident(err)))});
  auto *tr = b.make<TryStatement>();
  tr->block = protectedPart;
  tr->handler = handler;
  auto *lab = b.make<LabeledStatement>();
  lab->label = label;
  lab->body = tr;

  std::vector<Node *> out = {decl, lab, t->finalizer};
  auto *thr = b.make<ThrowStatement>();
  thr->argument = b.ident(value);
  out.push_back(b.ifStmt(kindIs(kThrow), thr));
  if (rw.usedReturn) {
    auto *ret = b.make<ReturnStatement>();
    ret->argument = b.ident(value);
    out.push_back(b.ifStmt(kindIs(kReturn), ret));
  }
  for (size_t i = 0; i < rw.breaks.size(); ++i) {
    auto *br = b.make<BreakStatement>();
    br->label = rw.breaks[i];
    out.push_back(b.ifStmt(kindIs(kFirstBreak + static_cast<double>(i)), br));
  }
  return b.block(out);
}

} // namespace distribufy::desugar
