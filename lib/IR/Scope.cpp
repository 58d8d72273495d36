//===- Scope.cpp - Scope and binding tables -------------------------------===//
#include "distribufy/IR/Scope.h"

namespace distribufy::ir {

std::string_view bindingKindName(BindingKind k) {
  switch (k) {
  case BindingKind::Var:
    return "var";
  case BindingKind::Let:
    return "let";
  case BindingKind::Const:
    return "const";
  case BindingKind::Function:
    return "function";
  case BindingKind::Class:
    return "class";
  case BindingKind::ClassInner:
    return "class-inner";
  case BindingKind::FunctionName:
    return "function-name";
  case BindingKind::Param:
    return "param";
  case BindingKind::CatchParam:
    return "catch-param";
  case BindingKind::Import:
    return "import";
  case BindingKind::Arguments:
    return "arguments";
  case BindingKind::Global:
    return "global";
  }
  return "?";
}

std::string_view scopeKindName(ScopeKind k) {
  switch (k) {
  case ScopeKind::Script:
    return "script";
  case ScopeKind::Module:
    return "module";
  case ScopeKind::Function:
    return "function";
  case ScopeKind::Block:
    return "block";
  case ScopeKind::Catch:
    return "catch";
  case ScopeKind::Class:
    return "class";
  case ScopeKind::With:
    return "with";
  }
  return "?";
}

ScopeId ScopeTable::addScope(ScopeKind kind, ScopeId parent, Node *node, bool strict) {
  ScopeId id = static_cast<ScopeId>(scopes_.size());
  Scope s;
  s.kind = kind;
  s.parent = parent;
  s.node = node;
  s.strict = strict;
  bool isFunctionLike =
      kind == ScopeKind::Function || kind == ScopeKind::Script || kind == ScopeKind::Module;
  s.functionScope = isFunctionLike || parent == kNoScope ? id : scopes_[parent].functionScope;
  scopes_.push_back(std::move(s));
  return id;
}

BindingId ScopeTable::addBinding(ScopeId scope, Atom name, BindingKind kind, Node *decl) {
  BindingId id = static_cast<BindingId>(bindings_.size());
  Binding b;
  b.name = name;
  b.kind = kind;
  b.scope = scope;
  b.declaration = decl;
  bindings_.push_back(b);
  if (scope != kNoScope)
    scopes_[scope].bindings.push_back(id);
  return id;
}

BindingId ScopeTable::global(Atom name) {
  auto it = globals_.find(name);
  if (it != globals_.end())
    return it->second;
  BindingId id = addBinding(kNoScope, name, BindingKind::Global, nullptr);
  globals_.emplace(name, id);
  return id;
}

BindingId ScopeTable::lookupLocal(ScopeId scope, Atom name) const {
  for (BindingId b : scopes_[scope].bindings)
    if (bindings_[b].name == name)
      return b;
  return kNoBinding;
}

} // namespace distribufy::ir
