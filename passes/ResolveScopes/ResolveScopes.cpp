//===- ResolveScopes.cpp - Recompute the scope tables ----------------------===//
//
// resolve-scopes: re-runs scope analysis (ir::analyzeScopes) over the current
// tree, so every Identifier again carries the binding it resolves to and
// every binding's `captured` / `assignedAfterInit` facts describe the tree as
// it is now.
//
// Why: the frontend establishes the Scopes stage, but a transform that adds,
// moves or renames declarations (desugar introducing temporaries, closure
// conversion moving variables into environments) invalidates it. Instead of
// patching the tables incrementally in every such pass, a pipeline puts
// `resolve-scopes` after it, and passes that need bindings require Scopes.
//
// Requires: nothing. Establishes: Scopes. Leaves the tree unchanged.
//
//   let a = 1; function f() { return a; }
//   ==> same text; `a` in f resolves to the top-level `let a`, marked captured.
//
//===----------------------------------------------------------------------===//
#include "distribufy/IR/ScopeAnalysis.h"
#include "passes/Passes.h"

namespace distribufy {

namespace {

class ResolveScopesPass final : public Pass {
public:
  std::string_view name() const override { return "resolve-scopes"; }
  StageSet establishes() const override { return {Stage::Scopes}; }

  bool run(ir::Module &module, PassContext &ctx) override {
    return ir::analyzeScopes(module, &ctx.diags);
  }

  bool verify(const ir::Module &module, PassContext &ctx) override {
    if (!module.scopes()) {
      ctx.diags.report(DiagId::err_verifier, name(), "the module has no scope table");
      return false;
    }
    return Pass::verify(module, ctx);
  }
};

} // namespace

std::unique_ptr<Pass> createResolveScopesPass() { return std::make_unique<ResolveScopesPass>(); }

} // namespace distribufy
