//===- Generators.cpp - Generator bodies as resumable step functions ------===//
//
// generators: every (non-async) generator function becomes an ordinary
// function that returns a generator object whose whole state is data: a
// record holding its state and a *step* arrow, and the step arrow's
// variables, which closure conversion then puts in environment objects.
// Nothing of a suspended generator is an engine internal any more, so a
// checkpoint can store one suspended in the heap, and a checkpoint inside a
// generator body (or under a `next()` consuming one) captures and restores
// its frames like any other function's.
//
//   function* g(n) { let s = 0; const x = yield n; s = s + x; return s; }
//   ==>
//   function g(n) {
//     var s, x, $pc, $rec;
//     if (new.target !== void 0) { throw new TypeError("g is not a constructor"); }
//     $pc = 0;
//     $rec = $gs.make(g, ($e, $m, $v) => {
//       let $r = $pc !== 0;
//       if (!$r) { s = 0; }
//       {
//         if ($r) { if ($pc === 1) $r = false; }
//         else { $pc = 1; return { value: n, done: false }; }
//         if ($m === 1) throw $v;
//         if ($m === 2) { $rec.st = 3; return { value: $v, done: true }; }
//         x = $v;
//       }
//       s = s + x;
//       { $rec.st = 3; return { value: s, done: true }; }
//       $rec.st = 3; return { value: void 0, done: true };
//     });
//     return $rec.$o;
//   }
//
// The step arrow's first parameter is its environment. Closure conversion
// creates a step (isStep) once per program, taking the environment it would
// have closed over as that parameter, and appends the environment to the
// driver call (`$gs.make(g, $step7, $env)`, `$as.run(...)`, `$as.agen(...)`),
// whose record passes it back at every resumption: a call of a generator or
// async function creates no closure (and tags none). Without closure
// conversion the step closes over its variables and ignores the parameter.
//
// The step arrow re-enters its body at the yield it stopped at, the way the
// catch pass's restore code re-enters a frame: the yields are numbered in
// source order ($pc), so each statement holds a contiguous range of them,
// and on re-entry ($r) a statement whose range ends before $pc is skipped,
// a loop containing $pc is entered without its test, an `if` takes the
// branch containing it, a `catch` clause containing it is reached by
// throwing from the start of its `try` block. The yield at $pc clears $r;
// normal execution ($r false) pays one test per statement group before a
// list's last yield (what follows it needs none). anf's and desugar's
// temporaries (Module::statementTemps) that no yield separates from their
// uses stay the step's own `let`s.
//
//  * `x = yield a` resumes with ($m, $v) from next (0), throw (1) or
//    return (2): `throw $v` and `return $v` happen at the yield, so `catch`
//    clauses and `finally` code see them as in the engine. Every try/finally
//    still native after desugar (those whose block yields) becomes a
//    completion record (desugar::lowerFinally) before the yields become
//    returns, so a suspension never runs `finally` code and return() does.
//  * `x = yield* a` is the delegation loop over the inner iterator
//    ($gs.dinit/dstep): the inner result object is yielded as it is, and
//    throw/return are forwarded (spec 14.4.14).
//  * A `return v` in the body marks the record done ($rec.st = 3).
//  * Variables live across yields: the body's `var`s, function declarations
//    and parameters stay the outer function's; `let`/`const`/`class`
//    declarations and catch parameters of blocks containing a yield become
//    the outer function's variables (renamed when the name is taken), their
//    declarations assignments. A yield-free block keeps its declarations.
//    A `let`/`const` that a closure captures in a loop of the generator is
//    one variable per iteration: it becomes a box object in a block-scoped
//    variable, re-declared from a hoisted copy on re-entry
//    (`let $b = $r ? $bs : ($bs = {v: init})`, references `$b.v`).
//
// The generator objects and their prototype come from one program-level
// helper ($ginit, JavaScript text below), instrumented like user code:
// `next`/`throw`/`return` call the step arrow, so a capture under them
// records their frames and restores through them. The record is the
// object's private state (runtime/src/private-names.js, under a registered
// brand), so the serializer stores it with the object and the program does
// not see it. Without the runtime (dist-opt output under plain node) a
// WeakMap of the helper holds it.
//
// Generator functions inherit from %GeneratorFunction.prototype% and their
// own `prototype` objects from the helper's generator prototype ($gs.fn:
// at scope entry for declarations, when created for anonymous expressions,
// at the first call for those named by an assignment and for class
// methods, which reach themselves through the class's name). Differences
// from native generators: `console.log` prints `[Function: g]`; a generator
// method of an object literal has no `prototype` (its objects inherit from
// the shared generator prototype); `let`/`const` hoisted out of a block
// that yields have no temporal dead zone.
//
// Unsupported (err_unsupported): a closure capturing a catch parameter or a
// block-level function or class of a block that yields inside a loop of the
// generator (one hoisted variable would serve every iteration's closure;
// `let`/`const` get boxes instead). An async generator using `yield*`
// stays native (isLoweredAsync).
//
// An async function's step differs in what it returns (its driver, $as.run,
// is its only caller): the value of an `await` itself, and at the end of
// the body its fourth parameter, the driver's record, holding the return
// value (`$g.rv = v; return $g;`): no result object per await.
//
// Requires: ANF (every yield alone in its statement: `yield a;`,
// `t = yield a;`, `let t = yield a;`). Establishes: nothing new (ANF and
// Desugared still hold). Invalidates: Scopes. Verifier: no non-async
// generator function remains.
//
//===----------------------------------------------------------------------===//
#include "distribufy/IR/IRBuilder.h"
#include "distribufy/IR/Scope.h"
#include "distribufy/IR/ScopeAnalysis.h"
#include "passes/Common/Snippets.h"
#include "passes/Desugar/LowerParts.h"
#include "passes/Passes.h"

#include <fmt/format.h>

#include <algorithm>

#include <functional>
#include <unordered_map>
#include <unordered_set>

namespace distribufy {

namespace {

using namespace ir;

// The generator runtime, one per program: `$gs = $ginit()` at the start of
// the top level. Written in the core the pass receives (desugared, ANF:
// every call alone in its statement with atomic operands), since no pass
// before this one lowers it. `$ginit` is replaced by the helper's name.
constexpr std::string_view kHelperSource = R"JS(
function $ginit() {
  var S, reg, brand, wm, k, a, it, ap, proto, gfp, ws, add, desc, methods, resume, adopt, make, recOf, nextOf, dinit, dstep, af, api, itSelf;
  k = Symbol.for("distribufy.privateState");
  S = globalThis[k];
  k = Symbol.for("distribufy.privateNames");
  reg = globalThis[k];
  brand = Symbol("#Generator");
  if (reg !== void 0) {
    ws = WeakSet.prototype;
    add = ws.add;
    add.call(reg, brand);
  }
  if (S === void 0) {
    wm = new WeakMap();
    S = {
      getExpected: function (o) {
        var h;
        h = wm.get(o);
        return h;
      },
      set: function (o, h) {
        wm.set(o, h);
      },
      init: function (o, h) {
        wm.set(o, h);
      }
    };
  }
  a = [];
  k = Symbol.iterator;
  it = a[k];
  it = it.call(a);
  ap = Object.getPrototypeOf(it);
  ap = Object.getPrototypeOf(ap);
  proto = Object.create(ap);
  k = Symbol.iterator;
  itSelf = ap[k]; // (%IteratorPrototype%[@@iterator], `return this`)
  gfp = function* () {};
  gfp = Object.getPrototypeOf(gfp);
  // The method `name` of generator object g resumes it with (m, v): one
  // call per next() (finding the record inline, unless the caller knows it:
  // r), as V8 interprets the helper at first and a short program never
  // gets further.
  resume = function (g, m, v, name, r) {
    var res, t, step, d, i, f;
    if (r === void 0) r = S.getExpected(g);
    if (r === void 0 || r.$b !== brand) {
      t = new TypeError(name + " method called on incompatible receiver");
      throw t;
    }
    if (r.st === 2) {
      t = new TypeError("Generator is already running");
      throw t;
    }
    if (r.st === 0 && m !== 0) r.st = 3;
    if (r.st === 3) {
      if (m === 1) throw v;
      if (m === 2) return { value: v, done: true };
      return { value: void 0, done: true };
    }
    r.st = 2;
    // Suspended in a yield* (r.dl: its delegation record): next() resumes
    // the inner generator, when it is ours, here, as the step's delegation
    // loop would (dstep), and the step is entered only when the inner one
    // finishes (mode 3, with its last result) or throws (mode 4): one call
    // per level of a delegation chain per value instead of three.
    d = r.dl;
    if (d !== void 0) {
      r.dl = void 0;
      f = d.rec;
      if (m === 0 && f !== void 0) {
        i = d.i;
        // (the result is an object: ours, or one dstep checked a level down)
        try {
          res = resume(i, 0, v, "next", f);
          t = res.done;
        } catch (e) {
          m = 4;
          v = e;
        }
        if (m === 0) {
          if (!t) {
            d.res = res;
            r.dl = d;
            r.st = 1;
            return res;
          }
          m = 3;
          v = res;
        }
      }
    }
    step = r.step;
    try {
      res = step(r.env, m, v);
    } catch (e) {
      r.st = 3;
      r.env = void 0;
      throw e;
    }
    // (a finished generator lets its variables go: a program may keep the
    // object, and a checkpoint would store them)
    if (r.st === 2) r.st = 1;
    else r.env = void 0;
    return res;
  };
  methods = {
    next(v) {
      var res;
      res = resume(this, 0, v, "next", void 0);
      return res;
    },
    return(v) {
      var res;
      res = resume(this, 2, v, "return", void 0);
      return res;
    },
    throw(v) {
      var res;
      res = resume(this, 1, v, "throw", void 0);
      return res;
    }
  };
  desc = { value: methods.next, writable: true, enumerable: false, configurable: true };
  Object.defineProperty(proto, "next", desc);
  desc.value = methods.return;
  Object.defineProperty(proto, "return", desc);
  desc.value = methods.throw;
  Object.defineProperty(proto, "throw", desc);
  k = Symbol.toStringTag;
  desc = { value: "Generator", writable: false, enumerable: false, configurable: true };
  Object.defineProperty(proto, k, desc);
  adopt = function (f) {
    var q, o;
    o = Object.getPrototypeOf(f);
    if (o === Function.prototype) Object.setPrototypeOf(f, gfp);
    o = Object.getOwnPropertyDescriptor(f, "prototype");
    if (o === void 0) {
      q = Object.create(proto);
      o = { value: q, writable: true, enumerable: false, configurable: false };
      Object.defineProperty(f, "prototype", o);
    }
    q = f.prototype;
    if (q !== null && typeof q === "object") {
      o = Object.getPrototypeOf(q);
      if (o === Object.prototype) {
        o = Object.getOwnPropertyDescriptor(q, "constructor");
        if (o !== void 0 && o.value === f) delete q.constructor;
        Object.setPrototypeOf(q, proto);
      }
    }
  };
  make = function (self, step, env) {
    var p, g, o, r;
    p = proto;
    if (self !== null) {
      g = self.prototype;
      o = null;
      if (g !== null && typeof g === "object") o = Object.getPrototypeOf(g);
      if (o !== proto) {
        adopt(self);
        g = self.prototype;
      }
      if (g !== null && typeof g === "object") p = g;
    }
    g = Object.create(p);
    r = { $o: g, $b: brand, $n: void 0, st: 0, step: step, env: env, dl: void 0 };
    S.init(g, r);
    return r;
  };
  // The record of iterator `i` when it is a generator of ours and `n`, the
  // `next` a loop read from it, is ours: the loop may then resume the record
  // (nextOf) without the call of `n`, which would look the record up at
  // every step. Undefined otherwise.
  recOf = function (i, n) {
    var r;
    if (n !== methods.next) return void 0;
    r = S.getExpected(i);
    if (r !== void 0 && r.$b !== brand) r = void 0;
    return r;
  };
  // `n.call(i)` for the `n` and record `r` recOf accepted.
  nextOf = function (i, r) {
    var res;
    res = resume(i, 0, void 0, "next", r);
    return res;
  };
  // The delegation record of `yield* x`, in d when the generator has one
  // from an earlier yield*. GetIterator(x) is done here (desugar's operand
  // helper leaves x as it is once linked), with desugar's plain iterator of
  // a built-in iterable (af.mk) when it has one.
  dinit = function (x, d) {
    var f, i, n, t;
    if (x !== null && x !== void 0) {
      k = Symbol.iterator;
      f = x[k];
    }
    if (typeof f !== "function") {
      t = String(x);
      t = new TypeError(t + " is not iterable");
      throw t;
    }
    // (the method of generators and most iterators returns x: called or not,
    // nothing observable happens, and no plain iterator of af's is for it)
    i = null;
    if (f === itSelf) i = x;
    else if (af !== void 0 && af.mk !== null) i = af.mk(x, f);
    if (i === null) i = f.call(x);
    if (i === null || typeof i !== "object" && typeof i !== "function") {
      t = new TypeError("Result of the Symbol.iterator method is not an object");
      throw t;
    }
    n = i.next;
    // (rec: dstep resumes it without the call of next)
    f = recOf(i, n);
    if (d === void 0) return { i: i, n: n, rec: f, done: false, ret: false, value: void 0, res: void 0 };
    d.i = i;
    d.n = n;
    d.rec = f;
    d.done = false;
    d.ret = false;
    d.value = void 0;
    d.res = void 0;
    return d;
  };
  // One step of the delegation loop for the step's (m, v); modes 3 and 4
  // deliver what resume's direct step of the inner generator ended with.
  dstep = function (d, m, v) {
    var i, f, r, t, val;
    if (m === 4) throw v;
    i = d.i;
    if (m === 3) r = v;
    else if (m === 0) {
      f = d.rec;
      if (f !== void 0) r = resume(i, 0, v, "next", f);
      else {
        f = d.n;
        r = f.call(i, v);
      }
    } else if (m === 1) {
      f = i.throw;
      if (f === void 0 || f === null) {
        f = i.return;
        if (f !== void 0 && f !== null) f.call(i);
        t = new TypeError("The iterator does not provide a 'throw' method");
        throw t;
      }
      r = f.call(i, v);
    } else {
      f = i.return;
      if (f === void 0 || f === null) {
        d.i = void 0;
        d.n = void 0;
        d.rec = void 0;
        d.done = true;
        d.ret = true;
        d.value = v;
        return;
      }
      r = f.call(i, v);
    }
    if (m !== 3) {
      if (r === null || typeof r !== "object" && typeof r !== "function") {
        t = String(r);
        t = new TypeError("Iterator result " + t + " is not an object");
        throw t;
      }
      if (!r.done) {
        d.res = r;
        return;
      }
    }
    // (the record outlives the delegation in the generator's variables:
    // keeping the finished iterator would keep, say, every generator of a
    // recursive traversal until its root finishes, and store them all in
    // a checkpoint)
    d.i = void 0;
    d.n = void 0;
    d.rec = void 0;
    d.res = void 0;
    val = r.value;
    d.done = true;
    d.value = val;
    if (m === 2) d.ret = true;
  };
  api = { make: make, fn: adopt, dinit: dinit, dstep: dstep, recOf: recOf, nextOf: nextOf, link: void 0 };
  // Links desugar's ArrayFastInit record s (Module::iterState) with this
  // helper, both ways: its loops reach our records (s.gen), dinit its `mk`.
  api.link = function (s) {
    af = s;
    s.gen = api;
  };
  return api;
}
)JS";

constexpr double kModeThrow = 1, kModeReturn = 2, kDone = 3;

bool isPlainGenerator(const Node *n) {
  switch (n->kind) {
  case NodeKind::FunctionDeclaration:
    return cast<FunctionDeclaration>(n)->isGenerator && !cast<FunctionDeclaration>(n)->isAsync;
  case NodeKind::FunctionExpression:
    return cast<FunctionExpression>(n)->isGenerator && !cast<FunctionExpression>(n)->isAsync;
  default:
    return false;
  }
}

/// An async function or async generator this pass lowers (with the async
/// runtime desugar gave the program). An async generator using `yield*`
/// (async delegation) stays native: a capture inside it fails cleanly at
/// run time.
bool isLoweredAsync(const Node *n) {
  auto lowered = [&](const auto *f) {
    // (the async runtime's probes for %AsyncFunction.prototype% and
    // %AsyncGeneratorFunction.prototype%, AsyncRuntime.cpp, stay native)
    if (auto *id = dynCast<Identifier>(f->id);
        id && (id->name == "$asyncFunctionProbe" || id->name == "$asyncGeneratorProbe") &&
        cast<BlockStatement>(f->body)->body.empty())
      return false;
    return f->isAsync && (!f->isGenerator || !anyNode(
                                                 f->body,
                                                 [](const Node *x) {
                                                   return isa<YieldExpression>(x) &&
                                                          cast<YieldExpression>(x)->delegate;
                                                 },
                                                 [](const Node *x) { return !isFunction(x); }));
  };
  switch (n->kind) {
  case NodeKind::FunctionDeclaration:
    return lowered(cast<FunctionDeclaration>(n));
  case NodeKind::FunctionExpression:
    return lowered(cast<FunctionExpression>(n));
  case NodeKind::ArrowFunctionExpression:
    return lowered(cast<ArrowFunctionExpression>(n));
  default:
    return false;
  }
}

/// The shared fields of the function-like nodes.
struct FnParts {
  Node *id;
  NodeList params;
  Node *&body;
  bool &isGenerator;
  bool &isAsync;
  ScopeId scope;
};
FnParts partsOf(Node *fn) {
  if (auto *d = dynCast<FunctionDeclaration>(fn))
    return {d->id, d->params, d->body, d->isGenerator, d->isAsync, d->scope};
  if (auto *a = dynCast<ArrowFunctionExpression>(fn))
    return {a->id, a->params, a->body, a->isGenerator, a->isAsync, a->scope};
  auto *e = cast<FunctionExpression>(fn);
  return {e->id, e->params, e->body, e->isGenerator, e->isAsync, e->scope};
}

/// A yield site statement: `yield a;`, `t = yield a;`, `let t = yield a;`.
struct YieldSite {
  YieldExpression *yield = nullptr;
  Node *target = nullptr; ///< what receives the sent value (null: discarded)
};
YieldSite yieldSiteOf(Node *s) {
  if (auto *es = dynCast<ExpressionStatement>(s)) {
    if (auto *y = dynCast<YieldExpression>(es->expression))
      return {y, nullptr};
    if (auto *as = dynCast<AssignmentExpression>(es->expression))
      if (as->op == AssignOp::Assign)
        if (auto *y = dynCast<YieldExpression>(as->right))
          return {y, as->left};
  }
  if (auto *vd = dynCast<VariableDeclaration>(s))
    if (vd->declarations.size() == 1)
      if (auto *d = cast<VariableDeclarator>(vd->declarations[0]); d->init)
        if (auto *y = dynCast<YieldExpression>(d->init))
          if (isa<Identifier>(d->id))
            return {y, d->id};
  return {};
}

/// Range of yield numbers a statement holds (empty: lo > hi).
struct Range {
  int lo = 1, hi = 0;
  bool empty() const { return lo > hi; }
  void add(const Range &o) {
    if (o.empty())
      return;
    if (empty())
      *this = o;
    else
      hi = o.hi;
  }
};

class GeneratorLowering {
public:
  GeneratorLowering(Module &m, DiagnosticEngine &diags) : m_(m), b_(m), diags_(diags) {}

  bool run() {
    if (!analyzeScopes(m_, &diags_))
      return false;
    Program *prog = m_.program;
    for (Node *&s : prog->body)
      visit(s);
    if (ok_ && (!loweredDeclarations_.empty() || !anonymousExpressions_.empty()))
      adoptDeclarations(prog);
    if (ok_ && helper_)
      return insertHelper(prog);
    return ok_;
  }

private:
  Module &m_;
  IRBuilder b_;
  DiagnosticEngine &diags_;
  bool ok_ = true;
  Atom helper_, state_; ///< `$ginit`, `$gs` once a generator was lowered

  // Per generator being lowered.
  Atom pc_, rec_, resuming_, mode_, sent_;
  Atom driver_; ///< an async function's step's 4th parameter: its driver record
  /// The variables of the generator's yield* loops: its delegation record
  /// and the mode and value it forwards. Its delegations never overlap (a
  /// yield* in another's operand finishes before the outer one starts), so
  /// one set serves them all, made at the first, and dinit reuses the record.
  Atom delegation_, delegatedMode_, delegatedValue_;
  bool async_ = false; ///< lowering an async function, not a generator
  int nextSite_ = 0;
  int loopDepth_ = 0;
  std::vector<Atom> hoisted_;
  std::unordered_map<Atom, std::unordered_set<BindingId>, AtomHash> namesUsed_;
  std::unordered_set<BindingId> hoistedBindings_;
  const Node *generator_ = nullptr;
  Node *stepRoot_ = nullptr; ///< the step body while it is detached

  void unsupported(const Node *n, std::string_view what) {
    diags_.report(DiagId::err_unsupported, m_.file(), n ? n->range : SourceRange{},
                  fmt::format("{} (generators)", what));
    ok_ = false;
  }

  // ---- the walk: innermost generators first ----

  void visit(Node *&n) {
    if (isClass(n))
      noteClassMethods(n);
    if (auto *md = dynCast<MethodDefinition>(n))
      methodFunctions_.insert(md->value);
    else if (auto *p = dynCast<Property>(n); p && p->method)
      methodFunctions_.insert(p->value);
    else if (auto *p = dynCast<Property>(n); p && !p->computed && isa<Identifier>(p->key))
      evaluationNames_[p->value] = cast<Identifier>(p->key)->name;
    else if (auto *pd = dynCast<PropertyDefinition>(n);
             pd && pd->value && !pd->computed && isa<Identifier>(pd->key))
      evaluationNames_[pd->value] = cast<Identifier>(pd->key)->name;
    else if (auto *d = dynCast<VariableDeclarator>(n); d && d->init && isa<Identifier>(d->id))
      evaluationNames_[d->init] = cast<Identifier>(d->id)->name;
    else if (auto *a = dynCast<AssignmentExpression>(n);
             a && a->op == AssignOp::Assign && isa<Identifier>(a->left))
      evaluationNames_[a->right] = cast<Identifier>(a->left)->name;
    forEachChildSlot(n, [&](Node *&c) { visit(c); });
    if (isPlainGenerator(n) || (m_.asyncRuntime && isLoweredAsync(n)))
      lower(n);
  }

  // ---- small builders ----
  Node *assignStmt(Atom name, Node *value) { return b_.exprStmt(b_.assign(b_.ident(name), value)); }
  Node *modeIs(double k) { return b_.binary(BinaryOp::StrictEq, b_.ident(mode_), b_.number(k)); }
  Node *property(std::string_view key, Node *value) { return b_.property(b_.ident(key), value); }
  Node *result(Node *value, bool done) {
    auto *o = b_.make<ObjectExpression>();
    o->properties = b_.list({property("value", value), property("done", b_.boolean(done))});
    return o;
  }
  /// `{ $rec.st = 3; return { value: v, done: true }; }`. An async
  /// generator has no generator record: `{ return { value: v, done: true };
  /// }`; an async function's step returns its driver record instead of a
  /// result object: `{ $g.rv = v; return $g; }` (see suspendValue).
  Node *finish(Node *value) {
    if (async_)
      return b_.block({b_.exprStmt(b_.assign(b_.member(b_.ident(driver_), "rv"), value)),
                       b_.returnStmt(b_.ident(driver_))});
    if (asyncGenerator_)
      return b_.block({b_.returnStmt(result(value, true))});
    return b_.block({b_.exprStmt(b_.assign(b_.member(b_.ident(rec_), "st"), b_.number(kDone))),
                     b_.returnStmt(result(value, true))});
  }
  /// What the step returns to suspend at a yield of \p argument: a result
  /// object `{ value: a, done: false }`, but an async function's await
  /// returns the awaited value itself: its driver tells the end of the body
  /// by the driver record coming back (finish), which the program cannot
  /// hold, and so makes no object per await.
  Node *suspendValue(Node *argument) {
    Node *value = argument ? argument : b_.voidZero();
    return async_ ? value : result(value, false);
  }
  Node *notResuming() { return b_.unary(UnaryOp::Not, b_.ident(resuming_)); }

  // ---- lowering one generator ----

  /// An async function's `await a` become the generator's `yield a`: its
  /// step function suspends there and the async driver ($as.run, $as.agen)
  /// resumes it with the settled value (mode 0) or the rejection (mode 1).
  /// In an async generator they are told from its own yields
  /// (awaitMarkers_), and `return a` awaits `a` first, as the spec's
  /// ReturnStatement does there.
  void awaitsAsYields(Node *&n) {
    if (isFunction(n))
      return;
    if (asyncGenerator_ && isa<ReturnStatement>(n) && cast<ReturnStatement>(n)->argument) {
      // `return a` -> `{ $rv = await a; return $rv; }`
      auto *r = cast<ReturnStatement>(n);
      b_.setRange(r->range);
      Atom v = b_.freshName("rv");
      hoisted_.push_back(v);
      Node *await = awaitMarker(r->argument); // (atomic: anf)
      r->argument = b_.ident(v);
      n = b_.block({assignStmt(v, await), r});
      return;
    }
    forEachChildSlot(n, [&](Node *&c) { awaitsAsYields(c); });
    if (auto *a = dynCast<AwaitExpression>(n)) {
      b_.setRange(a->range);
      n = awaitMarker(a->argument);
    }
  }
  Node *awaitMarker(Node *argument) {
    auto *y = b_.make<YieldExpression>();
    y->argument = argument;
    if (asyncGenerator_)
      awaitMarkers_.insert(y);
    return y;
  }
  bool asyncGenerator_ = false; ///< lowering an async generator
  std::unordered_set<const Node *> awaitMarkers_;

  void lower(Node *fn) {
    FnParts f = partsOf(fn);
    async_ = f.isAsync && !f.isGenerator;
    asyncGenerator_ = f.isAsync && f.isGenerator;
    if (!isa<BlockStatement>(f.body)) {
      // (a concise arrow body: `return e` in a block)
      b_.setRange(f.body->range);
      f.body = b_.block({b_.returnStmt(f.body)});
    }
    auto *body = cast<BlockStatement>(f.body);
    hoisted_.clear();
    if (async_ || asyncGenerator_)
      forEachChildSlot(body, [&](Node *&c) { awaitsAsYields(c); });
    generator_ = fn;
    b_.setRange(fn->range);
    pc_ = b_.freshName("pc");
    rec_ = b_.freshName("rec");
    resuming_ = b_.freshName("r");
    mode_ = b_.freshName("m");
    sent_ = b_.freshName("v");
    driver_ = async_ ? b_.freshName("g") : Atom();
    delegation_ = delegatedMode_ = delegatedValue_ = Atom();
    nextSite_ = 0;
    loopDepth_ = 0;
    hoistedBindings_.clear();
    collectNames(fn);
    if (!helper_ && !async_ && !asyncGenerator_) {
      helper_ = b_.freshName("ginit");
      state_ = b_.freshName("gs");
    }

    // The parts that stay the outer function's: directives, the `var` line
    // and the function declarations (all instantiated when it is called).
    std::vector<Node *> outer, stepBody;
    std::vector<Identifier *> temps;
    size_t prologue = directivePrologueLength(body->body);
    for (size_t i = 0; i < body->body.size(); ++i) {
      Node *s = body->body[i];
      if (i < prologue) {
        outer.push_back(s);
      } else if (i == prologue && isAnfTemporaries(s)) {
        for (Node *d : cast<VariableDeclaration>(s)->declarations)
          temps.push_back(cast<Identifier>(cast<VariableDeclarator>(d)->id));
      } else if (auto *vd = dynCast<VariableDeclaration>(s); vd && vd->kind == VarKind::Var) {
        // (desugar's temporaries are in the var line)
        for (Node *d : vd->declarations) {
          auto *decl = cast<VariableDeclarator>(d);
          if (auto *id = dynCast<Identifier>(decl->id);
              id && !decl->init && m_.statementTemps.count(id->name))
            temps.push_back(id);
          else
            collectBoundNames(static_cast<const Node *>(decl->id), hoisted_);
        }
        if (!declaratorsWithoutInit(vd))
          stepBody.push_back(declarationAsAssignments(vd, /*resetUninitialized=*/false));
      } else if (isa<FunctionDeclaration>(s)) {
        outer.push_back(s);
      } else {
        stepBody.push_back(s);
      }
    }
    size_t functionsEnd = outer.size();

    Node *stepBlock = b_.block(stepBody);
    stepRoot_ = stepBlock;
    expandYields(stepBlock);
    lowerFinallyStatements(stepBlock);
    rewriteReturns(stepBlock);
    std::vector<Atom> stepLocals = placeTemporaries(stepBlock, temps);
    auto *sb = cast<BlockStatement>(stepBlock);
    std::vector<Node *> guarded = guardList(sb->body, /*topLevel=*/true);
    stepRoot_ = nullptr;
    if (!ok_)
      return;

    b_.setRange(fn->range);
    auto *letR = b_.make<VariableDeclaration>();
    letR->kind = VarKind::Let;
    auto *dr = b_.make<VariableDeclarator>();
    dr->id = b_.ident(resuming_);
    dr->init = b_.binary(BinaryOp::StrictNotEq, b_.ident(pc_), b_.number(0));
    letR->declarations = b_.list({dr});
    guarded.insert(guarded.begin(), letR);
    if (!stepLocals.empty())
      guarded.insert(guarded.begin() + 1, b_.declareNames(VarKind::Let, stepLocals));
    for (Node *x : cast<BlockStatement>(finish(b_.voidZero()))->body)
      guarded.push_back(x); // falling off the end completes the generator

    // The step's first parameter is its environment: the driver passes the
    // one it was given with the step, which closure conversion creates once
    // per program (isStep); unconverted, the step is a closure and ignores it.
    auto *arrow = b_.make<ArrowFunctionExpression>();
    std::vector<Node *> params{b_.ident(b_.freshName("e")), b_.ident(mode_), b_.ident(sent_)};
    if (async_)
      params.push_back(b_.ident(driver_));
    arrow->params = b_.list(params);
    arrow->body = b_.block(guarded);
    arrow->isStep = true;

    Node *self = async_ ? nullptr : selfReference(fn);
    Node *ownName = partsOf(fn).id; // (selfReference may have named it)
    std::vector<Node *> outerTail;
    if (isa<FunctionDeclaration>(fn) || isa<FunctionExpression>(fn)) {
      if (!methodFunctions_.count(fn)) {
        // `new g()` throws as for a native generator function.
        auto *target = b_.make<MetaProperty>();
        target->meta = m_.atom("new");
        target->property = m_.atom("target");
        auto *err = b_.make<NewExpression>();
        err->callee = b_.ident("TypeError");
        std::string name =
            ownName ? std::string(cast<Identifier>(ownName)->name.str()) : std::string();
        err->arguments = b_.list({b_.string(
            fmt::format("{} is not a constructor", name.empty() ? "(intermediate value)" : name))});
        outerTail.push_back(b_.ifStmt(b_.binary(BinaryOp::StrictNotEq, target, b_.voidZero()),
                                      b_.block({b_.throwStmt(err)})));
      }
    }
    if (!self && !async_)
      self = methodSelf(fn, outerTail);
    outerTail.push_back(assignStmt(pc_, b_.number(0)));
    // The step is the driver call's last argument (closure conversion
    // appends its environment there).
    if (async_) {
      // `$r = $as.run(step); return $r;` (anf: the call alone in its statement)
      outerTail.push_back(
          assignStmt(rec_, b_.call(b_.member(b_.ident(m_.asyncRuntime), "run"), {arrow})));
      outerTail.push_back(b_.returnStmt(b_.ident(rec_)));
    } else if (asyncGenerator_) {
      // `$r = $as.agen(self, step); return $r;`: the async generator object
      outerTail.push_back(assignStmt(rec_, b_.call(b_.member(b_.ident(m_.asyncRuntime), "agen"),
                                                   {self ? self : b_.make<NullLiteral>(), arrow})));
      outerTail.push_back(b_.returnStmt(b_.ident(rec_)));
    } else {
      outerTail.push_back(assignStmt(rec_, b_.call(b_.member(b_.ident(state_), "make"),
                                                   {self ? self : b_.make<NullLiteral>(), arrow})));
      outerTail.push_back(b_.returnStmt(b_.member(b_.ident(rec_), "$o")));
    }

    hoisted_.push_back(pc_);
    hoisted_.push_back(rec_);
    std::vector<Node *> newBody(outer.begin(),
                                outer.begin() + static_cast<std::ptrdiff_t>(prologue));
    newBody.push_back(b_.declareNames(VarKind::Var, dedupe(hoisted_)));
    for (size_t i = prologue; i < functionsEnd; ++i)
      newBody.push_back(outer[i]);
    for (Node *s : outerTail)
      newBody.push_back(s);
    auto *nb = b_.make<BlockStatement>();
    nb->body = b_.list(newBody);
    nb->range = body->range;
    f.body = nb;
    f.isGenerator = false;
    f.isAsync = false;
    if (async_ || asyncGenerator_) {
      // Adopted when created, as natively: an async function inherits from
      // %AsyncFunction.prototype% (an arrow or method named by its place
      // keeps that name and is not: see README).
      (async_ ? asyncAdopted_ : asyncGeneratorAdopted_).insert(fn);
      if (isa<FunctionDeclaration>(fn) && f.id)
        loweredDeclarations_.insert(fn);
      else if (!methodFunctions_.count(fn) && (partsOf(fn).id || !evaluationNames_.count(fn)))
        anonymousExpressions_.insert(fn);
      return;
    }
    if (isa<FunctionDeclaration>(fn) && f.id)
      loweredDeclarations_.insert(fn);
    else if (!self && !methodFunctions_.count(fn))
      anonymousExpressions_.insert(fn);
  }

  /// The helper adopting a lowered function \p fn when it is created:
  /// `$gs.fn` (generators), `$as.afn` / `$as.agfn` (async functions and
  /// async generators).
  Node *adopter(const Node *fn) {
    if (asyncAdopted_.count(fn))
      return b_.member(b_.ident(m_.asyncRuntime), "afn");
    if (asyncGeneratorAdopted_.count(fn))
      return b_.member(b_.ident(m_.asyncRuntime), "agfn");
    return b_.member(b_.ident(state_), "fn");
  }
  std::unordered_set<const Node *> asyncAdopted_, asyncGeneratorAdopted_;

  /// Replaces the anonymous lowered generator expressions that statement
  /// \p s evaluates itself (not in nested statements, loop tests or nested
  /// functions) by fresh variables declared before it, `let $gf = (0,
  /// function () {...}); $gs.fn($gf);`, appended to \p out: adopted when
  /// created, as a native generator function is born one. Creating the
  /// function before the rest of the statement runs is not observable.
  void hoistAnonymousExpressions(Node *s, std::vector<Node *> &out) {
    // (nor out of a class: its field initializers run per instance)
    if (isa<WhileStatement>(s) || isa<BlockStatement>(s) || isa<LabeledStatement>(s) ||
        isa<TryStatement>(s) || isClass(s))
      return;
    std::function<void(Node *&)> walk = [&](Node *&n) {
      if (anonymousExpressions_.count(n)) {
        b_.setRange(n->range);
        Atom t = b_.freshName("gf");
        out.push_back(b_.declare(VarKind::Let, b_.ident(t), b_.keepAnonymous(n)));
        out.push_back(b_.exprStmt(b_.call(adopter(n), {b_.ident(t)})));
        n = b_.ident(t);
        return;
      }
      if (isFunction(n) || isClass(n) || (n != s && category(n->kind) == NodeCategory::Statement))
        return;
      forEachChildSlot(n, [&](Node *&c) { walk(c); });
    };
    forEachChildSlot(s, [&](Node *&c) { walk(c); });
  }

  /// After the function declarations of each statement list: `$gs.fn(g)`
  /// for the lowered generator declarations among them, so that `g.prototype`
  /// is a generator prototype (no `constructor`) from the start, as natively.
  void adoptDeclarations(Node *n) {
    forEachChildSlot(n, [&](Node *&c) { adoptDeclarations(c); });
    NodeList *list = nullptr;
    if (auto *p = dynCast<Program>(n))
      list = &p->body;
    else if (auto *bs = dynCast<BlockStatement>(n))
      list = &bs->body;
    else if (auto *sb = dynCast<StaticBlock>(n))
      list = &sb->body;
    if (!list)
      return;
    if (!anonymousExpressions_.empty()) {
      std::vector<Node *> hoisted;
      bool changed = false;
      for (Node *s : *list) {
        size_t before = hoisted.size();
        hoistAnonymousExpressions(s, hoisted);
        changed = changed || hoisted.size() != before;
        hoisted.push_back(s);
      }
      if (changed)
        *list = b_.list(hoisted);
    }
    std::vector<Node *> adopts;
    for (Node *s : *list)
      if (loweredDeclarations_.count(s)) {
        b_.setRange(s->range);
        adopts.push_back(b_.exprStmt(b_.call(
            adopter(s), {b_.ident(cast<Identifier>(cast<FunctionDeclaration>(s)->id)->name)})));
      }
    if (adopts.empty())
      return;
    std::vector<Node *> out;
    size_t i = directivePrologueLength(*list);
    out.insert(out.end(), list->begin(), list->begin() + static_cast<std::ptrdiff_t>(i));
    // (past the temporaries and var lines hoisting put first)
    while (i < list->size() &&
           (isa<VariableDeclaration>((*list)[i]) || isa<FunctionDeclaration>((*list)[i])) &&
           !(isa<VariableDeclaration>((*list)[i]) &&
             !declaratorsWithoutInit(cast<VariableDeclaration>((*list)[i]))))
      out.push_back((*list)[i++]);
    // (at top level, after the async runtime is made: `$as = $h()`)
    if (isa<Program>(n) && m_.asyncRuntime)
      if (size_t j = assignmentTo(*list, i, m_.asyncRuntime); j != list->size())
        for (; i <= j; ++i)
          out.push_back((*list)[i]);
    out.insert(out.end(), adopts.begin(), adopts.end());
    out.insert(out.end(), list->begin() + static_cast<std::ptrdiff_t>(i), list->end());
    *list = b_.list(out);
  }

  std::unordered_set<const Node *> loweredDeclarations_;
  /// Lowered function expressions without a name to adopt them by.
  std::unordered_set<const Node *> anonymousExpressions_;
  /// The declarations of `let t = yield a` sites, which their resumption assigns.
  std::unordered_set<const Node *> assignedAtResume_;
  /// Box declarations, which run on re-entry too.
  std::unordered_set<const Node *> alwaysRun_;
  /// A class method's way back to itself: `C.prototype.m` (or `C.m`,
  /// `C.prototype[Symbol.iterator]`) through the class's own name.
  struct MethodHome {
    Atom className;
    bool isStatic;
    Node *key; ///< an Identifier (`.m`) or a `Symbol.x` member (`[Symbol.x]`)
  };
  std::unordered_map<const Node *, MethodHome> methodHomes_;

  void noteClassMethods(Node *cls) {
    Node *id = isa<ClassDeclaration>(cls) ? cast<ClassDeclaration>(cls)->id
                                          : cast<ClassExpression>(cls)->id;
    NodeList body = isa<ClassDeclaration>(cls) ? cast<ClassDeclaration>(cls)->body
                                               : cast<ClassExpression>(cls)->body;
    if (!id)
      return;
    for (Node *m : body) {
      auto *md = dynCast<MethodDefinition>(m);
      if (!md || md->kind != MethodKind::Method ||
          !(isPlainGenerator(md->value) ||
            (m_.asyncRuntime && partsOf(md->value).isGenerator && isLoweredAsync(md->value))))
        continue;
      bool plainKey = !md->computed && isa<Identifier>(md->key);
      auto *sym = dynCast<MemberExpression>(md->key);
      bool symbolKey =
          md->computed && sym && !sym->computed && isa<Identifier>(sym->object) &&
          cast<Identifier>(sym->object)->name == "Symbol" &&
          cast<Identifier>(sym->object)->binding != kNoBinding && m_.scopes() &&
          m_.scopes()->binding(cast<Identifier>(sym->object)->binding).kind == BindingKind::Global;
      if (plainKey || symbolKey)
        methodHomes_[md->value] = {cast<Identifier>(id)->name, md->isStatic, md->key};
    }
  }

  /// `$s = C.prototype; $s = $s.m;` (statements: ANF) for a class method.
  Node *methodSelf(Node *fn, std::vector<Node *> &out) {
    auto it = methodHomes_.find(fn);
    if (it == methodHomes_.end())
      return nullptr;
    const MethodHome &h = it->second;
    // the class name must not be shadowed inside the method
    auto used = namesUsed_.find(h.className);
    if (used != namesUsed_.end() && used->second.size() > 1)
      return nullptr;
    for (Atom a : hoisted_)
      if (a == h.className)
        return nullptr;
    Atom self = b_.freshName("self");
    hoisted_.push_back(self);
    Node *home = b_.ident(h.className);
    if (!h.isStatic)
      home = b_.member(home, "prototype");
    out.push_back(assignStmt(self, home));
    if (auto *key = dynCast<Identifier>(h.key)) {
      out.push_back(assignStmt(self, b_.member(b_.ident(self), key->name.str())));
    } else {
      auto *sym = cast<MemberExpression>(h.key);
      Atom k = b_.freshName("k");
      hoisted_.push_back(k);
      out.push_back(assignStmt(
          k, b_.member(b_.ident("Symbol"), cast<Identifier>(sym->property)->name.str())));
      out.push_back(assignStmt(self, b_.index(b_.ident(self), b_.ident(k))));
    }
    return b_.ident(self);
  }

  /// An anonymous function's name from NamedEvaluation (`const g = function* () {}`).
  std::unordered_map<const Node *, Atom> evaluationNames_;
  /// The `let $t1, $t2;` line anf opens a body with (not a program's own
  /// `let` of such names there).
  bool isAnfTemporaries(const Node *s) {
    auto *vd = dynCast<VariableDeclaration>(s);
    if (!vd || vd->kind != VarKind::Let || !declaratorsWithoutInit(vd))
      return false;
    for (const Node *d : vd->declarations) {
      auto *id = dynCast<Identifier>(cast<VariableDeclarator>(d)->id);
      if (!id || !m_.statementTemps.count(id->name))
        return false;
    }
    return true;
  }

  /// Statement temporaries (anf's, desugar's) stay the step's own variables
  /// (cheap locals, not environment slots) when no yield separates their
  /// uses: a temporary is
  /// written and read within the evaluation of one original statement, so
  /// it lives across a yield only if that statement held the yield. The
  /// walk numbers the stretches between yields in source order (a yield's
  /// operand is read before it suspends); a temporary seen in one stretch
  /// only is local. Returns those; the others become the outer function's.
  std::vector<Atom> placeTemporaries(Node *stepBody, const std::vector<Identifier *> &temps) {
    std::unordered_map<BindingId, int> stretchOf; // -1: more than one
    for (Identifier *t : temps)
      stretchOf[t->binding] = -2; // not seen yet
    int stretch = 0;
    int inClass = 0; // (a class's computed keys run in its factory: not a local there)
    std::function<void(Node *)> walk = [&](Node *n) {
      if (isFunction(n))
        return;
      if (auto *id = dynCast<Identifier>(n)) {
        auto it = stretchOf.find(id->binding);
        if (it != stretchOf.end() && id->binding != kNoBinding)
          it->second = inClass == 0 && (it->second == -2 || it->second == stretch) ? stretch : -1;
        return;
      }
      inClass += isClass(n);
      forEachChildSlot(n, [&](Node *&c) { walk(c); });
      inClass -= isClass(n);
      if (isMarker(n))
        ++stretch;
    };
    walk(stepBody);
    std::vector<Atom> local;
    for (Identifier *t : temps) {
      if (t->binding != kNoBinding && stretchOf[t->binding] != -1)
        local.push_back(t->name);
      else
        hoisted_.push_back(t->name);
    }
    return local;
  }

  /// Methods (not constructors natively either).
  std::unordered_set<const Node *> methodFunctions_;

  std::vector<Atom> dedupe(const std::vector<Atom> &names) {
    std::vector<Atom> out;
    std::unordered_set<Atom, AtomHash> seen;
    for (Atom a : names)
      if (seen.insert(a).second)
        out.push_back(a);
    return out;
  }

  /// The function's own name, when it refers to the function in its body.
  /// An anonymous function expression that NamedEvaluation names gets that
  /// name as its own (same `name` property) when its code uses no such name.
  Node *selfReference(Node *fn) {
    FnParts f = partsOf(fn);
    if (auto *fe = dynCast<FunctionExpression>(fn); fe && !fe->id && !methodFunctions_.count(fn)) {
      auto it = evaluationNames_.find(fn);
      if (it == evaluationNames_.end() || namesUsed_.count(it->second))
        return nullptr;
      fe->id = b_.ident(it->second);
      return b_.ident(it->second);
    }
    if (!f.id)
      return nullptr;
    Atom name = cast<Identifier>(f.id)->name;
    for (Atom h : hoisted_)
      if (h == name)
        return nullptr;
    for (Node *p : f.params) {
      std::vector<Atom> names;
      collectBoundNames(static_cast<const Node *>(p), names);
      for (Atom a : names)
        if (a == name)
          return nullptr;
    }
    auto *body = cast<BlockStatement>(f.body);
    for (Node *s : body->body)
      if (auto *d = dynCast<FunctionDeclaration>(s);
          d && d->id && cast<Identifier>(d->id)->name == name)
        return nullptr;
    return b_.ident(name);
  }

  /// Every name the generator's code uses, with the bindings it resolves to.
  void collectNames(Node *fn) {
    namesUsed_.clear();
    std::function<void(Node *)> walk = [&](Node *n) {
      // (property names and keys resolve to no binding)
      if (auto *id = dynCast<Identifier>(n); id && id->binding != kNoBinding)
        namesUsed_[id->name].insert(id->binding);
      forEachChildSlot(n, [&](Node *&c) { walk(c); });
    };
    walk(fn);
  }

  bool declaratorsWithoutInit(const VariableDeclaration *vd) {
    for (const Node *d : vd->declarations)
      if (cast<VariableDeclarator>(d)->init)
        return false;
    return true;
  }

  /// `let a = 1, b;` as `{ a = 1; b = void 0; }` (b only when resetting;
  /// null when nothing is left).
  Node *declarationAsAssignments(VariableDeclaration *vd, bool resetUninitialized) {
    std::vector<Node *> out;
    for (Node *dn : vd->declarations) {
      auto *d = cast<VariableDeclarator>(dn);
      b_.setRange(d->range);
      if (d->init)
        out.push_back(b_.exprStmt(b_.assign(d->id, d->init)));
      else if (resetUninitialized)
        out.push_back(b_.exprStmt(b_.assign(d->id, b_.voidZero())));
    }
    if (out.empty())
      return nullptr;
    if (out.size() == 1)
      return out[0];
    return b_.block(out);
  }

  // ---- step 1: yields become markers followed by their resumption ----

  /// Calls \p f on every statement slot under \p n (not in nested functions
  /// or classes), children first: what \p f puts in a slot is not visited.
  template <typename F> void forEachStatementSlot(Node *n, F &&f) {
    forEachChildSlot(n, [&](Node *&c) {
      if (isFunction(c) || isClass(c))
        return;
      NodeCategory cat = category(c->kind);
      if (cat == NodeCategory::Statement) {
        forEachStatementSlot(c, f);
        f(c);
      } else if (isa<CatchClause>(c)) {
        forEachStatementSlot(c, f);
      }
    });
  }

  void expandYields(Node *block) {
    forEachStatementSlot(block, [&](Node *&s) {
      YieldSite site = yieldSiteOf(s);
      if (!site.yield)
        return;
      b_.setRange(s->range);
      std::vector<Node *> out;
      if (auto *vd = dynCast<VariableDeclaration>(s)) {
        // `let t = yield a`: t is declared first, in the block that yields
        // (so the guard walk hoists it), and receives the value after it.
        Node *decl = b_.declare(vd->kind == VarKind::Var ? VarKind::Var : VarKind::Let, site.target,
                                nullptr);
        assignedAtResume_.insert(decl);
        out.push_back(decl);
        site.target = b_.ident(cast<Identifier>(site.target)->name);
        cast<Identifier>(site.target)->binding =
            cast<Identifier>(cast<VariableDeclarator>(vd->declarations[0])->id)->binding;
      }
      Node *arg = site.yield->argument ? site.yield->argument : b_.voidZero();
      if (!site.yield->delegate) {
        out.push_back(b_.exprStmt(site.yield)); // the marker, numbered by the guard walk
        out.push_back(b_.ifStmt(modeIs(kModeThrow), b_.throwStmt(b_.ident(sent_))));
        if (!async_) // (an async function is never resumed to return)
          out.push_back(b_.ifStmt(modeIs(kModeReturn), b_.returnStmt(b_.ident(sent_))));
        if (site.target)
          out.push_back(b_.exprStmt(b_.assign(site.target, b_.ident(sent_))));
        s = b_.block(out);
        return;
      }
      // yield*: the delegation loop; its marker yields the inner result.
      if (!delegation_) {
        delegation_ = b_.freshName("dd");
        delegatedMode_ = b_.freshName("dm");
        delegatedValue_ = b_.freshName("dv");
        hoisted_.push_back(delegation_);
        hoisted_.push_back(delegatedMode_);
        hoisted_.push_back(delegatedValue_);
      }
      Atom d = delegation_, dm = delegatedMode_, dv = delegatedValue_, label = b_.freshName("L");
      out.push_back(
          assignStmt(d, b_.call(b_.member(b_.ident(state_), "dinit"), {arg, b_.ident(d)})));
      out.push_back(assignStmt(dm, b_.number(0)));
      out.push_back(assignStmt(dv, b_.voidZero()));
      auto *marker = b_.make<YieldExpression>();
      marker->delegate = true;
      marker->argument = b_.member(b_.ident(d), "res");
      auto *brk = b_.make<BreakStatement>();
      brk->label = label;
      auto *loop = b_.make<WhileStatement>();
      loop->test = b_.boolean(true);
      loop->body = b_.block({b_.exprStmt(b_.call(b_.member(b_.ident(state_), "dstep"),
                                                 {b_.ident(d), b_.ident(dm), b_.ident(dv)})),
                             b_.ifStmt(b_.member(b_.ident(d), "done"), brk), b_.exprStmt(marker),
                             assignStmt(dm, b_.ident(mode_)), assignStmt(dv, b_.ident(sent_))});
      auto *lab = b_.make<LabeledStatement>();
      lab->label = label;
      lab->body = loop;
      out.push_back(lab);
      out.push_back(
          b_.ifStmt(b_.member(b_.ident(d), "ret"), b_.returnStmt(b_.member(b_.ident(d), "value"))));
      if (site.target)
        out.push_back(b_.exprStmt(b_.assign(site.target, b_.member(b_.ident(d), "value"))));
      s = b_.block(out);
    });
  }

  // ---- step 2: try/finally as completion records ----

  void lowerFinallyStatements(Node *n) {
    forEachChildSlot(n, [&](Node *&c) {
      if (isFunction(c) || isClass(c))
        return;
      lowerFinallyStatements(c);
      if (auto *t = dynCast<TryStatement>(c); t && t->finalizer)
        c = desugar::lowerFinally(b_, t, /*evenWithYield=*/true);
    });
  }

  // ---- step 3: returns complete the generator ----

  void rewriteReturns(Node *block) {
    forEachStatementSlot(block, [&](Node *&s) {
      if (auto *r = dynCast<ReturnStatement>(s)) {
        b_.setRange(s->range);
        s = finish(r->argument ? r->argument : b_.voidZero());
      }
    });
  }

  // ---- step 4: re-entry guards and hoisting ----

  bool isMarker(const Node *s) {
    auto *es = dynCast<ExpressionStatement>(s);
    return es && isa<YieldExpression>(es->expression);
  }

  /// Whether the binding a declaring identifier declares is one a closure
  /// captures inside a loop of the generator: one variable per iteration.
  bool perIteration(const Identifier *id) {
    const ScopeTable *st = m_.scopes();
    return loopDepth_ > 0 && id->binding != kNoBinding && st && st->binding(id->binding).captured;
  }

  /// A yield-containing block's own declaration \p s, appended to \p items:
  /// assignments to hoisted variables, except for a let/const a closure
  /// captures inside a loop (perIteration), which becomes a box object in a
  /// block-scoped variable: `let $b = $r ? $bs : ($bs = {v: init});` that
  /// re-entry takes from the hoisted $bs, and its references `$b.v`. The
  /// closures of the iteration hold the box; so do the step calls after
  /// each yield. The box declarations run on re-entry too (alwaysRun_).
  void hoistDeclaration(Node *s, std::vector<Node *> &items) {
    if (auto *vd = dynCast<VariableDeclaration>(s)) {
      std::vector<Node *> rest;
      for (Node *dn : vd->declarations) {
        auto *d = cast<VariableDeclarator>(dn);
        auto *id = dynCast<Identifier>(d->id);
        if (vd->kind != VarKind::Var && id && perIteration(id)) {
          if (!rest.empty()) {
            if (Node *a = remainingDeclarators(vd, rest))
              items.push_back(a);
            rest.clear();
          }
          items.push_back(boxDeclaration(id, d->init));
          continue;
        }
        std::vector<Identifier *> ids;
        collectBoundNames(d->id, ids);
        for (Identifier *x : ids)
          hoistBinding(x);
        rest.push_back(d);
      }
      if (!rest.empty())
        if (Node *a = remainingDeclarators(vd, rest))
          items.push_back(a);
      return;
    }
    items.push_back(hoistedDeclaration(s));
  }

  Node *remainingDeclarators(VariableDeclaration *vd, const std::vector<Node *> &ds) {
    auto *part = b_.make<VariableDeclaration>();
    part->kind = vd->kind;
    part->range = vd->range;
    part->declarations = b_.list(ds);
    // (`let t` of `let t = yield a` needs no reset: the resumption assigns it)
    return declarationAsAssignments(part, vd->kind != VarKind::Var && !assignedAtResume_.count(vd));
  }

  Node *boxDeclaration(Identifier *id, Node *init) {
    b_.setRange(id->range);
    Atom box =
        b_.freshName(std::string(id->name.str()).erase(0, id->name.str().starts_with("$") ? 1 : 0));
    Atom saved = b_.freshName("bs");
    hoisted_.push_back(saved);
    auto *prop = b_.property(b_.ident("v"), init ? init : b_.voidZero());
    auto *obj = b_.make<ObjectExpression>();
    obj->properties = b_.list({prop});
    auto *pick = b_.make<ConditionalExpression>();
    pick->test = b_.ident(resuming_);
    pick->consequent = b_.ident(saved);
    pick->alternate = b_.assign(b_.ident(saved), obj);
    Node *decl = b_.declare(VarKind::Let, b_.ident(box), pick);
    alwaysRun_.insert(decl);
    replaceReferences(id->binding, [&](Identifier *ref) { return b_.member(b_.ident(box), "v"); });
    return decl;
  }

  /// A function or class declaration of a yield-containing block as an
  /// assignment to a hoisted variable.
  Node *hoistedDeclaration(Node *s) {
    if (!isa<FunctionDeclaration>(s) && !isa<ClassDeclaration>(s))
      return s;
    auto *id = cast<Identifier>(isa<FunctionDeclaration>(s) ? cast<FunctionDeclaration>(s)->id
                                                            : cast<ClassDeclaration>(s)->id);
    hoistBinding(id);
    Node *e = declarationAsExpression(m_, s);
    // A function keeps its name through NamedEvaluation of the assignment,
    // without an inner name binding its body could not assign.
    if (auto *fe = dynCast<FunctionExpression>(e))
      fe->id = nullptr;
    b_.setRange(s->range);
    return b_.exprStmt(b_.assign(b_.ident(id->name), e));
  }

  /// Makes the binding of declaring identifier \p id a variable of the outer
  /// function, renaming it (everywhere it is used) when the name is taken.
  void hoistBinding(Identifier *id) {
    BindingId bid = id->binding;
    if (perIteration(id))
      unsupported(id,
                  fmt::format("a closure capturing '{}', declared by a function, class or catch "
                              "clause in a loop of a generator function around a yield (each "
                              "iteration needs its own variable)",
                              id->name.str()));
    if (!hoistedBindings_.insert(bid).second && bid != kNoBinding)
      return;
    Atom name = id->name;
    auto it = namesUsed_.find(name);
    bool taken = false;
    if (it != namesUsed_.end())
      for (BindingId other : it->second)
        taken = taken || other != bid;
    for (Atom h : hoisted_)
      taken = taken || h == name;
    if (taken && bid != kNoBinding) {
      Atom fresh =
          b_.freshName(std::string(name.str()).erase(0, name.str().starts_with("$") ? 1 : 0));
      renameBinding(bid, fresh);
      name = fresh;
    }
    hoisted_.push_back(name);
  }

  void renameBinding(BindingId bid, Atom fresh) {
    replaceReferences(bid, [&](Identifier *id) {
      id->name = fresh;
      return id;
    });
  }

  /// Replaces every reference to binding \p bid in the generator (its
  /// parameters, the outer function's part and the step body being built)
  /// by \p replace(identifier); a shorthand property naming it is spelled
  /// out, since its key must keep the name.
  template <typename F> void replaceReferences(BindingId bid, F &&replace) {
    std::function<void(Node *&)> walk = [&](Node *&n) {
      if (auto *id = dynCast<Identifier>(n)) {
        if (id->binding == bid)
          n = replace(id);
        return;
      }
      if (auto *p = dynCast<Property>(n); p && !p->computed) {
        if (p->shorthand) {
          p->shorthand = false;
          if (p->key == p->value || isa<AssignmentPattern>(p->value))
            p->key =
                b_.ident(cast<Identifier>(
                             p->key == p->value ? p->key : cast<AssignmentPattern>(p->value)->left)
                             ->name);
        }
        if (p->value)
          walk(p->value);
        return;
      }
      forEachChildSlot(n, [&](Node *&c) { walk(c); });
    };
    Node *root = const_cast<Node *>(generator_);
    walk(root);
    if (stepRoot_)
      walk(stepRoot_);
  }

  /// Lowers the statement in \p slot; returns the yields it holds.
  Range guardStatement(Node *&slot) {
    Node *s = slot;
    if (isMarker(s)) {
      auto *y = cast<YieldExpression>(cast<ExpressionStatement>(s)->expression);
      int k = ++nextSite_;
      b_.setRange(s->range);
      Node *value = y->delegate ? y->argument : suspendValue(y->argument);
      if (awaitMarkers_.count(
              y)) // (an async generator's await: `{value, done: false, await: true}`)
        cast<ObjectExpression>(value)->properties = b_.list(
            {cast<ObjectExpression>(value)->properties[0],
             cast<ObjectExpression>(value)->properties[1], property("await", b_.boolean(true))});
      std::vector<Node *> suspend{assignStmt(pc_, b_.number(k))};
      if (y->delegate) // `$rec.dl = $dd`: the next resume steps the inner generator itself
        suspend.push_back(b_.exprStmt(b_.assign(
            b_.member(b_.ident(rec_), "dl"),
            b_.ident(cast<Identifier>(cast<MemberExpression>(y->argument)->object)->name))));
      suspend.push_back(b_.returnStmt(value));
      Node *arrive = b_.ifStmt(b_.binary(BinaryOp::StrictEq, b_.ident(pc_), b_.number(k)),
                               assignStmt(resuming_, b_.boolean(false)));
      slot = b_.ifStmt(b_.ident(resuming_), b_.block({arrive}), b_.block(suspend));
      return {k, k};
    }
    switch (s->kind) {
    case NodeKind::BlockStatement: {
      auto *bs = cast<BlockStatement>(s);
      int before = nextSite_;
      if (!containsMarker(bs))
        return {};
      std::vector<Node *> out = guardList(bs->body, false);
      bs->body = b_.list(out);
      return {before + 1, nextSite_};
    }
    case NodeKind::LabeledStatement:
      return guardStatement(cast<LabeledStatement>(s)->body);
    case NodeKind::WhileStatement: {
      auto *w = cast<WhileStatement>(s);
      ++loopDepth_;
      Range r = guardStatement(w->body);
      --loopDepth_;
      if (!r.empty() && !isa<BooleanLiteral>(w->test))
        w->test = b_.logical(LogicalOp::Or, b_.ident(resuming_), w->test);
      return r;
    }
    case NodeKind::IfStatement: {
      auto *i = cast<IfStatement>(s);
      Range rc = guardStatement(i->consequent);
      Range ra = i->alternate ? guardStatement(i->alternate) : Range{};
      if (rc.empty() && ra.empty())
        return {};
      b_.setRange(s->range);
      if (!rc.empty() && !ra.empty()) {
        auto *c = b_.make<ConditionalExpression>();
        c->test = b_.ident(resuming_);
        c->consequent = b_.binary(BinaryOp::LtEq, b_.ident(pc_), b_.number(rc.hi));
        c->alternate = i->test;
        i->test = c;
      } else if (!rc.empty()) {
        i->test = b_.logical(LogicalOp::Or, b_.ident(resuming_), i->test);
      } else {
        i->test = b_.logical(LogicalOp::And, notResuming(), i->test);
      }
      Range r = rc;
      r.add(ra);
      return r;
    }
    case NodeKind::TryStatement: {
      auto *t = cast<TryStatement>(s);
      Range rb = guardStatement(t->block);
      Range rh;
      if (t->handler) {
        auto *h = cast<CatchClause>(t->handler);
        rh = guardStatement(h->body);
        if (!rh.empty()) {
          // The catch parameter lives across the handler's yields; the
          // handler is re-entered by throwing from the start of the block.
          b_.setRange(h->range);
          Atom caught = b_.freshName("e");
          std::vector<Node *> pre;
          if (h->param) {
            std::vector<Identifier *> ids;
            collectBoundNames(h->param, ids);
            for (Identifier *id : ids)
              hoistBinding(id);
            pre.push_back(
                b_.ifStmt(notResuming(), b_.exprStmt(b_.assign(h->param, b_.ident(caught)))));
          }
          h->param = b_.ident(caught);
          auto *hb = cast<BlockStatement>(h->body);
          for (Node *x : hb->body)
            pre.push_back(x);
          hb->body = b_.list(pre);
          auto *blk = cast<BlockStatement>(t->block);
          std::vector<Node *> enter = {
              b_.ifStmt(b_.logical(LogicalOp::And, b_.ident(resuming_),
                                   b_.binary(BinaryOp::GtEq, b_.ident(pc_), b_.number(rh.lo))),
                        b_.block({b_.throwStmt(b_.number(0))}))};
          for (Node *x : blk->body)
            enter.push_back(x);
          blk->body = b_.list(enter);
        }
      }
      if (t->finalizer && (!rb.empty() || !rh.empty()))
        unsupported(s, "a try/finally around a yield left native (internal error)");
      Range r = rb;
      r.add(rh);
      return r;
    }
    default:
      if (containsMarker(s))
        unsupported(s, fmt::format("a yield inside a '{}' statement", kindName(s->kind)));
      return {};
    }
  }

  bool containsMarker(const Node *n) {
    return anyNode(
        n, [&](const Node *x) { return isa<YieldExpression>(x); },
        [](const Node *x) { return !isFunction(x) && !isClass(x); });
  }

  /// Lowers a statement list: declarations of a list that yields are
  /// hoisted; yield-free runs are skipped on re-entry, and a statement
  /// holding yields is skipped when the target yield comes after it.
  std::vector<Node *> guardList(NodeList body, bool topLevel) {
    bool yields = false;
    for (Node *s : body)
      yields = yields || containsMarker(s);
    if (!yields)
      return std::vector<Node *>(body.begin(), body.end());
    std::vector<Node *> items;
    for (Node *s : body) {
      if (isa<VariableDeclaration>(s) && topLevel &&
          declaratorsWithoutInit(cast<VariableDeclaration>(s))) {
        std::vector<Node *> none; // the body's top: its variables start undefined
        hoistDeclaration(s, none);
        continue;
      }
      hoistDeclaration(s, items);
    }
    // the last statement that yields needs no test: re-entry reaching it is
    // heading for one of its yields (so what follows it needs none either)
    size_t lastYielding = items.size();
    for (size_t i = 0; i < items.size(); ++i)
      if (containsMarker(items[i]))
        lastYielding = i;
    std::vector<Node *> out, run;
    auto flush = [&] {
      if (run.empty())
        return;
      out.push_back(b_.ifStmt(notResuming(), b_.block(run)));
      run.clear();
    };
    for (size_t i = 0; i < items.size(); ++i) {
      Node *s = items[i];
      if (alwaysRun_.count(s)) {
        flush();
        out.push_back(s);
        continue;
      }
      if (i > lastYielding) {
        // (re-entry has reached its yield inside the last statement that
        // yields: what follows runs as it is)
        out.push_back(s);
        continue;
      }
      if (!containsMarker(s)) {
        run.push_back(s);
        continue;
      }
      flush();
      bool marker = isMarker(s);
      Range r = guardStatement(s);
      if (marker || i == lastYielding || r.empty()) {
        out.push_back(s);
        continue;
      }
      out.push_back(b_.ifStmt(b_.logical(LogicalOp::Or, notResuming(),
                                         b_.binary(BinaryOp::LtEq, b_.ident(pc_), b_.number(r.hi))),
                              s));
    }
    flush();
    return out;
  }

  // ---- the program-level helper ----

  /// The index of the first statement `name = ...` of \p list at or after
  /// \p from; list.size() if there is none.
  static size_t assignmentTo(const NodeList &list, size_t from, Atom name) {
    for (size_t j = from; j < list.size(); ++j)
      if (auto *es = dynCast<ExpressionStatement>(list[j]))
        if (auto *as = dynCast<AssignmentExpression>(es->expression);
            as && isa<Identifier>(as->left) && cast<Identifier>(as->left)->name == name)
          return j;
    return list.size();
  }

  bool insertHelper(Program *prog) {
    std::string src(kHelperSource);
    for (size_t at = src.find("$ginit"); at != std::string::npos; at = src.find("$ginit", at + 1))
      src.replace(at, 6, helper_.str());
    auto stmts = importSnippet(m_, src, diags_, "generators", "the generator helper");
    if (!stmts)
      return false;
    b_.setRange(SourceRange{});
    // [directives] [let temporaries] [var line] [functions] [statements]
    std::vector<Node *> body(prog->body.begin(), prog->body.end());
    size_t i = directivePrologueLength(body);
    while (i < body.size() && isa<VariableDeclaration>(body[i]) &&
           cast<VariableDeclaration>(body[i])->kind == VarKind::Let &&
           declaratorsWithoutInit(cast<VariableDeclaration>(body[i])))
      ++i;
    if (i < body.size() && isa<VariableDeclaration>(body[i]) &&
        cast<VariableDeclaration>(body[i])->kind == VarKind::Var &&
        declaratorsWithoutInit(cast<VariableDeclaration>(body[i]))) {
      auto *vd = cast<VariableDeclaration>(body[i]);
      std::vector<Node *> ds(vd->declarations.begin(), vd->declarations.end());
      auto *d = b_.make<VariableDeclarator>();
      d->id = b_.ident(state_);
      ds.push_back(d);
      vd->declarations = b_.list(ds);
      ++i;
    } else {
      body.insert(body.begin() + static_cast<std::ptrdiff_t>(i),
                  b_.declareNames(VarKind::Var, {state_}));
      ++i;
    }
    body.insert(body.begin() + static_cast<std::ptrdiff_t>(i), stmts->begin(), stmts->end());
    i += stmts->size();
    while (i < body.size() && isa<FunctionDeclaration>(body[i]))
      ++i;
    body.insert(body.begin() + static_cast<std::ptrdiff_t>(i),
                assignStmt(state_, b_.call(b_.ident(helper_), {})));
    prog->body = b_.list(body);
    // `$gs.link($af)` once both are made: desugar's for-of steps resume our
    // generators through their records (its ArrayFastInit record's `gen`),
    // and dinit makes its plain iterators of built-in iterables (`mk`).
    if (m_.iterState) {
      size_t made = assignmentTo(prog->body, 0, m_.iterState);
      if (made != prog->body.size()) {
        size_t at = std::max(made, i) + 1;
        body.insert(
            body.begin() + static_cast<std::ptrdiff_t>(at),
            b_.exprStmt(b_.call(b_.member(b_.ident(state_), "link"), {b_.ident(m_.iterState)})));
        prog->body = b_.list(body);
      }
    }
    return true;
  }
};

class GeneratorsPass final : public Pass {
public:
  std::string_view name() const override { return "generators"; }
  StageSet requires_() const override { return {Stage::ANF}; }
  StageSet invalidates() const override { return {Stage::Scopes}; }
  bool lowersAsync() const override { return true; }

  bool run(ir::Module &module, PassContext &ctx) override {
    return GeneratorLowering(module, ctx.diags).run();
  }

  bool verify(const ir::Module &module, PassContext &ctx) override {
    bool ok = Pass::verify(module, ctx);
    // (the helper's empty `function* () {}` is its probe for
    // %GeneratorFunction.prototype%, which generator functions inherit from)
    if (anyNode(module.program, [&](const Node *n) {
          if (module.asyncRuntime && isLoweredAsync(n))
            return true;
          return isPlainGenerator(n) &&
                 !(partsOf(const_cast<Node *>(n)).params.empty() &&
                   cast<BlockStatement>(partsOf(const_cast<Node *>(n)).body)->body.empty());
        })) {
      ctx.diags.report(DiagId::err_verifier, name(),
                       "a generator or async function was not lowered");
      ok = false;
    }
    return ok;
  }
};

} // namespace

std::unique_ptr<Pass> createGeneratorsPass() { return std::make_unique<GeneratorsPass>(); }

} // namespace distribufy
