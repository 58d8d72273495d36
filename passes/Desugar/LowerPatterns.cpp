//===- LowerPatterns.cpp - Destructuring and parameters to statements -----===//
//
// The walk of desugar between the loop lowering (Lower.cpp) and the
// conditional lowering (LowerConditional.cpp). A call hidden inside a
// destructuring pattern (a default, a computed key, a member target) or a
// parameter list runs where later passes cannot put a statement, and an
// array pattern runs a user iterator inside the engine, where a checkpoint
// cannot cross it. This walk turns such patterns (those with a call or an
// array pattern) into statements, in the spec's order:
//
//   const { a = f(), [k()]: b, ...r } = o;
//   ==> $t1 = o;
//       if ($t1 === null || $t1 === void 0) throw new TypeError(...);
//       $t2 = $t1.a; if ($t2 === void 0) $t2 = f();
//       $t3 = $toKey(k()); $t4 = $t1[$t3];
//       $t5 = $objRest($t1, ["a", $t3]);
//       const a = $t2, b = $t4, r = $t5;
//
// Array patterns run the iterator protocol through helpers on a record
// `{it, next, done}` (DestrIter, DestrStep, DestrRest): elisions step, a rest
// collects, and the iterator is closed when the pattern ends early
// (DestrClose) or something after a step throws (`try { ... } catch ($e) {
// $closeThrow($d); throw $e; }`, left out when nothing there can throw:
// holes, identifier targets that cannot throw, literal defaults). DestrFast
// (small, so V8 inlines it) returns null instead for an array whose
// iteration is unobservable (the for-of fast path's test), else the method
// it read for DestrIter; each step then reads the array by index in place,
// as the array iterator's next does, and `$d = 0` marks the end (every later
// step is done, nothing to close):
//
//   const [x, , y = 1] = xs;
//   ==> $t1 = xs; $d = $destrFast($af, $t1);
//       if ($d !== null) $d = $destrIter($af, $t1, $d.m, "xs");
//       if ($d === null && 1 <= +$t1.length) $t2 = $t1[0];
//       else { if ($d === null) $d = 0; $t2 = $step($d); }
//       if ($d === null && 2 <= +$t1.length) $t1[1];
//       else { if ($d === null) $d = 0; $step($d, true); }
//       if ($d === null && 3 <= +$t1.length) $t3 = $t1[2];
//       else { if ($d === null) $d = 0; $t3 = $step($d); }
//       if ($t3 === void 0) $t3 = 1;
//       if ($d !== null) $close($d);
//       const x = $t2, y = $t3;
//
// Not modelled on the index path (as on the for-of one): a `return` or a
// `next` getter installed on %ArrayIteratorPrototype% while the pattern
// runs (the test is at GetIterator).
// Defaults apply to `undefined` only, lazily, in order; a member target's
// object and key are evaluated before the value is read (spec order).
// `let`/`const` patterns destructure into temps and declare their names
// once, after the pattern, from the temps: exact, TDZ included (the
// initialiser and the pattern see the names uninitialised), except that a
// pattern that throws half-way leaves all its names uninitialised. When an
// expression of the pattern names one of its own bindings, the names are
// `let`s declared first and assigned; that is exact when a `const` name is
// never written (scope facts) and no expression of the pattern names a
// binding it declares at or after itself (TDZ); otherwise err_unsupported.
// A `for await` head pattern binds a fresh name destructured at the start
// of the body.
//
// Parameters: when a parameter list contains a call or an array pattern
// (not in a generator, see below), every parameter from the first
// non-identifier on is moved into the body, after the hoisted
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
// eval, and for generators with a call (their defaults run at the call, the
// body at the first next()).
//
// An async function that `generators` lowers (Module::lowerAsync) also
// moves a list with any pattern or default, when it can move exactly: its
// body runs in the step, whose errors reject the function's promise as a
// parameter's error must (else the list stays and throws at the call).
//
// Kept as is (V8 handles them): patterns and parameter lists with neither a
// call nor an array pattern (object rest included: only getters run
// there), and, with an array pattern but no call, a generator's parameter
// list, an `export` declaration and a destructuring assignment nested in an
// expression (their iterator protocol runs inside the engine).
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
  /// Declaration mode of destructure(): identifier targets are not written
  /// but recorded (name, temp) in deferredBinds_, declared after the pattern.
  bool deferred_ = false;
  std::vector<std::pair<Atom, Atom>> deferredBinds_;
  /// Identifier targets are names declared just before (let form, moved
  /// parameters): writing them cannot throw.
  bool writesDeclared_ = false;
  /// node's text for the value of the next top-level array pattern when it
  /// is not iterable (empty: node's default message).
  std::string iterText_;

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
    size_t i = directivePrologueLength(body);
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
    size_t i = directivePrologueLength(body);
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
  /// Does the pattern \p n (its structure, not its default expressions)
  /// contain an array pattern?
  static bool hasArrayPattern(const Node *n) {
    if (!n)
      return false;
    switch (n->kind) {
    case NodeKind::ArrayPattern:
      return true;
    case NodeKind::ObjectPattern:
      for (const Node *p : cast<ObjectPattern>(n)->properties)
        if (hasArrayPattern(isa<Property>(p) ? cast<Property>(p)->value : p))
          return true;
      return false;
    case NodeKind::AssignmentPattern:
      return hasArrayPattern(cast<AssignmentPattern>(n)->left);
    case NodeKind::RestElement:
      return hasArrayPattern(cast<RestElement>(n)->argument);
    default:
      return false;
    }
  }
  /// Is the pattern (or parameter) \p n lowered: it contains a call or an
  /// array pattern?
  static bool needsLowering(const Node *n) { return mayCall(n) || hasArrayPattern(n); }

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
  /// A call `eval(...)` anywhere in \p n, nested functions included.
  static bool callsEval(const Node *n) {
    return anyNode(n, [](const Node *x) {
      auto *c = dynCast<CallExpression>(x);
      auto *id = c ? dynCast<Identifier>(c->callee) : nullptr;
      return id && id->name.str() == "eval";
    });
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
      if (a && a->op == AssignOp::Assign && isPattern(a->left) && needsLowering(a->left)) {
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
        any = any || (isPattern(d->id) && needsLowering(d->id));
      }
      if (!any)
        break;
      for (Node *dn : vd->declarations) {
        auto *d = cast<VariableDeclarator>(dn);
        b_.setRange(d->range);
        if (!isPattern(d->id) || !needsLowering(d->id)) {
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
        if (h->param && isPattern(h->param) && needsLowering(h->param)) {
          // `catch (P) { B }` -> `catch ($e) { <P = $e> let names = temps; B }`
          // (or `let names; <P = $e>` when P names its own bindings).
          b_.setRange(h->param->range);
          Atom e = b_.freshName("e");
          std::vector<Node *> pre;
          if (bindPattern(VarKind::Let, h->param, nullptr, e, pre)) {
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
    case NodeKind::ForOfStatement: {
      // Only `for await` is left (L): a lowered head pattern binds a fresh
      // name, destructured at the start of the body.
      auto *f = cast<ForOfStatement>(s);
      auto *vd = dynCast<VariableDeclaration>(f->left);
      Node *pat = vd ? cast<VariableDeclarator>(vd->declarations[0])->id : f->left;
      if (isPattern(pat) && needsLowering(pat)) {
        Names bound, refs;
        std::vector<Atom> names;
        collectBoundNames(pat, names);
        bound.insert(names.begin(), names.end());
        allNames(f->right, refs);
        for (Atom r : refs)
          if (vd && bound.count(r)) {
            unsupported(f->right, "a for-await head pattern whose iterable names its bindings");
            break;
          }
        b_.setRange(pat->range);
        Node *bind;
        if (vd) {
          Atom x = b_.freshName("x");
          auto *d = cast<VariableDeclarator>(vd->declarations[0]);
          bind = b_.declare(vd->kind, pat, b_.ident(x));
          d->id = b_.ident(x);
        } else {
          Atom x = temp();
          bind = b_.exprStmt(b_.assign(pat, b_.ident(x)));
          f->left = b_.ident(x);
        }
        b_.setRange(f->body->range);
        f->body = b_.block({bind, f->body});
      }
      expr(f->right);
      f->body = single(f->body);
      if (auto *vd2 = dynCast<VariableDeclaration>(f->left))
        visitPatternExprs(cast<VariableDeclarator>(vd2->declarations[0])->id);
      else
        visitPatternExprs(f->left);
      break;
    }
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
    if (!names.empty())
      out.push_back(b_.declareNames(VarKind::Let, names));
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
    Atom v = temp();
    Node *init = d->init ? d->init : b_.voidZero();
    iterText_ = notIterableText(init);
    bindPattern(kind, d->id, init, v, out);
  }

  /// node's text naming a declaration's initialiser in "x is not iterable"
  /// (empty: node's default message). A compiler temporary is a for-of
  /// head's value, which node calls ".for".
  std::string notIterableText(const Node *init) const {
    switch (init->kind) {
    case NodeKind::Identifier: {
      auto *id = cast<Identifier>(init);
      std::string_view n = id->name.str();
      if (!n.empty() && n[0] == '$' && !bindingOf(id))
        return ".for";
      return std::string(n);
    }
    case NodeKind::ThisExpression:
      return "this";
    case NodeKind::NullLiteral:
      return "null";
    case NodeKind::BooleanLiteral:
      return cast<BooleanLiteral>(init)->value ? "true" : "false";
    case NodeKind::NumericLiteral:
      return std::string(cast<NumericLiteral>(init)->raw.str());
    case NodeKind::ObjectExpression:
      return cast<ObjectExpression>(init)->properties.empty() ? "{}" : "";
    case NodeKind::BigIntLiteral:
    case NodeKind::FunctionExpression:
    case NodeKind::ArrowFunctionExpression:
    case NodeKind::ClassExpression:
      return "(intermediate value)";
    case NodeKind::CallExpression: {
      auto *c = cast<CallExpression>(init);
      if (!c->optional && isa<Identifier>(c->callee))
        return std::string(cast<Identifier>(c->callee)->name.str()) +
               " is not a function or its return value";
      return "";
    }
    case NodeKind::UnaryExpression: {
      auto *u = cast<UnaryExpression>(init);
      if (u->op == UnaryOp::Void && isa<NumericLiteral>(u->argument))
        return "(void " + std::string(cast<NumericLiteral>(u->argument)->raw.str()) + ")";
      if (u->op == UnaryOp::Minus && isa<NumericLiteral>(u->argument))
        return "-" + std::string(cast<NumericLiteral>(u->argument)->raw.str());
      return "";
    }
    default:
      return "";
    }
  }

  /// Declares the names of the `let`/`const` pattern \p pat, bound to the
  /// value \p init (null: already in \p v) through temp \p v. When no
  /// expression of the pattern names one of its own bindings, the pattern
  /// destructures into temps and one declaration `kind a = $t1, b = $t2`
  /// follows (exact TDZ before it, also for the initialiser); otherwise the
  /// names are `let`s declared first (declareLets' conditions).
  bool bindPattern(VarKind kind, Node *pat, Node *init, Atom v, std::vector<Node *> &out) {
    std::vector<Atom> names;
    collectBoundNames(pat, names);
    Names own(names.begin(), names.end()), refs;
    patternRefs(pat, refs);
    bool selfRef = false;
    for (Atom r : refs)
      selfRef = selfRef || own.count(r) != 0;
    if (!selfRef) {
      if (init)
        out.push_back(set(v, init));
      bool savedDeferred = deferred_;
      std::vector<std::pair<Atom, Atom>> saved = std::move(deferredBinds_);
      deferredBinds_.clear();
      deferred_ = true;
      destructure(pat, v, out);
      deferred_ = savedDeferred;
      std::vector<Node *> ds;
      for (auto &[name, t] : deferredBinds_) {
        auto *d = b_.make<VariableDeclarator>();
        d->id = b_.ident(name);
        d->init = b_.ident(t);
        ds.push_back(d);
      }
      deferredBinds_ = std::move(saved);
      if (!ds.empty()) {
        b_.setRange(pat->range);
        auto *decl = b_.make<VariableDeclaration>();
        decl->kind = kind == VarKind::Const ? VarKind::Const : VarKind::Let;
        decl->declarations = b_.list(ds);
        out.push_back(decl);
      }
      return true;
    }
    std::vector<Node *> pre;
    if (!declareLets(kind, pat, init, pre)) {
      iterText_.clear();
      return false;
    }
    out.insert(out.end(), pre.begin(), pre.end());
    if (init)
      out.push_back(set(v, init));
    bool savedDeclared = writesDeclared_;
    writesDeclared_ = true;
    destructure(pat, v, out);
    writesDeclared_ = savedDeclared;
    return true;
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
    std::string text = std::move(iterText_);
    iterText_.clear();
    if (auto *op = dynCast<ObjectPattern>(pat)) {
      // RequireObjectCoercible.
      auto *le =
          b_.logical(LogicalOp::Or,
                     b_.binary(BinaryOp::StrictEq, b_.ident(v), b_.make<NullLiteral>()), isVoid(v));
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
          element(rest->argument, out, [&, arr](Atom t, std::vector<Node *> &o) {
            o.push_back(set(t, b_.call(helper(Helper::ObjectRest), {b_.ident(v), arr})));
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
        element(prop->value, out, [&, key](Atom t, std::vector<Node *> &o) {
          o.push_back(set(t, b_.index(b_.ident(v), dupAtom(key))));
        });
      }
      return;
    }
    auto *ap = cast<ArrayPattern>(pat);
    Atom d = temp();
    auto state = [&] {
      return iterState_ ? static_cast<Node *>(b_.ident(iterState_))
                        : static_cast<Node *>(b_.voidZero());
    };
    Node *msg =
        text.empty() ? static_cast<Node *>(b_.voidZero()) : static_cast<Node *>(b_.string(text));
    // $d = $destrFast($af, $v); if ($d !== null) $d = $destrIter($af, $v, $d.m, x);
    out.push_back(set(d, b_.call(helper(Helper::DestrFast), {state(), b_.ident(v)})));
    out.push_back(
        b_.ifStmt(b_.binary(BinaryOp::StrictNotEq, b_.ident(d), b_.make<NullLiteral>()),
                  set(d, b_.call(helper(Helper::DestrIter),
                                 {state(), b_.ident(v), b_.member(b_.ident(d), "m"), msg}))));
    auto isNull = [&] {
      return b_.binary(BinaryOp::StrictEq, b_.ident(d), b_.make<NullLiteral>());
    };
    // `k + 1 <= +v.length`: k < ToLength(v.length), the array iterator's test.
    auto inRange = [&](size_t k) {
      return b_.binary(BinaryOp::LtEq, b_.number(static_cast<double>(k + 1)),
                       b_.unary(UnaryOp::Plus, b_.member(b_.ident(v), "length")));
    };
    auto setD0 = [&] { return b_.exprStmt(b_.assign(b_.ident(d), b_.number(0))); };
    std::vector<Node *> body;
    bool mayThrow = false;
    size_t k = 0;
    for (Node *e : ap->elements) {
      if (!e) {
        // An elision steps (the array iterator's next reads the element):
        // if ($d === null && k + 1 <= +$v.length) $v[k];
        // else { if ($d === null) $d = 0; $step($d, true); }
        auto *both = b_.logical(LogicalOp::And, isNull(), inRange(k));
        body.push_back(
            b_.ifStmt(both, b_.exprStmt(b_.index(b_.ident(v), b_.number(static_cast<double>(k)))),
                      b_.block({b_.ifStmt(isNull(), setD0()),
                                b_.exprStmt(b_.call(helper(Helper::DestrStep),
                                                    {b_.ident(d), b_.boolean(true)}))})));
        ++k;
        continue;
      }
      b_.setRange(e->range);
      if (auto *rest = dynCast<RestElement>(e)) {
        // The iterator is done after the rest: nothing to close from here
        // on, except when the target's reference throws before it.
        mayThrow = mayThrow || !isa<Identifier>(rest->argument);
        element(rest->argument, body, [&, k](Atom t, std::vector<Node *> &o) {
          o.push_back(
              set(t, b_.call(helper(Helper::DestrRest),
                             {b_.ident(d), b_.ident(v), b_.number(static_cast<double>(k))})));
        });
        ++k;
        continue;
      }
      mayThrow = mayThrow || elementMayThrow(e);
      // if ($d === null && k + 1 <= +$v.length) $t = $v[k];
      // else { if ($d === null) $d = 0; $t = $step($d); }
      element(e, body, [&, k](Atom t, std::vector<Node *> &o) {
        auto *both = b_.logical(LogicalOp::And, isNull(), inRange(k));
        o.push_back(
            b_.ifStmt(both,
                      b_.exprStmt(b_.assign(
                          b_.ident(t), b_.index(b_.ident(v), b_.number(static_cast<double>(k))))),
                      b_.block({b_.ifStmt(isNull(), setD0()),
                                set(t, b_.call(helper(Helper::DestrStep), {b_.ident(d)}))})));
      });
      ++k;
    }
    b_.setRange(pat->range);
    if (mayThrow) {
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
    } else {
      out.insert(out.end(), body.begin(), body.end());
    }
    // The index path never closes (no `return` was reachable at entry).
    out.push_back(b_.ifStmt(b_.binary(BinaryOp::StrictNotEq, b_.ident(d), b_.make<NullLiteral>()),
                            b_.exprStmt(b_.call(helper(Helper::DestrClose), {b_.ident(d)}))));
  }

  /// May the part of an array pattern element after its step throw (so that
  /// an exception there must close the iterator)? Steps themselves never
  /// close. Writes to names the current mode declares, and a few defaults
  /// that cannot throw, do not.
  bool elementMayThrow(const Node *e) const {
    if (auto *as = dynCast<AssignmentPattern>(e)) {
      if (!cannotThrow(as->right))
        return true;
      e = as->left;
    }
    auto *id = dynCast<Identifier>(e);
    return !id || !writeSafe(id);
  }
  static bool cannotThrow(const Node *x) {
    switch (x->kind) {
    case NodeKind::NumericLiteral:
    case NodeKind::StringLiteral:
    case NodeKind::BooleanLiteral:
    case NodeKind::NullLiteral:
    case NodeKind::BigIntLiteral:
    case NodeKind::FunctionExpression:
    case NodeKind::ArrowFunctionExpression:
      return true;
    case NodeKind::UnaryExpression: {
      auto *u = cast<UnaryExpression>(x);
      return (u->op == UnaryOp::Void || u->op == UnaryOp::Minus) &&
             isa<NumericLiteral>(u->argument);
    }
    default:
      return false;
    }
  }
  /// Writing \p id cannot throw: a name the lowering declared (deferred
  /// temps, `let`s declared before the pattern, moved parameters), or a
  /// function-level var/parameter/catch/function binding (no TDZ, writable,
  /// not reachable by eval or with), not a global.
  bool writeSafe(const Identifier *id) const {
    if (deferred_ || writesDeclared_)
      return true;
    const Binding *bd = bindingOf(id);
    if (!bd || bd->dynamic || bd->scope == kNoScope)
      return false;
    switch (bd->kind) {
    case BindingKind::Var:
    case BindingKind::Param:
    case BindingKind::CatchParam:
    case BindingKind::Function:
      break;
    default:
      return false;
    }
    ScopeKind sk = m_.scopes()->scope(bd->scope).kind;
    return sk != ScopeKind::Script && sk != ScopeKind::Module;
  }

  /// One target with an optional default: the reference first (a member
  /// target's object and key), then the value, the default if it is
  /// undefined, then the write or the nested pattern. \p getValue appends
  /// the statements setting the temp it is given to the value.
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
      if (!deferred_)
        write = b_.ident(id->name);
    } else if (!isPattern(target)) {
      unsupported(target, "an unexpected destructuring target");
      return;
    }
    Atom t = temp();
    getValue(t, out);
    if (dflt) {
      Node *val = dflt;
      if (isAnonymousFunctionDefinition(dflt) && isa<Identifier>(target)) {
        // NamedEvaluation: the function is named after the target:
        // `{ "x": dflt }["x"]` names it so without a write.
        auto *prop = b_.property(b_.string(cast<Identifier>(target)->name.str()), dflt);
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
    if (auto *id = dynCast<Identifier>(target)) {
      deferredBinds_.push_back({id->name, t}); // declared after the pattern
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
    bool lower = false, asyncThrows = false;
    for (Node *p : f->params) {
      visitPatternExprs(p);
      // A generator's list runs at the call, its body at the first next():
      // an array pattern without a call stays there (see the banner).
      lower = lower || mayCall(p) || (!f->isGenerator && hasArrayPattern(p));
      asyncThrows = asyncThrows || mayThrow(p);
    }
    // An async function rejects its promise with a parameter's error
    // (spec 15.8.4 EvaluateAsyncFunctionBody): the lowered one runs its
    // body in the step, so a list that may throw moves there too, when it
    // can move exactly (else it stays, throwing at the call).
    if (!lower && asyncThrows && f->isAsync && !f->isGenerator && m_.lowerAsync) {
      std::vector<Node *> body;
      if (auto *block = dynCast<BlockStatement>(f->body))
        body.assign(block->body.begin(), block->body.end());
      lower = whyNotMovable(f, body, firstMoved(f)).second == nullptr;
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
  /// A function or class anywhere in \p n.
  static bool hasClosure(const Node *n) {
    return anyNode(n, [](const Node *x) { return isFunction(x) || isClass(x); });
  }

  /// May binding the parameter \p p throw: a pattern (destructuring
  /// undefined or null) or a default (it evaluates an expression)?
  static bool mayThrow(const Node *p) {
    if (auto *rest = dynCast<RestElement>(p))
      return !isa<Identifier>(rest->argument);
    return !isa<Identifier>(p);
  }

  /// The index of the first parameter moved into the body: the first that
  /// is not a plain identifier.
  template <typename Fn> static size_t firstMoved(Fn *f) {
    size_t first = 0;
    while (first < f->params.size() && isa<Identifier>(f->params[first]))
      ++first;
    return first;
  }

  /// Why the parameters of \p f from \p first on cannot move into \p body
  /// exactly (see the banner), with the node to report, or {_, nullptr}.
  template <typename Fn>
  std::pair<const Node *, const char *> whyNotMovable(Fn *f, const std::vector<Node *> &body,
                                                      size_t first) {
    NodeList params = f->params;
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
      if (callsEval(params[i]))
        return {params[i], "a call to eval in a parameter list"};
    }
    for (Atom r : refs)
      if (!paramNames.count(r) && declared.count(r))
        return {f, "a parameter default naming a declaration of the function body"};
    if (closures)
      for (Atom p : names)
        if (declared.count(p))
          return {f, "a body declaration redeclaring a parameter of a list that creates "
                     "closures"};
    // TDZ: a parameter's expressions may only name earlier parameters.
    {
      // In source order, as walkTdz: `[a, b = a]` names an initialised `a`.
      Names later(names.begin(), names.end());
      bool tdz = false;
      auto check = [&](const Node *e) {
        Names r;
        allNames(e, r);
        for (Atom x : r)
          tdz = tdz || later.count(x) != 0;
      };
      for (size_t i = 0; i < params.size() && !tdz; ++i) {
        if (i >= first) {
          walkTdz(params[i], later, check);
          continue;
        }
        std::vector<Atom> own;
        collectBoundNames(params[i], own);
        for (Atom x : own)
          later.erase(x);
      }
      if (tdz)
        return {f, "a parameter default naming a parameter not yet initialised"};
    }
    return {f, nullptr};
  }

  template <typename Fn>
  void lowerParams(Fn *f, std::vector<Node *> &body, bool setter, bool arrow) {
    if (f->isGenerator) {
      unsupported(f, "a call in a generator's parameter list (defaults run at the call)");
      return;
    }
    std::vector<Node *> params(f->params.begin(), f->params.end());
    size_t first = firstMoved(f);
    // Exactness checks (see the banner).
    if (auto [at, why] = whyNotMovable(f, body, first); why) {
      unsupported(at, why);
      return;
    }
    std::vector<Node *> moved;
    std::vector<Node *> newParams(params.begin(), params.begin() + static_cast<long>(first));
    bool nonSimple = false;
    // The moved names are the function's vars: writing them cannot throw.
    bool savedDeclared = writesDeclared_;
    writesDeclared_ = true;
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
    writesDeclared_ = savedDeclared;
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

/// (P): no pattern or parameter list contains a call; no array pattern in a
/// declaration, an `=` statement, a for-await head, a catch parameter or a
/// parameter list other than a generator's (an export declaration, and an
/// assignment nested in an expression, may keep one).
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
  void params(NodeList ps, bool generator) {
    for (const Node *p : ps) {
      if (mayCall(p))
        fail(p, "a call in a parameter list");
      else if (!generator && PatternLowering::hasArrayPattern(p))
        fail(p, "an array pattern in a parameter list");
    }
  }
  void noArray(const Node *pat) {
    if (pat && PatternLowering::hasArrayPattern(pat))
      fail(pat, "an array pattern not lowered to the iterator protocol");
  }
  void visit(const Node *n) {
    switch (n->kind) {
    case NodeKind::FunctionDeclaration:
      params(cast<FunctionDeclaration>(n)->params, cast<FunctionDeclaration>(n)->isGenerator);
      break;
    case NodeKind::FunctionExpression:
      params(cast<FunctionExpression>(n)->params, cast<FunctionExpression>(n)->isGenerator);
      break;
    case NodeKind::ArrowFunctionExpression:
      params(cast<ArrowFunctionExpression>(n)->params, false);
      break;
    case NodeKind::ExportNamedDeclaration:
      // Kept: `export let [a] = x` (see LowerPatterns.cpp).
      if (auto *vd = dynCast<VariableDeclaration>(cast<ExportNamedDeclaration>(n)->declaration))
        for (const Node *d : vd->declarations) {
          const Node *id = cast<VariableDeclarator>(d)->id;
          if (mayCall(id))
            fail(id, "a call in a destructuring pattern");
          if (auto *init = cast<VariableDeclarator>(d)->init)
            visit(init);
        }
      else if (const Node *decl = cast<ExportNamedDeclaration>(n)->declaration)
        visit(decl);
      return;
    case NodeKind::VariableDeclaration:
      for (const Node *d : cast<VariableDeclaration>(n)->declarations)
        noArray(cast<VariableDeclarator>(d)->id);
      break;
    case NodeKind::ExpressionStatement:
      if (auto *a = dynCast<AssignmentExpression>(cast<ExpressionStatement>(n)->expression))
        noArray(a->left);
      break;
    case NodeKind::ForOfStatement:
      noArray(cast<ForOfStatement>(n)->left);
      break;
    case NodeKind::CatchClause:
      noArray(cast<CatchClause>(n)->param);
      break;
    case NodeKind::ObjectPattern:
    case NodeKind::ArrayPattern:
      if (mayCall(n))
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
