//===- LowerPatterns.cpp - Destructuring and parameters that may call -----===//
//
// The walk of desugar between the loop lowering (Lower.cpp) and the
// conditional lowering (LowerConditional.cpp). A call hidden inside a
// destructuring pattern (a default, a computed key, a member target) or a
// parameter list runs where later passes cannot put a statement. This walk
// turns such patterns into statements, in the spec's order:
//
//   const { a = f(), [k()]: b, ...r } = o;
//   ==> let a, b, r; $t1 = o;
//       if ($t1 === null || $t1 === void 0) throw new TypeError(...);
//       $t2 = $t1.a; if ($t2 === void 0) $t2 = f(); a = $t2;
//       $t3 = $toKey(k()); $t4 = $t1[$t3]; b = $t4;
//       $t5 = $objRest($t1, ["a", $t3]); r = $t5;
//
// Array patterns run the iterator protocol through helpers on a record
// `{it, next, done}`: elisions step, a rest collects, and the iterator is
// closed when the pattern ends early or something inside it throws
// (`try { ... } catch ($e) { $closeThrow($d); throw $e; } $close($d);`).
// Defaults apply to `undefined` only, lazily, in order; a member target's
// object and key are evaluated before the value is read (spec order).
// `let`/`const` patterns become `let` names declared first and assigned;
// that is exact when a `const` name is never written (scope facts) and no
// expression of the pattern names a binding it declares at or after itself
// (TDZ); otherwise err_unsupported.
//
// Parameters: when a parameter list contains a call, every parameter from
// the first non-identifier on is moved into the body, after the hoisted
// declarations: `x = d` stays as `x = void 0` in the list (it keeps the
// function's `length` and a non-simple list, so `arguments` stays unmapped
// and a body `var` stays a separate binding) plus `if (x === void 0) x = d;`
// in the body; a pattern becomes a fresh name `$p` (or `$p = void 0`) and
// is destructured in the body into `var`s; a rest pattern becomes `...$p`.
// A function whose list becomes simple gets a trailing `...$u` (not in
// `length`; keeps `arguments` unmapped). Exactness needs the moved code to
// see the same bindings: err_unsupported when the moved part names
// something the body declares (other than a parameter), when the body
// redeclares a parameter and the list creates closures, when a default
// names a parameter at or after its own position (TDZ), when the list calls
// eval, and for generators (their defaults run at the call, the body at the
// first next()).
//
// Kept as is (V8 handles them; no call can hide in them): patterns and
// parameter lists without a call, including array patterns (whose iterator
// protocol then runs inside the engine, like a getter) and object rest.
// Spread (calls, `new`, arrays, objects) is kept: anf names the spread
// argument itself. Unsupported: a pattern with a call nested inside an
// expression (other than a whole expression statement or declaration), in
// an `export` declaration or a class field initializer.
//
// Linear: the call scan is memoised bottom-up; each function body's
// declarations are read once.
//
//===----------------------------------------------------------------------===//
#include "passes/Desugar/Desugar.h"

#include "distribufy/IR/IRBuilder.h"
#include "distribufy/IR/Scope.h"

#include <array>
#include <unordered_set>
#include <vector>

namespace distribufy::desugar {

using namespace ir;

namespace {

using Names = std::unordered_set<Atom, AtomHash>;

struct PatFn {
  std::vector<Atom> vars; ///< temporaries and moved parameter names
};

class PatternLowering {
public:
  PatternLowering(Module &m, DiagnosticEngine &diags, Atom iterState)
      : m_(m), b_(m), diags_(diags), iterState_(iterState) {}

  bool run() {
    Program *prog = m_.program;
    if (!prog)
      return true;
    PatFn fn;
    fns_.push_back(&fn);
    std::vector<Node *> body = stmts(prog->body);
    body = withVars(std::move(body), fn);
    // Helpers go after the program's hoisted prefix (directives, var line,
    // function declarations).
    std::vector<Node *> helpers;
    for (size_t i = 0; i < helperNames_.size(); ++i) {
      if (!helperNames_[i])
        continue;
      Node *h = instantiateHelper(m_, static_cast<Helper>(i), helperNames_[i], diags_);
      if (!h)
        return false;
      helpers.push_back(h);
    }
    if (!helpers.empty())
      body.insert(body.begin() + static_cast<std::ptrdiff_t>(prefixEnd(body)), helpers.begin(),
                  helpers.end());
    prog->body = b_.list(body);
    fns_.pop_back();
    return ok_;
  }

private:
  Module &m_;
  IRBuilder b_;
  DiagnosticEngine &diags_;
  Atom iterState_; ///< lowerModule's built-in iterators record (may be empty)
  bool ok_ = true;
  std::vector<PatFn *> fns_;
  std::array<Atom, static_cast<size_t>(Helper::NumHelpers)> helperNames_{};

  void unsupported(const Node *where, std::string_view what) {
    diags_.report(DiagId::err_unsupported, m_.file(), where ? where->range : SourceRange{}, what);
    ok_ = false;
  }
  Node *helper(Helper h) {
    Atom &name = helperNames_[static_cast<size_t>(h)];
    if (!name)
      name = b_.freshName("h");
    return b_.ident(name);
  }
  Atom temp() {
    Atom t = b_.freshName("t");
    fns_.back()->vars.push_back(t);
    return t;
  }

  /// Index after directives, the var line and the function declarations.
  static size_t prefixEnd(const std::vector<Node *> &body) {
    size_t i = 0;
    while (i < body.size()) {
      auto *es = dynCast<ExpressionStatement>(body[i]);
      if (!es || es->directive.empty())
        break;
      ++i;
    }
    if (i < body.size())
      if (auto *vd = dynCast<VariableDeclaration>(body[i]); vd && vd->kind == VarKind::Var)
        ++i;
    while (i < body.size() && isa<FunctionDeclaration>(body[i]))
      ++i;
    return i;
  }

  /// Adds \p fn's names to the var line opening \p body.
  std::vector<Node *> withVars(std::vector<Node *> body, const PatFn &fn) {
    if (fn.vars.empty())
      return body;
    size_t i = 0;
    while (i < body.size()) {
      auto *es = dynCast<ExpressionStatement>(body[i]);
      if (!es || es->directive.empty())
        break;
      ++i;
    }
    auto *line = i < body.size() ? dynCast<VariableDeclaration>(body[i]) : nullptr;
    bool existing = line && line->kind == VarKind::Var;
    std::vector<Node *> ds;
    Names have;
    if (existing)
      for (Node *d : line->declarations) {
        ds.push_back(d);
        have.insert(cast<Identifier>(cast<VariableDeclarator>(d)->id)->name);
      }
    for (Atom v : fn.vars) {
      if (!have.insert(v).second)
        continue;
      auto *d = b_.make<VariableDeclarator>();
      d->id = b_.ident(v);
      ds.push_back(d);
    }
    if (existing) {
      line->declarations = b_.list(ds);
      return body;
    }
    auto *decl = b_.make<VariableDeclaration>();
    decl->kind = VarKind::Var;
    decl->declarations = b_.list(ds);
    body.insert(body.begin() + static_cast<std::ptrdiff_t>(i), decl);
    return body;
  }

  // ---- facts ----

public:
  /// Does \p n (outside nested functions) contain a call-like node or a
  /// class (whose evaluation may call)?
  static bool mayCall(const Node *n) {
    if (!n || isFunction(n))
      return false;
    if (isClass(n) || ir::isCallLike(n))
      return true;
    bool found = false;
    forEachChild(n, [&](const Node *c) { found = found || mayCall(c); });
    return found;
  }

private:
  static bool isPattern(const Node *n) { return isa<ObjectPattern>(n) || isa<ArrayPattern>(n); }

  /// Every identifier name under \p n that may be a reference (nested
  /// functions included, so an over-approximation; property names skipped).
  static void allNames(const Node *n, Names &out) {
    if (!n)
      return;
    switch (n->kind) {
    case NodeKind::Identifier:
      out.insert(cast<Identifier>(n)->name);
      return;
    case NodeKind::MemberExpression: {
      auto *me = cast<MemberExpression>(n);
      allNames(me->object, out);
      if (me->computed)
        allNames(me->property, out);
      return;
    }
    case NodeKind::Property: {
      auto *p = cast<Property>(n);
      if (p->computed || p->shorthand)
        allNames(p->key, out);
      allNames(p->value, out);
      return;
    }
    case NodeKind::MethodDefinition:
    case NodeKind::PropertyDefinition: {
      bool computed = isa<MethodDefinition>(n) ? cast<MethodDefinition>(n)->computed
                                               : cast<PropertyDefinition>(n)->computed;
      forEachChild(n, [&](const Node *c) {
        bool isKey = isa<MethodDefinition>(n) ? c == cast<MethodDefinition>(n)->key
                                              : c == cast<PropertyDefinition>(n)->key;
        if (!isKey || computed)
          allNames(c, out);
      });
      return;
    }
    default:
      forEachChild(n, [&](const Node *c) { allNames(c, out); });
      return;
    }
  }
  /// The names referenced by a pattern's expressions (not its bindings).
  static void patternRefs(const Node *pat, Names &out) {
    if (!pat)
      return;
    switch (pat->kind) {
    case NodeKind::Identifier:
      return;
    case NodeKind::ObjectPattern:
      for (const Node *p : cast<ObjectPattern>(pat)->properties) {
        if (auto *prop = dynCast<Property>(p)) {
          if (prop->computed)
            allNames(prop->key, out);
          patternRefs(prop->value, out);
        } else {
          patternRefs(p, out);
        }
      }
      return;
    case NodeKind::ArrayPattern:
      for (const Node *e : cast<ArrayPattern>(pat)->elements)
        patternRefs(e, out);
      return;
    case NodeKind::RestElement:
      patternRefs(cast<RestElement>(pat)->argument, out);
      return;
    case NodeKind::AssignmentPattern:
      patternRefs(cast<AssignmentPattern>(pat)->left, out);
      allNames(cast<AssignmentPattern>(pat)->right, out);
      return;
    default:
      allNames(pat, out); // a member target
      return;
    }
  }
  static bool callsEval(const Node *n) {
    if (!n)
      return false;
    if (auto *c = dynCast<CallExpression>(n))
      if (auto *id = dynCast<Identifier>(c->callee); id && id->name.str() == "eval")
        return true;
    bool found = false;
    forEachChild(n, [&](const Node *c) { found = found || callsEval(c); });
    return found;
  }
  const Binding *bindingOf(const Node *id) const {
    const ScopeTable *st = m_.scopes();
    auto *i = dynCast<Identifier>(id);
    if (!st || !i || i->binding == kNoBinding || i->binding >= st->numBindings())
      return nullptr;
    return &st->binding(i->binding);
  }

  // ---- statements ----

  std::vector<Node *> stmts(NodeList list) {
    std::vector<Node *> out;
    out.reserve(list.size());
    for (Node *s : list)
      stmt(s, out);
    return out;
  }
  Node *single(Node *s) {
    std::vector<Node *> out;
    stmt(s, out);
    if (out.size() == 1)
      return out[0];
    b_.setRange(s->range);
    return b_.block(out);
  }

  void stmt(Node *s, std::vector<Node *> &out) {
    switch (s->kind) {
    case NodeKind::BlockStatement: {
      auto *bs = cast<BlockStatement>(s);
      bs->body = b_.list(stmts(bs->body));
      break;
    }
    case NodeKind::ExpressionStatement: {
      auto *es = cast<ExpressionStatement>(s);
      auto *a = dynCast<AssignmentExpression>(es->expression);
      if (a && a->op == AssignOp::Assign && isPattern(a->left) && mayCall(a->left)) {
        visitPatternExprs(a->left);
        expr(a->right);
        b_.setRange(s->range);
        Atom v = temp();
        out.push_back(set(v, a->right));
        destructure(a->left, v, out);
        return;
      }
      expr(es->expression);
      break;
    }
    case NodeKind::VariableDeclaration: {
      auto *vd = cast<VariableDeclaration>(s);
      bool any = false;
      for (Node *dn : vd->declarations) {
        auto *d = cast<VariableDeclarator>(dn);
        visitPatternExprs(d->id);
        expr(d->init);
        any = any || (isPattern(d->id) && mayCall(d->id));
      }
      if (!any)
        break;
      for (Node *dn : vd->declarations) {
        auto *d = cast<VariableDeclarator>(dn);
        b_.setRange(d->range);
        if (!isPattern(d->id) || !mayCall(d->id)) {
          auto *one = b_.make<VariableDeclaration>();
          one->kind = vd->kind;
          one->declarations = b_.list({d});
          out.push_back(one);
          continue;
        }
        lowerDeclarator(vd->kind, d, out);
      }
      return;
    }
    case NodeKind::TryStatement: {
      auto *ts = cast<TryStatement>(s);
      ts->block = single(ts->block);
      if (auto *h = ts->handler ? dynCast<CatchClause>(ts->handler) : nullptr) {
        visitPatternExprs(h->param);
        h->body = single(h->body);
        if (h->param && isPattern(h->param) && mayCall(h->param)) {
          // `catch (P) { B }` -> `catch ($e) { let names; <P = $e> B }`.
          b_.setRange(h->param->range);
          Atom e = b_.freshName("e");
          std::vector<Node *> pre;
          if (declareLets(VarKind::Let, h->param, nullptr, pre)) {
            destructure(h->param, e, pre);
            auto *body = cast<BlockStatement>(h->body);
            pre.insert(pre.end(), body->body.begin(), body->body.end());
            body->body = b_.list(pre);
            h->param = b_.ident(e);
          }
        }
      }
      if (ts->finalizer)
        ts->finalizer = single(ts->finalizer);
      break;
    }
    case NodeKind::FunctionDeclaration:
      function(s, false);
      break;
    case NodeKind::ExportNamedDeclaration: {
      auto *ex = cast<ExportNamedDeclaration>(s);
      if (auto *vd = dynCast<VariableDeclaration>(ex->declaration)) {
        for (Node *dn : vd->declarations) {
          auto *d = cast<VariableDeclarator>(dn);
          if (isPattern(d->id) && mayCall(d->id))
            unsupported(d->id, "a destructuring pattern with a call in an export declaration");
          visitPatternExprs(d->id);
          expr(d->init);
        }
      } else if (ex->declaration) {
        std::vector<Node *> inner;
        stmt(ex->declaration, inner);
      }
      break;
    }
    default:
      forEachChildSlot(s, [&](Node *&c) {
        if (category(c->kind) == NodeCategory::Statement)
          c = single(c);
        else
          expr(c);
      });
      break;
    }
    out.push_back(s);
  }

  /// `$t = v;` keeping anonymous functions unnamed (NamedEvaluation).
  Node *set(Atom t, Node *v) { return b_.exprStmt(b_.assign(b_.ident(t), b_.keepAnonymous(v))); }

  /// Declares the bound names of \p pat as `let` (before the statements
  /// assigning them) after checking that this is exact: a `const` name is
  /// never written again, and no expression in the pattern (or \p init)
  /// names a binding of the pattern that is not yet initialised.
  bool declareLets(VarKind kind, Node *pat, Node *init, std::vector<Node *> &out) {
    std::vector<Atom> names;
    collectBoundNames(pat, names);
    if (kind == VarKind::Const) {
      std::vector<const Node *> ids;
      collectIds(pat, ids);
      for (const Node *id : ids) {
        const Binding *bd = bindingOf(id);
        if (!bd || bd->assignedAfterInit || bd->dynamic) {
          unsupported(id, "a const destructuring with a call whose binding is written or dynamic");
          return false;
        }
      }
    }
    if (!tdzSafe(pat, init))
      return false;
    auto *decl = b_.make<VariableDeclaration>();
    decl->kind = VarKind::Let;
    std::vector<Node *> ds;
    for (Atom n : names) {
      auto *d = b_.make<VariableDeclarator>();
      d->id = b_.ident(n);
      ds.push_back(d);
    }
    decl->declarations = b_.list(ds);
    if (!ds.empty())
      out.push_back(decl);
    return true;
  }
  static void collectIds(const Node *pat, std::vector<const Node *> &out) {
    if (!pat)
      return;
    switch (pat->kind) {
    case NodeKind::Identifier:
      out.push_back(pat);
      return;
    case NodeKind::ObjectPattern:
      for (const Node *p : cast<ObjectPattern>(pat)->properties)
        collectIds(isa<Property>(p) ? cast<Property>(p)->value : p, out);
      return;
    case NodeKind::ArrayPattern:
      for (const Node *e : cast<ArrayPattern>(pat)->elements)
        collectIds(e, out);
      return;
    case NodeKind::RestElement:
      collectIds(cast<RestElement>(pat)->argument, out);
      return;
    case NodeKind::AssignmentPattern:
      collectIds(cast<AssignmentPattern>(pat)->left, out);
      return;
    default:
      return;
    }
  }
  /// In source order, each expression of the pattern may only name the
  /// pattern's bindings already initialised (TDZ otherwise).
  bool tdzSafe(const Node *pat, const Node *init) {
    std::vector<Atom> names;
    collectBoundNames(pat, names);
    Names pending(names.begin(), names.end());
    bool ok = true;
    auto check = [&](const Node *e) {
      Names refs;
      allNames(e, refs);
      for (Atom r : refs)
        if (pending.count(r)) {
          unsupported(e, "a destructuring default or key naming a binding of the same pattern "
                         "before its initialisation");
          ok = false;
          return;
        }
    };
    if (init)
      check(init);
    walkTdz(pat, pending, check);
    return ok;
  }
  template <typename F> void walkTdz(const Node *pat, Names &pending, F &check) {
    if (!pat)
      return;
    switch (pat->kind) {
    case NodeKind::Identifier:
      pending.erase(cast<Identifier>(pat)->name);
      return;
    case NodeKind::ObjectPattern:
      for (const Node *p : cast<ObjectPattern>(pat)->properties) {
        if (auto *prop = dynCast<Property>(p)) {
          if (prop->computed)
            check(prop->key);
          walkTdz(prop->value, pending, check);
        } else {
          walkTdz(p, pending, check);
        }
      }
      return;
    case NodeKind::ArrayPattern:
      for (const Node *e : cast<ArrayPattern>(pat)->elements)
        walkTdz(e, pending, check);
      return;
    case NodeKind::RestElement:
      walkTdz(cast<RestElement>(pat)->argument, pending, check);
      return;
    case NodeKind::AssignmentPattern:
      check(cast<AssignmentPattern>(pat)->right);
      walkTdz(cast<AssignmentPattern>(pat)->left, pending, check);
      return;
    default:
      return;
    }
  }

  void lowerDeclarator(VarKind kind, VariableDeclarator *d, std::vector<Node *> &out) {
    std::vector<Node *> pre;
    if (!declareLets(kind, d->id, d->init, pre))
      return;
    out.insert(out.end(), pre.begin(), pre.end());
    Atom v = temp();
    out.push_back(set(v, d->init ? d->init : b_.voidZero()));
    destructure(d->id, v, out);
  }

  // ---- destructuring ----

  Node *isVoid(Atom t) { return b_.binary(BinaryOp::StrictEq, b_.ident(t), b_.voidZero()); }

  /// Names an operand evaluated now (literals, `this` and temps stay).
  Node *name(Node *e, std::vector<Node *> &out) {
    switch (e->kind) {
    case NodeKind::ThisExpression:
    case NodeKind::Super:
    case NodeKind::NumericLiteral:
    case NodeKind::StringLiteral:
    case NodeKind::BooleanLiteral:
    case NodeKind::NullLiteral:
    case NodeKind::BigIntLiteral:
      return e;
    default:
      break;
    }
    Atom t = temp();
    out.push_back(set(t, e));
    return b_.ident(t);
  }
  Node *dupAtom(Node *x) {
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
    return x;
  }

  /// Destructures the value in temp \p v into \p pat (assignment
  /// semantics; `let` names were declared by the caller).
  void destructure(Node *pat, Atom v, std::vector<Node *> &out) {
    b_.setRange(pat->range);
    if (auto *op = dynCast<ObjectPattern>(pat)) {
      // RequireObjectCoercible.
      auto *le = b_.make<LogicalExpression>();
      le->op = LogicalOp::Or;
      le->left = b_.binary(BinaryOp::StrictEq, b_.ident(v), b_.make<NullLiteral>());
      le->right = isVoid(v);
      auto *ne = b_.make<NewExpression>();
      ne->callee = b_.ident("TypeError");
      ne->arguments = b_.list({b_.binary(
          BinaryOp::Add, b_.binary(BinaryOp::Add, b_.string("Cannot destructure '"), b_.ident(v)),
          b_.binary(BinaryOp::Add, b_.string("' as it is "),
                    b_.binary(BinaryOp::Add, b_.ident(v), b_.string("."))))});
      auto *th = b_.make<ThrowStatement>();
      th->argument = ne;
      out.push_back(b_.ifStmt(le, th));
      std::vector<Node *> excluded;
      for (Node *p : op->properties) {
        b_.setRange(p->range);
        if (auto *rest = dynCast<RestElement>(p)) {
          auto *arr = b_.make<ArrayExpression>();
          arr->elements = b_.list(excluded);
          element(rest->argument, out, [&, arr] {
            return b_.call(helper(Helper::ObjectRest), {b_.ident(v), arr});
          });
          continue;
        }
        auto *prop = cast<Property>(p);
        Node *key;
        if (prop->computed) {
          Atom k = temp();
          out.push_back(set(k, b_.call(helper(Helper::ToPropertyKey), {prop->key})));
          key = b_.ident(k);
          excluded.push_back(b_.ident(k));
        } else if (auto *id = dynCast<Identifier>(prop->key)) {
          key = b_.string(id->name.str());
          excluded.push_back(b_.string(id->name.str()));
        } else {
          key = prop->key; // a string or number literal
          excluded.push_back(prop->key);
        }
        element(prop->value, out, [&, key] { return b_.index(b_.ident(v), dupAtom(key)); });
      }
      return;
    }
    auto *ap = cast<ArrayPattern>(pat);
    Atom d = temp();
    Node *state = iterState_ ? static_cast<Node *>(b_.ident(iterState_))
                             : static_cast<Node *>(b_.unary(UnaryOp::Void, b_.number(0)));
    out.push_back(set(d, b_.call(helper(Helper::DestrIter), {state, b_.ident(v)})));
    std::vector<Node *> body;
    for (Node *e : ap->elements) {
      if (!e) {
        body.push_back(
            b_.exprStmt(b_.call(helper(Helper::DestrStep), {b_.ident(d), b_.boolean(true)})));
        continue;
      }
      b_.setRange(e->range);
      if (auto *rest = dynCast<RestElement>(e)) {
        element(rest->argument, body,
                [&] { return b_.call(helper(Helper::DestrRest), {b_.ident(d)}); });
        continue;
      }
      element(e, body, [&] { return b_.call(helper(Helper::DestrStep), {b_.ident(d)}); });
    }
    b_.setRange(pat->range);
    if (!body.empty()) {
      Atom ex = b_.freshName("e");
      auto *thr = b_.make<ThrowStatement>();
      thr->argument = b_.ident(ex);
      auto *handler = b_.make<CatchClause>();
      handler->param = b_.ident(ex);
      handler->body =
          b_.block({b_.exprStmt(b_.call(helper(Helper::DestrCloseThrow), {b_.ident(d)})), thr});
      auto *tr = b_.make<TryStatement>();
      tr->block = b_.block(body);
      tr->handler = handler;
      out.push_back(tr);
    }
    out.push_back(b_.exprStmt(b_.call(helper(Helper::DestrClose), {b_.ident(d)})));
  }

  /// One target with an optional default: the reference first (a member
  /// target's object and key), then the value, the default if it is
  /// undefined, then the write or the nested pattern.
  template <typename GetValue>
  void element(Node *target, std::vector<Node *> &out, GetValue getValue) {
    Node *dflt = nullptr;
    if (auto *as = dynCast<AssignmentPattern>(target)) {
      target = as->left;
      dflt = as->right;
    }
    Node *write = nullptr;
    if (auto *me = dynCast<MemberExpression>(target)) {
      auto *w = b_.make<MemberExpression>();
      w->object = name(me->object, out);
      w->property = me->computed ? name(me->property, out) : me->property;
      w->computed = me->computed;
      w->optional = false;
      write = w;
    } else if (auto *id = dynCast<Identifier>(target)) {
      write = b_.ident(id->name);
    } else if (!isPattern(target)) {
      unsupported(target, "an unexpected destructuring target");
      return;
    }
    Atom t = temp();
    out.push_back(set(t, getValue()));
    if (dflt) {
      Node *val = dflt;
      if (isAnonymousFunctionDefinition(dflt) && isa<Identifier>(target)) {
        // NamedEvaluation: the function is named after the target:
        // `{ "x": dflt }["x"]` names it so without a write.
        auto *prop = b_.make<Property>();
        prop->key = b_.string(cast<Identifier>(target)->name.str());
        prop->value = dflt;
        prop->kind = PropertyKind::Init;
        auto *obj = b_.make<ObjectExpression>();
        obj->properties = b_.list({prop});
        val = b_.index(obj, b_.string(cast<Identifier>(target)->name.str()));
      }
      out.push_back(b_.ifStmt(isVoid(t), b_.exprStmt(b_.assign(b_.ident(t), val))));
    }
    if (write) {
      out.push_back(b_.exprStmt(b_.assign(write, b_.ident(t))));
      return;
    }
    destructure(target, t, out);
  }

  // ---- expressions and functions ----

  void visitPatternExprs(Node *pat) {
    if (!pat)
      return;
    switch (pat->kind) {
    case NodeKind::Identifier:
      return;
    case NodeKind::ObjectPattern:
      for (Node *&p : cast<ObjectPattern>(pat)->properties) {
        if (auto *prop = dynCast<Property>(p)) {
          if (prop->computed)
            expr(prop->key);
          visitPatternExprs(prop->value);
        } else {
          visitPatternExprs(p);
        }
      }
      return;
    case NodeKind::ArrayPattern:
      for (Node *e : cast<ArrayPattern>(pat)->elements)
        visitPatternExprs(e);
      return;
    case NodeKind::RestElement:
      visitPatternExprs(cast<RestElement>(pat)->argument);
      return;
    case NodeKind::AssignmentPattern:
      visitPatternExprs(cast<AssignmentPattern>(pat)->left);
      expr(cast<AssignmentPattern>(pat)->right);
      return;
    default:
      expr(pat);
      return;
    }
  }

  /// Visits an expression: lowers nested functions; a pattern with a call
  /// nested in an expression is unsupported.
  void expr(Node *&e) {
    if (!e)
      return;
    if (isFunction(e)) {
      function(e, false);
      return;
    }
    switch (e->kind) {
    case NodeKind::AssignmentExpression: {
      auto *a = cast<AssignmentExpression>(e);
      if (isPattern(a->left)) {
        if (mayCall(a->left))
          unsupported(a->left, "a destructuring assignment with a call inside an expression");
        visitPatternExprs(a->left);
        expr(a->right);
        return;
      }
      break;
    }
    case NodeKind::Property: {
      auto *p = cast<Property>(e);
      if (p->computed)
        expr(p->key);
      if (isFunction(p->value))
        function(p->value, p->kind == PropertyKind::Set);
      else
        expr(p->value);
      return;
    }
    case NodeKind::MethodDefinition: {
      auto *md = cast<MethodDefinition>(e);
      if (md->computed)
        expr(md->key);
      function(md->value, md->kind == MethodKind::Set);
      return;
    }
    case NodeKind::StaticBlock: {
      auto *sb = cast<StaticBlock>(e);
      PatFn fn;
      fns_.push_back(&fn);
      sb->body = b_.list(withVars(stmts(sb->body), fn));
      fns_.pop_back();
      return;
    }
    default:
      break;
    }
    forEachChildSlot(e, [&](Node *&c) {
      if (category(c->kind) == NodeCategory::Statement)
        c = single(c);
      else if (category(c->kind) == NodeCategory::Pattern)
        visitPatternExprs(c);
      else
        expr(c);
    });
  }

  void function(Node *fn, bool setter) {
    switch (fn->kind) {
    case NodeKind::FunctionDeclaration:
      return functionT(cast<FunctionDeclaration>(fn), setter, false);
    case NodeKind::FunctionExpression:
      return functionT(cast<FunctionExpression>(fn), setter, false);
    case NodeKind::ArrowFunctionExpression:
      return functionT(cast<ArrowFunctionExpression>(fn), setter, true);
    default:
      return;
    }
  }

  template <typename Fn> void functionT(Fn *f, bool setter, bool arrow) {
    PatFn fn;
    fns_.push_back(&fn);
    bool lower = false;
    for (Node *p : f->params) {
      visitPatternExprs(p);
      lower = lower || mayCall(p);
    }
    if (lower && !isa<BlockStatement>(f->body)) {
      b_.setRange(f->body->range);
      auto *ret = b_.make<ReturnStatement>();
      ret->argument = f->body;
      f->body = b_.block({ret});
    }
    if (auto *body = dynCast<BlockStatement>(f->body)) {
      std::vector<Node *> stmtsOut = stmts(body->body);
      if (lower)
        lowerParams(f, stmtsOut, setter, arrow);
      body->body = b_.list(withVars(std::move(stmtsOut), fn));
    } else {
      expr(f->body);
    }
    fns_.pop_back();
  }

  /// The names a function body declares at its top level.
  static void bodyDeclared(const std::vector<Node *> &body, Names &out) {
    for (const Node *s : body) {
      if (auto *vd = dynCast<VariableDeclaration>(s)) {
        std::vector<Atom> names;
        for (const Node *d : vd->declarations)
          collectBoundNames(cast<VariableDeclarator>(d)->id, names);
        out.insert(names.begin(), names.end());
      } else if (auto *fd = dynCast<FunctionDeclaration>(s)) {
        if (auto *id = dynCast<Identifier>(fd->id))
          out.insert(id->name);
      } else if (auto *cd = dynCast<ClassDeclaration>(s)) {
        if (auto *id = dynCast<Identifier>(cd->id))
          out.insert(id->name);
      }
    }
  }
  static bool hasClosure(const Node *n) {
    if (!n)
      return false;
    if (isFunction(n) || isClass(n))
      return true;
    bool found = false;
    forEachChild(n, [&](const Node *c) { found = found || hasClosure(c); });
    return found;
  }

  template <typename Fn>
  void lowerParams(Fn *f, std::vector<Node *> &body, bool setter, bool arrow) {
    if (f->isGenerator) {
      unsupported(f, "a call in a generator's parameter list (defaults run at the call)");
      return;
    }
    std::vector<Node *> params(f->params.begin(), f->params.end());
    size_t first = 0;
    while (first < params.size() && isa<Identifier>(params[first]))
      ++first;
    // Exactness checks (see the banner).
    Names declared, paramNames, refs;
    bodyDeclared(body, declared);
    std::vector<Atom> names;
    for (Node *p : params)
      collectBoundNames(p, names);
    paramNames.insert(names.begin(), names.end());
    bool closures = false;
    for (size_t i = first; i < params.size(); ++i) {
      patternRefs(params[i], refs);
      closures = closures || hasClosure(params[i]);
      if (callsEval(params[i])) {
        unsupported(params[i], "a call to eval in a parameter list");
        return;
      }
    }
    for (Atom r : refs)
      if (!paramNames.count(r) && declared.count(r)) {
        unsupported(f, "a parameter default naming a declaration of the function body");
        return;
      }
    if (closures)
      for (Atom p : names)
        if (declared.count(p)) {
          unsupported(f, "a body declaration redeclaring a parameter of a list that creates "
                         "closures");
          return;
        }
    // TDZ: a parameter's expressions may only name earlier parameters.
    {
      Names later(names.begin(), names.end());
      for (size_t i = 0; i < params.size(); ++i) {
        std::vector<Atom> own;
        collectBoundNames(params[i], own);
        if (i >= first) {
          Names r;
          patternRefs(params[i], r);
          for (Atom x : r)
            if (later.count(x)) {
              unsupported(params[i], "a parameter default naming a parameter not yet initialised");
              return;
            }
        }
        for (Atom x : own)
          later.erase(x);
      }
    }
    std::vector<Node *> moved;
    std::vector<Node *> newParams(params.begin(), params.begin() + static_cast<long>(first));
    bool nonSimple = false;
    for (size_t i = first; i < params.size(); ++i) {
      Node *p = params[i];
      b_.setRange(p->range);
      if (isa<Identifier>(p)) {
        newParams.push_back(p);
        continue;
      }
      if (auto *rest = dynCast<RestElement>(p)) {
        nonSimple = true;
        if (isa<Identifier>(rest->argument)) {
          newParams.push_back(p);
          continue;
        }
        Atom t = b_.freshName("p");
        auto *r = b_.make<RestElement>();
        r->argument = b_.ident(t);
        newParams.push_back(r);
        declareParamNames(rest->argument);
        destructure(rest->argument, t, moved);
        continue;
      }
      Node *target = p;
      Node *dflt = nullptr;
      if (auto *as = dynCast<AssignmentPattern>(p)) {
        target = as->left;
        dflt = as->right;
      }
      Atom t = isa<Identifier>(target) ? cast<Identifier>(target)->name : b_.freshName("p");
      if (dflt) {
        nonSimple = true;
        auto *ap = b_.make<AssignmentPattern>();
        ap->left = b_.ident(t);
        ap->right = b_.voidZero();
        newParams.push_back(ap);
        // `x = function () {}` names the function x, like the default did.
        Node *val = dflt;
        if (!isa<Identifier>(target) && isAnonymousFunctionDefinition(dflt)) {
          auto *sq = b_.make<SequenceExpression>();
          sq->expressions = b_.list({b_.number(0), dflt});
          val = sq;
        }
        moved.push_back(b_.ifStmt(isVoid(t), b_.exprStmt(b_.assign(b_.ident(t), val))));
      } else {
        newParams.push_back(b_.ident(t));
      }
      if (!isa<Identifier>(target)) {
        declareParamNames(target);
        destructure(target, t, moved);
      }
    }
    if (!nonSimple && !arrow) {
      if (setter) {
        Names all;
        for (Node *s : body)
          allNames(s, all);
        if (all.count(m_.atom("arguments"))) {
          unsupported(f, "a setter with a destructured parameter reading arguments");
          return;
        }
      } else {
        auto *r = b_.make<RestElement>();
        r->argument = b_.ident(b_.freshName("u"));
        newParams.push_back(r);
      }
    }
    f->params = b_.list(newParams);
    body.insert(body.begin() + static_cast<std::ptrdiff_t>(prefixEnd(body)), moved.begin(),
                moved.end());
  }
  void declareParamNames(const Node *pat) {
    std::vector<Atom> names;
    collectBoundNames(pat, names);
    for (Atom n : names)
      fns_.back()->vars.push_back(n);
  }
};

} // namespace

bool lowerPatterns(Module &m, DiagnosticEngine &diags, const SpreadNames &spread) {
  return PatternLowering(m, diags, spread.iterState).run();
}

namespace {

/// (P): no pattern or parameter list contains a call.
class PatternVerifier {
public:
  PatternVerifier(const Module &m, DiagnosticEngine &diags) : m_(m), diags_(diags) {}
  bool run() {
    if (m_.program)
      visit(m_.program);
    return ok_;
  }

private:
  const Module &m_;
  DiagnosticEngine &diags_;
  bool ok_ = true;

  void fail(const Node *n, std::string_view what) {
    diags_.report(DiagId::err_verifier, m_.file(), n->range, "desugar",
                  fmt::format("{} (desugar post-condition (P))", what));
    ok_ = false;
  }
  void params(NodeList ps) {
    for (const Node *p : ps)
      if (PatternLowering::mayCall(p))
        fail(p, "a call in a parameter list");
  }
  void visit(const Node *n) {
    switch (n->kind) {
    case NodeKind::FunctionDeclaration:
      params(cast<FunctionDeclaration>(n)->params);
      break;
    case NodeKind::FunctionExpression:
      params(cast<FunctionExpression>(n)->params);
      break;
    case NodeKind::ArrowFunctionExpression:
      params(cast<ArrowFunctionExpression>(n)->params);
      break;
    case NodeKind::ObjectPattern:
    case NodeKind::ArrayPattern:
      if (PatternLowering::mayCall(n))
        fail(n, "a call in a destructuring pattern");
      break;
    default:
      break;
    }
    forEachChild(n, [&](const Node *c) { visit(c); });
  }
};

} // namespace

bool verifyPatterns(const Module &m, DiagnosticEngine &diags) {
  return PatternVerifier(m, diags).run();
}

} // namespace distribufy::desugar
