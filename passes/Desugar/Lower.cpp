//===- Lower.cpp - The desugar lowering walk -------------------------------===//
//
// One recursive walk over the tree that lowers, in place, what the desugar
// core (documented in Desugar.cpp) excludes:
//
//  * hoisting: every `var` binding of a function is declared once, in a
//    `var a, b;` line at the top of its body; the declarators become
//    assignments where they were. Function declarations move to the top of
//    their function body (or block), after that line, in source order.
//  * loops: for / for-in / for-of / do-while / while become
//    `$L: while (test) { ... }`; `continue` becomes `break $C` out of a
//    labeled block `$C: { body }`; `for (let ...)` whose bindings a closure
//    captures gets explicit per-iteration copies.
//  * compound assignment and ++/-- become read-compute-write.
//
// Why one walk: each construct is rewritten after its children, so the
// result never needs a second traversal, and the per-function state (the
// var list, the break/continue targets) is a stack that follows the walk.
// Linear in the tree: every node is visited once; the only extra scans are
// over a loop head's declarations (renaming) and a for-test (call search).
//
//===----------------------------------------------------------------------===//
#include "passes/Desugar/Desugar.h"
#include "passes/Desugar/LowerParts.h"

#include "distribufy/IR/IRBuilder.h"
#include "distribufy/IR/Scope.h"

#include <algorithm>
#include <array>
#include <optional>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace distribufy::desugar {

using namespace ir;

namespace {

/// Per-function state: the var names to declare at the top, and whether we
/// are inside the parameter list (where a body `var` temp is not visible).
struct FnCtx {
  enum Kind { Function, Program, StaticBlock, FieldInit } kind = Function;
  std::vector<Atom> vars;
  std::unordered_set<Atom, AtomHash> varSet;
  bool inParams = false;
  bool isAsync = false; ///< an async function (its `yield*` is async iteration)
  /// A generator or async function: its variables can outlive a loop
  /// (the generators pass keeps them for the generator's whole life).
  bool resumable = false;
};

/// A break/continue target: a loop being lowered (or a switch / for-await
/// kept as is, whose break label is empty).
struct Target {
  bool isLoop = false;
  Atom breakLabel; ///< empty: an unlabeled break stays unlabeled
  Atom contLabel;  ///< block label `continue` breaks out of
  bool contUsed = false;
  std::vector<Atom> labels; ///< user labels naming this statement
};

class Lowering {
public:
  Lowering(Module &m, DiagnosticEngine &diags) : m_(m), b_(m), diags_(diags) {}
  SpreadNames spreadOut; ///< set by run() when the spread helpers were named

  bool run() {
    Program *prog = m_.program;
    if (!prog)
      return true;
    FnCtx ctx;
    ctx.kind = FnCtx::Program;
    fns_.push_back(&ctx);
    std::vector<Node *> out;
    AsyncNeeds async = m_.lowerAsync ? asyncNeeds(prog) : AsyncNeeds{};
    if (async.runtime)
      m_.asyncRuntime = b_.freshName("as");
    for (Node *s : prog->body)
      lowerStmt(s, out);
    if (async.runtime) {
      // The program's own Promise and job queue (AsyncRuntime.cpp), made
      // before any user statement runs; the global names the program uses
      // are bound to them at top level unless it declares them itself.
      size_t at = directivePrologueLength(out);
      b_.setRange(SourceRange{});
      Atom state = m_.asyncRuntime;
      declareVar(state);
      std::vector<Node *> init{
          b_.exprStmt(b_.assign(b_.ident(state), b_.call(helper(Helper::AsyncInit), {})))};
      auto bindGlobal = [&](std::string_view name, std::string_view field) {
        declareVar(m_.atom(name));
        init.push_back(b_.exprStmt(b_.assign(b_.ident(name), b_.member(b_.ident(state), field))));
      };
      if (async.promise)
        bindGlobal("Promise", "P");
      if (async.queueMicrotask)
        bindGlobal("queueMicrotask", "qm");
      out.insert(out.begin() + static_cast<std::ptrdiff_t>(at), init.begin(), init.end());
    }
    if (arrayState_) {
      // The for-of fast path's intrinsics, captured before any user
      // statement runs (after the directives, which must stay first).
      size_t at = directivePrologueLength(out);
      b_.setRange(SourceRange{});
      declareVar(arrayState_);
      m_.iterState = arrayState_;
      out.insert(out.begin() + static_cast<std::ptrdiff_t>(at),
                 b_.exprStmt(
                     b_.assign(b_.ident(arrayState_), b_.call(helper(Helper::ArrayFastInit), {}))));
    }
    // Helpers are lowered like user code, in their own function contexts.
    std::vector<Node *> helpers;
    for (size_t i = 0; i < helperNames_.size(); ++i) {
      if (!helperNames_[i])
        continue;
      Node *fn = instantiateHelper(m_, static_cast<Helper>(i), helperNames_[i], diags_);
      if (!fn)
        return false;
      lowerFunction(fn);
      helpers.push_back(fn);
    }
    prog->body = b_.list(hoist(out, ctx, helpers));
    fns_.pop_back();
    if (helperNames_[static_cast<size_t>(Helper::ApplySpread)])
      spreadOut = spreadNames();
    spreadOut.iterState = arrayState_;
    return ok_;
  }

private:
  Module &m_;
  IRBuilder b_;
  DiagnosticEngine &diags_;
  bool ok_ = true;
  std::vector<FnCtx *> fns_;
  std::vector<Target> targets_;
  std::array<Atom, static_cast<size_t>(Helper::NumHelpers)> helperNames_{};
  Atom arrayState_;                    ///< program var holding ArrayFastInit's record, once used
  const Node *unusedUpdate_ = nullptr; ///< an expression whose value is discarded
  int withDepth_ = 0;                  ///< inside a `with` body (nested functions included)

  /// What of the async runtime a program needs: `runtime` when it has an
  /// async function, a `for await` (not an async generator alone: those
  /// stay native) or names
  /// the global `Promise` / `queueMicrotask`, which it then gets bound to
  /// the runtime's (unless it declares that name at top level itself).
  struct AsyncNeeds {
    bool runtime = false, promise = false, queueMicrotask = false;
  };
  AsyncNeeds asyncNeeds(const Program *prog) {
    AsyncNeeds n;
    const ScopeTable *st = m_.scopes();
    anyNode(prog, [&](const Node *x) {
      auto asyncFn = [](const auto *f) { return f->isAsync && !f->isGenerator; };
      if (auto *f = dynCast<ForOfStatement>(x))
        n.runtime = n.runtime || f->isAwait;
      else if (auto *d = dynCast<FunctionDeclaration>(x))
        n.runtime = n.runtime || asyncFn(d);
      else if (auto *e = dynCast<FunctionExpression>(x))
        n.runtime = n.runtime || asyncFn(e);
      else if (auto *a = dynCast<ArrowFunctionExpression>(x))
        n.runtime = n.runtime || asyncFn(a);
      else if (auto *id = dynCast<Identifier>(x);
               id && st && id->binding != kNoBinding &&
               st->binding(id->binding).kind == BindingKind::Global) {
        n.promise = n.promise || id->name == "Promise";
        n.queueMicrotask = n.queueMicrotask || id->name == "queueMicrotask";
      }
      return false;
    });
    n.runtime = n.runtime || n.promise || n.queueMicrotask;
    return n;
  }

  // ---- small builders ----
  Node *labeled(Atom label, Node *body) {
    auto *n = b_.make<LabeledStatement>();
    n->label = label;
    n->body = body;
    return n;
  }
  Node *breakTo(Atom label) {
    auto *n = b_.make<BreakStatement>();
    n->label = label;
    return n;
  }
  Node *whileLoop(Node *test, Node *body) {
    auto *n = b_.make<WhileStatement>();
    n->test = test;
    n->body = body;
    return n;
  }
  Node *seq(std::vector<Node *> exprs) {
    auto *n = b_.make<SequenceExpression>();
    n->expressions = b_.list(exprs);
    return n;
  }
  Node *not_(Node *e) { return b_.unary(UnaryOp::Not, e); }
  Node *helper(Helper h) {
    Atom &name = helperNames_[static_cast<size_t>(h)];
    if (!name)
      name = b_.freshName("h");
    return b_.ident(name);
  }
  /// A fresh function-level temporary (declared in the var line).
  /// Temporaries live in the function's var line, which parameter lists
  /// and class field initializers cannot see: there it is unsupported.
  bool canUseTemps(Node *where) {
    FnCtx &fn = *fns_.back();
    if (fn.kind != FnCtx::FieldInit && !fn.inParams)
      return true;
    unsupported(where, fn.inParams ? "compound assignment or update in a parameter list"
                                   : "compound assignment or update in a class field initializer");
    return false;
  }
  Atom temp(Node *) {
    Atom t = b_.freshName("t");
    m_.statementTemps.insert(t); // (each use writes it first, within its expression)
    declareVar(t);
    return t;
  }
  void declareVar(Atom name) {
    FnCtx &fn = *fns_.back();
    if (fn.varSet.insert(name).second)
      fn.vars.push_back(name);
  }
  void unsupported(Node *where, std::string_view what) {
    diags_.report(DiagId::err_unsupported, m_.file(), where ? where->range : SourceRange{}, what);
    ok_ = false;
  }

  // ---- hoisting ----

  bool isAnnexBFunction(const Node *fd) {
    const auto *f = cast<FunctionDeclaration>(fd);
    const auto *id = dynCast<Identifier>(f->id);
    const ScopeTable *st = m_.scopes();
    if (!id || !st || id->binding == kNoBinding || id->binding >= st->numBindings())
      return false;
    return st->binding(id->binding).annexBVar != kNoBinding;
  }

  /// Final statement list of a var scope: directives, the var line, the
  /// helpers, the function declarations, the rest.
  std::vector<Node *> hoist(const std::vector<Node *> &body, const FnCtx &ctx,
                            const std::vector<Node *> &helpers = {}) {
    std::vector<Node *> res;
    size_t i = directivePrologueLength(body);
    res.insert(res.end(), body.begin(), body.begin() + static_cast<ptrdiff_t>(i));
    if (!ctx.vars.empty()) {
      auto *decl = b_.make<VariableDeclaration>();
      decl->kind = VarKind::Var;
      std::vector<Node *> ds;
      for (Atom v : ctx.vars) {
        auto *d = b_.make<VariableDeclarator>();
        d->id = b_.ident(v);
        ds.push_back(d);
      }
      decl->declarations = b_.list(ds);
      res.push_back(decl);
    }
    res.insert(res.end(), helpers.begin(), helpers.end());
    for (size_t j = i; j < body.size(); ++j)
      if (isa<FunctionDeclaration>(body[j]))
        res.push_back(body[j]);
    for (size_t j = i; j < body.size(); ++j)
      if (!isa<FunctionDeclaration>(body[j]))
        res.push_back(body[j]);
    return res;
  }

  /// Block-level: function declarations first, except sloppy Annex B ones,
  /// whose position decides when the function-level var receives them.
  std::vector<Node *> hoistBlock(const std::vector<Node *> &body) {
    std::vector<Node *> res;
    for (Node *s : body)
      if (isa<FunctionDeclaration>(s) && !isAnnexBFunction(s))
        res.push_back(s);
    for (Node *s : body)
      if (!isa<FunctionDeclaration>(s) || isAnnexBFunction(s))
        res.push_back(s);
    return res;
  }

  /// Visits the expressions inside a binding pattern (defaults, computed
  /// keys) without treating its names as references.
  void visitPattern(Node *&pat) {
    if (!pat)
      return;
    switch (pat->kind) {
    case NodeKind::Identifier:
      return;
    case NodeKind::ObjectPattern:
      for (Node *&p : cast<ObjectPattern>(pat)->properties) {
        if (auto *prop = dynCast<Property>(p)) {
          if (prop->computed)
            visitExpr(prop->key);
          visitPattern(prop->value);
        } else {
          visitPattern(p);
        }
      }
      return;
    case NodeKind::ArrayPattern:
      // lowerPatterns may run it through the iterator protocol (DestrIter),
      // which uses the record of the built-in iterators.
      if (!arrayState_)
        arrayState_ = b_.freshName("af");
      for (Node *&e : cast<ArrayPattern>(pat)->elements)
        visitPattern(e);
      return;
    case NodeKind::RestElement:
      visitPattern(cast<RestElement>(pat)->argument);
      return;
    case NodeKind::AssignmentPattern:
      visitPattern(cast<AssignmentPattern>(pat)->left);
      visitExpr(cast<AssignmentPattern>(pat)->right);
      return;
    default:
      visitExpr(pat); // a member expression target
      return;
    }
  }

  /// `var` declaration -> assignments; records the names.
  void lowerVar(VariableDeclaration *vd, std::vector<Node *> &out) {
    for (Node *dn : vd->declarations) {
      auto *d = cast<VariableDeclarator>(dn);
      std::vector<Identifier *> names;
      collectBoundNames(d->id, names);
      for (Identifier *id : names)
        declareVar(id->name);
      visitPattern(d->id);
      if (d->init) {
        visitExpr(d->init);
        b_.setRange(d->range);
        out.push_back(b_.exprStmt(b_.assign(d->id, d->init)));
      }
    }
  }

  // ---- statements ----

  /// Lowers one statement in a single-statement slot.
  Node *lowerSingle(Node *s) {
    std::vector<Node *> out;
    lowerStmt(s, out);
    if (out.size() == 1)
      return out[0];
    b_.setRange(s->range);
    if (out.empty())
      return b_.make<EmptyStatement>();
    return b_.block(out);
  }

  std::vector<Node *> lowerList(NodeList list) {
    std::vector<Node *> out;
    out.reserve(list.size());
    for (Node *s : list)
      lowerStmt(s, out);
    return out;
  }

  void lowerStmt(Node *s, std::vector<Node *> &out) {
    switch (s->kind) {
    case NodeKind::VariableDeclaration: {
      auto *vd = cast<VariableDeclaration>(s);
      if (vd->kind == VarKind::Var) {
        lowerVar(vd, out);
        return;
      }
      for (Node *dn : vd->declarations) {
        auto *d = cast<VariableDeclarator>(dn);
        visitPattern(d->id);
        if (d->init)
          visitExpr(d->init);
      }
      out.push_back(s);
      return;
    }
    case NodeKind::BlockStatement: {
      auto *bs = cast<BlockStatement>(s);
      bs->body = b_.list(hoistBlock(lowerList(bs->body)));
      out.push_back(s);
      return;
    }
    case NodeKind::FunctionDeclaration:
      lowerFunction(s);
      out.push_back(s);
      return;
    case NodeKind::ClassDeclaration:
      lowerClass(s);
      out.push_back(s);
      return;
    case NodeKind::WhileStatement:
    case NodeKind::DoWhileStatement:
    case NodeKind::ForStatement:
    case NodeKind::ForInStatement:
    case NodeKind::ForOfStatement:
      if (auto *fa = dynCast<ForOfStatement>(s); fa && fa->isAwait && m_.asyncRuntime)
        return lowerForAwait(fa, {}, out);
      out.push_back(lowerLoop(s, {}));
      return;
    case NodeKind::LabeledStatement: {
      std::vector<LabeledStatement *> chain;
      Node *inner = s;
      while (auto *ls = dynCast<LabeledStatement>(inner)) {
        chain.push_back(ls);
        inner = ls->body;
      }
      std::vector<Atom> labels;
      for (LabeledStatement *ls : chain)
        labels.push_back(ls->label);
      if (auto *fa = dynCast<ForOfStatement>(inner); fa && fa->isAwait && m_.asyncRuntime)
        return lowerForAwait(fa, chain, out); // (its loop takes the labels)
      Node *lowered;
      switch (inner->kind) {
      case NodeKind::WhileStatement:
      case NodeKind::DoWhileStatement:
      case NodeKind::ForStatement:
      case NodeKind::ForInStatement:
      case NodeKind::ForOfStatement:
        lowered = lowerLoop(inner, labels);
        break;
      default:
        lowered = lowerSingle(inner);
        break;
      }
      chain.back()->body = lowered;
      out.push_back(s);
      return;
    }
    case NodeKind::SwitchStatement: {
      auto *sw = cast<SwitchStatement>(s);
      visitExpr(sw->discriminant);
      Target t; // breaks leaving the switch name its block (LowerSwitch.cpp)
      t.breakLabel = b_.freshName("S");
      targets_.push_back(t);
      for (Node *cn : sw->cases) {
        auto *c = cast<SwitchCase>(cn);
        if (c->test)
          visitExpr(c->test);
        c->consequent = b_.list(lowerList(c->consequent));
      }
      targets_.pop_back();
      Node *lowered = lowerSwitch(
          b_, sw, t.breakLabel, [&](const Node *fd) { return isAnnexBFunction(fd); }, diags_);
      ok_ = ok_ && lowered;
      out.push_back(lowered ? lowered : s);
      return;
    }
    case NodeKind::TryStatement:
      // try/finally becomes a completion record (LowerFinally.cpp).
      visitChildren(s);
      out.push_back(lowerFinally(b_, cast<TryStatement>(s)));
      return;
    case NodeKind::BreakStatement: {
      auto *br = cast<BreakStatement>(s);
      if (br->label.empty() && !targets_.empty() && targets_.back().breakLabel)
        br->label = targets_.back().breakLabel;
      out.push_back(s);
      return;
    }
    case NodeKind::ContinueStatement: {
      auto *co = cast<ContinueStatement>(s);
      for (size_t i = targets_.size(); i-- > 0;) {
        Target &t = targets_[i];
        if (!t.isLoop)
          continue;
        bool match = co->label.empty();
        for (Atom l : t.labels)
          match = match || l == co->label;
        if (!match)
          continue;
        t.contUsed = true;
        b_.setRange(s->range);
        out.push_back(breakTo(t.contLabel));
        return;
      }
      out.push_back(s); // unreachable for programs the frontend accepts
      return;
    }
    case NodeKind::ExpressionStatement:
      // `x++;`: the update's value is unused (see lowerUpdate).
      unusedUpdate_ = cast<ExpressionStatement>(s)->expression;
      visitChildren(s);
      out.push_back(s);
      return;
    case NodeKind::ExportNamedDeclaration: {
      // `export var` stays a declaration (an export needs one); its
      // initialiser expressions are still lowered.
      auto *ex = cast<ExportNamedDeclaration>(s);
      if (auto *vd = dynCast<VariableDeclaration>(ex->declaration)) {
        for (Node *dn : vd->declarations) {
          auto *d = cast<VariableDeclarator>(dn);
          visitPattern(d->id);
          if (d->init)
            visitExpr(d->init);
        }
      } else if (ex->declaration) {
        visitAny(ex->declaration);
      }
      out.push_back(s);
      return;
    }
    case NodeKind::WithStatement:
      // A plain-name callee in here may be a method of the object (R).
      ++withDepth_;
      visitChildren(s);
      --withDepth_;
      out.push_back(s);
      return;
    default:
      visitChildren(s);
      out.push_back(s);
      return;
    }
  }

  /// Generic descent: statements in single slots are lowered, expressions
  /// visited.
  void visitChildren(Node *n) {
    forEachChildSlot(n, [&](Node *&c) { visitAny(c); });
  }
  void visitAny(Node *&c) {
    switch (category(c->kind)) {
    case NodeCategory::Statement:
      c = lowerSingle(c);
      return;
    case NodeCategory::Pattern:
      visitPattern(c);
      return;
    default:
      visitExpr(c);
      return;
    }
  }

  // ---- functions and classes ----

  void lowerFunction(Node *fn) {
    switch (fn->kind) {
    case NodeKind::FunctionDeclaration:
      return lowerFunctionT(cast<FunctionDeclaration>(fn));
    case NodeKind::FunctionExpression:
      return lowerFunctionT(cast<FunctionExpression>(fn));
    case NodeKind::ArrowFunctionExpression:
      return lowerFunctionT(cast<ArrowFunctionExpression>(fn));
    default:
      return;
    }
  }

  template <typename Fn> void lowerFunctionT(Fn *f) {
    FnCtx ctx;
    ctx.isAsync = f->isAsync;
    ctx.resumable = f->isAsync || f->isGenerator;
    fns_.push_back(&ctx);
    std::vector<Target> saved;
    saved.swap(targets_);
    ctx.inParams = true;
    for (Node *&p : f->params)
      visitPattern(p);
    ctx.inParams = false;
    if (auto *body = dynCast<BlockStatement>(f->body)) {
      body->body = b_.list(hoist(lowerList(body->body), ctx));
    } else if (f->body) {
      visitExpr(f->body);
      if (!ctx.vars.empty()) {
        // Temporaries need a var line: `x => e` becomes `x => { var $t; return e; }`.
        b_.setRange(f->body->range);
        auto *ret = b_.make<ReturnStatement>();
        ret->argument = f->body;
        f->body = b_.block(hoist({ret}, ctx));
      }
    }
    targets_.swap(saved);
    fns_.pop_back();
  }

  void lowerClass(Node *cls) {
    if (auto *cd = dynCast<ClassDeclaration>(cls))
      return lowerClassT(cd);
    return lowerClassT(cast<ClassExpression>(cls));
  }

  template <typename Cls> void lowerClassT(Cls *c) {
    if (c->superClass)
      visitExpr(c->superClass);
    for (Node *mem : c->body) {
      if (auto *md = dynCast<MethodDefinition>(mem)) {
        if (md->computed)
          visitExpr(md->key);
        lowerFunction(md->value);
      } else if (auto *pd = dynCast<PropertyDefinition>(mem)) {
        if (pd->computed)
          visitExpr(pd->key);
        if (pd->value) {
          FnCtx ctx;
          ctx.kind = FnCtx::FieldInit;
          fns_.push_back(&ctx);
          std::vector<Target> saved;
          saved.swap(targets_);
          visitExpr(pd->value);
          targets_.swap(saved);
          fns_.pop_back();
        }
      } else if (auto *sb = dynCast<StaticBlock>(mem)) {
        FnCtx ctx;
        ctx.kind = FnCtx::StaticBlock;
        fns_.push_back(&ctx);
        std::vector<Target> saved;
        saved.swap(targets_);
        sb->body = b_.list(hoist(lowerList(sb->body), ctx));
        targets_.swap(saved);
        fns_.pop_back();
      }
    }
  }

  // ---- expressions ----

  void visitExpr(Node *&e) {
    if (!e)
      return;
    if (isFunction(e)) {
      lowerFunction(e);
      return;
    }
    if (isClass(e)) {
      lowerClass(e);
      return;
    }
    switch (e->kind) {
    case NodeKind::AssignmentExpression: {
      auto *a = cast<AssignmentExpression>(e);
      if (a->op == AssignOp::Assign) {
        visitPattern(a->left);
        visitExpr(a->right);
        return;
      }
      visitExpr(a->left);
      visitExpr(a->right);
      if (auto op = arithmeticOf(a->op))
        e = lowerCompound(a, *op);
      return;
    }
    case NodeKind::UpdateExpression: {
      auto *u = cast<UpdateExpression>(e);
      visitExpr(u->argument);
      e = lowerUpdate(u);
      return;
    }
    case NodeKind::ArrayExpression:
      visitChildren(e);
      if (hasSpread(cast<ArrayExpression>(e)->elements)) {
        b_.setRange(e->range);
        e = spreadArray(cast<ArrayExpression>(e)->elements);
      }
      return;
    case NodeKind::CallExpression:
      visitChildren(e);
      if (hasSpread(cast<CallExpression>(e)->arguments))
        e = lowerSpreadCall(cast<CallExpression>(e));
      return;
    case NodeKind::NewExpression: {
      visitChildren(e);
      auto *n = cast<NewExpression>(e);
      if (hasSpread(n->arguments)) {
        b_.setRange(n->range);
        std::string text = calleeErrorText(n->callee);
        Node *x = text.empty() ? static_cast<Node *>(b_.unary(UnaryOp::Void, b_.number(0)))
                               : static_cast<Node *>(b_.string(text));
        e = b_.call(helper(Helper::ConstructSpread), {n->callee, spreadArray(n->arguments), x});
      }
      return;
    }
    case NodeKind::YieldExpression: {
      // `yield* o` delegates to the serializable plain iterator of a
      // built-in iterable, as for-of iterates (L); others as they are.
      visitChildren(e);
      auto *y = cast<YieldExpression>(e);
      if (y->delegate && !fns_.back()->isAsync) {
        if (!arrayState_)
          arrayState_ = b_.freshName("af");
        b_.setRange(y->argument->range);
        y->argument = b_.call(helper(Helper::DelegateIter), {b_.ident(arrayState_), y->argument});
      }
      return;
    }
    default:
      visitChildren(e);
      return;
    }
  }

  // ---- spread (R) ----

  static bool hasSpread(NodeList elements) {
    for (const Node *el : elements)
      if (el && isa<SpreadElement>(el))
        return true;
    return false;
  }

  /// Names the spread helpers (so they are emitted) and returns them.
  SpreadNames spreadNames() {
    if (!arrayState_)
      arrayState_ = b_.freshName("af");
    return {arrayState_, cast<Identifier>(helper(Helper::SpreadInto))->name,
            cast<Identifier>(helper(Helper::ArrayAppend))->name,
            cast<Identifier>(helper(Helper::ApplySpread))->name, arrayState_};
  }
  Node *spreadArray(NodeList elements) { return desugar::spreadArray(b_, elements, spreadNames()); }

  /// `f(...a)` is `$apply(f, void 0, args, "f")`; `o.m(...a)` is
  /// `$apply(($o = o).m, $o, args, "o.m")` (the callee read before the
  /// arguments are evaluated, as in a call); `super.m(...a)` passes `this`.
  /// Kept: direct eval, `super(...)`, optional chains.
  Node *lowerSpreadCall(CallExpression *c) {
    Node *callee = c->callee;
    if (spreadKeptInCall(c)) {
      // lowerConditionals turns optional chains into plain calls and then
      // lowers their spread with these helpers.
      if (!isa<Super>(callee) &&
          !(isa<Identifier>(callee) && cast<Identifier>(callee)->name == "eval"))
        spreadNames();
      return c;
    }
    b_.setRange(c->range);
    std::string text = calleeErrorText(callee);
    Node *thisArg;
    if (auto *me = dynCast<MemberExpression>(callee)) {
      if (isa<Super>(me->object) || isa<ThisExpression>(me->object)) {
        thisArg = b_.make<ThisExpression>();
      } else {
        if (fns_.back()->kind == FnCtx::FieldInit || fns_.back()->inParams) {
          // No var line visible there for the receiver's temporary.
          unsupported(c, "a spread method call in a parameter list or class field initializer");
          return c;
        }
        Atom o = temp(c);
        me->object = b_.assign(b_.ident(o), b_.keepAnonymous(me->object));
        thisArg = b_.ident(o);
      }
    } else {
      if (withDepth_ > 0 && isa<Identifier>(callee)) {
        unsupported(c, "a spread call of a plain name inside `with`");
        return c;
      }
      thisArg = b_.unary(UnaryOp::Void, b_.number(0));
    }
    Node *x = text.empty() ? static_cast<Node *>(b_.unary(UnaryOp::Void, b_.number(0)))
                           : static_cast<Node *>(b_.string(text));
    return b_.call(helper(Helper::ApplySpread), {callee, thisArg, spreadArray(c->arguments), x});
  }

  static std::optional<BinaryOp> arithmeticOf(AssignOp op) {
    switch (op) {
    case AssignOp::AddAssign:
      return BinaryOp::Add;
    case AssignOp::SubAssign:
      return BinaryOp::Sub;
    case AssignOp::MulAssign:
      return BinaryOp::Mul;
    case AssignOp::DivAssign:
      return BinaryOp::Div;
    case AssignOp::ModAssign:
      return BinaryOp::Mod;
    case AssignOp::ExpAssign:
      return BinaryOp::Exp;
    case AssignOp::ShlAssign:
      return BinaryOp::Shl;
    case AssignOp::ShrAssign:
      return BinaryOp::Shr;
    case AssignOp::UShrAssign:
      return BinaryOp::UShr;
    case AssignOp::BitOrAssign:
      return BinaryOp::BitOr;
    case AssignOp::BitXorAssign:
      return BinaryOp::BitXor;
    case AssignOp::BitAndAssign:
      return BinaryOp::BitAnd;
    default:
      return std::nullopt;
    }
  }

  /// Operands that evaluate to the same value however often they are
  /// evaluated and whatever runs in between.
  static bool isStable(const Node *n) {
    switch (n->kind) {
    case NodeKind::ThisExpression:
    case NodeKind::Super:
    case NodeKind::NumericLiteral:
    case NodeKind::StringLiteral:
    case NodeKind::BooleanLiteral:
    case NodeKind::NullLiteral:
    case NodeKind::BigIntLiteral:
      return true;
    default:
      return false;
    }
  }

  /// A target reference evaluated once: for a member target, its object and
  /// computed key are copied to temps (the `pre` assignments), and two
  /// copies of the member are returned for the read and the write.
  struct Ref {
    std::vector<Node *> pre;
    Node *read = nullptr;
    Node *write = nullptr;
  };
  Ref reference(Node *target) {
    Ref r;
    auto *me = dynCast<MemberExpression>(target);
    if (!me) {
      r.read = target;
      auto *id = cast<Identifier>(target);
      r.write = b_.ident(id->name);
      return r;
    }
    Node *obj = me->object;
    if (!isStable(obj)) {
      Atom t = temp(target);
      r.pre.push_back(b_.assign(b_.ident(t), obj));
      obj = b_.ident(t);
    }
    Node *key = me->property;
    if (me->computed && !isStable(key)) {
      Atom t = temp(target);
      r.pre.push_back(b_.assign(b_.ident(t), key));
      key = b_.ident(t);
    }
    auto copy = [&](Node *o, Node *k) {
      auto *n = b_.make<MemberExpression>();
      n->object = o;
      n->property = k;
      n->computed = me->computed;
      return n;
    };
    auto dup = [&](Node *x) -> Node * {
      if (auto *id = dynCast<Identifier>(x))
        return b_.ident(id->name);
      if (auto *pn = dynCast<PrivateName>(x)) {
        auto *n = b_.make<PrivateName>();
        n->name = pn->name;
        return n;
      }
      if (isa<ThisExpression>(x))
        return b_.make<ThisExpression>();
      if (isa<Super>(x))
        return b_.make<Super>();
      return x; // a literal: shared leaves are never mutated
    };
    r.read = copy(obj, key);
    r.write = copy(dup(obj), dup(key));
    return r;
  }

  Node *finishSeq(std::vector<Node *> parts) {
    return parts.size() == 1 ? parts[0] : seq(std::move(parts));
  }

  /// `t op= v` -> `[$o = o, $k = k,] t = t op v`.
  Node *lowerCompound(AssignmentExpression *a, BinaryOp op) {
    if (isa<MemberExpression>(a->left) && !canUseTemps(a))
      return a;
    b_.setRange(a->range);
    Ref r = reference(a->left);
    std::vector<Node *> parts = std::move(r.pre);
    parts.push_back(b_.assign(r.write, b_.binary(op, r.read, a->right)));
    return finishSeq(std::move(parts));
  }

  /// `x++` -> `$t = x, x = typeof $t === "number" ? $t + 1 :
  /// ($t = -(-$t), typeof $t === "bigint" ? $t + 1n : $t + 1), $t`.
  /// Unary minus twice is ToNumeric (one valueOf call, BigInt kept, -0
  /// kept); the step must have the operand's numeric type. A number is its
  /// own ToNumeric, and V8 keeps `$t + 1` on small integers where `-(-0)`
  /// would push the loop counter to doubles (about 2x on a counting loop).
  /// The trailing `$t` is dropped when the value is unused (statement,
  /// for-update).
  Node *lowerUpdate(UpdateExpression *u) {
    if (!canUseTemps(u))
      return u;
    bool used = u != unusedUpdate_;
    b_.setRange(u->range);
    Ref r = reference(u->argument);
    std::vector<Node *> parts = std::move(r.pre);
    Atom old = temp(u);
    parts.push_back(b_.assign(b_.ident(old), r.read));
    BinaryOp op = u->op == UpdateOp::Increment ? BinaryOp::Add : BinaryOp::Sub;
    auto typeIs = [&](std::string_view type) {
      return b_.binary(BinaryOp::StrictEq, b_.unary(UnaryOp::Typeof, b_.ident(old)),
                       b_.string(type));
    };
    auto *bigOne = b_.make<BigIntLiteral>();
    bigOne->raw = m_.atom("1n");
    auto *numeric = b_.make<ConditionalExpression>();
    numeric->test = typeIs("bigint");
    numeric->consequent = b_.binary(op, b_.ident(old), bigOne);
    numeric->alternate = b_.binary(op, b_.ident(old), b_.number(1));
    auto *cond = b_.make<ConditionalExpression>();
    cond->test = typeIs("number");
    cond->consequent = b_.binary(op, b_.ident(old), b_.number(1));
    cond->alternate =
        seq({b_.assign(b_.ident(old),
                       b_.unary(UnaryOp::Minus, b_.unary(UnaryOp::Minus, b_.ident(old)))),
             numeric});
    parts.push_back(b_.assign(r.write, cond));
    if (!u->prefix && used)
      parts.push_back(b_.ident(old));
    return finishSeq(std::move(parts));
  }

  // ---- loops ----

  /// Lowers the loop body with a fresh target on the stack; returns the
  /// body statements, the continue part wrapped in `$C: { ... }` if used.
  std::vector<Node *> loopBody(Node *body, Target &t) {
    targets_.push_back(t);
    Node *lowered = lowerSingle(body);
    t = targets_.back();
    targets_.pop_back();
    std::vector<Node *> stmts;
    if (t.contUsed) {
      b_.setRange(body->range);
      stmts.push_back(labeled(t.contLabel, lowered));
    } else if (auto *bs = dynCast<BlockStatement>(lowered); bs && !hasLexical(bs)) {
      stmts.assign(bs->body.begin(), bs->body.end());
    } else {
      stmts.push_back(lowered);
    }
    return stmts;
  }
  static bool hasLexical(const BlockStatement *bs) {
    for (const Node *s : bs->body) {
      if (auto *vd = dynCast<VariableDeclaration>(s); vd && vd->kind != VarKind::Var)
        return true;
      if (isa<FunctionDeclaration>(s) || isa<ClassDeclaration>(s))
        return true;
    }
    return false;
  }

  Target newTarget(const std::vector<Atom> &labels) {
    Target t;
    t.isLoop = true;
    t.breakLabel = b_.freshName("L");
    t.contLabel = b_.freshName("C");
    t.labels = labels;
    return t;
  }

  Node *lowerLoop(Node *s, const std::vector<Atom> &labels) {
    switch (s->kind) {
    case NodeKind::WhileStatement:
      return lowerWhile(cast<WhileStatement>(s), labels);
    case NodeKind::DoWhileStatement:
      return lowerDoWhile(cast<DoWhileStatement>(s), labels);
    case NodeKind::ForStatement:
      return lowerFor(cast<ForStatement>(s), labels);
    case NodeKind::ForInStatement:
      return lowerForIn(cast<ForInStatement>(s), labels);
    case NodeKind::ForOfStatement:
      return lowerForOf(cast<ForOfStatement>(s), labels);
    default:
      return s;
    }
  }

  /// `$L: while (test) { body }`, or `while (true) { if (!test) break $L; }`
  /// when the test may call.
  Node *makeLoop(SourceRange r, const Target &t, Node *test, std::vector<Node *> head,
                 std::vector<Node *> body, std::vector<Node *> tail) {
    b_.setRange(r);
    Node *whileTest = test;
    std::vector<Node *> all;
    if (!test) {
      whileTest = b_.boolean(true);
    } else if (mayCall(test)) {
      whileTest = b_.boolean(true);
      all.push_back(b_.ifStmt(not_(test), breakTo(t.breakLabel)));
    }
    std::vector<Node *> merged = std::move(head);
    merged.insert(merged.end(), all.begin(), all.end());
    merged.insert(merged.end(), body.begin(), body.end());
    merged.insert(merged.end(), tail.begin(), tail.end());
    return labeled(t.breakLabel, whileLoop(whileTest, b_.block(merged)));
  }

  Node *lowerWhile(WhileStatement *w, const std::vector<Atom> &labels) {
    Target t = newTarget(labels);
    visitExpr(w->test);
    std::vector<Node *> body = loopBody(w->body, t);
    return makeLoop(w->range, t, w->test, {}, std::move(body), {});
  }

  /// `do B while (T)` -> `$L: while (true) { $C: { B } if (!T) break $L; }`.
  Node *lowerDoWhile(DoWhileStatement *d, const std::vector<Atom> &labels) {
    Target t = newTarget(labels);
    std::vector<Node *> body = loopBody(d->body, t);
    visitExpr(d->test);
    b_.setRange(d->range);
    body.push_back(b_.ifStmt(not_(d->test), breakTo(t.breakLabel)));
    return labeled(t.breakLabel, whileLoop(b_.boolean(true), b_.block(body)));
  }

  Node *lowerFor(ForStatement *f, const std::vector<Atom> &labels) {
    Target t = newTarget(labels);
    std::vector<Node *> outer;
    // Per-iteration copies: only needed when a closure (or eval/with) can
    // tell the iterations' bindings apart.
    std::vector<Identifier *> copied;
    if (auto *vd = dynCast<VariableDeclaration>(f->init)) {
      if (vd->kind == VarKind::Var) {
        lowerVar(vd, outer);
      } else {
        std::vector<Identifier *> names;
        for (Node *dn : vd->declarations)
          collectBoundNames(cast<VariableDeclarator>(dn)->id, names);
        const ScopeTable *st = m_.scopes();
        bool needCopies = false;
        if (vd->kind == VarKind::Let && st)
          for (Identifier *id : names)
            if (id->binding != kNoBinding && id->binding < st->numBindings()) {
              const Binding &bd = st->binding(id->binding);
              needCopies = needCopies || bd.captured || bd.dynamic;
            }
        for (Node *dn : vd->declarations) {
          auto *d = cast<VariableDeclarator>(dn);
          visitPattern(d->id);
          if (d->init)
            visitExpr(d->init);
        }
        if (needCopies)
          copied = names;
        outer.push_back(vd);
      }
    } else if (f->init) {
      visitExpr(f->init);
      b_.setRange(f->init->range);
      outer.push_back(b_.exprStmt(f->init));
    }
    visitExpr(f->test);
    unusedUpdate_ = f->update;
    visitExpr(f->update);
    std::vector<Node *> body = loopBody(f->body, t);
    b_.setRange(f->range);
    if (copied.empty()) {
      std::vector<Node *> tail;
      if (f->update)
        tail.push_back(b_.exprStmt(f->update));
      outer.push_back(makeLoop(f->range, t, f->test, {}, std::move(body), std::move(tail)));
      return b_.block(outer);
    }
    // { let x = init; let $vx = x; let $f = true;
    //   $L: while (true) { let x = $vx; if ($f) $f = false; else update;
    //                      if (!test) break $L; body; $vx = x; } }
    // Each iteration declares the user's names afresh, shadowing the head's
    // (CreatePerIterationEnvironment); the update runs on the new copy and
    // closures in the head keep seeing the head's own bindings, as in the
    // spec.
    std::vector<Node *> copyIn, copyOut;
    for (Identifier *id : copied) {
      Atom user = id->name, carrier = b_.freshName("v");
      outer.push_back(b_.declare(VarKind::Let, b_.ident(carrier), b_.ident(user)));
      copyIn.push_back(b_.declare(VarKind::Let, b_.ident(user), b_.ident(carrier)));
      copyOut.push_back(b_.exprStmt(b_.assign(b_.ident(carrier), b_.ident(user))));
    }
    Atom first;
    std::vector<Node *> head = std::move(copyIn);
    if (f->update) {
      first = b_.freshName("first");
      outer.push_back(b_.declare(VarKind::Let, b_.ident(first), b_.boolean(true)));
      head.push_back(b_.ifStmt(b_.ident(first),
                               b_.exprStmt(b_.assign(b_.ident(first), b_.boolean(false))),
                               b_.exprStmt(f->update)));
    }
    if (f->test)
      head.push_back(b_.ifStmt(not_(f->test), breakTo(t.breakLabel)));
    outer.push_back(
        makeLoop(f->range, t, nullptr, std::move(head), std::move(body), std::move(copyOut)));
    return b_.block(outer);
  }

  static bool mentions(const Node *n, const std::vector<Identifier *> &names) {
    return anyNode(n, [&](const Node *x) {
      auto *id = dynCast<Identifier>(x);
      return id && std::any_of(names.begin(), names.end(),
                               [&](const Identifier *y) { return y->name == id->name; });
    });
  }

  /// The right side of a for-in/of whose `let`/`const` head names it: the
  /// spec evaluates it with those names in TDZ, so it is evaluated in a
  /// block that declares them afterwards:
  /// `let $rv; { $rv = rhs; let x; }` (a reference to x throws).
  Node *tdzRight(Node *left, Node *rhs, std::vector<Node *> &outer) {
    auto *vd = dynCast<VariableDeclaration>(left);
    if (!vd || vd->kind == VarKind::Var)
      return rhs;
    std::vector<Identifier *> names;
    collectBoundNames(cast<VariableDeclarator>(vd->declarations[0])->id, names);
    if (!mentions(rhs, names))
      return rhs;
    b_.setRange(rhs->range);
    Atom rv = b_.freshName("rv");
    outer.push_back(b_.declare(VarKind::Let, b_.ident(rv), nullptr));
    std::vector<Node *> inner = {b_.exprStmt(b_.assign(b_.ident(rv), rhs))};
    for (Identifier *id : names)
      inner.push_back(b_.declare(VarKind::Let, b_.ident(id->name), nullptr));
    outer.push_back(b_.block(inner));
    return b_.ident(rv);
  }

  /// The per-iteration assignment of a for-in/of head to \p value.
  Node *bindHead(Node *left, Node *value) {
    if (auto *vd = dynCast<VariableDeclaration>(left)) {
      auto *d = cast<VariableDeclarator>(vd->declarations[0]);
      visitPattern(d->id);
      if (vd->kind == VarKind::Var) {
        std::vector<Identifier *> names;
        collectBoundNames(d->id, names);
        for (Identifier *id : names)
          declareVar(id->name);
        return b_.exprStmt(b_.assign(d->id, value));
      }
      return b_.declare(vd->kind, d->id, value);
    }
    visitPattern(left);
    return b_.exprStmt(b_.assign(left, value));
  }

  /// `for (h in o) B` ->
  /// `{ const $fi = $forIn(o); let $i = 0;
  ///    $L: while ($i < $fi.k.length) { const $k = $fi.k[$i]; $i = $i + 1;
  ///      if ($k in $fi.o) { h = $k; $C: { B } } } }`
  Node *lowerForIn(ForInStatement *f, const std::vector<Atom> &labels) {
    Target t = newTarget(labels);
    std::vector<Node *> outer;
    if (auto *vd = dynCast<VariableDeclaration>(f->left)) {
      // Annex B `for (var x = e in o)`: the initialiser runs first.
      auto *d = cast<VariableDeclarator>(vd->declarations[0]);
      if (d->init) {
        visitExpr(d->init);
        b_.setRange(d->range);
        outer.push_back(b_.exprStmt(b_.assign(b_.ident(cast<Identifier>(d->id)->name), d->init)));
        d->init = nullptr;
      }
    }
    visitExpr(f->right);
    f->right = tdzRight(f->left, f->right, outer);
    b_.setRange(f->range);
    Atom fi = b_.freshName("fi"), i = b_.freshName("i"), k = b_.freshName("k");
    outer.push_back(
        b_.declare(VarKind::Const, b_.ident(fi), b_.call(helper(Helper::ForInKeys), {f->right})));
    outer.push_back(b_.declare(VarKind::Let, b_.ident(i), b_.number(0)));
    Node *keys = b_.member(b_.ident(fi), "k");
    Node *test = b_.binary(BinaryOp::Lt, b_.ident(i), b_.member(keys, "length"));
    Node *bind = bindHead(f->left, b_.ident(k));
    std::vector<Node *> body = loopBody(f->body, t);
    b_.setRange(f->range);
    std::vector<Node *> visit = {bind};
    visit.insert(visit.end(), body.begin(), body.end());
    std::vector<Node *> head = {
        b_.declare(VarKind::Const, b_.ident(k),
                   b_.index(b_.member(b_.ident(fi), "k"), b_.ident(i))),
        b_.exprStmt(b_.assign(b_.ident(i), b_.binary(BinaryOp::Add, b_.ident(i), b_.number(1)))),
        b_.ifStmt(b_.binary(BinaryOp::In, b_.ident(k), b_.member(b_.ident(fi), "o")),
                  b_.block(visit))};
    outer.push_back(makeLoop(f->range, t, test, std::move(head), {}, {}));
    return b_.block(outer);
  }

  /// `for (h of o) B` ->
  /// `{ const $o = o, $m = $iterMethod($o); let $a = $arrayFast($af, $o, $m),
  ///      $i = 0, $it, $next, $g, $v, $act = false;
  ///    if ($a === null) { const $r = $getIter($af, $o, $m);
  ///                       $it = $r[0]; $next = $r[1]; $g = $r[2]; }
  ///    try { $L: while (true) {
  ///            if ($a !== null) { if (!($i + 1 <= +$a.length)) break $L;
  ///                               $v = $a[$i]; $i = $i + 1; }
  ///            else { const $s = $step($it, $next, $g); if ($s.done) break $L;
  ///                   $v = $s.value; $act = true; }
  ///            h = $v; $C: { B } $act = false; } }
  ///    catch ($e) { if ($act) { $act = false; $closeThrow($it); } throw $e; }
  ///    finally { if ($act) { $act = false; $close($it); } } }`
  /// `$act` is true exactly while the head or body runs on the generic path,
  /// the span in which an abrupt exit must close the iterator.
  ///
  /// The fast path ($a, see the ArrayFast helper) does what the array
  /// iterator's next does: Get "length", ToLength (`$i + 1 <= +len` is
  /// `$i < ToLength(len)` for an integer $i, NaN and negatives included),
  /// then Get of the index, each step, so holes read through the prototype
  /// chain, a Proxy sees the same traps and mutation during the loop is seen.
  /// It never closes: the test at entry found no `return` to call. The body
  /// is shared by both paths, so the try (cheap when nothing throws) wraps
  /// the fast path too; splitting it would duplicate the body. `$g` is the
  /// record of a generator of ours, which `$step` resumes through the
  /// generators helper instead of calling the generator's `next` (the same
  /// call; see the GetIterator helper).
  /// `c.entries()`, `c.keys()` or `c.values()` (no arguments, no optional
  /// chain, not on `super`) heading a for-of is `$iterCall($af, c, "entries",
  /// "c.entries")`: the same Get and call, but an original Array/Map/Set
  /// method gives a plain, serializable iterator (see IterCall), since only
  /// the loop ever holds that iterator.
  Node *collectionIterCall(Node *right) {
    auto *c = dynCast<CallExpression>(right);
    if (!c || c->optional || !c->arguments.empty())
      return right;
    auto *me = dynCast<MemberExpression>(c->callee);
    if (!me || me->computed || me->optional || isa<Super>(me->object))
      return right;
    auto *prop = dynCast<Identifier>(me->property);
    if (!prop || (prop->name != "entries" && prop->name != "keys" && prop->name != "values"))
      return right;
    b_.setRange(c->range);
    std::string text = calleeErrorText(me);
    Node *x = text.empty() ? static_cast<Node *>(b_.unary(UnaryOp::Void, b_.number(0)))
                           : static_cast<Node *>(b_.string(text));
    return b_.call(helper(Helper::IterCall),
                   {b_.ident(arrayState_), me->object, b_.string(prop->name.str()), x});
  }

  /// `for await (LEFT of RIGHT) BODY` as the loop the spec describes
  /// (ForIn/OfBodyEvaluation with iterationKind async), written with
  /// `await` over the async runtime's iterator steps and lowered like user
  /// code (so its awaits are the generators pass's suspension points):
  ///
  ///   { let $ai = $as.aiter(RIGHT, $af), $ar;  // GetIterator(obj, async)
  ///     try {
  ///       LABELS: while (true) {
  ///         $ar = await $as.anext($ai);          // Call(next), Await
  ///         $ar = $as.astep($ai, $ar);           // object check; $ai when done
  ///         if ($ar === $ai) break;
  ///         LEFT = $ar;  BODY
  ///       }
  ///     } catch ($e) { $ai.t = true; throw $e; }
  ///     finally {                                // AsyncIteratorClose
  ///       if (!$ai.done) { $ai.done = true;
  ///         if ($ai.t) { try { let $c = $as.aclose($ai); if ($c !== void 0) await $c; } catch ($x)
  ///         {} } else { let $c = $as.aclose($ai);
  ///                if ($c !== void 0) { let $cr = await $c; $as.acheck($cr); } } }
  ///       $ai = void 0; $ar = void 0; } }
  ///
  /// An iterator that failed itself (`next`, the result check) is marked
  /// done by the runtime and is not closed. The statement's labels (the
  /// LabeledStatements in \p chain) move onto the loop.
  void lowerForAwait(ForOfStatement *f, const std::vector<LabeledStatement *> &chain,
                     std::vector<Node *> &out) {
    b_.setRange(f->range);
    Atom ai = b_.freshName("ai"), ar = b_.freshName("ar"), e = b_.freshName("e"),
         x = b_.freshName("x"), c = b_.freshName("c"), cr = b_.freshName("cr");
    auto rt = [&](std::string_view fn, std::initializer_list<Node *> args) -> Node * {
      return b_.call(b_.member(b_.ident(m_.asyncRuntime), fn), args);
    };
    using Stmts = std::vector<Node *>;
    auto await_ = [&](Node *v) {
      auto *a = b_.make<AwaitExpression>();
      a->argument = v;
      return a;
    };
    auto tryStmt = [&](Node *block, Atom param, Node *handlerBody, Node *finalizer) {
      auto *t = b_.make<TryStatement>();
      t->block = block;
      if (handlerBody) {
        auto *h = b_.make<CatchClause>();
        h->param = b_.ident(param);
        h->body = handlerBody;
        t->handler = h;
      }
      t->finalizer = finalizer;
      return t;
    };
    auto notDone = [&]() { return b_.unary(UnaryOp::Not, b_.member(b_.ident(ai), "done")); };

    std::vector<Node *> loop;
    loop.push_back(b_.exprStmt(b_.assign(b_.ident(ar), await_(rt("anext", {b_.ident(ai)})))));
    loop.push_back(b_.exprStmt(b_.assign(b_.ident(ar), rt("astep", {b_.ident(ai), b_.ident(ar)}))));
    loop.push_back(b_.ifStmt(b_.binary(BinaryOp::StrictEq, b_.ident(ar), b_.ident(ai)),
                             b_.make<BreakStatement>()));
    if (auto *vd = dynCast<VariableDeclaration>(f->left)) {
      auto *d = cast<VariableDeclarator>(vd->declarations[0]);
      if (vd->kind == VarKind::Var) {
        std::vector<Identifier *> names;
        collectBoundNames(d->id, names);
        for (Identifier *id : names)
          declareVar(id->name);
        loop.push_back(b_.exprStmt(b_.assign(d->id, b_.ident(ar))));
      } else {
        loop.push_back(b_.declare(vd->kind, d->id, b_.ident(ar)));
      }
    } else {
      loop.push_back(b_.exprStmt(b_.assign(f->left, b_.ident(ar))));
    }
    loop.push_back(f->body);
    Node *whileStmt = b_.make<WhileStatement>();
    cast<WhileStatement>(whileStmt)->test = b_.boolean(true);
    cast<WhileStatement>(whileStmt)->body = b_.block(loop);
    Node *labeledLoop = whileStmt;
    if (!chain.empty()) {
      chain.back()->body = whileStmt;
      labeledLoop = chain.front();
    }

    Node *onThrow =
        b_.block(Stmts{b_.exprStmt(b_.assign(b_.member(b_.ident(ai), "t"), b_.boolean(true))),
                       b_.throwStmt(b_.ident(e))});
    Node *closeQuietly = tryStmt(
        b_.block(Stmts{b_.declare(VarKind::Let, b_.ident(c), rt("aclose", {b_.ident(ai)})),
                       b_.ifStmt(b_.binary(BinaryOp::StrictNotEq, b_.ident(c), b_.voidZero()),
                                 b_.exprStmt(await_(b_.ident(c))))}),
        x, b_.block(Stmts{}), nullptr);
    Node *close = b_.block(
        {b_.declare(VarKind::Let, b_.ident(c), rt("aclose", {b_.ident(ai)})),
         b_.ifStmt(b_.binary(BinaryOp::StrictNotEq, b_.ident(c), b_.voidZero()),
                   b_.block(Stmts{b_.declare(VarKind::Let, b_.ident(cr), await_(b_.ident(c))),
                                  b_.exprStmt(rt("acheck", {b_.ident(cr)}))}))});
    // Then the loop lets the iterator go: the generators pass keeps the
    // function's block variables for its whole life (`$ar` is `$ai` once
    // done).
    Node *finalizer = b_.block(Stmts{
        b_.ifStmt(notDone(), b_.block(Stmts{b_.exprStmt(b_.assign(b_.member(b_.ident(ai), "done"),
                                                                  b_.boolean(true))),
                                            b_.ifStmt(b_.member(b_.ident(ai), "t"),
                                                      b_.block(Stmts{closeQuietly}), close)})),
        b_.exprStmt(b_.assign(b_.ident(ai), b_.voidZero())),
        b_.exprStmt(b_.assign(b_.ident(ar), b_.voidZero()))});
    if (!arrayState_)
      arrayState_ = b_.freshName("af");
    // (`for await (x of m.entries())`: the serializable iterator of for-of)
    Node *right = collectionIterCall(f->right);
    Node *whole = b_.block(
        Stmts{b_.declare(VarKind::Let, b_.ident(ai), rt("aiter", {right, b_.ident(arrayState_)})),
              b_.declare(VarKind::Let, b_.ident(ar), nullptr),
              tryStmt(b_.block(Stmts{labeledLoop}), e, onThrow, finalizer)});
    lowerStmt(whole, out);
  }

  Node *lowerForOf(ForOfStatement *f, const std::vector<Atom> &labels) {
    if (f->isAwait) {
      // Async iteration is kept (native async functions: no pass of the
      // pipeline lowers them): only its continues are lowered.
      Target t;
      t.isLoop = true;
      t.contLabel = b_.freshName("C");
      t.labels = labels;
      visitExpr(f->right);
      if (auto *vd = dynCast<VariableDeclaration>(f->left)) {
        if (vd->kind == VarKind::Var) {
          auto *d = cast<VariableDeclarator>(vd->declarations[0]);
          std::vector<Identifier *> names;
          collectBoundNames(d->id, names);
          for (Identifier *id : names)
            declareVar(id->name);
          f->left = d->id;
        }
        if (auto *vd2 = dynCast<VariableDeclaration>(f->left))
          visitPattern(cast<VariableDeclarator>(vd2->declarations[0])->id);
        else
          visitPattern(f->left);
      } else {
        visitPattern(f->left);
      }
      std::vector<Node *> body = loopBody(f->body, t);
      b_.setRange(f->body->range);
      f->body = b_.block(body);
      return f;
    }
    Target t = newTarget(labels);
    std::vector<Node *> outer;
    visitExpr(f->right);
    if (!arrayState_)
      arrayState_ = b_.freshName("af");
    f->right = collectionIterCall(f->right);
    f->right = tdzRight(f->left, f->right, outer);
    b_.setRange(f->range);
    Atom o = b_.freshName("o"), mth = b_.freshName("m"), a = b_.freshName("a"),
         i = b_.freshName("i"), r = b_.freshName("r"), it = b_.freshName("it"),
         next = b_.freshName("next"), v = b_.freshName("v"), act = b_.freshName("act"),
         st = b_.freshName("s"), e = b_.freshName("e"), g = b_.freshName("g");
    auto set = [&](Atom x, Node *val) { return b_.exprStmt(b_.assign(b_.ident(x), val)); };
    // In a generator or async function, leaving the loop lets the iterator
    // go (see the finalizer below): `o` is then a `let`.
    bool release = !fns_.empty() && fns_.back()->resumable;
    outer.push_back(b_.declare(release ? VarKind::Let : VarKind::Const, b_.ident(o), f->right));
    outer.push_back(b_.declare(VarKind::Const, b_.ident(mth),
                               b_.call(helper(Helper::IterMethod), {b_.ident(o)})));
    outer.push_back(b_.declare(
        VarKind::Let, b_.ident(a),
        b_.call(helper(Helper::ArrayFast), {b_.ident(arrayState_), b_.ident(o), b_.ident(mth)})));
    outer.push_back(b_.declare(VarKind::Let, b_.ident(i), b_.number(0)));
    for (Atom x : {it, next, g, v})
      outer.push_back(b_.declare(VarKind::Let, b_.ident(x), nullptr));
    outer.push_back(b_.declare(VarKind::Let, b_.ident(act), b_.boolean(false)));
    outer.push_back(b_.ifStmt(
        b_.binary(BinaryOp::StrictEq, b_.ident(a), b_.make<NullLiteral>()),
        b_.block({b_.declare(VarKind::Const, b_.ident(r),
                             b_.call(helper(Helper::GetIterator),
                                     {b_.ident(arrayState_), b_.ident(o), b_.ident(mth)})),
                  set(it, b_.index(b_.ident(r), b_.number(0))),
                  set(next, b_.index(b_.ident(r), b_.number(1))),
                  set(g, b_.index(b_.ident(r), b_.number(2)))})));
    Node *bind = bindHead(f->left, b_.ident(v));
    std::vector<Node *> body = loopBody(f->body, t);
    b_.setRange(f->range);
    Node *fastStep = b_.block(
        {b_.ifStmt(
             not_(b_.binary(BinaryOp::LtEq, b_.binary(BinaryOp::Add, b_.ident(i), b_.number(1)),
                            b_.unary(UnaryOp::Plus, b_.member(b_.ident(a), "length")))),
             breakTo(t.breakLabel)),
         set(v, b_.index(b_.ident(a), b_.ident(i))),
         set(i, b_.binary(BinaryOp::Add, b_.ident(i), b_.number(1)))});
    // IteratorValue before $act: a throwing `value` getter does not close.
    Node *slowStep =
        b_.block({b_.declare(VarKind::Const, b_.ident(st),
                             b_.call(helper(Helper::IteratorStep),
                                     {b_.ident(it), b_.ident(next), b_.ident(g)})),
                  b_.ifStmt(b_.member(b_.ident(st), "done"), breakTo(t.breakLabel)),
                  set(v, b_.member(b_.ident(st), "value")), set(act, b_.boolean(true))});
    std::vector<Node *> head = {
        b_.ifStmt(b_.binary(BinaryOp::StrictNotEq, b_.ident(a), b_.make<NullLiteral>()), fastStep,
                  slowStep),
        bind};
    std::vector<Node *> tail = {set(act, b_.boolean(false))};
    Node *loop = makeLoop(f->range, t, nullptr, std::move(head), std::move(body), std::move(tail));
    auto closeIf = [&](Helper h) {
      return b_.ifStmt(b_.ident(act),
                       b_.block({b_.exprStmt(b_.assign(b_.ident(act), b_.boolean(false))),
                                 b_.exprStmt(b_.call(helper(h), {b_.ident(it)}))}));
    };
    auto *thr = b_.make<ThrowStatement>();
    thr->argument = b_.ident(e);
    auto *handler = b_.make<CatchClause>();
    handler->param = b_.ident(e);
    handler->body = b_.block({closeIf(Helper::IterCloseThrow), thr});
    auto *tr = b_.make<TryStatement>();
    tr->block = b_.block({loop});
    tr->handler = handler;
    std::vector<Node *> fin = {closeIf(Helper::IterClose)};
    if (release) {
      // (the generators pass keeps a resumable function's block variables
      // for its whole life: a finished loop over, say, a recursive
      // generator would keep that generator and its own, and a checkpoint
      // would store them)
      for (Atom x : {o, it, next, g, v})
        fin.push_back(set(x, b_.voidZero()));
      fin.push_back(set(a, b_.make<NullLiteral>()));
    }
    tr->finalizer = b_.block(fin);
    outer.push_back(lowerFinally(b_, tr));
    return b_.block(outer);
  }
};

} // namespace

bool spreadKeptInCall(const CallExpression *c) {
  if (c->optional || isa<Super>(c->callee))
    return true;
  if (auto *id = dynCast<Identifier>(c->callee); id && id->name == "eval")
    return true;
  // Short-circuiting would skip the arguments: the whole chain keeps them.
  for (const Node *n = c->callee; n;) {
    if (auto *me = dynCast<MemberExpression>(n)) {
      if (me->optional)
        return true;
      n = me->object;
    } else if (auto *ce = dynCast<CallExpression>(n)) {
      if (ce->optional)
        return true;
      n = ce->callee;
    } else {
      return isa<ChainExpression>(n);
    }
  }
  return false;
}

Node *spreadArray(IRBuilder &b, NodeList elements, const SpreadNames &names) {
  // `[a, ...x, b, ...y]` is `$spr($af, $app($spr($af, [a], x), [b]), y)`:
  // nested so that every operand is evaluated after the spreads before it
  // are exhausted.
  Node *acc = nullptr;
  std::vector<Node *> pending;
  auto flush = [&]() {
    auto *lit = b.make<ArrayExpression>();
    lit->elements = b.list(pending);
    pending.clear();
    acc = acc ? static_cast<Node *>(b.call(b.ident(names.arrayAppend), {acc, lit})) : lit;
  };
  for (Node *el : elements) {
    auto *sp = el ? dynCast<SpreadElement>(el) : nullptr;
    if (!sp) {
      pending.push_back(el);
      continue;
    }
    if (!acc || !pending.empty())
      flush();
    acc = b.call(b.ident(names.spreadInto), {b.ident(names.arrayState), acc, sp->argument});
  }
  if (!pending.empty())
    flush();
  return acc;
}

bool lowerModule(Module &m, DiagnosticEngine &diags, SpreadNames &spread) {
  Lowering l(m, diags);
  bool ok = l.run();
  spread = l.spreadOut;
  return ok;
}

} // namespace distribufy::desugar
