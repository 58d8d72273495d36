//===- ScopeAnalysis.h - Resolve every identifier to a binding -------------===//
//
/// \file
/// Builds the ScopeTable of a module: declares every binding (hoisting `var`
/// and function declarations to their function scope, `let`/`const`/`class`
/// to their block), resolves every reference Identifier to a binding (or to
/// a Global one), and computes `captured` and `assignedAfterInit`. Reports
/// the early errors that are properties of scopes (duplicate lexical
/// declarations, a lexical name clashing with a `var` in the same scope).
/// Linear in the size of the tree. Re-running it recomputes everything.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "distribufy/IR/Scope.h"
#include "distribufy/Support/Diagnostics.h"

namespace distribufy::ir {

/// Computes the module's ScopeTable and installs it (Module::setScopes).
/// Returns false if \p diags (when given) received an error.
bool analyzeScopes(Module &module, DiagnosticEngine *diags = nullptr);

} // namespace distribufy::ir
