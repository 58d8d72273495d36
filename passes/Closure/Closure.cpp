//===- Closure.cpp - Closure conversion: functions as (code id, env) -------===//
//
// closure: after it, every function value is a pair (code id, environment)
// that the runtime can rebuild without evaluating source text.
//
// Storage analysis (from scope analysis, run at the start of the pass): a
// binding not captured by any nested function stays a plain local (a frame
// slot). A captured binding lives in the environment object of its scope
// instance, created at scope entry:
//
//   const $env_7 = {$parent: $env_3, x: $U, n: n};
//
// Function scopes create it at body entry (parameters, `arguments` and a
// named function expression's own name are copied in); blocks at block
// entry, so a loop body block (desugar makes per-iteration `let` copies the
// first statements of the while body) gets a fresh environment per
// iteration; catch clauses at the start of the handler. Slots are named
// after the bindings (`$parent`, `$this`, `$newtarget` and `__proto__` are
// reserved: a clash gets a `$2`, `$3` ... suffix, deterministic). Bindings of
// the program scope stay module-level variables: factories are module-level
// too, so they see them directly (persisting them is persist-hoist's job).
// Captured `let`/`const`/`class` slots start as the sentinel `$U`; a read or
// write that the pass cannot prove to follow the declaration (same function,
// after the declaring statement of the same block in walk order) is checked
// and throws node's ReferenceError; an assignment to a captured `const`
// throws node's TypeError after evaluating its right side. A call through a
// captured name becomes `(0, $env.f)(...)` so `this` stays undefined.
// Function declarations are created first in their statement list (block
// instantiation); an Annex B block function also assigns its function-level
// `var` where the declaration stood (the block binding, if not captured, is
// renamed so the `var` can be named inside the block).
//
// Factories: every function and class node gets a code id, its index in a
// pre-order walk of the module (stable for a given input and compiler
// version; class members get ids but no factory: a hole in the table). A
// function value is created only by `$F[id](env)`, where `$F` is a
// module-level table of factories emitted at the top of the program (after
// the pass's helpers):
//
//   const $F = [function $fac0($env_3) { return function f(a) {...}; }, ...];
//
// A factory closes over nothing but its environment parameter (and
// module-level names), so `rebuild(table, id, env)` (runtime/src/closures.js)
// gives a working twin. A generator's or async function's step (an arrow
// the generators pass marks isStep, the last argument of its driver call)
// is the exception that saves a closure per call: its factory takes no
// environment, the arrow takes it as its first parameter instead, one
// instance made after the table (`const $step = $F[id]();`) serves every
// call, and the driver call passes the environment after it:
// `$as.run($step, $env_9)`. A factory of a strict function in a sloppy program
// carries its own "use strict". Anonymous functions keep their inferred name
// through `{"name": function () {}}["name"]` in the factory (note: names anf
// temporaries give, `$t3 = () => ...`, are inferred too, as in anf's output).
// Arrows keep lexical `this`/`new.target` through `$this`/`$newtarget` slots
// of the enclosing function's environment (set after every `super()` in
// derived constructors; a class field initializer builds a small
// `{$parent, $this}` environment where its arrows are created) and
// `arguments` through an ordinary slot. A class is created by one factory
// (its code id): its methods, accessors, constructor, fields and static
// blocks stay in the class (so `super` and brand checks work) and refer to
// the factory's `$env`; its heritage and computed keys are part of the
// class's closure (bindings they name are stored in environments); a
// captured inner class name is stored by a static block placed first.
// Object-literal methods come from `{ [key]() {...} }[key]` factories;
// accessors from `Object.getOwnPropertyDescriptor({ get k() {...} }, "k").get`.
// From the first accessor (or member whose key the factory cannot repeat)
// on, members are defined in order by chained helpers on the object being
// built: `$defAcc`/`$defAccN` (accessors; the latter names a computed-key
// one "get k"), `$defData`, `$defFn` (names an anonymous function or a
// computed-key method), `$spread` (CopyDataProperties) and `$proto`
// (`__proto__: v`), so key evaluation order, property order, enumerability
// and accessor merging are the literal's.
//
// `super` where the converted code cannot keep it native -- in arrows (their
// factories are outside the class) and in object-literal members (a
// factory's literal is not their home object) -- becomes helper calls on the
// home object: `super.x` -> `$superGet(home, "x", this)` ([[Get]] on
// `Object.getPrototypeOf(home)` with the receiver, when it runs),
// `super.m(a)` -> `Reflect.apply($superFn(home, "m", this), this, [a])`,
// `super.x = v` -> `$superSet(home, "x", v, this, strict)` (desugar lowers
// `super.x++`, compound assignments and array destructuring to these),
// `delete super[k]` -> `$superDel(k)` (node's ReferenceError once the key is
// evaluated), a target of object destructuring `super.x` ->
// `$superRef(home, "x", this, strict).v` (evaluated where the reference is,
// the prototype taken then; the `v` setter does the [[Set]] with the
// receiver when the pattern stores), `super.m`...`` ->
// `$superTag(home, "m", this)`...`` (the method, looked up first, bound to
// the receiver and called by the same template site, whose strings object
// it keeps; a capture inside the tag is refused: a bound function's frame).
// A class's home
// comes from its environment's `$cls` slot (filled by the first static
// block; `.prototype` for instance members); an object literal whose members
// use `super` is built as `$setHome($henv = {$parent, $home}, literal)`, its
// members created by `$F[k]($henv)` (a local temporary of the enclosing
// function holds the per-evaluation environment; a function with such a
// literal in a parameter default gets an environment so that its defaults
// run in the body, a class's heritage, computed keys and static field
// initializers use locals of the class factory, and an instance field
// initializer with such a literal becomes `(() => value)()` before the
// conversion, as anf does for one with a call), so they rebuild from
// (code id, env) like any closure. A derived constructor whose arrows call
// `super(...)` never binds its native `this`: `super(a)` (there and in the
// constructor) becomes `$superCall($env, $cls, [a])` (Reflect.construct of
// the parent with the constructor's new.target, then the `$this` slot is
// bound; a second call throws after constructing, as super() does), `this`
// in it reads `$thisChk($env.$this)`, its own `super.x` uses the helpers,
// and it returns `$ctorRet(value, $env.$this)` (the derived-constructor
// return rules). If its class has instance fields (desugar lowers private
// ones to code after every `super(...)`, so only public ones are left),
// a native super() must initialise them: `$superCallI($env, $cls, [a])`
// re-enters the constructor (Reflect.construct of the class with the same
// new.target, the helper itself as the mark in the first argument), whose
// first statement, `if (arguments[0] === $superCallI) { const $sargs =
// arguments[1]; super(...$sargs); return this; }`, runs before its
// environment and lowered defaults (its parameters must evaluate nothing);
// `$this` is bound to the result. A checkpoint stores only the
// environment (`$this`, `$newtarget`: plain values), never a native
// closure; a capture inside the parent constructor is refused, like any
// inside a derived constructor before `super()` returns. A second call
// constructs the parent and throws before any initialiser runs, as
// super() does (only a parent constructor that itself calls the arrow
// again, re-entrantly, would see the outer call's initialisers run before
// its ReferenceError).
//
// A function (not a generator) with an environment whose parameters have
// defaults evaluates them after creating it: the list becomes `x = void 0`
// (same length, same unmapped arguments) and `if (x === void 0) x = d;`
// statements run in order, the lowered captured parameters starting as `$U`
// (checked until initialised, as the parameters' TDZ requires); a plain
// parameter read by an earlier default throws; a body whose lexical
// declarations would shadow a name a default reads moves into a nested block; a
// body `var` named like a lowered parameter gets its value (the parameter is
// renamed). Factory calls, TDZ checks and the helpers above only allocate/check
// (the `super` helpers and `$spread` run getters, as the native forms do, and
// never reach a checkpoint of their own): they are the call forms exempt from
// ANF (with the `(0, $env.f)` callee).
//
// Unsupported (err_unsupported, never a wrong program): direct eval and
// `with`; object literals whose members use `super` in a generator's
// parameter default (the members share a per-evaluation `{$parent, $home}`
// environment, which needs a local), and a closure in a generator's default
// over its parameters (or `this`): the defaults run at the call, the body
// (where the environment could be created) at the first next(), and a
// parameter list can declare no local to hold it (an extra parameter would
// take a caller's positional argument); an optional `super` method call
// left by desugar (it lowers `super[k]?.(a)` to a read of `super[k]` and a
// guarded `.call(this, a)`, which the rules above convert); `super()` in an
// arrow of a class with instance fields
// whose constructor keeps parameters that evaluate expressions (desugar
// lowers them); a parameter default of a function with an environment
// reading an outer name that a body `var` shadows; private names (`#x`),
// which desugar lowers (LowerPrivate.cpp)
// before this pass, so one here means desugar did not run; sloppy
// functions with simple parameters using `arguments` whose captured
// parameters would lose the mapped-arguments aliasing; `delete` of a
// captured name. Known inexactness: a rebuilt class re-evaluates its
// heritage, computed keys and static elements. (`this` in an arrow of a
// derived constructor reads a `$this` slot that holds `$U` until `super()`
// returns: `$thisChk` throws node's ReferenceError before.)
//
// Rebuild test mode: when the compiled program runs with the environment
// variable DISTRIBUFY_REBUILD_TEST set to the path of runtime/src/closures.js,
// the prologue hands `$F` to the runtime, which replaces every factory by one
// that rebuilds the closure from (code id, env) taken through a byte
// encoding.
//
// Requires: ANF. Establishes: ClosureConverted. Invalidates: Scopes.
// Verifier: every function or class node is inside the factory table, as the
// value a factory returns (or a member of the class / object it returns);
// helpers before the table contain no function. The free-variable rule (a
// factory names no variable of another function) is checked exactly during
// the conversion, where bindings are known (err_pass_failed if violated):
// in the output such a name would be indistinguishable from a global.
//
//===----------------------------------------------------------------------===//
#include "distribufy/IR/IRBuilder.h"
#include "distribufy/IR/Scope.h"
#include "distribufy/IR/ScopeAnalysis.h"
#include "passes/Common/Snippets.h"
#include "passes/Passes.h"

#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace distribufy {

namespace {

using namespace ir;

bool isFnOrClass(const Node *n) { return isFunction(n) || isClass(n); }

/// An object-literal method or accessor whose `super` has the literal as
/// its home object (in its parameters or body, arrows included).
bool memberUsesSuper(const Property *pr) {
  if (!pr->method && pr->kind == PropertyKind::Init)
    return false;
  auto *fn = dynCast<FunctionExpression>(pr->value);
  if (!fn || !fn->body)
    return false;
  auto isSuper = [](const Node *x) { return isa<Super>(x); };
  auto sameHome = [](const Node *x) {
    return !isa<FunctionExpression>(x) && !isa<FunctionDeclaration>(x) && !isClass(x);
  };
  return std::any_of(fn->params.begin(), fn->params.end(),
                     [&](const Node *p) { return anyNode(p, isSuper, sameHome); }) ||
         anyNode(fn->body, isSuper, sameHome);
}

/// Whether \p x, outside nested functions and classes, has an object
/// literal with a member using `super`.
bool hasSuperLiteral(const Node *x) {
  return anyNode(
      x,
      [](const Node *y) {
        auto *o = dynCast<ObjectExpression>(y);
        return o && std::any_of(o->properties.begin(), o->properties.end(), [](const Node *p) {
                 auto *pr = dynCast<Property>(p);
                 return pr && memberUsesSuper(pr);
               });
      },
      [](const Node *y) { return !isFnOrClass(y); });
}

/// Run before scope analysis. An object literal whose members use `super`
/// builds them with a `{$parent, $home}` environment held by a local of the
/// enclosing function (per evaluation: a re-entrant evaluation, e.g. by a
/// computed key of the literal, must not overwrite it). An instance field
/// initializer runs per instance and has no local, so one with such a
/// literal becomes `(() => value)()`, the shape anf gives an initializer
/// with a call (here, one without: anf left it alone): the arrow keeps
/// `this`, `super` and `new.target` (`arguments` is a SyntaxError in an
/// initializer), and the value, having such a literal outside functions
/// and classes, is no anonymous function definition, so no name is lost.
/// (A static initializer runs once per class evaluation: it uses locals of
/// the class factory.)
void wrapSuperLiteralFields(Module &m, Node *n) {
  if (!n)
    return;
  if (isClass(n)) {
    NodeList body =
        isa<ClassDeclaration>(n) ? cast<ClassDeclaration>(n)->body : cast<ClassExpression>(n)->body;
    for (Node *mem : body) {
      auto *pd = dynCast<PropertyDefinition>(mem);
      if (!pd || pd->isStatic || !pd->value || !hasSuperLiteral(pd->value))
        continue;
      IRBuilder b(m);
      b.setRange(pd->value->range);
      pd->value = b.arrowIife(pd->value);
    }
  }
  forEachChildSlot(n, [&](Node *&c) { wrapSuperLiteralFields(m, c); });
}

Node *fnBody(Node *fn) {
  switch (fn->kind) {
  case NodeKind::FunctionDeclaration:
    return cast<FunctionDeclaration>(fn)->body;
  case NodeKind::FunctionExpression:
    return cast<FunctionExpression>(fn)->body;
  default:
    return cast<ArrowFunctionExpression>(fn)->body;
  }
}
void setFnBody(Node *fn, Node *body) {
  switch (fn->kind) {
  case NodeKind::FunctionDeclaration:
    cast<FunctionDeclaration>(fn)->body = body;
    break;
  case NodeKind::FunctionExpression:
    cast<FunctionExpression>(fn)->body = body;
    break;
  default:
    cast<ArrowFunctionExpression>(fn)->body = body;
  }
}
/// The function's body as a block: an expression-bodied arrow gets
/// `{ return e; }` (a block of the function's own scope \p scope).
BlockStatement *ensureBlockBody(IRBuilder &b, Node *fn, ScopeId scope) {
  Node *body = fnBody(fn);
  if (auto *bs = dynCast<BlockStatement>(body))
    return bs;
  b.setRange(body->range);
  auto *ret = b.make<ReturnStatement>();
  ret->argument = body;
  auto *bs = b.block({ret});
  bs->scope = scope;
  setFnBody(fn, bs);
  return bs;
}
Node *fnId(Node *fn) {
  switch (fn->kind) {
  case NodeKind::FunctionDeclaration:
    return cast<FunctionDeclaration>(fn)->id;
  case NodeKind::FunctionExpression:
    return cast<FunctionExpression>(fn)->id;
  case NodeKind::ArrowFunctionExpression:
    return nullptr;
  case NodeKind::ClassDeclaration:
    return cast<ClassDeclaration>(fn)->id;
  default:
    return cast<ClassExpression>(fn)->id;
  }
}
ScopeId nodeScope(const Node *n) {
  switch (n->kind) {
  case NodeKind::FunctionDeclaration:
    return cast<FunctionDeclaration>(n)->scope;
  case NodeKind::FunctionExpression:
    return cast<FunctionExpression>(n)->scope;
  case NodeKind::ArrowFunctionExpression:
    return cast<ArrowFunctionExpression>(n)->scope;
  case NodeKind::ClassDeclaration:
    return cast<ClassDeclaration>(n)->scope;
  case NodeKind::ClassExpression:
    return cast<ClassExpression>(n)->scope;
  case NodeKind::StaticBlock:
    return cast<StaticBlock>(n)->scope;
  default:
    return kNoScope;
  }
}

/// How the factory hands out the function it creates.
enum class Wrap : uint8_t {
  Plain,  ///< `return fn;`
  Named,  ///< `return {"name": fn}["name"];` (keeps the inferred name)
  Method, ///< `return {key() {...}}[key];`
  Getter, ///< `return Object.getOwnPropertyDescriptor({get k() {...}}, "k").get;`
  Setter,
};

class Converter {
public:
  Converter(Module &m, DiagnosticEngine &d) : m_(m), diags_(d), st_(*m.scopes()), b_(m) {}
  bool run();

private:
  struct ScopeInfo {
    bool hasEnv = false;
    bool needsThis = false, needsNewTarget = false;
    bool derivedCtor = false;      ///< `$this` is set after each `super()`
    bool inlineEnv = false;        ///< class field initializer: env built per use
    bool needsCls = false;         ///< class scope: `$cls` slot (home of `super` in arrows)
    bool superInArrow = false;     ///< derived constructor whose arrows call `super()`
    bool instanceElements = false; ///< class scope: instance fields or private methods
    bool superReentry = false;     ///< superInArrow ctor of a class with instance fields
    bool forceEnv = false;         ///< a parameter default builds a `super` object literal
    ScopeId envParent = kNoScope;
    Atom envName;
    std::vector<BindingId> slots;
    int visible = -1; ///< index in visStack_ while its name is in reach
  };
  struct Ctx {
    int visBase;
    size_t visSize;
    uint32_t fn;
    ScopeId fnScope;
    ScopeId root;
    Atom fnName;
  };

  void unsupported(const Node *n, std::string_view what) {
    if (reported_.insert(n).second)
      diags_.report(DiagId::err_unsupported, m_.file(), n ? n->range : SourceRange{},
                    fmt::format("{} (closure conversion)", what));
    ok_ = false;
  }

  void prewalk(Node *n);
  void markHeritageCaptures(Node *n, ScopeId outerFn);
  void computeStorage();
  ScopeId thisScopeOf(ScopeId s) const;

  Node *envExpr(ScopeId s, const Node *at);
  Node *envArg(const Node *at) {
    return envStack_.empty() ? nullptr : envExpr(envStack_.back(), at);
  }
  void pushVisible(ScopeId s) {
    visStack_.push_back({s, si_[s].visible});
    si_[s].visible = static_cast<int>(visStack_.size() - 1);
  }
  void popVisibleTo(size_t size) {
    while (visStack_.size() > size) {
      si_[visStack_.back().first].visible = visStack_.back().second;
      visStack_.pop_back();
    }
  }
  bool isVisible(ScopeId s) const { return si_[s].visible >= visBase_; }
  Ctx saveCtx() const {
    return {visBase_, visStack_.size(), curFn_, curFnScope_, rootScope_, curFnName_};
  }
  void restoreCtx(const Ctx &c) {
    popVisibleTo(c.visSize);
    visBase_ = c.visBase;
    curFn_ = c.fn;
    curFnScope_ = c.fnScope;
    rootScope_ = c.root;
    curFnName_ = c.fnName;
  }

  void visit(Node *&slot);
  void visitChildren(Node *n) {
    forEachChildSlot(n, [&](Node *&c) { visit(c); });
  }
  void visitList(NodeList &list, ScopeId enter, std::vector<Node *> prologue = {});
  void visitDeclaration(Node *st, std::vector<Node *> &out, bool blockLevel);
  void visitIdentifier(Node *&slot);
  bool within(ScopeId s, ScopeId root) const {
    for (; s != kNoScope; s = st_.scope(s).parent)
      if (s == root)
        return true;
    return false;
  }
  void rewritePattern(Node *&p, std::vector<Atom> &plain, bool &anyEnv, bool dryRun);
  /// An assignment target: `super.x` becomes `$superRef(home, "x", this, strict).v`.
  void visitTarget(Node *&p);
  Node *tempDecl(std::vector<Atom> &temps);
  void visitAssignment(Node *&slot);
  void visitObject(Node *&slot);
  template <typename WithHome> void visitObjectProps(Node *&slot, WithHome &withHome);
  /// `super` rewritten as helper calls (arrows, object-literal members):
  /// the home object expression, or null when `super` stays native.
  Node *superHome(const Node *at);
  Node *superReceiver(const Node *at);
  Node *superKey(MemberExpression *me);
  void declareTemps(NodeList &list, std::vector<Atom> &temps);
  ScopeId newPseudoEnv(ScopeId parent);
  void visitInferred(Node *&slot, std::string_view name) {
    if (slot && isFnOrClass(slot) && !fnId(slot))
      slot = convert(slot, Wrap::Named, name, nullptr);
    else
      visit(slot);
  }
  /// Converts the function/class \p n (whose body is visited here) and
  /// returns the factory call that creates it at its site.
  Node *convert(Node *n, Wrap wrap, std::string_view name, Node *key);
  void visitFunctionBody(Node *fn);
  void visitFunctionBodyInner(Node *fn);
  void lowerParams(Node *fn, NodeList &params);
  std::unordered_set<BindingId> tdzParams_; ///< lowered parameters: checked until initialised
  std::vector<Node *> visitClass(Node *cls, ScopeId paramScope);
  std::vector<Node *> envPrologue(ScopeId s);
  void enterEnv(ScopeId s) {
    envStack_.push_back(s);
    if (!si_[s].inlineEnv)
      pushVisible(s);
  }
  Node *slotRef(BindingId bid, const Node *at) {
    return b_.member(envExpr(st_.binding(bid).scope, at), slotName_[bid].str());
  }
  bool isTdzKind(BindingId bid) const {
    auto k = st_.binding(bid).kind;
    if (k == BindingKind::Param && tdzParams_.count(bid))
      return true;
    return k == BindingKind::Let || k == BindingKind::Const || k == BindingKind::Class;
  }
  Node *helper(Atom &name, std::string_view prefix) {
    if (!name)
      name = b_.freshName(prefix);
    return b_.ident(name);
  }
  Node *call(Node *callee, std::vector<Node *> args) {
    auto *c = b_.make<CallExpression>();
    c->callee = callee;
    c->arguments = b_.list(args);
    return c;
  }
  Node *objectOf(std::vector<Node *> props) {
    auto *o = b_.make<ObjectExpression>();
    o->properties = b_.list(props);
    return o;
  }
  Node *prop(std::string_view key, Node *value) { return b_.property(b_.ident(key), value); }
  Node *undef() { return b_.voidZero(); }
  bool staticKey(const Node *key, bool computed, std::string &out) const;
  Node *cloneKey(const Node *key, bool computed);
  std::vector<Node *> prologueHelpers();

  Module &m_;
  DiagnosticEngine &diags_;
  ScopeTable &st_;
  IRBuilder b_;
  bool ok_ = true;
  std::unordered_set<const Node *> reported_;

  std::vector<ScopeInfo> si_;
  std::vector<uint8_t> inEnv_;
  std::vector<Atom> slotName_;
  std::vector<Atom> renameTo_;   ///< Annex B block functions kept as locals
  std::vector<uint32_t> initFn_; ///< fn serial where the binding is initialised
  std::unordered_map<const Node *, uint32_t> codeId_;
  std::unordered_map<const Node *, ScopeId> fieldScope_; ///< PropertyDefinition -> scope
  std::vector<Node *> factories_;                        ///< by code id; null for class members
  std::vector<ScopeId> fnStack_;                         ///< pre-walk: enclosing function scopes
  /// Home objects of `super`: class member / object-literal member scopes.
  struct HomeInfo {
    ScopeId classScope = kNoScope; ///< class members: the class scope
    bool isStatic = false;
    bool object = false; ///< object-literal member: home in a pseudo env
  };
  std::unordered_map<ScopeId, HomeInfo> home_;
  std::unordered_set<const Node *> superHomeProps_; ///< object-literal members using super
  std::unordered_map<ScopeId, ScopeId> homeEnvOf_;  ///< object member scope -> its home env
  std::vector<std::vector<Atom>> temps_;            ///< per function being visited

  std::vector<std::pair<ScopeId, int>> visStack_; ///< (scope, its previous index)
  int visBase_ = 0;
  std::vector<ScopeId> envStack_;
  uint32_t fnSerial_ = 0, curFn_ = 0;
  ScopeId curFnScope_ = kNoScope;
  ScopeId rootScope_ = kNoScope; ///< scope of the function/class being factored
  Atom curFnName_;               ///< its name (own or inferred), empty if none
  Atom tableName_, envBase_, uninit_, tdzRead_, tdzWrite_, constErr_, defAcc_, defData_, toKey_,
      defFn_, superGet_, superFn_, superSet_, setHome_, spread_, proto_, defAccN_, thisChk_,
      superCall_, ctorRet_, superCallI_, superDel_, superRef_, superPut_, superTag_;
  bool programStrict_ = false;
  bool genParams_ = false; ///< visiting unlowered defaults of a function with an environment
  /// Steps created once per program: `const <name> = $F[code]();` after
  /// the table.
  std::vector<std::pair<Atom, uint32_t>> sharedSteps_;
  /// The environment a step just converted takes, for its driver call.
  Node *stepEnv_ = nullptr;
};

// ---------------------------------------------------------------------------
// Analysis
// ---------------------------------------------------------------------------

ScopeId Converter::thisScopeOf(ScopeId s) const {
  ScopeId f = st_.scope(s).functionScope;
  while (f != kNoScope && st_.scope(f).isArrow) {
    ScopeId p = st_.scope(f).parent;
    f = p == kNoScope ? kNoScope : st_.scope(p).functionScope;
  }
  return f;
}

// A class's heritage and computed keys are evaluated by its factory, outside
// the enclosing function: the locals they name must live in environments.
void Converter::markHeritageCaptures(Node *n, ScopeId outerFn) {
  if (isFunction(n))
    return; // nested functions are captures already
  if (auto *id = dynCast<Identifier>(n); id && id->binding != kNoBinding) {
    Binding &bd = st_.binding(id->binding);
    if (bd.kind != BindingKind::Global && bd.scope != kNoScope && bd.declaration != n &&
        st_.scope(bd.scope).functionScope == outerFn)
      bd.captured = true;
    return;
  }
  forEachChildSlot(n, [&](Node *&c) { markHeritageCaptures(c, outerFn); });
}

void Converter::prewalk(Node *n) {
  if (isFnOrClass(n)) {
    codeId_.emplace(n, static_cast<uint32_t>(factories_.size()));
    factories_.push_back(nullptr);
  }
  switch (n->kind) {
  case NodeKind::WithStatement:
    unsupported(n, "`with` statement");
    break;
  case NodeKind::ThisExpression:
  case NodeKind::MetaProperty: {
    if (fnStack_.empty())
      break;
    ScopeId f = fnStack_.back();
    if (!st_.scope(f).isArrow)
      break;
    ScopeId t = thisScopeOf(f);
    if (t == kNoScope)
      break;
    if (isa<ThisExpression>(n))
      si_[t].needsThis = true;
    else if (cast<MetaProperty>(n)->meta == "new")
      si_[t].needsNewTarget = true;
    break;
  }
  case NodeKind::CallExpression:
    if (isa<Super>(cast<CallExpression>(n)->callee) && !fnStack_.empty() &&
        st_.scope(fnStack_.back()).isArrow) {
      // The constructor's `this` is bound by `$superCall` (Reflect.construct
      // of the parent with the constructor's new.target) and the
      // constructor returns it: it never binds its native `this`.
      ScopeId h = thisScopeOf(fnStack_.back());
      auto it = h == kNoScope ? home_.end() : home_.find(h);
      if (it == home_.end() || it->second.object || !si_[h].derivedCtor) {
        unsupported(n, "`super()` inside an arrow function outside a derived constructor");
        break;
      }
      // Instance fields are initialised by a native super(): the constructor
      // re-enters itself to run one (see `$superCallI`).
      if (si_[it->second.classScope].instanceElements)
        si_[h].superReentry = true;
      si_[h].superInArrow = si_[h].needsThis = si_[h].needsNewTarget = true;
      si_[it->second.classScope].needsCls = true;
    }
    break;
  case NodeKind::Super: {
    if (fnStack_.empty())
      break;
    ScopeId f = fnStack_.back();
    bool arrow = st_.scope(f).isArrow;
    ScopeId h = arrow ? thisScopeOf(f) : f;
    auto it = h == kNoScope ? home_.end() : home_.find(h);
    if (it == home_.end()) {
      if (arrow)
        unsupported(n, "`super` inside an arrow function outside a method");
      break;
    }
    if (arrow)
      si_[h].needsThis = true;
    if (arrow && !it->second.object)
      si_[it->second.classScope].needsCls = true;
    break;
  }
  case NodeKind::UnaryExpression: {
    auto *u = cast<UnaryExpression>(n);
    if (u->op == UnaryOp::Delete && isa<Identifier>(u->argument))
      if (BindingId bid = cast<Identifier>(u->argument)->binding;
          bid != kNoBinding && st_.binding(bid).captured)
        unsupported(n, "`delete` of a captured variable");
    break;
  }
  case NodeKind::ObjectExpression:
    for (Node *p : cast<ObjectExpression>(n)->properties) {
      auto *pr = dynCast<Property>(p);
      if (pr && memberUsesSuper(pr)) {
        // The home object is the literal: its members get it from a small
        // environment `{$parent, $home}` made where the literal is.
        superHomeProps_.insert(pr);
        HomeInfo hi;
        hi.object = true;
        home_[nodeScope(pr->value)] = hi;
      }
    }
    break;
  default:
    break;
  }
  if (isClass(n)) {
    Node *super = isa<ClassDeclaration>(n) ? cast<ClassDeclaration>(n)->superClass
                                           : cast<ClassExpression>(n)->superClass;
    NodeList body =
        isa<ClassDeclaration>(n) ? cast<ClassDeclaration>(n)->body : cast<ClassExpression>(n)->body;
    ScopeId outerFn =
        fnStack_.empty() ? m_.program->scope : st_.scope(fnStack_.back()).functionScope;
    if (super)
      markHeritageCaptures(super, outerFn);
    ScopeId cs = nodeScope(n);
    for (Node *mem : body) {
      if (auto *pd = dynCast<PropertyDefinition>(mem); pd && !pd->isStatic)
        si_[cs].instanceElements = true;
      if (auto *md = dynCast<MethodDefinition>(mem);
          md && !md->isStatic && isa<PrivateName>(md->key))
        si_[cs].instanceElements = true;
    }
    for (Node *mem : body) {
      HomeInfo hi;
      hi.classScope = cs;
      if (auto *md = dynCast<MethodDefinition>(mem)) {
        hi.isStatic = md->isStatic;
        home_[nodeScope(md->value)] = hi;
      } else if (auto *pd = dynCast<PropertyDefinition>(mem)) {
        hi.isStatic = pd->isStatic;
        if (auto fs = fieldScope_.find(pd); fs != fieldScope_.end())
          home_[fs->second] = hi;
      } else if (auto *sb = dynCast<StaticBlock>(mem)) {
        hi.isStatic = true;
        home_[sb->scope] = hi;
      }
      if (auto *md = dynCast<MethodDefinition>(mem)) {
        if (md->computed)
          markHeritageCaptures(md->key, outerFn);
        if (super && md->kind == MethodKind::Constructor)
          si_[cast<FunctionExpression>(md->value)->scope].derivedCtor = true;
      } else if (auto *pd = dynCast<PropertyDefinition>(mem); pd && pd->computed) {
        markHeritageCaptures(pd->key, outerFn);
      }
    }
  }
  if (isFunction(n) || isa<StaticBlock>(n)) {
    fnStack_.push_back(nodeScope(n));
    forEachChildSlot(n, [&](Node *&c) { prewalk(c); });
    fnStack_.pop_back();
    // An object literal whose members use `super` in a parameter default
    // needs a local (its `{$parent, $home}` environment): the function gets
    // an environment, so its defaults are lowered into the body.
    if (!isa<StaticBlock>(n) && nodeScope(n) != kNoScope) {
      auto superLiteral = [&](const Node *x) {
        auto *o = dynCast<ObjectExpression>(x);
        return o && std::any_of(o->properties.begin(), o->properties.end(),
                                [&](const Node *p) { return superHomeProps_.count(p) != 0; });
      };
      NodeList ps = isa<FunctionExpression>(n)    ? cast<FunctionExpression>(n)->params
                    : isa<FunctionDeclaration>(n) ? cast<FunctionDeclaration>(n)->params
                                                  : cast<ArrowFunctionExpression>(n)->params;
      if (std::any_of(ps.begin(), ps.end(), [&](const Node *p) {
            return anyNode(p, superLiteral, [](const Node *x) { return !isFnOrClass(x); });
          }))
        si_[nodeScope(n)].forceEnv = true;
    }
    return;
  }
  if (auto *pd = dynCast<PropertyDefinition>(n); pd && pd->value) {
    if (pd->computed)
      prewalk(pd->key);
    auto it = fieldScope_.find(pd);
    if (it == fieldScope_.end()) {
      prewalk(pd->value);
      return;
    }
    fnStack_.push_back(it->second);
    prewalk(pd->value);
    fnStack_.pop_back();
    return;
  }
  forEachChildSlot(n, [&](Node *&c) { prewalk(c); });
}

void Converter::computeStorage() {
  size_t nb = st_.numBindings();
  inEnv_.assign(nb, 0);
  slotName_.assign(nb, Atom());
  initFn_.assign(nb, UINT32_MAX);
  renameTo_.assign(nb, Atom());
  for (BindingId b = 0; b < nb; ++b) {
    const Binding &bd = st_.binding(b);
    if (bd.kind == BindingKind::Function && bd.annexBVar != kNoBinding && !bd.captured &&
        bd.scope != kNoScope && st_.scope(bd.scope).kind == ScopeKind::Block)
      renameTo_[b] = b_.freshName(bd.name.str());
    if (!bd.captured || bd.kind == BindingKind::Global || bd.scope == kNoScope)
      continue;
    ScopeKind k = st_.scope(bd.scope).kind;
    if (k == ScopeKind::Script || k == ScopeKind::Module)
      continue; // module-level: factories see them directly
    inEnv_[b] = 1;
    si_[bd.scope].slots.push_back(b);
  }
  for (ScopeId s = 0; s < st_.numScopes(); ++s) {
    ScopeInfo &info = si_[s];
    const Scope &sc = st_.scope(s);
    info.hasEnv = !info.slots.empty() || info.needsThis || info.needsNewTarget || info.needsCls ||
                  info.forceEnv;
    if (!info.hasEnv)
      continue;
    info.inlineEnv = sc.node && isa<PropertyDefinition>(sc.node);
    info.envName = m_.atom(fmt::format("{}_{}", envBase_.str(), s));
    // Sloppy mapped arguments alias parameters: a parameter moved into an
    // environment would lose that aliasing.
    // (A list with defaults, patterns or rest has unmapped arguments.)
    bool simpleParams = true;
    if (sc.node && isFunction(sc.node)) {
      NodeList ps = isa<FunctionExpression>(sc.node)    ? cast<FunctionExpression>(sc.node)->params
                    : isa<FunctionDeclaration>(sc.node) ? cast<FunctionDeclaration>(sc.node)->params
                                                        : NodeList();
      for (Node *p : ps)
        simpleParams = simpleParams && isa<Identifier>(p);
    }
    if (sc.kind == ScopeKind::Function && !sc.strict && sc.usesArguments && !sc.isArrow &&
        simpleParams)
      for (BindingId b : info.slots)
        if (st_.binding(b).kind == BindingKind::Param)
          unsupported(sc.node, "captured parameter of a sloppy function that uses `arguments`");
    // Deterministic, collision-free slot names.
    std::unordered_set<std::string> used = {"$parent", "$this", "$newtarget",
                                            "$cls",    "$home", "__proto__"};
    for (BindingId b : info.slots) {
      std::string base(st_.binding(b).name.str());
      std::string name = base;
      for (int i = 2; used.count(name); ++i)
        name = fmt::format("{}${}", base, i);
      used.insert(name);
      slotName_[b] = m_.atom(name);
    }
  }
  for (ScopeId s = 0; s < st_.numScopes(); ++s) {
    if (!si_[s].hasEnv)
      continue;
    ScopeId p = st_.scope(s).parent;
    while (p != kNoScope && !si_[p].hasEnv)
      p = st_.scope(p).parent;
    si_[s].envParent = p;
  }
}

// ---------------------------------------------------------------------------
// Rewriting
// ---------------------------------------------------------------------------

Node *Converter::envExpr(ScopeId s, const Node *at) {
  if (s == kNoScope)
    return b_.make<NullLiteral>();
  if (isVisible(s))
    return b_.ident(si_[s].envName);
  if (visBase_ < static_cast<int>(visStack_.size())) {
    ScopeId from = visStack_[visBase_].first;
    Node *e = b_.ident(si_[from].envName);
    for (ScopeId c = from; c != kNoScope; c = si_[c].envParent) {
      if (c == s)
        return e;
      e = b_.member(e, "$parent");
    }
  }
  if (si_[s].inlineEnv) {
    // A field initializer's environment holds only its `this`/`new.target`;
    // it is built where the initializer creates a closure (inside that
    // closure, the walk above reaches it through `$parent`).
    std::vector<Node *> props = {prop("$parent", envExpr(si_[s].envParent, at))};
    if (si_[s].needsThis)
      props.push_back(prop("$this", b_.make<ThisExpression>()));
    if (si_[s].needsNewTarget)
      props.push_back(prop("$newtarget", undef()));
    return objectOf(props);
  }
  if (genParams_)
    unsupported(at, "a closure in a generator's parameter default over its parameters or `this` "
                    "(its environment would be created by the body, which runs at the first "
                    "next(), and a parameter list can hold it in no local)");
  else
    unsupported(at, "internal: environment not reachable");
  return b_.make<NullLiteral>();
}

std::vector<Node *> Converter::envPrologue(ScopeId s) {
  const ScopeInfo &info = si_[s];
  std::vector<Node *> props = {prop("$parent", envExpr(info.envParent, st_.scope(s).node))};
  if (info.needsThis)
    props.push_back(
        prop("$this", info.derivedCtor ? helper(uninit_, "U") : b_.make<ThisExpression>()));
  if (info.needsNewTarget) {
    auto *mp = b_.make<MetaProperty>();
    mp->meta = m_.atom("new");
    mp->property = m_.atom("target");
    props.push_back(prop("$newtarget", st_.scope(s).kind == ScopeKind::Function ? mp : undef()));
  }
  if (info.needsCls)
    props.push_back(prop("$cls", undef()));
  for (BindingId b : info.slots) {
    const Binding &bd = st_.binding(b);
    Node *init;
    if (tdzParams_.count(b)) {
      props.push_back(prop(slotName_[b].str(), helper(uninit_, "U")));
      continue;
    }
    // A body `var` named like a parameter (separate parameter scope) starts
    // with the parameter's value.
    if (bd.kind == BindingKind::Var && st_.scope(s).separateVarScope &&
        st_.scope(s).parent != kNoScope) {
      BindingId pb = kNoBinding;
      for (BindingId c : st_.scope(st_.scope(s).parent).bindings)
        if (st_.binding(c).kind == BindingKind::Param && st_.binding(c).name == bd.name)
          pb = c;
      if (pb != kNoBinding) {
        props.push_back(prop(slotName_[b].str(), inEnv_[pb]      ? slotRef(pb, st_.scope(s).node)
                                                 : renameTo_[pb] ? b_.ident(renameTo_[pb])
                                                                 : b_.ident(bd.name)));
        continue;
      }
    }
    switch (bd.kind) {
    case BindingKind::Param:
    case BindingKind::FunctionName:
    case BindingKind::CatchParam:
    case BindingKind::Arguments:
      init = b_.ident(bd.name);
      break;
    case BindingKind::Let:
    case BindingKind::Const:
    case BindingKind::Class:
    case BindingKind::ClassInner:
      init = helper(uninit_, "U");
      break;
    default:
      init = undef();
    }
    props.push_back(prop(slotName_[b].str(), init));
  }
  return {b_.declare(VarKind::Const, b_.ident(info.envName), objectOf(props))};
}

void Converter::visitIdentifier(Node *&slot) {
  auto *id = cast<Identifier>(slot);
  BindingId bid = id->binding;
  if (bid != kNoBinding && renameTo_[bid] && st_.binding(bid).declaration != id) {
    id->name = renameTo_[bid];
    return;
  }
  if (bid != kNoBinding && !inEnv_[bid] && rootScope_ != kNoScope) {
    // Exact form of the verifier's rule, checked where bindings are known: a
    // plain name in a factory must be declared inside it, module-level or
    // global.
    const Binding &bd = st_.binding(bid);
    if (bd.kind != BindingKind::Global && bd.scope != kNoScope &&
        st_.scope(bd.scope).kind != ScopeKind::Script &&
        st_.scope(bd.scope).kind != ScopeKind::Module && !within(bd.scope, rootScope_)) {
      diags_.report(DiagId::err_pass_failed, m_.file(), id->range, "closure",
                    fmt::format("'{}' would escape its function's factory", id->name.str()));
      ok_ = false;
    }
  }
  if (bid == kNoBinding || !inEnv_[bid] || st_.binding(bid).declaration == id)
    return;
  b_.setRange(id->range);
  Node *ref = slotRef(bid, id);
  if (isTdzKind(bid) && initFn_[bid] != curFn_)
    ref = call(helper(tdzRead_, "tdz"), {ref, b_.string(id->name.str())});
  slot = ref;
}

void Converter::rewritePattern(Node *&p, std::vector<Atom> &plain, bool &anyEnv, bool dryRun) {
  switch (p->kind) {
  case NodeKind::Identifier: {
    auto *id = cast<Identifier>(p);
    if (id->binding != kNoBinding && inEnv_[id->binding]) {
      anyEnv = true;
      if (!dryRun) {
        initFn_[id->binding] = curFn_;
        p = slotRef(id->binding, id);
      }
    } else {
      plain.push_back(id->name);
    }
    return;
  }
  case NodeKind::ArrayPattern:
    for (Node *&e : cast<ArrayPattern>(p)->elements)
      if (e)
        rewritePattern(e, plain, anyEnv, dryRun);
    return;
  case NodeKind::ObjectPattern:
    for (Node *&e : cast<ObjectPattern>(p)->properties) {
      if (auto *pr = dynCast<Property>(e)) {
        if (pr->computed && !dryRun)
          visit(pr->key);
        rewritePattern(pr->value, plain, anyEnv, dryRun);
        if (!dryRun && !isa<Identifier>(pr->value))
          pr->shorthand = false;
      } else {
        rewritePattern(e, plain, anyEnv, dryRun);
      }
    }
    return;
  case NodeKind::RestElement:
    rewritePattern(cast<RestElement>(p)->argument, plain, anyEnv, dryRun);
    return;
  case NodeKind::AssignmentPattern: {
    auto *ap = cast<AssignmentPattern>(p);
    if (!dryRun) {
      if (auto *id = dynCast<Identifier>(ap->left))
        visitInferred(ap->right, id->name.str());
      else
        visit(ap->right);
    }
    rewritePattern(ap->left, plain, anyEnv, dryRun);
    return;
  }
  default:
    if (!dryRun)
      visitTarget(p);
    return;
  }
}

void Converter::visitTarget(Node *&p) {
  switch (p->kind) {
  case NodeKind::ArrayPattern:
    for (Node *&e : cast<ArrayPattern>(p)->elements)
      if (e)
        visitTarget(e);
    return;
  case NodeKind::ObjectPattern:
    for (Node *&e : cast<ObjectPattern>(p)->properties) {
      auto *pr = dynCast<Property>(e);
      if (!pr) {
        visitTarget(e);
        continue;
      }
      if (pr->computed)
        visit(pr->key);
      visitTarget(pr->value);
      if (!isa<Identifier>(pr->value))
        pr->shorthand = false;
    }
    return;
  case NodeKind::RestElement:
    visitTarget(cast<RestElement>(p)->argument);
    return;
  case NodeKind::AssignmentPattern: {
    auto *ap = cast<AssignmentPattern>(p);
    visitTarget(ap->left);
    if (auto *id = dynCast<Identifier>(ap->left))
      visitInferred(ap->right, id->name.str());
    else
      visit(ap->right);
    return;
  }
  default:
    break;
  }
  auto *me = dynCast<MemberExpression>(p);
  Node *home = me && isa<Super>(me->object) ? superHome(p) : nullptr;
  if (!home) {
    visit(p);
    return;
  }
  // The target is evaluated where `super.x` was (home, key and `this`, the
  // prototype taken then, as the super reference does); the destructuring's
  // PutValue runs the [[Set]] with the receiver through the `v` setter.
  Node *key = superKey(me);
  b_.setRange(p->range);
  bool strict = curFnScope_ != kNoScope && st_.scope(curFnScope_).strict;
  helper(superPut_, "superPut");
  p = b_.member(
      call(helper(superRef_, "superRef"), {home, key, superReceiver(p), b_.boolean(strict)}), "v");
}

Node *Converter::superHome(const Node *at) {
  if (curFnScope_ == kNoScope)
    return nullptr;
  bool arrow = st_.scope(curFnScope_).isArrow;
  ScopeId h = arrow ? thisScopeOf(curFnScope_) : curFnScope_;
  auto it = h == kNoScope ? home_.end() : home_.find(h);
  if (it == home_.end())
    return nullptr;
  b_.setRange(at->range);
  if (it->second.object) {
    auto e = homeEnvOf_.find(h);
    if (e == homeEnvOf_.end()) {
      unsupported(at, "internal: home object environment not found");
      return nullptr;
    }
    return b_.member(envExpr(e->second, at), "$home");
  }
  if (!arrow && !si_[h].superInArrow)
    return nullptr; // a class member's own `super` stays native
  Node *cls = b_.member(envExpr(it->second.classScope, at), "$cls");
  return it->second.isStatic ? cls : b_.member(cls, "prototype");
}

Node *Converter::superReceiver(const Node *at) {
  b_.setRange(at->range);
  Node *t = b_.make<ThisExpression>();
  visit(t); // `$env.$this` in arrows
  return t;
}

Node *Converter::superKey(MemberExpression *me) {
  if (me->computed) {
    visit(me->property);
    return me->property;
  }
  b_.setRange(me->property->range);
  return b_.string(cast<Identifier>(me->property)->name.str());
}

ScopeId Converter::newPseudoEnv(ScopeId parent) {
  ScopeId ps = static_cast<ScopeId>(si_.size());
  ScopeInfo info;
  info.hasEnv = true;
  info.envParent = parent;
  info.envName = b_.freshName("henv");
  si_.push_back(info);
  return ps;
}

Node *Converter::tempDecl(std::vector<Atom> &temps) {
  if (temps.empty())
    return nullptr;
  auto *vd = b_.declareNames(VarKind::Let, temps);
  temps.clear();
  return vd;
}

void Converter::declareTemps(NodeList &list, std::vector<Atom> &temps) {
  Node *vd = tempDecl(temps);
  if (!vd)
    return;
  std::vector<Node *> out;
  size_t i = directivePrologueLength(list);
  out.insert(out.end(), list.begin(), list.begin() + static_cast<ptrdiff_t>(i));
  out.push_back(vd);
  for (; i < list.size(); ++i)
    out.push_back(list[i]);
  list = m_.list(out);
}

void Converter::visitAssignment(Node *&slot) {
  auto *a = cast<AssignmentExpression>(slot);
  if (auto *sm = dynCast<MemberExpression>(a->left); sm && isa<Super>(sm->object)) {
    if (Node *home = superHome(a)) {
      // super.x = v -> $superSet(home, "x", v, this, strict)
      if (a->op != AssignOp::Assign) {
        unsupported(a, "compound assignment to a `super` property (run desugar first)");
        return;
      }
      Node *key = superKey(sm);
      visit(a->right);
      b_.setRange(a->range);
      bool strict = curFnScope_ != kNoScope && st_.scope(curFnScope_).strict;
      slot = call(helper(superSet_, "superSet"),
                  {home, key, a->right, superReceiver(a), b_.boolean(strict)});
      return;
    }
  }
  if (isa<ArrayPattern>(a->left) || isa<ObjectPattern>(a->left)) {
    bool superTarget = anyNode(
        a->left,
        [](const Node *x) {
          auto *me = dynCast<MemberExpression>(x);
          return me && isa<Super>(me->object);
        },
        [](const Node *x) { return !isFnOrClass(x); });
    if (superTarget && superHome(a)) {
      visitTarget(a->left);
      visit(a->right);
      return;
    }
  }
  auto *id = dynCast<Identifier>(a->left);
  if (!id || id->binding == kNoBinding || !inEnv_[id->binding]) {
    visit(a->left);
    if (id && a->op == AssignOp::Assign)
      visitInferred(a->right, id->name.str());
    else
      visit(a->right);
    return;
  }
  BindingId bid = id->binding;
  if (a->op == AssignOp::Assign)
    visitInferred(a->right, id->name.str());
  else
    visit(a->right);
  b_.setRange(a->range);
  const Binding &bd = st_.binding(bid);
  if (bd.kind == BindingKind::Const) {
    // Evaluates the right side, then throws like node.
    slot = call(helper(constErr_, "constErr"), {a->right});
    return;
  }
  if (a->op != AssignOp::Assign) {
    unsupported(a, "compound assignment to a captured variable (run desugar first)");
    return;
  }
  Node *value = a->right;
  if (isTdzKind(bid) && initFn_[bid] != curFn_)
    value = call(helper(tdzWrite_, "tdzw"), {value, slotRef(bid, id), b_.string(id->name.str())});
  a->left = slotRef(bid, id);
  a->right = value;
}

void Converter::visit(Node *&slot) {
  Node *n = slot;
  switch (n->kind) {
  case NodeKind::Identifier:
    visitIdentifier(slot);
    return;
  case NodeKind::FunctionExpression:
  case NodeKind::ArrowFunctionExpression:
  case NodeKind::ClassExpression:
    slot = convert(n, Wrap::Plain, {}, nullptr);
    return;
  case NodeKind::FunctionDeclaration:
  case NodeKind::ClassDeclaration:
    unsupported(n, "declaration outside a statement list");
    return;
  case NodeKind::ObjectExpression:
    visitObject(slot);
    return;
  case NodeKind::AssignmentExpression:
    visitAssignment(slot);
    return;
  case NodeKind::AssignmentPattern: { // a default left by desugar: names its function
    auto *ap = cast<AssignmentPattern>(n);
    visit(ap->left);
    if (auto *id = dynCast<Identifier>(ap->left))
      visitInferred(ap->right, id->name.str());
    else
      visit(ap->right);
    return;
  }
  case NodeKind::MemberExpression: {
    auto *me = cast<MemberExpression>(n);
    if (isa<Super>(me->object)) {
      // super.x -> $superGet(home, "x", this)
      Node *key = superKey(me);
      if (Node *home = superHome(n)) {
        b_.setRange(n->range);
        slot = call(helper(superGet_, "superGet"), {home, key, superReceiver(n)});
      }
      return;
    }
    visit(me->object);
    if (me->computed)
      visit(me->property);
    else if (isa<PrivateName>(me->property))
      visit(me->property);
    return;
  }
  case NodeKind::UpdateExpression:
  case NodeKind::UnaryExpression: {
    Node *arg = isa<UpdateExpression>(n) ? cast<UpdateExpression>(n)->argument
                                         : cast<UnaryExpression>(n)->argument;
    bool target = isa<UpdateExpression>(n) || cast<UnaryExpression>(n)->op == UnaryOp::Delete;
    if (auto *me = dynCast<MemberExpression>(arg);
        target && me && isa<Super>(me->object) && superHome(n)) {
      if (isa<UpdateExpression>(n)) { // desugar lowers it to a get and a set
        unsupported(n, "`super` property as an update operand in an arrow or object-literal "
                       "method (run desugar first)");
        return;
      }
      // delete super[k]: node evaluates the key (no ToPropertyKey), then
      // throws a ReferenceError.
      std::vector<Node *> args;
      if (me->computed)
        args.push_back(superKey(me));
      b_.setRange(n->range);
      slot = call(helper(superDel_, "superDel"), args);
      return;
    }
    visitChildren(n);
    return;
  }
  case NodeKind::PrivateName:
    unsupported(n, "private name (#x) left by desugar (run desugar first)");
    return;
  case NodeKind::CallExpression:
  case NodeKind::TaggedTemplateExpression: {
    Node *&callee = isa<CallExpression>(n) ? cast<CallExpression>(n)->callee
                                           : cast<TaggedTemplateExpression>(n)->tag;
    if (isa<Super>(callee) && curFnScope_ != kNoScope) {
      ScopeId h = st_.scope(curFnScope_).isArrow ? thisScopeOf(curFnScope_) : curFnScope_;
      if (h != kNoScope && si_[h].superInArrow) {
        // super(a) -> $superCall($env, $cls, [a]): binds the `$this` slot
        // (`$superCallI` when instance fields need a native super()).
        auto *c = cast<CallExpression>(n);
        for (Node *&a : c->arguments)
          visit(a);
        b_.setRange(n->range);
        auto *arr = b_.make<ArrayExpression>();
        arr->elements = c->arguments;
        Node *cls = b_.member(envExpr(home_[h].classScope, n), "$cls");
        slot = call(si_[h].superReentry ? helper(superCallI_, "superCallI")
                                        : helper(superCall_, "superCall"),
                    {envExpr(h, n), cls, arr});
        helper(uninit_, "U");
        return;
      }
    }
    if (auto *sm = dynCast<MemberExpression>(callee); sm && isa<Super>(sm->object)) {
      if (Node *home = superHome(n)) {
        // super.m(a) -> Reflect.apply($superFn(home, "m", this), this, [a])
        auto *c = dynCast<CallExpression>(n);
        if (!c) {
          // super.m`...` -> $superTag(home, "m", this)`...`: the method
          // bound to the receiver, called by the same template site (so
          // the template object is the site's own).
          auto *tt = cast<TaggedTemplateExpression>(n);
          Node *key = superKey(sm);
          helper(superFn_, "superFn");
          b_.setRange(n->range);
          tt->tag = call(helper(superTag_, "superTag"), {home, key, superReceiver(n)});
          visit(tt->quasi);
          return;
        }
        if (c->optional || sm->optional) {
          unsupported(n, "optional `super` method call in an arrow or object-literal method (run "
                         "desugar first)");
          return;
        }
        Node *key = superKey(sm);
        for (Node *&a : c->arguments)
          visit(a);
        b_.setRange(n->range);
        auto *arr = b_.make<ArrayExpression>();
        arr->elements = c->arguments;
        Node *fn = call(helper(superFn_, "superFn"), {home, key, superReceiver(n)});
        slot = call(b_.member(b_.ident("Reflect"), "apply"), {fn, superReceiver(n), arr});
        return;
      }
    }
    bool plain = isa<Identifier>(callee);
    auto *ce = dynCast<CallExpression>(n);
    Node *const *last = ce && !ce->arguments.empty() ? &ce->arguments.back() : nullptr;
    bool stepArg = last && *last && isa<ArrowFunctionExpression>(*last) &&
                   cast<ArrowFunctionExpression>(*last)->isStep;
    stepEnv_ = nullptr;
    if (stepArg) {
      // The step is named after its function, so stack traces and frames
      // name the function the program wrote.
      visit(callee);
      for (Node *&a : ce->arguments)
        if (&a != last)
          visit(a);
        else
          a = convert(a, curFnName_.empty() ? Wrap::Plain : Wrap::Named, curFnName_.str(), nullptr);
    } else {
      visitChildren(n);
    }
    if (stepArg && stepEnv_) {
      // the driver call of a shared step: its environment follows it
      std::vector<Node *> args(ce->arguments.begin(), ce->arguments.end());
      args.push_back(stepEnv_);
      ce->arguments = b_.list(args);
      stepEnv_ = nullptr;
    }
    if (plain && isa<MemberExpression>(callee)) {
      // `$env.f()` would pass the environment as `this`: `(0, $env.f)()`.
      auto *seq = b_.make<SequenceExpression>();
      seq->expressions = b_.list({b_.number(0), callee});
      callee = seq;
    }
    return;
  }
  case NodeKind::ThisExpression:
  case NodeKind::MetaProperty: {
    if (curFnScope_ != kNoScope && isa<ThisExpression>(n) && si_[curFnScope_].superInArrow) {
      b_.setRange(n->range);
      slot = call(helper(thisChk_, "thisChk"), {b_.member(envExpr(curFnScope_, n), "$this")});
      return;
    }
    if (curFnScope_ == kNoScope || !st_.scope(curFnScope_).isArrow)
      return;
    if (auto *mp = dynCast<MetaProperty>(n); mp && mp->meta != "new")
      return;
    ScopeId t = thisScopeOf(curFnScope_);
    if (t == kNoScope)
      return;
    b_.setRange(n->range);
    slot = b_.member(envExpr(t, n), isa<ThisExpression>(n) ? "$this" : "$newtarget");
    // A derived constructor's `this` before `super()`: ReferenceError.
    if (isa<ThisExpression>(n) && si_[t].derivedCtor)
      slot = call(helper(thisChk_, "thisChk"), {slot});
    return;
  }
  case NodeKind::ReturnStatement: {
    visitChildren(n);
    // A constructor whose `this` lives in `$this` returns it explicitly.
    if (curFnScope_ != kNoScope && si_[curFnScope_].superInArrow) {
      auto *r = cast<ReturnStatement>(n);
      b_.setRange(n->range);
      r->argument =
          call(helper(ctorRet_, "ctorRet"),
               {r->argument ? r->argument : undef(), b_.member(envExpr(curFnScope_, n), "$this")});
    }
    return;
  }
  case NodeKind::BlockStatement: {
    auto *bs = cast<BlockStatement>(n);
    ScopeId s = bs->scope;
    bool enter = s != kNoScope && si_[s].hasEnv && st_.scope(s).node == bs;
    visitList(bs->body, enter ? s : kNoScope);
    return;
  }
  case NodeKind::CatchClause: {
    auto *cc = cast<CatchClause>(n);
    ScopeId s = cc->scope;
    auto *body = cast<BlockStatement>(cc->body);
    if (s != kNoScope && si_[s].hasEnv) {
      std::vector<Node *> pro = envPrologue(s);
      size_t visSize = visStack_.size();
      enterEnv(s);
      ScopeId bs = body->scope;
      bool enter = bs != kNoScope && si_[bs].hasEnv && st_.scope(bs).node == body;
      visitList(body->body, enter ? bs : kNoScope, std::move(pro));
      envStack_.pop_back();
      popVisibleTo(visSize);
    } else {
      visit(cc->body);
    }
    return;
  }
  case NodeKind::Program:
  case NodeKind::StaticBlock:
    visitChildren(n);
    return;
  default:
    visitChildren(n);
    return;
  }
}

void Converter::visitList(NodeList &list, ScopeId enter, std::vector<Node *> prologue) {
  std::vector<Node *> out = std::move(prologue);
  size_t visSize = visStack_.size();
  if (enter != kNoScope) {
    b_.setRange(st_.scope(enter).node->range);
    for (Node *p : envPrologue(enter))
      out.push_back(p);
    enterEnv(enter);
  }
  // Directives stay first.
  size_t i = directivePrologueLength(list);
  std::vector<Node *> directives;
  directives.insert(directives.end(), list.begin(), list.begin() + static_cast<ptrdiff_t>(i));
  // Function declarations are instantiated at block entry, wherever they
  // stand in the list (desugar hoists them, but a switch case keeps them in
  // place): create them first, in order.
  std::vector<Node *> ordered;
  ordered.reserve(list.size() - i);
  for (size_t j = i; j < list.size(); ++j)
    if (isa<FunctionDeclaration>(list[j]))
      ordered.push_back(list[j]);
  for (size_t j = i; j < list.size(); ++j)
    if (!isa<FunctionDeclaration>(list[j]))
      ordered.push_back(list[j]);
  for (Node *st : ordered) {
    b_.setRange(st->range);
    switch (st->kind) {
    case NodeKind::VariableDeclaration:
    case NodeKind::FunctionDeclaration:
    case NodeKind::ClassDeclaration:
      visitDeclaration(st, out, true);
      continue;
    case NodeKind::ExportNamedDeclaration: {
      auto *ex = cast<ExportNamedDeclaration>(st);
      if (ex->declaration) {
        std::vector<Node *> tmp;
        visitDeclaration(ex->declaration, tmp, false);
        for (Node *t : tmp) {
          auto *e = b_.make<ExportNamedDeclaration>();
          e->declaration = t;
          out.push_back(e);
        }
        continue;
      }
      break;
    }
    case NodeKind::ExportDefaultDeclaration: {
      auto *ex = cast<ExportDefaultDeclaration>(st);
      if (isFnOrClass(ex->declaration)) {
        Node *d = ex->declaration;
        if (fnId(d)) {
          std::vector<Node *> tmp;
          visitDeclaration(d, tmp, false);
          for (Node *t : tmp)
            out.push_back(t);
          ex->declaration = b_.ident(cast<Identifier>(fnId(d))->name);
        } else {
          ex->declaration = convert(d, Wrap::Named, "default", nullptr);
        }
        out.push_back(ex);
        continue;
      }
      break;
    }
    default:
      break;
    }
    Node *slot = st;
    visit(slot);
    out.push_back(slot);
    // Derived constructors: `this` exists after `super()`.
    if (auto *es = dynCast<ExpressionStatement>(st);
        es && curFnScope_ != kNoScope && si_[curFnScope_].derivedCtor &&
        si_[curFnScope_].needsThis && !si_[curFnScope_].superInArrow) {
      Node *e = es->expression;
      if (auto *as = dynCast<AssignmentExpression>(e))
        e = as->right;
      if (auto *c = dynCast<CallExpression>(e); c && isa<Super>(c->callee))
        out.push_back(b_.exprStmt(
            b_.assign(b_.member(envExpr(curFnScope_, st), "$this"), b_.make<ThisExpression>())));
    }
  }
  if (enter != kNoScope) {
    envStack_.pop_back();
    popVisibleTo(visSize);
  }
  if (!directives.empty())
    out.insert(out.begin(), directives.begin(), directives.end());
  list = m_.list(out);
}

void Converter::visitDeclaration(Node *st, std::vector<Node *> &out, bool blockLevel) {
  if (auto *vd = dynCast<VariableDeclaration>(st)) {
    std::vector<Node *> pending;
    auto flush = [&] {
      if (pending.empty())
        return;
      auto *d = b_.make<VariableDeclaration>();
      d->kind = vd->kind;
      d->declarations = b_.list(pending);
      out.push_back(d);
      pending.clear();
    };
    for (Node *dn : vd->declarations) {
      auto *decl = cast<VariableDeclarator>(dn);
      auto *id = dynCast<Identifier>(decl->id);
      if (decl->init) {
        if (id)
          visitInferred(decl->init, id->name.str());
        else
          visit(decl->init);
      }
      if (!id) {
        // A pattern (left by desugar): if it binds environment slots, it
        // becomes a destructuring assignment to them, its other names
        // declared first.
        std::vector<Atom> plain;
        bool anyEnv = false;
        rewritePattern(decl->id, plain, anyEnv, /*dryRun=*/true);
        if (!anyEnv) {
          visit(decl->id);
          pending.push_back(decl);
          continue;
        }
        flush();
        plain.clear();
        rewritePattern(decl->id, plain, anyEnv, false);
        if (!plain.empty()) {
          std::vector<Node *> ds;
          for (Atom a : plain) {
            auto *d = b_.make<VariableDeclarator>();
            d->id = b_.ident(a);
            ds.push_back(d);
          }
          auto *vdecl = b_.make<VariableDeclaration>();
          vdecl->kind = vd->kind == VarKind::Var ? VarKind::Var : VarKind::Let;
          vdecl->declarations = b_.list(ds);
          out.push_back(vdecl);
        }
        if (decl->init)
          out.push_back(b_.exprStmt(b_.assign(decl->id, decl->init)));
        continue;
      }
      if (id->binding == kNoBinding || !inEnv_[id->binding]) {
        pending.push_back(decl);
        continue;
      }
      flush();
      BindingId bid = id->binding;
      if (decl->init || vd->kind != VarKind::Var)
        out.push_back(b_.exprStmt(b_.assign(slotRef(bid, id), decl->init ? decl->init : undef())));
      initFn_[bid] = curFn_;
    }
    flush();
    return;
  }
  Node *id = fnId(st);
  auto *ident = dynCast<Identifier>(id);
  BindingId bid = ident ? ident->binding : kNoBinding;
  Node *value = convert(st, Wrap::Plain, {}, nullptr);
  b_.setRange(st->range);
  if (bid != kNoBinding && inEnv_[bid]) {
    out.push_back(b_.exprStmt(b_.assign(slotRef(bid, ident), value)));
  } else {
    bool inBlock = bid != kNoBinding && st_.binding(bid).scope != kNoScope &&
                   st_.scope(st_.binding(bid).scope).kind == ScopeKind::Block;
    VarKind k = isClass(st) || (blockLevel && inBlock) ? VarKind::Let : VarKind::Var;
    out.push_back(b_.declare(k, b_.ident(ident ? ident->name : m_.atom("$anon")), value));
  }
  if (bid != kNoBinding && renameTo_[bid])
    cast<VariableDeclarator>(cast<VariableDeclaration>(out.back())->declarations[0])->id =
        b_.ident(renameTo_[bid]);
  if (bid != kNoBinding)
    initFn_[bid] = curFn_;
  // Annex B.3.3: evaluating a block function declaration also assigns the
  // function's `var` of the same name.
  if (bid != kNoBinding && st_.binding(bid).annexBVar != kNoBinding &&
      st_.scope(st_.binding(bid).scope).kind == ScopeKind::Block) {
    BindingId vb = st_.binding(bid).annexBVar;
    Node *cur = inEnv_[bid] ? slotRef(bid, ident) : b_.ident(renameTo_[bid]);
    if (inEnv_[vb])
      out.push_back(b_.exprStmt(b_.assign(slotRef(vb, ident), cur)));
    else
      out.push_back(b_.declare(VarKind::Var, b_.ident(st_.binding(vb).name), cur));
  }
}

void Converter::visitFunctionBody(Node *fn) {
  ScopeId s = nodeScope(fn);
  // Parameters that survived desugar (defaults, patterns) run before the
  // function's environment exists: their captured names are unreachable
  // and reported.
  NodeList &params = isa<FunctionExpression>(fn)    ? cast<FunctionExpression>(fn)->params
                     : isa<FunctionDeclaration>(fn) ? cast<FunctionDeclaration>(fn)->params
                                                    : cast<ArrowFunctionExpression>(fn)->params;
  temps_.emplace_back();
  // Defaults of a function with an environment are evaluated in its
  // parameter scope, so closures they create must see that environment:
  // the list becomes `x = void 0` (same length, same unmapped arguments)
  // and the defaults run, in order, after the environment is created.
  bool lower = false;
  if (s != kNoScope && si_[s].hasEnv) {
    bool shapes = true;
    for (Node *p : params) {
      if (isa<Identifier>(p))
        continue;
      if (auto *ap = dynCast<AssignmentPattern>(p); ap && isa<Identifier>(ap->left)) {
        auto *u = dynCast<UnaryExpression>(ap->right);
        if (!(u && u->op == UnaryOp::Void && isa<NumericLiteral>(u->argument)))
          lower = true;
        continue;
      }
      if (auto *re = dynCast<RestElement>(p); re && isa<Identifier>(re->argument))
        continue;
      shapes = false;
    }
    // (A generator evaluates its defaults when called, before its body
    // runs on the first next(): not lowered.)
    bool generator = isa<FunctionExpression>(fn)    ? cast<FunctionExpression>(fn)->isGenerator
                     : isa<FunctionDeclaration>(fn) ? cast<FunctionDeclaration>(fn)->isGenerator
                                                    : false;
    lower = lower && shapes && !generator;
  }
  if (lower) {
    lowerParams(fn, params);
  } else {
    bool gen = genParams_;
    genParams_ = s != kNoScope && si_[s].hasEnv;
    for (Node *&p : params)
      if (!isa<Identifier>(p))
        visit(p);
    genParams_ = gen;
    // (A function with such a default gets an environment, so this is a
    // generator, whose defaults run at the call.)
    if (!temps_.back().empty())
      unsupported(fn, "object literal with `super` in a parameter default of a generator");
    visitFunctionBodyInner(fn);
  }
  if (!temps_.back().empty())
    declareTemps(ensureBlockBody(b_, fn, s)->body, temps_.back());
  temps_.pop_back();
  if (s != kNoScope && si_[s].superInArrow) {
    auto *bs = cast<BlockStatement>(fnBody(fn));
    b_.setRange(bs->range);
    auto *ret = b_.make<ReturnStatement>();
    ret->argument =
        call(helper(ctorRet_, "ctorRet"), {undef(), b_.member(b_.ident(si_[s].envName), "$this")});
    std::vector<Node *> out(bs->body.begin(), bs->body.end());
    out.push_back(ret);
    if (si_[s].superReentry) {
      // Re-entered by `$superCallI` (its own function as the mark): a native
      // super() initialises the instance fields. It comes first, before the
      // parameters' lowered defaults and the environment; the parameters
      // left must evaluate nothing.
      for (Node *p : params) {
        auto *ap = dynCast<AssignmentPattern>(p);
        auto *u = ap ? dynCast<UnaryExpression>(ap->right) : nullptr;
        auto *re = dynCast<RestElement>(p);
        if (!isa<Identifier>(p) && !(re && isa<Identifier>(re->argument)) &&
            !(ap && isa<Identifier>(ap->left) && u && u->op == UnaryOp::Void &&
              isa<NumericLiteral>(u->argument)))
          unsupported(p, "`super()` inside an arrow function of a class with instance fields, "
                         "in a constructor whose parameters evaluate expressions");
      }
      b_.setRange(bs->range);
      Atom args = b_.freshName("sargs");
      auto *sc = b_.make<CallExpression>();
      sc->callee = b_.make<Super>();
      auto *spread = b_.make<SpreadElement>();
      spread->argument = b_.ident(args);
      sc->arguments = b_.list({spread});
      auto *back = b_.make<ReturnStatement>();
      back->argument = b_.make<ThisExpression>();
      Node *reentry =
          b_.ifStmt(b_.binary(BinaryOp::StrictEq, b_.index(b_.ident("arguments"), b_.number(0)),
                              helper(superCallI_, "superCallI")),
                    b_.block({b_.declare(VarKind::Const, b_.ident(args),
                                         b_.index(b_.ident("arguments"), b_.number(1))),
                              b_.exprStmt(sc), back}));
      out.insert(out.begin() + static_cast<ptrdiff_t>(directivePrologueLength(bs->body)), reentry);
    }
    bs->body = b_.list(out);
  }
}

void Converter::lowerParams(Node *fn, NodeList &params) {
  ScopeId s = nodeScope(fn);
  size_t first = 0;
  while (first < params.size() && isa<Identifier>(params[first]))
    ++first;
  auto paramId = [&](Node *p) -> Identifier * {
    if (auto *ap = dynCast<AssignmentPattern>(p))
      return cast<Identifier>(ap->left);
    if (auto *re = dynCast<RestElement>(p))
      return cast<Identifier>(re->argument);
    return cast<Identifier>(p);
  };
  // Parameters of the lowered part are in their TDZ until initialised: a
  // captured one starts as `$U` (checked reads), a plain one read by an
  // earlier default is reported.
  for (size_t i = first; i < params.size(); ++i) {
    BindingId bid = paramId(params[i])->binding;
    if (bid != kNoBinding && inEnv_[bid]) {
      tdzParams_.insert(bid);
      initFn_[bid] = UINT32_MAX;
    }
  }
  for (size_t i = first; i < params.size(); ++i) {
    auto *ap = dynCast<AssignmentPattern>(params[i]);
    if (!ap)
      continue;
    // A plain parameter read by a default at or before its own position
    // is in its TDZ: the read throws (`$tdz($U, "b")`).
    struct Rewriter {
      Converter *self;
      std::unordered_set<BindingId> later;
      bool assigned = false;
      void go(Node *&x) {
        if (isFnOrClass(x))
          return;
        if (auto *a = dynCast<AssignmentExpression>(x))
          if (auto *id = dynCast<Identifier>(a->left); id && later.count(id->binding))
            assigned = true;
        if (auto *id = dynCast<Identifier>(x); id && later.count(id->binding)) {
          self->b_.setRange(id->range);
          x = self->call(self->helper(self->tdzRead_, "tdz"),
                         {self->helper(self->uninit_, "U"), self->b_.string(id->name.str())});
          return;
        }
        forEachChildSlot(x, [&](Node *&c) { go(c); });
      }
    } f{this, {}};
    for (size_t j = i; j < params.size(); ++j)
      if (BindingId bid = paramId(params[j])->binding; bid != kNoBinding && !inEnv_[bid])
        f.later.insert(bid);
    f.go(ap->right);
    if (f.assigned)
      unsupported(ap, "parameter default assigning a later parameter of a function with an "
                      "environment");
  }
  // Defaults now run in the body: a name they read from outside the
  // function must not be shadowed by a body declaration (lexical ones move
  // to a nested block; a `var` is reported).
  bool wrap = false;
  Node *body0 = fnBody(fn);
  ScopeId bodyScope0 = isa<BlockStatement>(body0) ? cast<BlockStatement>(body0)->scope : kNoScope;
  if (bodyScope0 != kNoScope && bodyScope0 != s) {
    std::unordered_map<std::string, BindingKind> bodyNames;
    for (BindingId c : st_.scope(bodyScope0).bindings)
      bodyNames.emplace(std::string(st_.binding(c).name.str()), st_.binding(c).kind);
    struct Finder {
      Converter *self;
      ScopeId fnScope;
      std::unordered_map<std::string, BindingKind> *names;
      bool wrap = false, var = false;
      void go(const Node *x) {
        if (auto *id = dynCast<Identifier>(x)) {
          BindingId bid = id->binding;
          if (bid != kNoBinding && self->st_.binding(bid).scope != kNoScope &&
              self->within(self->st_.binding(bid).scope, fnScope))
            return; // a parameter (or a name inside the default)
          auto it = names->find(std::string(id->name.str()));
          if (it != names->end())
            (it->second == BindingKind::Var ? var : wrap) = true;
          return;
        }
        forEachChild(x, [&](const Node *c) { go(c); });
      }
    } f{this, s, &bodyNames};
    for (size_t i = first; i < params.size(); ++i)
      if (auto *ap = dynCast<AssignmentPattern>(params[i]))
        f.go(ap->right);
    if (f.var)
      unsupported(fn, "parameter default reading an outer name that a body `var` shadows");
    wrap = f.wrap;
  }
  BlockStatement *bs = ensureBlockBody(b_, fn, s);
  // A body `var` named like a lowered parameter is another binding, which
  // the lowered statements (in the body) would name: the parameter is
  // renamed, and the `var` starts with its value once the defaults ran.
  std::vector<std::pair<BindingId, BindingId>> varCopies; // (param, body var)
  if (bodyScope0 != kNoScope && bodyScope0 != s)
    for (size_t i = first; i < params.size(); ++i) {
      Identifier *x = paramId(params[i]);
      for (BindingId c : st_.scope(bodyScope0).bindings)
        if (st_.binding(c).kind == BindingKind::Var && st_.binding(c).name == x->name &&
            x->binding != kNoBinding) {
          Atom fresh = b_.freshName(std::string(x->name.str()) + "_");
          if (!inEnv_[x->binding])
            renameTo_[x->binding] = fresh;
          x->name = fresh;
          varCopies.push_back({x->binding, c});
        }
    }
  size_t visSize = visStack_.size();
  b_.setRange(fn->range);
  std::vector<Node *> pro = envPrologue(s);
  enterEnv(s);
  for (size_t i = first; i < params.size(); ++i) {
    Identifier *x = paramId(params[i]);
    b_.setRange(params[i]->range);
    if (auto *ap = dynCast<AssignmentPattern>(params[i])) {
      Node *d = ap->right;
      auto *u = dynCast<UnaryExpression>(d);
      if (!(u && u->op == UnaryOp::Void && isa<NumericLiteral>(u->argument))) {
        visitInferred(d, x->name.str());
        b_.setRange(params[i]->range);
        pro.push_back(b_.ifStmt(b_.binary(BinaryOp::StrictEq, b_.ident(x->name), b_.voidZero()),
                                b_.exprStmt(b_.assign(b_.ident(x->name), d))));
        ap->right = b_.voidZero();
      }
    }
    BindingId bid = x->binding;
    if (bid != kNoBinding && inEnv_[bid]) {
      pro.push_back(b_.exprStmt(b_.assign(slotRef(bid, x), b_.ident(x->name))));
      initFn_[bid] = curFn_;
    }
  }
  for (auto [pb, vb] : varCopies)
    if (!inEnv_[vb]) { // (a captured one is initialised by its env prologue)
      b_.setRange(fn->range);
      Node *value = inEnv_[pb] ? slotRef(pb, fn) : b_.ident(renameTo_[pb]);
      pro.push_back(b_.exprStmt(b_.assign(b_.ident(st_.binding(vb).name), value)));
    }
  ScopeId bodyScope = bs->scope;
  bool bodyEnv = bodyScope != kNoScope && bodyScope != s && si_[bodyScope].hasEnv;
  if (wrap) {
    visitList(bs->body, bodyEnv ? bodyScope : kNoScope);
    b_.setRange(bs->range);
    pro.push_back(b_.block(std::vector<Node *>(bs->body.begin(), bs->body.end())));
    bs->body = b_.list(pro);
  } else {
    visitList(bs->body, bodyEnv ? bodyScope : kNoScope, std::move(pro));
  }
  envStack_.pop_back();
  popVisibleTo(visSize);
}

void Converter::visitFunctionBodyInner(Node *fn) {
  ScopeId s = nodeScope(fn);
  Node *body = fnBody(fn);
  if (!body)
    return;
  bool hasEnv = s != kNoScope && si_[s].hasEnv;
  if (auto *bs = dynCast<BlockStatement>(body)) {
    // A body with its own scope (parameters with expressions) gets its own
    // environment after the parameters' one.
    ScopeId bodyScope = bs->scope;
    bool bodyEnv = bodyScope != kNoScope && bodyScope != s && si_[bodyScope].hasEnv;
    if (!bodyEnv) {
      visitList(bs->body, hasEnv ? s : kNoScope);
      return;
    }
    size_t visSize = visStack_.size();
    std::vector<Node *> pro;
    if (hasEnv) {
      pro = envPrologue(s);
      enterEnv(s);
    }
    visitList(bs->body, bodyScope, std::move(pro));
    if (hasEnv) {
      envStack_.pop_back();
      popVisibleTo(visSize);
    }
    return;
  }
  if (!hasEnv) {
    Node *slot = body;
    visit(slot);
    setFnBody(fn, slot);
    return;
  }
  // A concise arrow body with an environment becomes a block.
  visitList(ensureBlockBody(b_, fn, s)->body, s);
}

std::vector<Node *> Converter::visitClass(Node *cls, ScopeId paramScope) {
  (void)paramScope;
  auto *ce = cast<ClassExpression>(cls);
  std::vector<Node *> prefix;
  ScopeId cs = ce->scope;
  size_t visSize = visStack_.size();
  bool classEnv = cs != kNoScope && si_[cs].hasEnv;
  if (classEnv) {
    prefix = envPrologue(cs);
    enterEnv(cs);
  }
  if (ce->superClass) {
    visit(ce->superClass);
    // util.inspect tells a class from a function by its source text, which
    // must have no '(' before the body: the heritage's TDZ check this pass
    // adds (`$tdz($env.B, "B")`; anf left it call-free) would make node
    // print `class C extends B` as `[Function: C]`. It is read into one of
    // the factory's temporaries just before the class instead.
    auto hasCall = [](const Node *n) {
      return anyNode(
          n, [](const Node *x) { return isa<CallExpression>(x); },
          [](const Node *x) { return !isFunction(x) && !isClass(x); });
    };
    if (!temps_.empty() && hasCall(ce->superClass)) {
      Atom heritage = b_.freshName("heritage");
      temps_.back().push_back(heritage);
      prefix.push_back(b_.exprStmt(b_.assign(b_.ident(heritage), ce->superClass)));
      ce->superClass = b_.ident(heritage);
    }
  }
  for (Node *mem : ce->body) {
    if (auto *md = dynCast<MethodDefinition>(mem)) {
      if (md->computed)
        visit(md->key);
      Ctx c = saveCtx();
      curFn_ = ++fnSerial_;
      curFnScope_ = nodeScope(md->value);
      curFnName_ = Atom();
      std::string key;
      if (!md->computed && staticKey(md->key, false, key))
        curFnName_ = m_.atom(key);
      visitFunctionBody(md->value);
      restoreCtx(c);
    } else if (auto *pd = dynCast<PropertyDefinition>(mem)) {
      if (pd->computed)
        visit(pd->key);
      if (!pd->value)
        continue;
      Ctx c = saveCtx();
      curFn_ = ++fnSerial_;
      curFnName_ = Atom();
      auto it = fieldScope_.find(pd);
      curFnScope_ = it == fieldScope_.end() ? kNoScope : it->second;
      bool inl = curFnScope_ != kNoScope && si_[curFnScope_].hasEnv;
      if (inl)
        envStack_.push_back(curFnScope_);
      std::string name;
      if (!pd->computed) {
        if (auto *pn = dynCast<PrivateName>(pd->key))
          name = "#" + std::string(pn->name.str());
        else
          staticKey(pd->key, false, name);
      }
      // A static initializer runs once per evaluation of the class: its
      // temporaries are the class factory's. An instance one runs per
      // instance, possibly re-entered (by a computed key of the literal)
      // before it finished, and has no local of its own.
      if (!pd->isStatic)
        temps_.emplace_back();
      if (!pd->computed && !name.empty())
        visitInferred(pd->value, name);
      else
        visit(pd->value);
      if (!pd->isStatic) {
        // (wrapSuperLiteralFields gave the initializers needing one an arrow.)
        if (!temps_.back().empty())
          unsupported(pd, "internal: a temporary in an instance field initializer");
        temps_.pop_back();
      }
      if (inl)
        envStack_.pop_back();
      restoreCtx(c);
    } else if (auto *sb = dynCast<StaticBlock>(mem)) {
      Ctx c = saveCtx();
      curFn_ = ++fnSerial_;
      curFnName_ = Atom();
      curFnScope_ = sb->scope;
      bool enter = sb->scope != kNoScope && si_[sb->scope].hasEnv;
      temps_.emplace_back();
      visitList(sb->body, enter ? sb->scope : kNoScope);
      declareTemps(sb->body, temps_.back());
      temps_.pop_back();
      restoreCtx(c);
    }
  }
  if (classEnv) {
    envStack_.pop_back();
    popVisibleTo(visSize);
  }
  return prefix;
}

bool Converter::staticKey(const Node *key, bool computed, std::string &out) const {
  if (!computed)
    if (auto *id = dynCast<Identifier>(key)) {
      out = std::string(id->name.str());
      return true;
    }
  if (auto *s = dynCast<StringLiteral>(key)) {
    out = std::string(s->value.str());
    return true;
  }
  if (auto *num = dynCast<NumericLiteral>(key)) {
    double v = num->value;
    if (v >= 0 && v < 1e15 && v == static_cast<double>(static_cast<long long>(v))) {
      out = fmt::format("{}", static_cast<long long>(v));
      return true;
    }
  }
  return false;
}

Node *Converter::cloneKey(const Node *key, bool computed) {
  std::string s;
  if (staticKey(key, computed, s))
    return b_.string(s);
  // `Symbol.iterator`-style well-known symbols (global `Symbol`).
  if (auto *me = dynCast<MemberExpression>(key); me && computed && !me->computed) {
    auto *obj = dynCast<Identifier>(me->object);
    auto *p = dynCast<Identifier>(me->property);
    if (obj && p && obj->name == "Symbol" &&
        (obj->binding == kNoBinding || st_.binding(obj->binding).kind == BindingKind::Global))
      return b_.member(b_.ident("Symbol"), p->name.str());
  }
  return nullptr;
}

Node *Converter::convert(Node *orig, Wrap wrap, std::string_view name, Node *key) {
  auto it = codeId_.find(orig);
  Node *n = declarationAsExpression(m_, orig);
  if (it == codeId_.end()) {
    unsupported(n, "internal: function without code id");
    return n;
  }
  uint32_t id = it->second;
  b_.setRange(n->range);
  ScopeId paramScope = envStack_.empty() ? kNoScope : envStack_.back();
  Node *arg = envArg(n);

  Ctx c = saveCtx();
  visBase_ = static_cast<int>(visStack_.size());
  if (paramScope != kNoScope)
    pushVisible(paramScope);
  curFn_ = ++fnSerial_;
  rootScope_ = nodeScope(n);
  if (auto *own = dynCast<Identifier>(fnId(n)))
    curFnName_ = own->name;
  else if (auto *step = dynCast<ArrowFunctionExpression>(n); !step || !step->isStep)
    curFnName_ = m_.atom(name); // (a step keeps its function's name)
  std::vector<Node *> prefix;
  bool strict = true;
  if (isClass(n)) {
    curFnScope_ = kNoScope;
    // Temporaries of the heritage, computed keys and static initializers
    // (one evaluation per factory call) are the factory's locals.
    temps_.emplace_back();
    prefix = visitClass(n, paramScope);
    if (Node *d = tempDecl(temps_.back()))
      prefix.insert(prefix.begin(), d);
    temps_.pop_back();
  } else {
    curFnScope_ = nodeScope(n);
    strict = curFnScope_ != kNoScope && st_.scope(curFnScope_).strict;
    visitFunctionBody(n);
  }
  restoreCtx(c);

  // The value the factory returns.
  b_.setRange(n->range);
  Node *value = n;
  if (isClass(n)) {
    auto *ce = cast<ClassExpression>(n);
    ScopeId cs = ce->scope;
    if (cs != kNoScope && si_[cs].hasEnv) {
      // Nested functions see the class through its environment (its inner
      // name; `$cls`, the home of `super` in arrows); the slots are filled
      // by a first static block, before any other static element runs (the
      // inner binding is initialised by then too).
      std::vector<Node *> stmts;
      auto *env = b_.ident(si_[cs].envName);
      for (BindingId bd : si_[cs].slots)
        if (st_.binding(bd).kind == BindingKind::ClassInner)
          stmts.push_back(b_.exprStmt(
              b_.assign(b_.member(env, slotName_[bd].str()), b_.make<ThisExpression>())));
      if (si_[cs].needsCls)
        stmts.push_back(b_.exprStmt(
            b_.assign(b_.member(b_.ident(si_[cs].envName), "$cls"), b_.make<ThisExpression>())));
      if (!stmts.empty()) {
        auto *sb = b_.make<StaticBlock>();
        sb->body = b_.list(stmts);
        std::vector<Node *> members = {sb};
        members.insert(members.end(), ce->body.begin(), ce->body.end());
        ce->body = b_.list(members);
      }
    }
  }
  switch (wrap) {
  case Wrap::Plain:
    break;
  case Wrap::Named:
    if (!name.empty()) {
      auto *p = b_.property(b_.string(name), value);
      value = b_.index(objectOf({p}), b_.string(name));
    }
    break;
  case Wrap::Method: {
    auto *p = b_.make<Property>();
    p->key = key;
    p->computed = true;
    p->method = true;
    p->value = value;
    value = b_.index(objectOf({p}), cloneKey(key, true));
    break;
  }
  case Wrap::Getter:
  case Wrap::Setter: {
    auto *p = b_.make<Property>();
    p->key = b_.string(name);
    p->kind = wrap == Wrap::Getter ? PropertyKind::Get : PropertyKind::Set;
    p->value = value;
    Node *desc = call(b_.member(b_.ident("Object"), "getOwnPropertyDescriptor"),
                      {objectOf({p}), b_.string(name)});
    value = b_.member(desc, wrap == Wrap::Getter ? "get" : "set");
    break;
  }
  }
  auto *ret = b_.make<ReturnStatement>();
  ret->argument = value;
  std::vector<Node *> body;
  if (strict && !programStrict_ && !isClass(n)) {
    auto *d = b_.exprStmt(b_.string("use strict"));
    d->directive = m_.atom("\"use strict\"");
    body.push_back(d);
  }
  for (Node *p : prefix)
    body.push_back(p);
  body.push_back(ret);
  auto *fac = b_.make<FunctionExpression>();
  fac->id = b_.ident(fmt::format("$fac{}", id));
  if (paramScope != kNoScope)
    fac->params = b_.list({b_.ident(si_[paramScope].envName)});
  fac->body = b_.block(body);
  factories_[id] = fac;

  if (auto *step = dynCast<ArrowFunctionExpression>(n);
      step && step->isStep && arg && !step->params.empty() && isa<Identifier>(step->params[0])) {
    // A generator's or async function's step (generators pass): it takes
    // the environment as its first parameter instead of closing over it,
    // so one instance, made after the table, serves every call, and the
    // driver call passes the environment (stepEnv_, appended by the call's
    // visit). A frame of the step stores it as a slot.
    step->params[0] = b_.ident(si_[paramScope].envName);
    fac->params = b_.list({});
    Atom shared = b_.freshName("step");
    sharedSteps_.emplace_back(shared, id);
    stepEnv_ = arg;
    return b_.ident(shared);
  }
  std::vector<Node *> args;
  if (arg)
    args.push_back(arg);
  return call(b_.index(b_.ident(tableName_), b_.number(id)), args);
}

// Properties up to the first accessor (or computed-key anonymous function)
// stay in the literal; from there on each property is defined, in order, by
// a chained helper call, so evaluation order, key order and accessor merging
// are the literal's: `$defData($defAcc({a: 1}, "k", g, void 0), $toKey(x), v)`.
void Converter::visitObject(Node *&slot) {
  auto *obj = cast<ObjectExpression>(slot);
  // Members using `super` get their home object from an environment
  // `{$parent, $home}` made for this evaluation of the literal (a local
  // temporary holds it while the literal is built): they are created by
  // `$F[k]($henv)`, and `$setHome` stores the finished object in it.
  ScopeId homeEnv = kNoScope;
  size_t visSize = visStack_.size();
  for (Node *pn : obj->properties) {
    if (!superHomeProps_.count(pn))
      continue;
    if (homeEnv == kNoScope) {
      homeEnv = newPseudoEnv(envStack_.empty() ? kNoScope : envStack_.back());
      if (temps_.empty()) {
        unsupported(obj, "internal: no function for a temporary");
        return;
      }
      temps_.back().push_back(si_[homeEnv].envName);
      pushVisible(homeEnv);
    }
    ScopeId fs = nodeScope(cast<Property>(pn)->value);
    homeEnvOf_[fs] = homeEnv;
    // Environments inside the member chain to the home env.
    for (ScopeId s = 0; s < st_.numScopes(); ++s) {
      if (!si_[s].hasEnv || !within(s, fs))
        continue;
      ScopeId p = si_[s].envParent;
      if (p == kNoScope || p >= st_.numScopes() || !within(p, fs))
        si_[s].envParent = homeEnv;
    }
  }
  auto withHome = [&](Property *p, auto make) -> Node * {
    if (!superHomeProps_.count(p))
      return make();
    envStack_.push_back(homeEnv);
    Node *r = make();
    envStack_.pop_back();
    return r;
  };
  visitObjectProps(slot, withHome);
  if (homeEnv == kNoScope)
    return;
  popVisibleTo(visSize);
  b_.setRange(obj->range);
  Node *parent = envExpr(si_[homeEnv].envParent, obj);
  Node *henv = objectOf({prop("$parent", parent), prop("$home", undef())});
  slot = call(helper(setHome_, "setHome"), {b_.assign(b_.ident(si_[homeEnv].envName), henv), slot});
}

template <typename WithHome> void Converter::visitObjectProps(Node *&slot, WithHome &withHome) {
  auto *obj = cast<ObjectExpression>(slot);
  std::vector<Node *> props;
  Node *chain = nullptr; // non-null once properties are defined by helpers
  for (Node *pn : obj->properties) {
    auto *p = dynCast<Property>(pn);
    if (!p) {
      visit(pn);
      if (chain) {
        // CopyDataProperties onto the object being built.
        auto *sp = dynCast<SpreadElement>(pn);
        if (!sp) {
          unsupported(pn, "internal: unexpected object-literal member");
          return;
        }
        b_.setRange(pn->range);
        chain = call(helper(spread_, "spread"), {chain, sp->argument});
        continue;
      }
      props.push_back(pn);
      continue;
    }
    std::string key;
    bool isStatic = staticKey(p->key, p->computed, key);
    bool isAccessor = p->kind != PropertyKind::Init;
    bool anonFnComputed = p->computed && !p->method && !isAccessor && p->value &&
                          isFnOrClass(p->value) && !fnId(p->value);
    // A method whose key the factory cannot repeat: the key is evaluated
    // here and the method named after it.
    bool methodComputed = p->method && !isAccessor && !cloneKey(p->key, p->computed);
    if (!chain && (isAccessor || anonFnComputed || methodComputed)) {
      obj->properties = b_.list(props);
      chain = obj;
    }
    if (p->computed)
      visit(p->key);
    b_.setRange(p->range);
    // The key as the helpers receive it (converted before the value runs).
    auto keyArg = [&]() -> Node * {
      if (!p->computed && isStatic)
        return b_.string(key);
      return call(helper(toKey_, "toKey"), {p->key});
    };
    if (!isAccessor && !p->method) {
      bool wasShorthand = p->shorthand;
      if (!p->computed && key == "__proto__" && !wasShorthand) {
        visit(p->value);
        if (chain) { // [[SetPrototypeOf]] when the value is an object or null
          chain = call(helper(proto_, "proto"), {chain, p->value});
          continue;
        }
      } else if (isStatic && !p->computed) {
        visitInferred(p->value, key);
      } else if (anonFnComputed) {
        Node *k = keyArg();
        Node *fn = convert(p->value, Wrap::Plain, {}, nullptr);
        chain = call(helper(defFn_, "defFn"), {chain, k, fn});
        continue;
      } else {
        visit(p->value);
      }
      if (wasShorthand && !isa<Identifier>(p->value))
        p->shorthand = false;
      if (chain)
        chain = call(helper(defData_, "defData"), {chain, keyArg(), p->value});
      else
        props.push_back(p);
      continue;
    }
    if (!isAccessor) { // method
      if (methodComputed) {
        Node *ka = keyArg();
        Node *k = b_.string("");
        Node *fn = withHome(p, [&] { return convert(p->value, Wrap::Method, {}, k); });
        chain = call(helper(defFn_, "defFn"), {chain, ka, fn});
        continue;
      }
      Node *k = cloneKey(p->key, p->computed);
      auto method = [&] { return convert(p->value, Wrap::Method, {}, k); };
      if (chain) {
        Node *ka = keyArg();
        chain = call(helper(defData_, "defData"), {chain, ka, withHome(p, method)});
        continue;
      }
      p->value = withHome(p, method);
      p->method = false;
      props.push_back(p);
      continue;
    }
    // A computed key (evaluated here) names the accessor when it is defined.
    bool named = isStatic;
    Node *ka = keyArg();
    Node *fn = withHome(p, [&] {
      return convert(p->value, p->kind == PropertyKind::Get ? Wrap::Getter : Wrap::Setter,
                     named ? std::string_view(key) : std::string_view(), nullptr);
    });
    bool get = p->kind == PropertyKind::Get;
    if (!named)
      helper(defAcc_, "defAcc");
    chain = call(named ? helper(defAcc_, "defAcc") : helper(defAccN_, "defAccN"),
                 {chain, ka, get ? fn : undef(), get ? undef() : fn});
  }
  if (!chain) {
    obj->properties = b_.list(props);
    return;
  }
  slot = chain;
}

std::vector<Node *> Converter::prologueHelpers() {
  std::string src;
  if (uninit_)
    src += fmt::format("const {} = Symbol(\"uninitialized\");\n", uninit_.str());
  auto tdzMsg = [](std::string_view n) {
    return fmt::format("\"Cannot access '\" + {} + \"' before initialization\"", n);
  };
  if (tdzRead_)
    src += fmt::format(
        "function {}(v, n) {{ if (v === {}) throw new ReferenceError({}); return v; }}\n",
        tdzRead_.str(), uninit_.str(), tdzMsg("n"));
  if (tdzWrite_)
    src += fmt::format(
        "function {}(v, c, n) {{ if (c === {}) throw new ReferenceError({}); return v; }}\n",
        tdzWrite_.str(), uninit_.str(), tdzMsg("n"));
  // `super()` of a constructor whose arrows call it (no instance elements).
  if (superCall_)
    src +=
        fmt::format("function {}(e, F, a) {{ var r = Reflect.construct(Object.getPrototypeOf(F), "
                    "a, e.$newtarget); if (e.$this !== {}) throw new ReferenceError(\"Super "
                    "constructor may only be called once\"); e.$this = r; return r; }}\n",
                    superCall_.str(), uninit_.str());
  // `super()` of such a constructor whose class has instance fields: they
  // are initialised by a native super(), so the constructor is re-entered
  // (Reflect.construct with the same new.target, this helper as the mark in
  // its first argument), runs `super(...a)` and returns `this`. A second
  // call constructs the parent (as super() does) and throws before any
  // field initialiser runs.
  if (superCallI_)
    src += fmt::format(
        "function {0}(e, F, a) {{ if (e.$this !== {1}) {{ "
        "Reflect.construct(Object.getPrototypeOf(F), a, e.$newtarget); throw new "
        "ReferenceError(\"Super constructor may only be called once\"); }} var r = "
        "Reflect.construct(F, [{0}, a], e.$newtarget); if (e.$this !== {1}) throw new "
        "ReferenceError(\"Super constructor may only be called once\"); e.$this = r; return r; "
        "}}\n",
        superCallI_.str(), uninit_.str());
  if (ctorRet_)
    src += fmt::format(
        "function {}(v, t) {{ if ((typeof v === \"object\" && v !== null) || typeof v === "
        "\"function\") return v; if (v !== undefined) throw new TypeError(\"Derived "
        "constructors may only return object or undefined\"); if (t === {}) throw new "
        "ReferenceError(\"Must call super constructor in derived class before accessing 'this' "
        "or returning from derived constructor\"); return t; }}\n",
        ctorRet_.str(), uninit_.str());
  if (thisChk_)
    src += fmt::format("function {}(v) {{ if (v === {}) throw new ReferenceError(\"Must call super "
                       "constructor in derived class before accessing 'this' or returning from "
                       "derived constructor\"); return v; }}\n",
                       thisChk_.str(), uninit_.str());
  if (constErr_)
    src += fmt::format(
        "function {}(v) {{ throw new TypeError(\"Assignment to constant variable.\"); }}\n",
        constErr_.str());
  // Accessor definition merges with an existing accessor of the same key
  // (a getter keeps an earlier setter), as the literal does.
  if (defAcc_)
    src += fmt::format(
        "function {}(o, k, g, s) {{ var d = Object.getOwnPropertyDescriptor(o, k); "
        "if (d !== undefined && !(\"value\" in d)) {{ if (g === undefined) g = d.get; "
        "if (s === undefined) s = d.set; }} Object.defineProperty(o, k, {{ get: g, set: s, "
        "enumerable: true, configurable: true }}); return o; }}\n",
        defAcc_.str());
  // A computed accessor key names the function ("get k", "set [desc]").
  if (defAccN_)
    src += fmt::format(
        "function {}(o, k, g, s) {{ var n = typeof k === \"symbol\" ? (k.description === undefined "
        "? \"\" : \"[\" + k.description + \"]\") : k; "
        "if (g !== undefined) Object.defineProperty(g, \"name\", {{ value: \"get \" + n, "
        "configurable: true }}); "
        "if (s !== undefined) Object.defineProperty(s, \"name\", {{ value: \"set \" + n, "
        "configurable: true }}); return {}(o, k, g, s); }}\n",
        defAccN_.str(), defAcc_.str());
  // `...x` after the first accessor: CopyDataProperties.
  if (spread_)
    src += fmt::format(
        "function {}(o, s) {{ if (s === null || s === undefined) return o; "
        "var f = Object(s), ks = Reflect.ownKeys(f); for (var i = 0; i < ks.length; i++) {{ "
        "var d = Object.getOwnPropertyDescriptor(f, ks[i]); if (d !== undefined && d.enumerable) "
        "Object.defineProperty(o, ks[i], {{ value: f[ks[i]], writable: true, enumerable: true, "
        "configurable: true }}); }} return o; }}\n",
        spread_.str());
  // `__proto__: v` after the first accessor.
  if (proto_)
    src += fmt::format("function {}(o, v) {{ if (v === null || typeof v === \"object\" || "
                       "typeof v === \"function\") Object.setPrototypeOf(o, v); return o; }}\n",
                       proto_.str());
  if (defData_)
    src += fmt::format("function {}(o, k, v) {{ Object.defineProperty(o, k, {{ value: v, "
                       "writable: true, enumerable: true, configurable: true }}); return o; }}\n",
                       defData_.str());
  if (toKey_)
    src += fmt::format("function {}(k) {{ return typeof k === \"symbol\" ? k : String(k); }}\n",
                       toKey_.str());
  // SetFunctionName for an anonymous function under a computed key.
  if (defFn_)
    src += fmt::format(
        "function {}(o, k, f) {{ var n = typeof k === \"symbol\" ? (k.description === undefined ? "
        "\"\" : \"[\" + k.description + \"]\") : k; "
        "if (typeof f !== \"function\" || !Object.prototype.hasOwnProperty.call(f, \"name\") || "
        "Object.getOwnPropertyDescriptor(f, \"name\").configurable) "
        "Object.defineProperty(f, \"name\", {{ value: n, configurable: true }}); "
        "Object.defineProperty(o, k, {{ value: f, writable: true, enumerable: true, "
        "configurable: true }}); return o; }}\n",
        defFn_.str());
  // `super` outside its native places: the home object comes from an
  // environment (the property's [[Get]]/[[Set]] on the home's prototype
  // with the receiver, as `super.x` / `super.x = v` do).
  if (superGet_)
    src += fmt::format(
        "function {}(h, k, r) {{ return Reflect.get(Object.getPrototypeOf(h), k, r); }}\n",
        superGet_.str());
  if (superFn_)
    src += fmt::format(
        "function {}(h, k, r) {{ var f = Reflect.get(Object.getPrototypeOf(h), k, r); "
        "if (typeof f !== \"function\") throw new TypeError(\"(intermediate value).\" + "
        "String(k) + \" is not a function\"); return f; }}\n",
        superFn_.str());
  if (superSet_)
    src += fmt::format(
        "function {}(h, k, v, r, s) {{ if (!Reflect.set(Object.getPrototypeOf(h), k, v, r) && s) "
        "throw new TypeError(\"Cannot assign to read only property '\" + String(k) + "
        "\"' of object\"); return v; }}\n",
        superSet_.str());
  if (setHome_)
    src += fmt::format("function {}(h, o) {{ h.$home = o; return o; }}\n", setHome_.str());
  // `delete super[k]`: a ReferenceError once the key is evaluated.
  if (superDel_)
    src += fmt::format(
        "function {}(k) {{ throw new ReferenceError(\"Unsupported reference to 'super'\"); }}\n",
        superDel_.str());
  // `super.x` as a destructuring target: an object whose `v` setter does the
  // [[Set]] on the home's prototype (taken when the target is evaluated).
  if (superPut_)
    src += fmt::format(
        "function {}(p, k, r, s, v) {{ if (!Reflect.set(p, k, v, r) && s) throw new "
        "TypeError(\"Cannot assign to read only property '\" + String(k) + \"' of object\"); }}\n",
        superPut_.str());
  if (superRef_)
    src += fmt::format(
        "function {}(h, k, r, s) {{ return Object.defineProperty({{}}, \"v\", {{ set: "
        "Reflect.apply(Function.prototype.bind, {}, [void 0, Object.getPrototypeOf(h), k, r, s]) "
        "}}); }}\n",
        superRef_.str(), superPut_.str());
  // super.m`...`: the method bound to the receiver.
  if (superTag_)
    src += fmt::format("function {}(h, k, r) {{ return Reflect.apply(Function.prototype.bind, "
                       "{}(h, k, r), [r]); }}\n",
                       superTag_.str(), superFn_.str());
  // Rebuild test mode (runtime/src/closures.js): replaces the factories.
  src += fmt::format("if (typeof process === \"object\" && process !== null && process.env && "
                     "process.env.DISTRIBUFY_REBUILD_TEST && typeof require === \"function\") "
                     "require(process.env.DISTRIBUFY_REBUILD_TEST).installRebuildTest({});\n",
                     tableName_.str());
  std::optional<std::vector<Node *>> out =
      importSnippet(m_, src, diags_, "closure", "the closure prologue");
  if (!out) {
    ok_ = false;
    return {};
  }
  return std::move(*out);
}

bool Converter::run() {
  Program *prog = m_.program;
  if (!prog)
    return true;
  si_.assign(st_.numScopes(), ScopeInfo{});
  for (ScopeId s = 0; s < st_.numScopes(); ++s) {
    const Scope &sc = st_.scope(s);
    if (sc.hasDirectEval)
      unsupported(sc.node, "direct eval");
    if (sc.kind == ScopeKind::Function && sc.node && isa<PropertyDefinition>(sc.node))
      fieldScope_.emplace(sc.node, s);
  }
  programStrict_ = prog->scope != kNoScope && st_.scope(prog->scope).strict;
  prewalk(prog);
  envBase_ = b_.freshName("env");
  tableName_ = b_.freshName("F");
  computeStorage();
  if (!ok_)
    return false;

  ScopeId ps = prog->scope;
  temps_.emplace_back();
  visitList(prog->body, ps != kNoScope && si_[ps].hasEnv ? ps : kNoScope);
  declareTemps(prog->body, temps_.back());
  temps_.pop_back();
  if (!ok_)
    return false;

  // The factory table and helpers go first (after directives), so that every
  // creation site, hoisted or not, finds them initialised.
  b_.setRange({});
  auto *table = b_.make<ArrayExpression>();
  table->elements = b_.list(factories_);
  // Helpers (plain function declarations, checked by the verifier as
  // function-free) come before the table, the rebuild-test hook after it.
  std::vector<Node *> head = prologueHelpers();
  if (head.empty())
    return false;
  head.insert(head.end() - 1, b_.declare(VarKind::Const, b_.ident(tableName_), table));
  for (auto &[name, code] : sharedSteps_)
    head.push_back(b_.declare(VarKind::Const, b_.ident(name),
                              call(b_.index(b_.ident(tableName_), b_.number(code)), {})));
  std::vector<Node *> body;
  size_t i = directivePrologueLength(prog->body);
  body.insert(body.end(), prog->body.begin(), prog->body.begin() + static_cast<ptrdiff_t>(i));
  body.insert(body.end(), head.begin(), head.end());
  for (; i < prog->body.size(); ++i)
    body.push_back(prog->body[i]);
  prog->body = m_.list(body);
  m_.codeIds = codeId_;
  return ok_;
}

// ---------------------------------------------------------------------------
// Verifier
// ---------------------------------------------------------------------------

class ClosureChecker {
public:
  ClosureChecker(const Module &m, DiagnosticEngine &d) : m_(m), diags_(d) {}

  bool run() {
    const Program *prog = m_.program;
    if (!prog)
      return true;
    const ArrayExpression *table = nullptr;
    for (const Node *st : prog->body) {
      auto *vd = dynCast<VariableDeclaration>(st);
      if (vd && vd->kind == VarKind::Const && vd->declarations.size() == 1)
        if (auto *d = cast<VariableDeclarator>(vd->declarations[0]))
          if (auto *arr = dynCast<ArrayExpression>(d->init); arr && isFactoryTable(arr)) {
            table = arr;
            break;
          }
    }
    bool beforeTable = table != nullptr;
    for (const Node *st : prog->body) {
      if (table && containsNode(st, table)) {
        beforeTable = false;
        continue;
      }
      // The pass's own helpers precede the table and contain no function.
      if (auto *fd = dynCast<FunctionDeclaration>(st); fd && beforeTable) {
        checkNoFunctions(fd->body, "inside a closure helper");
        continue;
      }
      checkNoFunctions(st, "outside the factory table");
    }
    if (table)
      for (size_t i = 0; i < table->elements.size(); ++i)
        if (const Node *f = table->elements[i])
          checkFactory(cast<FunctionExpression>(f));
    return ok_;
  }

private:
  static bool isFactoryTable(const ArrayExpression *arr) {
    bool any = false;
    for (size_t i = 0; i < arr->elements.size(); ++i) {
      const Node *e = arr->elements[i];
      if (!e)
        continue;
      auto *fe = dynCast<FunctionExpression>(e);
      auto *id = fe ? dynCast<Identifier>(fe->id) : nullptr;
      if (!id || id->name.str() != fmt::format("$fac{}", i))
        return false;
      any = true;
    }
    return any;
  }
  static bool containsNode(const Node *root, const Node *target) {
    return anyNode(root, [&](const Node *x) { return x == target; });
  }
  void fail(const Node *n, std::string_view what) {
    diags_.report(DiagId::err_verifier, m_.file(), n->range, "closure", std::string(what));
    ok_ = false;
  }
  void checkNoFunctions(const Node *n, std::string_view where) {
    if (isFunction(n) || isClass(n)) {
      fail(n, fmt::format("function value created {}", where));
      return;
    }
    forEachChild(n, [&](const Node *c) { checkNoFunctions(c, where); });
  }
  /// Member bodies of a class/object the factory returns may contain no
  /// function literal besides the members themselves.
  void checkFunctionBody(const Node *fn) {
    forEachChild(fn, [&](const Node *c) {
      if (c->kind == NodeKind::Identifier && c == fnId(const_cast<Node *>(fn)))
        return;
      checkNoFunctions(c, "inside another function (not through a factory)");
    });
  }
  void checkMembers(const Node *n) {
    if (isFunction(n)) {
      checkFunctionBody(n);
      return;
    }
    if (isClass(n)) {
      NodeList ce = isa<ClassExpression>(n) ? cast<ClassExpression>(n)->body
                                            : cast<ClassDeclaration>(n)->body;
      const Node *sup = isa<ClassExpression>(n) ? cast<ClassExpression>(n)->superClass
                                                : cast<ClassDeclaration>(n)->superClass;
      if (sup)
        checkNoFunctions(sup, "in a class heritage");
      for (const Node *mem : ce) {
        if (auto *md = dynCast<MethodDefinition>(mem)) {
          checkNoFunctions(md->key, "in a computed key");
          checkFunctionBody(md->value);
        } else if (auto *pd = dynCast<PropertyDefinition>(mem)) {
          checkNoFunctions(pd->key, "in a computed key");
          if (pd->value)
            checkNoFunctions(pd->value, "in a field initializer");
        } else {
          checkNoFunctions(mem, "in a static block");
        }
      }
      return;
    }
    if (isFunction(n) || isClass(n))
      return;
    forEachChild(n, [&](const Node *c) { checkMembers(c); });
  }
  void checkFactory(const FunctionExpression *fac) {
    auto *body = cast<BlockStatement>(fac->body);
    const ReturnStatement *ret = nullptr;
    for (const Node *st : body->body) {
      if (auto *r = dynCast<ReturnStatement>(st))
        ret = r;
      else
        checkNoFunctions(st, "in a factory prologue");
    }
    if (!ret || !ret->argument) {
      fail(fac, "factory without a returned function");
      return;
    }
    checkMembers(ret->argument);
  }

  const Module &m_;
  DiagnosticEngine &diags_;
  bool ok_ = true;
};

class ClosurePass final : public Pass {
public:
  std::string_view name() const override { return "closure"; }
  StageSet requires_() const override { return {Stage::ANF}; }
  StageSet establishes() const override { return {Stage::ClosureConverted}; }
  StageSet invalidates() const override { return {Stage::Scopes}; }

  bool run(ir::Module &module, PassContext &ctx) override {
    wrapSuperLiteralFields(module, module.program);
    if (!ir::analyzeScopes(module, &ctx.diags))
      return false;
    return Converter(module, ctx.diags).run();
  }

  bool verify(const ir::Module &module, PassContext &ctx) override {
    bool ok = Pass::verify(module, ctx);
    return ClosureChecker(module, ctx.diags).run() && ok;
  }
};

} // namespace

std::unique_ptr<Pass> createClosurePass() { return std::make_unique<ClosurePass>(); }

} // namespace distribufy
