//===- Scope.h - Scopes and bindings ---------------------------------------===//
//
/// \file
/// The result of scope analysis: every declared name is a Binding in a flat
/// table; every Identifier that declares or references a variable carries
/// the BindingId it resolves to. Names that resolve to no declaration get one
/// Binding of kind Global per name. Bindings record what later passes need:
/// whether a closure captures them and whether they are assigned after
/// initialisation.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "distribufy/IR/IR.h"

#include <string_view>
#include <unordered_map>
#include <vector>

namespace distribufy::ir {

enum class BindingKind : uint8_t {
  Var,          ///< `var`
  Let,          ///< `let`
  Const,        ///< `const`
  Function,     ///< function declaration
  Class,        ///< class declaration (outer binding)
  ClassInner,   ///< a class's own name inside its body (immutable)
  FunctionName, ///< a named function expression's own name (immutable)
  Param,        ///< formal parameter
  CatchParam,   ///< `catch (e)`
  Import,       ///< import binding (immutable)
  Arguments,    ///< implicit `arguments` of a non-arrow function
  Global,       ///< unresolved: a property of the global object
};
std::string_view bindingKindName(BindingKind k);

enum class ScopeKind : uint8_t {
  Script,   ///< top level of a script (sloppy or strict)
  Module,   ///< top level of an ES module
  Function, ///< parameters and body of a function (incl. arrows)
  Block,    ///< block, for-loop head, switch, static block
  Catch,    ///< catch clause parameter
  Class,    ///< class body (holds the inner class name)
  With,     ///< `with` statement body: names inside resolve dynamically
};
std::string_view scopeKindName(ScopeKind k);

struct Binding {
  Atom name;
  BindingKind kind = BindingKind::Var;
  ScopeId scope = kNoScope;       ///< declaring scope (kNoScope for globals)
  Node *declaration = nullptr;    ///< declaring Identifier (null if implicit)
  bool captured = false;          ///< referenced from a nested function
  bool assignedAfterInit = false; ///< written anywhere besides its initialiser
  bool dynamic = false;           ///< visible to direct `eval` or `with`
  /// For a block-level function declaration in sloppy mode: the `var`
  /// binding of the same name in the enclosing function/script scope that
  /// receives the function's value when its block is evaluated (Annex B.3.3);
  /// kNoBinding when Annex B does not apply (strict code, or a conflicting
  /// lexical declaration or parameter of that name).
  BindingId annexBVar = kNoBinding;
};

struct Scope {
  ScopeKind kind = ScopeKind::Block;
  ScopeId parent = kNoScope;
  /// Nearest enclosing Function/Script/Module scope (itself if it is one).
  /// A class static block's Block scope is its own functionScope: it runs
  /// like a method body and holds its own `var`s. A class field initializer
  /// gets a Function scope whose node is the PropertyDefinition.
  ScopeId functionScope = kNoScope;
  Node *node = nullptr; ///< the node that introduced the scope
  bool strict = false;
  /// A direct `eval(...)` call occurs in this scope, or in a nested
  /// non-function scope of the same function.
  bool hasDirectEval = false;
  /// Function scope of an arrow function: no own this/arguments/super.
  bool isArrow = false;
  /// Function, static-block and top-level scopes: `this` or `super` is used by this
  /// function's own code (for an arrow: the enclosing function's `this`,
  /// which the arrow therefore captures).
  bool usesThis = false;
  /// Function scope: the implicit `arguments` binding exists because some
  /// code (this function, a nested arrow, or a direct eval) refers to it.
  bool usesArguments = false;
  /// Block scope of a function body that is separate from the parameter
  /// scope because the parameters contain expressions (defaults, computed
  /// keys; ES FunctionDeclarationInstantiation step 28). It holds the body's
  /// `var`s and lexical declarations; a body `var` named like a parameter
  /// is a distinct binding initialised with the parameter's value.
  bool separateVarScope = false;
  std::vector<BindingId> bindings; ///< in declaration order
};

class ScopeTable {
public:
  ScopeId addScope(ScopeKind kind, ScopeId parent, Node *node, bool strict);
  BindingId addBinding(ScopeId scope, Atom name, BindingKind kind, Node *decl);
  /// The Global binding for \p name, created on first use.
  BindingId global(Atom name);
  /// The binding named \p name declared directly in \p scope, if any.
  BindingId lookupLocal(ScopeId scope, Atom name) const;

  Scope &scope(ScopeId id) { return scopes_[id]; }
  const Scope &scope(ScopeId id) const { return scopes_[id]; }
  Binding &binding(BindingId id) { return bindings_[id]; }
  const Binding &binding(BindingId id) const { return bindings_[id]; }
  size_t numScopes() const { return scopes_.size(); }
  size_t numBindings() const { return bindings_.size(); }

private:
  std::vector<Scope> scopes_;
  std::vector<Binding> bindings_;
  std::unordered_map<Atom, BindingId, AtomHash> globals_;
};

} // namespace distribufy::ir
