//===- Passes.h - Factories of every registered pass -----------------------===//
//
/// \file
/// One factory per line of Passes.def, plus the free functions passes share.
/// Internal to libDistribufy: users reach passes by name through the
/// registry (distribufy/Pass/PassManager.h).
//
//===----------------------------------------------------------------------===//
#pragma once

#include "distribufy/Pass/Pass.h"

#include <memory>
#include <string_view>

namespace distribufy {

#define PASS(ClassName, CliName, Description) std::unique_ptr<Pass> create##ClassName();
#include "passes/Passes.def"

/// Checks the structural invariants of \p module's tree (passes/Verify):
/// every child slot holds a node of a kind allowed there, required children
/// are present, list shapes hold. Reports each violation as err_verifier
/// naming \p afterPass and returns false if there was any. Linear.
bool verifyModuleStructure(const ir::Module &module, DiagnosticEngine &diags,
                           std::string_view afterPass);

} // namespace distribufy
