//===- LowerSwitch.cpp - switch as labeled blocks --------------------------===//
//
// A switch is a jump into the middle of one block scope, which JavaScript
// has no other statement for. Executed code is always a suffix of the case
// list, starting at the first case whose test matches (tests evaluated in
// order, stopping at the match; `default`, wherever it is, is the start
// when none matches). So:
//
//   switch (d) { case t0: B0  default: B1  case t2: B2 }
//   ==> { const $d = d; let $c;
//         $S: { <function declarations of the cases>
//               $M: { if ($d === t0) { $c = 0; break $M; }
//                     if ($d === t2) { $c = 2; break $M; }
//                     $c = 1; }
//               if ($c <= 0) { B0 }  if ($c <= 1) { B1 }  if ($c <= 2) { B2 } } }
//
// `$S` is the case block scope: the tests and hoisted functions see its
// bindings, and `break` inside the switch is `break $S` (rewritten by the
// walk). Each case's statements get their own guard block, which is exact
// as long as no other case (or test, or hoisted function) names what the
// case declares with let/const/class or an Annex B function. When exactly
// one case k has declarations named elsewhere, they must stay in `$S` and be
// left in TDZ when k is skipped, which needs the code after k twice:
//
//   $S: { fns  $M: {...}
//         if ($c > k) { <guarded copies of cases k+1..>; break $S; }
//         if ($c <= 0) { B0 } ... Bk Bk+1 ... }   // k and later unguarded
//
// More than one such case is reported as err_unsupported (the copies would
// multiply). Linear otherwise: one scan of the switch when a case declares
// lexical names, at most one copy of its tail.
//
//===----------------------------------------------------------------------===//
#include "passes/Desugar/LowerParts.h"

#include <unordered_map>
#include <vector>

namespace distribufy::desugar {

using namespace ir;

namespace {

/// Marks the cases whose declared names are mentioned outside them.
class CrossRefScan {
public:
  CrossRefScan(const std::unordered_map<Atom, size_t, AtomHash> &declaredIn,
               std::vector<bool> &cross)
      : declaredIn_(declaredIn), cross_(cross) {}

  bool sawEval = false;

  void scan(const Node *n, size_t owner) {
    if (!n)
      return;
    switch (n->kind) {
    case NodeKind::Identifier: {
      Atom name = cast<Identifier>(n)->name;
      if (name.str() == "eval")
        sawEval = true;
      auto it = declaredIn_.find(name);
      if (it != declaredIn_.end() && it->second != owner)
        cross_[it->second] = true;
      return;
    }
    case NodeKind::MemberExpression: {
      auto *me = cast<MemberExpression>(n);
      scan(me->object, owner);
      if (me->computed)
        scan(me->property, owner);
      return;
    }
    case NodeKind::Property:
      return scanKeyed(cast<Property>(n), owner);
    case NodeKind::MethodDefinition:
      return scanKeyed(cast<MethodDefinition>(n), owner);
    case NodeKind::PropertyDefinition:
      return scanKeyed(cast<PropertyDefinition>(n), owner);
    default:
      forEachChild(n, [&](const Node *c) { scan(c, owner); });
      return;
    }
  }

private:
  const std::unordered_map<Atom, size_t, AtomHash> &declaredIn_;
  std::vector<bool> &cross_;

  template <typename T> void scanKeyed(const T *p, size_t owner) {
    if (p->computed)
      scan(p->key, owner);
    scan(p->value, owner);
  }
};

} // namespace

Node *lowerSwitch(IRBuilder &b, SwitchStatement *sw, Atom breakLabel,
                  const std::function<bool(const Node *)> &isAnnexB, DiagnosticEngine &diags) {
  Module &m = b.module();
  const size_t n = sw->cases.size();
  constexpr size_t kNone = static_cast<size_t>(-1);
  size_t defaultPos = kNone;
  std::vector<Node *> hoisted;
  std::vector<std::vector<Node *>> bodies(n);
  std::unordered_map<Atom, size_t, AtomHash> declaredIn;
  std::vector<bool> declares(n, false);
  for (size_t i = 0; i < n; ++i) {
    auto *c = cast<SwitchCase>(sw->cases[i]);
    if (!c->test)
      defaultPos = i;
    for (Node *s : c->consequent) {
      std::vector<Atom> names;
      if (auto *fd = dynCast<FunctionDeclaration>(s)) {
        // Functions are initialised on entry to the case block: hoist them,
        // except Annex B ones, whose position decides when the var is set.
        if (!isAnnexB(s)) {
          hoisted.push_back(s);
          continue;
        }
        collectBoundNames(fd->id, names);
      } else if (auto *vd = dynCast<VariableDeclaration>(s); vd && vd->kind != VarKind::Var) {
        for (const Node *d : vd->declarations)
          collectBoundNames(cast<VariableDeclarator>(d)->id, names);
      } else if (auto *cd = dynCast<ClassDeclaration>(s)) {
        collectBoundNames(cd->id, names);
      }
      for (Atom a : names)
        declaredIn.emplace(a, i);
      declares[i] = declares[i] || !names.empty();
      bodies[i].push_back(s);
    }
  }

  size_t shared = kNone; // the case whose declarations must stay in $S
  if (!declaredIn.empty()) {
    std::vector<bool> cross(n, false);
    CrossRefScan scan(declaredIn, cross);
    for (size_t i = 0; i < n; ++i) {
      scan.scan(cast<SwitchCase>(sw->cases[i])->test, kNone);
      for (const Node *s : bodies[i])
        scan.scan(s, i);
    }
    for (const Node *f : hoisted)
      scan.scan(f, kNone);
    size_t count = 0;
    for (size_t i = 0; i < n; ++i) {
      // A direct eval may name anything.
      if (cross[i] || (scan.sawEval && declares[i])) {
        shared = i;
        ++count;
      }
    }
    if (count > 1) {
      diags.report(DiagId::err_unsupported, m.file(), sw->range,
                   "switch whose lexical declarations in more than one case clause are "
                   "referenced from other case clauses");
      return nullptr;
    }
  }

  b.setRange(sw->range);
  Atom disc = b.freshName("d"), start = b.freshName("c"), match = b.freshName("M");
  auto breakTo = [&](Atom l) {
    auto *br = b.make<BreakStatement>();
    br->label = l;
    return br;
  };
  auto setStart = [&](size_t i) {
    return b.exprStmt(b.assign(b.ident(start), b.number(static_cast<double>(i))));
  };
  auto guard = [&](BinaryOp op, size_t i, Node *then) {
    return b.ifStmt(b.binary(op, b.ident(start), b.number(static_cast<double>(i))), then);
  };

  std::vector<Node *> dispatch;
  for (size_t i = 0; i < n; ++i) {
    auto *c = cast<SwitchCase>(sw->cases[i]);
    if (!c->test)
      continue;
    b.setRange(c->range);
    dispatch.push_back(b.ifStmt(b.binary(BinaryOp::StrictEq, b.ident(disc), c->test),
                                b.block({setStart(i), breakTo(match)})));
  }
  b.setRange(sw->range);
  dispatch.push_back(defaultPos != kNone ? static_cast<Node *>(setStart(defaultPos))
                                         : breakTo(breakLabel));
  auto *matchBlock = b.make<LabeledStatement>();
  matchBlock->label = match;
  matchBlock->body = b.block(dispatch);

  std::vector<Node *> caseBlock = hoisted;
  caseBlock.push_back(matchBlock);
  auto guarded = [&](size_t i, std::vector<Node *> stmts) {
    b.setRange(sw->cases[i]->range);
    return guard(BinaryOp::LtEq, i, b.block(stmts));
  };
  if (shared == kNone) {
    for (size_t i = 0; i < n; ++i)
      if (!bodies[i].empty())
        caseBlock.push_back(guarded(i, bodies[i]));
  } else {
    std::vector<Node *> skip;
    for (size_t i = shared + 1; i < n; ++i) {
      if (bodies[i].empty())
        continue;
      std::vector<Node *> copy;
      for (const Node *s : bodies[i])
        copy.push_back(ir::cloneTree(s, m, {/*keepMeta=*/true, /*keepRanges=*/true}));
      skip.push_back(guarded(i, copy));
    }
    b.setRange(sw->range);
    skip.push_back(breakTo(breakLabel));
    caseBlock.push_back(guard(BinaryOp::Gt, shared, b.block(skip)));
    for (size_t i = 0; i < shared; ++i)
      if (!bodies[i].empty())
        caseBlock.push_back(guarded(i, bodies[i]));
    for (size_t i = shared; i < n; ++i)
      caseBlock.insert(caseBlock.end(), bodies[i].begin(), bodies[i].end());
  }

  b.setRange(sw->range);
  auto *labeled = b.make<LabeledStatement>();
  labeled->label = breakLabel;
  labeled->body = b.block(caseBlock);
  return b.block({b.declare(VarKind::Const, b.ident(disc), sw->discriminant),
                  b.declare(VarKind::Let, b.ident(start), nullptr), labeled});
}

} // namespace distribufy::desugar
