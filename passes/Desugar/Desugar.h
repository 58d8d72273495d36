//===- Desugar.h - Internal interface of the desugar pass ------------------===//
//
// Shared between the files of passes/Desugar: the lowering entry point and
// the runtime-free helper functions it emits into the program. Not a public
// header; only the pass factory in Passes.h is visible outside.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "distribufy/IR/IR.h"
#include "distribufy/Support/Diagnostics.h"

namespace distribufy::desugar {

/// The helper functions the lowering may call; each is emitted once, at the
/// top of the program, only when used.
enum class Helper : uint8_t {
  AsyncInit,      ///< the program's Promise, job queue and async driver (AsyncRuntime.cpp)
  ForInKeys,      ///< `{o, k}`: the boxed object and its for-in key list
  GetIterator,    ///< GetIterator(obj, sync), given the already read method
  IteratorStep,   ///< IteratorNext + the result-is-an-object check
  IterClose,      ///< IteratorClose for a break/return completion
  IterCloseThrow, ///< IteratorClose for a throw completion (errors ignored)
  IterMethod,     ///< GetMethod(obj, @@iterator), by the global Symbol
  ArrayFastInit,  ///< captures the array-iteration intrinsics at program start
  ArrayFast,      ///< for-of fast path test: the array, or null
  IterCall,       ///< `c.entries()` etc. heading a for-of, serializable iterator
  DelegateIter,   ///< the operand of `yield*`: a built-in's serializable iterator
  // Destructuring (LowerPatterns.cpp); written in core form already, since
  // they are emitted after the lowering walk.
  DestrFast,       ///< index-path test: null, or `{m}` (the method read)
  DestrIter,       ///< GetIterator -> record `{it, next, done}`
  DestrStep,       ///< IteratorStep + IteratorValue on the record
  DestrRest,       ///< the remaining values as an array
  DestrClose,      ///< IteratorClose (normal completion) unless done
  DestrCloseThrow, ///< IteratorClose (throw completion) unless done
  ObjectRest,      ///< CopyDataProperties into a new object, minus keys
  ToPropertyKey,   ///< ToPropertyKey
  // Spread (Lower.cpp, rule (R)).
  SpreadInto,      ///< appends an iterable's values to an array (iterator protocol)
  ArrayAppend,     ///< appends a literal's elements to an array, holes kept
  ApplySpread,     ///< Reflect.apply with node's "is not a function" message
  ConstructSpread, ///< Reflect.construct with node's "is not a constructor" message
  NumHelpers
};

/// Parses the source of \p h, copies it into \p m's arena and returns the
/// FunctionDeclaration, renamed to \p name. Null (after a diagnostic) if the
/// built-in source failed to parse, which would be a bug in this pass.
/// The AsyncInit helper's JavaScript (AsyncRuntime.cpp).
std::string_view asyncRuntimeSource();

ir::Node *instantiateHelper(ir::Module &m, Helper h, Atom name, DiagnosticEngine &diags);

/// The names lowerModule gave the spread helpers and the for-of fast path
/// record, for the optional-chain calls with spread that lowerConditionals
/// turns into plain calls (empty when the module has none).
struct SpreadNames {
  Atom arrayState, spreadInto, arrayAppend, apply;
  /// The record of the built-in iteration intrinsics (ArrayFastInit), set
  /// whenever lowerModule emitted it (for-of, spread, array patterns), for
  /// the array patterns lowerPatterns lowers (DestrIter); empty otherwise.
  Atom iterState;
};

/// Whether evaluating \p n may run a call (a call-like expression or a
/// class, whose evaluation runs code), not looking into nested functions.
inline bool mayCall(const ir::Node *n) {
  return ir::anyNode(
      n, [](const ir::Node *x) { return ir::isClass(x) || ir::isCallLike(x); },
      [](const ir::Node *x) { return !ir::isFunction(x); });
}

/// First walk (LowerPrivate.cpp): private names (#x) become per-object
/// records behind brand-check helpers; recomputes the scope tables when it
/// changed anything.
bool lowerPrivate(ir::Module &m, DiagnosticEngine &diags);

/// Lowers \p m to the desugar core (see Desugar.cpp). Returns false after
/// reporting err_unsupported for a construct it cannot lower exactly.
bool lowerModule(ir::Module &m, DiagnosticEngine &diags, SpreadNames &spread);

/// Second walk (LowerConditional.cpp), after lowerModule: hoists the
/// conditionally evaluated parts that may call (&&, ||, ??, ?:, optional
/// chains, logical assignment) into IfStatements writing temporaries.
bool lowerConditionals(ir::Module &m, DiagnosticEngine &diags, const SpreadNames &spread);
/// Checks post-condition (C) of Desugar.cpp's banner.
bool verifyConditionals(const ir::Module &m, DiagnosticEngine &diags);

/// Walk between the two above (LowerPatterns.cpp): destructuring patterns
/// and parameter lists containing a call become statements.
bool lowerPatterns(ir::Module &m, DiagnosticEngine &diags, const SpreadNames &spread);
/// Checks post-condition (P) of Desugar.cpp's banner.
bool verifyPatterns(const ir::Module &m, DiagnosticEngine &diags);

} // namespace distribufy::desugar
