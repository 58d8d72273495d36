//===- Verify.cpp - The structural IR verifier -----------------------------===//
//
// verify: checks that the tree is well formed, i.e. that every child slot
// holds what the IR allows there. NodeKinds.def types every child as a plain
// `Node *`, so nothing but this verifier stops a transform from putting a
// statement in an expression slot, dropping a required child or building a
// TemplateLiteral whose quasis do not interleave its expressions; the
// emitter would then print something that is not the program.
//
// Checked, per node kind: statement lists hold statements (module
// declarations only at the top of a Program); expression slots hold
// expressions; binding and assignment targets hold identifiers, member
// expressions or patterns; parts hold their own kinds (SwitchCase in switch
// cases, Property/SpreadElement in object literals, ...); required children
// are non-null; holes appear only in array literals and array patterns; a
// rest element comes last; TemplateLiteral has expressions + 1 quasis.
// Each violation is an err_verifier diagnostic at the offending node (or its
// nearest located ancestor, for synthesized nodes).
//
// Requires: nothing. Establishes: nothing. Leaves the tree unchanged. The
// same check is every pass's default post-condition (Pass::verify), so
// `--verify-each` runs it after each pass; this pass runs it on demand:
//
//   dist-opt --passes=desugar,verify in.js
//
// One walk with an explicit work list: linear, and safe for deep trees.
//
//===----------------------------------------------------------------------===//
#include "passes/Passes.h"

#include <algorithm>
#include <fmt/format.h>

namespace distribufy {

namespace {

using namespace ir;

using Pred = bool (*)(const Node *);

bool isStatement(const Node *n) { return category(n->kind) == NodeCategory::Statement; }
bool isModuleDeclaration(const Node *n) {
  switch (n->kind) {
  case NodeKind::ImportDeclaration:
  case NodeKind::ExportNamedDeclaration:
  case NodeKind::ExportDefaultDeclaration:
  case NodeKind::ExportAllDeclaration:
    return true;
  default:
    return false;
  }
}
bool isNestedStatement(const Node *n) { return isStatement(n) && !isModuleDeclaration(n); }
bool isExpression(const Node *n) { return category(n->kind) == NodeCategory::Expression; }
bool isIdentifier(const Node *n) { return isa<Identifier>(n); }
bool isBlock(const Node *n) { return isa<BlockStatement>(n); }
bool isStringLiteral(const Node *n) { return isa<StringLiteral>(n); }
bool isModuleExportName(const Node *n) { return isa<Identifier>(n) || isa<StringLiteral>(n); }
/// What a binding declares: a name or a destructuring pattern.
bool isBindingTarget(const Node *n) {
  return isa<Identifier>(n) || isa<ObjectPattern>(n) || isa<ArrayPattern>(n);
}
/// What an assignment or destructuring element may write to.
bool isTarget(const Node *n) { return isBindingTarget(n) || isa<MemberExpression>(n); }
/// An element of a pattern or parameter list (a rest element is checked to
/// come last separately).
bool isPatternElement(const Node *n) {
  return isTarget(n) || isa<AssignmentPattern>(n) || isa<RestElement>(n);
}
bool isAssignmentLeft(const Node *n) {
  return isExpression(n) || isa<ObjectPattern>(n) || isa<ArrayPattern>(n);
}
bool isExpressionOrSpread(const Node *n) { return isExpression(n) || isa<SpreadElement>(n); }
bool isObjectMember(const Node *n) { return isa<Property>(n) || isa<SpreadElement>(n); }
bool isPatternMember(const Node *n) { return isa<Property>(n) || isa<RestElement>(n); }
bool isClassMember(const Node *n) {
  return isa<MethodDefinition>(n) || isa<PropertyDefinition>(n) || isa<StaticBlock>(n);
}
bool isClassKey(const Node *n) { return isExpression(n) || isa<PrivateName>(n); }
bool isMemberProperty(const Node *n) { return isa<Identifier>(n) || isa<PrivateName>(n); }
bool isForInit(const Node *n) { return isa<VariableDeclaration>(n) || isExpression(n); }
bool isForInLeft(const Node *n) { return isa<VariableDeclaration>(n) || isTarget(n); }
bool isArrowBody(const Node *n) { return isBlock(n) || isExpression(n); }
bool isExportable(const Node *n) {
  return isa<VariableDeclaration>(n) || isa<FunctionDeclaration>(n) || isa<ClassDeclaration>(n);
}
bool isDefaultExport(const Node *n) {
  return isa<FunctionDeclaration>(n) || isa<ClassDeclaration>(n) || isExpression(n);
}
bool isImportSpecifier(const Node *n) {
  return isa<ImportSpecifier>(n) || isa<ImportDefaultSpecifier>(n) ||
         isa<ImportNamespaceSpecifier>(n);
}
bool isCallOrMember(const Node *n) { return isa<CallExpression>(n) || isa<MemberExpression>(n); }

template <typename T> bool is(const Node *n) { return isa<T>(n); }

class Verifier {
public:
  Verifier(const Module &module, DiagnosticEngine &diags, std::string_view afterPass)
      : module_(module), diags_(diags), afterPass_(afterPass) {}

  bool run() {
    if (!module_.program) {
      fail(SourceRange{}, "the module has no Program");
      return false;
    }
    work_.push_back({module_.program, module_.program->range});
    while (!work_.empty()) {
      auto [node, fallback] = work_.back();
      work_.pop_back();
      at_ = node->range.valid() ? node->range : fallback;
      check(node);
      size_t first = work_.size();
      forEachChild(node, [&](const Node *child) { work_.push_back({child, at_}); });
      // Pushed in source order; reverse so they are popped (and reported) in it.
      std::reverse(work_.begin() + static_cast<std::ptrdiff_t>(first), work_.end());
    }
    return ok_;
  }

private:
  void fail(SourceRange where, std::string message) {
    ok_ = false;
    diags_.report(DiagId::err_verifier, module_.file(), where, afterPass_, message);
  }
  static std::string_view describe(const Node *n) { return n ? kindName(n->kind) : "nothing"; }

  /// A required child.
  void need(const Node *parent, std::string_view field, const Node *child, Pred ok,
            std::string_view expected) {
    if (!child)
      fail(at_,
           fmt::format("{}.{} is missing (expected {})", kindName(parent->kind), field, expected));
    else if (!ok(child))
      wrong(parent, field, child, expected);
  }
  /// An optional child.
  void opt(const Node *parent, std::string_view field, const Node *child, Pred ok,
           std::string_view expected) {
    if (child && !ok(child))
      wrong(parent, field, child, expected);
  }
  void wrong(const Node *parent, std::string_view field, const Node *child,
             std::string_view expected) {
    fail(child->range.valid() ? child->range : at_,
         fmt::format("{}.{} holds {}, expected {}", kindName(parent->kind), field, describe(child),
                     expected));
  }
  /// Every entry of a list. \p holes: null entries are allowed. \p restLast:
  /// a RestElement may only be the last entry.
  void list(const Node *parent, std::string_view field, NodeList items, Pred ok,
            std::string_view expected, bool holes = false, bool restLast = false) {
    for (size_t i = 0; i < items.size(); ++i) {
      const Node *item = items[i];
      if (!item) {
        if (!holes)
          fail(at_, fmt::format("{}.{}[{}] is null (expected {})", kindName(parent->kind), field, i,
                                expected));
        continue;
      }
      if (!ok(item))
        wrong(parent, field, item, expected);
      else if (restLast && isa<RestElement>(item) && i + 1 != items.size())
        fail(item->range.valid() ? item->range : at_,
             fmt::format("{}.{}: a RestElement must be the last entry", kindName(parent->kind),
                         field));
    }
  }

  void checkFunction(const Node *n, const NodeList &params, const Node *id, const Node *body,
                     bool arrow) {
    opt(n, "id", id, isIdentifier, "Identifier");
    list(n, "params", params, isPatternElement, "a parameter pattern", false, true);
    if (arrow)
      need(n, "body", body, isArrowBody, "BlockStatement or expression");
    else
      need(n, "body", body, isBlock, "BlockStatement");
  }

  void check(const Node *node) {
    constexpr std::string_view stmt = "statement";
    constexpr std::string_view expr = "expression";
    switch (node->kind) {
    case NodeKind::Program:
      list(node, "body", cast<Program>(node)->body, isStatement, stmt);
      break;
    case NodeKind::ExpressionStatement:
      need(node, "expression", cast<ExpressionStatement>(node)->expression, isExpression, expr);
      break;
    case NodeKind::BlockStatement:
      list(node, "body", cast<BlockStatement>(node)->body, isNestedStatement, stmt);
      break;
    case NodeKind::EmptyStatement:
    case NodeKind::DebuggerStatement:
    case NodeKind::BreakStatement:
    case NodeKind::ContinueStatement:
    case NodeKind::NullLiteral:
    case NodeKind::BooleanLiteral:
    case NodeKind::NumericLiteral:
    case NodeKind::BigIntLiteral:
    case NodeKind::StringLiteral:
    case NodeKind::RegExpLiteral:
    case NodeKind::ThisExpression:
    case NodeKind::Super:
    case NodeKind::MetaProperty:
    case NodeKind::TemplateElement:
      break;
    case NodeKind::WithStatement: {
      auto *n = cast<WithStatement>(node);
      need(n, "object", n->object, isExpression, expr);
      need(n, "body", n->body, isNestedStatement, stmt);
      break;
    }
    case NodeKind::ReturnStatement:
      opt(node, "argument", cast<ReturnStatement>(node)->argument, isExpression, expr);
      break;
    case NodeKind::LabeledStatement: {
      auto *n = cast<LabeledStatement>(node);
      if (n->label.empty())
        fail(at_, "LabeledStatement has an empty label");
      need(n, "body", n->body, isNestedStatement, stmt);
      break;
    }
    case NodeKind::IfStatement: {
      auto *n = cast<IfStatement>(node);
      need(n, "test", n->test, isExpression, expr);
      need(n, "consequent", n->consequent, isNestedStatement, stmt);
      opt(n, "alternate", n->alternate, isNestedStatement, stmt);
      break;
    }
    case NodeKind::SwitchStatement: {
      auto *n = cast<SwitchStatement>(node);
      need(n, "discriminant", n->discriminant, isExpression, expr);
      list(n, "cases", n->cases, is<SwitchCase>, "SwitchCase");
      break;
    }
    case NodeKind::ThrowStatement:
      need(node, "argument", cast<ThrowStatement>(node)->argument, isExpression, expr);
      break;
    case NodeKind::TryStatement: {
      auto *n = cast<TryStatement>(node);
      need(n, "block", n->block, isBlock, "BlockStatement");
      opt(n, "handler", n->handler, is<CatchClause>, "CatchClause");
      opt(n, "finalizer", n->finalizer, isBlock, "BlockStatement");
      if (!n->handler && !n->finalizer)
        fail(at_, "TryStatement has neither a handler nor a finalizer");
      break;
    }
    case NodeKind::WhileStatement: {
      auto *n = cast<WhileStatement>(node);
      need(n, "test", n->test, isExpression, expr);
      need(n, "body", n->body, isNestedStatement, stmt);
      break;
    }
    case NodeKind::DoWhileStatement: {
      auto *n = cast<DoWhileStatement>(node);
      need(n, "body", n->body, isNestedStatement, stmt);
      need(n, "test", n->test, isExpression, expr);
      break;
    }
    case NodeKind::ForStatement: {
      auto *n = cast<ForStatement>(node);
      opt(n, "init", n->init, isForInit, "VariableDeclaration or expression");
      opt(n, "test", n->test, isExpression, expr);
      opt(n, "update", n->update, isExpression, expr);
      need(n, "body", n->body, isNestedStatement, stmt);
      break;
    }
    case NodeKind::ForInStatement:
    case NodeKind::ForOfStatement: {
      const Node *left, *right, *body;
      if (auto *f = dynCast<ForInStatement>(node))
        left = f->left, right = f->right, body = f->body;
      else {
        auto *o = cast<ForOfStatement>(node);
        left = o->left, right = o->right, body = o->body;
      }
      need(node, "left", left, isForInLeft, "VariableDeclaration or assignment target");
      if (auto *decl = dynCast<VariableDeclaration>(left); decl && decl->declarations.size() != 1)
        fail(at_, fmt::format("{}.left declares {} variables, expected 1", kindName(node->kind),
                              decl->declarations.size()));
      need(node, "right", right, isExpression, expr);
      need(node, "body", body, isNestedStatement, stmt);
      break;
    }
    case NodeKind::VariableDeclaration: {
      auto *n = cast<VariableDeclaration>(node);
      if (n->declarations.empty())
        fail(at_, "VariableDeclaration declares nothing");
      list(n, "declarations", n->declarations, is<VariableDeclarator>, "VariableDeclarator");
      break;
    }
    case NodeKind::FunctionDeclaration: {
      auto *n = cast<FunctionDeclaration>(node);
      checkFunction(n, n->params, n->id, n->body, false);
      break;
    }
    case NodeKind::FunctionExpression: {
      auto *n = cast<FunctionExpression>(node);
      checkFunction(n, n->params, n->id, n->body, false);
      break;
    }
    case NodeKind::ArrowFunctionExpression: {
      auto *n = cast<ArrowFunctionExpression>(node);
      if (n->id)
        wrong(n, "id", n->id, "nothing (arrows are anonymous)");
      checkFunction(n, n->params, nullptr, n->body, true);
      break;
    }
    case NodeKind::ClassDeclaration:
    case NodeKind::ClassExpression: {
      const Node *id, *superClass;
      NodeList body;
      if (auto *d = dynCast<ClassDeclaration>(node))
        id = d->id, superClass = d->superClass, body = d->body;
      else {
        auto *e = cast<ClassExpression>(node);
        id = e->id, superClass = e->superClass, body = e->body;
      }
      opt(node, "id", id, isIdentifier, "Identifier");
      opt(node, "superClass", superClass, isExpression, expr);
      list(node, "body", body, isClassMember,
           "MethodDefinition, PropertyDefinition or StaticBlock");
      break;
    }
    case NodeKind::ImportDeclaration: {
      auto *n = cast<ImportDeclaration>(node);
      list(n, "specifiers", n->specifiers, isImportSpecifier, "an import specifier");
      need(n, "source", n->source, isStringLiteral, "StringLiteral");
      break;
    }
    case NodeKind::ExportNamedDeclaration: {
      auto *n = cast<ExportNamedDeclaration>(node);
      opt(n, "declaration", n->declaration, isExportable,
          "VariableDeclaration, FunctionDeclaration or ClassDeclaration");
      list(n, "specifiers", n->specifiers, is<ExportSpecifier>, "ExportSpecifier");
      opt(n, "source", n->source, isStringLiteral, "StringLiteral");
      if (n->declaration && (!n->specifiers.empty() || n->source))
        fail(at_, "ExportNamedDeclaration has both a declaration and specifiers");
      break;
    }
    case NodeKind::ExportDefaultDeclaration:
      need(node, "declaration", cast<ExportDefaultDeclaration>(node)->declaration, isDefaultExport,
           "FunctionDeclaration, ClassDeclaration or expression");
      break;
    case NodeKind::ExportAllDeclaration: {
      auto *n = cast<ExportAllDeclaration>(node);
      opt(n, "exported", n->exported, isModuleExportName, "Identifier or StringLiteral");
      need(n, "source", n->source, isStringLiteral, "StringLiteral");
      break;
    }
    case NodeKind::Identifier:
      if (cast<Identifier>(node)->name.empty())
        fail(at_, "Identifier has an empty name");
      break;
    case NodeKind::TemplateLiteral: {
      auto *n = cast<TemplateLiteral>(node);
      list(n, "quasis", n->quasis, is<TemplateElement>, "TemplateElement");
      list(n, "expressions", n->expressions, isExpression, expr);
      if (n->quasis.size() != n->expressions.size() + 1)
        fail(at_, fmt::format("TemplateLiteral has {} quasis for {} expressions (expected {})",
                              n->quasis.size(), n->expressions.size(), n->expressions.size() + 1));
      break;
    }
    case NodeKind::TaggedTemplateExpression: {
      auto *n = cast<TaggedTemplateExpression>(node);
      need(n, "tag", n->tag, isExpression, expr);
      need(n, "quasi", n->quasi, is<TemplateLiteral>, "TemplateLiteral");
      break;
    }
    case NodeKind::ArrayExpression:
      list(node, "elements", cast<ArrayExpression>(node)->elements, isExpressionOrSpread,
           "expression or SpreadElement", /*holes=*/true);
      break;
    case NodeKind::ObjectExpression:
      list(node, "properties", cast<ObjectExpression>(node)->properties, isObjectMember,
           "Property or SpreadElement");
      for (const Node *p : cast<ObjectExpression>(node)->properties)
        if (auto *prop = dynCast<Property>(p))
          need(prop, "value", prop->value, isExpression, expr);
      break;
    case NodeKind::UnaryExpression:
      need(node, "argument", cast<UnaryExpression>(node)->argument, isExpression, expr);
      break;
    case NodeKind::UpdateExpression:
      need(node, "argument", cast<UpdateExpression>(node)->argument, isExpression, expr);
      break;
    case NodeKind::BinaryExpression: {
      auto *n = cast<BinaryExpression>(node);
      // `#x in obj` is the one place a PrivateName stands alone.
      need(n, "left", n->left, isClassKey, "expression or PrivateName");
      need(n, "right", n->right, isExpression, expr);
      break;
    }
    case NodeKind::LogicalExpression: {
      auto *n = cast<LogicalExpression>(node);
      need(n, "left", n->left, isExpression, expr);
      need(n, "right", n->right, isExpression, expr);
      break;
    }
    case NodeKind::AssignmentExpression: {
      auto *n = cast<AssignmentExpression>(node);
      need(n, "left", n->left, isAssignmentLeft, "assignment target");
      need(n, "right", n->right, isExpression, expr);
      break;
    }
    case NodeKind::ConditionalExpression: {
      auto *n = cast<ConditionalExpression>(node);
      need(n, "test", n->test, isExpression, expr);
      need(n, "consequent", n->consequent, isExpression, expr);
      need(n, "alternate", n->alternate, isExpression, expr);
      break;
    }
    case NodeKind::CallExpression: {
      auto *n = cast<CallExpression>(node);
      need(n, "callee", n->callee, isExpression, expr);
      list(n, "arguments", n->arguments, isExpressionOrSpread, "expression or SpreadElement");
      break;
    }
    case NodeKind::NewExpression: {
      auto *n = cast<NewExpression>(node);
      need(n, "callee", n->callee, isExpression, expr);
      list(n, "arguments", n->arguments, isExpressionOrSpread, "expression or SpreadElement");
      break;
    }
    case NodeKind::MemberExpression: {
      auto *n = cast<MemberExpression>(node);
      need(n, "object", n->object, isExpression, expr);
      if (n->computed)
        need(n, "property", n->property, isExpression, expr);
      else
        need(n, "property", n->property, isMemberProperty, "Identifier or PrivateName");
      break;
    }
    case NodeKind::ChainExpression:
      need(node, "expression", cast<ChainExpression>(node)->expression, isCallOrMember,
           "CallExpression or MemberExpression");
      break;
    case NodeKind::SequenceExpression: {
      auto *n = cast<SequenceExpression>(node);
      if (n->expressions.empty())
        fail(at_, "SequenceExpression is empty");
      list(n, "expressions", n->expressions, isExpression, expr);
      break;
    }
    case NodeKind::YieldExpression:
      opt(node, "argument", cast<YieldExpression>(node)->argument, isExpression, expr);
      break;
    case NodeKind::AwaitExpression:
      need(node, "argument", cast<AwaitExpression>(node)->argument, isExpression, expr);
      break;
    case NodeKind::ImportExpression:
      need(node, "source", cast<ImportExpression>(node)->source, isExpression, expr);
      break;
    case NodeKind::ObjectPattern: {
      auto *n = cast<ObjectPattern>(node);
      list(n, "properties", n->properties, isPatternMember, "Property or RestElement", false, true);
      for (const Node *p : n->properties)
        if (auto *prop = dynCast<Property>(p))
          need(prop, "value", prop->value, isPatternElement, "a pattern");
      break;
    }
    case NodeKind::ArrayPattern:
      list(node, "elements", cast<ArrayPattern>(node)->elements, isPatternElement, "a pattern",
           /*holes=*/true, /*restLast=*/true);
      break;
    case NodeKind::RestElement:
      need(node, "argument", cast<RestElement>(node)->argument, isTarget, "assignment target");
      break;
    case NodeKind::AssignmentPattern: {
      auto *n = cast<AssignmentPattern>(node);
      need(n, "left", n->left, isTarget, "assignment target");
      need(n, "right", n->right, isExpression, expr);
      break;
    }
    case NodeKind::SwitchCase: {
      auto *n = cast<SwitchCase>(node);
      opt(n, "test", n->test, isExpression, expr);
      list(n, "consequent", n->consequent, isNestedStatement, stmt);
      break;
    }
    case NodeKind::CatchClause: {
      auto *n = cast<CatchClause>(node);
      opt(n, "param", n->param, isBindingTarget, "Identifier or pattern");
      need(n, "body", n->body, isBlock, "BlockStatement");
      break;
    }
    case NodeKind::VariableDeclarator: {
      auto *n = cast<VariableDeclarator>(node);
      need(n, "id", n->id, isBindingTarget, "Identifier or pattern");
      opt(n, "init", n->init, isExpression, expr);
      break;
    }
    case NodeKind::PrivateName:
      if (cast<PrivateName>(node)->name.empty())
        fail(at_, "PrivateName has an empty name");
      break;
    case NodeKind::Property: {
      // The value is checked by the owning object literal or pattern, which
      // knows whether it must be an expression or a pattern.
      auto *n = cast<Property>(node);
      need(n, "key", n->key, isExpression, "expression");
      if (n->method || n->kind != PropertyKind::Init)
        need(n, "value", n->value, is<FunctionExpression>, "FunctionExpression");
      break;
    }
    case NodeKind::SpreadElement:
      need(node, "argument", cast<SpreadElement>(node)->argument, isExpression, expr);
      break;
    case NodeKind::MethodDefinition: {
      auto *n = cast<MethodDefinition>(node);
      need(n, "key", n->key, isClassKey, "expression or PrivateName");
      need(n, "value", n->value, is<FunctionExpression>, "FunctionExpression");
      break;
    }
    case NodeKind::PropertyDefinition: {
      auto *n = cast<PropertyDefinition>(node);
      need(n, "key", n->key, isClassKey, "expression or PrivateName");
      opt(n, "value", n->value, isExpression, expr);
      break;
    }
    case NodeKind::StaticBlock:
      list(node, "body", cast<StaticBlock>(node)->body, isNestedStatement, stmt);
      break;
    case NodeKind::ImportSpecifier: {
      auto *n = cast<ImportSpecifier>(node);
      need(n, "imported", n->imported, isModuleExportName, "Identifier or StringLiteral");
      need(n, "local", n->local, isIdentifier, "Identifier");
      break;
    }
    case NodeKind::ImportDefaultSpecifier:
      need(node, "local", cast<ImportDefaultSpecifier>(node)->local, isIdentifier, "Identifier");
      break;
    case NodeKind::ImportNamespaceSpecifier:
      need(node, "local", cast<ImportNamespaceSpecifier>(node)->local, isIdentifier, "Identifier");
      break;
    case NodeKind::ExportSpecifier: {
      auto *n = cast<ExportSpecifier>(node);
      need(n, "local", n->local, isModuleExportName, "Identifier or StringLiteral");
      need(n, "exported", n->exported, isModuleExportName, "Identifier or StringLiteral");
      break;
    }
    }
  }

  const Module &module_;
  DiagnosticEngine &diags_;
  std::string_view afterPass_;
  SourceRange at_;
  bool ok_ = true;
  std::vector<std::pair<const Node *, SourceRange>> work_;
};

class VerifyPass final : public Pass {
public:
  std::string_view name() const override { return "verify"; }
  bool run(ir::Module &module, PassContext &ctx) override {
    return verifyModuleStructure(module, ctx.diags, name());
  }
  // run() already performed the check the default verifier would repeat.
  bool verify(const ir::Module &, PassContext &) override { return true; }
};

} // namespace

bool verifyModuleStructure(const ir::Module &module, DiagnosticEngine &diags,
                           std::string_view afterPass) {
  return Verifier(module, diags, afterPass).run();
}

std::unique_ptr<Pass> createVerifyPass() { return std::make_unique<VerifyPass>(); }

} // namespace distribufy
