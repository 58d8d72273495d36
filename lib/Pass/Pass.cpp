//===- Pass.cpp - The pass interface ---------------------------------------===//
//
// The out-of-line pieces of Pass: its key function, the default verifier
// (the structural IR verifier every pass's output must satisfy), and stage
// names generated from Stages.def.
//
//===----------------------------------------------------------------------===//
#include "distribufy/Pass/Pass.h"

#include "passes/Passes.h"

namespace distribufy {

std::string_view stageName(Stage s) {
  static constexpr std::string_view names[] = {
#define STAGE(Id, Name, Desc) Name,
#include "distribufy/Pass/Stages.def"
  };
  return names[static_cast<size_t>(s)];
}

Pass::~Pass() = default;

bool Pass::verify(const ir::Module &module, PassContext &ctx) {
  // Whatever else a pass promises, its output must be a well-formed tree.
  return verifyModuleStructure(module, ctx.diags, name());
}

} // namespace distribufy
