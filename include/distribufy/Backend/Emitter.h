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
};

/// The whole module as JavaScript source text.
std::string emitJavaScript(const ir::Module &module, const EmitOptions &options = {});
/// One node (statement, expression or part) as JavaScript text.
std::string emitNode(const ir::Node *node, const EmitOptions &options = {});

/// A readable dump of the IR tree with its scope annotations (bindings,
/// captured/assigned flags). Every line is a `//` comment, so a dump is
/// still valid JavaScript.
std::string dumpIR(const ir::Module &module);

} // namespace distribufy
