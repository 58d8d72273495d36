//===- LowerPrivate.cpp - Private names (#x) as symbol-keyed properties ----===//
//
// The first walk of desugar (before Lower.cpp): removes every PrivateName
// from the tree, so that the instances of classes with private names are
// ordinary objects a checkpoint can store (issue #4).
//
// Representation. Each evaluation of a class declaring private names makes
// one fresh key per name: an unregistered Symbol whose description is the
// name ("#x"), made by a helper that also adds it to the runtime's registry
// (a WeakSet at globalThis[Symbol.for("distribufy.privateNames")], when a
// runtime installed one) so that the serializer stores such keys with their
// identity and restores fresh registered ones. A class declaration's keys are
// `const` bindings right before it (`let $pc` holds its method record); a
// class expression becomes `(() => { const $k = ...; let $pc; return class
// ... })()`, so every evaluation has its own bindings, which the methods
// capture as ordinary variables. An anonymous class expression in a naming
// position (`const A = class {...}`) gets its name back from a first static
// block (`$pname`, which only replaces the anonymous default "").
//
//  * `#x = v` (instance): a non-enumerable, writable own property under the
//    key, defined by `$pfield(this, k, v)` ("Cannot initialize #x twice on
//    the same object"). Field order is kept: the private fields before a
//    public field run at the start of that public field's initializer
//    (`y = ($pfield(this, k, v), w)`, w named as before); the ones after the
//    last public field run at the start of the constructor body (base
//    class; a constructor is made if there is none) or right after every
//    `super(...)` (derived: `(super(...), $pfield(...), this)`).
//  * `#m() {}`, `get #x() {}`, `set #x(v) {}`: function expressions made by
//    a first static block, `$pc = $ptake(this, [[k, kind, f, g], ...])`
//    (names fixed to "#m" / "get #x"): ordinary closures, so the closure
//    pass gives them factories and a checkpoint can store them. Instance
//    ones are installed on each instance before any field initializer
//    (`$pinst(this, $pc)`, "Cannot initialize private methods of class C
//    twice"), static ones on the constructor; methods are non-writable.
//    Private properties are configurable, so that a rebuilt class (which
//    re-runs its static blocks) accepts its stored static ones again.
//  * `static #x = v`: a static block at the same place, `$pfield(this, k, v)`.
//  * `o.#x` is `$pb(o, k)[k]` (the brand check returns `o`, so a call keeps
//    its `this`); `o.#x = v` is `$ps(o, k, v)` (checks after `v`, as
//    PrivateSet); compound assignment and `++` of a field are on
//    `$pb(o, k)[k]` (read first, as natively), of an accessor or method and
//    destructuring targets on a reference object `$pr(o, k).v` whose
//    accessors do the checks at the read and the write; `#x in o`
//    is `$pin(o, k)`; `o?.#x` is a conditional on the chain part before it.
//    Error messages are node's.
//
// Limits (documented in README "Limits of capture" and Desugar.cpp): the
// keys are visible to Object.getOwnPropertySymbols / Reflect.ownKeys, so
// code enumerating symbols can read, write or delete private state (they
// are not enumerable: for-in, Object.keys, JSON, spread, Object.assign and
// console.log do not show them); a Proxy's traps see the brand checks;
// Object.freeze / seal / preventExtensions apply to private properties too
// (writing a private field of a frozen object throws "Private method ...
// is not writable"; a non-extensible object cannot receive private
// fields); `new o.#m()` constructs instead of throwing; reading a private
// getter through compound assignment / `++` / destructuring goes through an
// accessor of the reference object (an implicit call for checkpoints); a
// brand-check failure of a private method of an anonymous class expression
// names it "anonymous". Unsupported (err_unsupported): `super` in a
// private method or accessor; a class expression whose heritage or computed
// keys contain yield/await; private instance fields after the last public
// field of a class whose base constructor's parameter list may run code, or
// whose moved initializers use new.target or a name the constructor
// declares; an anonymous function in a computed-key field after private
// fields; an optional call before a private member in a chain; a
// parenthesized chain with a private member used as a callee or tag.
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

enum PH : uint8_t { New, Field, Name, Take, Inst, Brand, Set, Ref, In, NumPH };

// Each helper is one function named by its placeholder; placeholders of the
// other helpers in the text are replaced by their program names.
constexpr std::array<std::string_view, NumPH> kPlaceholders = {
    "$$PNEW", "$$PFIELD", "$$PNAME", "$$PTAKE", "$$PINST", "$$PB", "$$PS", "$$PR", "$$PIN"};

constexpr std::array<std::string_view, NumPH> kSources = {
    // a fresh private key, registered with the runtime when there is one
    R"JS(function $$PNEW(d) {
  var s = Symbol(d);
  var r = globalThis[Symbol.for("distribufy.privateNames")];
  if (r !== undefined) r.add(s);
  return s;
})JS",
    // `#x = v` on o; `n`: v is an anonymous function definition named "#x"
    R"JS(function $$PFIELD(o, k, v, n) {
  if (Object.prototype.hasOwnProperty.call(o, k))
    throw new TypeError("Cannot initialize " + k.description + " twice on the same object");
  if (n) $$PNAME(v, k.description);
  Object.defineProperty(o, k, { value: v, writable: true, enumerable: false, configurable: true });
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
    // first static block: the class record {n: name, m: [[key, descriptor]]}
    // of the instance private methods/accessors; the static ones are defined
    // on the class. l: [key, kind, f, g]: kind 0/1 method/accessor (f getter,
    // g setter), +2 static
    R"JS(function $$PTAKE(c, l) {
  var r = { n: c.name === "" ? "anonymous" : c.name, m: [] }, i, e, x, d;
  for (i = 0; i < l.length; i += 1) {
    e = l[i];
    x = e[0].description;
    if (e[1] % 2 === 0) {
      Object.defineProperty(e[2], "name", { value: x });
      d = { value: e[2], writable: false, enumerable: false, configurable: true };
    } else {
      if (e[2] !== undefined) Object.defineProperty(e[2], "name", { value: "get " + x });
      if (e[3] !== undefined) Object.defineProperty(e[3], "name", { value: "set " + x });
      d = { get: e[2], set: e[3], enumerable: false, configurable: true };
    }
    if (e[1] < 2) r.m.push([e[0], d]);
    else Object.defineProperty(c, e[0], d);
  }
  return r;
})JS",
    // installs the private methods/accessors on a new instance
    R"JS(function $$PINST(o, r) {
  var i;
  for (i = 0; i < r.m.length; i += 1)
    if (Object.prototype.hasOwnProperty.call(o, r.m[i][0]))
      throw new TypeError("Cannot initialize private methods of class " + r.n + " twice on the same object");
  for (i = 0; i < r.m.length; i += 1) Object.defineProperty(o, r.m[i][0], r.m[i][1]);
})JS",
    // brand check for a read (or call): returns o; r: the class record of a
    // method/accessor (undefined for a field), s: static
    R"JS(function $$PB(o, k, r, s) {
  if (Object(o) !== o || !Object.prototype.hasOwnProperty.call(o, k)) {
    if (r === undefined)
      throw new TypeError("Cannot read private member " + k.description + " from an object whose class did not declare it");
    throw new TypeError((s ? "Receiver must be class " : "Receiver must be an instance of class ") + r.n);
  }
  if (r !== undefined) {
    var d = Object.getOwnPropertyDescriptor(o, k);
    if (!("value" in d) && d.get === undefined) throw new TypeError("'" + k.description + "' was defined without a getter");
  }
  return o;
})JS",
    // `o.#x = v`, checked after v was evaluated; returns v
    R"JS(function $$PS(o, k, v, r, s) {
  if (Object(o) !== o || !Object.prototype.hasOwnProperty.call(o, k)) {
    if (r === undefined)
      throw new TypeError("Cannot write private member " + k.description + " to an object whose class did not declare it");
    throw new TypeError((s ? "Receiver must be class " : "Receiver must be an instance of class ") + r.n);
  }
  var d = Object.getOwnPropertyDescriptor(o, k);
  if ("value" in d) {
    if (!d.writable) throw new TypeError("Private method '" + k.description + "' is not writable");
  } else if (d.set === undefined) throw new TypeError("'" + k.description + "' was defined without a setter");
  o[k] = v;
  return v;
})JS",
    // a reference to o.#x for compound assignment, ++ and destructuring
    R"JS(function $$PR(o, k, r, s) {
  return {
    get v() { return $$PB(o, k, r, s)[k]; },
    set v(x) { $$PS(o, k, x, r, s); }
  };
})JS",
    // `#x in o`
    R"JS(function $$PIN(o, k) {
  if (Object(o) !== o) throw new TypeError("Cannot use 'in' operator to search for '" + k.description + "' in " + String(o));
  return Object.prototype.hasOwnProperty.call(o, k);
})JS",
};

struct PrivInfo {
  Atom key;
  enum Kind { Field, Method, Accessor } kind = Field;
  bool isStatic = false;
  Atom record; ///< the class's `$pc` (methods and accessors)
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
  if (!n)
    return false;
  if (isa<YieldExpression>(n) || isa<AwaitExpression>(n))
    return true;
  if (isFunction(n))
    return false;
  bool found = false;
  forEachChild(n, [&](const Node *c) { found = found || hasYieldOrAwait(c); });
  return found;
}

/// `super` in a method's own code (arrows included).
bool usesSuper(const Node *n) {
  bool found = false;
  forEachChild(n, [&](const Node *c) {
    if (found)
      return;
    if (isa<Super>(c))
      found = true;
    else if (!(isFunction(c) && !isa<ArrowFunctionExpression>(c)) && !isClass(c))
      found = usesSuper(c);
  });
  return found;
}

bool hasNewTarget(const Node *n) {
  if (!n)
    return false;
  if (auto *mp = dynCast<MetaProperty>(n))
    return mp->meta == "new";
  if (isFunction(n) && !isa<ArrowFunctionExpression>(n))
    return false;
  bool found = false;
  forEachChild(n, [&](const Node *c) { found = found || hasNewTarget(c); });
  return found;
}

/// Code that may run something or read `this` when evaluated (a parameter
/// list of a base constructor): calls, this, super, assignments.
bool mayRunCode(const Node *n) {
  if (!n)
    return false;
  if (isFunction(n) || isClass(n))
    return isClass(n);
  if (isCallLike(n) || isa<ThisExpression>(n) || isa<Super>(n) || isa<AssignmentExpression>(n) ||
      isa<UpdateExpression>(n) || isa<MetaProperty>(n))
    return true;
  bool found = false;
  forEachChild(n, [&](const Node *c) { found = found || mayRunCode(c); });
  return found;
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
    if (used_[Ref])
      use(Brand), use(Set);
    if (used_[Field])
      use(Name);
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
          // "$$PIN" is a prefix of "$$PINST": only whole names
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

  static bool containsPrivate(const Node *n) {
    if (isa<PrivateName>(n))
      return true;
    bool found = false;
    forEachChild(n, [&](const Node *c) { found = found || containsPrivate(c); });
    return found;
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
  /// The extra brand-check arguments: the class record and static flag of
  /// a method/accessor.
  void recordArgs(const PrivInfo &info, std::vector<Node *> &args) {
    if (info.kind == PrivInfo::Field)
      return;
    args.push_back(b_.ident(info.record));
    args.push_back(b_.number(info.isStatic ? 1 : 0));
  }
  /// `$pb(obj, k)[k]`
  Node *readMember(Node *obj, const Node *pn) {
    const PrivInfo *info = lookup(pn);
    if (!info)
      return obj;
    std::vector<Node *> args{obj, b_.ident(info->key)};
    recordArgs(*info, args);
    return b_.index(callH(Brand, args), b_.ident(info->key));
  }
  /// `$pr(obj, k).v`
  Node *refMember(Node *obj, const Node *pn) {
    const PrivInfo *info = lookup(pn);
    if (!info)
      return obj;
    std::vector<Node *> args{obj, b_.ident(info->key)};
    if (info->kind != PrivInfo::Field)
      recordArgs(*info, args);
    return b_.member(callH(Ref, args), "v");
  }

  /// The target of compound assignment / `++`: a field is read (brand
  /// check, "Cannot read ...") then written as `$pb(obj, k)[k]`; a method
  /// or accessor through `$pr(obj, k).v`, whose setter checks the write.
  Node *compoundTarget(Node *obj, const Node *pn) {
    const PrivInfo *info = lookup(pn);
    if (info && info->kind == PrivInfo::Field)
      return readMember(obj, pn);
    return refMember(obj, pn);
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
      if (isPrivateMember(n)) {
        auto *me = cast<MemberExpression>(n);
        visit(me->object);
        b_.setRange(n->range);
        slot = refMember(me->object, me->property);
        return;
      }
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
      if (isPrivateMember(n)) {
        auto *me = cast<MemberExpression>(n);
        visit(me->object);
        b_.setRange(n->range);
        slot = readMember(me->object, me->property);
        return;
      }
      break;
    case NodeKind::BinaryExpression: {
      auto *be = cast<BinaryExpression>(n);
      if (be->op == BinaryOp::In && isa<PrivateName>(be->left)) {
        visit(be->right);
        const PrivInfo *info = lookup(be->left);
        if (!info)
          return;
        b_.setRange(n->range);
        slot = callH(In, {be->right, b_.ident(info->key)});
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
          const PrivInfo *info = lookup(me->property);
          if (!info)
            return;
          b_.setRange(n->range);
          std::vector<Node *> args{me->object, b_.ident(info->key), ae->right};
          recordArgs(*info, args);
          slot = callH(Set, args);
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
      // no optional link before: the brand check in place
      auto *me = cast<MemberExpression>(links[p]);
      Node *read = readMember(me->object, me->property);
      auto *rm = cast<MemberExpression>(read);
      me->object = rm->object;
      me->property = rm->property;
      me->computed = true;
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
    Atom record;
    for (Node *mem : ce->body) {
      Node *key = nullptr;
      bool isStatic = false;
      PrivInfo::Kind kind = PrivInfo::Field;
      if (auto *md = dynCast<MethodDefinition>(mem)) {
        key = md->key, isStatic = md->isStatic;
        kind = md->kind == MethodKind::Method ? PrivInfo::Method : PrivInfo::Accessor;
      } else if (auto *pd = dynCast<PropertyDefinition>(mem)) {
        key = pd->key, isStatic = pd->isStatic;
      }
      if (!isa<PrivateName>(key))
        continue;
      Atom name = cast<PrivateName>(key)->name;
      if (env.names.count(name))
        continue;
      PrivInfo info;
      info.key = b_.freshName(fmt::format("k_{}_", name.str()));
      info.kind = kind;
      info.isStatic = isStatic;
      if (kind != PrivInfo::Field) {
        if (!record)
          record = b_.freshName("pc");
        info.record = record;
      }
      env.names.emplace(name, info);
      env.order.push_back(name);
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

    std::vector<Node *> members, pending;
    if (record)
      for (Node *mem : ce->body)
        if (auto *md = dynCast<MethodDefinition>(mem);
            md && !md->isStatic && isa<PrivateName>(md->key)) {
          pending.push_back(callH(Inst, {b_.make<ThisExpression>(), b_.ident(record)}));
          break;
        }
    // private methods/accessors: [key, kind, f, g] entries of $ptake, in
    // source order (a getter and setter pair shares one entry)
    std::vector<Node *> entries;
    std::unordered_map<Atom, ArrayExpression *, AtomHash> accessorEntry;
    MethodDefinition *ctor = nullptr;
    for (Node *mem : ce->body) {
      if (auto *md = dynCast<MethodDefinition>(mem)) {
        if (md->kind == MethodKind::Constructor)
          ctor = md;
        if (auto *pn = dynCast<PrivateName>(md->key)) {
          if (usesSuper(md->value)) {
            unsupported(md, "`super` in a private method or accessor");
            return cls;
          }
          const PrivInfo &info = env.names.at(pn->name);
          int kind = (md->kind == MethodKind::Method ? 0 : 1) + (md->isStatic ? 2 : 0);
          if (md->kind == MethodKind::Method) {
            auto *e = b_.make<ArrayExpression>();
            e->elements = b_.list({b_.ident(info.key), b_.number(kind), md->value});
            entries.push_back(e);
          } else {
            ArrayExpression *&e = accessorEntry[pn->name];
            if (!e) {
              e = b_.make<ArrayExpression>();
              e->elements =
                  b_.list({b_.ident(info.key), b_.number(kind), b_.voidZero(), b_.voidZero()});
              entries.push_back(e);
            }
            e->elements[md->kind == MethodKind::Get ? 2 : 3] = md->value;
          }
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
        Node *value = pd->value ? pd->value : b_.voidZero();
        bool named = pd->value && isAnonymousFunctionDefinition(pd->value);
        std::vector<Node *> args{b_.make<ThisExpression>(), b_.ident(info.key), value};
        if (named)
          args.push_back(b_.number(1));
        Node *init = callH(Field, args);
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
    if (record) {
      auto *l = b_.make<ArrayExpression>();
      l->elements = b_.list(entries);
      first.push_back(
          b_.exprStmt(b_.assign(b_.ident(record), callH(Take, {b_.make<ThisExpression>(), l}))));
    }
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

    // the keys
    std::vector<Node *> decls;
    std::vector<std::pair<Atom, Atom>> keys; // (key binding, name)
    for (Atom name : env.order)
      keys.push_back({env.names.at(name).key, name});
    auto *kd = b_.make<VariableDeclaration>();
    kd->kind = VarKind::Const;
    std::vector<Node *> declarators;
    for (auto &[key, name] : keys) {
      auto *d = b_.make<VariableDeclarator>();
      d->id = b_.ident(key);
      d->init = callH(New, {b_.string(fmt::format("#{}", name.str()))});
      declarators.push_back(d);
    }
    kd->declarations = b_.list(declarators);
    decls.push_back(kd);
    if (record)
      decls.push_back(b_.declare(VarKind::Let, b_.ident(record), nullptr));
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
