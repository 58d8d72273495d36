//===- Frontend.h - JavaScript source to IR --------------------------------===//
//
/// \file
/// Parses JavaScript with tree-sitter, converts the concrete syntax tree to
/// the IR, checks the static-semantics ("early") errors the grammar does not,
/// and runs scope analysis. Every problem becomes a diagnostic with a source
/// location; the frontend never crashes on any input and never returns a
/// partial module.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "distribufy/IR/IR.h"
#include "distribufy/Support/Diagnostics.h"

#include <memory>

namespace distribufy {

enum class SourceType {
  Auto,     ///< a module if the file ends in .mjs or has import/export
            ///< declarations at top level; CommonJS otherwise
  Script,   ///< sloppy-mode script unless it starts with "use strict"
  Module,   ///< ES module: strict, import/export allowed
  CommonJS, ///< a script node runs inside a function: as Script, but a
            ///< top-level `return` is allowed (recorded in Module::commonJS)
};

struct ParseOptions {
  SourceType sourceType = SourceType::Auto;
  /// Deeper syntactic nesting than this is reported as an error instead of
  /// risking the native stack (the tree is processed recursively).
  unsigned maxNesting = 20000;
};

/// Parses the buffer \p file of \p sm into a new Module. Returns null after
/// reporting at least one error to \p diags.
std::unique_ptr<ir::Module> parseJavaScript(const SourceManager &sm, FileId file,
                                            DiagnosticEngine &diags,
                                            const ParseOptions &options = {});

} // namespace distribufy
