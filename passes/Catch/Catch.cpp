//===- Catch.cpp - Exceptional-continuation instrumentation ---------------===//
//
// catch: every function that can reach a checkpoint records its own frame
// when a capture unwinds the stack through it, and gets a restore twin that
// re-enters it at the recorded call site. The protocol (what emitted code
// calls, what frames hold, how restore proceeds) is runtime/PROTOCOL.md.
//
// Fast body (the code that runs normally), for each function with call
// sites ("non-flat"):
//   - every local (parameters aside) is hoisted to one `var` list, renamed
//     when two block-level bindings share a name, so the handler sees them;
//     declarations become assignments (`let x;` in a loop resets to
//     undefined each iteration as before);
//   - `$cs = k;` is stored before call site k (a statement with a call, `new`
//     or tagged template; ANF leaves at most one per statement);
//   - one try/catch around the body: on a `Capture`, a switch on `$cs` pushes
//     the frame (code id, site, env, this, new.target, arguments, own name,
//     home object, the slots live after the site, and the site's callee for
//     the runtime's identity check), then rethrows;
//   - every user `catch` first rethrows a `Capture` (so does desugar's
//     completion-record catch: `finally` code never runs during a capture);
//   - call sites of the array higher-order functions (`o.map(f)` ...,
//     `Array.from(a[, f])`) choose the runtime's instrumented version when `o`
//     is an array with the original method, so callbacks (and the iterators
//     of the program's own iterables that Array.from walks) can checkpoint.
// Functions without call sites are left as they are (flatness), except for
// the Capture rethrow in their catch clauses. Generators and async functions
// are not instrumented: a capture through them fails with a clear error.
//
// Restore body (`$R[code](env, self, home)` returns it; runs only on resume):
// the same statements guarded by a local `$r` ("restoring"): statements
// before the target site are skipped, `if`s take the branch holding the
// target, loops are re-entered without testing, a `try` whose handler holds
// the target is re-entered by throwing into it; at the target the call is
// replaced by `($r = false, $k.next())`, after which everything runs
// normally. Slots live at the site are reloaded first; `arguments` and
// `new.target` come from the frame, `this` from the call; a method using
// `super` gets a home object through an object-literal method.
//
// Program: becomes the linker `module.exports = function $link($d) {...}`
// returning the factory table, the restore table, the module function's
// code id and the frame schema (Module::frameSchema, also embedded).
//
// Requires: ClosureConverted, Modularized. Establishes: CatchInstrumented.
// Invalidates: Scopes.
// Hoisting keeps the temporal dead zone and `const` of uncaptured bindings
// (keepTdz); captured ones keep theirs from closure conversion. Known
// inexactness (documented): a restored function's `arguments` is unmapped.
//
//===----------------------------------------------------------------------===//
#include "distribufy/Backend/Emitter.h"
#include "distribufy/Backend/FrameSchema.h"
#include "distribufy/Backend/SchemaWriter.h"
#include "distribufy/Config.h"
#include "distribufy/IR/IRBuilder.h"
#include "distribufy/IR/Scope.h"
#include "distribufy/IR/ScopeAnalysis.h"
#include "passes/Passes.h"

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

namespace distribufy {

namespace {

using namespace ir;

constexpr std::string_view kHofMethods[] = {"map",   "forEach", "filter",    "reduce", "some",
                                            "every", "find",    "findIndex", "sort",   "flatMap"};

Node *&bodySlot(Node *fn) {
  switch (fn->kind) {
  case NodeKind::FunctionDeclaration:
    return cast<FunctionDeclaration>(fn)->body;
  case NodeKind::FunctionExpression:
    return cast<FunctionExpression>(fn)->body;
  default:
    return cast<ArrowFunctionExpression>(fn)->body;
  }
}
NodeList &paramsOf(Node *fn) {
  switch (fn->kind) {
  case NodeKind::FunctionDeclaration:
    return cast<FunctionDeclaration>(fn)->params;
  case NodeKind::FunctionExpression:
    return cast<FunctionExpression>(fn)->params;
  default:
    return cast<ArrowFunctionExpression>(fn)->params;
  }
}
ScopeId scopeOfFn(const Node *fn) {
  switch (fn->kind) {
  case NodeKind::FunctionDeclaration:
    return cast<FunctionDeclaration>(fn)->scope;
  case NodeKind::FunctionExpression:
    return cast<FunctionExpression>(fn)->scope;
  default:
    return cast<ArrowFunctionExpression>(fn)->scope;
  }
}
Node *idOf(Node *fn) {
  if (auto *fe = dynCast<FunctionExpression>(fn))
    return fe->id;
  if (auto *fd = dynCast<FunctionDeclaration>(fn))
    return fd->id;
  return nullptr;
}
bool fnFlag(const Node *fn, bool gen) {
  switch (fn->kind) {
  case NodeKind::FunctionDeclaration:
    return gen ? cast<FunctionDeclaration>(fn)->isGenerator
               : cast<FunctionDeclaration>(fn)->isAsync;
  case NodeKind::FunctionExpression:
    return gen ? cast<FunctionExpression>(fn)->isGenerator : cast<FunctionExpression>(fn)->isAsync;
  default:
    return gen ? cast<ArrowFunctionExpression>(fn)->isGenerator
               : cast<ArrowFunctionExpression>(fn)->isAsync;
  }
}

/// The static text of a property key, if it has one.
bool keyText(const Node *key, bool computed, std::string &out) {
  if (auto *id = dynCast<Identifier>(key); id && !computed) {
    out = std::string(id->name.str());
    return true;
  }
  if (auto *s = dynCast<StringLiteral>(key)) {
    out = std::string(s->value.str());
    return true;
  }
  if (auto *n = dynCast<NumericLiteral>(key); n && !computed) {
    out = std::string(n->raw.str());
    return true;
  }
  return false;
}

/// What the factory knows about one function it builds.
struct FnContext {
  uint32_t code = 0;
  Atom envParam; ///< the factory's environment parameter, if any
  /// Environments the factory creates before its value (a class scope's
  /// `{ $parent: <envParam>, C: ... }`), outermost first: (name, parent).
  /// Their functions' frames store the innermost one; restore code finds
  /// the others through `$parent`.
  std::vector<std::pair<Atom, Atom>> prefixEnvs;
  /// The environment a frame stores: the innermost prefix env, else envParam.
  Atom frameEnv() const { return prefixEnvs.empty() ? envParam : prefixEnvs.back().first; }
  Atom classVar;         ///< for class members: the factory's class variable
  bool isStatic = false; ///< static class member
  std::string kind;      ///< schema kind
  std::string name;      ///< schema name
};

/// One call site while instrumenting a function.
struct SiteRec {
  Node *stmt = nullptr;
  Node **call = nullptr;  ///< the slot holding the call expression
  Node *callee = nullptr; ///< for the identity check (cloned per use)
  Node *calleeKey = nullptr;
  /// `Reflect.apply(f, t, args)`: `t`, the callee when `f` is
  /// Function.prototype.call/apply (a spread call of `g.call(...)`).
  Node *calleeThis = nullptr;
  schema::Site info;
};

class Instrumenter {
public:
  Instrumenter(Module &m, DiagnosticEngine &d) : m_(m), diags_(d), st_(*m.scopes()), b_(m) {}
  bool run();

private:
  // ---- program level ----
  /// Splits the closure pass's program: the table, the module code's id,
  /// the helpers (before the table) and the shared steps (after it).
  bool findTable(Program *prog, ArrayExpression *&table, Atom &tableName, uint32_t &moduleCode,
                 std::vector<Node *> &helpers, std::vector<Node *> &sharedSteps);
  void instrumentFactory(uint32_t code, FunctionExpression *fac);
  Node *instrumentValue(Node *value, FnContext ctx, std::vector<Node *> &classPrefix);

  // ---- one function ----
  Node *instrumentFunction(Node *fn, const FnContext &ctx);
  bool isExemptCall(const Node *call) const;
  std::string sourceCalleeText(const Node *call) const;
  std::pair<Node *, Atom> methodTemp(Node *call);
  static bool isPlainReference(const Node *n);
  void collectSlots(Node *fn);
  void addSlot(Identifier *id, bool fixedName = false);
  void collectForeignNames(Node *fn);
  /// A body's directive prologue and the rest: the prologue stays first
  /// whatever the instrumentation puts at the start of the body.
  static std::pair<std::vector<Node *>, std::vector<Node *>>
  splitDirectives(const BlockStatement *blk);
  void insertAfterDirectives(BlockStatement *blk, const std::vector<Node *> &stmts);
  void copyParamsIntoVars(BlockStatement *blk);
  struct TdzScope;
  void keepTdz(BlockStatement *body);
  void tdzStatement(Node *st, TdzScope &scope);
  void tdzExpression(Node *&slot, const TdzScope &scope);
  bool isLocalTdz(BindingId bid) const;
  Node *tdzSlotIdent(BindingId bid);
  void renameAndConvert(Node *&slot, bool inList, std::vector<Node *> *out);
  void convertList(NodeList &list);
  Node *convertStatement(Node *st, std::vector<Node *> *out);
  void rewriteCatch(CatchClause *cc, bool rethrowCapture);
  void renameIdentifiers(Node *n);
  void numberSites(NodeList &list);
  Node *numberStatement(Node *st, std::vector<Node *> &out);
  Node **findSiteCall(Node *&slot, int &count);
  void rewriteHof(SiteRec &site);
  using Bits = std::vector<uint64_t>;
  void usesInto(Node *n, Bits &bits);
  void defsInto(Node *st, Bits &bits);
  Bits liveBefore(Node *st, const Bits &out);
  void rewriteCatches(Node *n);
  bool hasSites(Node *body);
  Node *handler(const FnContext &ctx, bool restore, Node *fn);
  Node *frameCall(const FnContext &ctx, bool restore, Node *fn, const SiteRec *site, Atom x);
  Node *restoreFactory(Node *fn, const FnContext &ctx, NodeList fastBody);
  std::vector<Node *> guardList(const NodeList &list);
  Node *guardStatement(Node *st);
  Node *rangeTest(uint32_t lo, uint32_t hi);
  void restoreRewrite(Node *&slot, bool ctor);

  // ---- helpers ----
  Node *d(std::string_view member) { return b_.member(b_.ident(dName_), member); }
  Node *undef() { return b_.voidZero(); }
  Node *array(const std::vector<Node *> &items) {
    auto *a = b_.make<ArrayExpression>();
    a->elements = b_.list(items);
    return a;
  }
  Node *call(Node *callee, std::vector<Node *> args) {
    auto *c = b_.make<CallExpression>();
    c->callee = callee;
    c->arguments = b_.list(args);
    return c;
  }
  Node *clone(const Node *n) { return n ? cloneTree(n, m_) : nullptr; }
  schema::Code &codeEntry(uint32_t code) {
    if (schema_.codes.size() <= code)
      schema_.codes.resize(code + 1);
    if (!schema_.codes[code])
      schema_.codes[code] = schema::Code{};
    return *schema_.codes[code];
  }
  void lineCol(SourceRange r, uint32_t &line, uint32_t &col) {
    if (!r.valid()) {
      line = col = 0;
      return;
    }
    LineColumn lc = m_.sourceManager().lineColumn(m_.file(), r.begin);
    line = lc.line;
    col = lc.column;
  }
  void fail(const Node *n, std::string what) {
    diags_.report(DiagId::err_pass_failed, m_.file(), n ? n->range : SourceRange{}, "catch",
                  std::move(what));
    ok_ = false;
  }

  Module &m_;
  DiagnosticEngine &diags_;
  ScopeTable &st_;
  IRBuilder b_;
  bool ok_ = true;
  schema::FrameSchema schema_;
  Atom dName_, tableName_, restoreName_;
  std::unordered_set<std::string> exempt_; ///< helper names: calls never capture
  std::vector<Node *> restores_;           ///< by code id

  // Per-function state.
  std::unordered_map<BindingId, Atom> slotOf_;
  /// Body `var`s named like a parameter of a function with a separate
  /// parameter scope (non-simple parameters), with that parameter: such a
  /// var starts with the parameter's value, and its slot has its own name.
  std::vector<std::pair<BindingId, BindingId>> varParamCopies_;
  std::vector<Atom> slots_;
  std::unordered_set<std::string> slotNames_;
  /// Names this function's code resolves outside it (globals, outer
  /// bindings): a hoisted block-level slot must not take one of them.
  std::unordered_set<std::string> foreignNames_;
  /// Uncaptured let/const/class slots that some code may read or write
  /// before their declaration ran: they start as `$d.uninit` and those
  /// accesses are checked (see keepTdz).
  std::unordered_set<BindingId> tdzChecked_;
  std::unordered_map<BindingId, BlockStatement *> tdzBlock_; ///< the declaring block
  std::unordered_set<const Node *> tdzTargets_;              ///< assignment targets seen
  std::vector<SiteRec> sites_;
  std::unordered_map<const Node *, std::pair<uint32_t, uint32_t>> siteRange_;
  std::vector<Bits> siteLive_;    ///< per site: live slots when the call returns
  std::vector<Bits> handlerLive_; ///< live-in of the enclosing catch handlers
  std::vector<Bits> loopExit_;    ///< live after the enclosing loops
  std::unordered_map<Atom, Bits, AtomHash> labelExit_;
  std::unordered_map<Atom, uint32_t, AtomHash> slotIndex_;
  int loopDepth_ = 0;
  /// Stress builds: `$S`, the link API's mutable `$d.stressCell` ({site,
  /// paused}); `$sp`, the local that remembers a function paused its stress
  /// points (entered outside a call site).
  Atom stressCellName_, spName_;
  bool stressEntry_ = false;         ///< this function takes the call-site flag
  Node *stressClearAfter_ = nullptr; ///< `$S.site = 0` to place after the site just numbered
  Node *stressFlag(int v) {
    return b_.exprStmt(b_.assign(b_.member(b_.ident(stressCellName_), "site"), b_.number(v)));
  }
  /// `T = O.name` statements seen so far (anf's method-call temporaries),
  /// with the statement list each was in: a temporary is known only in its
  /// own list, since one assigned in a nested statement may not have run (a
  /// branch, a loop body, a try block before its handler), and a loop
  /// reaches its body's start from its end.
  struct MemberTemp {
    Node *object;
    Atom name;
    uint32_t list;
  };
  std::unordered_map<Atom, MemberTemp, AtomHash> memberTemps_;
  uint32_t currentList_ = 0, listCount_ = 0;
  std::vector<uint32_t> loopStack_;
  Node *curFn_ = nullptr;
  std::unordered_map<const Node *, size_t> siteOfStmt_;
  Atom thisName_, csName_, rName_, kName_, frName_, xName_, ntName_, argsName_, selfName_,
      homeName_;
  bool usesArgs_ = false, usesNewTarget_ = false, usesSuperProp_ = false, isCtor_ = false,
       maybeCtor_ = false, classHasFields_ = false, derivedCtor_ = false, isArrow_ = false;
};

// ---------------------------------------------------------------------------
// Code hashes (FrameSchema.def `hash`, runtime/PROTOCOL.md §4)
// ---------------------------------------------------------------------------

/// The text a code hash covers: the code's text as closure conversion left
/// it (this pass's instrumentation is a function of that text and of the
/// compiler version, which the hash also covers), normalized so that an
/// edit elsewhere in the program leaves it alone:
///  - names the passes generate (`$t3`, `$env4_1`, `$fac2`, `$F5`) are
///    numbered by module-wide counters: every `$`-name ending in a digit
///    becomes its order of first appearance in this text (a renaming, so
///    two texts normalize alike only if they are the same up to it);
///  - the ids in references to the factory table (`$F5[7](env)`) become
///    `#`: a nested function is a code of its own with its own hash, so
///    editing its body does not change its parent's. What a nested function
///    changes in its parent (a newly captured variable moves into the
///    parent's environment object) is in the parent's text.
/// String literals are copied as they are.
std::string normalizedCodeText(std::string_view text, std::string_view table) {
  auto isIdent = [](unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '$' || c >= 0x80;
  };
  std::string out;
  out.reserve(text.size());
  std::unordered_map<std::string_view, size_t> renamed;
  size_t i = 0;
  const size_t n = text.size();
  while (i < n) {
    char c = text[i];
    if (c == '"' || c == '\'') {
      size_t j = i + 1;
      while (j < n && text[j] != c)
        j += text[j] == '\\' ? 2 : 1;
      j = std::min(j + 1, n);
      out.append(text.substr(i, j - i));
      i = j;
      continue;
    }
    if (!isIdent(static_cast<unsigned char>(c))) {
      out += c;
      ++i;
      continue;
    }
    size_t j = i;
    while (j < n && isIdent(static_cast<unsigned char>(text[j])))
      ++j;
    std::string_view tok = text.substr(i, j - i);
    i = j;
    if (tok.size() < 2 || tok[0] != '$' || tok.back() < '0' || tok.back() > '9') {
      out.append(tok);
      continue;
    }
    auto [it, added] = renamed.emplace(tok, renamed.size());
    out += fmt::format("$#{}", it->second);
    if (tok == table && i < n && text[i] == '[') {
      size_t k = i + 1;
      while (k < n && text[k] >= '0' && text[k] <= '9')
        ++k;
      if (k > i + 1 && k < n && text[k] == ']') {
        out += "[#]";
        i = k + 1;
      }
    }
  }
  return out;
}

/// FNV-1a 64 over the parts (each followed by a separator byte), as 16 hex digits.
std::string fnv1aHex(std::initializer_list<std::string_view> parts) {
  uint64_t h = 1469598103934665603ull;
  for (std::string_view s : parts) {
    for (unsigned char c : s) {
      h ^= c;
      h *= 1099511628211ull;
    }
    h ^= 0xff;
    h *= 1099511628211ull;
  }
  return fmt::format("{:016x}", h);
}

// ---------------------------------------------------------------------------
// Program level
// ---------------------------------------------------------------------------

bool Instrumenter::findTable(Program *prog, ArrayExpression *&table, Atom &tableName,
                             uint32_t &moduleCode, std::vector<Node *> &helpers,
                             std::vector<Node *> &sharedSteps) {
  table = nullptr;
  Node *moduleCall = nullptr;
  for (Node *st : prog->body) {
    if (auto *fd = dynCast<FunctionDeclaration>(st)) {
      helpers.push_back(st);
      if (auto *id = dynCast<Identifier>(fd->id))
        exempt_.insert(std::string(id->name.str()));
      continue;
    }
    if (auto *vd = dynCast<VariableDeclaration>(st); vd && vd->declarations.size() == 1) {
      auto *decl = cast<VariableDeclarator>(vd->declarations[0]);
      if (auto *arr = dynCast<ArrayExpression>(decl->init); arr && !table) {
        table = arr;
        tableName = cast<Identifier>(decl->id)->name;
        continue;
      }
      // `const $step = $F[k]();`: a step function shared by every call
      // (closure conversion), made once the table exists.
      if (auto *c = dynCast<CallExpression>(decl->init); c && table)
        if (auto *idx = dynCast<MemberExpression>(c->callee))
          if (auto *t = dynCast<Identifier>(idx->object); t && t->name == tableName) {
            sharedSteps.push_back(st);
            continue;
          }
      // Closure helpers may also be constants: the TDZ sentinel, which a
      // checkpoint may hold in an environment, becomes a registered symbol
      // so that it serializes (by its key) and is the same after a resume.
      if (auto *c = dynCast<CallExpression>(decl->init))
        if (auto *callee = dynCast<Identifier>(c->callee); callee && callee->name == "Symbol") {
          b_.setRange(c->range);
          c->callee = b_.member(b_.ident("Symbol"), "for");
          c->arguments = b_.list({b_.string("distribufy.uninitialized")});
        }
      helpers.push_back(st);
      if (auto *id = dynCast<Identifier>(decl->id))
        exempt_.insert(std::string(id->name.str()));
      continue;
    }
    if (auto *es = dynCast<ExpressionStatement>(st))
      if (auto *c = dynCast<CallExpression>(es->expression))
        if (auto *callee = dynCast<MemberExpression>(c->callee))
          if (auto *inner = dynCast<CallExpression>(callee->object))
            if (auto *idx = dynCast<MemberExpression>(inner->callee))
              if (auto *num = dynCast<NumericLiteral>(idx->property)) {
                moduleCall = st;
                moduleCode = static_cast<uint32_t>(num->value);
                continue;
              }
    // The closure pass's rebuild-test hook and directives are dropped: the
    // runtime owns the factory table.
  }
  if (!table || !moduleCall) {
    fail(prog, "expected the output of closure conversion of a modularized program");
    return false;
  }
  return true;
}

bool Instrumenter::run() {
  Program *prog = m_.program;
  if (!prog)
    return true;
  ArrayExpression *table = nullptr;
  uint32_t moduleCode = 0;
  std::vector<Node *> helpers, sharedSteps;
  if (!findTable(prog, table, tableName_, moduleCode, helpers, sharedSteps))
    return false;
  dName_ = b_.freshName("d");
  restoreName_ = b_.freshName("R");
  csName_ = b_.freshName("cs");
  rName_ = b_.freshName("r");
  kName_ = b_.freshName("k");
  frName_ = b_.freshName("fr");
  xName_ = b_.freshName("x");
  ntName_ = b_.freshName("nt");
  argsName_ = b_.freshName("args");
  selfName_ = b_.freshName("self");
  thisName_ = b_.freshName("this");
  homeName_ = b_.freshName("home");
  if (m_.stressCheckpoints) {
    stressCellName_ = b_.freshName("S");
    spName_ = b_.freshName("sp");
  }
  exempt_.insert(std::string(tableName_.str()));
  exempt_.insert(std::string(dName_.str()));

  schema_.format = schema::kSchemaFormat;
  schema_.abi = schema::kRuntimeAbi;
  schema_.compiler = DISTRIBUFY_VERSION;
  schema_.source = std::string(m_.fileName());
  schema_.moduleCode = moduleCode;
  for (const Module::PersistId &p : m_.persistIds) // found by the persist pass
    schema_.persist.push_back({p.id, p.line, p.col});
  // The build: compiler version, layout flags and the source text (FNV-1a).
  uint64_t h = 1469598103934665603ull;
  auto mix = [&](std::string_view s) {
    for (unsigned char c : s) {
      h ^= c;
      h *= 1099511628211ull;
    }
    h ^= 0xff;
    h *= 1099511628211ull;
  };
  mix(DISTRIBUFY_VERSION);
  mix(m_.stressCheckpoints ? "stress" : "");
  mix(m_.source());
  schema_.build = fmt::format("{:016x}", h);
  // Code hashes, from the text before instrumentation. A class member's
  // covers its own function (with its key, kind and placement); the class's
  // covers its whole factory, members included.
  std::string_view flags = m_.stressCheckpoints ? "stress" : "";
  std::function<void(const Node *)> hashMembers = [&](const Node *n) {
    if (auto *md = dynCast<MethodDefinition>(n)) {
      auto it = m_.codeIds.find(md->value);
      if (it != m_.codeIds.end())
        codeEntry(it->second).hash =
            fnv1aHex({DISTRIBUFY_VERSION, flags, "member", md->isStatic ? "static" : "",
                      std::to_string(static_cast<int>(md->kind)), md->computed ? "computed" : "",
                      normalizedCodeText(emitNode(md->key), tableName_.str()),
                      normalizedCodeText(emitNode(md->value), tableName_.str())});
    }
    forEachChild(n, hashMembers);
  };
  for (size_t i = 0; i < table->elements.size(); ++i)
    if (auto *fac = dynCast<FunctionExpression>(table->elements[i])) {
      codeEntry(static_cast<uint32_t>(i)).hash = fnv1aHex(
          {DISTRIBUFY_VERSION, flags, "code", normalizedCodeText(emitNode(fac), tableName_.str())});
      hashMembers(fac);
    }

  restores_.assign(table->elements.size(), nullptr);
  schema_.codes.resize(table->elements.size());
  for (size_t i = 0; i < table->elements.size(); ++i)
    if (auto *fac = dynCast<FunctionExpression>(table->elements[i]))
      instrumentFactory(static_cast<uint32_t>(i), fac);
  if (!ok_)
    return false;
  if (moduleCode < schema_.codes.size() && schema_.codes[moduleCode]) {
    schema_.codes[moduleCode]->name = "<top level>";
    schema_.codes[moduleCode]->kind = "module";
  }

  // module.exports = function $link($d) { helpers; const $F = [...];
  //   const $R = [...]; return {abi, factories, restores, moduleCode, schema}; };
  b_.setRange({});
  auto *rtable = b_.make<ArrayExpression>();
  rtable->elements = b_.list(restores_);
  std::vector<Node *> body(helpers.begin(), helpers.end());
  if (m_.stressCheckpoints)
    body.push_back(b_.declare(VarKind::Const, b_.ident(stressCellName_), d("stressCell")));
  body.push_back(b_.declare(VarKind::Const, b_.ident(tableName_), table));
  body.push_back(b_.declare(VarKind::Const, b_.ident(restoreName_), rtable));
  body.insert(body.end(), sharedSteps.begin(), sharedSteps.end());
  auto prop = [&](std::string_view key, Node *value) -> Node * {
    return b_.property(b_.ident(key), value);
  };
  auto *result = b_.make<ObjectExpression>();
  std::string json = writeSchemaJson(schema_, false);
  result->properties =
      b_.list({prop("abi", b_.number(schema::kRuntimeAbi)), prop("factories", b_.ident(tableName_)),
               prop("restores", b_.ident(restoreName_)), prop("moduleCode", b_.number(moduleCode)),
               prop("schema", call(b_.member(b_.ident("JSON"), "parse"), {b_.string(json)}))});
  auto *ret = b_.make<ReturnStatement>();
  ret->argument = result;
  body.push_back(ret);
  auto *link = b_.make<FunctionExpression>();
  link->id = b_.ident("$link");
  link->params = b_.list({b_.ident(dName_)});
  link->body = b_.block(body);
  prog->body = b_.list({b_.exprStmt(b_.assign(b_.member(b_.ident("module"), "exports"), link))});
  m_.setFrameSchema(std::make_unique<schema::FrameSchema>(std::move(schema_)));
  return ok_;
}

void Instrumenter::instrumentFactory(uint32_t code, FunctionExpression *fac) {
  auto *body = cast<BlockStatement>(fac->body);
  FnContext ctx;
  ctx.code = code;
  if (!fac->params.empty())
    ctx.envParam = cast<Identifier>(fac->params[0])->name;
  std::vector<Node *> out;
  for (Node *st : body->body) {
    auto *ret = dynCast<ReturnStatement>(st);
    if (!ret || !ret->argument) {
      // `const $env = { $parent: <previous env>, ... }`: a prefix env.
      if (auto *vd = dynCast<VariableDeclaration>(st); vd && vd->declarations.size() == 1) {
        auto *decl = cast<VariableDeclarator>(vd->declarations[0]);
        auto *id = dynCast<Identifier>(decl->id);
        auto *obj = dynCast<ObjectExpression>(decl->init);
        auto *first =
            obj && !obj->properties.empty() ? dynCast<Property>(obj->properties[0]) : nullptr;
        auto *key = first ? dynCast<Identifier>(first->key) : nullptr;
        auto *parent = first ? dynCast<Identifier>(first->value) : nullptr;
        bool noParent = first && isa<NullLiteral>(first->value) && !ctx.frameEnv();
        if (id && key && key->name == "$parent" &&
            (noParent || (parent && parent->name == ctx.frameEnv())))
          ctx.prefixEnvs.push_back({id->name, noParent ? Atom() : parent->name});
      }
      out.push_back(st);
      continue;
    }
    b_.setRange(ret->range);
    std::vector<Node *> classPrefix;
    Node *value = instrumentValue(ret->argument, ctx, classPrefix);
    out.insert(out.end(), classPrefix.begin(), classPrefix.end());
    Node *env = ctx.envParam ? b_.ident(ctx.envParam) : undef();
    ret->argument = call(d("tag"), {value, b_.number(code), env});
    out.push_back(ret);
  }
  body->body = b_.list(out);
}

/// Instruments the function(s) a factory returns: the value itself, a
/// function inside a naming wrapper, or a class and its members. Returns
/// the (possibly rewritten) value.
Node *Instrumenter::instrumentValue(Node *value, FnContext ctx, std::vector<Node *> &classPrefix) {
  // `{"name": f}["name"]`, `{[k]() {}}[k]`,
  // `Object.getOwnPropertyDescriptor({get k() {}}, "k").get`.
  if (auto *mem = dynCast<MemberExpression>(value)) {
    Node *obj = mem->object;
    std::string accessor;
    if (auto *c = dynCast<CallExpression>(obj); c && !c->arguments.empty()) {
      accessor = std::string(cast<Identifier>(mem->property)->name.str());
      obj = c->arguments[0];
    }
    if (auto *o = dynCast<ObjectExpression>(obj); o && o->properties.size() == 1) {
      auto *p = cast<Property>(o->properties[0]);
      std::string key;
      ctx.name = keyText(p->key, p->computed, key) ? key : "<computed>";
      // Object-literal members have no home object to restore.
      ctx.kind = accessor == "get"   ? "object-getter"
                 : accessor == "set" ? "object-setter"
                 : p->method         ? "object-method"
                                     : "";
      p->value = instrumentValue(p->value, ctx, classPrefix);
      return value;
    }
  }
  if (isFunction(value)) {
    if (ctx.kind.empty())
      ctx.kind = isa<ArrowFunctionExpression>(value) ? "arrow" : "function";
    if (fnFlag(value, true))
      ctx.kind = "generator";
    else if (fnFlag(value, false))
      ctx.kind = "async";
    if (auto *id = dynCast<Identifier>(idOf(value)))
      ctx.name = std::string(id->name.str());
    instrumentFunction(value, ctx);
    return value;
  }
  if (auto *ce = dynCast<ClassExpression>(value)) {
    schema::Code &entry = codeEntry(ctx.code);
    entry.kind = "class";
    entry.name = ce->id ? std::string(cast<Identifier>(ce->id)->name.str()) : ctx.name;
    lineCol(ce->range, entry.line, entry.col);
    Atom cls = b_.freshName("cls");
    std::vector<Node *> tags;
    for (Node *member : ce->body) {
      auto *md = dynCast<MethodDefinition>(member);
      if (!md)
        continue;
      auto it = m_.codeIds.find(md->value);
      if (it == m_.codeIds.end()) {
        fail(md, "class member without a code id");
        continue;
      }
      FnContext mc;
      mc.code = it->second;
      mc.envParam = ctx.envParam;
      mc.prefixEnvs = ctx.prefixEnvs;
      mc.classVar = cls;
      mc.isStatic = md->isStatic;
      mc.kind = md->kind == MethodKind::Constructor ? "constructor"
                : md->kind == MethodKind::Get       ? "getter"
                : md->kind == MethodKind::Set       ? "setter"
                                                    : "method";
      std::string key;
      bool named = keyText(md->key, md->computed, key);
      // `[Symbol.iterator]() {}`: tagged by the well-known symbol itself.
      Node *symbolKey = nullptr;
      if (auto *sk = dynCast<MemberExpression>(md->key); sk && md->computed && !sk->computed)
        if (auto *sym = dynCast<Identifier>(sk->object); sym && sym->name == "Symbol") {
          symbolKey = clone(md->key);
          key = fmt::format("[Symbol.{}]", cast<Identifier>(sk->property)->name.str());
        }
      mc.name = named || symbolKey ? key : "<computed>";
      // `[e]() {}`: the key is converted once, kept in a factory local and
      // tagged by it: `[($k = $d.key(e))]() {}` (ToPropertyKey runs where
      // the class definition runs it).
      Node *computedKey = nullptr;
      if (md->computed && !named && !symbolKey && md->kind != MethodKind::Constructor) {
        Atom k = b_.freshName("k");
        b_.setRange(md->key->range);
        classPrefix.push_back(b_.declare(VarKind::Let, b_.ident(k), nullptr));
        md->key = b_.assign(b_.ident(k), call(d("key"), {md->key}));
        computedKey = b_.ident(k);
      }
      if (md->kind == MethodKind::Constructor)
        mc.name = entry.name;
      isCtor_ = md->kind == MethodKind::Constructor;
      derivedCtor_ = isCtor_ && ce->superClass;
      classHasFields_ = false;
      for (Node *other : ce->body)
        if (auto *pd = dynCast<PropertyDefinition>(other); pd && !pd->isStatic)
          classHasFields_ = true;
      instrumentFunction(md->value, mc);
      isCtor_ = derivedCtor_ = false;
      if (named || symbolKey || computedKey) {
        std::string_view kind = md->kind == MethodKind::Constructor ? "constructor"
                                : md->kind == MethodKind::Get       ? "get"
                                : md->kind == MethodKind::Set       ? "set"
                                                                    : "method";
        tags.push_back(array({b_.number(mc.code), b_.boolean(md->isStatic),
                              symbolKey     ? symbolKey
                              : computedKey ? computedKey
                                            : b_.string(key),
                              b_.string(kind)}));
      }
    }
    // const $cls = class {...}; $d.tagMembers($cls, env, [...]); return $d.tag($cls, ...)
    // An anonymous class keeps the name its place gave it (`{e: class {}}`
    // names it "e", an argument ""), not "$cls": `{"e": class {}}["e"]`.
    if (!ce->id && ctx.name != "<computed>") {
      b_.setRange(ce->range);
      auto *prop = b_.property(b_.string(ctx.name), value);
      auto *obj = b_.make<ObjectExpression>();
      obj->properties = b_.list({prop});
      value = b_.index(obj, b_.string(ctx.name));
    }
    classPrefix.push_back(b_.declare(VarKind::Const, b_.ident(cls), value));
    Node *env = ctx.envParam ? b_.ident(ctx.envParam) : undef();
    classPrefix.push_back(b_.exprStmt(call(d("tagMembers"), {b_.ident(cls), env, array(tags)})));
    return b_.ident(cls);
  }
  fail(value, "unexpected factory value");
  return value;
}

// ---------------------------------------------------------------------------
// One function
// ---------------------------------------------------------------------------

/// The callee as the user wrote it (`runtime.checkpoint`, `new Foo`): the
/// call's source text without its argument list; empty when unknown.
std::string Instrumenter::sourceCalleeText(const Node *call) const {
  SourceRange r = call->range;
  std::string_view src = m_.source();
  if (!r.valid() || r.end > src.size() || r.end <= r.begin)
    return {};
  std::string_view text = src.substr(r.begin, r.end - r.begin);
  if (text.empty() || text.back() != ')')
    return {};
  int depth = 0;
  size_t i = text.size();
  while (i-- > 0) {
    if (text[i] == ')')
      ++depth;
    else if (text[i] == '(' && --depth == 0)
      break;
  }
  if (i == std::string_view::npos || i == 0)
    return {};
  std::string_view callee = text.substr(0, i);
  while (!callee.empty() && (callee.back() == ' ' || callee.back() == '\n' ||
                             callee.back() == '?' || callee.back() == '.'))
    callee.remove_suffix(1);
  if (callee.size() > 80 || callee.find('\n') != std::string_view::npos)
    return {};
  return std::string(callee);
}

bool Instrumenter::isExemptCall(const Node *n) const {
  const Node *callee = nullptr;
  if (auto *c = dynCast<CallExpression>(n))
    callee = c->callee;
  else if (auto *nw = dynCast<NewExpression>(n))
    callee = nw->callee;
  else
    return false;
  if (auto *mem = dynCast<MemberExpression>(callee))
    if (auto *obj = dynCast<Identifier>(mem->object)) {
      // $F[k](env) and $d.x(...) never capture, except the stress points.
      if (obj->name == dName_)
        return !(isa<Identifier>(mem->property) &&
                 cast<Identifier>(mem->property)->name == "stress");
      return exempt_.count(std::string(obj->name.str())) > 0;
    }
  if (auto *id = dynCast<Identifier>(callee)) {
    if (exempt_.count(std::string(id->name.str())))
      return true;
    // Error constructors of the global object run no user code.
    if (isa<NewExpression>(n) && id->binding != kNoBinding &&
        st_.binding(id->binding).kind == BindingKind::Global) {
      std::string_view s = id->name.str();
      return s == "TypeError" || s == "ReferenceError" || s == "RangeError" || s == "Error";
    }
  }
  return false;
}

void Instrumenter::addSlot(Identifier *id, bool fixedName) {
  if (id->binding == kNoBinding || slotOf_.count(id->binding))
    return;
  Atom name = id->name;
  if (!fixedName &&
      (slotNames_.count(std::string(name.str())) || foreignNames_.count(std::string(name.str()))))
    name = b_.freshName(std::string(name.str()) + "_");
  slotNames_.insert(std::string(name.str()));
  slotOf_.emplace(id->binding, name);
  slotIndex_.emplace(name, static_cast<uint32_t>(slots_.size()));
  slots_.push_back(name);
}

void Instrumenter::collectSlots(Node *fn) {
  // Parameters first (their names are fixed), then every declaration.
  std::unordered_map<std::string_view, BindingId> paramByName;
  for (Node *p : paramsOf(fn)) {
    std::vector<Identifier *> ids;
    collectBoundNames(p, ids);
    for (Identifier *id : ids) {
      addSlot(id, /*fixedName=*/true);
      if (id->binding != kNoBinding)
        paramByName[id->name.str()] = id->binding;
    }
  }
  varParamCopies_.clear();
  struct Walker {
    Instrumenter &self;
    const std::unordered_map<std::string_view, BindingId> &paramByName;
    std::unordered_set<BindingId> copied;
    void go(Node *n) {
      if (isFunction(n) || isClass(n))
        return;
      if (auto *vd = dynCast<VariableDeclaration>(n))
        for (Node *decl : vd->declarations) {
          std::vector<Identifier *> ids;
          collectBoundNames(cast<VariableDeclarator>(decl)->id, ids);
          for (Identifier *id : ids) {
            self.addSlot(id);
            auto param = paramByName.find(id->name.str());
            if (id->binding != kNoBinding && param != paramByName.end() &&
                param->second != id->binding &&
                self.st_.binding(id->binding).kind == BindingKind::Var &&
                copied.insert(id->binding).second)
              self.varParamCopies_.emplace_back(id->binding, param->second);
          }
        }
      if (auto *cc = dynCast<CatchClause>(n); cc && cc->param) {
        std::vector<Identifier *> ids;
        collectBoundNames(cc->param, ids);
        for (Identifier *id : ids)
          self.addSlot(id);
      }
      if (auto *mp = dynCast<MetaProperty>(n); mp && mp->meta == "new")
        self.usesNewTarget_ = true;
      if (auto *id = dynCast<Identifier>(n);
          id && id->name == "arguments" && id->binding != kNoBinding &&
          self.st_.binding(id->binding).kind == BindingKind::Arguments)
        self.usesArgs_ = true;
      if (auto *me = dynCast<MemberExpression>(n); me && isa<Super>(me->object))
        self.usesSuperProp_ = true;
      forEachChildSlot(n, [&](Node *&c) { go(c); });
    }
  } w{*this, paramByName, {}};
  w.go(bodySlot(fn));
}

std::pair<std::vector<Node *>, std::vector<Node *>>
Instrumenter::splitDirectives(const BlockStatement *blk) {
  auto mid = blk->body.begin() + static_cast<ptrdiff_t>(directivePrologueLength(blk->body));
  return {std::vector<Node *>(blk->body.begin(), mid), std::vector<Node *>(mid, blk->body.end())};
}

void Instrumenter::insertAfterDirectives(BlockStatement *blk, const std::vector<Node *> &stmts) {
  auto [body, rest] = splitDirectives(blk);
  body.insert(body.end(), stmts.begin(), stmts.end());
  body.insert(body.end(), rest.begin(), rest.end());
  blk->body = b_.list(body);
}

void Instrumenter::copyParamsIntoVars(BlockStatement *blk) {
  std::vector<Node *> copies;
  for (auto [var, param] : varParamCopies_)
    copies.push_back(b_.exprStmt(b_.assign(tdzSlotIdent(var), tdzSlotIdent(param))));
  if (!copies.empty())
    insertAfterDirectives(blk, copies);
}

/// `{x}` -> `{x: x}`, so that the value can be renamed or rewritten. The
/// shorthand `{__proto__}` defines an own property, which `{__proto__: v}`
/// would not (it sets the prototype): that key becomes `["__proto__"]`.
static void expandShorthand(Property *p, IRBuilder &b) {
  Atom name = cast<Identifier>(p->value)->name;
  p->shorthand = false;
  if (name == "__proto__") {
    p->computed = true;
    p->key = b.string("__proto__");
  } else {
    p->key = b.ident(name);
  }
}

/// Visits the identifier references of \p slot (the slots holding them),
/// skipping nested functions and classes, non-computed property names and
/// keys. A shorthand property `{x}` is expanded so that its value can change.
template <typename F> static void forEachReferenceSlot(Node *&slot, IRBuilder &b, F &&f) {
  Node *n = slot;
  if (!n || isFunction(n) || isClass(n))
    return;
  if (isa<Identifier>(n)) {
    f(slot);
    return;
  }
  if (auto *me = dynCast<MemberExpression>(n); me && !me->computed) {
    forEachReferenceSlot(me->object, b, f);
    return;
  }
  if (auto *p = dynCast<Property>(n)) {
    if (p->computed)
      forEachReferenceSlot(p->key, b, f);
    if (p->shorthand && isa<Identifier>(p->value))
      expandShorthand(p, b);
    forEachReferenceSlot(p->value, b, f);
    return;
  }
  forEachChildSlot(n, [&](Node *&c) { forEachReferenceSlot(c, b, f); });
}

void Instrumenter::renameIdentifiers(Node *n) {
  forEachReferenceSlot(n, b_, [&](Node *&slot) {
    auto *id = cast<Identifier>(slot);
    if (id->binding != kNoBinding)
      if (auto it = slotOf_.find(id->binding); it != slotOf_.end())
        id->name = it->second;
  });
}

void Instrumenter::collectForeignNames(Node *fn) {
  foreignNames_.clear();
  ScopeId own = scopeOfFn(fn);
  Node *body = bodySlot(fn);
  forEachReferenceSlot(body, b_, [&](Node *&slot) {
    // (Identifiers the passes made without a binding name their own
    // temporaries or this function's locals: not foreign.)
    auto *id = cast<Identifier>(slot);
    if (id->binding == kNoBinding)
      return;
    const Binding &bd = st_.binding(id->binding);
    if (bd.kind == BindingKind::Global || bd.scope == kNoScope ||
        st_.scope(bd.scope).functionScope != own)
      foreignNames_.insert(std::string(id->name.str()));
  });
}

// The temporal dead zone of hoisted slots. A `let`/`const`/`class` binding
// that stays a frame slot becomes a `var`, so the engine no longer throws
// for an access before the declaration ran. Most accesses come after it in
// the same or an enclosing statement list (the declaration dominates them)
// and cannot be early; the others are checked: the slot holds `$d.uninit`
// from the start of its block, such reads become `$d.tdz(x, "x")` and such
// writes `x = $d.tdzWrite(v, x, "x")`. Writes to a `const` (other than its
// declaration) become `$d.constAssign(...)`, which throws its TypeError.
struct Instrumenter::TdzScope {
  std::unordered_set<BindingId> initialized;
  BlockStatement *block = nullptr;
};

bool Instrumenter::isLocalTdz(BindingId bid) const {
  if (bid == kNoBinding || !slotOf_.count(bid))
    return false;
  auto k = st_.binding(bid).kind;
  return k == BindingKind::Let || k == BindingKind::Const || k == BindingKind::Class;
}

Node *Instrumenter::tdzSlotIdent(BindingId bid) {
  Identifier *id = b_.ident(st_.binding(bid).name);
  id->binding = bid;
  return id;
}

// Checks the reads of \p slot; assignment targets the write pass handled
// (tdzTargets_) stay plain identifiers.
void Instrumenter::tdzExpression(Node *&slot, const TdzScope &scope) {
  forEachReferenceSlot(slot, b_, [&](Node *&ref) {
    auto *id = cast<Identifier>(ref);
    if (tdzTargets_.count(id) || !isLocalTdz(id->binding) ||
        st_.binding(id->binding).declaration == id || scope.initialized.count(id->binding))
      return;
    tdzChecked_.insert(id->binding);
    b_.setRange(id->range);
    ref = call(d("tdz"), {id, b_.string(id->name.str())});
  });
}

void Instrumenter::tdzStatement(Node *st, TdzScope &scope) {
  if (!st)
    return;
  auto nested = [&](Node *child, BlockStatement *block) {
    TdzScope inner{scope.initialized, block ? block : scope.block};
    tdzStatement(child, inner);
  };
  switch (st->kind) {
  case NodeKind::BlockStatement: {
    auto *blk = cast<BlockStatement>(st);
    TdzScope inner{scope.initialized, blk};
    for (Node *c : blk->body)
      tdzStatement(c, inner);
    return;
  }
  case NodeKind::VariableDeclaration: {
    auto *vd = cast<VariableDeclaration>(st);
    for (Node *dn : vd->declarations) {
      auto *decl = cast<VariableDeclarator>(dn);
      if (decl->init)
        tdzExpression(decl->init, scope);
      std::vector<Identifier *> ids;
      collectBoundNames(decl->id, ids);
      if (!isa<Identifier>(decl->id))
        tdzExpression(decl->id, scope); // defaults inside a pattern
      for (Identifier *id : ids)
        if (isLocalTdz(id->binding)) {
          scope.initialized.insert(id->binding);
          tdzBlock_[id->binding] = scope.block;
        }
    }
    return;
  }
  case NodeKind::IfStatement: {
    auto *i = cast<IfStatement>(st);
    tdzExpression(i->test, scope);
    nested(i->consequent, nullptr);
    nested(i->alternate, nullptr);
    return;
  }
  case NodeKind::WhileStatement: {
    auto *w = cast<WhileStatement>(st);
    tdzExpression(w->test, scope);
    nested(w->body, nullptr);
    return;
  }
  case NodeKind::LabeledStatement:
    tdzStatement(cast<LabeledStatement>(st)->body, scope);
    return;
  case NodeKind::TryStatement: {
    auto *t = cast<TryStatement>(st);
    nested(t->block, nullptr);
    if (t->handler)
      nested(cast<CatchClause>(t->handler)->body, nullptr);
    nested(t->finalizer, nullptr);
    return;
  }
  default:
    break;
  }
  // An expression-level statement: writes first (their value is evaluated
  // before the check), then every other reference.
  struct Writes {
    Instrumenter &self;
    const TdzScope &scope;
    void go(Node *n) {
      if (!n || isFunction(n) || isClass(n))
        return;
      forEachChildSlot(n, [&](Node *&c) { go(c); });
      auto *as = dynCast<AssignmentExpression>(n);
      if (!as)
        return;
      auto *id = dynCast<Identifier>(as->left);
      if (!id || !self.isLocalTdz(id->binding))
        return;
      self.b_.setRange(as->range);
      if (!scope.initialized.count(id->binding)) {
        self.tdzChecked_.insert(id->binding);
        Node *current = self.tdzSlotIdent(id->binding);
        self.tdzTargets_.insert(current);
        as->right =
            self.call(self.d("tdzWrite"), {as->right, current, self.b_.string(id->name.str())});
      }
      if (self.st_.binding(id->binding).kind == BindingKind::Const)
        as->right = self.call(self.d("constAssign"), {as->right});
      // The target stays a plain identifier: hide it from the read pass.
      self.tdzTargets_.insert(id);
    }
  } writes{*this, scope};
  writes.go(st);
  tdzExpression(st, scope);
}

void Instrumenter::keepTdz(BlockStatement *body) {
  tdzChecked_.clear();
  tdzBlock_.clear();
  tdzTargets_.clear();
  TdzScope top{{}, body};
  // Parameters and the like are initialized on entry; only declarations in
  // the body are tracked.
  for (Node *c : body->body)
    tdzStatement(c, top);
  // Each checked binding starts uninitialized when its block is entered.
  std::unordered_map<BlockStatement *, std::vector<Node *>> starts;
  std::vector<BindingId> ordered(tdzChecked_.begin(), tdzChecked_.end());
  std::sort(ordered.begin(), ordered.end());
  for (BindingId bid : ordered) {
    auto it = tdzBlock_.find(bid);
    BlockStatement *blk = it != tdzBlock_.end() && it->second ? it->second : body;
    b_.setRange(blk->range);
    starts[blk].push_back(b_.exprStmt(b_.assign(tdzSlotIdent(bid), d("uninit"))));
  }
  for (auto &[blk, inits] : starts)
    insertAfterDirectives(blk, inits);
}

/// `catch (e) {...}` -> `catch ($x) { [if ($x instanceof $d.Capture) throw $x;] e = $x; ...}`:
/// the parameter becomes a slot like any local.
void Instrumenter::rewriteCatch(CatchClause *cc, bool rethrowCapture) {
  Atom x = b_.freshName("x");
  std::vector<Node *> body;
  b_.setRange(cc->range);
  auto *rethrow = b_.make<ThrowStatement>();
  rethrow->argument = b_.ident(x);
  // Without rethrowCapture, the body already starts with the rethrow check
  // (rewriteCatches), which is replaced: the check comes first.
  body.push_back(b_.ifStmt(b_.binary(BinaryOp::Instanceof, b_.ident(x), d("Capture")), rethrow));
  if (cc->param)
    body.push_back(b_.exprStmt(b_.assign(cc->param, b_.ident(x))));
  auto *blk = cast<BlockStatement>(cc->body);
  body.insert(body.end(), blk->body.begin() + (rethrowCapture ? 0 : 1), blk->body.end());
  blk->body = b_.list(body);
  cc->param = b_.ident(x);
}

/// Declarations become assignments; returns the replacement statement (or
/// appends several to \p out when given).
Node *Instrumenter::convertStatement(Node *st, std::vector<Node *> *out) {
  if (auto *vd = dynCast<VariableDeclaration>(st)) {
    std::vector<Node *> assigns;
    b_.setRange(vd->range);
    for (Node *dn : vd->declarations) {
      auto *decl = cast<VariableDeclarator>(dn);
      if (decl->init)
        assigns.push_back(b_.assign(decl->id, decl->init));
      else if (vd->kind != VarKind::Var &&
               (loopDepth_ > 0 || (isa<Identifier>(decl->id) &&
                                   tdzChecked_.count(cast<Identifier>(decl->id)->binding))))
        // `let x;` in a loop body starts each iteration undefined; outside
        // loops it runs once, when the hoisted `var` is still undefined.
        assigns.push_back(b_.assign(decl->id, undef()));
    }
    if (out) {
      for (Node *a : assigns) {
        auto *es = b_.exprStmt(a);
        es->range = a->range;
        out->push_back(es);
      }
      return nullptr;
    }
    if (assigns.empty())
      return b_.make<EmptyStatement>();
    if (assigns.size() == 1)
      return b_.exprStmt(assigns[0]);
    auto *seq = b_.make<SequenceExpression>();
    seq->expressions = b_.list(assigns);
    return b_.exprStmt(seq);
  }
  auto sub = [&](Node *&slot) {
    if (slot)
      slot = convertStatement(slot, nullptr);
  };
  switch (st->kind) {
  case NodeKind::BlockStatement:
    convertList(cast<BlockStatement>(st)->body);
    break;
  case NodeKind::IfStatement:
    sub(cast<IfStatement>(st)->consequent);
    sub(cast<IfStatement>(st)->alternate);
    break;
  case NodeKind::WhileStatement:
    ++loopDepth_;
    sub(cast<WhileStatement>(st)->body);
    --loopDepth_;
    break;
  case NodeKind::LabeledStatement:
    sub(cast<LabeledStatement>(st)->body);
    break;
  case NodeKind::TryStatement: {
    auto *t = cast<TryStatement>(st);
    convertStatement(t->block, nullptr);
    if (t->handler) {
      // The parameter becomes a slot, unless rewriteCatches already gave the
      // clause a fresh one (a pattern, bound by a declaration inside).
      auto *cc = cast<CatchClause>(t->handler);
      auto *pid = dynCast<Identifier>(cc->param);
      if (cc->param && !(pid && pid->binding == kNoBinding))
        rewriteCatch(cc, false);
      convertStatement(cast<CatchClause>(t->handler)->body, nullptr);
      // Stress builds: a native callee that threw left the call-site flag
      // set; clear it after the rethrow check.
      if (m_.stressCheckpoints) {
        auto *cb = cast<BlockStatement>(cc->body);
        std::vector<Node *> body(cb->body.begin(), cb->body.end());
        b_.setRange(cc->range);
        body.insert(body.begin() + (body.empty() ? 0 : 1), stressFlag(0));
        cb->body = b_.list(body);
      }
    }
    if (t->finalizer)
      fail(t->finalizer, "`finally` after desugar");
    break;
  }
  case NodeKind::DoWhileStatement:
  case NodeKind::ForStatement:
  case NodeKind::ForInStatement:
  case NodeKind::ForOfStatement:
  case NodeKind::SwitchStatement:
  case NodeKind::WithStatement:
    fail(st, "statement kind not in the desugar core");
    break;
  default:
    break;
  }
  if (out) {
    out->push_back(st);
    return nullptr;
  }
  return st;
}

void Instrumenter::convertList(NodeList &list) {
  std::vector<Node *> out;
  for (Node *st : list)
    convertStatement(st, &out);
  list = b_.list(out);
}

/// Finds the one non-exempt call-like expression of a statement (outside
/// nested functions); \p count is how many there are.
Node **Instrumenter::findSiteCall(Node *&slot, int &count) {
  Node *n = slot;
  if (!n || isFunction(n) || isClass(n))
    return nullptr;
  Node **found = nullptr;
  if ((isa<CallExpression>(n) || isa<NewExpression>(n) || isa<TaggedTemplateExpression>(n)) &&
      !isExemptCall(n)) {
    ++count;
    found = &slot;
  }
  forEachChildSlot(n, [&](Node *&c) {
    if (Node **f = findSiteCall(c, count); f && !found)
      found = f;
  });
  return found;
}

void Instrumenter::numberSites(NodeList &list) {
  uint32_t enclosing = std::exchange(currentList_, ++listCount_);
  std::vector<Node *> out;
  for (Node *st : list)
    if (Node *r = numberStatement(st, out)) {
      out.push_back(r);
      if (stressClearAfter_)
        out.push_back(std::exchange(stressClearAfter_, nullptr));
    }
  list = b_.list(out);
  currentList_ = enclosing;
}

/// Numbers the sites inside \p st in source order; a site statement gets
/// `$cs = k;` before it (pushed to \p out). Returns the statement.
Node *Instrumenter::numberStatement(Node *st, std::vector<Node *> &out) {
  uint32_t before = static_cast<uint32_t>(sites_.size());
  auto single = [&](Node *&slot) {
    if (!slot)
      return;
    std::vector<Node *> inner;
    uint32_t enclosing = std::exchange(currentList_, ++listCount_); // (a list of one)
    Node *r = numberStatement(slot, inner);
    currentList_ = enclosing;
    if (!inner.empty()) {
      inner.push_back(r);
      if (stressClearAfter_)
        inner.push_back(std::exchange(stressClearAfter_, nullptr));
      auto *blk = b_.block(inner);
      blk->range = r->range;
      slot = blk;
      siteRange_[blk] = siteRange_[r];
    } else {
      slot = r;
    }
  };
  switch (st->kind) {
  case NodeKind::BlockStatement:
    numberSites(cast<BlockStatement>(st)->body);
    break;
  case NodeKind::IfStatement: {
    auto *i = cast<IfStatement>(st);
    single(i->consequent);
    single(i->alternate);
    break;
  }
  case NodeKind::WhileStatement: {
    auto *w = cast<WhileStatement>(st);
    single(w->body);
    break;
  }
  case NodeKind::LabeledStatement:
    single(cast<LabeledStatement>(st)->body);
    break;
  case NodeKind::TryStatement: {
    auto *t = cast<TryStatement>(st);
    numberStatement(t->block, out); // a block never needs a `$cs` before it
    if (t->handler)
      numberStatement(cast<CatchClause>(t->handler)->body, out);
    break;
  }
  default: {
    if (auto *es = dynCast<ExpressionStatement>(st))
      if (auto *a = dynCast<AssignmentExpression>(es->expression); a && a->op == AssignOp::Assign)
        if (auto *t = dynCast<Identifier>(a->left)) {
          memberTemps_.erase(t->name);
          if (auto *me = dynCast<MemberExpression>(a->right);
              me && !me->computed && isPlainReference(me->object))
            memberTemps_[t->name] = {me->object, cast<Identifier>(me->property)->name,
                                     currentList_};
        }
    int count = 0;
    Node **callSlot = findSiteCall(st, count);
    if (count > 1) {
      fail(st, "more than one call in a statement after ANF");
      break;
    }
    if (callSlot && (fnFlag(curFn_, true) || fnFlag(curFn_, false)))
      break;
    if (callSlot) {
      SiteRec site;
      site.stmt = st;
      site.call = callSlot;
      Node *c = *callSlot;
      Node *callee = isa<CallExpression>(c)  ? cast<CallExpression>(c)->callee
                     : isa<NewExpression>(c) ? cast<NewExpression>(c)->callee
                                             : cast<TaggedTemplateExpression>(c)->tag;
      lineCol(c->range, site.info.line, site.info.col);
      site.info.callee = sourceCalleeText(c);
      if (site.info.callee.empty())
        site.info.callee = calleeErrorText(callee);
      // The value the runtime compares with the frame pushed before ours.
      Node *inner = callee;
      while (auto *seq = dynCast<SequenceExpression>(inner))
        inner = seq->expressions[seq->expressions.size() - 1];
      auto *reflect = dynCast<MemberExpression>(inner);
      auto *reflectObj = reflect ? dynCast<Identifier>(reflect->object) : nullptr;
      auto *reflectCall = dynCast<CallExpression>(c);
      if (reflectObj && reflectObj->name == "Reflect" && !reflect->computed && reflectCall &&
          !reflectCall->arguments.empty() &&
          (cast<Identifier>(reflect->property)->name == "apply" ||
           cast<Identifier>(reflect->property)->name == "construct")) {
        // Reflect.apply(f, t, args) calls f (desugar's spread calls); when f
        // is Function.prototype.call or apply, it calls t.
        site.callee = reflectCall->arguments[0];
        if (cast<Identifier>(reflect->property)->name == "apply" &&
            reflectCall->arguments.size() >= 2)
          site.calleeThis = reflectCall->arguments[1];
      } else if (auto tm = methodTemp(c); tm.first) {
        // `T = O.m; ... T.call(O, ...)`: the callee is O.m.
        site.callee = tm.first;
        site.calleeKey = b_.string(tm.second.str());
      } else if (auto *me = dynCast<MemberExpression>(inner); me && !isa<Super>(me->object)) {
        site.callee = me->object;
        site.calleeKey =
            me->computed ? me->property : b_.string(cast<Identifier>(me->property)->name.str());
      } else if (isa<Super>(inner)) {
        site.callee = nullptr; // super(...): the parent constructor, from the home
      } else {
        site.callee = inner;
      }
      sites_.push_back(site);
      rewriteHof(sites_.back());
      b_.setRange(st->range);
      out.push_back(b_.exprStmt(b_.assign(b_.ident(csName_), b_.number(sites_.size()))));
      // Stress builds: the call-site flag, set for the callee's entry to
      // take and cleared when the call returns (a native callee takes
      // nothing); not around the stress points themselves.
      auto *dm = dynCast<MemberExpression>(callee);
      auto *dObj = dm ? dynCast<Identifier>(dm->object) : nullptr;
      auto *dProp = dm && !dm->computed ? dynCast<Identifier>(dm->property) : nullptr;
      bool stressPoint = dObj && dObj->name == dName_ && dProp && dProp->name == "stress";
      if (m_.stressCheckpoints && !stressPoint) {
        out.push_back(stressFlag(1));
        if (isa<ExpressionStatement>(st))
          stressClearAfter_ = stressFlag(0);
      }
    }
    break;
  }
  }
  uint32_t after = static_cast<uint32_t>(sites_.size());
  if (after > before)
    siteRange_[st] = {before + 1, after};
  return st;
}

/// For anf's method-call form `T.call(O, args)` after `T = O.name`: (O, name).
std::pair<Node *, Atom> Instrumenter::methodTemp(Node *callNode) {
  auto *c = dynCast<CallExpression>(callNode);
  auto *me = c ? dynCast<MemberExpression>(c->callee) : nullptr;
  if (!me || me->computed || !isa<Identifier>(me->object) || c->arguments.empty() ||
      cast<Identifier>(me->property)->name != "call")
    return {};
  auto it = memberTemps_.find(cast<Identifier>(me->object)->name);
  if (it == memberTemps_.end() || it->second.list != currentList_)
    return {};
  if (!structurallyEqual(it->second.object, c->arguments[0]))
    return {};
  return {it->second.object, it->second.name};
}

/// `x`, `this` or a chain `x.a.b` (anf's receivers): reading it again at
/// capture time runs no user code (environment slots are data properties).
bool Instrumenter::isPlainReference(const Node *n) {
  while (auto *me = dynCast<MemberExpression>(n)) {
    if (me->computed || me->optional)
      return false;
    n = me->object;
  }
  return isa<Identifier>(n) || isa<ThisExpression>(n);
}

/// `o.map(f, x)` -> `Array.isArray(o) && o.map === $d.AP.map ? $d.hof.map(o, f, x) : o.map(f, x)`
/// (`$d.hofStress` in stress builds: the variant that keeps the call-site
/// flag for its callbacks; `$d.hof` does no stress work).
void Instrumenter::rewriteHof(SiteRec &site) {
  auto *c = dynCast<CallExpression>(*site.call);
  if (!c || c->optional || c->arguments.empty())
    return;
  auto *me = dynCast<MemberExpression>(c->callee);
  if (!me || me->computed || me->optional || !isa<Identifier>(me->property))
    return;
  for (Node *a : c->arguments)
    if (isa<SpreadElement>(a))
      return;
  std::string_view name = cast<Identifier>(me->property)->name.str();
  b_.setRange(c->range);
  auto hofApi = [&] { return d(m_.stressCheckpoints ? "hofStress" : "hof"); };
  if (name == "call" && isa<Identifier>(me->object) && c->arguments.size() >= 2) {
    // anf's form of a method call: `T = O.name; ...; T.call(O, args)`.
    auto [obj, methodAtom] = methodTemp(c);
    if (!obj)
      return;
    std::string_view method = methodAtom.str();
    Node *recv = c->arguments[0];
    std::vector<Node *> rest;
    for (size_t i = 1; i < c->arguments.size(); ++i)
      rest.push_back(clone(c->arguments[i]));
    Node *test = nullptr, *fast = nullptr;
    if (method == "from" && !rest.empty()) {
      auto *both = b_.logical(LogicalOp::And,
                              b_.binary(BinaryOp::StrictEq, clone(me->object), d("arrayFrom")),
                              b_.binary(BinaryOp::StrictEq, clone(recv), b_.ident("Array")));
      test = both;
      fast = call(b_.member(hofApi(), "from"), rest);
    } else if (std::find(std::begin(kHofMethods), std::end(kHofMethods), method) !=
               std::end(kHofMethods)) {
      auto *both =
          b_.logical(LogicalOp::And, call(b_.member(b_.ident("Array"), "isArray"), {clone(recv)}),
                     b_.binary(BinaryOp::StrictEq, clone(me->object), b_.member(d("AP"), method)));
      test = both;
      std::vector<Node *> hofArgs = {clone(recv)};
      hofArgs.insert(hofArgs.end(), rest.begin(), rest.end());
      fast = call(b_.member(hofApi(), method), hofArgs);
    } else {
      return;
    }
    auto *cond = b_.make<ConditionalExpression>();
    cond->test = test;
    cond->consequent = fast;
    cond->alternate = c;
    *site.call = cond;
    return;
  }
  Node *test = nullptr;
  Node *fast = nullptr;
  std::vector<Node *> args(c->arguments.begin(), c->arguments.end());
  std::vector<Node *> cloned;
  for (Node *a : args)
    cloned.push_back(clone(a));
  if (name == "from" && isa<Identifier>(me->object) &&
      cast<Identifier>(me->object)->name == "Array" && !args.empty()) {
    auto *arr = cast<Identifier>(me->object);
    if (arr->binding == kNoBinding || st_.binding(arr->binding).kind != BindingKind::Global)
      return;
    test = b_.binary(BinaryOp::StrictEq, clone(c->callee), d("arrayFrom"));
    fast = call(b_.member(hofApi(), "from"), cloned);
  } else if (std::find(std::begin(kHofMethods), std::end(kHofMethods), name) !=
             std::end(kHofMethods)) {
    if (!isPlainReference(me->object))
      return;
    auto *isArray = call(b_.member(b_.ident("Array"), "isArray"), {clone(me->object)});
    auto *same = b_.binary(BinaryOp::StrictEq, clone(c->callee), b_.member(d("AP"), name));
    auto *both = b_.logical(LogicalOp::And, isArray, same);
    test = both;
    std::vector<Node *> hofArgs = {clone(me->object)};
    hofArgs.insert(hofArgs.end(), cloned.begin(), cloned.end());
    fast = call(b_.member(hofApi(), name), hofArgs);
  } else {
    return;
  }
  auto *cond = b_.make<ConditionalExpression>();
  cond->test = test;
  cond->consequent = fast;
  cond->alternate = c;
  *site.call = cond;
}

/// Adds to \p bits the slots \p n reads: every reference except the target
/// of a plain assignment (patterns are over-approximated as reads).
void Instrumenter::usesInto(Node *n, Bits &bits) {
  if (!n || isFunction(n) || isClass(n))
    return;
  if (auto *id = dynCast<Identifier>(n)) {
    if (auto it = slotIndex_.find(id->name); it != slotIndex_.end())
      bits[it->second / 64] |= uint64_t(1) << (it->second % 64);
    return;
  }
  if (auto *a = dynCast<AssignmentExpression>(n); a && a->op == AssignOp::Assign) {
    usesInto(a->right, bits);
    if (!isa<Identifier>(a->left))
      usesInto(a->left, bits);
    return;
  }
  if (auto *me = dynCast<MemberExpression>(n); me && !me->computed) {
    usesInto(me->object, bits);
    return;
  }
  if (auto *p = dynCast<Property>(n)) {
    if (p->computed)
      usesInto(p->key, bits);
    usesInto(p->value, bits);
    return;
  }
  forEachChildSlot(n, [&](Node *&c) { usesInto(c, bits); });
}

/// The slots a simple statement surely writes: `x = ...` (also in a
/// sequence of assignments).
void Instrumenter::defsInto(Node *st, Bits &bits) {
  auto *es = dynCast<ExpressionStatement>(st);
  if (!es)
    return;
  auto one = [&](Node *e) {
    auto *a = dynCast<AssignmentExpression>(e);
    if (!a || a->op != AssignOp::Assign)
      return;
    if (auto *id = dynCast<Identifier>(a->left))
      if (auto it = slotIndex_.find(id->name); it != slotIndex_.end())
        bits[it->second / 64] |= uint64_t(1) << (it->second % 64);
  };
  if (auto *seq = dynCast<SequenceExpression>(es->expression)) {
    for (Node *e : seq->expressions)
      one(e);
  } else {
    one(es->expression);
  }
}

/// Backward liveness over the structured body (the desugar core: blocks,
/// if, labeled `while` loops, break, try/catch). Returns the slots live
/// before \p st given those live after it; records, for each call site,
/// the slots live when the call returns (what a frame must save): the
/// site's own target operands, what is live after it, and what the
/// enclosing handlers read (the call may throw after a resume).
Instrumenter::Bits Instrumenter::liveBefore(Node *st, const Bits &out) {
  auto unite = [](Bits &a, const Bits &b) {
    for (size_t i = 0; i < a.size(); ++i)
      a[i] |= b[i];
  };
  auto minus = [](Bits &a, const Bits &b) {
    for (size_t i = 0; i < a.size(); ++i)
      a[i] &= ~b[i];
  };
  Bits empty(out.size(), 0);
  Bits handlers = empty;
  for (const Bits &h : handlerLive_)
    unite(handlers, h);
  switch (st->kind) {
  case NodeKind::BlockStatement: {
    Bits live = out;
    auto &body = cast<BlockStatement>(st)->body;
    for (size_t i = body.size(); i-- > 0;)
      live = liveBefore(body[i], live);
    return live;
  }
  case NodeKind::IfStatement: {
    auto *i = cast<IfStatement>(st);
    Bits live = liveBefore(i->consequent, out);
    unite(live, i->alternate ? liveBefore(i->alternate, out) : out);
    usesInto(i->test, live);
    unite(live, handlers);
    return live;
  }
  case NodeKind::LabeledStatement: {
    auto *l = cast<LabeledStatement>(st);
    Atom label = l->label;
    auto saved = labelExit_.find(label) != labelExit_.end() ? labelExit_[label] : empty;
    labelExit_[label] = out;
    Bits live = liveBefore(l->body, out);
    labelExit_[label] = saved;
    return live;
  }
  case NodeKind::WhileStatement: {
    auto *w = cast<WhileStatement>(st);
    loopExit_.push_back(out);
    Bits head = out;
    usesInto(w->test, head);
    unite(head, handlers);
    for (int iter = 0; iter < 64; ++iter) {
      Bits next = liveBefore(w->body, head);
      Bits merged = head;
      unite(merged, next);
      if (merged == head)
        break;
      head = merged;
    }
    loopExit_.pop_back();
    return head;
  }
  case NodeKind::TryStatement: {
    auto *t = cast<TryStatement>(st);
    Bits hIn = empty;
    if (t->handler)
      hIn = liveBefore(cast<CatchClause>(t->handler)->body, out);
    handlerLive_.push_back(hIn);
    Bits live = liveBefore(t->block, out);
    handlerLive_.pop_back();
    unite(live, hIn);
    return live;
  }
  case NodeKind::BreakStatement: {
    auto *br = cast<BreakStatement>(st);
    if (br->label) {
      auto it = labelExit_.find(br->label);
      return it != labelExit_.end() ? it->second : empty;
    }
    return loopExit_.empty() ? empty : loopExit_.back();
  }
  case NodeKind::ReturnStatement: {
    Bits live = empty;
    usesInto(cast<ReturnStatement>(st)->argument, live);
    unite(live, handlers);
    return live;
  }
  case NodeKind::ThrowStatement: {
    Bits live = handlers;
    usesInto(cast<ThrowStatement>(st)->argument, live);
    return live;
  }
  default: {
    Bits after = out;
    Bits defs = empty;
    defsInto(st, defs);
    minus(after, defs);
    if (auto it = siteOfStmt_.find(st); it != siteOfStmt_.end()) {
      // After a resume the statement runs again with the call replaced:
      // what it reads besides the call must be live too.
      Bits atSite = after;
      Node *call = *sites_[it->second].call;
      *sites_[it->second].call = b_.number(0);
      usesInto(st, atSite);
      *sites_[it->second].call = call;
      // The handler of the restore twin evaluates the callee again for the
      // identity check when a later capture unwinds through the site.
      if (Node *callee = sites_[it->second].callee)
        usesInto(callee, atSite);
      if (Node *key = sites_[it->second].calleeKey)
        usesInto(key, atSite);
      if (Node *recv = sites_[it->second].calleeThis)
        usesInto(recv, atSite);
      unite(atSite, handlers);
      siteLive_[it->second] = atSite;
    }
    Bits live = after;
    usesInto(st, live);
    unite(live, handlers);
    return live;
  }
  }
}

/// Catch clauses rethrow captures, in functions that are otherwise left as
/// they are (flat functions, generators, async functions).
void Instrumenter::rewriteCatches(Node *n) {
  if (!n || isFunction(n) || isClass(n))
    return;
  if (auto *cc = dynCast<CatchClause>(n)) {
    Node *param = cc->param;
    if (param && !isa<Identifier>(param)) {
      // A pattern stays a pattern: bind it after the rethrow check.
      rewriteCatch(cc, true);
      cast<BlockStatement>(cc->body)->body[1] =
          b_.declare(VarKind::Let, param, b_.ident(cast<Identifier>(cc->param)->name));
    } else if (param) {
      Atom x = cast<Identifier>(param)->name;
      auto *rethrow = b_.make<ThrowStatement>();
      rethrow->argument = b_.ident(x);
      auto *blk = cast<BlockStatement>(cc->body);
      std::vector<Node *> body = {
          b_.ifStmt(b_.binary(BinaryOp::Instanceof, b_.ident(x), d("Capture")), rethrow)};
      body.insert(body.end(), blk->body.begin(), blk->body.end());
      blk->body = b_.list(body);
    } else {
      rewriteCatch(cc, true);
    }
  }
  forEachChildSlot(n, [&](Node *&c) { rewriteCatches(c); });
}

bool Instrumenter::hasSites(Node *body) {
  int count = 0;
  Node *tmp = body;
  findSiteCall(tmp, count);
  return count > 0;
}

Node *Instrumenter::instrumentFunction(Node *fn, const FnContext &ctx) {
  slotOf_.clear();
  slots_.clear();
  slotNames_.clear();
  sites_.clear();
  siteRange_.clear();
  siteOfStmt_.clear();
  slotIndex_.clear();
  siteLive_.clear();
  handlerLive_.clear();
  loopExit_.clear();
  labelExit_.clear();
  usesArgs_ = usesNewTarget_ = usesSuperProp_ = maybeCtor_ = false;
  memberTemps_.clear();
  curFn_ = fn;
  isArrow_ = isa<ArrowFunctionExpression>(fn);
  stressEntry_ = false;
  stressClearAfter_ = nullptr;

  schema::Code &entry = codeEntry(ctx.code);
  entry.name = ctx.name.empty() ? "<anonymous>" : ctx.name;
  entry.kind = ctx.kind;
  lineCol(fn->range, entry.line, entry.col);
  for (Node *p : paramsOf(fn)) {
    std::vector<Identifier *> ids;
    collectBoundNames(p, ids);
    for (Identifier *id : ids)
      entry.params.push_back(std::string(id->name.str()));
  }

  Node *&body = bodySlot(fn);
  bool special = fnFlag(fn, true) || fnFlag(fn, false);
  if (!isa<BlockStatement>(body)) {
    if (special || !hasSites(body)) {
      // a concise arrow without calls is flat (stress builds: it clears the
      // call-site flag, so that a getter it runs is not taken as called)
      if (m_.stressCheckpoints && !special && fn->range.valid()) {
        b_.setRange(body->range);
        auto *seq = b_.make<SequenceExpression>();
        seq->expressions =
            b_.list({b_.assign(b_.member(b_.ident(stressCellName_), "site"), b_.number(0)), body});
        body = seq;
      }
      return nullptr;
    }
    b_.setRange(body->range);
    auto *ret = b_.make<ReturnStatement>();
    ret->argument = body;
    body = b_.block({ret});
  }
  auto *blk = cast<BlockStatement>(body);
  rewriteCatches(blk);
  if (special) {
    if (!hasSites(blk))
      return nullptr;
    // A capture cannot cross a generator or async frame (issue: generators
    // and async functions across checkpoints): fail it clearly.
    Atom x = xName_;
    b_.setRange(fn->range);
    auto *unsupported =
        b_.exprStmt(call(b_.member(b_.ident(x), "unsupported"),
                         {b_.number(ctx.code), b_.string(fnFlag(fn, true) ? "a generator function"
                                                                          : "an async function")}));
    auto *rethrow = b_.make<ThrowStatement>();
    rethrow->argument = b_.ident(x);
    auto *cc = b_.make<CatchClause>();
    cc->param = b_.ident(x);
    cc->body = b_.block(
        {b_.ifStmt(b_.binary(BinaryOp::Instanceof, b_.ident(x), d("Capture")), unsupported),
         rethrow});
    auto [directives, rest] = splitDirectives(blk);
    auto *t = b_.make<TryStatement>();
    t->block = b_.block(rest);
    t->handler = cc;
    directives.push_back(t);
    blk->body = b_.list(directives);
    return nullptr;
  }

  // Stress mode: a capture point at entry and in every loop iteration.
  if (m_.stressCheckpoints && fn->range.valid()) {
    // (Not in the compiler's own helpers, which have no source range: they
    // may hold native iterators of built-in collections between steps.)
    struct Inserter {
      Instrumenter &self;
      Node *stressCall() { return self.b_.exprStmt(self.call(self.d("stress"), {})); }
      void go(Node *n) {
        if (!n || isFunction(n) || isClass(n))
          return;
        if (auto *w = dynCast<WhileStatement>(n)) {
          go(w->body);
          self.b_.setRange(w->range);
          if (auto *wb = dynCast<BlockStatement>(w->body)) {
            std::vector<Node *> b = {stressCall()};
            b.insert(b.end(), wb->body.begin(), wb->body.end());
            wb->body = self.b_.list(b);
          } else {
            w->body = self.b_.block({stressCall(), w->body});
          }
          return;
        }
        forEachChildSlot(n, [&](Node *&c) { go(c); });
      }
    } ins{*this};
    ins.go(blk);
    b_.setRange(fn->range);
    // Not at the entry of class constructors: before super() a derived
    // constructor has no `this` to restore, and a capture inside super(...)
    // of a class with fields cannot be restored (the fields are initialized
    // when super returns); constructors are usually short.
    if (!isCtor_)
      insertAfterDirectives(blk, {ins.stressCall()});
    // Whether the function was entered through an instrumented call site
    // (which sets `$S.site`) is a dynamic fact: one entered otherwise (a
    // getter, setter, valueOf or Proxy trap run implicitly, a callback of
    // a native) pauses the stress points for its own dynamic extent, since
    // a capture there would be refused. The entry takes the flag into `$sp`
    // and the fast body's `finally` resumes (see the wrapping below); the
    // restore twin has neither: a frame that was captured was not paused,
    // and the capture's unwinding ran the finally.
    stressEntry_ = true;
  } else if (m_.stressCheckpoints) {
    // The compiler's helpers have no stress points, but one called
    // implicitly (a generator's `next` by a native consumer) must pause
    // those of the program code it runs, as any function does.
    stressEntry_ = true;
  }
  if (!hasSites(blk)) {
    if (stressEntry_) {
      // No sites (a constructor without calls): just take the flag.
      b_.setRange(fn->range);
      insertAfterDirectives(blk, {stressFlag(0)});
    }
    return nullptr;
  }

  entry.instrumented = true;
  collectForeignNames(fn);
  collectSlots(fn);
  copyParamsIntoVars(blk);
  keepTdz(blk);
  // A plain function may be called with `new`: its restore code needs
  // new.target to know what to return.
  maybeCtor_ = ctx.kind == "function";
  // Derived constructors pass new.target too: with `this` still undefined
  // it tells the runtime that super() has not run (not restorable).
  if (maybeCtor_ || derivedCtor_)
    usesNewTarget_ = true;
  convertList(blk->body);
  for (Node *p : paramsOf(fn))
    if (!isa<Identifier>(p))
      renameIdentifiers(p);
  renameIdentifiers(blk);
  if (!ok_)
    return nullptr;

  auto [directives, rest] = splitDirectives(blk);
  NodeList code = b_.list(rest);
  numberSites(code);
  if (!ok_)
    return nullptr;
  for (size_t i = 0; i < sites_.size(); ++i)
    siteOfStmt_[sites_[i].stmt] = i;
  {
    Bits none((slots_.size() + 63) / 64, 0);
    siteLive_.assign(sites_.size(), none);
    Bits live = none;
    for (size_t i = code.size(); i-- > 0;)
      live = liveBefore(code[i], live);
    for (size_t i = 0; i < sites_.size(); ++i)
      for (uint32_t k = 0; k < slots_.size(); ++k)
        if (siteLive_[i][k / 64] >> (k % 64) & 1)
          sites_[i].info.live.push_back(k);
  }
  for (Atom a : slots_)
    entry.slots.push_back(std::string(a.str()));
  for (SiteRec &s : sites_)
    entry.sites.push_back(s.info);

  // The restore twin is built from the numbered statements before they are
  // wrapped in the fast body's handler.
  restores_[ctx.code] = restoreFactory(fn, ctx, code);

  // var $cs = 0, locals...; try { body } catch ($x) { handler }
  b_.setRange(fn->range);
  auto *decl = b_.make<VariableDeclaration>();
  decl->kind = VarKind::Var;
  std::vector<Node *> decls;
  auto declarator = [&](Atom name, Node *init) {
    auto *dd = b_.make<VariableDeclarator>();
    dd->id = b_.ident(name);
    dd->init = init;
    return static_cast<Node *>(dd);
  };
  decls.push_back(declarator(csName_, b_.number(0)));
  if (stressEntry_) {
    // $sp = $S.site ? ($S.site = 0) : ($S.paused += 1)
    auto *take = b_.make<ConditionalExpression>();
    take->test = b_.member(b_.ident(stressCellName_), "site");
    take->consequent = b_.assign(b_.member(b_.ident(stressCellName_), "site"), b_.number(0));
    take->alternate = b_.assign(b_.member(b_.ident(stressCellName_), "paused"), b_.number(1),
                                AssignOp::AddAssign);
    decls.push_back(declarator(spName_, take));
  }
  size_t numParams = 0;
  {
    std::unordered_set<std::string> paramNames(entry.params.begin(), entry.params.end());
    for (Atom a : slots_)
      if (paramNames.count(std::string(a.str())))
        ++numParams;
      else
        decls.push_back(declarator(a, nullptr));
  }
  (void)numParams;
  decl->declarations = b_.list(decls);
  auto *t = b_.make<TryStatement>();
  t->block = b_.block(std::vector<Node *>(code.begin(), code.end()));
  t->handler = handler(ctx, false, fn);
  if (stressEntry_)
    t->finalizer = b_.block({b_.ifStmt(
        b_.ident(spName_), b_.exprStmt(b_.assign(b_.member(b_.ident(stressCellName_), "paused"),
                                                 b_.number(1), AssignOp::SubAssign)))});
  directives.push_back(decl);
  directives.push_back(t);
  blk->body = b_.list(directives);
  return nullptr;
}

Node *Instrumenter::frameCall(const FnContext &ctx, bool restore, Node *fn, const SiteRec *site,
                              Atom x) {
  std::vector<Node *> args;
  args.push_back(b_.number(ctx.code));
  args.push_back(b_.ident(csName_));
  args.push_back(ctx.frameEnv() ? b_.ident(ctx.frameEnv()) : undef());
  auto *siteCall = dynCast<CallExpression>(*site->call);
  bool superSite = siteCall && isa<Super>(siteCall->callee);
  if (isArrow_)
    args.push_back(undef());
  else if (derivedCtor_ && superSite)
    // Inside super(...): no `this` yet; the restore code takes it from the
    // parent constructor's restored frame (null: not "before super()").
    args.push_back(b_.make<NullLiteral>());
  else if (derivedCtor_ && !restore) {
    auto *arrow = b_.make<ArrowFunctionExpression>();
    arrow->body = b_.make<ThisExpression>();
    args.push_back(call(d("thisOf"), {arrow}));
  } else
    args.push_back(b_.make<ThisExpression>());
  if (usesNewTarget_ && !isArrow_) {
    if (restore)
      args.push_back(b_.ident(ntName_));
    else {
      auto *mp = b_.make<MetaProperty>();
      mp->meta = m_.atom("new");
      mp->property = m_.atom("target");
      args.push_back(mp);
    }
  } else
    args.push_back(undef());
  if (usesArgs_ && !isArrow_)
    args.push_back(b_.ident(restore ? argsName_ : m_.atom("arguments")));
  else
    args.push_back(undef());
  if (auto *id = dynCast<Identifier>(idOf(fn)))
    args.push_back(b_.ident(id->name));
  else
    args.push_back(undef());
  Node *homeClass = nullptr;
  if (ctx.classVar) {
    if (restore)
      args.push_back(b_.ident(homeName_));
    else if (ctx.isStatic)
      args.push_back(b_.ident(ctx.classVar));
    else
      args.push_back(b_.member(b_.ident(ctx.classVar), "prototype"));
    homeClass = restore ? nullptr : b_.ident(ctx.classVar);
  } else
    args.push_back(undef());
  std::vector<Node *> live;
  for (uint32_t k : site->info.live)
    live.push_back(b_.ident(slots_[k]));
  args.push_back(array(live));
  if (site->callee) {
    Node *callee = clone(site->callee);
    if (restore)
      restoreRewrite(callee, false);
    args.push_back(callee);
    if (site->calleeKey) {
      Node *key = clone(site->calleeKey);
      if (restore)
        restoreRewrite(key, false);
      args.push_back(key);
    } else if (site->calleeThis) {
      Node *recv = clone(site->calleeThis);
      if (restore)
        restoreRewrite(recv, false);
      args.push_back(undef());
      args.push_back(recv);
    }
  } else if (homeClass) {
    // super(...): the parent constructor.
    args.push_back(call(b_.member(b_.ident("Object"), "getPrototypeOf"), {homeClass}));
    if (classHasFields_)
      return b_.exprStmt(call(
          b_.member(b_.ident(x), "unsupported"),
          {b_.number(ctx.code), b_.string("a checkpoint inside super(...) of a class with instance "
                                          "fields (their initializers run when super returns)")}));
  }
  return b_.exprStmt(call(b_.member(b_.ident(x), "frame"), args));
}

Node *Instrumenter::handler(const FnContext &ctx, bool restore, Node *fn) {
  b_.setRange(fn->range);
  Atom x = xName_;
  auto *sw = b_.make<SwitchStatement>();
  sw->discriminant = b_.ident(csName_);
  std::vector<Node *> cases;
  for (size_t i = 0; i < sites_.size(); ++i) {
    auto *sc = b_.make<SwitchCase>();
    sc->test = b_.number(static_cast<double>(i + 1));
    sc->consequent =
        b_.list({frameCall(ctx, restore, fn, &sites_[i], x), b_.make<BreakStatement>()});
    cases.push_back(sc);
  }
  auto *def = b_.make<SwitchCase>();
  def->consequent = b_.list({b_.exprStmt(
      call(b_.member(b_.ident(x), "unsupported"),
           {b_.number(ctx.code),
            b_.string("a checkpoint reached this function outside of its call sites (an implicit "
                      "call: a getter, setter or valueOf)")}))});
  cases.push_back(def);
  sw->cases = b_.list(cases);
  auto *rethrow = b_.make<ThrowStatement>();
  rethrow->argument = b_.ident(x);
  auto *cc = b_.make<CatchClause>();
  cc->param = b_.ident(x);
  cc->body = b_.block(
      {b_.ifStmt(b_.binary(BinaryOp::Instanceof, b_.ident(x), d("Capture")), sw), rethrow});
  return cc;
}

Node *Instrumenter::rangeTest(uint32_t lo, uint32_t hi) {
  if (lo == hi)
    return b_.binary(BinaryOp::StrictEq, b_.ident(csName_), b_.number(lo));
  auto *both =
      b_.logical(LogicalOp::And, b_.binary(BinaryOp::GtEq, b_.ident(csName_), b_.number(lo)),
                 b_.binary(BinaryOp::LtEq, b_.ident(csName_), b_.number(hi)));
  return both;
}

std::vector<Node *> Instrumenter::guardList(const NodeList &list) {
  std::vector<Node *> out, pending;
  auto flush = [&] {
    if (pending.empty())
      return;
    b_.setRange(pending.front()->range);
    out.push_back(b_.ifStmt(b_.unary(UnaryOp::Not, b_.ident(rName_)), b_.block(pending)));
    pending.clear();
  };
  for (Node *st : list) {
    if (auto r = siteRange_.find(st); r != siteRange_.end()) {
      flush();
      // While restoring, enter only the statement holding the target site.
      auto *guard = b_.logical(LogicalOp::Or, b_.unary(UnaryOp::Not, b_.ident(rName_)),
                               rangeTest(r->second.first, r->second.second));
      Node *inner = guardStatement(st);
      b_.setRange(st->range);
      out.push_back(b_.ifStmt(guard, inner));
    } else {
      pending.push_back(clone(st));
    }
  }
  flush();
  return out;
}

Node *Instrumenter::guardStatement(Node *st) {
  auto guardOrClone = [&](Node *n) -> Node * {
    if (!n)
      return nullptr;
    return siteRange_.count(n) ? guardStatement(n) : clone(n);
  };
  b_.setRange(st->range);
  if (auto it = siteOfStmt_.find(st); it != siteOfStmt_.end()) {
    SiteRec &site = sites_[it->second];
    Node *original = *site.call;
    auto *seq = b_.make<SequenceExpression>();
    seq->expressions = b_.list({b_.assign(b_.ident(rName_), b_.boolean(false)),
                                call(b_.member(b_.ident(kName_), "next"), {})});
    // A derived constructor resumed inside super(...) gets its `this` from
    // the parent constructor's restored frame.
    auto *sc = dynCast<CallExpression>(original);
    *site.call = sc && isa<Super>(sc->callee)
                     ? static_cast<Node *>(b_.assign(b_.ident(thisName_), seq))
                     : seq;
    Node *resumed = clone(st);
    *site.call = original;
    return b_.ifStmt(b_.ident(rName_), resumed, clone(st));
  }
  switch (st->kind) {
  case NodeKind::BlockStatement:
    return b_.block(guardList(cast<BlockStatement>(st)->body));
  case NodeKind::IfStatement: {
    auto *i = cast<IfStatement>(st);
    Node *then = nullptr;
    if (auto r = siteRange_.find(i->consequent); r != siteRange_.end())
      then = rangeTest(r->second.first, r->second.second);
    else
      then = b_.boolean(false);
    auto *cond = b_.make<ConditionalExpression>();
    cond->test = b_.ident(rName_);
    cond->consequent = then;
    cond->alternate = clone(i->test);
    return b_.ifStmt(cond, guardOrClone(i->consequent), guardOrClone(i->alternate));
  }
  case NodeKind::WhileStatement: {
    auto *w = cast<WhileStatement>(st);
    auto *n = b_.make<WhileStatement>();
    auto *lit = dynCast<BooleanLiteral>(w->test);
    if (lit && lit->value) {
      n->test = clone(w->test);
    } else {
      auto *either = b_.logical(LogicalOp::Or, b_.ident(rName_), clone(w->test));
      n->test = either;
    }
    n->body = guardOrClone(w->body);
    return n;
  }
  case NodeKind::LabeledStatement: {
    auto *l = cast<LabeledStatement>(st);
    auto *n = b_.make<LabeledStatement>();
    n->label = l->label;
    n->body = guardOrClone(l->body);
    return n;
  }
  case NodeKind::TryStatement: {
    auto *t = cast<TryStatement>(st);
    auto *n = b_.make<TryStatement>();
    std::vector<Node *> block = guardList(cast<BlockStatement>(t->block)->body);
    if (t->handler) {
      auto *cc = cast<CatchClause>(t->handler);
      auto *ncc = b_.make<CatchClause>();
      ncc->param = clone(cc->param);
      if (auto r = siteRange_.find(cc->body); r != siteRange_.end()) {
        // Re-enter the handler: its parameter was restored as a slot, the
        // thrown value is ignored (the assignment is skipped while restoring).
        auto *both = b_.logical(LogicalOp::And, b_.ident(rName_),
                                rangeTest(r->second.first, r->second.second));
        auto *thr = b_.make<ThrowStatement>();
        thr->argument = b_.number(0);
        block.insert(block.begin(), b_.ifStmt(both, thr));
        ncc->body = b_.block(guardList(cast<BlockStatement>(cc->body)->body));
      } else {
        ncc->body = clone(cc->body);
      }
      n->handler = ncc;
    }
    n->block = b_.block(block);
    return n;
  }
  default:
    fail(st, "unexpected statement holding a call site");
    return clone(st);
  }
}

/// In restore code: `arguments` and `new.target` come from the frame,
/// `super(...)` cannot run again, a constructor returns its object.
void Instrumenter::restoreRewrite(Node *&slot, bool ctor) {
  Node *n = slot;
  if (!n || isFunction(n) || isClass(n))
    return;
  if (auto *id = dynCast<Identifier>(n)) {
    if (usesArgs_ && id->name == "arguments")
      slot = b_.ident(argsName_);
    return;
  }
  if (auto *mp = dynCast<MetaProperty>(n); mp && mp->meta == "new") {
    slot = b_.ident(ntName_);
    return;
  }
  // A named function expression's own name is a `const` of the restore
  // code: in sloppy code, assigning it does nothing (strict code throws).
  // (Restore code is a copy without bindings: the name is the function's
  // own unless a slot took it.)
  if (auto *as = dynCast<AssignmentExpression>(n)) {
    auto *id = dynCast<Identifier>(as->left);
    auto *own = dynCast<Identifier>(idOf(curFn_));
    ScopeId s = scopeOfFn(curFn_);
    if (id && own && isa<FunctionExpression>(curFn_) && id->name == own->name &&
        !slotIndex_.count(id->name) && !(s != kNoScope && st_.scope(s).strict)) {
      restoreRewrite(as->right, ctor);
      slot = as->right;
      return;
    }
  }
  if (isa<ThisExpression>(n) && derivedCtor_) {
    slot = b_.ident(thisName_);
    return;
  }
  if (auto *c = dynCast<CallExpression>(n); c && isa<Super>(c->callee)) {
    b_.setRange(c->range);
    slot = call(d("superAgain"), {});
    return;
  }
  if (auto *r = dynCast<ReturnStatement>(n); r && ctor) {
    restoreRewrite(r->argument, ctor);
    b_.setRange(r->range);
    Node *self = derivedCtor_ ? static_cast<Node *>(b_.ident(thisName_))
                              : static_cast<Node *>(b_.make<ThisExpression>());
    r->argument = r->argument ? call(d("ctorResult"), {r->argument, self}) : self;
    return;
  }
  if (auto *r = dynCast<ReturnStatement>(n); r && maybeCtor_) {
    restoreRewrite(r->argument, ctor);
    b_.setRange(r->range);
    r->argument = call(d("ctorOrValue"), {b_.ident(ntName_), r->argument ? r->argument : undef(),
                                          b_.make<ThisExpression>()});
    return;
  }
  if (auto *me = dynCast<MemberExpression>(n); me && !me->computed) {
    restoreRewrite(me->object, ctor);
    return;
  }
  if (auto *p = dynCast<Property>(n)) {
    if (p->computed)
      restoreRewrite(p->key, ctor);
    restoreRewrite(p->value, ctor);
    return;
  }
  forEachChildSlot(n, [&](Node *&c) { restoreRewrite(c, ctor); });
}

Node *Instrumenter::restoreFactory(Node *fn, const FnContext &ctx, NodeList fastBody) {
  b_.setRange(fn->range);
  Atom envParam = ctx.frameEnv() ? ctx.frameEnv() : b_.freshName("noenv");
  std::vector<Node *> body = guardList(fastBody);
  bool ctor = ctx.kind == "constructor";
  // A function using `arguments` with simple parameters is restored inside
  // a twin with the same parameter list, applied to the saved arguments: its
  // `arguments` is then a real arguments object (mapped to the parameters in
  // sloppy code) instead of the frame's array.
  bool simpleParams = true;
  for (Node *p : paramsOf(fn))
    simpleParams &= isa<Identifier>(p);
  bool realArguments = usesArgs_ && !isArrow_ && simpleParams && !usesSuperProp_;
  bool savedUsesArgs = usesArgs_;
  if (realArguments)
    usesArgs_ = false; // keep `arguments` in the restore code
  for (Node *&st : body)
    restoreRewrite(st, ctor);

  std::vector<Node *> rbody;
  // var $cs = $fr.cs, $r = true, slots...;
  auto *decl = b_.make<VariableDeclaration>();
  decl->kind = VarKind::Var;
  std::vector<Node *> decls;
  auto declarator = [&](Atom name, Node *init) {
    auto *dd = b_.make<VariableDeclarator>();
    dd->id = b_.ident(name);
    dd->init = init;
    return static_cast<Node *>(dd);
  };
  decls.push_back(declarator(csName_, b_.member(b_.ident(frName_), "cs")));
  decls.push_back(declarator(rName_, b_.boolean(true)));
  if (derivedCtor_)
    decls.push_back(declarator(thisName_, b_.make<ThisExpression>()));
  if (usesNewTarget_ && !isArrow_)
    decls.push_back(declarator(ntName_, b_.member(b_.ident(frName_), "newTarget")));
  if (usesArgs_ && !isArrow_)
    decls.push_back(declarator(argsName_, b_.member(b_.ident(frName_), "args")));
  for (Atom a : slots_)
    decls.push_back(declarator(a, nullptr));
  decl->declarations = b_.list(decls);
  rbody.push_back(decl);
  // switch ($cs) { case k: a = $fr.slots[0]; ...; break; }
  auto *sw = b_.make<SwitchStatement>();
  sw->discriminant = b_.ident(csName_);
  std::vector<Node *> cases;
  for (size_t i = 0; i < sites_.size(); ++i) {
    auto *sc = b_.make<SwitchCase>();
    sc->test = b_.number(static_cast<double>(i + 1));
    std::vector<Node *> loads;
    const auto &live = sites_[i].info.live;
    for (size_t j = 0; j < live.size(); ++j)
      loads.push_back(
          b_.exprStmt(b_.assign(b_.ident(slots_[live[j]]),
                                b_.index(b_.member(b_.ident(frName_), "slots"), b_.number(j)))));
    loads.push_back(b_.make<BreakStatement>());
    sc->consequent = b_.list(loads);
    cases.push_back(sc);
  }
  sw->cases = b_.list(cases);
  rbody.push_back(sw);
  auto *t = b_.make<TryStatement>();
  t->block = b_.block(body);
  if (realArguments)
    usesArgs_ = savedUsesArgs;
  Node *h = handler(ctx, true, fn);
  if (realArguments) {
    // The handler passes the twin's own `arguments`, not the frame's.
    struct Renamer {
      Atom from, to;
      void go(Node *n) {
        if (auto *id = dynCast<Identifier>(n); id && id->name == from)
          id->name = to;
        forEachChildSlot(n, [&](Node *&c) { go(c); });
      }
    } rn{argsName_, m_.atom("arguments")};
    rn.go(h);
    usesArgs_ = false;
  }
  restoreRewrite(h, false);
  t->handler = h;
  rbody.push_back(t);
  if (ctor || maybeCtor_) {
    auto *ret = b_.make<ReturnStatement>();
    ret->argument =
        ctor ? (derivedCtor_ ? static_cast<Node *>(b_.ident(thisName_))
                             : static_cast<Node *>(b_.make<ThisExpression>()))
             : call(d("ctorOrValue"), {b_.ident(ntName_), undef(), b_.make<ThisExpression>()});
    rbody.push_back(ret);
  }
  auto *r = b_.make<FunctionExpression>();
  r->params = b_.list({b_.ident(frName_), b_.ident(kName_)});
  if (realArguments) {
    usesArgs_ = savedUsesArgs;
    // function ($fr, $k) { return (function (a, b) { ...rbody }).apply(this, $fr.args); }
    auto *twin = b_.make<FunctionExpression>();
    std::vector<Node *> params;
    for (Node *p : paramsOf(fn))
      params.push_back(clone(p));
    twin->params = b_.list(params);
    twin->body = b_.block(rbody);
    auto *ret = b_.make<ReturnStatement>();
    ret->argument = call(b_.member(twin, "apply"),
                         {b_.make<ThisExpression>(), b_.member(b_.ident(frName_), "args")});
    r->body = b_.block({ret});
  } else {
    r->body = b_.block(rbody);
  }

  Node *value = r;
  if (usesSuperProp_ && ctx.classVar) {
    // An object-literal method whose home object's prototype is the
    // member's: `super.x` inside it looks where the member's would.
    auto *proto =
        b_.property(b_.ident("__proto__"),
                    call(b_.member(b_.ident("Object"), "getPrototypeOf"), {b_.ident(homeName_)}));
    auto *method = b_.make<Property>();
    method->key = b_.ident("R");
    method->method = true;
    method->value = r;
    auto *obj = b_.make<ObjectExpression>();
    obj->properties = b_.list({proto, method});
    value = b_.member(obj, "R");
  }
  std::vector<Node *> fbody;
  ScopeId s = scopeOfFn(fn);
  if (s != kNoScope && st_.scope(s).strict) {
    auto *dir = b_.exprStmt(b_.string("use strict"));
    dir->directive = m_.atom("\"use strict\"");
    fbody.push_back(dir);
  }
  if (auto *id = dynCast<Identifier>(idOf(fn)))
    fbody.push_back(b_.declare(VarKind::Const, b_.ident(id->name), b_.ident(selfName_)));
  // The factory's own environments, from the innermost one the frame stored.
  for (size_t i = ctx.prefixEnvs.size(); i-- > 0;)
    if (ctx.prefixEnvs[i].second)
      fbody.push_back(b_.declare(VarKind::Const, b_.ident(ctx.prefixEnvs[i].second),
                                 b_.member(b_.ident(ctx.prefixEnvs[i].first), "$parent")));
  auto *ret = b_.make<ReturnStatement>();
  ret->argument = value;
  fbody.push_back(ret);
  auto *fac = b_.make<FunctionExpression>();
  fac->id = b_.ident(fmt::format("$rfac{}", ctx.code));
  fac->params = b_.list({b_.ident(envParam), b_.ident(selfName_), b_.ident(homeName_)});
  fac->body = b_.block(fbody);
  return fac;
}

// ---------------------------------------------------------------------------
// The pass
// ---------------------------------------------------------------------------

class CatchPass final : public Pass {
public:
  std::string_view name() const override { return "catch"; }
  StageSet requires_() const override { return {Stage::ClosureConverted, Stage::Modularized}; }
  StageSet establishes() const override { return {Stage::CatchInstrumented}; }
  StageSet invalidates() const override { return {Stage::Scopes}; }

  bool run(Module &module, PassContext &ctx) override {
    if (!analyzeScopes(module, &ctx.diags))
      return false;
    return Instrumenter(module, ctx.diags).run();
  }

  bool verify(const Module &module, PassContext &ctx) override {
    bool ok = Pass::verify(module, ctx);
    if (module.program && !module.frameSchema()) {
      ctx.diags.report(DiagId::err_verifier, "catch", "no frame schema was recorded");
      return false;
    }
    return ok;
  }
};

} // namespace

std::unique_ptr<Pass> createCatchPass() { return std::make_unique<CatchPass>(); }

} // namespace distribufy
