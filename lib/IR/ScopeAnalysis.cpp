//===- ScopeAnalysis.cpp - Resolve every identifier to a binding ----------===//
//
/// \file
/// Scope analysis in two walks over the tree plus a fix-up step between them.
///
/// 1. The declare walk creates every scope (recording it in the node's
///    `scope` META, or in a side table for the few scope-introducing nodes
///    without one: `with` bodies, class field initializers and the implicit
///    block around `if (x) function f() {}`), and declares every binding:
///    `var` and top-level functions in the nearest var scope, lexical
///    declarations in their block. Same-scope clashes are reported here.
/// 2. The fix-up checks each `var` that was hoisted through blocks against
///    the lexical declarations of those blocks (they may come later in the
///    source, so this needs the complete tables) and decides where Annex B
///    gives a sloppy block-level function its extra `var` binding.
/// 3. The resolve walk re-enters the same scopes and resolves each reference
///    innermost-first, creating `arguments` and Global bindings on demand and
///    computing captured / assignedAfterInit / dynamic.
///
/// Names are looked up in one hash map keyed by (scope, atom), so each
/// lookup is O(1) per scope on the chain whatever the size of the scope.
//
//===----------------------------------------------------------------------===//
#include "distribufy/IR/ScopeAnalysis.h"

#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace distribufy::ir {
namespace {

struct NameKey {
  ScopeId scope;
  const void *name;
  bool operator==(const NameKey &o) const { return scope == o.scope && name == o.name; }
};
struct NameKeyHash {
  size_t operator()(const NameKey &k) const {
    return std::hash<const void *>()(k.name) * 31u + k.scope;
  }
};

/// How a pattern's identifiers are treated.
struct PatternCtx {
  bool declare = false; ///< binding pattern (else assignment target)
  BindingKind kind = BindingKind::Var;
  bool hasInit = false;     ///< the declarator has an initialiser
  bool forInOfHead = false; ///< declared by a for-in/of head
  bool forOfHead = false;   ///< ... a for-of head in particular
};

/// A `var` declared in a scope below its var scope, checked after the
/// declare walk against the lexical declarations of the scopes in between.
struct VarOccurrence {
  Identifier *id;
  ScopeId scope;
  ScopeId varScope;
  bool forOf;
};

/// A sloppy-mode block-level function declaration (Annex B.3.3 candidate).
struct AnnexBCandidate {
  Identifier *id;
  ScopeId block;
  ScopeId varScope;
};

class ScopeBuilder {
public:
  ScopeBuilder(Module &m, DiagnosticEngine *diags)
      : m_(m), diags_(diags), table_(std::make_unique<ScopeTable>()), t_(*table_),
        arguments_(m.atom("arguments")), eval_(m.atom("eval")) {}

  bool run() {
    if (m_.program) {
      visitProgram(m_.program);
      checkHoistedVars();
      applyAnnexB();
      resolving_ = true;
      visitProgram(m_.program);
    }
    m_.setScopes(std::move(table_));
    return ok_;
  }

private:
  // ---- Tables ----
  BindingId lookupIn(ScopeId s, Atom name) const {
    auto it = names_.find({s, name.opaque()});
    return it == names_.end() ? kNoBinding : it->second;
  }
  void bindName(ScopeId s, Atom name, BindingId b) { names_[{s, name.opaque()}] = b; }

  BindingId newBinding(ScopeId s, Atom name, BindingKind kind, Node *decl) {
    BindingId b = t_.addBinding(s, name, kind, decl);
    bindName(s, name, b);
    inits_.push_back(0);
    if (allDynamic_[s])
      t_.binding(b).dynamic = true;
    return b;
  }

  ScopeId parentOf(ScopeId s) const { return t_.scope(s).parent; }
  ScopeKind kindOf(ScopeId s) const { return t_.scope(s).kind; }
  bool strictAt(ScopeId s) const { return t_.scope(s).strict; }

  /// Lexically scoped: conflicts with any other declaration of the name in
  /// its scope. Functions are lexical in blocks and at module top level.
  bool isLexical(const Binding &b) const {
    switch (b.kind) {
    case BindingKind::Let:
    case BindingKind::Const:
    case BindingKind::Class:
    case BindingKind::Import:
      return true;
    case BindingKind::Function:
      return !isVarScope_[b.scope] || kindOf(b.scope) == ScopeKind::Module;
    default:
      return false;
    }
  }

  bool isSimpleCatch(ScopeId s) const {
    auto *clause = dynCast<CatchClause>(t_.scope(s).node);
    return clause && isa<Identifier>(clause->param);
  }

  // ---- Scopes ----
  /// Creates (declare walk) or re-enters (resolve walk) the scope of \p node,
  /// kept in \p slot when the node has a `scope` META, else in extra_.
  ScopeId openScope(ScopeKind kind, Node *node, bool strict, ScopeId *slot) {
    if (resolving_)
      return slot ? *slot : extra_.at(node);
    ScopeId id = t_.addScope(kind, cur_, node, strict);
    allDynamic_.push_back(0);
    isVarScope_.push_back(kind == ScopeKind::Function || kind == ScopeKind::Script ||
                          kind == ScopeKind::Module);
    if (slot)
      *slot = id;
    else
      extra_[node] = id;
    return id;
  }

  struct Saved {
    ScopeBuilder &b;
    ScopeId cur, varScope;
    unsigned loopDepth;
    explicit Saved(ScopeBuilder &b)
        : b(b), cur(b.cur_), varScope(b.varScope_), loopDepth(b.loopDepth_) {}
    ~Saved() {
      b.cur_ = cur;
      b.varScope_ = varScope;
      b.loopDepth_ = loopDepth;
    }
  };

  static bool isUseStrict(Atom directive) {
    return directive == "\"use strict\"" || directive == "'use strict'";
  }
  static bool hasUseStrict(NodeList body) {
    for (Node *s : body) {
      auto *es = dynCast<ExpressionStatement>(s);
      if (!es || es->directive.empty())
        return false;
      if (isUseStrict(es->directive))
        return true;
    }
    return false;
  }

  // ---- Diagnostics ----
  void redeclared(Identifier *id, const Binding &prev) {
    ok_ = false;
    if (!diags_)
      return;
    Node *first = prev.declaration;
    Node *second = id;
    // Point at whichever declaration comes second in the source.
    if (first && first->range.valid() && id->range.valid() && first->range.begin > id->range.begin)
      std::swap(first, second);
    diags_->report(DiagId::err_redeclaration, m_.file(), second->range, id->name.str());
    if (first)
      diags_->report(DiagId::note_previous_declaration, m_.file(), first->range, id->name.str());
  }

  // ---- Declarations (declare walk) ----
  /// let/const/class/import and block-level functions in scope \p s.
  /// Returns false after reporting a clash.
  /// \p plainFunction: a block-level function declaration that is neither
  /// async nor a generator (only those may be declared twice, Annex B).
  bool declareLexical(Identifier *id, BindingKind kind, ScopeId s, bool plainFunction = false) {
    BindingId existing = lookupIn(s, id->name);
    if (existing != kNoBinding) {
      Binding &e = t_.binding(existing);
      if (e.kind != BindingKind::FunctionName) {
        // Annex B.3.3.4: sloppy blocks may declare a function twice.
        if (plainFunction && e.kind == BindingKind::Function && isLexical(e) &&
            !nonPlainBlockFunctions_.count(e.declaration) && !strictAt(s) &&
            kindOf(s) != ScopeKind::Module) {
          e.assignedAfterInit = true;
          id->binding = existing;
          return true;
        }
        redeclared(id, e);
        id->binding = existing;
        return false;
      }
    }
    // A function body's top level may not redeclare a parameter, nor a catch
    // block its catch parameter, even though they live in the parent scope.
    ScopeId parent = parentOf(s);
    if (parent != kNoScope &&
        (t_.scope(s).separateVarScope || kindOf(parent) == ScopeKind::Catch)) {
      BindingId p = lookupIn(parent, id->name);
      if (p != kNoBinding && (t_.binding(p).kind == BindingKind::Param ||
                              t_.binding(p).kind == BindingKind::CatchParam)) {
        redeclared(id, t_.binding(p));
        id->binding = newBinding(s, id->name, kind, id);
        return false;
      }
    }
    id->binding = newBinding(s, id->name, kind, id);
    return true;
  }

  /// `var` and function declarations at the top level of a var scope.
  void declareVarLike(Identifier *id, BindingKind kind, ScopeId s, bool hasInit, bool forInOfHead) {
    bool initialises = hasInit || kind == BindingKind::Function;
    BindingId existing = lookupIn(s, id->name);
    if (existing != kNoBinding && t_.binding(existing).kind != BindingKind::FunctionName) {
      Binding &e = t_.binding(existing);
      id->binding = existing;
      if (isLexical(e)) {
        redeclared(id, e);
        return;
      }
      if (kind == BindingKind::Function && e.kind == BindingKind::Var) {
        e.kind = BindingKind::Function;
        e.declaration = id;
      }
      if (initialises && ++inits_[existing] > 1)
        e.assignedAfterInit = true;
      if (forInOfHead || (hasInit && loopDepth_ > 0))
        e.assignedAfterInit = true;
      return;
    }
    BindingId b = newBinding(s, id->name, kind, id);
    id->binding = b;
    inits_[b] = initialises ? 1 : 0;
    // A var initialiser inside a loop, or a for-in/of head, writes the one
    // binding on every iteration.
    if (forInOfHead || (hasInit && loopDepth_ > 0))
      t_.binding(b).assignedAfterInit = true;
  }

  void declareIdentifier(Identifier *id, const PatternCtx &c) {
    switch (c.kind) {
    case BindingKind::Var:
      declareVarLike(id, BindingKind::Var, varScope_, c.hasInit, c.forInOfHead);
      if (cur_ != varScope_)
        hoisted_.push_back({id, cur_, varScope_, c.forOfHead});
      return;
    case BindingKind::Param:
    case BindingKind::CatchParam: {
      // Duplicate parameters (sloppy) share one binding; the duplicate is
      // reported elsewhere when it is an error.
      BindingId existing = lookupIn(cur_, id->name);
      if (existing != kNoBinding && t_.binding(existing).kind == c.kind) {
        id->binding = existing;
        return;
      }
      id->binding = newBinding(cur_, id->name, c.kind, id);
      inits_[id->binding] = 1;
      return;
    }
    default:
      declareLexical(id, c.kind, cur_);
      return;
    }
  }

  void declareFunction(FunctionDeclaration *fn) {
    auto *id = dynCast<Identifier>(fn->id);
    if (!id)
      return;
    if (cur_ == varScope_ && kindOf(cur_) != ScopeKind::Module) {
      declareVarLike(id, BindingKind::Function, cur_, false, false);
      return;
    }
    bool plain = !fn->isGenerator && !fn->isAsync;
    if (!plain)
      nonPlainBlockFunctions_.insert(id);
    if (declareLexical(id, BindingKind::Function, cur_, plain) && !strictAt(cur_) &&
        kindOf(cur_) != ScopeKind::Module)
      annexB_.push_back({id, cur_, varScope_});
  }

  // ---- Fix-up between the walks ----
  void checkHoistedVars() {
    for (const VarOccurrence &v : hoisted_) {
      for (ScopeId s = v.scope; s != v.varScope && s != kNoScope; s = parentOf(s)) {
        BindingId b = lookupIn(s, v.id->name);
        if (b == kNoBinding)
          continue;
        const Binding &e = t_.binding(b);
        // B.3.5: `catch (e) { var e; }` is allowed, but not for-of.
        if (e.kind == BindingKind::CatchParam && isSimpleCatch(s) && !v.forOf)
          continue;
        if (isLexical(e) || e.kind == BindingKind::CatchParam) {
          redeclared(v.id, e);
          break;
        }
      }
    }
  }

  void applyAnnexB() {
    for (const AnnexBCandidate &c : annexB_) {
      Atom name = c.id->name;
      bool applies = true;
      for (ScopeId s = parentOf(c.block); s != kNoScope; s = parentOf(s)) {
        BindingId b = lookupIn(s, name);
        if (b != kNoBinding) {
          const Binding &e = t_.binding(b);
          bool simpleCatch = e.kind == BindingKind::CatchParam && isSimpleCatch(s);
          if (isLexical(e) || e.kind == BindingKind::Param ||
              (e.kind == BindingKind::CatchParam && !simpleCatch))
            applies = false;
        }
        if (!applies || s == c.varScope)
          break;
      }
      if (!applies)
        continue;
      BindingId var = lookupIn(c.varScope, name);
      if (var == kNoBinding || t_.binding(var).kind == BindingKind::FunctionName)
        var = newBinding(c.varScope, name, BindingKind::Var, c.id);
      // The block's evaluation assigns the function to the var binding.
      t_.binding(var).assignedAfterInit = true;
      t_.binding(c.id->binding).annexBVar = var;
    }
  }

  // ---- Resolution (resolve walk) ----
  BindingId resolveName(Atom name, bool &viaWith, bool createGlobal = true) {
    for (ScopeId s = cur_; s != kNoScope; s = parentOf(s)) {
      const Scope &sc = t_.scope(s);
      if (sc.kind == ScopeKind::With)
        viaWith = true;
      BindingId b = lookupIn(s, name);
      if (b != kNoBinding)
        return b;
      if (name == arguments_ && sc.kind == ScopeKind::Function && !sc.isArrow &&
          !isa<PropertyDefinition>(sc.node)) {
        t_.scope(s).usesArguments = true;
        return newBinding(s, name, BindingKind::Arguments, nullptr);
      }
    }
    return createGlobal ? t_.global(name) : kNoBinding;
  }

  void reference(Identifier *id, bool write) {
    bool viaWith = false;
    BindingId b = resolveName(id->name, viaWith);
    id->binding = b;
    Binding &bd = t_.binding(b);
    if (viaWith)
      bd.dynamic = true;
    if (bd.scope != kNoScope && t_.scope(bd.scope).functionScope != t_.scope(cur_).functionScope)
      bd.captured = true;
    if (write)
      bd.assignedAfterInit = true;
  }

  /// A direct eval can read and write every binding visible from here.
  void directEval() {
    ScopeId fs = t_.scope(cur_).functionScope;
    for (ScopeId s = cur_; s != kNoScope; s = parentOf(s)) {
      t_.scope(s).hasDirectEval = true;
      if (s == fs)
        break;
    }
    bool viaWith = false;
    BindingId args = resolveName(arguments_, viaWith, /*createGlobal=*/false);
    if (args != kNoBinding && t_.binding(args).scope != kNoScope &&
        t_.scope(t_.binding(args).scope).functionScope != fs)
      t_.binding(args).captured = true;
    for (ScopeId s = cur_; s != kNoScope && !allDynamic_[s]; s = parentOf(s)) {
      allDynamic_[s] = 1;
      for (BindingId b : t_.scope(s).bindings) {
        t_.binding(b).dynamic = true;
        if (t_.scope(s).functionScope != fs)
          t_.binding(b).captured = true;
      }
    }
  }

  void usesThis() {
    for (ScopeId s = cur_; s != kNoScope; s = parentOf(s)) {
      Scope &sc = t_.scope(s);
      if (sc.kind == ScopeKind::Function || sc.functionScope == s)
        sc.usesThis = true;
      if (sc.functionScope == s && !sc.isArrow)
        break;
    }
  }

  // ---- The walk ----
  void visitProgram(Program *p) {
    bool strict = p->isModule || hasUseStrict(p->body);
    cur_ = kNoScope;
    cur_ = openScope(p->isModule ? ScopeKind::Module : ScopeKind::Script, p, strict, &p->scope);
    varScope_ = cur_;
    loopDepth_ = 0;
    visitList(p->body);
  }

  void visitList(NodeList list) {
    for (Node *n : list)
      if (n)
        visit(n);
  }

  void visitBlockBody(Node *block, NodeList body, ScopeId *slot) {
    Saved saved(*this);
    cur_ = openScope(ScopeKind::Block, block, strictAt(cur_), slot);
    visitList(body);
  }

  /// A function declaration used as an `if` branch (Annex B.3.4) behaves as
  /// if wrapped in a block.
  void visitBranch(Node *n) {
    if (!n)
      return;
    if (!isa<FunctionDeclaration>(n)) {
      visit(n);
      return;
    }
    Saved saved(*this);
    cur_ = openScope(ScopeKind::Block, n, strictAt(cur_), nullptr);
    visit(n);
  }

  void visitLoopBody(Node *body) {
    ++loopDepth_;
    visit(body);
    --loopDepth_;
  }

  void pattern(Node *n, const PatternCtx &c) {
    switch (n->kind) {
    case NodeKind::Identifier: {
      auto *id = cast<Identifier>(n);
      if (c.declare) {
        if (!resolving_)
          declareIdentifier(id, c);
      } else if (resolving_) {
        reference(id, /*write=*/true);
      }
      return;
    }
    case NodeKind::ObjectPattern:
      for (Node *p : cast<ObjectPattern>(n)->properties) {
        if (auto *prop = dynCast<Property>(p)) {
          if (prop->computed && prop->key)
            visit(prop->key);
          if (prop->value)
            pattern(prop->value, c);
        } else if (p) {
          pattern(p, c);
        }
      }
      return;
    case NodeKind::ArrayPattern:
      for (Node *e : cast<ArrayPattern>(n)->elements)
        if (e)
          pattern(e, c);
      return;
    case NodeKind::AssignmentPattern: {
      auto *ap = cast<AssignmentPattern>(n);
      pattern(ap->left, c);
      if (ap->right)
        visit(ap->right);
      return;
    }
    case NodeKind::RestElement:
      pattern(cast<RestElement>(n)->argument, c);
      return;
    default:
      // A member expression (or other expression) as an assignment target.
      visit(n);
      return;
    }
  }

  static bool hasParameterExpressions(Node *n) {
    if (!n)
      return false;
    switch (n->kind) {
    case NodeKind::AssignmentPattern:
      return true;
    case NodeKind::ObjectPattern:
      for (Node *p : cast<ObjectPattern>(n)->properties) {
        if (auto *prop = dynCast<Property>(p)) {
          if (prop->computed || hasParameterExpressions(prop->value))
            return true;
        } else if (hasParameterExpressions(p)) {
          return true;
        }
      }
      return false;
    case NodeKind::ArrayPattern:
      for (Node *e : cast<ArrayPattern>(n)->elements)
        if (hasParameterExpressions(e))
          return true;
      return false;
    case NodeKind::RestElement:
      return hasParameterExpressions(cast<RestElement>(n)->argument);
    default:
      return false;
    }
  }

  template <typename Fn> void visitFunction(Fn *fn) {
    bool isArrow = isa<ArrowFunctionExpression>(fn);
    auto *block = dynCast<BlockStatement>(fn->body);
    bool strict = strictAt(cur_) || (block && hasUseStrict(block->body));
    Saved saved(*this);
    cur_ = openScope(ScopeKind::Function, fn, strict, &fn->scope);
    varScope_ = cur_;
    loopDepth_ = 0;
    if (!resolving_) {
      t_.scope(cur_).isArrow = isArrow;
      if (auto *id = dynCast<Identifier>(fn->id); id && isa<FunctionExpression>(fn))
        id->binding = newBinding(cur_, id->name, BindingKind::FunctionName, id);
    }
    bool separate = false;
    if (block && !resolving_)
      for (Node *p : fn->params)
        separate = separate || hasParameterExpressions(p);
    for (Node *p : fn->params)
      if (p)
        pattern(p, {.declare = true, .kind = BindingKind::Param});
    if (!block) {
      if (fn->body)
        visit(fn->body);
      return;
    }
    if (resolving_) {
      cur_ = block->scope;
    } else if (separate) {
      cur_ = openScope(ScopeKind::Block, block, strict, &block->scope);
      t_.scope(cur_).separateVarScope = true;
      isVarScope_[cur_] = 1;
    } else {
      block->scope = cur_;
    }
    varScope_ = cur_;
    visitList(block->body);
  }

  template <typename Cls> void visitClass(Cls *cls, bool isDeclaration) {
    auto *id = dynCast<Identifier>(cls->id);
    if (isDeclaration && id && !resolving_)
      declareLexical(id, BindingKind::Class, cur_);
    Saved saved(*this);
    cur_ = openScope(ScopeKind::Class, cls, /*strict=*/true, &cls->scope);
    if (id && !resolving_) {
      BindingId inner = newBinding(cur_, id->name, BindingKind::ClassInner, id);
      if (!isDeclaration)
        id->binding = inner;
    }
    if (cls->superClass)
      visit(cls->superClass);
    for (Node *member : cls->body) {
      if (!member)
        continue;
      if (auto *md = dynCast<MethodDefinition>(member)) {
        if (md->computed && md->key)
          visit(md->key);
        if (md->value)
          visit(md->value);
      } else if (auto *pd = dynCast<PropertyDefinition>(member)) {
        if (pd->computed && pd->key)
          visit(pd->key);
        if (pd->value) {
          // A field initializer runs like a method of its own.
          Saved inner(*this);
          cur_ = openScope(ScopeKind::Function, pd, true, nullptr);
          varScope_ = cur_;
          loopDepth_ = 0;
          visit(pd->value);
        }
      } else if (auto *sb = dynCast<StaticBlock>(member)) {
        Saved inner(*this);
        cur_ = openScope(ScopeKind::Block, sb, true, &sb->scope);
        if (!resolving_) {
          t_.scope(cur_).functionScope = cur_;
          isVarScope_[cur_] = 1;
        }
        varScope_ = cur_;
        loopDepth_ = 0;
        visitList(sb->body);
      } else {
        visit(member);
      }
    }
  }

  void visitVariableDeclaration(VariableDeclaration *vd, bool forInOfHead, bool forOf) {
    BindingKind kind = vd->kind == VarKind::Let     ? BindingKind::Let
                       : vd->kind == VarKind::Const ? BindingKind::Const
                                                    : BindingKind::Var;
    for (Node *d : vd->declarations) {
      auto *decl = dynCast<VariableDeclarator>(d);
      if (!decl)
        continue;
      if (decl->id)
        pattern(decl->id, {.declare = true,
                           .kind = kind,
                           .hasInit = decl->init != nullptr,
                           .forInOfHead = forInOfHead,
                           .forOfHead = forOf});
      if (decl->init)
        visit(decl->init);
    }
  }

  template <typename ForInOf> void visitForInOf(ForInOf *f, bool isOf) {
    Saved saved(*this);
    cur_ = openScope(ScopeKind::Block, f, strictAt(cur_), &f->scope);
    if (auto *vd = dynCast<VariableDeclaration>(f->left))
      visitVariableDeclaration(vd, /*forInOfHead=*/true, isOf);
    else if (f->left)
      pattern(f->left, {});
    if (f->right)
      visit(f->right);
    if (f->body)
      visitLoopBody(f->body);
  }

  void visit(Node *n) {
    switch (n->kind) {
    case NodeKind::Identifier:
      if (resolving_)
        reference(cast<Identifier>(n), /*write=*/false);
      return;
    case NodeKind::BlockStatement: {
      auto *b = cast<BlockStatement>(n);
      visitBlockBody(b, b->body, &b->scope);
      return;
    }
    case NodeKind::SwitchStatement: {
      auto *s = cast<SwitchStatement>(n);
      if (s->discriminant)
        visit(s->discriminant);
      visitBlockBody(s, s->cases, &s->scope);
      return;
    }
    case NodeKind::ForStatement: {
      auto *f = cast<ForStatement>(n);
      Saved saved(*this);
      cur_ = openScope(ScopeKind::Block, f, strictAt(cur_), &f->scope);
      if (auto *vd = dynCast<VariableDeclaration>(f->init))
        visitVariableDeclaration(vd, false, false);
      else if (f->init)
        visit(f->init);
      ++loopDepth_;
      if (f->test)
        visit(f->test);
      if (f->update)
        visit(f->update);
      if (f->body)
        visit(f->body);
      return;
    }
    case NodeKind::ForInStatement:
      visitForInOf(cast<ForInStatement>(n), false);
      return;
    case NodeKind::ForOfStatement:
      visitForInOf(cast<ForOfStatement>(n), true);
      return;
    case NodeKind::WhileStatement: {
      auto *w = cast<WhileStatement>(n);
      if (w->test)
        visit(w->test);
      if (w->body)
        visitLoopBody(w->body);
      return;
    }
    case NodeKind::DoWhileStatement: {
      auto *w = cast<DoWhileStatement>(n);
      if (w->body)
        visitLoopBody(w->body);
      if (w->test)
        visit(w->test);
      return;
    }
    case NodeKind::IfStatement: {
      auto *i = cast<IfStatement>(n);
      if (i->test)
        visit(i->test);
      visitBranch(i->consequent);
      visitBranch(i->alternate);
      return;
    }
    case NodeKind::WithStatement: {
      auto *w = cast<WithStatement>(n);
      if (w->object)
        visit(w->object);
      Saved saved(*this);
      cur_ = openScope(ScopeKind::With, w, strictAt(cur_), nullptr);
      if (w->body)
        visit(w->body);
      return;
    }
    case NodeKind::CatchClause: {
      auto *c = cast<CatchClause>(n);
      Saved saved(*this);
      cur_ = openScope(ScopeKind::Catch, c, strictAt(cur_), &c->scope);
      if (c->param)
        pattern(c->param, {.declare = true, .kind = BindingKind::CatchParam});
      if (c->body)
        visit(c->body);
      return;
    }
    case NodeKind::VariableDeclaration:
      visitVariableDeclaration(cast<VariableDeclaration>(n), false, false);
      return;
    case NodeKind::FunctionDeclaration: {
      auto *fn = cast<FunctionDeclaration>(n);
      if (!resolving_)
        declareFunction(fn);
      visitFunction(fn);
      return;
    }
    case NodeKind::FunctionExpression:
      visitFunction(cast<FunctionExpression>(n));
      return;
    case NodeKind::ArrowFunctionExpression:
      visitFunction(cast<ArrowFunctionExpression>(n));
      return;
    case NodeKind::ClassDeclaration:
      visitClass(cast<ClassDeclaration>(n), true);
      return;
    case NodeKind::ClassExpression:
      visitClass(cast<ClassExpression>(n), false);
      return;
    case NodeKind::ImportDeclaration:
      for (Node *s : cast<ImportDeclaration>(n)->specifiers) {
        Node *local = nullptr;
        if (auto *is = dynCast<ImportSpecifier>(s))
          local = is->local;
        else if (auto *ds = dynCast<ImportDefaultSpecifier>(s))
          local = ds->local;
        else if (auto *ns = dynCast<ImportNamespaceSpecifier>(s))
          local = ns->local;
        if (auto *id = dynCast<Identifier>(local); id && !resolving_)
          declareLexical(id, BindingKind::Import, cur_);
      }
      return;
    case NodeKind::ExportNamedDeclaration: {
      auto *e = cast<ExportNamedDeclaration>(n);
      if (e->declaration)
        visit(e->declaration);
      // `export { x as y }` reads the local x; with a `from` clause neither
      // name is a local variable.
      if (!e->source)
        for (Node *s : e->specifiers)
          if (auto *es = dynCast<ExportSpecifier>(s); es && isa<Identifier>(es->local))
            visit(es->local);
      return;
    }
    case NodeKind::ExportDefaultDeclaration:
      if (auto *d = cast<ExportDefaultDeclaration>(n)->declaration)
        visit(d);
      return;
    case NodeKind::ExportAllDeclaration:
    case NodeKind::MetaProperty:
    case NodeKind::PrivateName:
      return;
    case NodeKind::MemberExpression: {
      auto *me = cast<MemberExpression>(n);
      if (me->object)
        visit(me->object);
      if (me->computed && me->property)
        visit(me->property);
      return;
    }
    case NodeKind::Property: {
      auto *p = cast<Property>(n);
      if (p->computed && p->key)
        visit(p->key);
      if (p->value)
        visit(p->value);
      return;
    }
    case NodeKind::AssignmentExpression: {
      auto *a = cast<AssignmentExpression>(n);
      if (a->left)
        pattern(a->left, {});
      if (a->right)
        visit(a->right);
      return;
    }
    case NodeKind::UpdateExpression: {
      auto *u = cast<UpdateExpression>(n);
      if (auto *id = dynCast<Identifier>(u->argument)) {
        if (resolving_)
          reference(id, /*write=*/true);
      } else if (u->argument) {
        visit(u->argument);
      }
      return;
    }
    case NodeKind::CallExpression: {
      auto *c = cast<CallExpression>(n);
      if (c->callee)
        visit(c->callee);
      visitList(c->arguments);
      if (resolving_ && !c->optional)
        if (auto *callee = dynCast<Identifier>(c->callee);
            callee && callee->name == eval_ &&
            t_.binding(callee->binding).kind == BindingKind::Global)
          directEval();
      return;
    }
    case NodeKind::ThisExpression:
    case NodeKind::Super:
      if (resolving_)
        usesThis();
      return;
    case NodeKind::ObjectPattern:
    case NodeKind::ArrayPattern:
    case NodeKind::AssignmentPattern:
    case NodeKind::RestElement:
      pattern(n, {});
      return;
    default:
      forEachChildSlot(n, [&](Node *&child) { visit(child); });
      return;
    }
  }

  Module &m_;
  DiagnosticEngine *diags_;
  std::unique_ptr<ScopeTable> table_;
  ScopeTable &t_;
  Atom arguments_, eval_;
  bool resolving_ = false;
  bool ok_ = true;

  ScopeId cur_ = kNoScope;
  ScopeId varScope_ = kNoScope;
  unsigned loopDepth_ = 0; ///< loops between here and the var scope

  std::unordered_map<NameKey, BindingId, NameKeyHash> names_;
  std::unordered_map<const Node *, ScopeId> extra_; ///< scopes without a META slot
  std::vector<uint32_t> inits_;                     ///< per binding: initialising declarations
  std::vector<uint8_t> allDynamic_;                 ///< per scope: a direct eval sees it all
  std::vector<uint8_t> isVarScope_;                 ///< per scope: receives `var`s
  std::vector<VarOccurrence> hoisted_;
  std::vector<AnnexBCandidate> annexB_;
  /// Declaring identifiers of async/generator block-level functions, which
  /// Annex B.3.3.4 does not let a duplicate declaration join (rare: a set).
  std::unordered_set<const Node *> nonPlainBlockFunctions_;
};

} // namespace

bool analyzeScopes(Module &module, DiagnosticEngine *diags) {
  return ScopeBuilder(module, diags).run();
}

} // namespace distribufy::ir
