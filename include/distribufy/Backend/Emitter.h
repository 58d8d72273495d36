//===- Emitter.h - IR to JavaScript text -----------------------------------===//
//
/// \file
/// Prints IR as readable JavaScript. Parentheses are derived from operator
/// precedence and statement-position rules, so parse(emit(ir)) is
/// structurally equal to ir for every tree the frontend produces, and the
/// emitted program behaves exactly like the input.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "distribufy/IR/IR.h"

#include <string>

namespace distribufy {

struct EmitOptions {
  unsigned indentWidth = 2;
  /// When non-null, emitJavaScript also writes a source map v3 JSON for the
  /// emitted text into *sourceMap: one source (the module's file name, with
  /// its text as sourcesContent) and a mapping for every statement and
  /// expression, at the original position of the node or, for nodes that
  /// passes created without a range, of the nearest enclosing node that has
  /// one. Lines and columns count as JavaScript does (UTF-16 columns). The
  /// emitted text itself is the same with or without a map; it carries no
  /// `//# sourceMappingURL=` comment (the caller appends one).
  std::string *sourceMap = nullptr;
  /// The map's "file" field: the name of the generated file.
  std::string sourceMapFile;
};

/// The whole module as JavaScript source text.
std::string emitJavaScript(const ir::Module &module, const EmitOptions &options = {});
/// One node (statement, expression or part) as JavaScript text. Ignores
/// EmitOptions::sourceMap.
std::string emitNode(const ir::Node *node, const EmitOptions &options = {});

/// A readable dump of the IR tree with its scope annotations (bindings,
/// captured/assigned flags). Every line is a `//` comment, so a dump is
/// still valid JavaScript.
std::string dumpIR(const ir::Module &module);

} // namespace distribufy
