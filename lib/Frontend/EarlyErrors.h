//===- EarlyErrors.h - Static-semantics errors of a converted module ------===//
//
/// \file
/// ECMAScript defines many "early errors": programs that match the grammar
/// but must be rejected before running (`break` outside a loop, `with` in
/// strict mode, `super()` outside a derived constructor, an invalid regular
/// expression, ...). tree-sitter accepts all of them, so after the CST has
/// been converted to IR the frontend runs this check: one linear walk over
/// the tree that carries a small context (strictness, enclosing function
/// kind, labels, class private names) and reports each violation as a
/// diagnostic at the offending node.
///
/// Not checked here: redeclarations (scope analysis), invalid assignment
/// targets, duplicate `__proto__` and arrow parameter lists (the converter,
/// which still sees parentheses).
//
//===----------------------------------------------------------------------===//
#pragma once

#include "distribufy/IR/IR.h"
#include "distribufy/Support/Diagnostics.h"

namespace distribufy {

/// Reports every early error of \p module (whose `program->isModule` says
/// whether it is an ES module) to \p diags. Returns true if there was none.
bool checkEarlyErrors(ir::Module &module, DiagnosticEngine &diags);

} // namespace distribufy
