//===- PassRegistry.cpp - The table of registered passes ------------------===//
//
// The registry is a constant table generated from passes/Passes.def, not
// static self-registration: nothing depends on static initialisers, so it
// works the same under static linking and in any initialisation order.
//
//===----------------------------------------------------------------------===//
#include "distribufy/Pass/PassManager.h"

#include "passes/Passes.h"

namespace distribufy {

namespace {
constexpr PassInfo kPasses[] = {
#define PASS(ClassName, CliName, Description) {CliName, Description, &create##ClassName},
#include "passes/Passes.def"
};
} // namespace

std::span<const PassInfo> registeredPasses() { return kPasses; }

const PassInfo *findPass(std::string_view name) {
  // A handful of entries: a linear scan beats building a map.
  for (const PassInfo &info : kPasses)
    if (info.name == name)
      return &info;
  return nullptr;
}

} // namespace distribufy
