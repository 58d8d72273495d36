//===- Snippets.h - JavaScript text that passes insert into programs ------===//
//
/// \file
/// Passes insert small runtime-free helper functions into the programs they
/// compile (the desugar helpers, the closure prologue). Those helpers are
/// written as JavaScript source, which is far easier to read and review than
/// IRBuilder calls; importSnippet parses such text with the frontend into a
/// scratch module and deep-copies its statements into the program. The text
/// is the compiler's own, never the user's or a checkpoint's.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "distribufy/IR/IR.h"
#include "distribufy/Support/Diagnostics.h"

#include <optional>
#include <string_view>
#include <vector>

namespace distribufy {

/// Parses \p source (a script) and returns copies of its top-level
/// statements allocated in \p into (source ranges dropped, analysis
/// annotations reset). If the text does not parse, reports err_pass_failed
/// for \p pass, naming \p what, and returns nullopt.
std::optional<std::vector<ir::Node *>> importSnippet(ir::Module &into, std::string_view source,
                                                     DiagnosticEngine &diags, std::string_view pass,
                                                     std::string_view what);

} // namespace distribufy
