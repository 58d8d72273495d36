//===- LowerConditional.cpp - Conditional evaluation that may call --------===//
//
// The second walk of desugar (after Lower.cpp's): rewrites every part of an
// expression that is evaluated only conditionally and may call (a call,
// `new`, tagged template, yield, await, dynamic import or class evaluation)
// into IfStatements writing a temporary, placed before the statement:
//
//   x = g() + (a && f());
//   ==> $t1 = g(); $t2 = a; if ($t2) $t2 = f(); x = $t1 + $t2;
//
// It covers `&&`, `||`, `??`, `?:`, optional chains (`a?.b(f())`,
// `f?.()`) and logical assignment (`||=`, `&&=`, `??=`; every one is
// lowered: the target's object and key are evaluated once, and nothing is
// written when it short-circuits). Evaluation order is kept by naming, in
// evaluation order, every operand evaluated before the hoisted part into a
// temporary first (Closure Compiler's "expression decomposition"). A method
// call whose arguments need hoisting reads its function first and calls it
// as `$f.call($o, ...)` (GetValue of the callee precedes the arguments), so
// Function.prototype.call is assumed unmodified.
//
// Sequences (comma) are not conditional: one containing a call stays, unless
// it also contains a hoisted part, in which case its elements become
// statements.
//
// Why a separate walk after the loop lowering: by then every loop test that
// may call sits in the loop body as `if (!test) break $L;`, every for-head is
// a statement, so each expression to decompose is the head of a statement
// in a statement list (concise arrow bodies become block bodies). A class
// field initializer needing statements runs as its own arrow function,
// `x = (() => { var $t; ...; return v; })()` (which keeps its `this`,
// `super` and `new.target`). What cannot take statements is reported as
// err_unsupported: parameter defaults, class heritage/computed keys, switch
// case tests, patterns (destructuring defaults), an optional chain used as a
// callee/tag or under `delete`. A chain on `super` starts from the super
// reference read once (`super[k]?.(a)` -> `$v = super[k]; if ($v !== null
// && $v !== void 0) $r = $v.call(this, a);`, `this` being the reference's
// this value, with node's TypeError text if `$v` is not callable).
//
// Linear: a bottom-up scan marks the (rare) nodes containing a part to
// hoist; decomposition only descends into marked nodes.
//
//===----------------------------------------------------------------------===//
#include "passes/Desugar/Desugar.h"
#include "passes/Desugar/LowerParts.h"

#include "distribufy/IR/IRBuilder.h"

#include <algorithm>
#include <string>
#include <unordered_set>
#include <vector>

namespace distribufy::desugar {

using namespace ir;

namespace {

enum : uint8_t { kCall = 1, kNeed = 2 };

struct CondFn {
  std::vector<Atom> temps;
  bool canTemps = true;
  const char *noTempsWhy = "";
};

class CondLowering {
public:
  CondLowering(Module &m, DiagnosticEngine &diags, const SpreadNames &spread)
      : m_(m), b_(m), diags_(diags), spread_(spread) {}

  bool run() {
    Program *prog = m_.program;
    if (!prog)
      return true;
    CondFn fn;
    fns_.push_back(&fn);
    std::vector<Node *> body = stmts(prog->body);
    prog->body = b_.list(withTemps(body, fn));
    fns_.pop_back();
    return ok_;
  }

private:
  Module &m_;
  IRBuilder b_;
  DiagnosticEngine &diags_;
  const SpreadNames &spread_; ///< lowerModule's spread helpers, for chain calls
  static bool hasSpread(NodeList args) {
    for (const Node *a : args)
      if (isa<SpreadElement>(a))
        return true;
    return false;
  }
  bool ok_ = true;
  std::vector<CondFn *> fns_;
  std::unordered_set<const Node *> need_; ///< nodes containing a part to hoist
  std::unordered_set<const Node *> bad_;  ///< the conditional nodes themselves
  std::unordered_set<Atom, AtomHash> tempSet_;
  int withDepth_ = 0; ///< inside a `with` body (nested functions included)

  void unsupported(const Node *where, std::string_view what) {
    diags_.report(DiagId::err_unsupported, m_.file(), where ? where->range : SourceRange{}, what);
    ok_ = false;
  }
  bool needs(const Node *n) const { return n && need_.count(n); }

  Atom temp() {
    Atom t = b_.freshName("t");
    m_.statementTemps.insert(t); // (written before the statement that reads it)
    fns_.back()->temps.push_back(t);
    tempSet_.insert(t);
    return t;
  }
  bool isTemp(const Node *n) const {
    auto *id = dynCast<Identifier>(n);
    return id && tempSet_.count(id->name);
  }
  Node *copyIdent(const Node *n) { return b_.ident(cast<Identifier>(n)->name); }
  Node *stmtOf(Node *e) { return b_.exprStmt(e); }
  /// `$t = v;` An anonymous function would take the name `$t` (NamedEvaluation)
  /// where the original gave it none: `(0, v)` is not a function definition.
  Node *set(Atom t, Node *v) { return b_.exprStmt(b_.assign(b_.ident(t), b_.keepAnonymous(v))); }

  /// Adds the temporaries to the var line opening \p body (after directives).
  std::vector<Node *> withTemps(std::vector<Node *> body, const CondFn &fn) {
    if (fn.temps.empty())
      return body;
    size_t i = directivePrologueLength(body);
    std::vector<Node *> ds;
    auto *line = i < body.size() ? dynCast<VariableDeclaration>(body[i]) : nullptr;
    bool existing = line && line->kind == VarKind::Var;
    if (existing)
      ds.assign(line->declarations.begin(), line->declarations.end());
    for (Atom t : fn.temps) {
      auto *d = b_.make<VariableDeclarator>();
      d->id = b_.ident(t);
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

  // ---- functions and classes ----

  template <typename Fn> void functionT(Fn *f) {
    CondFn fn;
    fn.canTemps = false;
    fn.noTempsWhy = "a conditionally evaluated call in a parameter list";
    fns_.push_back(&fn);
    for (Node *&p : f->params)
      if (scan(p) & kNeed)
        unsupported(p, fn.noTempsWhy);
    fn.canTemps = true;
    if (auto *body = dynCast<BlockStatement>(f->body)) {
      body->body = b_.list(withTemps(stmts(body->body), fn));
    } else if (f->body) {
      if (scan(f->body) & kNeed) {
        // `x => e` becomes `x => { var $t; ...; return e'; }`.
        b_.setRange(f->body->range);
        std::vector<Node *> out;
        Node *e = lin(f->body, out);
        auto *ret = b_.make<ReturnStatement>();
        ret->argument = e;
        out.push_back(ret);
        f->body = b_.block(withTemps(out, fn));
      }
    }
    fns_.pop_back();
  }
  void function(Node *n) {
    switch (n->kind) {
    case NodeKind::FunctionDeclaration:
      return functionT(cast<FunctionDeclaration>(n));
    case NodeKind::FunctionExpression:
      return functionT(cast<FunctionExpression>(n));
    case NodeKind::ArrowFunctionExpression:
      return functionT(cast<ArrowFunctionExpression>(n));
    default:
      return;
    }
  }

  template <typename Cls> void classT(Cls *c) {
    CondFn fn;
    fn.canTemps = false;
    fn.noTempsWhy = "a conditionally evaluated call in a class heritage or computed key";
    fns_.push_back(&fn);
    if (c->superClass && (scan(c->superClass) & kNeed))
      unsupported(c->superClass, fn.noTempsWhy);
    for (Node *mem : c->body) {
      if (auto *md = dynCast<MethodDefinition>(mem)) {
        if (md->computed && (scan(md->key) & kNeed))
          unsupported(md->key, fn.noTempsWhy);
        function(md->value);
      } else if (auto *pd = dynCast<PropertyDefinition>(mem)) {
        if (pd->computed && (scan(pd->key) & kNeed))
          unsupported(pd->key, fn.noTempsWhy);
        if (pd->value && (scan(pd->value) & kNeed))
          pd->value = fieldInitializer(pd->value);
      } else if (auto *sb = dynCast<StaticBlock>(mem)) {
        CondFn inner;
        fns_.push_back(&inner);
        sb->body = b_.list(withTemps(stmts(sb->body), inner));
        fns_.pop_back();
      }
    }
    fns_.pop_back();
  }

  /// A field initializer \p v with a part to hoist (scanned) runs as its own
  /// function: `x = (() => { var $t; ...; return v'; })()` (IRBuilder::
  /// arrowIife; `this`, `super` and `new.target` are the initializer's, and
  /// the field is still defined after \p v is evaluated). \p v having a
  /// part to hoist, it is no anonymous function definition (scan gives
  /// those none), so the field's name for it is not lost.
  Node *fieldInitializer(Node *v) {
    CondFn fn;
    fns_.push_back(&fn);
    b_.setRange(v->range);
    std::vector<Node *> out;
    auto *ret = b_.make<ReturnStatement>();
    ret->argument = lin(v, out);
    out.push_back(ret);
    b_.setRange(v->range);
    Node *body = b_.block(withTemps(out, fn));
    fns_.pop_back();
    return b_.arrowIife(body);
  }

  // ---- the scan ----

private:
  /// Bottom-up: kCall if \p n may call, kNeed if it contains a part to
  /// hoist (recorded in need_). Lowers nested functions and classes on the
  /// way, and rewrites `x ||= v` (identifier target, v without call) in
  /// place to `x || (x = v)`.
  uint8_t scan(Node *&n) {
    if (!n)
      return 0;
    if (isFunction(n)) {
      function(n);
      return 0;
    }
    if (auto *cd = dynCast<ClassExpression>(n)) {
      classT(cd);
      return kCall;
    }
    uint8_t f = 0;
    bool bad = false;
    switch (n->kind) {
    case NodeKind::LogicalExpression: {
      auto *l = cast<LogicalExpression>(n);
      uint8_t r = scan(l->right);
      f = scan(l->left) | r;
      bad = r & kCall;
      break;
    }
    case NodeKind::ConditionalExpression: {
      auto *c = cast<ConditionalExpression>(n);
      uint8_t ca = scan(c->consequent) | scan(c->alternate);
      f = scan(c->test) | ca;
      bad = ca & kCall;
      break;
    }
    case NodeKind::ChainExpression:
      f = scan(cast<ChainExpression>(n)->expression);
      bad = f & kCall;
      break;
    case NodeKind::AssignmentExpression: {
      auto *a = cast<AssignmentExpression>(n);
      f = scan(a->left) | scan(a->right);
      if (a->op == AssignOp::OrAssign || a->op == AssignOp::AndAssign ||
          a->op == AssignOp::NullishAssign) {
        if (isa<Identifier>(a->left) && !(f & kCall)) {
          b_.setRange(a->range);
          LogicalOp op = a->op == AssignOp::OrAssign    ? LogicalOp::Or
                         : a->op == AssignOp::AndAssign ? LogicalOp::And
                                                        : LogicalOp::Nullish;
          auto *le = b_.make<LogicalExpression>();
          le->op = op;
          le->left = copyIdent(a->left);
          a->op = AssignOp::Assign;
          le->right = a;
          n = le;
          return f;
        }
        bad = true;
      }
      break;
    }
    default:
      forEachChildSlot(n, [&](Node *&c) { f |= scan(c); });
      break;
    }
    if (ir::isCallLike(n))
      f |= kCall;
    if (bad) {
      f |= kNeed;
      bad_.insert(n);
    }
    if (f & kNeed)
      need_.insert(n);
    return f;
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
  /// Scans a statement's head expression; if something must be hoisted,
  /// the statements computing it go to \p out and the slot gets the rest.
  void head(Node *&e, std::vector<Node *> &out) {
    if (e && (scan(e) & kNeed)) {
      b_.setRange(e->range);
      e = lin(e, out);
    }
  }
  /// An expression position where statements cannot go.
  void noHoist(Node *&e, std::string_view what) {
    if (e && (scan(e) & kNeed))
      unsupported(e, what);
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
      head(es->expression, out);
      if (isTemp(es->expression))
        return; // its value was only needed for the hoisted statements
      break;
    }
    case NodeKind::VariableDeclaration: {
      auto *vd = cast<VariableDeclaration>(s);
      bool any = false;
      for (Node *dn : vd->declarations) {
        auto *d = cast<VariableDeclarator>(dn);
        noHoist(d->id, "a conditionally evaluated call in a destructuring default");
        if (d->init && (scan(d->init) & kNeed))
          any = true;
      }
      if (!any)
        break;
      // Declarators are evaluated in order: split them so each one's hoisted
      // statements run after the previous binding is initialised.
      for (Node *dn : vd->declarations) {
        auto *d = cast<VariableDeclarator>(dn);
        if (needs(d->init)) {
          b_.setRange(d->init->range);
          d->init = lin(d->init, out);
        }
        b_.setRange(d->range);
        auto *one = b_.make<VariableDeclaration>();
        one->kind = vd->kind;
        one->declarations = b_.list({d});
        out.push_back(one);
      }
      return;
    }
    case NodeKind::ReturnStatement:
      head(cast<ReturnStatement>(s)->argument, out);
      break;
    case NodeKind::ThrowStatement:
      head(cast<ThrowStatement>(s)->argument, out);
      break;
    case NodeKind::IfStatement: {
      auto *is = cast<IfStatement>(s);
      head(is->test, out);
      is->consequent = single(is->consequent);
      if (is->alternate)
        is->alternate = single(is->alternate);
      break;
    }
    case NodeKind::WhileStatement: {
      auto *ws = cast<WhileStatement>(s);
      noHoist(ws->test, "a conditionally evaluated call in a loop test");
      ws->body = single(ws->body);
      break;
    }
    case NodeKind::LabeledStatement: {
      auto *ls = cast<LabeledStatement>(s);
      ls->body = single(ls->body);
      break;
    }
    case NodeKind::WithStatement: {
      auto *ws = cast<WithStatement>(s);
      head(ws->object, out);
      ++withDepth_;
      ws->body = single(ws->body);
      --withDepth_;
      break;
    }
    case NodeKind::SwitchStatement: {
      auto *sw = cast<SwitchStatement>(s);
      head(sw->discriminant, out);
      for (Node *cn : sw->cases) {
        auto *c = cast<SwitchCase>(cn);
        noHoist(c->test, "a conditionally evaluated call in a switch case test");
        c->consequent = b_.list(stmts(c->consequent));
      }
      break;
    }
    case NodeKind::TryStatement: {
      auto *ts = cast<TryStatement>(s);
      ts->block = single(ts->block);
      if (auto *h = ts->handler ? dynCast<CatchClause>(ts->handler) : nullptr) {
        noHoist(h->param, "a conditionally evaluated call in a destructuring default");
        h->body = single(h->body);
      }
      if (ts->finalizer)
        ts->finalizer = single(ts->finalizer);
      break;
    }
    case NodeKind::ForOfStatement: { // `for await`, kept by the loop lowering
      auto *fo = cast<ForOfStatement>(s);
      head(fo->right, out);
      noHoist(fo->left, "a conditionally evaluated call in a for-await head");
      fo->body = single(fo->body);
      break;
    }
    case NodeKind::FunctionDeclaration:
      function(s);
      break;
    case NodeKind::ClassDeclaration:
      classT(cast<ClassDeclaration>(s));
      break;
    case NodeKind::ExportNamedDeclaration: {
      auto *ex = cast<ExportNamedDeclaration>(s);
      if (auto *vd = dynCast<VariableDeclaration>(ex->declaration)) {
        for (size_t i = 0; i < vd->declarations.size(); ++i) {
          auto *d = cast<VariableDeclarator>(vd->declarations[i]);
          noHoist(d->id, "a conditionally evaluated call in a destructuring default");
          if (i == 0)
            head(d->init, out);
          else
            noHoist(d->init, "a conditionally evaluated call in a later declarator of an export");
        }
      } else if (ex->declaration) {
        std::vector<Node *> inner;
        stmt(ex->declaration, inner);
      }
      break;
    }
    case NodeKind::ExportDefaultDeclaration: {
      auto *ex = cast<ExportDefaultDeclaration>(s);
      if (category(ex->declaration->kind) == NodeCategory::Statement) {
        std::vector<Node *> inner;
        stmt(ex->declaration, inner);
      } else {
        head(ex->declaration, out);
      }
      break;
    }
    default:
      forEachChildSlot(s, [&](Node *&c) {
        if (category(c->kind) == NodeCategory::Statement)
          c = single(c);
        else
          noHoist(c, "a conditionally evaluated call in this position");
      });
      break;
    }
    out.push_back(s);
  }

  // ---- decomposition ----

  /// Operands that evaluate to the same value whatever runs in between.
  static bool isStable(const Node *n) {
    switch (n->kind) {
    case NodeKind::ThisExpression:
    case NodeKind::Super:
    case NodeKind::NumericLiteral:
    case NodeKind::StringLiteral:
    case NodeKind::BooleanLiteral:
    case NodeKind::NullLiteral:
    case NodeKind::BigIntLiteral:
    case NodeKind::MetaProperty:
      return true;
    default:
      return false;
    }
  }
  bool stableOrTemp(const Node *n) const { return isStable(n) || isTemp(n); }

  /// Evaluates \p e now, into a temporary unless its value cannot change.
  Node *name(Node *e, std::vector<Node *> &out) {
    if (stableOrTemp(e))
      return e;
    b_.setRange(e->range);
    Atom t = temp();
    out.push_back(set(t, e));
    return b_.ident(t);
  }
  Node *nameLin(Node *e, std::vector<Node *> &out) { return name(lin(e, out), out); }

  /// Evaluates an operand slot that precedes a hoisted part: its value (or
  /// for a spread, its iteration; for a property, its key and value) is
  /// taken now.
  void stabilize(Node *&slot, std::vector<Node *> &out) {
    if (!slot)
      return; // array hole
    if (auto *sp = dynCast<SpreadElement>(slot)) {
      if (isTemp(sp->argument))
        return;
      b_.setRange(sp->range);
      auto *inner = b_.make<SpreadElement>();
      inner->argument = lin(sp->argument, out);
      auto *arr = b_.make<ArrayExpression>();
      arr->elements = b_.list({inner});
      sp->argument = name(arr, out);
      return;
    }
    if (isFunction(slot))
      return; // creating a closure has no effect to order
    if (auto *p = dynCast<Property>(slot)) {
      if (p->computed) {
        p->key = nameLin(p->key, out);
        toPropertyKey(p->key, out);
      }
      // An anonymous function value is named after its key: leave it there.
      if (isAnonymousFunctionDefinition(p->value) && !isFunction(p->value))
        unsupported(p->value, "an anonymous class before a conditionally evaluated call");
      else if (p->kind == PropertyKind::Init && !p->method && !isFunction(p->value)) {
        p->value = nameLin(p->value, out);
        p->shorthand = false;
      }
      return;
    }
    if (category(slot->kind) != NodeCategory::Expression)
      return;
    slot = nameLin(slot, out);
  }

  /// A computed key copied to a temp must be converted where JS converts
  /// it (before the later parts run): objects only, the rest has no effect.
  /// `if ($k !== null && (typeof $k === "object" || typeof $k === "function"))
  ///    $k = Reflect.ownKeys({ [$k]: 0 })[0];` is ToPropertyKey, run once.
  void toPropertyKey(Node *key, std::vector<Node *> &out) {
    if (!isTemp(key))
      return;
    Atom k = cast<Identifier>(key)->name;
    auto [test, conv] = b_.objectToPropertyKey(k);
    out.push_back(b_.ifStmt(test, b_.exprStmt(b_.assign(b_.ident(k), conv))));
  }

  /// Operand lists (arguments, elements, properties): everything before the
  /// last one that needs hoisting is evaluated first, in order.
  void operands(NodeList &list, std::vector<Node *> &out) {
    size_t last = list.size();
    for (size_t i = list.size(); i-- > 0;)
      if (needs(list[i])) {
        last = i;
        break;
      }
    if (last == list.size())
      return;
    std::vector<Node *> items(list.begin(), list.end());
    for (size_t i = 0; i < last; ++i)
      stabilize(items[i], out);
    items[last] = linSlot(items[last], out);
    list = b_.list(items);
  }
  /// lin for a slot that may be a spread or a property.
  Node *linSlot(Node *n, std::vector<Node *> &out) {
    if (auto *sp = dynCast<SpreadElement>(n)) {
      sp->argument = lin(sp->argument, out);
      return n;
    }
    if (auto *p = dynCast<Property>(n)) {
      if (p->computed && needs(p->value))
        p->key = nameLin(p->key, out);
      else if (p->computed)
        p->key = lin(p->key, out);
      p->value = lin(p->value, out);
      return n;
    }
    return lin(n, out);
  }

  Node *nullishTest(Atom t) {
    auto *le = b_.logical(LogicalOp::Or,
                          b_.binary(BinaryOp::StrictEq, b_.ident(t), b_.make<NullLiteral>()),
                          b_.binary(BinaryOp::StrictEq, b_.ident(t), b_.voidZero()));
    return le;
  }
  Node *notNullish(Node *v) {
    auto *le =
        b_.logical(LogicalOp::And, b_.binary(BinaryOp::StrictNotEq, dup(v), b_.make<NullLiteral>()),
                   b_.binary(BinaryOp::StrictNotEq, dup(v), b_.voidZero()));
    return le;
  }
  /// A copy of an atomic operand (identifier, this, super, private name);
  /// literals are shared (leaves are never mutated).
  Node *dup(Node *x) {
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
  /// The test under which the right side of `op` runs, given the left value.
  Node *runsRight(LogicalOp op, Atom t) {
    switch (op) {
    case LogicalOp::And:
      return b_.ident(t);
    case LogicalOp::Or:
      return b_.unary(UnaryOp::Not, b_.ident(t));
    default:
      return nullishTest(t);
    }
  }

  /// Returns an expression equal to \p e, appending to \p out the statements
  /// that must run first; nothing left in it has a part to hoist.
  Node *lin(Node *e, std::vector<Node *> &out) {
    if (!needs(e))
      return e;
    b_.setRange(e->range);
    switch (e->kind) {
    case NodeKind::LogicalExpression: {
      auto *l = cast<LogicalExpression>(e);
      Node *left = lin(l->left, out);
      if (!bad_.count(l)) {
        l->left = left;
        return l;
      }
      b_.setRange(e->range);
      Atom t = temp();
      out.push_back(set(t, left));
      std::vector<Node *> inner;
      Node *right = lin(l->right, inner);
      b_.setRange(e->range);
      inner.push_back(set(t, right));
      out.push_back(b_.ifStmt(runsRight(l->op, t), b_.block(inner)));
      return b_.ident(t);
    }
    case NodeKind::ConditionalExpression: {
      auto *c = cast<ConditionalExpression>(e);
      Node *test = lin(c->test, out);
      if (!bad_.count(c)) {
        c->test = test;
        return c;
      }
      b_.setRange(e->range);
      Atom t = temp();
      std::vector<Node *> thenS, elseS;
      Node *cv = lin(c->consequent, thenS);
      thenS.push_back(set(t, cv));
      Node *av = lin(c->alternate, elseS);
      elseS.push_back(set(t, av));
      b_.setRange(e->range);
      out.push_back(b_.ifStmt(test, b_.block(thenS), b_.block(elseS)));
      return b_.ident(t);
    }
    case NodeKind::SequenceExpression: {
      auto *sq = cast<SequenceExpression>(e);
      size_t n = sq->expressions.size();
      for (size_t i = 0; i + 1 < n; ++i) {
        Node *x = lin(sq->expressions[i], out);
        if (!stableOrTemp(x))
          out.push_back(stmtOf(x));
      }
      return lin(sq->expressions[n - 1], out);
    }
    case NodeKind::AssignmentExpression:
      return linAssign(cast<AssignmentExpression>(e), out);
    case NodeKind::ChainExpression:
      return linChain(cast<ChainExpression>(e), out);
    case NodeKind::CallExpression: {
      auto *c = cast<CallExpression>(e);
      if (chainReference(c->callee)) {
        unsupported(e, "a conditionally evaluated call in an optional chain used as a callee");
        return e;
      }
      bool argsNeed = false;
      for (Node *a : c->arguments)
        argsNeed = argsNeed || needs(a);
      if (auto *me = dynCast<MemberExpression>(c->callee)) {
        // Node's text for the callee, taken before its operands are named.
        std::string calleeText = argsNeed ? ir::calleeErrorText(me) : std::string();
        me->object = lin(me->object, out);
        if (me->computed)
          me->property = lin(me->property, out);
        if (argsNeed) {
          // GetValue of the callee precedes the arguments: read the method
          // now and keep the receiver.
          Node *obj = name(me->object, out);
          me->object = obj;
          if (me->computed)
            me->property = name(me->property, out);
          Node *recv = isa<Super>(obj) ? b_.make<ThisExpression>() : obj;
          recv = dup(recv);
          Node *fn = name(me, out);
          operands(c->arguments, out);
          // Calling a non-function through `.call` would change node's
          // "o.m is not a function": check first, with node's text.
          if (!calleeText.empty())
            out.push_back(b_.notCallableGuard(dup(fn), calleeText, "function"));
          std::vector<Node *> args{recv};
          args.insert(args.end(), c->arguments.begin(), c->arguments.end());
          c->callee = b_.member(fn, "call");
          c->arguments = b_.list(args);
        }
        return c;
      }
      if (argsNeed) {
        if (withDepth_ > 0 && isa<Identifier>(c->callee)) {
          // The with object would supply `this`; a copied callee loses it.
          unsupported(e, "a call inside `with` whose arguments need hoisting");
          return e;
        }
        c->callee = lin(c->callee, out);
        auto *id = dynCast<Identifier>(c->callee);
        if (!(id && id->name.str() == "eval")) // keep a direct eval direct
          c->callee = name(c->callee, out);
      } else {
        c->callee = lin(c->callee, out);
      }
      operands(c->arguments, out);
      return c;
    }
    case NodeKind::NewExpression: {
      auto *ne = cast<NewExpression>(e);
      bool argsNeed = false;
      for (Node *a : ne->arguments)
        argsNeed = argsNeed || needs(a);
      ne->callee = argsNeed ? nameLin(ne->callee, out) : lin(ne->callee, out);
      operands(ne->arguments, out);
      return ne;
    }
    case NodeKind::TaggedTemplateExpression: {
      auto *tt = cast<TaggedTemplateExpression>(e);
      if (chainReference(tt->tag)) {
        unsupported(e, "a conditionally evaluated call in an optional chain used as a tag");
        return e;
      }
      if (needs(tt->quasi)) {
        if (isa<MemberExpression>(tt->tag) || isa<ChainExpression>(tt->tag)) {
          unsupported(e, "a conditionally evaluated call in a template tagged by a method");
          return e;
        }
        tt->tag = nameLin(tt->tag, out);
        auto *tl = cast<TemplateLiteral>(tt->quasi);
        operands(tl->expressions, out);
      } else {
        tt->tag = lin(tt->tag, out);
      }
      return tt;
    }
    case NodeKind::MemberExpression: {
      auto *me = cast<MemberExpression>(e);
      if (me->computed && needs(me->property)) {
        me->object = nameLin(me->object, out);
        me->property = lin(me->property, out);
      } else {
        me->object = lin(me->object, out);
      }
      return me;
    }
    case NodeKind::UnaryExpression: {
      auto *u = cast<UnaryExpression>(e);
      if (u->op == UnaryOp::Delete && isa<ChainExpression>(u->argument)) {
        unsupported(e, "a conditionally evaluated call in a deleted optional chain");
        return e;
      }
      u->argument = lin(u->argument, out);
      return u;
    }
    case NodeKind::ArrayExpression:
      operands(cast<ArrayExpression>(e)->elements, out);
      return e;
    case NodeKind::ObjectExpression:
      operands(cast<ObjectExpression>(e)->properties, out);
      return e;
    case NodeKind::TemplateLiteral:
      operands(cast<TemplateLiteral>(e)->expressions, out);
      return e;
    default: {
      // Binary, await, yield, spread, import(): operands in order.
      std::vector<Node **> slots;
      forEachChildSlot(e, [&](Node *&c) { slots.push_back(&c); });
      size_t last = slots.size();
      for (size_t i = slots.size(); i-- > 0;)
        if (needs(*slots[i])) {
          last = i;
          break;
        }
      for (size_t i = 0; i < last; ++i)
        stabilize(*slots[i], out);
      if (last < slots.size())
        *slots[last] = lin(*slots[last], out);
      return e;
    }
    }
  }

  /// A chain to lower whose value is a property reference: `(a?.b(f()).c)()`
  /// calls with `this` bound to the chain's object, which a temp would lose.
  bool chainReference(const Node *callee) const {
    auto *ch = dynCast<ChainExpression>(callee);
    return ch && needs(ch) && isa<MemberExpression>(ch->expression);
  }

  /// `=` with a hoisted part, and every logical assignment with a member
  /// target or a right side that may call.
  Node *linAssign(AssignmentExpression *a, std::vector<Node *> &out) {
    bool logical = a->op == AssignOp::OrAssign || a->op == AssignOp::AndAssign ||
                   a->op == AssignOp::NullishAssign;
    if (!isa<Identifier>(a->left) && !isa<MemberExpression>(a->left)) {
      if (needs(a->left) || logical) {
        unsupported(a, "a conditionally evaluated call in a destructuring assignment target");
        return a;
      }
      a->right = lin(a->right, out);
      return a;
    }
    // The target's object and key are evaluated once, before the right side.
    Node *readT = a->left;
    Node *writeT = a->left;
    if (auto *me = dynCast<MemberExpression>(a->left)) {
      bool later = logical || needs(a->right);
      Node *obj = lin(me->object, out);
      if (later)
        obj = name(obj, out);
      Node *key = me->property;
      if (me->computed) {
        key = lin(key, out);
        if (later)
          key = name(key, out);
      }
      b_.setRange(a->range);
      auto *w = b_.make<MemberExpression>();
      w->object = dup(obj);
      w->property = dup(key);
      w->computed = me->computed;
      me->object = obj;
      me->property = key;
      readT = me;
      writeT = w;
    } else {
      writeT = copyIdent(a->left);
    }
    if (!logical) {
      a->left = readT;
      a->right = lin(a->right, out);
      return a;
    }
    b_.setRange(a->range);
    Atom t = temp();
    out.push_back(set(t, readT));
    LogicalOp op = a->op == AssignOp::OrAssign    ? LogicalOp::Or
                   : a->op == AssignOp::AndAssign ? LogicalOp::And
                                                  : LogicalOp::Nullish;
    std::vector<Node *> inner;
    Node *rv = lin(a->right, inner);
    b_.setRange(a->range);
    bool named = isa<Identifier>(writeT) && isAnonymousFunctionDefinition(rv);
    if (named) {
      // NamedEvaluation: the function takes the target's name.
      inner.push_back(b_.exprStmt(b_.assign(writeT, rv)));
      inner.push_back(set(t, copyIdent(writeT)));
    } else {
      inner.push_back(set(t, rv));
      inner.push_back(b_.exprStmt(b_.assign(writeT, b_.ident(t))));
    }
    out.push_back(b_.ifStmt(runsRight(op, t), b_.block(inner)));
    return b_.ident(t);
  }

  /// The head of a chain on `super` (links[0]: `super.m`, `super[k]` or
  /// `super(...)`), evaluated into \p cur in \p lv; returns the index of the
  /// first link left. `super.m(a)` (a plain call whose arguments need no
  /// hoisting) stays a native super method call: `$v = super.m(a)`.
  /// Otherwise the method is read once, `$v = super[k]`, with `this` as
  /// its receiver (the reference's this value): a later `?.(a)` tests it
  /// and calls `$v.call(this, a)`, as `super[k]?.(a)` does.
  size_t superHead(std::vector<Node *> &links, Node *&cur, Node *&recv, std::string &superText,
                   std::vector<Node *> &lv) {
    Node *head = links[0];
    b_.setRange(head->range);
    auto *me = dynCast<MemberExpression>(head);
    if (!me) { // super(...)?.x
      cur = nameLin(head, lv);
      return 1;
    }
    std::string text = calleeErrorText(me);
    if (me->computed)
      me->property = lin(me->property, lv);
    auto *next = links.size() > 1 ? dynCast<CallExpression>(links[1]) : nullptr;
    bool argsNeed = false;
    if (next)
      for (Node *a : next->arguments)
        argsNeed = argsNeed || needs(a);
    if (next && !next->optional && !argsNeed && !hasSpread(next->arguments)) {
      next->callee = me;
      b_.setRange(next->range);
      Atom v = temp();
      lv.push_back(set(v, next));
      cur = b_.ident(v);
      return 2;
    }
    Atom v = temp();
    lv.push_back(set(v, me));
    cur = b_.ident(v);
    recv = b_.make<ThisExpression>();
    superText = std::move(text);
    return 1;
  }

  /// `a?.b.c(x)` -> `$r = void 0; $v1 = a; if ($v1 !== null && $v1 !== void 0)
  /// { $v2 = $v1.b; $r = $v2.c(x); }`; every `?.` opens a nested if.
  Node *linChain(ChainExpression *c, std::vector<Node *> &out) {
    std::vector<Node *> links;
    Node *base = c->expression;
    for (;;) {
      if (auto *me = dynCast<MemberExpression>(base)) {
        links.push_back(me);
        base = me->object;
      } else if (auto *ce = dynCast<CallExpression>(base)) {
        links.push_back(ce);
        base = ce->callee;
      } else {
        break;
      }
    }
    std::reverse(links.begin(), links.end());
    b_.setRange(c->range);
    Atom r = temp();
    out.push_back(set(r, b_.voidZero()));
    std::vector<std::vector<Node *>> levels(1);
    std::vector<Node *> tests;
    Node *cur = nullptr;   // the value so far
    Node *recv = nullptr;  // its receiver, if a member read
    std::string superText; // node's text for a `super` method read by itself
    size_t i = 0;
    if (isa<Super>(base))
      i = superHead(links, cur, recv, superText, levels.back());
    else
      cur = nameLin(base, levels.back());
    for (; i < links.size(); ++i) {
      Node *link = links[i];
      bool optional = false;
      if (auto *me = dynCast<MemberExpression>(link))
        optional = me->optional;
      else
        optional = cast<CallExpression>(link)->optional;
      b_.setRange(link->range);
      if (optional) {
        tests.push_back(notNullish(cur));
        levels.emplace_back();
      }
      std::vector<Node *> &lv = levels.back();
      if (auto *me = dynCast<MemberExpression>(link)) {
        superText.clear();
        me->optional = false;
        me->object = dup(cur);
        if (me->computed)
          me->property = lin(me->property, lv);
        // A plain method call right after: call it as `$o.m(args)`.
        auto *next = i + 1 < links.size() ? dynCast<CallExpression>(links[i + 1]) : nullptr;
        bool argsNeed = false;
        if (next)
          for (Node *a : next->arguments)
            argsNeed = argsNeed || needs(a);
        if (next && !next->optional && !argsNeed && !hasSpread(next->arguments)) {
          if (me->computed)
            me->property = name(me->property, lv);
          next->callee = me;
          b_.setRange(next->range);
          Atom v = temp();
          lv.push_back(set(v, next));
          cur = b_.ident(v);
          recv = nullptr;
          ++i;
          continue;
        }
        recv = dup(cur);
        Atom v = temp();
        lv.push_back(set(v, me));
        cur = b_.ident(v);
        continue;
      }
      auto *ce = cast<CallExpression>(link);
      ce->optional = false;
      operands(ce->arguments, lv);
      if (hasSpread(ce->arguments)) {
        // Rule (R), as lowerModule does for calls outside chains.
        Node *thisArg = recv ? recv : b_.unary(UnaryOp::Void, b_.number(0));
        Node *text = superText.empty() ? static_cast<Node *>(b_.unary(UnaryOp::Void, b_.number(0)))
                                       : static_cast<Node *>(b_.string(superText));
        ce->arguments = b_.list({cur, thisArg, spreadArray(b_, ce->arguments, spread_), text});
        ce->callee = b_.ident(spread_.apply);
      } else if (recv) {
        // A `super` method read by itself: node's TypeError, not `.call`'s.
        if (!superText.empty())
          lv.push_back(b_.notCallableGuard(dup(cur), superText, "function"));
        std::vector<Node *> args{recv};
        args.insert(args.end(), ce->arguments.begin(), ce->arguments.end());
        ce->callee = b_.member(cur, "call");
        ce->arguments = b_.list(args);
      } else {
        ce->callee = cur;
      }
      recv = nullptr;
      superText.clear();
      Atom v = temp();
      lv.push_back(set(v, ce));
      cur = b_.ident(v);
    }
    b_.setRange(c->range);
    levels.back().push_back(set(r, cur));
    for (size_t k = levels.size() - 1; k > 0; --k)
      levels[k - 1].push_back(b_.ifStmt(tests[k - 1], b_.block(levels[k])));
    out.insert(out.end(), levels[0].begin(), levels[0].end());
    return b_.ident(r);
  }
};

} // namespace

bool lowerConditionals(Module &m, DiagnosticEngine &diags, const SpreadNames &spread) {
  return CondLowering(m, diags, spread).run();
}

namespace {

/// Checks (C) bottom-up in one walk: returns whether \p n may call.
class CondVerifier {
public:
  CondVerifier(const Module &m, DiagnosticEngine &diags) : m_(m), diags_(diags) {}
  bool ok() const { return ok_; }

  bool visit(const Node *n) {
    if (!n)
      return false;
    bool call = false;
    forEachChild(n, [&](const Node *c) { call = visit(c) || call; });
    if (isFunction(n))
      return false;
    switch (n->kind) {
    case NodeKind::LogicalExpression:
      if (mayCallShallow(cast<LogicalExpression>(n)->right))
        fail(n, "a call in the right operand of a logical expression");
      break;
    case NodeKind::ConditionalExpression: {
      auto *c = cast<ConditionalExpression>(n);
      if (mayCallShallow(c->consequent) || mayCallShallow(c->alternate))
        fail(n, "a call in a branch of a conditional expression");
      break;
    }
    case NodeKind::ChainExpression:
      if (call)
        fail(n, "a call in an optional chain");
      break;
    case NodeKind::AssignmentExpression: {
      AssignOp op = cast<AssignmentExpression>(n)->op;
      if (op == AssignOp::OrAssign || op == AssignOp::AndAssign || op == AssignOp::NullishAssign)
        fail(n, "logical assignment not lowered");
      break;
    }
    default:
      break;
    }
    call = call || isClass(n) || ir::isCallLike(n);
    if (call)
      calls_.insert(n);
    return call;
  }

private:
  const Module &m_;
  DiagnosticEngine &diags_;
  bool ok_ = true;
  std::unordered_set<const Node *> calls_; ///< visited nodes that may call

  bool mayCallShallow(const Node *n) const { return n && calls_.count(n); }
  void fail(const Node *n, std::string_view what) {
    diags_.report(DiagId::err_verifier, m_.file(), n->range, "desugar",
                  fmt::format("{} (desugar post-condition (C))", what));
    ok_ = false;
  }
};

} // namespace

bool verifyConditionals(const Module &m, DiagnosticEngine &diags) {
  CondVerifier v(m, diags);
  if (m.program)
    v.visit(m.program);
  return v.ok();
}

} // namespace distribufy::desugar
