//===- Persist.cpp - Check and record the persist(id, thunk) calls --------===//
//
// persist: finds every call of the runtime's `persist(id, thunk)`, checks
// that its id is a string literal, warns when two calls share one, and
// records the ids with their positions (ir::Module::persistIds; the catch
// pass writes them into the frame schema, where `inspect` and the runtime
// find them).
//
// Why at compile time: a persisted value is stored in the checkpoint under
// its id and returned instead of running the thunk again for the rest of
// the workflow instance. An id computed at run time cannot be checked or
// listed, and a typo in it silently creates a second value: an error. Two
// call sites with one id are legal (the runtime gives the second the first
// one's value: a way to read a persisted value again elsewhere) but are
// more often a copy-paste mistake whose thunk never runs: a warning, with a
// note at the first use. The same site running repeatedly (in a loop or a
// function called many times) reads its own value back and is not reported.
//
// What counts as a persist call, for the forms the runtime's README and
// examples use:
//   const runtime = require('distribufy');   runtime.persist('i', ...)
//   require('distribufy').persist('i', ...)   runtime['persist']('i', ...)
//   const { persist } = require('distribufy'); / = runtime;   persist('i', ...)
//   const { persist: p } = runtime;  const p = runtime.persist;   p('i', ...)
// through `var`/`let`/`const` bindings that are never assigned again
// (scope analysis says so); an alias that is reassigned is not followed. A
// `persist` that escapes (passed as a value) cannot be checked; the runtime
// still stores its values by id.
//
// The pass does not change the tree; it runs first in the pipeline, on the
// program as written, so diagnostics point at the source exactly. Module
// state itself becomes per-instance through `modularize` (the top level runs
// once per instance, inside the module function) and closure conversion
// (top-level variables live in the module function's environment, which
// every checkpoint stores): this pass establishes Stage::PersistHoisted for
// the persisted values' part of that contract.
//
// Requires: Scopes. Establishes: PersistHoisted. Invalidates nothing.
//
//===----------------------------------------------------------------------===//
#include "distribufy/IR/Scope.h"
#include "passes/Passes.h"

#include <fmt/format.h>

#include <unordered_map>

namespace distribufy {

namespace {

using namespace ir;

constexpr std::string_view kRuntimeModule = "distribufy";
/// How many aliases deep a binding is followed (a chain of consts).
constexpr unsigned kMaxAliasDepth = 16;

class PersistPass final : public Pass {
public:
  std::string_view name() const override { return "persist"; }
  StageSet requires_() const override { return {Stage::Scopes}; }
  StageSet establishes() const override { return {Stage::PersistHoisted}; }

  bool run(Module &m, PassContext &ctx) override {
    m.persistIds.clear();
    if (!m.program || !m.scopes())
      return true;
    m_ = &m;
    scopes_ = m.scopes();
    // Pass 1: what every never-reassigned binding is initialised with.
    collectBindings(m.program);
    // Pass 2: the calls.
    bool ok = true;
    std::unordered_map<std::string, const Node *> seen;
    visitCalls(m.program, [&](const CallExpression *call) {
      if (!isPersistFunction(call->callee, 0))
        return;
      const Node *arg = call->arguments.empty() ? nullptr : call->arguments[0];
      std::string id;
      if (!literalId(arg, id)) {
        ctx.diags.report(DiagId::err_persist_id, m.file(), arg ? arg->range : call->range,
                         arg ? "the id of persist(id, thunk) must be a string literal, so that "
                               "its value can be found again after a resume"
                             : "persist(id, thunk) needs an id (a string literal)");
        ok = false;
        return;
      }
      if (auto [it, inserted] = seen.emplace(id, arg); !inserted) {
        ctx.diags.report(DiagId::warn_persist_duplicate, m.file(), arg->range, id);
        ctx.diags.report(DiagId::note_persist_previous, m.file(), it->second->range, id);
        return; // the schema lists each id once, at its first use
      }
      LineColumn lc = m.sourceManager().lineColumn(m.file(), arg->range.begin);
      m.persistIds.push_back({id, lc.line, lc.column});
    });
    return ok;
  }

  bool verify(const Module &m, PassContext &ctx) override { return Pass::verify(m, ctx); }

private:
  /// A binding's initialiser: the expression itself, or for `{persist: p} =
  /// init` the source object of a destructured `persist`.
  struct Init {
    const Node *expr = nullptr;
    bool destructuredPersist = false;
  };

  const Binding *bindingOf(const Node *n) const {
    auto *id = dynCast<Identifier>(n);
    if (!id || id->binding == kNoBinding)
      return nullptr;
    return &scopes_->binding(id->binding);
  }

  void collectBindings(const Node *n) {
    if (auto *decl = dynCast<VariableDeclarator>(n); decl && decl->init) {
      if (auto *id = dynCast<Identifier>(decl->id)) {
        if (id->binding != kNoBinding && !scopes_->binding(id->binding).assignedAfterInit)
          inits_[id->binding] = {decl->init, false};
      } else if (auto *pattern = dynCast<ObjectPattern>(decl->id)) {
        for (const Node *p : pattern->properties) {
          auto *prop = dynCast<Property>(p);
          if (!prop || !isKey(prop->key, prop->computed, "persist"))
            continue;
          const Node *target = prop->value;
          if (auto *withDefault = dynCast<AssignmentPattern>(target))
            target = withDefault->left;
          auto *id2 = dynCast<Identifier>(target);
          if (id2 && id2->binding != kNoBinding &&
              !scopes_->binding(id2->binding).assignedAfterInit)
            inits_[id2->binding] = {decl->init, true};
        }
      }
    }
    forEachChild(n, [&](const Node *child) { collectBindings(child); });
  }

  template <typename F> void visitCalls(const Node *n, F &&f) {
    if (auto *call = dynCast<CallExpression>(n))
      f(call);
    forEachChild(n, [&](const Node *child) { visitCalls(child, f); });
  }

  /// `name` as a property key: `persist`, `'persist'`, `["persist"]`.
  static bool isKey(const Node *key, bool computed, std::string_view name) {
    if (auto *id = dynCast<Identifier>(key); id && !computed)
      return id->name == name;
    if (auto *s = dynCast<StringLiteral>(key))
      return s->value == name;
    return false;
  }

  static bool literalId(const Node *arg, std::string &id) {
    if (auto *s = dynCast<StringLiteral>(arg)) {
      id = std::string(s->value.str());
      return true;
    }
    // A template without substitutions is a literal too; its raw text is
    // its value unless it has escapes (rare for ids: refused, to be safe).
    if (auto *t = dynCast<TemplateLiteral>(arg);
        t && t->expressions.empty() && t->quasis.size() == 1) {
      auto *q = dynCast<TemplateElement>(t->quasis[0]);
      if (q && q->raw.str().find('\\') == std::string_view::npos) {
        id = std::string(q->raw.str());
        return true;
      }
    }
    return false;
  }

  const Init *initOf(const Node *n) const {
    auto *id = dynCast<Identifier>(n);
    if (!id || id->binding == kNoBinding)
      return nullptr;
    auto it = inits_.find(id->binding);
    return it == inits_.end() ? nullptr : &it->second;
  }

  /// `require('distribufy')` (the global require, or the module's).
  bool isRuntimeRequire(const Node *n) const {
    auto *call = dynCast<CallExpression>(n);
    if (!call || call->arguments.size() != 1)
      return false;
    auto *callee = dynCast<Identifier>(call->callee);
    auto *arg = dynCast<StringLiteral>(call->arguments[0]);
    if (!callee || callee->name != "require" || !arg || arg->value != kRuntimeModule)
      return false;
    const Binding *b = bindingOf(callee);
    return !b || b->kind == BindingKind::Global || b->kind == BindingKind::Param;
  }

  /// The runtime object: require('distribufy') or a binding of it.
  bool isRuntime(const Node *n, unsigned depth) const {
    if (depth > kMaxAliasDepth)
      return false;
    if (isRuntimeRequire(n))
      return true;
    const Init *init = initOf(n);
    return init && !init->destructuredPersist && isRuntime(init->expr, depth + 1);
  }

  /// runtime.persist, runtime['persist'], or a binding of it.
  bool isPersistFunction(const Node *n, unsigned depth) const {
    if (depth > kMaxAliasDepth)
      return false;
    if (auto *member = dynCast<MemberExpression>(n))
      return isKey(member->property, member->computed, "persist") &&
             isRuntime(member->object, depth + 1);
    const Init *init = initOf(n);
    if (!init)
      return false;
    if (init->destructuredPersist)
      return isRuntime(init->expr, depth + 1);
    return isPersistFunction(init->expr, depth + 1);
  }

  Module *m_ = nullptr;
  const ScopeTable *scopes_ = nullptr;
  std::unordered_map<BindingId, Init> inits_;
};

} // namespace

std::unique_ptr<Pass> createPersistPass() { return std::make_unique<PersistPass>(); }

} // namespace distribufy
