//===- LowerParts.h - Lowerings of desugar kept in their own files ---------===//
//
// The desugar walk (Lower.cpp) calls these on a statement whose children it
// has already lowered: the switch lowering (LowerSwitch.cpp) and the
// try/finally completion records (LowerFinally.cpp). Internal to the pass.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "distribufy/IR/IRBuilder.h"
#include "distribufy/Support/Diagnostics.h"

#include <functional>

namespace distribufy::desugar {

/// Lowers \p sw (cases already lowered; the breaks that left the switch
/// already name \p breakLabel) to labeled blocks; see LowerSwitch.cpp.
/// \p isAnnexB tells whether a FunctionDeclaration is a sloppy Annex B
/// block function. Returns null after reporting err_unsupported.
ir::Node *lowerSwitch(ir::IRBuilder &b, ir::SwitchStatement *sw, Atom breakLabel,
                      const std::function<bool(const ir::Node *)> &isAnnexB,
                      DiagnosticEngine &diags);

/// Lowers a try statement with a finalizer (children already lowered) to
/// a completion record; other try statements are returned unchanged.
ir::Node *lowerFinally(ir::IRBuilder &b, ir::TryStatement *t, bool evenWithYield = false);

/// A try/finally the lowering keeps for the engine: its block or handler
/// yields, and a generator's return() resumes a yield with a return
/// completion that only the engine's finally can intercept.
bool finallyKeptForYield(const ir::TryStatement *t);

/// A call whose spread arguments rule (R) keeps: direct eval, `super(...)`,
/// and calls in an optional chain (or whose callee is a parenthesized one).
bool spreadKeptInCall(const ir::CallExpression *c);

struct SpreadNames;
/// A fresh array of \p elements (holes kept) with each SpreadElement
/// appended through the iterator protocol at its position (rule R), using
/// the helpers named in \p names (all set).
ir::Node *spreadArray(ir::IRBuilder &b, ir::NodeList elements, const SpreadNames &names);

} // namespace distribufy::desugar
