//===- Helpers.cpp - Runtime-free helper functions emitted by desugar ------===//
//
// Some lowerings need a few lines of plain JavaScript that would be bulky to
// build node by node (the for-in key list walks the prototype chain; the
// iterator protocol checks result types). They are written here as source
// text, parsed with the ordinary frontend into a scratch module and deep-
// copied into the module being compiled, so they are ordinary IR that the
// desugar walk then lowers like user code (their loops become labeled
// whiles, their vars are hoisted). No runtime library is involved.
//
// Each helper uses only `Object`, `Symbol` and `TypeError` from the global
// object, looked up when the helper runs.
//
//===----------------------------------------------------------------------===//
#include "passes/Desugar/Desugar.h"

#include "distribufy/Frontend/Frontend.h"

#include <string>

namespace distribufy::desugar {

using namespace ir;

namespace {

// V8's for-in order: own string keys (indices ascending, then insertion
// order), then each prototype's, skipping names already seen (even when the
// shadowing property is not enumerable). The boxed object is returned too so
// the loop can skip keys deleted before they are visited (`k in o`).
constexpr std::string_view kForInKeys = R"JS(function $h(o) {
  var keys = [];
  if (o === null || o === undefined) return { o: {}, k: keys };
  var seen = Object.create(null);
  var box = Object(o);
  for (var p = box; p !== null; p = Object.getPrototypeOf(p)) {
    var own = Object.getOwnPropertyNames(p);
    for (var i = 0; i < own.length; i += 1) {
      var k = own[i];
      if (seen[k] === true) continue;
      seen[k] = true;
      var d = Object.getOwnPropertyDescriptor(p, k);
      if (d !== undefined && d.enumerable) keys.push(k);
    }
  }
  return { o: box, k: keys };
})JS";

// GetIterator(obj, sync): the method is read once and must be callable; the
// iterator must be an object. Returns [iterator, its next method].
constexpr std::string_view kGetIterator = R"JS(function $h(o) {
  var m = o[Symbol.iterator];
  if (typeof m !== "function") throw new TypeError(String(o) + " is not iterable");
  var it = m.call(o);
  if (Object(it) !== it) throw new TypeError("Result of the Symbol.iterator method is not an object");
  return [it, it.next];
})JS";

// IteratorNext: calls the cached next method; the result must be an object.
constexpr std::string_view kIteratorStep = R"JS(function $h(it, next) {
  var r = next.call(it);
  if (Object(r) !== r) throw new TypeError("Iterator result " + String(r) + " is not an object");
  return r;
})JS";

// IteratorClose for a normal-exit (break/return) completion: errors of the
// return method propagate and its result must be an object.
constexpr std::string_view kIterClose = R"JS(function $h(it) {
  var r = it.return;
  if (r === undefined || r === null) return;
  var res = r.call(it);
  if (Object(res) !== res) throw new TypeError("Iterator result " + String(res) + " is not an object");
})JS";

// IteratorClose for a throw completion: the original exception wins, so
// anything the return method does wrong is ignored.
constexpr std::string_view kIterCloseThrow = R"JS(function $h(it) {
  try {
    var r = it.return;
    if (r !== undefined && r !== null) r.call(it);
  } catch (e) {}
})JS";

std::string_view helperSource(Helper h) {
  switch (h) {
  case Helper::ForInKeys:
    return kForInKeys;
  case Helper::GetIterator:
    return kGetIterator;
  case Helper::IteratorStep:
    return kIteratorStep;
  case Helper::IterClose:
    return kIterClose;
  case Helper::IterCloseThrow:
    return kIterCloseThrow;
  case Helper::NumHelpers:
    break;
  }
  return {};
}

/// Deep copy of a tree into another module: atoms are re-interned, META
/// annotations reset, source ranges dropped (they point into the scratch
/// buffer, not into the user's file).
class Cloner {
public:
  explicit Cloner(Module &to) : to_(to) {}

  Node *clone(const Node *n) {
    if (!n)
      return nullptr;
    switch (n->kind) {
#define CHILD(name) d->name = clone(s->name);
#define LIST(name)                                                                                 \
  {                                                                                                \
    std::vector<Node *> items;                                                                     \
    items.reserve(s->name.size());                                                                 \
    for (const Node *item : s->name)                                                               \
      items.push_back(clone(item));                                                                \
    d->name = to_.list(items);                                                                     \
  }
#define ATOM(name) d->name = s->name ? to_.atom(s->name.str()) : Atom();
#define NUM(name) d->name = s->name;
#define FLAG(name) d->name = s->name;
#define OP(Type, name) d->name = s->name;
#define META(Type, name, Init)
#define NODE(Name, Category, Fields)                                                               \
  case NodeKind::Name: {                                                                           \
    [[maybe_unused]] auto *s = static_cast<const Name *>(n);                                       \
    auto *d = to_.make<Name>(SourceRange{});                                                       \
    Fields return d;                                                                               \
  }
#include "distribufy/IR/NodeKinds.def"
#undef CHILD
#undef LIST
#undef ATOM
#undef NUM
#undef FLAG
#undef OP
#undef META
    }
    return nullptr;
  }

private:
  Module &to_;
};

} // namespace

Node *instantiateHelper(Module &m, Helper h, Atom name, DiagnosticEngine &diags) {
  SourceManager sm;
  FileId file = sm.addBuffer("<desugar helper>", std::string(helperSource(h)));
  DiagnosticEngine scratchDiags(sm);
  ParseOptions opts;
  opts.sourceType = SourceType::Script;
  std::unique_ptr<Module> scratch = parseJavaScript(sm, file, scratchDiags, opts);
  if (!scratch || scratchDiags.hasErrors() || !scratch->program ||
      scratch->program->body.size() != 1 || !isa<FunctionDeclaration>(scratch->program->body[0])) {
    diags.report(DiagId::err_pass_failed, "desugar", "a built-in helper did not parse");
    return nullptr;
  }
  auto *fn = cast<FunctionDeclaration>(Cloner(m).clone(scratch->program->body[0]));
  cast<Identifier>(fn->id)->name = name;
  return fn;
}

} // namespace distribufy::desugar
