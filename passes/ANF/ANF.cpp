//===- ANF.cpp - A-normal form: every call alone in its statement ---------===//
//
// anf: rewrites each function so that every call-like expression (call,
// `new`, tagged template, `super(...)`, `import(...)`, `yield`, `await`) is
// alone in a statement of one of these shapes, with atomic operands:
//
//   callee(args);          t = callee(args);          let/var/const t = callee(args);
//
// Why: the catch pass captures and restores frames at calls. It can only do
// that where the rest of the computation is expressed by the statements
// after the call, not by an enclosing expression half evaluated on the
// engine's operand stack.
//
// Atomic: an Identifier, a primitive literal, `-number`, `this`; a callee is
// an Identifier, `super`, or a MemberExpression whose object is an
// Identifier, `this` or `super` and whose computed key is atomic. Arguments
// are atomic or a SpreadElement of an Identifier.
//
// Evaluation order is exactly JavaScript's. When a call is hoisted out of an
// expression, every operand evaluated before it in JS order whose value the
// call could change is first copied to a temporary (`x + f()` ->
// `$t1 = x; $t2 = f(); ... $t1 + $t2`; `o.p + f()` reads o.p first; a
// template substitution before a call is converted with `${x}` where JS
// converts it; a spread before a call is iterated into an array where JS
// iterates it). Operands that no call can change are not copied: literals,
// `this`, our own temporaries, and bindings that are never assigned after
// initialisation and cannot be in their TDZ (function declarations,
// parameters, `var`s, catch parameters, named-function-expression names),
// according to scope analysis run at the start of the pass. A callee is
// evaluated before its arguments: when the arguments may run user code
// (calls, but also getters and valueOf/toString conversions), the callee is
// frozen first: `g(a + b)` -> `$t1 = g; $t2 = a + b; $t1($t2)` and
// `o.m(a + b)` -> `$t1 = o; $t2 = $t1.m; $t3 = a + b; $t2.call($t1, $t3)`,
// so the method is looked up before the arguments run, with the same
// receiver. `eval(...)` keeps its callee (it must stay a direct eval).
//
// Temporaries are `let` declarations (`let $t1, $t2;`) at the top of the
// innermost function-like context (function body after its directive
// prologue, script/module top level, class static block). They are never
// captured by closures (no closure is created that mentions them).
// A class field initializer with a call becomes `(() => { ...; return $t; })()`
// (IRBuilder::arrowIife: the arrow keeps this/super/new.target; `arguments`
// is illegal there), the one nested call shape the verifier accepts; an
// initializer already of that shape (desugar gives it to one that needed
// statements) is normalized as it is, not wrapped again. A concise arrow
// body with a call becomes a block body.
//
// Requires: Desugared (see passes/Desugar: one loop form, no switch, no
// call in a conditionally evaluated position, no destructuring defaults ...).
// The transformation does not rely on it for correctness: it also lowers
// `&&`/`||`/`??`, `?:`, comma, optional chains, logical and compound
// assignment, while/do-while/for/for-in/for-of heads and switch
// discriminants and case tests containing calls itself (into if-statements,
// labelled blocks and loops with temporaries; a loop head's TDZ is kept).
// What it cannot lower reports err_unsupported naming the construct: calls
// in default parameter values, in destructuring patterns, in a switch case
// test that names a declaration of the case block, in the non-first
// declarator of a `let`/`const` for-loop head, in for-in/of targets.
// A frozen method used as a template tag is called as `$m.bind($o)`.
//
// Establishes: ANF. Invalidates: Scopes (new bindings). Verifier: every
// call-like node is in one of the shapes above with atomic operands.
//
//   let x, a = 1, b = {c: 2}, f = (v) => v, g = () => 3;
//   x = a + f(b.c) * g();
//   ==>
//   let $t1, $t2, $t3, $t4, $t5;
//   ...
//   $t1 = a; $t2 = f; $t3 = b.c; $t4 = $t2($t3); $t5 = g(); x = $t1 + $t4 * $t5;
//
// One recursive walk per function; the "contains a call" question is
// memoised per node in a flat table, so the pass is linear.
//
//===----------------------------------------------------------------------===//
#include "distribufy/IR/IRBuilder.h"
#include "distribufy/IR/Scope.h"
#include "distribufy/IR/ScopeAnalysis.h"
#include "passes/Passes.h"

#include <fmt/format.h>

#include <cstdint>
#include <unordered_set>
#include <vector>

namespace distribufy {

namespace {

using namespace ir;
using Out = std::vector<Node *>;

bool isPrimitiveLiteral(const Node *n) {
  switch (n->kind) {
  case NodeKind::NullLiteral:
  case NodeKind::BooleanLiteral:
  case NodeKind::NumericLiteral:
  case NodeKind::BigIntLiteral:
  case NodeKind::StringLiteral:
    return true;
  case NodeKind::UnaryExpression: {
    auto *u = cast<UnaryExpression>(n);
    return (u->op == UnaryOp::Minus || u->op == UnaryOp::Void) &&
           (isa<NumericLiteral>(u->argument) || isa<BigIntLiteral>(u->argument));
  }
  default:
    return false;
  }
}

/// An operand the ANF shapes accept as is.
bool isAtomic(const Node *n) {
  return isa<Identifier>(n) || isa<ThisExpression>(n) || isPrimitiveLiteral(n);
}

bool isLoop(const Node *n) {
  return isa<WhileStatement>(n) || isa<DoWhileStatement>(n) || isa<ForStatement>(n) ||
         isa<ForInStatement>(n) || isa<ForOfStatement>(n);
}

/// Node -> bool memo: one flat open-addressing table, so memoising a fact
/// per node costs no allocation per node.
class NodeFlags {
public:
  /// The stored flag of \p n, or null.
  const bool *find(const Node *n) const {
    if (slots_.empty())
      return nullptr;
    for (size_t i = hash(n) & (slots_.size() - 1);; i = (i + 1) & (slots_.size() - 1)) {
      if (slots_[i].key == n)
        return &slots_[i].value;
      if (!slots_[i].key)
        return nullptr;
    }
  }
  void insert(const Node *n, bool value) {
    if ((used_ + 1) * 2 > slots_.size())
      grow();
    size_t i = hash(n) & (slots_.size() - 1);
    while (slots_[i].key && slots_[i].key != n)
      i = (i + 1) & (slots_.size() - 1);
    if (!slots_[i].key)
      ++used_;
    slots_[i] = {n, value};
  }

private:
  struct Slot {
    const Node *key = nullptr;
    bool value = false;
  };
  static size_t hash(const Node *n) {
    uint64_t x = reinterpret_cast<uintptr_t>(n) >> 3;
    x *= 0x9E3779B97F4A7C15ull;
    return static_cast<size_t>(x ^ (x >> 32));
  }
  void grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.empty() ? 1024 : old.size() * 2, Slot{});
    used_ = 0;
    for (const Slot &sl : old)
      if (sl.key)
        insert(sl.key, sl.value);
  }
  std::vector<Slot> slots_;
  size_t used_ = 0;
};

class Normalizer {
public:
  Normalizer(Module &m, DiagnosticEngine &diags)
      : m_(m), b_(m), diags_(diags), evalAtom_(m.atom("eval")) {}

  bool run() {
    scopes_ = m_.scopes();
    Program *p = m_.program;
    p->body = body(p->body);
    return ok_;
  }

private:
  // ---- contexts and temporaries ----

  /// Normalizes a function-like statement list in a fresh temporary context
  /// and prepends the temporaries' declaration after the directives.
  NodeList body(NodeList stmts) {
    std::vector<Atom> temps;
    std::vector<Atom> *saved = temps_;
    temps_ = &temps;
    Out out;
    size_t directives = 0;
    for (Node *s : stmts) {
      auto *es = dynCast<ExpressionStatement>(s);
      if (out.size() == directives && es && !es->directive.empty()) {
        out.push_back(s);
        ++directives;
        continue;
      }
      stmt(s, out);
    }
    temps_ = saved;
    if (!temps.empty())
      out.insert(out.begin() + static_cast<std::ptrdiff_t>(directives),
                 b_.declareNames(VarKind::Let, temps));
    return b_.list(out);
  }

  Atom newTemp() {
    Atom t = b_.freshName("t");
    b_.module().statementTemps.insert(t);
    temps_->push_back(t);
    tempSet_.insert(t);
    return t;
  }
  Identifier *use(Atom t) { return b_.ident(t); }
  /// `$t = value;` (an anonymous function keeps its empty name).
  Node *assignStmt(Atom t, Node *value) {
    return b_.exprStmt(b_.assign(use(t), b_.keepAnonymous(value)));
  }
  /// `$t = value;`, returns `$t`.
  Node *spill(Node *value, Out &out) {
    Atom t = newTemp();
    b_.setRange(value->range);
    out.push_back(assignStmt(t, value));
    return use(t);
  }
  Node *atomic(Node *v, Out &out) { return isAtomic(v) ? v : spill(v, out); }

  /// `if (typeof $m !== "function") throw new TypeError("<text> is not a
  /// <what>")`, normalized into \p out like any statement.
  void guardCallable(Node *method, const std::string &text, std::string_view what, Out &out) {
    stmt(b_.notCallableGuard(cloneAtom(method), text, what), out);
  }

  void unsupported(const Node *n, std::string_view what) {
    ok_ = false;
    diags_.report(DiagId::err_unsupported, m_.file(), n->range,
                  fmt::format("{} (in the anf pass; run desugar first)", what));
  }

  // ---- facts about expressions ----

  /// Whether evaluating \p n runs a call-like expression of this context.
  /// Nested function bodies and class field initializers are other contexts.
  bool containsCall(Node *n) {
    if (!n || isAtomic(n))
      return false;
    if (const bool *known = callMemo_.find(n))
      return *known;
    bool r = false;
    if (isCallLike(n))
      r = true;
    else if (isFunction(n))
      r = false;
    else if (isClass(n)) {
      NodeList members;
      if (auto *d = dynCast<ClassDeclaration>(n))
        r = containsCall(d->superClass), members = d->body;
      else {
        auto *e = cast<ClassExpression>(n);
        r = containsCall(e->superClass), members = e->body;
      }
      for (Node *mem : members) {
        if (auto *md = dynCast<MethodDefinition>(mem); md && md->computed)
          r = r || containsCall(md->key);
        if (auto *pd = dynCast<PropertyDefinition>(mem); pd && pd->computed)
          r = r || containsCall(pd->key);
      }
    } else
      forEachChildSlot(n, [&](Node *&c) { r = r || containsCall(c); });
    callMemo_.insert(n, r);
    return r;
  }

  /// A value no call can change between its evaluation and a later use.
  bool isStable(const Node *n) const {
    if (isPrimitiveLiteral(n) || isa<ThisExpression>(n) || isa<FunctionExpression>(n) ||
        isa<ArrowFunctionExpression>(n))
      return true;
    auto *id = dynCast<Identifier>(n);
    if (!id)
      return false;
    if (tempSet_.count(id->name))
      return true;
    if (!scopes_ || id->binding == kNoBinding || id->binding >= scopes_->numBindings())
      return false;
    const Binding &bd = scopes_->binding(id->binding);
    if (bd.assignedAfterInit || bd.dynamic)
      return false;
    switch (bd.kind) {
    case BindingKind::Function:
    case BindingKind::Param:
    case BindingKind::CatchParam:
    case BindingKind::FunctionName:
      return true;
    default:
      return false;
    }
  }

  /// Whether evaluating \p n may run user code (a call, a getter, a
  /// conversion), which could change what a callee evaluated before it means.
  bool mayRunCode(Node *n) {
    if (isAtomic(n) || isa<FunctionExpression>(n) || isa<ArrowFunctionExpression>(n))
      return false;
    return true; // spreads too: iteration runs user code
  }

  // ---- statements ----

  void stmt(Node *s, Out &out) {
    b_.setRange(s->range);
    switch (s->kind) {
    case NodeKind::ExpressionStatement:
      exprStmt(cast<ExpressionStatement>(s), out);
      return;
    case NodeKind::VariableDeclaration:
      varDecl(cast<VariableDeclaration>(s), out);
      return;
    case NodeKind::ReturnStatement: {
      auto *r = cast<ReturnStatement>(s);
      if (r->argument)
        r->argument = value(r->argument, out);
      out.push_back(r);
      return;
    }
    case NodeKind::ThrowStatement: {
      auto *t = cast<ThrowStatement>(s);
      t->argument = value(t->argument, out);
      out.push_back(t);
      return;
    }
    case NodeKind::IfStatement: {
      auto *i = cast<IfStatement>(s);
      i->test = value(i->test, out);
      i->consequent = sub(i->consequent);
      if (i->alternate)
        i->alternate = sub(i->alternate);
      out.push_back(i);
      return;
    }
    case NodeKind::BlockStatement: {
      auto *bl = cast<BlockStatement>(s);
      bl->body = list(bl->body);
      out.push_back(bl);
      return;
    }
    case NodeKind::LabeledStatement:
      labeled(cast<LabeledStatement>(s), out);
      return;
    case NodeKind::WhileStatement:
    case NodeKind::DoWhileStatement:
    case NodeKind::ForStatement:
    case NodeKind::ForInStatement:
    case NodeKind::ForOfStatement:
      loop(s, out);
      return;
    case NodeKind::SwitchStatement: {
      auto *sw = cast<SwitchStatement>(s);
      sw->discriminant = value(sw->discriminant, out);
      bool testCall = false;
      for (Node *c : sw->cases)
        testCall = testCall || containsCall(cast<SwitchCase>(c)->test);
      if (testCall)
        switchTests(sw, out);
      for (Node *c : sw->cases) {
        auto *sc = cast<SwitchCase>(c);
        if (sc->test)
          visitFunctions(sc->test);
        sc->consequent = list(sc->consequent);
      }
      out.push_back(sw);
      return;
    }
    case NodeKind::TryStatement: {
      auto *t = cast<TryStatement>(s);
      t->block = sub(t->block);
      if (t->handler) {
        auto *h = cast<CatchClause>(t->handler);
        if (h->param && containsCall(h->param))
          unsupported(h->param, "a call in a catch parameter pattern");
        else if (h->param)
          visitFunctions(h->param);
        h->body = sub(h->body);
      }
      if (t->finalizer)
        t->finalizer = sub(t->finalizer);
      out.push_back(t);
      return;
    }
    case NodeKind::WithStatement: {
      auto *w = cast<WithStatement>(s);
      w->object = value(w->object, out);
      ++withDepth_;
      w->body = sub(w->body);
      --withDepth_;
      out.push_back(w);
      return;
    }
    case NodeKind::FunctionDeclaration:
      function(s);
      out.push_back(s);
      return;
    case NodeKind::ClassDeclaration:
      classNode(s, out);
      out.push_back(s);
      return;
    case NodeKind::ExportNamedDeclaration: {
      auto *e = cast<ExportNamedDeclaration>(s);
      if (e->declaration) {
        Out inner;
        stmt(e->declaration, inner);
        if (auto *vd = dynCast<VariableDeclaration>(e->declaration)) {
          // Declarators may have been split into one declaration each: every
          // declaration of an original declarator stays exported.
          std::unordered_set<const Node *> own(vd->declarations.begin(), vd->declarations.end());
          for (Node *n : inner) {
            auto *nd = dynCast<VariableDeclaration>(n);
            if (nd && nd->declarations.size() >= 1 && own.count(nd->declarations[0])) {
              b_.setRange(e->range);
              auto *ex = b_.make<ExportNamedDeclaration>();
              ex->declaration = nd;
              out.push_back(ex);
            } else
              out.push_back(n);
          }
          return;
        }
        // A function or class stays one statement: its hoisted parts go before.
        e->declaration = inner.back();
        inner.pop_back();
        for (Node *n : inner)
          out.push_back(n);
      }
      out.push_back(e);
      return;
    }
    case NodeKind::ExportDefaultDeclaration: {
      auto *e = cast<ExportDefaultDeclaration>(s);
      if (isa<FunctionDeclaration>(e->declaration))
        function(e->declaration);
      else if (isa<ClassDeclaration>(e->declaration))
        classNode(e->declaration, out);
      else
        e->declaration = value(e->declaration, out);
      out.push_back(e);
      return;
    }
    default:
      out.push_back(s);
      return;
    }
  }

  /// Case tests with calls: the matching case is found first, testing in
  /// source order (the spec's order: cases before and after `default`, then
  /// `default`) and stopping at the first match, into `$i`; the switch then
  /// dispatches on `$i` with literal tests, so case bodies, fallthrough,
  /// `break` and the case block's lexical scope stay as they were.
  void switchTests(SwitchStatement *sw, Out &out) {
    // The tests would leave the case block's scope: refuse if one mentions a
    // name declared there (TDZ / block function semantics would change).
    std::unordered_set<Atom, AtomHash> lexical;
    for (Node *c : sw->cases)
      for (Node *st : cast<SwitchCase>(c)->consequent) {
        if (auto *vd = dynCast<VariableDeclaration>(st); vd && vd->kind != VarKind::Var) {
          std::vector<Node *> names;
          for (Node *d : vd->declarations)
            boundNames(cast<VariableDeclarator>(d)->id, names);
          for (Node *n : names)
            lexical.insert(cast<Identifier>(cast<VariableDeclarator>(n)->id)->name);
        } else if (auto *fd = dynCast<FunctionDeclaration>(st); fd && fd->id)
          lexical.insert(cast<Identifier>(fd->id)->name);
        else if (auto *cd = dynCast<ClassDeclaration>(st); cd && cd->id)
          lexical.insert(cast<Identifier>(cd->id)->name);
      }
    if (!lexical.empty())
      for (Node *c : sw->cases)
        if (Node *t = cast<SwitchCase>(c)->test; t && mentions(t, lexical)) {
          unsupported(t, "a call in a switch case test that refers to a declaration of the "
                         "case block");
          return;
        }
    Atom disc = newTemp(), index = newTemp();
    out.push_back(assignStmt(disc, atomic(sw->discriminant, out)));
    sw->discriminant = use(index);
    out.push_back(assignStmt(index, b_.unary(UnaryOp::Minus, b_.number(1))));
    Atom label = b_.freshName("case");
    Out find;
    double i = 0;
    for (Node *c : sw->cases) {
      auto *sc = cast<SwitchCase>(c);
      if (!sc->test)
        continue;
      Node *t = value(sc->test, find);
      auto *brk = b_.make<BreakStatement>();
      brk->label = label;
      Out then{assignStmt(index, b_.number(i)), brk};
      find.push_back(b_.ifStmt(b_.binary(BinaryOp::StrictEq, use(disc), t), b_.block(then)));
      sc->test = b_.number(i);
      i += 1;
    }
    auto *l = b_.make<LabeledStatement>();
    l->label = label;
    l->body = b_.block(find);
    out.push_back(l);
  }

  static bool mentions(const Node *n, const std::unordered_set<Atom, AtomHash> &names) {
    return anyNode(n, [&](const Node *x) {
      auto *id = dynCast<Identifier>(x);
      return id && names.count(id->name) != 0;
    });
  }

  /// A statement in a single-statement position.
  Node *sub(Node *s) {
    Out out;
    stmt(s, out);
    if (out.size() == 1)
      return out[0];
    return b_.block(out);
  }
  NodeList list(NodeList stmts) {
    Out out;
    out.reserve(stmts.size());
    for (Node *s : stmts)
      stmt(s, out);
    return b_.list(out);
  }

  void exprStmt(ExpressionStatement *s, Out &out) {
    if (!s->directive.empty() || !containsCall(s->expression)) {
      visitFunctions(s->expression);
      out.push_back(s);
      return;
    }
    Node *e = s->expression;
    if (isCallLike(e)) {
      s->expression = callLike(e, out);
      out.push_back(s);
      return;
    }
    if (auto *a = dynCast<AssignmentExpression>(e);
        a && a->op == AssignOp::Assign && isa<Identifier>(a->left) && isCallLike(a->right)) {
      a->right = callLike(a->right, out);
      out.push_back(s);
      return;
    }
    Node *v = value(e, out);
    if (isCallLike(v)) {
      s->expression = v;
      out.push_back(s);
    } else if (auto *id = dynCast<Identifier>(v); id && tempSet_.count(id->name)) {
      // The value was only needed as a result; its effects are emitted.
    } else if (isPrimitiveLiteral(v)) {
    } else {
      s->expression = v;
      out.push_back(s);
    }
  }

  void varDecl(VariableDeclaration *d, Out &out) {
    bool anyCall = false;
    for (Node *dn : d->declarations)
      anyCall = anyCall || containsCall(dn);
    if (!anyCall) {
      for (Node *dn : d->declarations)
        visitFunctions(dn);
      out.push_back(d);
      return;
    }
    // Declarators run in order: one declaration per declarator.
    for (Node *dn : d->declarations) {
      auto *decl = cast<VariableDeclarator>(dn);
      if (containsCall(decl->id)) {
        unsupported(decl->id, "a call in a destructuring pattern");
        continue;
      }
      visitFunctions(decl->id);
      if (decl->init) {
        if (isa<Identifier>(decl->id) && isCallLike(decl->init))
          decl->init = callLike(decl->init, out);
        else
          decl->init = value(decl->init, out);
      }
      b_.setRange(d->range);
      auto *nd = b_.make<VariableDeclaration>();
      nd->kind = d->kind;
      nd->declarations = b_.list({decl});
      out.push_back(nd);
    }
  }

  void labeled(LabeledStatement *l, Out &out) {
    Out inner;
    stmt(l->body, inner);
    if (inner.empty())
      inner.push_back(b_.make<EmptyStatement>());
    const Node *labelled = l->body;
    while (auto *inner2 = dynCast<LabeledStatement>(labelled))
      labelled = inner2->body;
    if (inner.size() == 1 || isLoop(labelled)) {
      // The loop (or the lone statement) is emitted last; keep the label on
      // it so `continue L` still targets a loop.
      l->body = inner.back();
      inner.pop_back();
      for (Node *n : inner)
        out.push_back(n);
      out.push_back(l);
      return;
    }
    l->body = b_.block(inner);
    out.push_back(l);
  }

  /// `if (!test) break;` (test may need statements before it).
  Node *breakUnless(Node *test) {
    auto *brk = b_.make<BreakStatement>();
    return b_.ifStmt(b_.unary(UnaryOp::Not, test), brk);
  }

  Node *prependToBody(Node *bodyStmt, Out &&front) {
    Node *newBody = sub(bodyStmt);
    if (auto *bl = dynCast<BlockStatement>(newBody)) {
      // Keep the block (its lexical scope) intact: nest it.
      front.push_back(bl);
    } else
      front.push_back(newBody);
    return b_.block(front);
  }

  void loop(Node *s, Out &out) {
    switch (s->kind) {
    case NodeKind::WhileStatement: {
      auto *w = cast<WhileStatement>(s);
      if (!containsCall(w->test)) {
        visitFunctions(w->test);
        w->body = sub(w->body);
        out.push_back(w);
        return;
      }
      // while (true) { t = test; if (!t) break; body } - `continue` re-runs it.
      Out front;
      Node *t = value(w->test, front);
      front.push_back(breakUnless(t));
      w->body = prependToBody(w->body, std::move(front));
      w->test = b_.boolean(true);
      out.push_back(w);
      return;
    }
    case NodeKind::DoWhileStatement: {
      auto *d = cast<DoWhileStatement>(s);
      if (!containsCall(d->test)) {
        visitFunctions(d->test);
        d->body = sub(d->body);
        out.push_back(d);
        return;
      }
      // $first = true; while (true) { if (!$first) { test; if (!t) break; }
      // $first = false; body } - `continue` jumps to the top, i.e. the test.
      Atom first = newTemp();
      out.push_back(assignStmt(first, b_.boolean(true)));
      Out testStmts;
      Node *t = value(d->test, testStmts);
      testStmts.push_back(breakUnless(t));
      Out front;
      front.push_back(b_.ifStmt(b_.unary(UnaryOp::Not, use(first)), b_.block(testStmts)));
      front.push_back(assignStmt(first, b_.boolean(false)));
      auto *w = b_.make<WhileStatement>();
      w->test = b_.boolean(true);
      w->body = prependToBody(d->body, std::move(front));
      out.push_back(w);
      return;
    }
    case NodeKind::ForStatement: {
      auto *f = cast<ForStatement>(s);
      forInit(f, out);
      bool testCall = containsCall(f->test), updateCall = containsCall(f->update);
      if (!testCall)
        visitFunctions(f->test);
      if (!updateCall)
        visitFunctions(f->update);
      if (!testCall && !updateCall) {
        f->body = sub(f->body);
        out.push_back(f);
        return;
      }
      // The test moves to the top of the body and a call-containing update
      // runs there too, guarded by a first-iteration flag reset by the
      // head's update. Per-iteration `let` copies are made by the engine
      // before the head's update, so the moved code sees the same binding.
      Out front;
      if (updateCall) {
        Atom first = newTemp();
        out.push_back(assignStmt(first, b_.boolean(true)));
        Out upd;
        Node *u = value(f->update, upd);
        if (!(isa<Identifier>(u) && tempSet_.count(cast<Identifier>(u)->name)))
          upd.push_back(b_.exprStmt(u));
        front.push_back(b_.ifStmt(b_.unary(UnaryOp::Not, use(first)), b_.block(upd)));
        f->update = b_.assign(use(first), b_.boolean(false));
      }
      if (f->test) {
        if (testCall) {
          Node *t = value(f->test, front);
          front.push_back(breakUnless(t));
          f->test = nullptr;
        } else {
          front.push_back(breakUnless(f->test));
          f->test = nullptr;
        }
      }
      f->body = prependToBody(f->body, std::move(front));
      out.push_back(f);
      return;
    }
    case NodeKind::ForInStatement:
    case NodeKind::ForOfStatement: {
      Node **left, **right, **bodySlot;
      if (auto *fi = dynCast<ForInStatement>(s))
        left = &fi->left, right = &fi->right, bodySlot = &fi->body;
      else {
        auto *fo = cast<ForOfStatement>(s);
        left = &fo->left, right = &fo->right, bodySlot = &fo->body;
      }
      if (containsCall(*left))
        unsupported(*left, "a call in a for-in/of target");
      else
        visitFunctions(*left);
      *right = valueInTdz(*right, dynCast<VariableDeclaration>(*left), out);
      *bodySlot = sub(*bodySlot);
      out.push_back(s);
      return;
    }
    default:
      out.push_back(s);
      return;
    }
  }

  void forInit(ForStatement *f, Out &out) {
    if (!f->init || !containsCall(f->init)) {
      if (f->init)
        visitFunctions(f->init);
      return;
    }
    auto *vd = dynCast<VariableDeclaration>(f->init);
    if (!vd) {
      Node *v = value(f->init, out);
      f->init = nullptr;
      if (!(isa<Identifier>(v) && tempSet_.count(cast<Identifier>(v)->name)))
        out.push_back(b_.exprStmt(v));
      return;
    }
    if (vd->kind == VarKind::Var) {
      varDecl(vd, out);
      f->init = nullptr;
      return;
    }
    // let/const: the bindings must stay in the head (per-iteration copies).
    // Only the first declarator's initialiser can be computed before the loop
    // without seeing an earlier declarator of the same head.
    for (size_t i = 0; i < vd->declarations.size(); ++i) {
      auto *d = cast<VariableDeclarator>(vd->declarations[i]);
      if (!containsCall(d)) {
        visitFunctions(d);
        continue;
      }
      if (i != 0 || containsCall(d->id)) {
        unsupported(d, "a call in a for-loop head declaration other than the first initialiser");
        continue;
      }
      d->init = valueInTdz(d->init, vd, out);
    }
  }

  /// Evaluates \p e where the names \p decl binds are in their TDZ (a loop
  /// head's `let`/`const`): the hoisted statements run in a block declaring
  /// those names after them, so a reference to one throws as it does in JS.
  /// The returned rest of \p e stays in the head, in the same TDZ.
  Node *valueInTdz(Node *e, VariableDeclaration *decl, Out &out) {
    if (!decl || decl->kind == VarKind::Var || !containsCall(e))
      return value(e, out);
    Out in;
    Node *v = value(e, in);
    std::vector<Node *> names;
    for (Node *d : decl->declarations)
      boundNames(cast<VariableDeclarator>(d)->id, names);
    if (!names.empty()) {
      auto *tdz = b_.make<VariableDeclaration>();
      tdz->kind = VarKind::Let;
      tdz->declarations = b_.list(names);
      in.push_back(tdz);
    }
    out.push_back(b_.block(in));
    return v;
  }

  /// Declarators (without initialisers) for the names a pattern binds.
  void boundNames(Node *target, std::vector<Node *> &names) {
    if (!target)
      return;
    switch (target->kind) {
    case NodeKind::Identifier: {
      auto *d = b_.make<VariableDeclarator>();
      d->id = b_.ident(cast<Identifier>(target)->name);
      names.push_back(d);
      return;
    }
    case NodeKind::ArrayPattern:
      for (Node *el : cast<ArrayPattern>(target)->elements)
        boundNames(el, names);
      return;
    case NodeKind::ObjectPattern:
      for (Node *p : cast<ObjectPattern>(target)->properties)
        boundNames(isa<Property>(p) ? cast<Property>(p)->value : p, names);
      return;
    case NodeKind::RestElement:
      boundNames(cast<RestElement>(target)->argument, names);
      return;
    case NodeKind::AssignmentPattern:
      boundNames(cast<AssignmentPattern>(target)->left, names);
      return;
    default:
      return;
    }
  }

  // ---- expressions ----

  /// Processes nested functions and classes of a call-free expression.
  void visitFunctions(Node *n) {
    if (!n)
      return;
    if (isFunction(n)) {
      function(n);
      return;
    }
    if (isClass(n)) {
      classMembers(n);
      return;
    }
    forEachChildSlot(n, [&](Node *&c) { visitFunctions(c); });
  }

  void function(Node *fn) {
    NodeList *params;
    Node **bodySlot;
    if (auto *d = dynCast<FunctionDeclaration>(fn))
      params = &d->params, bodySlot = &d->body;
    else if (auto *e = dynCast<FunctionExpression>(fn))
      params = &e->params, bodySlot = &e->body;
    else {
      auto *a = cast<ArrowFunctionExpression>(fn);
      params = &a->params, bodySlot = &a->body;
    }
    for (Node *p : *params) {
      if (containsCall(p))
        unsupported(p, "a call in a default parameter value or parameter pattern");
      else
        visitFunctions(p);
    }
    if (auto *bl = dynCast<BlockStatement>(*bodySlot)) {
      bl->body = body(bl->body);
      return;
    }
    // Concise arrow body.
    Node *e = *bodySlot;
    if (!containsCall(e)) {
      visitFunctions(e);
      return;
    }
    std::vector<Atom> temps;
    std::vector<Atom> *saved = temps_;
    temps_ = &temps;
    Out out;
    Node *v = value(e, out);
    b_.setRange(e->range);
    auto *ret = b_.make<ReturnStatement>();
    ret->argument = v;
    out.push_back(ret);
    temps_ = saved;
    auto *bl = b_.block(out);
    *bodySlot = bl;
    // Declare the temporaries through the common path.
    temps_ = &temps;
    std::vector<Node *> decls;
    for (Atom t : temps) {
      auto *d = b_.make<VariableDeclarator>();
      d->id = b_.ident(t);
      decls.push_back(d);
    }
    temps_ = saved;
    if (!decls.empty()) {
      auto *decl = b_.make<VariableDeclaration>();
      decl->kind = VarKind::Let;
      decl->declarations = b_.list(decls);
      out.insert(out.begin(), decl);
      bl->body = b_.list(out);
    }
  }

  /// A class's superclass and computed keys run in the enclosing context
  /// (in order); its methods, field initializers and static blocks are
  /// contexts of their own.
  void classNode(Node *cls, Out &out) {
    Node **super;
    NodeList members;
    if (auto *d = dynCast<ClassDeclaration>(cls))
      super = &d->superClass, members = d->body;
    else {
      auto *e = cast<ClassExpression>(cls);
      super = &e->superClass, members = e->body;
    }
    if (containsCall(cls)) {
      std::vector<Node **> slots;
      if (*super)
        slots.push_back(super);
      for (Node *mem : members) {
        if (auto *md = dynCast<MethodDefinition>(mem); md && md->computed)
          slots.push_back(&md->key);
        if (auto *pd = dynCast<PropertyDefinition>(mem); pd && pd->computed)
          slots.push_back(&pd->key);
      }
      operands(slots, out, false);
    }
    classMembers(cls);
  }

  void classMembers(Node *cls) {
    Node *super;
    NodeList members;
    if (auto *d = dynCast<ClassDeclaration>(cls))
      super = d->superClass, members = d->body;
    else {
      auto *e = cast<ClassExpression>(cls);
      super = e->superClass, members = e->body;
    }
    if (super && !containsCall(super))
      visitFunctions(super);
    for (Node *mem : members) {
      if (auto *md = dynCast<MethodDefinition>(mem)) {
        if (md->computed && !containsCall(md->key))
          visitFunctions(md->key);
        function(md->value);
      } else if (auto *pd = dynCast<PropertyDefinition>(mem)) {
        if (pd->computed && !containsCall(pd->key))
          visitFunctions(pd->key);
        if (auto *arrow = arrowIifeCallee(pd->value)) {
          // Already the wrapper (e.g. desugar's for an initializer that
          // needed statements).
          function(arrow);
        } else if (pd->value && containsCall(pd->value)) {
          // A field initializer is its own function-like context.
          b_.setRange(pd->value->range);
          CallExpression *iife = b_.arrowIife(pd->value);
          function(iife->callee);
          pd->value = iife;
        } else if (pd->value)
          visitFunctions(pd->value);
      } else if (auto *sb = dynCast<StaticBlock>(mem)) {
        sb->body = body(sb->body);
      }
    }
  }

  /// Evaluates the expressions in \p slots in order, writing call-free
  /// results back. Results evaluated before the last call-containing slot
  /// are copied to temporaries unless stable; with \p atomicAll every
  /// result is made atomic.
  void operands(const std::vector<Node **> &slots, Out &out, bool atomicAll) {
    size_t last = 0;
    bool any = false;
    for (size_t i = 0; i < slots.size(); ++i)
      if (containsCall(*slots[i]))
        last = i, any = true;
    for (size_t i = 0; i < slots.size(); ++i) {
      Node *r = value(*slots[i], out);
      bool before = any && i < last;
      if ((before && !isStable(r)) || (atomicAll && !isAtomic(r)))
        r = spill(r, out);
      *slots[i] = r;
    }
  }

  /// An object literal's keys, values and spreads, in order, as operands().
  /// Two parts run user code where the literal is evaluated, not where it is
  /// built, so before a later hoisted call they are done on the spot:
  ///  - a computed key is converted by ToPropertyKey (an object's toString /
  ///    Symbol.toPrimitive runs before the property's value):
  ///    `$k = key; if ($k !== null && (typeof $k === "object" || typeof $k
  ///    === "function")) $k = Reflect.ownKeys({ [$k]: 0 })[0];`
  ///    (desugar's LowerConditional converts the same way);
  ///  - a spread source's own enumerable properties are copied (its getters
  ///    and Proxy traps run there): `$s = { ...src };` and the literal spreads
  ///    `$s`, a plain object of data properties in the same key order.
  void objectOperands(ObjectExpression *o, Out &out) {
    enum class Part { Value, Key, Spread };
    std::vector<std::pair<Node **, Part>> slots;
    for (Node *p : o->properties) {
      if (auto *prop = dynCast<Property>(p)) {
        if (prop->computed)
          slots.emplace_back(&prop->key, Part::Key);
        slots.emplace_back(&prop->value, Part::Value);
      } else
        slots.emplace_back(&cast<SpreadElement>(p)->argument, Part::Spread);
    }
    size_t last = 0;
    bool any = false;
    for (size_t i = 0; i < slots.size(); ++i)
      if (containsCall(*slots[i].first))
        last = i, any = true;
    for (size_t i = 0; i < slots.size(); ++i) {
      auto [slot, part] = slots[i];
      Node *r = value(*slot, out);
      if (any && i < last) {
        if (part == Part::Spread) {
          auto *copy = b_.make<ObjectExpression>();
          auto *sp = b_.make<SpreadElement>();
          sp->argument = r;
          copy->properties = b_.list({sp});
          r = spill(copy, out);
        } else if (part == Part::Key && !isPrimitiveLiteral(r)) {
          r = isTemp(r) ? r : spill(r, out);
          toPropertyKey(cast<Identifier>(r)->name, out);
        } else if (!isStable(r)) {
          r = spill(r, out);
        }
      }
      *slot = r;
    }
  }

  bool isTemp(const Node *n) const {
    auto *id = dynCast<Identifier>(n);
    return id && tempSet_.count(id->name);
  }

  /// Converts the temporary \p k by ToPropertyKey if it holds an object (a
  /// primitive converts without running code, so later is as good).
  void toPropertyKey(Atom k, Out &out) {
    auto [test, conv] = b_.objectToPropertyKey(k);
    Out then;
    then.push_back(assignStmt(k, value(conv, then)));
    out.push_back(b_.ifStmt(test, b_.block(then)));
  }

  /// Normalizes \p e as a value: returns a call-free expression, its calls
  /// emitted to \p out; a call is named by a temporary.
  Node *value(Node *e, Out &out) {
    if (!containsCall(e)) {
      visitFunctions(e);
      return e;
    }
    b_.setRange(e->range);
    switch (e->kind) {
    case NodeKind::CallExpression:
    case NodeKind::NewExpression:
    case NodeKind::TaggedTemplateExpression:
    case NodeKind::YieldExpression:
    case NodeKind::AwaitExpression:
    case NodeKind::ImportExpression: {
      Node *c = callLike(e, out);
      return spill(c, out);
    }
    case NodeKind::BinaryExpression: {
      auto *bin = cast<BinaryExpression>(e);
      if (isa<PrivateName>(bin->left)) {
        bin->right = value(bin->right, out);
        return bin;
      }
      operands({&bin->left, &bin->right}, out, false);
      return bin;
    }
    case NodeKind::UnaryExpression: {
      auto *u = cast<UnaryExpression>(e);
      if (u->op == UnaryOp::Delete && isa<MemberExpression>(u->argument)) {
        u->argument = reference(u->argument, out, true);
        return u;
      }
      u->argument = value(u->argument, out);
      return u;
    }
    case NodeKind::UpdateExpression: {
      auto *u = cast<UpdateExpression>(e);
      u->argument = reference(u->argument, out, true);
      return u;
    }
    case NodeKind::AssignmentExpression:
      return assignment(cast<AssignmentExpression>(e), out);
    case NodeKind::LogicalExpression: {
      auto *l = cast<LogicalExpression>(e);
      if (!containsCall(l->right)) {
        l->left = value(l->left, out);
        visitFunctions(l->right);
        return l;
      }
      // $t = left; if (cond) { $t = right; }
      Node *left = value(l->left, out);
      Atom t = newTemp();
      out.push_back(assignStmt(t, left));
      Out then;
      Node *right = value(l->right, then);
      then.push_back(assignStmt(t, right));
      out.push_back(b_.ifStmt(shortCircuitTest(l->op, t), b_.block(then)));
      return use(t);
    }
    case NodeKind::ConditionalExpression: {
      auto *c = cast<ConditionalExpression>(e);
      if (!containsCall(c->consequent) && !containsCall(c->alternate)) {
        c->test = value(c->test, out);
        visitFunctions(c->consequent);
        visitFunctions(c->alternate);
        return c;
      }
      Node *test = value(c->test, out);
      Atom t = newTemp();
      Out then, otherwise;
      then.push_back(assignStmt(t, value(c->consequent, then)));
      otherwise.push_back(assignStmt(t, value(c->alternate, otherwise)));
      out.push_back(b_.ifStmt(test, b_.block(then), b_.block(otherwise)));
      return use(t);
    }
    case NodeKind::SequenceExpression: {
      auto *sq = cast<SequenceExpression>(e);
      size_t n = sq->expressions.size();
      for (size_t i = 0; i + 1 < n; ++i) {
        auto *es = b_.exprStmt(sq->expressions[i]);
        exprStmt(es, out);
      }
      return value(sq->expressions[n - 1], out);
    }
    case NodeKind::MemberExpression:
      return member(cast<MemberExpression>(e), out);
    case NodeKind::ArrayExpression: {
      auto *a = cast<ArrayExpression>(e);
      elements(a->elements, out, false);
      return a;
    }
    case NodeKind::ObjectExpression: {
      auto *o = cast<ObjectExpression>(e);
      objectOperands(o, out);
      // `{ a }` whose value became a temporary is `{ a: $t }` now.
      for (Node *p : o->properties)
        if (auto *prop = dynCast<Property>(p); prop && prop->shorthand) {
          auto *k = dynCast<Identifier>(prop->key);
          auto *v = dynCast<Identifier>(prop->value);
          prop->shorthand = k && v && k->name == v->name;
          // `{ __proto__ }` defines an own property; `__proto__: v` would set
          // the prototype.
          if (!prop->shorthand && k && k->name == m_.atom("__proto__")) {
            prop->key = b_.string("__proto__");
            prop->computed = true;
          }
        }
      return o;
    }
    case NodeKind::TemplateLiteral: {
      auto *t = cast<TemplateLiteral>(e);
      templateSubstitutions(t, out);
      return t;
    }
    case NodeKind::ClassExpression:
      classNode(e, out);
      return e;
    case NodeKind::ChainExpression:
      return chain(cast<ChainExpression>(e), out);
    default:
      unsupported(e, fmt::format("a call inside {}", kindName(e->kind)));
      return e;
    }
  }

  Node *shortCircuitTest(LogicalOp op, Atom t) {
    switch (op) {
    case LogicalOp::And:
      return use(t);
    case LogicalOp::Or:
      return b_.unary(UnaryOp::Not, use(t));
    case LogicalOp::Nullish:
      return b_.binary(BinaryOp::Eq, use(t), b_.make<NullLiteral>());
    }
    return use(t);
  }

  /// Template substitutions are converted to strings as they are evaluated:
  /// one before a call is copied as `${x}`, which converts exactly as the
  /// template does.
  void templateSubstitutions(TemplateLiteral *t, Out &out) {
    size_t last = 0;
    for (size_t i = 0; i < t->expressions.size(); ++i)
      if (containsCall(t->expressions[i]))
        last = i;
    for (size_t i = 0; i < t->expressions.size(); ++i) {
      Node *r = value(t->expressions[i], out);
      if (i < last && !isPrimitiveLiteral(r)) {
        auto *conv = b_.make<TemplateLiteral>();
        auto *q0 = b_.make<TemplateElement>();
        auto *q1 = b_.make<TemplateElement>();
        q0->raw = m_.atom("");
        q1->raw = m_.atom("");
        conv->quasis = b_.list({q0, q1});
        conv->expressions = b_.list({r});
        r = spill(conv, out);
      }
      t->expressions[i] = r;
    }
  }

  /// An argument that becomes a statement of its own and may run user code
  /// there (`f(i, i += 1)`): earlier arguments must be read before it.
  bool spilledWithCode(Node *e) {
    if (auto *sp = dynCast<SpreadElement>(e))
      return !isa<Identifier>(sp->argument);
    return !isAtomic(e) && mayRunCode(e);
  }

  /// Array elements or call arguments, in order; a spread before a call is
  /// iterated into an array where JS iterates it.
  void elements(NodeList elems, Out &out, bool atomicAll) {
    size_t last = 0;
    bool any = false;
    for (size_t i = 0; i < elems.size(); ++i)
      if (elems[i] && (containsCall(elems[i]) || (atomicAll && spilledWithCode(elems[i]))))
        last = i, any = true;
    for (size_t i = 0; i < elems.size(); ++i) {
      if (!elems[i])
        continue;
      bool before = any && i < last;
      if (auto *sp = dynCast<SpreadElement>(elems[i])) {
        Node *arg = value(sp->argument, out);
        if (before) {
          auto *inner = b_.make<SpreadElement>();
          inner->argument = arg;
          auto *arr = b_.make<ArrayExpression>();
          arr->elements = b_.list({inner});
          arg = spill(arr, out);
        } else if (atomicAll && !isa<Identifier>(arg))
          arg = spill(arg, out);
        sp->argument = arg;
        continue;
      }
      Node *r = value(elems[i], out);
      if ((before && !isStable(r)) || (atomicAll && !isAtomic(r)))
        r = spill(r, out);
      elems[i] = r;
    }
  }

  Node *member(MemberExpression *mem, Out &out) {
    if (isa<Super>(mem->object)) {
      // `super` is no value to copy: `super[f()]` -> `$t = f(); super[$t]`.
      if (mem->computed)
        mem->property = value(mem->property, out);
      return mem;
    }
    if (mem->computed) {
      operands({&mem->object, &mem->property}, out, false);
      return mem;
    }
    mem->object = value(mem->object, out);
    return mem;
  }

  /// A member or identifier used as a reference (assignment target, delete,
  /// update): its object and key are evaluated now, the access later. With
  /// \p freeze they are copied so later calls cannot change them.
  Node *reference(Node *target, Out &out, bool freeze) {
    auto *mem = dynCast<MemberExpression>(target);
    if (!mem)
      return target;
    if (isa<Super>(mem->object)) {
      if (mem->computed)
        mem->property = value(mem->property, out);
      if (freeze && mem->computed && !isStable(mem->property))
        mem->property = spill(mem->property, out);
      return mem;
    }
    std::vector<Node **> slots{&mem->object};
    if (mem->computed)
      slots.push_back(&mem->property);
    operands(slots, out, false);
    if (freeze) {
      if (!isStable(mem->object))
        mem->object = spill(mem->object, out);
      if (mem->computed && !isStable(mem->property))
        mem->property = spill(mem->property, out);
    }
    return mem;
  }

  Node *cloneRef(Node *ref) {
    if (auto *id = dynCast<Identifier>(ref)) {
      auto *c = b_.ident(id->name);
      c->binding = id->binding;
      return c;
    }
    auto *mem = cast<MemberExpression>(ref);
    auto *c = b_.make<MemberExpression>();
    c->object = cloneAtom(mem->object);
    c->property = mem->computed ? cloneAtom(mem->property) : mem->property;
    c->computed = mem->computed;
    return c;
  }
  Node *cloneAtom(Node *n) {
    if (auto *id = dynCast<Identifier>(n)) {
      auto *c = b_.ident(id->name);
      c->binding = id->binding;
      return c;
    }
    if (isa<ThisExpression>(n))
      return b_.make<ThisExpression>();
    if (isa<Super>(n))
      return b_.make<Super>();
    return n; // literals are not mutated by later passes
  }

  Node *assignment(AssignmentExpression *a, Out &out) {
    if (isa<ObjectPattern>(a->left) || isa<ArrayPattern>(a->left)) {
      if (containsCall(a->left)) {
        unsupported(a->left, "a call in a destructuring pattern");
        return a;
      }
      visitFunctions(a->left);
      a->right = value(a->right, out);
      return a;
    }
    bool rightCall = containsCall(a->right);
    if (a->op == AssignOp::Assign) {
      a->left = reference(a->left, out, rightCall);
      a->right = value(a->right, out);
      return a;
    }
    std::string_view base = compoundBase(a->op);
    bool logical = a->op == AssignOp::OrAssign || a->op == AssignOp::AndAssign ||
                   a->op == AssignOp::NullishAssign;
    if (!rightCall) {
      a->left = reference(a->left, out, false);
      visitFunctions(a->right);
      return a;
    }
    Node *ref = reference(a->left, out, true);
    // The old value is read before the right side runs.
    Atom old = newTemp();
    out.push_back(assignStmt(old, cloneRef(ref)));
    if (logical) {
      LogicalOp op = a->op == AssignOp::OrAssign    ? LogicalOp::Or
                     : a->op == AssignOp::AndAssign ? LogicalOp::And
                                                    : LogicalOp::Nullish;
      Out then;
      Node *r = value(a->right, then);
      then.push_back(assignStmt(old, r));
      then.push_back(b_.exprStmt(b_.assign(cloneRef(ref), use(old))));
      out.push_back(b_.ifStmt(shortCircuitTest(op, old), b_.block(then)));
      return use(old);
    }
    Node *r = value(a->right, out);
    BinaryOp bop = BinaryOp::Add;
#define BINARY_OP(Name, Spelling, Prec)                                                            \
  if (base == Spelling)                                                                            \
    bop = BinaryOp::Name;
#include "distribufy/IR/Operators.def"
    Atom res = newTemp();
    out.push_back(assignStmt(res, b_.binary(bop, use(old), r)));
    out.push_back(b_.exprStmt(b_.assign(cloneRef(ref), use(res))));
    return use(res);
  }

  /// Normalizes the operands of a call-like node and returns it (not named).
  Node *callLike(Node *e, Out &out) {
    b_.setRange(e->range);
    switch (e->kind) {
    case NodeKind::CallExpression: {
      auto *c = cast<CallExpression>(e);
      if (c->optional) {
        unsupported(c, "an optional call outside an optional chain");
        return c;
      }
      return call(c->callee, c->arguments, out, [&](Node *callee, NodeList args) {
        c->callee = callee;
        c->arguments = args;
        return c;
      });
    }
    case NodeKind::NewExpression: {
      auto *n = cast<NewExpression>(e);
      bool argsRun = false;
      for (Node *a : n->arguments)
        argsRun = argsRun || mayRunCode(a);
      std::string originalText = ir::calleeErrorText(n->callee);
      Node *callee = value(n->callee, out);
      // `new o.C(x)` stays as it is when nothing can run between the lookup
      // and the construction: node's "o.C is not a constructor" names it.
      auto *mem = dynCast<MemberExpression>(callee);
      Node *guardedCallee = nullptr;
      bool keepMember = mem && !argsRun && !isa<Super>(mem->object) && isAtomic(mem->object) &&
                        (!mem->computed || isAtomic(mem->property));
      const std::string &calleeText = originalText;
      if (!keepMember && (!isa<Identifier>(callee) || (argsRun && !isStable(callee)))) {
        callee = spill(callee, out);
        if (!calleeText.empty()) // keep node's "o.C is not a constructor"
          guardedCallee = callee;
      }
      n->callee = callee;
      elements(n->arguments, out, true);
      if (guardedCallee)
        guardCallable(guardedCallee, calleeText, "constructor", out);
      return n;
    }
    case NodeKind::TaggedTemplateExpression: {
      auto *t = cast<TaggedTemplateExpression>(e);
      auto *q = cast<TemplateLiteral>(t->quasi);
      size_t subs = q->expressions.size();
      return call(t->tag, q->expressions, out, [&](Node *callee, NodeList args) {
        if (args.size() != subs) {
          // A frozen method came back as `$m.call($o, ...)`, which cannot
          // pass the template object: call `$m.bind($o)` instead.
          Node *method = cast<MemberExpression>(callee)->object;
          callee = spill(b_.call(b_.member(cloneAtom(method), "bind"), {args[0]}), out);
          args = args.subspan(1);
        }
        t->tag = callee;
        q->expressions = args;
        return t;
      });
    }
    case NodeKind::YieldExpression: {
      auto *y = cast<YieldExpression>(e);
      if (y->argument)
        y->argument = atomic(value(y->argument, out), out);
      return y;
    }
    case NodeKind::AwaitExpression: {
      auto *a = cast<AwaitExpression>(e);
      a->argument = atomic(value(a->argument, out), out);
      return a;
    }
    case NodeKind::ImportExpression: {
      auto *i = cast<ImportExpression>(e);
      i->source = atomic(value(i->source, out), out);
      return i;
    }
    default:
      return value(e, out);
    }
  }

  /// A call `callee(args)`: the callee is evaluated (and a method looked up)
  /// before the arguments; when the arguments may run user code it is frozen
  /// in temporaries first. \p rebuild stores the new callee and arguments.
  template <typename F> Node *call(Node *callee, NodeList args, Out &out, F &&rebuild) {
    bool argsRun = false;
    for (Node *a : args)
      argsRun = argsRun || (a && mayRunCode(a));
    // Node's text for the callee, taken before its operands are named.
    std::string calleeText = argsRun ? ir::calleeErrorText(callee) : std::string();
    if (auto *mem = dynCast<MemberExpression>(callee)) {
      Node *obj = mem->object;
      if (!isa<Super>(obj)) {
        std::vector<Node **> slots{&mem->object};
        if (mem->computed)
          slots.push_back(&mem->property);
        operands(slots, out, false);
        if (!isa<Identifier>(mem->object) && !isa<ThisExpression>(mem->object))
          mem->object = spill(mem->object, out);
      } else if (mem->computed)
        mem->property = value(mem->property, out);
      if (mem->computed && !isAtomic(mem->property))
        mem->property = spill(mem->property, out);
      if (argsRun) {
        // Freeze receiver and method: `$m.call($o, ...)`. Calling a
        // non-function through `.call` would change node's message, so the
        // frozen method is checked first with the text node would print.
        Node *recv = mem->object;
        if (isa<Super>(recv))
          recv = b_.make<ThisExpression>();
        else if (!isStable(recv)) {
          recv = spill(recv, out);
          mem->object = cloneAtom(recv);
        }
        if (mem->computed && !isStable(mem->property))
          mem->property = spill(mem->property, out);
        Node *method = spill(mem, out);
        elements(args, out, true);
        if (!calleeText.empty())
          guardCallable(method, calleeText, "function", out);
        std::vector<Node *> all;
        all.reserve(args.size() + 1);
        all.push_back(cloneAtom(recv));
        for (Node *a : args)
          all.push_back(a);
        return rebuild(b_.member(method, "call"), b_.list(all));
      }
      elements(args, out, true);
      return rebuild(mem, args);
    }
    if (auto *ch = dynCast<ChainExpression>(callee);
        ch && isa<MemberExpression>(ch->expression) &&
        !isa<Super>(cast<MemberExpression>(ch->expression)->object)) {
      // `(a?.b)(x)` calls with `a` as `this`: the chain yields the receiver
      // and the method (undefined when it short-circuits).
      auto *mem = cast<MemberExpression>(ch->expression);
      Atom recv = newTemp(), method = newTemp();
      Atom label = b_.freshName("chain");
      Out in;
      in.push_back(assignStmt(recv, chainLink(mem->object, in, label, method)));
      if (mem->optional)
        in.push_back(nullExit(use(recv), label, method));
      mem->object = use(recv);
      mem->optional = false;
      if (mem->computed)
        mem->property = atomic(value(mem->property, in), in);
      in.push_back(assignStmt(method, mem));
      auto *l = b_.make<LabeledStatement>();
      l->label = label;
      l->body = b_.block(in);
      out.push_back(l);
      elements(args, out, true);
      std::vector<Node *> all{use(recv)};
      for (Node *a : args)
        all.push_back(a);
      return rebuild(b_.member(use(method), "call"), b_.list(all));
    }
    if (isa<Super>(callee)) {
      elements(args, out, true);
      return rebuild(callee, args);
    }
    Node *c = value(callee, out);
    auto *id = dynCast<Identifier>(c);
    bool isEval = id && id->name == evalAtom_;
    if (!id || (argsRun && !isStable(c) && !isEval && withDepth_ == 0))
      c = spill(c, out);
    elements(args, out, true);
    return rebuild(c, args);
  }

  // ---- optional chains ----

  /// `a?.b.c(x)` with calls: the links run in order into a labelled block
  /// that the first nullish optional link leaves with `undefined`.
  Node *chain(ChainExpression *ce, Out &out) {
    Atom result = newTemp();
    Atom label = b_.freshName("chain");
    Out in;
    Node *v = chainPart(ce->expression, in, label, result);
    if (v)
      in.push_back(assignStmt(result, v));
    auto *l = b_.make<LabeledStatement>();
    l->label = label;
    l->body = b_.block(in);
    out.push_back(l);
    return use(result);
  }

  Node *nullExit(Node *v, Atom label, Atom result) {
    auto *brk = b_.make<BreakStatement>();
    brk->label = label;
    Out then{assignStmt(result, b_.voidZero()), brk};
    return b_.ifStmt(b_.binary(BinaryOp::Eq, cloneAtom(v), b_.make<NullLiteral>()), b_.block(then));
  }

  Node *chainPart(Node *e, Out &in, Atom label, Atom result) {
    b_.setRange(e->range);
    if (auto *mem = dynCast<MemberExpression>(e)) {
      Node *obj = chainLink(mem->object, in, label, result);
      if (!isStable(obj) && (mem->optional || (mem->computed && containsCall(mem->property))))
        obj = spill(obj, in);
      mem->object = obj;
      if (mem->optional)
        in.push_back(nullExit(obj, label, result));
      mem->optional = false;
      if (mem->computed)
        mem->property = value(mem->property, in);
      return mem;
    }
    if (auto *c = dynCast<CallExpression>(e)) {
      bool argsRun = false;
      for (Node *a : c->arguments)
        argsRun = argsRun || mayRunCode(a);
      if (auto *mem = dynCast<MemberExpression>(c->callee)) {
        Node *obj =
            isa<Super>(mem->object) ? mem->object : chainLink(mem->object, in, label, result);
        if (!isa<Super>(obj) && !isa<ThisExpression>(obj) && !isStable(obj))
          obj = spill(obj, in);
        mem->object = obj;
        if (mem->optional)
          in.push_back(nullExit(obj, label, result));
        mem->optional = false;
        if (mem->computed)
          mem->property = atomic(value(mem->property, in), in);
        if (c->optional || argsRun) {
          Node *method = spill(mem, in);
          if (c->optional)
            in.push_back(nullExit(method, label, result));
          elements(c->arguments, in, true);
          std::vector<Node *> all{isa<Super>(obj) ? b_.make<ThisExpression>() : cloneAtom(obj)};
          for (Node *a : c->arguments)
            all.push_back(a);
          c->callee = b_.member(method, "call");
          c->arguments = b_.list(all);
        } else
          elements(c->arguments, in, true);
        c->optional = false;
        return spill(c, in);
      }
      Node *f = chainLink(c->callee, in, label, result);
      if (!isa<Identifier>(f) || (!isStable(f) && (c->optional || argsRun)))
        f = spill(f, in);
      if (c->optional)
        in.push_back(nullExit(f, label, result));
      c->optional = false;
      c->callee = f;
      elements(c->arguments, in, true);
      return spill(c, in);
    }
    return value(e, in);
  }

  /// An inner link of a chain (its object or callee).
  Node *chainLink(Node *e, Out &in, Atom label, Atom result) {
    if (isa<MemberExpression>(e) || isa<CallExpression>(e)) {
      Node *v = chainPart(e, in, label, result);
      return v;
    }
    return value(e, in);
  }

  Module &m_;
  IRBuilder b_;
  DiagnosticEngine &diags_;
  Atom evalAtom_;
  const ScopeTable *scopes_ = nullptr;
  bool ok_ = true;
  unsigned withDepth_ = 0;
  std::vector<Atom> *temps_ = nullptr;
  std::unordered_set<Atom, AtomHash> tempSet_;
  NodeFlags callMemo_;
};

// ---- the post-condition ----

class AnfChecker {
public:
  AnfChecker(const Module &m, DiagnosticEngine &diags) : m_(m), diags_(diags) {}

  bool run() {
    walk(m_.program);
    return ok_;
  }

private:
  void fail(const Node *n, std::string_view what) {
    ok_ = false;
    diags_.report(DiagId::err_verifier, m_.file(), n->range, "anf", std::string(what));
  }

  static bool isCallee(const Node *n) {
    if (isa<Identifier>(n) || isa<Super>(n))
      return true;
    auto *mem = dynCast<MemberExpression>(n);
    if (!mem)
      return false;
    bool objOk =
        isa<Identifier>(mem->object) || isa<ThisExpression>(mem->object) || isa<Super>(mem->object);
    return objOk && (!mem->computed || isAtomic(mem->property));
  }
  static bool isArg(const Node *n) {
    if (auto *s = dynCast<SpreadElement>(n))
      return isa<Identifier>(s->argument);
    return isAtomic(n);
  }

  /// A call-like node in an allowed position: its operands must be atomic.
  void allowedCall(const Node *n) {
    switch (n->kind) {
    case NodeKind::CallExpression: {
      auto *c = cast<CallExpression>(n);
      if (c->optional || !isCallee(c->callee))
        fail(n, "call with a non-atomic callee");
      for (const Node *a : c->arguments)
        if (!isArg(a))
          fail(a, "call with a non-atomic argument");
      break;
    }
    case NodeKind::NewExpression: {
      auto *c = cast<NewExpression>(n);
      if (!isCallee(c->callee) || isa<Super>(c->callee))
        fail(n, "new with a non-atomic callee");
      for (const Node *a : c->arguments)
        if (!isArg(a))
          fail(a, "new with a non-atomic argument");
      break;
    }
    case NodeKind::TaggedTemplateExpression: {
      auto *t = cast<TaggedTemplateExpression>(n);
      if (!isCallee(t->tag))
        fail(n, "tagged template with a non-atomic tag");
      for (const Node *a : cast<TemplateLiteral>(t->quasi)->expressions)
        if (!isAtomic(a))
          fail(a, "tagged template with a non-atomic substitution");
      break;
    }
    case NodeKind::YieldExpression:
      if (auto *a = cast<YieldExpression>(n)->argument; a && !isAtomic(a))
        fail(a, "yield with a non-atomic operand");
      break;
    case NodeKind::AwaitExpression:
      if (!isAtomic(cast<AwaitExpression>(n)->argument))
        fail(n, "await with a non-atomic operand");
      break;
    case NodeKind::ImportExpression:
      if (!isAtomic(cast<ImportExpression>(n)->source))
        fail(n, "import() with a non-atomic operand");
      break;
    default:
      break;
    }
    // Operands are atomic; nested functions cannot occur in them.
  }

  void walk(const Node *n) {
    if (!n)
      return;
    if (isCallLike(n)) {
      fail(n, fmt::format("{} is not alone in its statement", kindName(n->kind)));
      return;
    }
    if (auto *es = dynCast<ExpressionStatement>(n)) {
      const Node *e = es->expression;
      if (isCallLike(e)) {
        allowedCall(e);
        return;
      }
      if (auto *a = dynCast<AssignmentExpression>(e);
          a && a->op == AssignOp::Assign && isa<Identifier>(a->left) && isCallLike(a->right)) {
        allowedCall(a->right);
        return;
      }
    }
    if (auto *vd = dynCast<VariableDeclaration>(n); vd && vd->declarations.size() == 1) {
      auto *d = cast<VariableDeclarator>(vd->declarations[0]);
      if (isa<Identifier>(d->id) && d->init && isCallLike(d->init)) {
        allowedCall(d->init);
        return;
      }
    }
    if (auto *pd = dynCast<PropertyDefinition>(n); pd && pd->value) {
      // The field-initializer wrapper `(() => { ... })()`.
      if (auto *c = dynCast<CallExpression>(pd->value);
          c && c->arguments.empty() && isa<ArrowFunctionExpression>(c->callee)) {
        walk(pd->key);
        walk(cast<ArrowFunctionExpression>(c->callee)->body);
        return;
      }
    }
    forEachChild(n, [&](const Node *c) { walk(c); });
  }

  const Module &m_;
  DiagnosticEngine &diags_;
  bool ok_ = true;
};

class ANFPass final : public Pass {
public:
  std::string_view name() const override { return "anf"; }
  StageSet requires_() const override { return {Stage::Desugared}; }
  StageSet establishes() const override { return {Stage::ANF}; }
  StageSet invalidates() const override { return {Stage::Scopes}; }

  bool run(ir::Module &module, PassContext &ctx) override {
    // Stability of operands is decided from current bindings.
    ir::analyzeScopes(module, nullptr);
    return Normalizer(module, ctx.diags).run();
  }

  bool verify(const ir::Module &module, PassContext &ctx) override {
    bool ok = Pass::verify(module, ctx);
    return AnfChecker(module, ctx.diags).run() && ok;
  }
};

} // namespace

std::unique_ptr<Pass> createANFPass() { return std::make_unique<ANFPass>(); }

} // namespace distribufy
