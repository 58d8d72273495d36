//===- LowerPrivate.cpp - Private names (#x) as branded records -----------===//
//
// The first walk of desugar (before Lower.cpp): removes every PrivateName
// from the tree, so that the instances of classes with private names are
// ordinary objects a checkpoint can store (issue #4).
//
// Representation. Each evaluation of a class declaring private names makes
// one brand key for its instance private state and one for its static
// private state: an unregistered Symbol whose description is "#C" / "#C
// static" (C: the class name, its inferred name, or "anonymous"), made by a
// helper that also adds it to the runtime's registry (a WeakSet at
// globalThis[Symbol.for("distribufy.privateNames")], when a runtime
// installed one) so that the serializer stores such keys with their
// identity and restores fresh registered ones. A class declaration's brands
// are `const` bindings right before it (`let` bindings hold its private
// methods); a class expression becomes `(() => { const $pb = ...; return
// class ... })()`, so every evaluation has its own bindings, which the
// methods capture as ordinary variables. An anonymous class expression in a
// naming position (`const A = class {...}`) gets its name back from a first
// static block (`$pname`, which only replaces the anonymous default "").
//
//  * The private state of an object under one brand is a *record* `{$o: o,
//    $b: B, $n: next, "#x": v, ...}` (a plain object: `$o` its owner, `$b`
//    the brand, the fields under "#name", which no other key of the record
//    can be); the records of an object (one per class of its chain with
//    private state) form a list through `$n`, whose head `$pstate` keeps:
//    with the runtime, in a true private field of the object
//    (runtime/src/private-names.js: invisible to the program, unaffected by
//    freeze, stored by checkpoints); without it, in a non-enumerable
//    symbol-keyed property (this is dist-opt output run by plain node).
//    `$pinit(this, B, message)` adds the record before any instance field
//    initializer runs ("Cannot initialize private methods of class C twice
//    on the same object" when the class has instance private methods or
//    accessors, else "Cannot initialize #x twice ..." naming its first
//    field). The static record is added by the first static block to the
//    constructor.
//  * `#x = v` (instance): `$prec(this, B, "#x", 1)["#x"] = v`. Field order
//    is kept: the
//    private fields before a public field run at the start of that public
//    field's initializer (`y = ($prec(...)["#x"] = v, w)`, w named as
//    before); the ones after the last public field run at the start of the
//    constructor body (base class; a constructor is made if there is none)
//    or right after every `super(...)` (derived: `(super(...), ..., this)`),
//    so the records of a class share one shape. `static #x = v`: a static
//    block at the same place, `$prec(this, BS, "#x", 1)["#x"] = v`.
//  * `#m() {}`, `get #x() {}`, `set #x(v) {}`: class members keyed "#m" /
//    "#x" (so their [[HomeObject]] is the prototype / the constructor:
//    `super` in them is native, and their names are "#m" / "get #x"), taken
//    into per-evaluation bindings by the first static block (`$m =
//    $pmeth(this.prototype, "#m", 0)`), which with the runtime also deletes
//    them from the class (kept by the runtime, where the serializer finds
//    a stored reference to one by key). They are not on instances at all.
//  * The brand check `$prec(o, B, n, c)` returns the record of brand B in
//    the list of o (an object inheriting from o has none), else throws
//    node's TypeError (n, c:
//    the member and the access kind). `o.#x` is `$prec(o, B, "#x")["#x"]`;
//    `o.#x = v` is `$pset(o, B, "#x", v)` (checked after v, as PrivateSet);
//    `o.#m(a)` is `$m.call($prec(o, B, "C", 2).$o, a)`, a getter
//    `$g.call($prec(...).$o)`, a setter write `$pacc(o, B, "C", 2, $s, v)`;
//    a call of a field or getter value keeps `this` (`$prec(o, B,
//    "#f")["#f"].call(o, a)`, through an arrow's parameter when o is not a
//    name or `this`); writing a method or a getter-only accessor, and
//    reading a setter-only one, is `$pbad(...)` (the brand check, then
//    node's error: the kinds are known statically). Compound assignment and
//    `++` of a field are on `$prec(o, B, "#x")["#x"]` (read first, as
//    natively), of an accessor or method, and destructuring targets, on a
//    reference object `$pref(o, ...).v` whose accessors do the checks at the
//    read and the write; `#x in o` is `$pin(o, B, "#x")` (the brand check
//    without throwing); `o?.#x` is a conditional on the chain part before
//    it.
//
// Limits (documented in README "Limits of capture" and Desugar.cpp): the
// without the runtime (dist-opt output run by plain node), the state is a
// symbol-keyed property visible to Object.getOwnPropertySymbols, private
// methods stay members "#m" of their class, a Proxy's get trap sees the
// brand checks, and a non-extensible object cannot receive private state
// (with the runtime, none of these); the brand covers all of a class's private names
// at once, so reading a field before its initializer ran gives undefined
// (natively a TypeError), writing it then succeeds, and `#x in o` is true
// for an object whose construction threw after it got the brand; calling a
// field that holds no function fails with `.call`'s TypeError text;
// reading a private getter through compound assignment / `++` /
// destructuring goes through an accessor of the reference object (an
// implicit call for checkpoints); a brand-check failure of a private method
// of an anonymous class expression names it "anonymous". Unsupported
// (err_unsupported): a class expression whose heritage or computed keys
// contain yield/await; a public member keyed "#m" in a class with the
// private method or accessor #m; private instance fields after the last
// public field of a class whose base constructor's parameter list may run
// code, or whose moved initializers use new.target or a name the
// constructor declares; an anonymous function in a computed-key field after
// private fields; an optional call before a private member in a chain; an
// optional call of a private accessor, or of a private field followed by
// more of the chain (`o.#f?.().x`); a private member as a template tag;
// yield/await in the arguments of a call of a private field or accessor on
// a receiver other than a name or `this`; a parenthesized chain with a
// private member used as a callee or tag.
//
//===----------------------------------------------------------------------===//
#include "passes/Common/Snippets.h"
#include "passes/Desugar/Desugar.h"

#include "distribufy/IR/IRBuilder.h"
#include "distribufy/IR/ScopeAnalysis.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace distribufy::desugar {

using namespace ir;

namespace {

enum PH : uint8_t { State, New, Name, Init, Rec, Fail, Set, Bad, Acc, Ref, In, Meth, NumPH };

// Each helper is one function (the state: one `var`) named by its
// placeholder; placeholders of the other helpers in the text are replaced by
// their program names.
constexpr std::array<std::string_view, NumPH> kPlaceholders = {
    "$$PSTATE", "$$PNEW", "$$PNAME", "$$PINIT", "$$PREC", "$$PFAIL",
    "$$PSET",   "$$PBAD", "$$PACC",  "$$PREF",  "$$PIN",  "$$PMETH"};

constexpr std::array<std::string_view, NumPH> kSources = {
    // where objects keep the chain of their records (get / set), and the
    // detaching of private methods: the runtime's (a true private field,
    // stored by checkpoints), else a non-enumerable symbol-keyed property
    R"JS(var $$PSTATE = globalThis[Symbol.for("distribufy.privateState")] || function () {
  var k = Symbol("private state");
  return {
    get: function (o) {
      var r = o == null ? undefined : o[k];
      return r !== undefined && r.$o === o ? r : undefined;
    },
    set: function (o, r) {
      if (Object.prototype.hasOwnProperty.call(o, k)) o[k] = r;
      else Object.defineProperty(o, k, { value: r, writable: true });
    },
    detach: function (h, n) { return Object.getOwnPropertyDescriptor(h, n); }
  };
}();)JS",
    // a fresh brand, registered with the runtime when there is one
    R"JS(function $$PNEW(d) {
  var s = Symbol(d);
  var r = globalThis[Symbol.for("distribufy.privateNames")];
  if (r !== undefined) r.add(s);
  return s;
})JS",
    // NamedEvaluation of an anonymous function/class, unless it was named
    R"JS(function $$PNAME(f, n) {
  if (typeof f === "function") {
    var d = Object.getOwnPropertyDescriptor(f, "name");
    if (d !== undefined && d.value === "" && !d.writable && !d.enumerable)
      Object.defineProperty(f, "name", { value: String(n) });
  }
  return f;
})JS",
    // the private record of o under brand b (m: the error when o has one
    // already)
    R"JS(function $$PINIT(o, b, m) {
  var f = $$PSTATE.get(o), r = f;
  while (r !== undefined) {
    if (r.$b === b) throw new TypeError(m);
    r = r.$n;
  }
  r = { $o: o, $b: b, $n: f };
  $$PSTATE.set(o, r);
  return r;
})JS",
    // the brand check: the record of o under b; else the error (n, c) of
    // $$PFAIL
    R"JS(function $$PREC(o, b, n, c) {
  var r = $$PSTATE.get(o);
  while (r !== undefined) {
    if (r.$b === b) return r;
    r = r.$n;
  }
  return $$PFAIL(n, c);
})JS",
    // c: 0/1 read/write of field n, 2/3 member of (static) class n, 4/5 no
    // getter/setter n, 6 method n written
    R"JS(function $$PFAIL(n, c) {
  throw new TypeError(c === 1 ? "Cannot write private member " + n + " to an object whose class did not declare it"
    : c === 2 ? "Receiver must be an instance of class " + n
    : c === 3 ? "Receiver must be class " + n
    : c === 4 ? "'" + n + "' was defined without a getter"
    : c === 5 ? "'" + n + "' was defined without a setter"
    : c === 6 ? "Private method '" + n + "' is not writable"
    : "Cannot read private member " + n + " from an object whose class did not declare it");
})JS",
    // `o.#x = v` of a field, checked after v was evaluated; returns v
    R"JS(function $$PSET(o, b, n, v) {
  $$PREC(o, b, n, 1)[n] = v;
  return v;
})JS",
    // an access that fails after the brand check (class n, c): error e of
    // member m
    R"JS(function $$PBAD(o, b, n, c, m, e) {
  $$PREC(o, b, n, c);
  return $$PFAIL(m, e);
})JS",
    // `o.#x = v` through the setter f, checked after v was evaluated
    R"JS(function $$PACC(o, b, n, c, f, v) {
  f.call($$PREC(o, b, n, c).$o, v);
  return v;
})JS",
    // a reference to o.#m for compound assignment, ++ and destructuring;
    // k: 0 method g, 1 accessor g/s, 2 field m (n, c unused)
    R"JS(function $$PREF(o, b, n, c, m, k, g, s) {
  return {
    get v() {
      if (k === 2) return $$PREC(o, b, m, 0)[m];
      var t = $$PREC(o, b, n, c).$o;
      if (k === 0) return g;
      if (g === undefined) $$PFAIL(m, 4);
      return g.call(t);
    },
    set v(x) {
      if (k === 2) {
        $$PREC(o, b, m, 1)[m] = x;
        return;
      }
      var t = $$PREC(o, b, n, c).$o;
      if (k === 0) $$PFAIL(m, 6);
      if (s === undefined) $$PFAIL(m, 5);
      s.call(t, x);
    }
  };
})JS",
    // `#x in o`
    R"JS(function $$PIN(o, b, n) {
  if (o === null || typeof o !== "object" && typeof o !== "function") throw new TypeError("Cannot use 'in' operator to search for '" + n + "' in " + String(o));
  var r = $$PSTATE.get(o);
  while (r !== undefined) {
    if (r.$b === b) return true;
    r = r.$n;
  }
  return false;
})JS",
    // a private method (w 0) / getter (1) / setter (2) k of home object h,
    // detached from h by the runtime when there is one
    R"JS(function $$PMETH(h, k, w) {
  var d = $$PSTATE.detach(h, k);
  return w === 0 ? d.value : w === 1 ? d.get : d.set;
})JS",
};

struct PrivInfo {
  enum Kind { Field, Method, Accessor } kind = Field;
  bool isStatic = false;
  Atom brand;        ///< the brand binding (instance or static)
  Atom fn, get, set; ///< bindings of a method / getter / setter
  std::string cls;   ///< the class name of brand-check messages
};

struct ClassEnv {
  std::unordered_map<Atom, PrivInfo, AtomHash> names;
  std::vector<Atom> order; ///< the names in source order
};

bool isPrivateMember(const Node *n) {
  auto *me = dynCast<MemberExpression>(n);
  return me && !me->computed && isa<PrivateName>(me->property);
}

/// Finds yield/await outside nested functions.
bool hasYieldOrAwait(const Node *n) {
  return anyNode(
      n, [](const Node *x) { return isa<YieldExpression>(x) || isa<AwaitExpression>(x); },
      [](const Node *x) { return !isFunction(x); });
}

/// Finds `new.target` outside nested non-arrow functions (classes are
/// searched, their methods are not).
bool hasNewTarget(const Node *n) {
  return anyNode(
      n,
      [](const Node *x) {
        auto *mp = dynCast<MetaProperty>(x);
        return mp && mp->meta == "new";
      },
      [](const Node *x) { return !isFunction(x) || isa<ArrowFunctionExpression>(x); });
}

/// Code that may run something or read `this` when evaluated (a parameter
/// list of a base constructor): calls, this, super, assignments, classes;
/// nested functions are not searched.
bool mayRunCode(const Node *n) {
  return anyNode(
      n,
      [](const Node *x) {
        return isClass(x) || isCallLike(x) || isa<ThisExpression>(x) || isa<Super>(x) ||
               isa<AssignmentExpression>(x) || isa<UpdateExpression>(x) || isa<MetaProperty>(x);
      },
      [](const Node *x) { return !isFunction(x) && !isClass(x); });
}

/// The names \p n may reference (not property names).
void collectNames(const Node *n, std::unordered_set<std::string> &out) {
  if (!n)
    return;
  if (auto *id = dynCast<Identifier>(n))
    out.insert(std::string(id->name.str()));
  if (auto *me = dynCast<MemberExpression>(n); me && !me->computed)
    return collectNames(me->object, out);
  if (auto *p = dynCast<Property>(n); p && !p->computed && !p->shorthand)
    return collectNames(p->value, out);
  forEachChild(n, [&](const Node *c) { collectNames(c, out); });
}

/// Every name declared anywhere in \p n (conservative: nested functions too).
void collectDeclared(const Node *n, std::unordered_set<std::string> &out) {
  if (!n)
    return;
  std::vector<Atom> names;
  if (auto *vd = dynCast<VariableDeclarator>(n))
    collectBoundNames(vd->id, names);
  else if (isFunction(n)) {
    for (const Node *p : static_cast<const FunctionExpression *>(n)->params)
      collectBoundNames(p, names);
    if (auto *id = dynCast<Identifier>(static_cast<const FunctionExpression *>(n)->id))
      names.push_back(id->name);
  } else if (isClass(n)) {
    if (auto *id = dynCast<Identifier>(static_cast<const ClassExpression *>(n)->id))
      names.push_back(id->name);
  } else if (auto *cc = dynCast<CatchClause>(n)) {
    if (cc->param)
      collectBoundNames(cc->param, names);
  }
  for (Atom a : names)
    out.insert(std::string(a.str()));
  forEachChild(n, [&](const Node *c) { collectDeclared(c, out); });
}

class PrivateLowering {
public:
  PrivateLowering(Module &m, DiagnosticEngine &diags) : m_(m), b_(m), diags_(diags) {}

  bool run() {
    Program *prog = m_.program;
    if (!prog || !containsPrivate(prog))
      return true;
    prog->body = processList(prog->body);
    if (!ok_)
      return false;
    // dependencies between helpers
    if (used_[Set] || used_[Bad] || used_[Acc] || used_[Ref])
      use(Rec);
    if (used_[Rec] || used_[Bad] || used_[Ref])
      use(Fail);
    if (used_[Init] || used_[Rec] || used_[In] || used_[Meth])
      use(State);
    size_t i = directivePrologueLength(prog->body);
    std::vector<Node *> body(prog->body.begin(), prog->body.begin() + static_cast<ptrdiff_t>(i));
    for (size_t h = 0; h < NumPH; ++h) {
      if (!used_[h])
        continue;
      std::string src(kSources[h]);
      for (size_t o = 0; o < NumPH; ++o) {
        if (!used_[o])
          continue;
        std::string ph(kPlaceholders[o]), name(helper(static_cast<PH>(o)).str());
        for (size_t at = src.find(ph); at != std::string::npos; at = src.find(ph, at + 1)) {
          // "$$PIN" is a prefix of "$$PINIT": only whole names
          char next = at + ph.size() < src.size() ? src[at + ph.size()] : ' ';
          if (!std::isalnum(static_cast<unsigned char>(next)) && next != '_')
            src.replace(at, ph.size(), name);
        }
      }
      auto stmts = importSnippet(m_, src, diags_, "desugar", "a private-name helper");
      if (!stmts)
        return false;
      for (Node *s : *stmts)
        body.push_back(s);
    }
    for (; i < prog->body.size(); ++i)
      body.push_back(prog->body[i]);
    prog->body = b_.list(body);
    // the rest of desugar reads the scope tables (captured lets, Annex B)
    return analyzeScopes(m_, &diags_);
  }

private:
  Module &m_;
  IRBuilder b_;
  DiagnosticEngine &diags_;
  bool ok_ = true;
  int errors_ = 0;
  std::vector<ClassEnv *> envs_;
  std::array<Atom, NumPH> names_{};
  std::array<bool, NumPH> used_{};
  Atom nameHint_; ///< the name a class expression visited next would get

  /// Any private name in \p n, nested functions and classes included.
  static bool containsPrivate(const Node *n) {
    return anyNode(n, [](const Node *x) { return isa<PrivateName>(x); });
  }

  void use(PH h) {
    used_[h] = true;
    if (!names_[h])
      names_[h] = b_.freshName("p");
  }
  Atom helper(PH h) { return names_[h]; }
  Node *callH(PH h, std::vector<Node *> args) {
    use(h);
    auto *c = b_.make<CallExpression>();
    c->callee = b_.ident(names_[h]);
    c->arguments = b_.list(args);
    return c;
  }
  void unsupported(const Node *where, std::string_view what) {
    diags_.report(DiagId::err_unsupported, m_.file(), where ? where->range : SourceRange{}, what);
    ok_ = false;
    ++errors_;
  }
  Node *seq(const std::vector<Node *> &exprs) {
    auto *n = b_.make<SequenceExpression>();
    n->expressions = b_.list(exprs);
    return n;
  }

  const PrivInfo *lookup(const Node *pn) {
    Atom name = cast<PrivateName>(pn)->name;
    for (auto it = envs_.rbegin(); it != envs_.rend(); ++it) {
      auto f = (*it)->names.find(name);
      if (f != (*it)->names.end())
        return &f->second;
    }
    unsupported(pn,
                fmt::format("private name #{} is not declared by an enclosing class", name.str()));
    return nullptr;
  }
  static bool isSimple(const Node *n) { return isa<ThisExpression>(n) || isa<Identifier>(n); }
  Node *str(std::string_view v) { return b_.string(v); }
  std::string memberName(const Node *pn) {
    return fmt::format("#{}", cast<PrivateName>(pn)->name.str());
  }
  /// The brand check of a method/accessor: `$prec(obj, B, "C", 2|3)`.
  Node *memberCheck(Node *obj, const PrivInfo &info) {
    return callH(Rec, {obj, b_.ident(info.brand), str(info.cls), b_.number(info.isStatic ? 3 : 2)});
  }
  /// A failing access after the brand check: error \p e of the member.
  Node *badAccess(Node *obj, const PrivInfo &info, const Node *pn, int e, Node *value) {
    std::vector<Node *> args{obj,
                             b_.ident(info.brand),
                             str(info.cls),
                             b_.number(info.isStatic ? 3 : 2),
                             str(memberName(pn)),
                             b_.number(e)};
    if (value)
      args.push_back(value);
    return callH(Bad, args);
  }
  /// `obj.#x` read: a field `$prec(obj, B, "#x")["#x"]`; a method
  /// `($prec(obj, B, "C", 2), $m)`; a getter `$g.call($prec(...).$o)`.
  Node *readMember(Node *obj, const Node *pn) {
    const PrivInfo *info = lookup(pn);
    if (!info)
      return obj;
    std::string n = memberName(pn);
    switch (info->kind) {
    case PrivInfo::Field:
      return b_.index(callH(Rec, {obj, b_.ident(info->brand), str(n)}), str(n));
    case PrivInfo::Method:
      return seq({memberCheck(obj, *info), b_.ident(info->fn)});
    case PrivInfo::Accessor:
      if (!info->get)
        return badAccess(obj, *info, pn, 4, nullptr);
      return b_.call(b_.member(b_.ident(info->get), "call"),
                     {b_.member(memberCheck(obj, *info), "$o")});
    }
    return obj;
  }
  /// `obj.#x(args)` (`?.(args)` when \p optional), with `this` kept.
  Node *callMember(Node *obj, const Node *pn, NodeList args, bool optional, const Node *at) {
    const PrivInfo *info = lookup(pn);
    if (!info)
      return obj;
    if (info->kind == PrivInfo::Method) {
      std::vector<Node *> a{b_.member(memberCheck(obj, *info), "$o")};
      a.insert(a.end(), args.begin(), args.end());
      auto *c = b_.make<CallExpression>();
      c->callee = b_.member(b_.ident(info->fn), "call");
      c->arguments = b_.list(a);
      return c;
    }
    if (info->kind == PrivInfo::Accessor && !info->get)
      return readMember(obj, pn);
    if (info->kind == PrivInfo::Accessor && optional) {
      unsupported(at, "an optional call of a private accessor");
      return obj;
    }
    // the receiver is needed twice: a name or `this`, else an arrow's
    // parameter
    Atom t;
    Node *recv = obj;
    if (!isSimple(obj)) {
      bool bad = false;
      for (Node *a : args)
        bad = bad || hasYieldOrAwait(a);
      if (bad) {
        unsupported(at, "yield or await in the arguments of a call of a private field or accessor "
                        "on a receiver other than a name or `this`");
        return obj;
      }
      t = b_.freshName("o");
      recv = b_.ident(t);
    }
    auto makeCall = [&](Node *f) {
      std::vector<Node *> a{cloneTree(recv, m_)};
      a.insert(a.end(), args.begin(), args.end());
      auto *c = b_.make<CallExpression>();
      c->callee = b_.member(f, "call");
      c->arguments = b_.list(a);
      return c;
    };
    Node *result;
    if (optional) {
      auto *cond = b_.make<ConditionalExpression>();
      cond->test =
          b_.binary(BinaryOp::Eq, readMember(cloneTree(recv, m_), pn), b_.make<NullLiteral>());
      cond->consequent = b_.voidZero();
      cond->alternate = makeCall(readMember(cloneTree(recv, m_), pn));
      result = cond;
    } else {
      result = makeCall(readMember(cloneTree(recv, m_), pn));
    }
    if (!t)
      return result;
    auto *arrow = b_.make<ArrowFunctionExpression>();
    arrow->params = b_.list({b_.ident(t)});
    arrow->body = result;
    return b_.call(arrow, {obj});
  }
  /// `obj.#x = v` (PrivateSet: checked after v was evaluated).
  Node *writeMember(Node *obj, const Node *pn, Node *value) {
    const PrivInfo *info = lookup(pn);
    if (!info)
      return obj;
    switch (info->kind) {
    case PrivInfo::Field:
      return callH(Set, {obj, b_.ident(info->brand), str(memberName(pn)), value});
    case PrivInfo::Method:
      return badAccess(obj, *info, pn, 6, value);
    case PrivInfo::Accessor:
      if (!info->set)
        return badAccess(obj, *info, pn, 5, value);
      return callH(Acc, {obj, b_.ident(info->brand), str(info->cls),
                         b_.number(info->isStatic ? 3 : 2), b_.ident(info->set), value});
    }
    return obj;
  }
  /// `$pref(obj, B, "C", c, "#x", kind, g, s).v`
  Node *refMember(Node *obj, const Node *pn) {
    const PrivInfo *info = lookup(pn);
    if (!info)
      return obj;
    std::string n = memberName(pn);
    std::vector<Node *> args{obj, b_.ident(info->brand)};
    if (info->kind == PrivInfo::Field) {
      args.push_back(str(n));
      args.push_back(b_.number(0));
      args.push_back(str(n));
      args.push_back(b_.number(2));
    } else {
      args.push_back(str(info->cls));
      args.push_back(b_.number(info->isStatic ? 3 : 2));
      args.push_back(str(n));
      if (info->kind == PrivInfo::Method) {
        args.push_back(b_.number(0));
        args.push_back(b_.ident(info->fn));
      } else {
        args.push_back(b_.number(1));
        args.push_back(info->get ? static_cast<Node *>(b_.ident(info->get)) : b_.voidZero());
        args.push_back(info->set ? static_cast<Node *>(b_.ident(info->set)) : b_.voidZero());
      }
    }
    return b_.member(callH(Ref, args), "v");
  }

  /// The target of compound assignment / `++`: a field is read (brand
  /// check, "Cannot read ...") then written as `$prec(obj, B, "#x")["#x"]`;
  /// a method or accessor through `$pref(...).v`, whose setter checks the
  /// write.
  Node *compoundTarget(Node *obj, const Node *pn) {
    const PrivInfo *info = lookup(pn);
    if (info && info->kind == PrivInfo::Field)
      return readMember(obj, pn);
    return refMember(obj, pn);
  }

  /// A private member expression \p slot (its object not visited yet) as a
  /// reference (destructuring target) or a read.
  void lowerPrivateMember(Node *&slot, bool asReference) {
    auto *me = cast<MemberExpression>(slot);
    visit(me->object);
    b_.setRange(slot->range);
    slot = asReference ? refMember(me->object, me->property) : readMember(me->object, me->property);
  }

  // ---- statement lists: class declarations get their keys before them ----
  NodeList processList(NodeList list) {
    std::vector<Node *> out;
    bool changed = false;
    for (Node *&s : list) {
      Node *cls = nullptr;
      if (isa<ClassDeclaration>(s))
        cls = s;
      else if (auto *en = dynCast<ExportNamedDeclaration>(s);
               en && isa<ClassDeclaration>(en->declaration))
        cls = en->declaration;
      else if (auto *ed = dynCast<ExportDefaultDeclaration>(s);
               ed && isa<ClassDeclaration>(ed->declaration))
        cls = ed->declaration;
      if (cls) {
        std::vector<Node *> prelude;
        visitClass(cls, &prelude, Atom());
        if (!prelude.empty())
          changed = true;
        for (Node *p : prelude)
          out.push_back(p);
      } else {
        visit(s);
      }
      out.push_back(s);
    }
    return changed ? b_.list(out) : list;
  }

  void visitPattern(Node *&slot) {
    Node *n = slot;
    switch (n->kind) {
    case NodeKind::MemberExpression:
      if (isPrivateMember(n))
        return lowerPrivateMember(slot, true);
      visit(slot);
      return;
    case NodeKind::ObjectPattern:
      for (Node *&p : cast<ObjectPattern>(n)->properties) {
        if (auto *prop = dynCast<Property>(p)) {
          if (prop->computed)
            visit(prop->key);
          visitPattern(prop->value);
        } else if (p) {
          visitPattern(p);
        }
      }
      return;
    case NodeKind::ArrayPattern:
      for (Node *&e : cast<ArrayPattern>(n)->elements)
        if (e)
          visitPattern(e);
      return;
    case NodeKind::AssignmentPattern: {
      auto *ap = cast<AssignmentPattern>(n);
      visitPattern(ap->left);
      withHint(ap->left, ap->right);
      return;
    }
    case NodeKind::RestElement:
      visitPattern(cast<RestElement>(n)->argument);
      return;
    default:
      visit(slot);
    }
  }

  /// Visits \p value with the name hint of a NamedEvaluation by \p target.
  void withHint(const Node *target, Node *&value) {
    Atom hint;
    if (auto *id = dynCast<Identifier>(target))
      hint = id->name;
    visitHinted(value, hint);
  }
  void visitHinted(Node *&value, Atom hint) {
    if (!value)
      return;
    Atom saved = nameHint_;
    nameHint_ = isAnonymousFunctionDefinition(value) ? hint : Atom();
    visit(value);
    nameHint_ = saved;
  }

  static Atom keyName(Module &m, const Node *key, bool computed) {
    if (computed)
      return Atom();
    if (auto *id = dynCast<Identifier>(key))
      return id->name;
    if (auto *s = dynCast<StringLiteral>(key))
      return s->value;
    if (auto *pn = dynCast<PrivateName>(key))
      return m.atom(fmt::format("#{}", pn->name.str()));
    return Atom();
  }

  void visit(Node *&slot) {
    Node *n = slot;
    if (!n)
      return;
    // the hint is for this node only (a class expression), never its parts
    Atom hint = nameHint_;
    nameHint_ = Atom();
    b_.setRange(n->range);
    switch (n->kind) {
    case NodeKind::Program:
      cast<Program>(n)->body = processList(cast<Program>(n)->body);
      return;
    case NodeKind::BlockStatement:
      cast<BlockStatement>(n)->body = processList(cast<BlockStatement>(n)->body);
      return;
    case NodeKind::StaticBlock:
      cast<StaticBlock>(n)->body = processList(cast<StaticBlock>(n)->body);
      return;
    case NodeKind::SwitchCase: {
      auto *sc = cast<SwitchCase>(n);
      visit(sc->test);
      sc->consequent = processList(sc->consequent);
      return;
    }
    case NodeKind::ClassDeclaration: {
      // not in a statement list (cannot happen in valid code)
      std::vector<Node *> prelude;
      visitClass(n, &prelude, Atom());
      if (!prelude.empty())
        unsupported(n, "a class declaring private names outside a statement list");
      return;
    }
    case NodeKind::ClassExpression: {
      slot = visitClass(n, nullptr, hint);
      return;
    }
    case NodeKind::MemberExpression:
      if (isPrivateMember(n))
        return lowerPrivateMember(slot, false);
      break;
    case NodeKind::BinaryExpression: {
      auto *be = cast<BinaryExpression>(n);
      if (be->op == BinaryOp::In && isa<PrivateName>(be->left)) {
        visit(be->right);
        const PrivInfo *info = lookup(be->left);
        if (!info)
          return;
        b_.setRange(n->range);
        slot = callH(In, {be->right, b_.ident(info->brand), str(memberName(be->left))});
        return;
      }
      break;
    }
    case NodeKind::AssignmentExpression: {
      auto *ae = cast<AssignmentExpression>(n);
      if (isPrivateMember(ae->left)) {
        auto *me = cast<MemberExpression>(ae->left);
        visit(me->object);
        if (ae->op == AssignOp::Assign) {
          visitHinted(ae->right,
                      m_.atom(fmt::format("#{}", cast<PrivateName>(me->property)->name.str())));
          b_.setRange(n->range);
          slot = writeMember(me->object, me->property, ae->right);
          return;
        }
        visit(ae->right);
        b_.setRange(n->range);
        ae->left = compoundTarget(me->object, me->property);
        return;
      }
      if (isa<ObjectPattern>(ae->left) || isa<ArrayPattern>(ae->left)) {
        visitPattern(ae->left);
        visit(ae->right);
        return;
      }
      visit(ae->left);
      if (ae->op == AssignOp::Assign || ae->op == AssignOp::OrAssign ||
          ae->op == AssignOp::AndAssign || ae->op == AssignOp::NullishAssign)
        withHint(ae->left, ae->right);
      else
        visit(ae->right);
      return;
    }
    case NodeKind::UpdateExpression: {
      auto *ue = cast<UpdateExpression>(n);
      if (isPrivateMember(ue->argument)) {
        auto *me = cast<MemberExpression>(ue->argument);
        visit(me->object);
        b_.setRange(n->range);
        ue->argument = compoundTarget(me->object, me->property);
        return;
      }
      break;
    }
    case NodeKind::ForInStatement:
    case NodeKind::ForOfStatement: {
      Node *&left =
          isa<ForInStatement>(n) ? cast<ForInStatement>(n)->left : cast<ForOfStatement>(n)->left;
      if (!isa<VariableDeclaration>(left))
        visitPattern(left);
      else
        visit(left);
      visit(isa<ForInStatement>(n) ? cast<ForInStatement>(n)->right
                                   : cast<ForOfStatement>(n)->right);
      visit(isa<ForInStatement>(n) ? cast<ForInStatement>(n)->body : cast<ForOfStatement>(n)->body);
      return;
    }
    case NodeKind::AssignmentPattern: {
      auto *ap = cast<AssignmentPattern>(n);
      visitPattern(ap->left);
      withHint(ap->left, ap->right);
      return;
    }
    case NodeKind::VariableDeclarator: {
      auto *vd = cast<VariableDeclarator>(n);
      visitPattern(vd->id);
      withHint(vd->id, vd->init);
      return;
    }
    case NodeKind::Property: {
      auto *p = cast<Property>(n);
      if (p->computed)
        visit(p->key);
      if (p->kind == PropertyKind::Init && !p->method && !p->shorthand)
        visitHinted(p->value, keyName(m_, p->key, p->computed));
      else
        visit(p->value);
      return;
    }
    case NodeKind::ChainExpression:
      if (chainHasPrivate(cast<ChainExpression>(n)->expression)) {
        visitChainParts(cast<ChainExpression>(n)->expression);
        b_.setRange(n->range);
        slot = lowerChain(cast<ChainExpression>(n)->expression);
        return;
      }
      break;
    case NodeKind::CallExpression:
    case NodeKind::TaggedTemplateExpression: {
      Node *callee = isa<CallExpression>(n) ? cast<CallExpression>(n)->callee
                                            : cast<TaggedTemplateExpression>(n)->tag;
      if (auto *ce = dynCast<ChainExpression>(callee); ce && chainHasPrivate(ce->expression)) {
        unsupported(n,
                    "a parenthesized optional chain with a private member used as a callee or tag");
        return;
      }
      if (isPrivateMember(callee)) {
        auto *me = cast<MemberExpression>(callee);
        if (isa<TaggedTemplateExpression>(n)) {
          unsupported(n, "a private member used as a template tag");
          return;
        }
        auto *c = cast<CallExpression>(n);
        visit(me->object);
        for (Node *&a : c->arguments)
          visit(a);
        b_.setRange(n->range);
        slot = callMember(me->object, me->property, c->arguments, false, n);
        return;
      }
      break;
    }
    default:
      break;
    }
    forEachChildSlot(n, [&](Node *&c) { visit(c); });
  }

  // ---- optional chains ----
  static bool chainHasPrivate(const Node *n) {
    while (true) {
      if (auto *me = dynCast<MemberExpression>(n)) {
        if (isPrivateMember(me))
          return true;
        n = me->object;
      } else if (auto *c = dynCast<CallExpression>(n)) {
        n = c->callee;
      } else {
        return false;
      }
    }
  }
  /// Visits everything of a chain but its spine (the base, computed keys,
  /// arguments).
  void visitChainParts(Node *&top) {
    Node **slot = &top;
    while (true) {
      Node *n = *slot;
      if (auto *me = dynCast<MemberExpression>(n)) {
        if (me->computed)
          visit(me->property);
        slot = &me->object;
      } else if (auto *c = dynCast<CallExpression>(n)) {
        for (Node *&a : c->arguments)
          visit(a);
        slot = &c->callee;
      } else {
        visit(*slot);
        return;
      }
    }
  }
  static bool hasOptional(const Node *n) {
    while (true) {
      if (auto *me = dynCast<MemberExpression>(n)) {
        if (me->optional)
          return true;
        n = me->object;
      } else if (auto *c = dynCast<CallExpression>(n)) {
        if (c->optional)
          return true;
        n = c->callee;
      } else {
        return false;
      }
    }
  }
  /// The chain whose top link is \p top (parts already visited), without
  /// private links: a ChainExpression while optional links remain.
  Node *lowerChain(Node *top) {
    std::vector<Node *> links;
    Node *base = top;
    while (isa<MemberExpression>(base) || isa<CallExpression>(base)) {
      links.push_back(base);
      base = isa<MemberExpression>(base) ? cast<MemberExpression>(base)->object
                                         : cast<CallExpression>(base)->callee;
    }
    std::reverse(links.begin(), links.end());
    auto objectSlot = [&](size_t i) -> Node *& {
      return isa<MemberExpression>(links[i]) ? cast<MemberExpression>(links[i])->object
                                             : cast<CallExpression>(links[i])->callee;
    };
    auto isOptional = [&](size_t i) {
      return isa<MemberExpression>(links[i]) ? cast<MemberExpression>(links[i])->optional
                                             : cast<CallExpression>(links[i])->optional;
    };
    size_t p = links.size();
    for (size_t i = 0; i < links.size(); ++i)
      if (isPrivateMember(links[i])) {
        p = i;
        break;
      }
    if (p == links.size()) {
      if (!hasOptional(top))
        return top;
      auto *ce = b_.make<ChainExpression>();
      ce->expression = top;
      return ce;
    }
    size_t j = links.size();
    for (size_t i = 0; i <= p; ++i)
      if (isOptional(i))
        j = i;
    if (j == links.size()) {
      // no optional link before: the private member (and its call) in place
      auto *me = cast<MemberExpression>(links[p]);
      size_t replaced = p;
      Node *repl;
      if (p + 1 < links.size() && isa<CallExpression>(links[p + 1])) {
        auto *c = cast<CallExpression>(links[p + 1]);
        replaced = p + 1;
        const PrivInfo *info = lookup(me->property);
        if (!info)
          return top;
        if (c->optional && replaced + 1 < links.size() && info->kind != PrivInfo::Method) {
          // `o.#f?.().x` would need the short circuit of the rest
          unsupported(c, "an optional call of a private field followed by more of the chain");
          return top;
        }
        repl = callMember(me->object, me->property, c->arguments, c->optional, c);
      } else {
        repl = readMember(me->object, me->property);
      }
      if (!ok_)
        return top;
      if (replaced + 1 < links.size())
        objectSlot(replaced + 1) = repl;
      else
        top = repl;
      return lowerChain(top);
    }
    if (isa<CallExpression>(links[j])) {
      unsupported(links[j], "an optional call before a private member in a chain");
      return top;
    }
    cast<MemberExpression>(links[j])->optional = false;
    Node *prefix = objectSlot(j);
    Node *prefixLowered = j == 0 ? prefix : lowerChain(prefix);
    bool simple = isa<ThisExpression>(prefixLowered) || isa<Identifier>(prefixLowered);
    Atom t = b_.freshName("o");
    objectSlot(j) = simple ? cloneTree(prefixLowered, m_) : b_.ident(t);
    Node *rest = lowerChain(top);
    Node *test = simple ? cloneTree(prefixLowered, m_) : b_.ident(t);
    auto *cond = b_.make<ConditionalExpression>();
    cond->test = b_.binary(BinaryOp::Eq, test, b_.make<NullLiteral>());
    cond->consequent = b_.voidZero();
    cond->alternate = rest;
    if (simple)
      return cond;
    if (hasYieldOrAwait(rest)) {
      unsupported(top, "yield or await after a private member in an optional chain");
      return top;
    }
    auto *arrow = b_.make<ArrowFunctionExpression>();
    arrow->params = b_.list({b_.ident(t)});
    arrow->body = cond;
    return b_.call(arrow, {prefixLowered});
  }

  // ---- classes ----
  /// Lowers a class (declaration: its key declarations go to \p prelude;
  /// expression: returns the replacement). \p hint: the NamedEvaluation name
  /// of an anonymous class expression.
  Node *visitClass(Node *cls, std::vector<Node *> *prelude, Atom hint) {
    auto *ce = static_cast<ClassExpression *>(cls); // same layout for both kinds
    ClassEnv env;
    std::string clsName = ce->id ? std::string(cast<Identifier>(ce->id)->name.str())
                          : hint ? std::string(hint.str())
                                 : std::string("anonymous");
    Atom brandI, brandS, firstField;
    bool instMethods = false;
    std::vector<Atom> fnBindings;
    for (Node *mem : ce->body) {
      Node *key = nullptr;
      bool isStatic = false;
      PrivInfo::Kind kind = PrivInfo::Field;
      auto *md = dynCast<MethodDefinition>(mem);
      if (md) {
        key = md->key, isStatic = md->isStatic;
        kind = md->kind == MethodKind::Method ? PrivInfo::Method : PrivInfo::Accessor;
      } else if (auto *pd = dynCast<PropertyDefinition>(mem)) {
        key = pd->key, isStatic = pd->isStatic;
      }
      if (!isa<PrivateName>(key))
        continue;
      Atom name = cast<PrivateName>(key)->name;
      Atom &brand = isStatic ? brandS : brandI;
      if (!brand)
        brand = b_.freshName(isStatic ? "pbs" : "pb");
      if (!isStatic && kind != PrivInfo::Field)
        instMethods = true;
      if (!isStatic && kind == PrivInfo::Field && !firstField)
        firstField = name;
      if (!env.names.count(name)) {
        PrivInfo info;
        info.kind = kind;
        info.isStatic = isStatic;
        info.brand = brand;
        info.cls = clsName;
        env.names.emplace(name, info);
        env.order.push_back(name);
      }
      PrivInfo &info = env.names.at(name);
      Atom *binding = nullptr;
      if (kind == PrivInfo::Method)
        binding = &info.fn;
      else if (kind == PrivInfo::Accessor)
        binding = md->kind == MethodKind::Get ? &info.get : &info.set;
      if (binding && !*binding) {
        *binding = b_.freshName(fmt::format("{}_{}_",
                                            kind == PrivInfo::Method      ? "m"
                                            : md->kind == MethodKind::Get ? "g"
                                                                          : "s",
                                            name.str()));
        fnBindings.push_back(*binding);
      }
    }
    // a public member keyed like a private method ("#m") would collide
    for (Node *mem : ce->body) {
      Atom kn;
      if (auto *md = dynCast<MethodDefinition>(mem); md && !isa<PrivateName>(md->key))
        kn = keyName(m_, md->key, md->computed);
      else if (auto *pd = dynCast<PropertyDefinition>(mem); pd && !isa<PrivateName>(pd->key))
        kn = keyName(m_, pd->key, pd->computed);
      if (kn && kn.str().size() > 1 && kn.str()[0] == '#') {
        auto f = env.names.find(m_.atom(kn.str().substr(1)));
        if (f != env.names.end() && f->second.kind != PrivInfo::Field) {
          unsupported(mem, fmt::format("a public member keyed \"{}\" in a class with the private "
                                       "method or accessor {}",
                                       kn.str(), kn.str()));
          return cls;
        }
      }
    }
    // the heritage sees the outer private names
    visit(ce->superClass);
    if (env.names.empty()) {
      for (Node *&mem : ce->body)
        visitMember(mem);
      return cls;
    }
    int errorsBefore = errors_;
    envs_.push_back(&env);
    for (Node *&mem : ce->body)
      visitMember(mem);
    envs_.pop_back();
    if (errors_ != errorsBefore)
      return cls;

    bool isExpr = isa<ClassExpression>(cls);
    if (isExpr) {
      bool bad = hasYieldOrAwait(ce->superClass);
      for (Node *mem : ce->body) {
        if (auto *md = dynCast<MethodDefinition>(mem); md && md->computed)
          bad = bad || hasYieldOrAwait(md->key);
        if (auto *pd = dynCast<PropertyDefinition>(mem); pd && pd->computed)
          bad = bad || hasYieldOrAwait(pd->key);
      }
      if (bad) {
        unsupported(cls, "yield or await in the heritage or a computed key of a class expression "
                         "declaring private names");
        return cls;
      }
    }
    b_.setRange(cls->range);

    std::vector<Node *> members, pending, extract;
    auto self = [&]() -> Node * { return b_.make<ThisExpression>(); };
    if (brandI) {
      std::string msg =
          instMethods
              ? fmt::format(
                    "Cannot initialize private methods of class {} twice on the same object",
                    clsName)
              : fmt::format("Cannot initialize #{} twice on the same object", firstField.str());
      pending.push_back(callH(Init, {self(), b_.ident(brandI), b_.string(msg)}));
    }
    MethodDefinition *ctor = nullptr;
    for (Node *mem : ce->body) {
      if (auto *md = dynCast<MethodDefinition>(mem)) {
        if (md->kind == MethodKind::Constructor)
          ctor = md;
        if (auto *pn = dynCast<PrivateName>(md->key)) {
          // a class member keyed "#m" (so `super` and the name are native),
          // taken into its binding by the first static block
          const PrivInfo &info = env.names.at(pn->name);
          std::string n = fmt::format("#{}", pn->name.str());
          b_.setRange(md->key->range);
          md->key = b_.string(n);
          md->computed = false;
          Node *home = md->isStatic ? static_cast<Node *>(self()) : b_.member(self(), "prototype");
          int w = md->kind == MethodKind::Method ? 0 : md->kind == MethodKind::Get ? 1 : 2;
          Atom target = w == 0 ? info.fn : w == 1 ? info.get : info.set;
          extract.push_back(b_.exprStmt(
              b_.assign(b_.ident(target), callH(Meth, {home, b_.string(n), b_.number(w)}))));
          members.push_back(mem);
          continue;
        }
        members.push_back(mem);
        continue;
      }
      auto *pd = dynCast<PropertyDefinition>(mem);
      if (!pd) {
        members.push_back(mem);
        continue;
      }
      if (auto *pn = dynCast<PrivateName>(pd->key)) {
        const PrivInfo &info = env.names.at(pn->name);
        std::string n = fmt::format("#{}", pn->name.str());
        Node *value = pd->value ? pd->value : b_.voidZero();
        if (pd->value && isAnonymousFunctionDefinition(pd->value))
          value = callH(Name, {value, b_.string(n)});
        // `$prec(this, B, "#x", 1)["#x"] = v`: the record gets its fields
        // in order
        Node *record = callH(Rec, {self(), b_.ident(info.brand), b_.string(n), b_.number(1)});
        Node *init = b_.assign(b_.index(record, b_.string(n)), value);
        if (pd->isStatic) {
          auto *sb = b_.make<StaticBlock>();
          sb->body = b_.list({b_.exprStmt(init)});
          members.push_back(sb);
        } else {
          pending.push_back(init);
        }
        continue;
      }
      if (!pd->isStatic && !pending.empty()) {
        Node *value = pd->value ? pd->value : b_.voidZero();
        if (pd->value && isAnonymousFunctionDefinition(pd->value)) {
          Atom kn = keyName(m_, pd->key, pd->computed);
          if (!kn && !isa<NumericLiteral>(pd->key)) {
            unsupported(pd, "an anonymous function in a computed-key field after private fields");
            return cls;
          }
          value = callH(Name, {value, kn ? static_cast<Node *>(b_.string(kn.str()))
                                         : cloneTree(pd->key, m_)});
        }
        pending.push_back(value);
        pd->value = seq(pending);
        pending.clear();
      }
      members.push_back(mem);
    }

    // the first static block: the name, then the private methods
    std::vector<Node *> first;
    bool anonymous = !ce->id;
    if (isExpr && anonymous && hint)
      first.push_back(b_.exprStmt(callH(Name, {b_.make<ThisExpression>(), b_.string(hint.str())})));
    if (brandS)
      first.push_back(b_.exprStmt(
          callH(Init, {self(), b_.ident(brandS),
                       b_.string(fmt::format(
                           "Cannot initialize private methods of class {} twice on the same object",
                           clsName))})));
    for (Node *e : extract)
      first.push_back(e);
    if (!first.empty()) {
      auto *sb = b_.make<StaticBlock>();
      sb->body = b_.list(first);
      members.insert(members.begin(), sb);
    }

    // the private fields after the last public one: in the constructor
    if (!pending.empty()) {
      bool derived = ce->superClass != nullptr;
      if (!ctor) {
        auto *fn = b_.make<FunctionExpression>();
        std::vector<Node *> body;
        if (derived) {
          Atom args = b_.freshName("args");
          auto *rest = b_.make<RestElement>();
          rest->argument = b_.ident(args);
          fn->params = b_.list({rest});
          auto *spread = b_.make<SpreadElement>();
          spread->argument = b_.ident(args);
          body.push_back(b_.exprStmt(b_.call(b_.make<Super>(), {spread})));
        }
        for (Node *e : pending)
          body.push_back(b_.exprStmt(e));
        fn->body = b_.block(body);
        auto *md = b_.make<MethodDefinition>();
        md->kind = MethodKind::Constructor;
        md->key = b_.ident("constructor");
        md->value = fn;
        // after the first static block, before the other members
        size_t at = first.empty() ? 0 : 1;
        members.insert(members.begin() + static_cast<std::ptrdiff_t>(at), md);
      } else {
        auto *fn = cast<FunctionExpression>(ctor->value);
        std::unordered_set<std::string> used, declared;
        for (Node *e : pending)
          collectNames(e, used);
        collectDeclared(fn, declared);
        for (const std::string &u : used)
          if (declared.count(u) && u.rfind('$', 0) != 0) {
            unsupported(
                ctor,
                fmt::format(
                    "a private field initializer names '{}', which the constructor declares", u));
            return cls;
          }
        for (Node *e : pending)
          if (hasNewTarget(e)) {
            unsupported(e, "new.target in a private field initializer after the last public field");
            return cls;
          }
        if (!derived) {
          for (Node *p : fn->params)
            if (mayRunCode(p)) {
              unsupported(p, "a constructor parameter list that may run code in a class with "
                             "private fields after its last public field");
              return cls;
            }
          auto *body = cast<BlockStatement>(fn->body);
          size_t i = directivePrologueLength(body->body);
          std::vector<Node *> stmts(body->body.begin(),
                                    body->body.begin() + static_cast<ptrdiff_t>(i));
          for (Node *e : pending)
            stmts.push_back(b_.exprStmt(e));
          for (; i < body->body.size(); ++i)
            stmts.push_back(body->body[i]);
          body->body = b_.list(stmts);
        } else {
          bool firstUse = true;
          replaceSuperCalls(fn->body, pending, firstUse);
        }
      }
    }
    ce->body = b_.list(members);

    // the brands and the private method bindings
    std::vector<Node *> decls;
    auto *kd = b_.make<VariableDeclaration>();
    kd->kind = VarKind::Const;
    std::vector<Node *> declarators;
    // descriptions "#C" / "#C static" (the serializer wants "#..." keys)
    std::string shortName = clsName.substr(0, 200);
    for (auto [brand, desc] : {std::pair{brandI, fmt::format("#{}", shortName)},
                               std::pair{brandS, fmt::format("#{} static", shortName)}}) {
      if (!brand)
        continue;
      auto *d = b_.make<VariableDeclarator>();
      d->id = b_.ident(brand);
      d->init = callH(New, {b_.string(desc)});
      declarators.push_back(d);
    }
    kd->declarations = b_.list(declarators);
    decls.push_back(kd);
    if (!fnBindings.empty())
      decls.push_back(b_.declareNames(VarKind::Let, fnBindings));
    if (!isExpr) {
      for (Node *d : decls)
        prelude->push_back(d);
      return cls;
    }
    auto *ret = b_.make<ReturnStatement>();
    ret->argument = cls;
    decls.push_back(ret);
    auto *arrow = b_.make<ArrowFunctionExpression>();
    arrow->body = b_.block(decls);
    return b_.call(arrow, {});
  }

  void visitMember(Node *&mem) {
    if (auto *md = dynCast<MethodDefinition>(mem)) {
      if (md->computed)
        visit(md->key);
      visit(md->value);
    } else if (auto *pd = dynCast<PropertyDefinition>(mem)) {
      if (pd->computed)
        visit(pd->key);
      visitHinted(pd->value, keyName(m_, pd->key, pd->computed));
    } else {
      visit(mem);
    }
  }

  /// `super(...)` -> `(super(...), inits..., this)` in a derived constructor
  /// body (arrows included).
  void replaceSuperCalls(Node *&slot, const std::vector<Node *> &inits, bool &firstUse) {
    Node *n = slot;
    if (!n)
      return;
    if ((isFunction(n) && !isa<ArrowFunctionExpression>(n)) || isClass(n))
      return;
    forEachChildSlot(n, [&](Node *&c) { replaceSuperCalls(c, inits, firstUse); });
    if (auto *c = dynCast<CallExpression>(n); c && isa<Super>(c->callee)) {
      b_.setRange(n->range);
      std::vector<Node *> parts{n};
      for (Node *e : inits)
        parts.push_back(firstUse ? e : cloneTree(e, m_));
      firstUse = false;
      parts.push_back(b_.make<ThisExpression>());
      slot = seq(parts);
    }
  }
};

} // namespace

bool lowerPrivate(Module &m, DiagnosticEngine &diags) { return PrivateLowering(m, diags).run(); }

} // namespace distribufy::desugar
