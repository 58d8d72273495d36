//===- Modularize.cpp - The top level becomes the module function ---------===//
//
// modularize: wraps the program's top level in the function node would wrap
// a CommonJS module in, and calls it the way node does:
//
//   "use strict"; let n = 0; module.exports = main;
//   ==>
//   (function (exports, require, module, __filename, __dirname) {
//     "use strict"; let n = 0; module.exports = main;
//   }).call(this, exports, require, module, __filename, __dirname);
//
// Why: closure conversion then treats the top level like any function, so
// module state captured by closures lives in the module function's
// environment, and the `catch` pass gives the top level frames like any
// function. A workflow instance runs the module function once (its own
// module state: two instances never share it) and a resume restores its
// environment instead of running the top level again (runtime/PROTOCOL.md).
// Behaviour under plain node is unchanged: the names the wrapper binds are
// exactly the ones node's CommonJS wrapper binds, `this` is passed on, and
// directives move into the function with the code they govern.
//
// Requires: Desugared (the top level's hoisting is explicit). Establishes:
// Modularized. Invalidates: Scopes. Rejects ES module syntax (import/export):
// a workflow program is a CommonJS module.
//
//===----------------------------------------------------------------------===//
#include "distribufy/IR/IRBuilder.h"
#include "passes/Passes.h"

namespace distribufy {

namespace {

using namespace ir;

constexpr std::string_view kWrapperParams[] = {"exports", "require", "module", "__filename",
                                               "__dirname"};

class ModularizePass final : public Pass {
public:
  std::string_view name() const override { return "modularize"; }
  StageSet requires_() const override { return {Stage::Desugared}; }
  StageSet establishes() const override { return {Stage::Modularized}; }
  StageSet invalidates() const override { return {Stage::Scopes}; }

  bool run(Module &m, PassContext &ctx) override {
    Program *prog = m.program;
    if (!prog)
      return true;
    if (prog->isModule) {
      ctx.diags.report(DiagId::err_unsupported, m.file(), prog->range,
                       "ES module syntax (import/export); write the workflow as a CommonJS "
                       "module (require, module.exports)");
      return false;
    }
    IRBuilder b(m);
    b.setRange(prog->range);
    auto *fn = b.make<FunctionExpression>();
    std::vector<Node *> params;
    std::vector<Node *> args = {b.make<ThisExpression>()};
    for (std::string_view p : kWrapperParams) {
      params.push_back(b.ident(p));
      args.push_back(b.ident(p));
    }
    fn->params = b.list(params);
    fn->body = b.block(std::vector<Node *>(prog->body.begin(), prog->body.end()));
    auto *call = b.make<CallExpression>();
    call->callee = b.member(fn, "call");
    call->arguments = b.list(args);
    prog->body = b.list({b.exprStmt(call)});
    return true;
  }

  bool verify(const Module &m, PassContext &ctx) override {
    bool ok = Pass::verify(m, ctx);
    const Program *prog = m.program;
    if (!prog)
      return ok;
    if (prog->body.size() != 1 || !isModuleCall(prog->body[0])) {
      ctx.diags.report(DiagId::err_verifier, "modularize",
                       "the program is not one call of the module function");
      return false;
    }
    return ok;
  }

private:
  static bool isModuleCall(const Node *st) {
    auto *es = dynCast<ExpressionStatement>(st);
    auto *call = es ? dynCast<CallExpression>(es->expression) : nullptr;
    auto *callee = call ? dynCast<MemberExpression>(call->callee) : nullptr;
    return callee && isa<FunctionExpression>(callee->object);
  }
};

} // namespace

std::unique_ptr<Pass> createModularizePass() { return std::make_unique<ModularizePass>(); }

} // namespace distribufy
