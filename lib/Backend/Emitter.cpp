//===- Emitter.cpp - IR to JavaScript text ---------------------------------===//
//
/// \file
/// Prints the IR as readable JavaScript: 2-space indentation (configurable),
/// one statement per line, semicolons always. The IR keeps no parentheses, so
/// the printer re-derives them:
///
///  * from precedence: every expression has a binding power and every operand
///    position a minimum power; a weaker operand gets parentheses;
///  * from position: some tokens may not start an expression statement
///    (`{`, `function`, `class`, `async function`, `let [`), an export-default
///    expression, a concise arrow body (`{`) or a for head (`let`, `async of`).
///    Like esbuild, the printer remembers the output offset where such a
///    context starts; a leaf that would print a forbidden token exactly at
///    that offset wraps itself in parentheses;
///  * from the `in` operator inside a for-statement head (a flag passed down
///    through operands and cleared by any bracket).
///
/// Everything goes into one std::string; no per-node allocation.
///
/// With a source map requested, every statement, expression, member
/// property name, object property and class member is recorded at its
/// output offset (see SourceMap.h); without one, that costs one pointer test
/// per statement and expression.
//
//===----------------------------------------------------------------------===//
#include "distribufy/Backend/Emitter.h"

#include "SourceMap.h"

#include <charconv>
#include <cmath>

namespace distribufy {
namespace {

using namespace ir;

/// Binding powers of expressions (higher binds tighter). Binary and logical
/// operators map to precedence(op) + kBinaryBase.
enum Prec : int {
  kPrecSequence = 0,
  kPrecAssign = 1, // assignment, arrow, yield
  kPrecConditional = 2,
  kBinaryBase = 1, // `??` (2) -> 3 ... `**` (13) -> 14
  kPrecExp = 14,
  kPrecUnary = 15, // prefix unary operators, await
  kPrecUpdate = 16,
  kPrecChain = 17,  // an optional chain: a LeftHandSideExpression, no member
  kPrecMember = 18, // member access, call, new with arguments
  kPrecPrimary = 19,
};

/// Context flags passed down through operand positions.
enum Ctx : unsigned {
  kCtxNone = 0,
  kCtxForbidIn = 1, ///< inside a for-statement init: `in` needs parentheses
};

bool isDigits(std::string_view s) {
  for (char c : s)
    if (!((c >= '0' && c <= '9') || c == '_'))
      return false;
  return !s.empty();
}

class Printer {
public:
  Printer(const EmitOptions &options, size_t reserve, sourcemap::SourceMapBuilder *map = nullptr)
      : map_(map), width_(options.indentWidth) {
    out_.reserve(reserve);
  }

  std::string take() { return std::move(out_); }

  void program(const Program *p) {
    if (p->hashbang) {
      // The frontend stores the line without its leading `#!`.
      out_ += "#!";
      atom(p->hashbang);
      out_ += '\n';
    }
    for (const Node *s : p->body) {
      statement(s);
      out_ += '\n';
    }
  }

  /// Prints any node kind at the start of a fresh output.
  void any(const Node *n) {
    if (!n)
      return;
    switch (category(n->kind)) {
    case NodeCategory::Statement:
      statement(n);
      return;
    case NodeCategory::Expression:
    case NodeCategory::Pattern:
      expr(n, kPrecSequence);
      return;
    case NodeCategory::Other:
      break;
    }
    switch (n->kind) {
    case NodeKind::Program:
      program(cast<Program>(n));
      return;
    case NodeKind::SwitchCase:
      switchCase(cast<SwitchCase>(n));
      return;
    case NodeKind::CatchClause:
      catchClause(cast<CatchClause>(n));
      return;
    case NodeKind::VariableDeclarator:
      declarator(cast<VariableDeclarator>(n), kCtxNone);
      return;
    case NodeKind::PrivateName:
      out_ += '#';
      out_ += cast<PrivateName>(n)->name.str();
      return;
    case NodeKind::TemplateElement:
      out_ += cast<TemplateElement>(n)->raw.str();
      return;
    case NodeKind::Property:
      property(cast<Property>(n));
      return;
    case NodeKind::SpreadElement:
      out_ += "...";
      expr(cast<SpreadElement>(n)->argument, kPrecAssign);
      return;
    case NodeKind::MethodDefinition:
    case NodeKind::PropertyDefinition:
    case NodeKind::StaticBlock:
      classMember(n);
      return;
    case NodeKind::ImportSpecifier:
    case NodeKind::ImportDefaultSpecifier:
    case NodeKind::ImportNamespaceSpecifier:
    case NodeKind::ExportSpecifier:
      specifier(n);
      return;
    default:
      return;
    }
  }

private:
  // ---- Output primitives ----
  void newline() {
    out_ += '\n';
    out_.append(static_cast<size_t>(indent_) * width_, ' ');
  }
  bool at(size_t mark) const { return mark == out_.size(); }
  /// Writes an operator that starts with `+` or `-`, separated from a
  /// preceding identical character (`- -x`, `+ ++x`).
  void signOp(std::string_view op) {
    if (!out_.empty() && out_.back() == op[0])
      out_ += ' ';
    out_ += op;
  }
  void atom(Atom a) { out_ += a.str(); }

  // ---- Statements ----
  void statements(NodeList body) {
    for (const Node *s : body) {
      newline();
      statement(s);
    }
  }

  void block(NodeList body) {
    if (body.empty()) {
      out_ += "{}";
      return;
    }
    out_ += '{';
    ++indent_;
    statements(body);
    --indent_;
    newline();
    out_ += '}';
  }

  /// True if \p s, used as the consequent of an `if` with an `else`, would
  /// capture that `else` (dangling else).
  static bool endsWithElselessIf(const Node *s) {
    while (s) {
      switch (s->kind) {
      case NodeKind::IfStatement: {
        auto *i = cast<IfStatement>(s);
        if (!i->alternate)
          return true;
        s = i->alternate;
        break;
      }
      case NodeKind::WhileStatement:
        s = cast<WhileStatement>(s)->body;
        break;
      case NodeKind::ForStatement:
        s = cast<ForStatement>(s)->body;
        break;
      case NodeKind::ForInStatement:
        s = cast<ForInStatement>(s)->body;
        break;
      case NodeKind::ForOfStatement:
        s = cast<ForOfStatement>(s)->body;
        break;
      case NodeKind::WithStatement:
        s = cast<WithStatement>(s)->body;
        break;
      case NodeKind::LabeledStatement:
        s = cast<LabeledStatement>(s)->body;
        break;
      default:
        return false;
      }
    }
    return false;
  }

  /// Declarations that may not stand alone as the body of a statement.
  static bool needsBlockAsBody(const Node *s) {
    if (auto *v = dynCast<VariableDeclaration>(s))
      return v->kind != VarKind::Var;
    return isa<ClassDeclaration>(s);
  }

  /// The body of if/loop/with/label: a block stays on the same line, any
  /// other statement goes on the next line, indented.
  void body(const Node *s, bool forceBlock = false) {
    if (auto *b = dynCast<BlockStatement>(s)) {
      out_ += ' ';
      block(b->body);
      return;
    }
    if (forceBlock || needsBlockAsBody(s)) {
      out_ += " {";
      ++indent_;
      newline();
      statement(s);
      --indent_;
      newline();
      out_ += '}';
      return;
    }
    ++indent_;
    newline();
    statement(s);
    --indent_;
  }

  /// After a body printed by body(): continue on the same line after a
  /// block, on a new line otherwise.
  void afterBody(const Node *s, bool forcedBlock) {
    if (isa<BlockStatement>(s) || forcedBlock || needsBlockAsBody(s))
      out_ += ' ';
    else
      newline();
  }

  void statement(const Node *n) {
    if (map_) [[unlikely]] {
      MapScope scope(*this, n);
      statementBody(n);
      return;
    }
    statementBody(n);
  }

  void statementBody(const Node *n) {
    switch (n->kind) {
    case NodeKind::ExpressionStatement: {
      auto *s = cast<ExpressionStatement>(n);
      if (!s->directive.empty()) {
        atom(s->directive);
        out_ += ';';
        return;
      }
      if (isa<StringLiteral>(s->expression)) {
        // Not a directive: keep it from becoming one.
        out_ += '(';
        expr(s->expression, kPrecSequence);
        out_ += ");";
        return;
      }
      stmtStart_ = out_.size();
      expr(s->expression, kPrecSequence);
      out_ += ';';
      return;
    }
    case NodeKind::BlockStatement:
      block(cast<BlockStatement>(n)->body);
      return;
    case NodeKind::EmptyStatement:
      out_ += ';';
      return;
    case NodeKind::DebuggerStatement:
      out_ += "debugger;";
      return;
    case NodeKind::WithStatement: {
      auto *s = cast<WithStatement>(n);
      out_ += "with (";
      expr(s->object, kPrecSequence);
      out_ += ')';
      body(s->body);
      return;
    }
    case NodeKind::ReturnStatement:
    case NodeKind::ThrowStatement: {
      bool isReturn = n->kind == NodeKind::ReturnStatement;
      const Node *arg =
          isReturn ? cast<ReturnStatement>(n)->argument : cast<ThrowStatement>(n)->argument;
      out_ += isReturn ? "return" : "throw";
      if (arg) {
        out_ += ' ';
        expr(arg, kPrecSequence);
      }
      out_ += ';';
      return;
    }
    case NodeKind::LabeledStatement: {
      auto *s = cast<LabeledStatement>(n);
      atom(s->label);
      out_ += ": ";
      if (needsBlockAsBody(s->body)) {
        body(s->body);
        return;
      }
      statement(s->body);
      return;
    }
    case NodeKind::BreakStatement:
    case NodeKind::ContinueStatement: {
      bool isBreak = n->kind == NodeKind::BreakStatement;
      Atom label = isBreak ? cast<BreakStatement>(n)->label : cast<ContinueStatement>(n)->label;
      out_ += isBreak ? "break" : "continue";
      if (!label.empty()) {
        out_ += ' ';
        atom(label);
      }
      out_ += ';';
      return;
    }
    case NodeKind::IfStatement:
      ifStatement(cast<IfStatement>(n));
      return;
    case NodeKind::SwitchStatement: {
      auto *s = cast<SwitchStatement>(n);
      out_ += "switch (";
      expr(s->discriminant, kPrecSequence);
      out_ += ") {";
      for (const Node *c : s->cases) {
        ++indent_;
        newline();
        switchCase(cast<SwitchCase>(c));
        --indent_;
      }
      newline();
      out_ += '}';
      return;
    }
    case NodeKind::TryStatement: {
      auto *s = cast<TryStatement>(n);
      out_ += "try ";
      block(cast<BlockStatement>(s->block)->body);
      if (s->handler) {
        out_ += ' ';
        catchClause(cast<CatchClause>(s->handler));
      }
      if (s->finalizer) {
        out_ += " finally ";
        block(cast<BlockStatement>(s->finalizer)->body);
      }
      return;
    }
    case NodeKind::WhileStatement: {
      auto *s = cast<WhileStatement>(n);
      out_ += "while (";
      expr(s->test, kPrecSequence);
      out_ += ')';
      body(s->body);
      return;
    }
    case NodeKind::DoWhileStatement: {
      auto *s = cast<DoWhileStatement>(n);
      out_ += "do";
      body(s->body);
      afterBody(s->body, false);
      out_ += "while (";
      expr(s->test, kPrecSequence);
      out_ += ");";
      return;
    }
    case NodeKind::ForStatement: {
      auto *s = cast<ForStatement>(n);
      out_ += "for (";
      if (s->init) {
        if (auto *v = dynCast<VariableDeclaration>(s->init)) {
          varDecl(v, kCtxForbidIn);
        } else {
          forInitStart_ = out_.size();
          expr(s->init, kPrecSequence, kCtxForbidIn);
        }
      }
      out_ += ';';
      if (s->test) {
        out_ += ' ';
        expr(s->test, kPrecSequence);
      }
      out_ += ';';
      if (s->update) {
        out_ += ' ';
        expr(s->update, kPrecSequence);
      }
      out_ += ')';
      body(s->body);
      return;
    }
    case NodeKind::ForInStatement: {
      auto *s = cast<ForInStatement>(n);
      out_ += "for (";
      forLeft(s->left, false);
      out_ += " in ";
      expr(s->right, kPrecSequence);
      out_ += ')';
      body(s->body);
      return;
    }
    case NodeKind::ForOfStatement: {
      auto *s = cast<ForOfStatement>(n);
      out_ += s->isAwait ? "for await (" : "for (";
      forLeft(s->left, true);
      out_ += " of ";
      expr(s->right, kPrecAssign);
      out_ += ')';
      body(s->body);
      return;
    }
    case NodeKind::VariableDeclaration:
      varDecl(cast<VariableDeclaration>(n), kCtxNone);
      out_ += ';';
      return;
    case NodeKind::FunctionDeclaration:
      function(n);
      return;
    case NodeKind::ClassDeclaration:
      classBody(n);
      return;
    case NodeKind::ImportDeclaration:
      importDecl(cast<ImportDeclaration>(n));
      return;
    case NodeKind::ExportNamedDeclaration: {
      auto *s = cast<ExportNamedDeclaration>(n);
      out_ += "export ";
      if (s->declaration) {
        statement(s->declaration);
        return;
      }
      specifierList(s->specifiers);
      if (s->source) {
        out_ += " from ";
        expr(s->source, kPrecAssign);
      }
      out_ += ';';
      return;
    }
    case NodeKind::ExportDefaultDeclaration: {
      auto *s = cast<ExportDefaultDeclaration>(n);
      out_ += "export default ";
      const Node *d = s->declaration;
      if (isa<FunctionDeclaration>(d) || isa<ClassDeclaration>(d)) {
        statement(d);
        return;
      }
      exportDefaultStart_ = out_.size();
      expr(d, kPrecAssign);
      out_ += ';';
      return;
    }
    case NodeKind::ExportAllDeclaration: {
      auto *s = cast<ExportAllDeclaration>(n);
      out_ += "export *";
      if (s->exported) {
        out_ += " as ";
        moduleName(s->exported);
      }
      out_ += " from ";
      expr(s->source, kPrecAssign);
      out_ += ';';
      return;
    }
    default:
      // Not a statement: print it as an expression statement so the output
      // stays well-formed.
      stmtStart_ = out_.size();
      any(n);
      out_ += ';';
      return;
    }
  }

  void ifStatement(const IfStatement *s) {
    out_ += "if (";
    expr(s->test, kPrecSequence);
    out_ += ')';
    bool force = s->alternate && endsWithElselessIf(s->consequent);
    body(s->consequent, force);
    if (!s->alternate)
      return;
    afterBody(s->consequent, force);
    out_ += "else";
    if (auto *elseIf = dynCast<IfStatement>(s->alternate)) {
      out_ += ' ';
      ifStatement(elseIf);
      return;
    }
    body(s->alternate);
  }

  void switchCase(const SwitchCase *c) {
    if (c->test) {
      out_ += "case ";
      expr(c->test, kPrecSequence);
      out_ += ':';
    } else {
      out_ += "default:";
    }
    ++indent_;
    statements(c->consequent);
    --indent_;
  }

  void catchClause(const CatchClause *c) {
    out_ += "catch ";
    if (c->param) {
      out_ += '(';
      expr(c->param, kPrecAssign);
      out_ += ") ";
    }
    block(cast<BlockStatement>(c->body)->body);
  }

  void varDecl(const VariableDeclaration *v, unsigned ctx) {
    out_ += spelling(v->kind);
    out_ += ' ';
    bool first = true;
    for (const Node *d : v->declarations) {
      if (!first)
        out_ += ", ";
      first = false;
      declarator(cast<VariableDeclarator>(d), ctx);
    }
  }

  void declarator(const VariableDeclarator *d, unsigned ctx) {
    expr(d->id, kPrecAssign);
    if (d->init) {
      out_ += " = ";
      expr(d->init, kPrecAssign, ctx);
    }
  }

  void forLeft(const Node *left, bool isOf) {
    if (auto *v = dynCast<VariableDeclaration>(left)) {
      varDecl(v, kCtxNone);
      return;
    }
    // `for (async of x)` would start an async arrow.
    if (auto *id = dynCast<Identifier>(left); isOf && id && id->name == "async") {
      out_ += "(async)";
      return;
    }
    forLeftStart_ = out_.size();
    expr(left, kPrecChain);
  }

  // ---- Modules ----
  void moduleName(const Node *n) {
    if (auto *id = dynCast<Identifier>(n))
      atom(id->name);
    else
      expr(n, kPrecAssign);
  }

  static bool sameName(const Node *a, const Node *b) {
    auto *x = dynCast<Identifier>(a);
    auto *y = dynCast<Identifier>(b);
    return x && y && x->name == y->name;
  }

  void specifier(const Node *n) {
    switch (n->kind) {
    case NodeKind::ImportSpecifier: {
      auto *s = cast<ImportSpecifier>(n);
      if (!sameName(s->imported, s->local)) {
        moduleName(s->imported);
        out_ += " as ";
      }
      moduleName(s->local);
      return;
    }
    case NodeKind::ImportDefaultSpecifier:
      moduleName(cast<ImportDefaultSpecifier>(n)->local);
      return;
    case NodeKind::ImportNamespaceSpecifier:
      out_ += "* as ";
      moduleName(cast<ImportNamespaceSpecifier>(n)->local);
      return;
    case NodeKind::ExportSpecifier: {
      auto *s = cast<ExportSpecifier>(n);
      moduleName(s->local);
      if (!sameName(s->local, s->exported)) {
        out_ += " as ";
        moduleName(s->exported);
      }
      return;
    }
    default:
      return;
    }
  }

  /// `{ a, b as c }`
  void specifierList(NodeList specs) {
    if (specs.empty()) {
      out_ += "{}";
      return;
    }
    out_ += "{ ";
    bool first = true;
    for (const Node *s : specs) {
      if (!first)
        out_ += ", ";
      first = false;
      specifier(s);
    }
    out_ += " }";
  }

  void importDecl(const ImportDeclaration *d) {
    out_ += "import ";
    if (!d->specifiers.empty()) {
      bool first = true;
      bool inBraces = false;
      for (const Node *s : d->specifiers) {
        bool named = isa<ImportSpecifier>(s);
        if (inBraces && !named) {
          out_ += " }";
          inBraces = false;
        }
        if (!first)
          out_ += ", ";
        if (named && !inBraces) {
          out_ += "{ ";
          inBraces = true;
        }
        first = false;
        specifier(s);
      }
      if (inBraces)
        out_ += " }";
      out_ += " from ";
    }
    expr(d->source, kPrecAssign);
    out_ += ';';
  }

  // ---- Functions and classes ----
  void params(NodeList ps) {
    out_ += '(';
    bool first = true;
    for (const Node *p : ps) {
      if (!first)
        out_ += ", ";
      first = false;
      expr(p, kPrecAssign);
    }
    out_ += ')';
  }

  /// A function declaration or expression (arrows: see arrow()).
  void function(const Node *n) {
    Node *id;
    NodeList ps;
    Node *b;
    bool gen, async;
    if (auto *f = dynCast<FunctionDeclaration>(n)) {
      id = f->id, ps = f->params, b = f->body, gen = f->isGenerator, async = f->isAsync;
    } else {
      auto *e = cast<FunctionExpression>(n);
      id = e->id, ps = e->params, b = e->body, gen = e->isGenerator, async = e->isAsync;
    }
    if (async)
      out_ += "async ";
    out_ += gen ? "function* " : "function ";
    if (id)
      expr(id, kPrecPrimary);
    params(ps);
    out_ += ' ';
    block(cast<BlockStatement>(b)->body);
  }

  void arrow(const ArrowFunctionExpression *a, unsigned ctx) {
    if (a->isAsync)
      out_ += "async ";
    params(a->params);
    out_ += " => ";
    if (auto *b = dynCast<BlockStatement>(a->body)) {
      block(b->body);
      return;
    }
    arrowBodyStart_ = out_.size();
    expr(a->body, kPrecAssign, ctx & kCtxForbidIn);
  }

  /// Name, params and body of a method whose value is a FunctionExpression.
  void methodTail(const Node *key, bool computed, const Node *value) {
    propertyKey(key, computed);
    auto *f = cast<FunctionExpression>(value);
    params(f->params);
    out_ += ' ';
    block(cast<BlockStatement>(f->body)->body);
  }

  void methodPrefix(const Node *value) {
    auto *f = dynCast<FunctionExpression>(value);
    if (f && f->isAsync)
      out_ += "async ";
    if (f && f->isGenerator)
      out_ += '*';
  }

  void propertyKey(const Node *key, bool computed) {
    if (computed) {
      out_ += '[';
      expr(key, kPrecAssign);
      out_ += ']';
      return;
    }
    if (auto *id = dynCast<Identifier>(key)) {
      atom(id->name);
      return;
    }
    if (auto *p = dynCast<PrivateName>(key)) {
      out_ += '#';
      atom(p->name);
      return;
    }
    expr(key, kPrecPrimary);
  }

  void classMember(const Node *n) {
    if (map_) [[unlikely]]
      mapLeaf(n);
    switch (n->kind) {
    case NodeKind::MethodDefinition: {
      auto *m = cast<MethodDefinition>(n);
      if (m->isStatic)
        out_ += "static ";
      if (m->kind == MethodKind::Get)
        out_ += "get ";
      else if (m->kind == MethodKind::Set)
        out_ += "set ";
      methodPrefix(m->value);
      methodTail(m->key, m->computed, m->value);
      return;
    }
    case NodeKind::PropertyDefinition: {
      auto *p = cast<PropertyDefinition>(n);
      if (p->isStatic)
        out_ += "static ";
      propertyKey(p->key, p->computed);
      if (p->value) {
        out_ += " = ";
        expr(p->value, kPrecAssign);
      }
      out_ += ';';
      return;
    }
    case NodeKind::StaticBlock:
      out_ += "static ";
      block(cast<StaticBlock>(n)->body);
      return;
    default:
      any(n);
      return;
    }
  }

  void classBody(const Node *n) {
    const Node *id, *super;
    NodeList members;
    if (auto *d = dynCast<ClassDeclaration>(n))
      id = d->id, super = d->superClass, members = d->body;
    else {
      auto *e = cast<ClassExpression>(n);
      id = e->id, super = e->superClass, members = e->body;
    }
    out_ += "class ";
    if (id) {
      expr(id, kPrecPrimary);
      out_ += ' ';
    }
    if (super) {
      out_ += "extends ";
      expr(super, kPrecChain);
      out_ += ' ';
    }
    if (members.empty()) {
      out_ += "{}";
      return;
    }
    out_ += '{';
    ++indent_;
    for (const Node *m : members) {
      newline();
      classMember(m);
    }
    --indent_;
    newline();
    out_ += '}';
  }

  // ---- Objects ----
  void property(const Property *p) {
    if (map_) [[unlikely]]
      mapLeaf(p);
    if (p->kind == PropertyKind::Get || p->kind == PropertyKind::Set) {
      out_ += p->kind == PropertyKind::Get ? "get " : "set ";
      methodTail(p->key, p->computed, p->value);
      return;
    }
    if (p->method) {
      methodPrefix(p->value);
      methodTail(p->key, p->computed, p->value);
      return;
    }
    if (p->shorthand && !p->computed && shorthandHolds(p)) {
      // `{ a }`, and in patterns `{ a = 1 }`.
      expr(p->value, kPrecAssign);
      return;
    }
    propertyKey(p->key, p->computed);
    out_ += ": ";
    expr(p->value, kPrecAssign);
  }

  /// Whether a property marked shorthand still is: its value (or, in a
  /// pattern, its default's target) is the identifier its key names. A pass
  /// that replaced that identifier (closure conversion's `$env.a`) makes it
  /// `key: value` again.
  static bool shorthandHolds(const Property *p) {
    const Node *v = p->value;
    if (auto *ap = dynCast<AssignmentPattern>(v))
      v = ap->left;
    auto *id = dynCast<Identifier>(v);
    auto *key = dynCast<Identifier>(p->key);
    return id && key && id->name == key->name;
  }

  static bool multilineMember(const Node *n) {
    auto *p = dynCast<Property>(n);
    if (!p)
      return false;
    return p->method || p->kind != PropertyKind::Init || isFunction(p->value) || isClass(p->value);
  }

  void objectLike(NodeList props) {
    if (props.empty()) {
      out_ += "{}";
      return;
    }
    bool multiline = false;
    for (const Node *p : props)
      if (multilineMember(p)) {
        multiline = true;
        break;
      }
    if (!multiline) {
      out_ += "{ ";
      bool first = true;
      for (const Node *p : props) {
        if (!first)
          out_ += ", ";
        first = false;
        any(p);
      }
      out_ += " }";
      return;
    }
    out_ += '{';
    ++indent_;
    bool first = true;
    for (const Node *p : props) {
      if (!first)
        out_ += ',';
      first = false;
      newline();
      any(p);
    }
    --indent_;
    newline();
    out_ += '}';
  }

  void arrayLike(NodeList elements) {
    out_ += '[';
    bool first = true;
    for (const Node *e : elements) {
      if (!first)
        out_ += ", ";
      first = false;
      if (e)
        expr(e, kPrecAssign);
    }
    // A trailing hole needs its own comma: `[a, ,]`.
    if (!elements.empty() && !elements.back())
      out_ += ',';
    out_ += ']';
  }

  // ---- Literals ----
  /// Parsed literals keep their spelling; a literal built by a pass may have
  /// no raw text (or a non-JavaScript one such as "-1" or "nan"), and then
  /// prints from its value.
  static bool usableRaw(const NumericLiteral *n) {
    std::string_view r = n->raw.str();
    return !r.empty() && ((r[0] >= '0' && r[0] <= '9') || r[0] == '.');
  }

  void numeric(const NumericLiteral *n) {
    if (usableRaw(n)) {
      atom(n->raw);
      return;
    }
    double v = n->value;
    if (std::isnan(v)) {
      out_ += "(0 / 0)";
      return;
    }
    if (std::isinf(v)) {
      out_ += v < 0 ? "(-1 / 0)" : "(1 / 0)";
      return;
    }
    if (std::signbit(v)) {
      signOp("-");
      v = -v;
    }
    char buf[64];
    auto res = std::to_chars(buf, buf + sizeof buf, v);
    out_.append(buf, res.ptr);
  }

  static int numericPrec(const NumericLiteral *n) {
    if (usableRaw(n) || std::isnan(n->value) || std::isinf(n->value))
      return kPrecPrimary;
    return std::signbit(n->value) ? kPrecUnary : kPrecPrimary;
  }

  /// Would `.name` right after this literal be read as a decimal point?
  static bool needsParensForMember(const NumericLiteral *n) {
    if (!usableRaw(n))
      return std::floor(n->value) == n->value; // synthesized integers print without `.`
    return isDigits(n->raw.str());
  }

  void hex4(unsigned v) {
    static const char digits[] = "0123456789ABCDEF";
    out_ += "\\u";
    for (int shift = 12; shift >= 0; shift -= 4)
      out_ += digits[(v >> shift) & 0xF];
  }

  /// A double-quoted JavaScript string for the WTF-8 text \p s.
  void quote(std::string_view s) {
    out_ += '"';
    for (size_t i = 0; i < s.size(); ++i) {
      unsigned char c = static_cast<unsigned char>(s[i]);
      switch (c) {
      case '"':
        out_ += "\\\"";
        continue;
      case '\\':
        out_ += "\\\\";
        continue;
      case '\n':
        out_ += "\\n";
        continue;
      case '\r':
        out_ += "\\r";
        continue;
      case '\t':
        out_ += "\\t";
        continue;
      case '\b':
        out_ += "\\b";
        continue;
      case '\f':
        out_ += "\\f";
        continue;
      case '\v':
        out_ += "\\v";
        continue;
      default:
        break;
      }
      if (c < 0x20 || c == 0x7F) {
        hex4(c);
        continue;
      }
      if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
          (static_cast<unsigned char>(s[i + 2]) == 0xA8 ||
           static_cast<unsigned char>(s[i + 2]) == 0xA9)) {
        hex4(static_cast<unsigned char>(s[i + 2]) == 0xA8 ? 0x2028 : 0x2029);
        i += 2;
        continue;
      }
      if (c == 0xED && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) >= 0xA0) {
        // A surrogate code unit encoded on its own (WTF-8).
        unsigned v = ((c & 0x0F) << 12) | ((static_cast<unsigned char>(s[i + 1]) & 0x3F) << 6) |
                     (static_cast<unsigned char>(s[i + 2]) & 0x3F);
        hex4(v);
        i += 2;
        continue;
      }
      out_ += static_cast<char>(c);
    }
    out_ += '"';
  }

  void templateLiteral(const TemplateLiteral *t) {
    out_ += '`';
    for (size_t i = 0; i < t->quasis.size(); ++i) {
      atom(cast<TemplateElement>(t->quasis[i])->raw);
      if (i < t->expressions.size()) {
        out_ += "${";
        expr(t->expressions[i], kPrecSequence);
        out_ += '}';
      }
    }
    out_ += '`';
  }

  // ---- Expressions ----
  static int precOf(const Node *n) {
    switch (n->kind) {
    case NodeKind::SequenceExpression:
      return kPrecSequence;
    case NodeKind::AssignmentExpression:
    case NodeKind::ArrowFunctionExpression:
    case NodeKind::YieldExpression:
      return kPrecAssign;
    case NodeKind::ConditionalExpression:
      return kPrecConditional;
    case NodeKind::BinaryExpression:
      return precedence(cast<BinaryExpression>(n)->op) + kBinaryBase;
    case NodeKind::LogicalExpression:
      return precedence(cast<LogicalExpression>(n)->op) + kBinaryBase;
    case NodeKind::UnaryExpression:
    case NodeKind::AwaitExpression:
      return kPrecUnary;
    case NodeKind::UpdateExpression:
      return kPrecUpdate;
    case NodeKind::ChainExpression:
      return kPrecChain;
    case NodeKind::CallExpression:
    case NodeKind::NewExpression:
    case NodeKind::MemberExpression:
    case NodeKind::TaggedTemplateExpression:
    case NodeKind::ImportExpression:
      return kPrecMember;
    case NodeKind::NumericLiteral:
      return numericPrec(cast<NumericLiteral>(n));
    default:
      return kPrecPrimary;
    }
  }

  /// Does the left spine of a `new` callee contain a call (which would take
  /// the `new`'s argument list)?
  static bool spineHasCall(const Node *n) {
    while (n) {
      switch (n->kind) {
      case NodeKind::CallExpression:
      case NodeKind::ImportExpression:
        return true;
      case NodeKind::MemberExpression:
        n = cast<MemberExpression>(n)->object;
        break;
      case NodeKind::TaggedTemplateExpression:
        n = cast<TaggedTemplateExpression>(n)->tag;
        break;
      default:
        return false;
      }
    }
    return false;
  }

  /// Prints \p n as an operand that must bind at least as tight as
  /// \p minPrec, adding parentheses when it does not.
  void expr(const Node *n, int minPrec, unsigned ctx = kCtxNone) {
    bool wrap = precOf(n) < minPrec;
    if (!wrap && (ctx & kCtxForbidIn)) {
      if (auto *b = dynCast<BinaryExpression>(n); b && b->op == BinaryOp::In)
        wrap = true;
    }
    if (wrap) {
      out_ += '(';
      exprNoParens(n, kCtxNone);
      out_ += ')';
      return;
    }
    exprNoParens(n, ctx);
  }

  void args(NodeList as) {
    out_ += '(';
    bool first = true;
    for (const Node *a : as) {
      if (!first)
        out_ += ", ";
      first = false;
      expr(a, kPrecAssign);
    }
    out_ += ')';
  }

  /// Prints a leaf that may not appear at a marked start position, adding
  /// parentheses if it would.
  template <typename F> void guarded(bool forbidden, F &&print) {
    if (forbidden) {
      out_ += '(';
      print();
      out_ += ')';
    } else {
      print();
    }
  }

  void exprNoParens(const Node *n, unsigned ctx) {
    if (map_) [[unlikely]] {
      MapScope scope(*this, n);
      exprBody(n, ctx);
      return;
    }
    exprBody(n, ctx);
  }

  void exprBody(const Node *n, unsigned ctx) {
    switch (n->kind) {
    case NodeKind::Identifier: {
      auto *id = cast<Identifier>(n);
      // `let [` may not start a statement or a for head.
      bool forbidden =
          id->name == "let" && (at(stmtStart_) || at(forInitStart_) || at(forLeftStart_));
      guarded(forbidden, [&] { atom(id->name); });
      return;
    }
    case NodeKind::NullLiteral:
      out_ += "null";
      return;
    case NodeKind::BooleanLiteral:
      out_ += cast<BooleanLiteral>(n)->value ? "true" : "false";
      return;
    case NodeKind::NumericLiteral:
      numeric(cast<NumericLiteral>(n));
      return;
    case NodeKind::BigIntLiteral:
      atom(cast<BigIntLiteral>(n)->raw);
      return;
    case NodeKind::StringLiteral: {
      auto *s = cast<StringLiteral>(n);
      if (!s->raw.empty())
        atom(s->raw);
      else
        quote(s->value.str());
      return;
    }
    case NodeKind::RegExpLiteral: {
      auto *r = cast<RegExpLiteral>(n);
      out_ += '/';
      atom(r->pattern);
      out_ += '/';
      atom(r->flags);
      return;
    }
    case NodeKind::TemplateLiteral:
      templateLiteral(cast<TemplateLiteral>(n));
      return;
    case NodeKind::TaggedTemplateExpression: {
      auto *t = cast<TaggedTemplateExpression>(n);
      expr(t->tag, kPrecMember, ctx);
      templateLiteral(cast<TemplateLiteral>(t->quasi));
      return;
    }
    case NodeKind::ThisExpression:
      out_ += "this";
      return;
    case NodeKind::Super:
      out_ += "super";
      return;
    case NodeKind::ArrayExpression:
      arrayLike(cast<ArrayExpression>(n)->elements);
      return;
    case NodeKind::ArrayPattern:
      arrayLike(cast<ArrayPattern>(n)->elements);
      return;
    case NodeKind::ObjectExpression:
    case NodeKind::ObjectPattern: {
      NodeList props = n->kind == NodeKind::ObjectExpression ? cast<ObjectExpression>(n)->properties
                                                             : cast<ObjectPattern>(n)->properties;
      guarded(at(stmtStart_) || at(arrowBodyStart_), [&] { objectLike(props); });
      return;
    }
    case NodeKind::FunctionExpression:
      guarded(at(stmtStart_) || at(exportDefaultStart_), [&] { function(n); });
      return;
    case NodeKind::ClassExpression:
      guarded(at(stmtStart_) || at(exportDefaultStart_), [&] { classBody(n); });
      return;
    case NodeKind::ArrowFunctionExpression:
      arrow(cast<ArrowFunctionExpression>(n), ctx);
      return;
    case NodeKind::UnaryExpression: {
      auto *u = cast<UnaryExpression>(n);
      std::string_view op = spelling(u->op);
      if (op[0] == '+' || op[0] == '-') {
        signOp(op);
      } else {
        out_ += op;
        if (op[0] >= 'a' && op[0] <= 'z')
          out_ += ' ';
      }
      expr(u->argument, kPrecUnary, ctx);
      return;
    }
    case NodeKind::UpdateExpression: {
      auto *u = cast<UpdateExpression>(n);
      if (u->prefix) {
        signOp(spelling(u->op));
        expr(u->argument, kPrecChain, ctx);
      } else {
        expr(u->argument, kPrecChain, ctx);
        out_ += spelling(u->op);
      }
      return;
    }
    case NodeKind::BinaryExpression: {
      auto *b = cast<BinaryExpression>(n);
      int p = precedence(b->op) + kBinaryBase;
      if (b->op == BinaryOp::Exp) {
        // Right-associative; a unary operand on the left is a syntax error.
        const Node *l = b->left;
        bool unaryLeft = isa<UnaryExpression>(l) || isa<AwaitExpression>(l) ||
                         (isa<UpdateExpression>(l) && cast<UpdateExpression>(l)->prefix) ||
                         (isa<NumericLiteral>(l) && numericPrec(cast<NumericLiteral>(l)) < p + 1);
        if (unaryLeft) {
          out_ += '(';
          exprNoParens(l, kCtxNone);
          out_ += ')';
        } else {
          expr(l, p + 1, ctx);
        }
        out_ += " ** ";
        expr(b->right, p, ctx);
        return;
      }
      if (isa<PrivateName>(b->left)) {
        out_ += '#';
        atom(cast<PrivateName>(b->left)->name);
      } else {
        expr(b->left, p, ctx);
      }
      out_ += ' ';
      out_ += spelling(b->op);
      out_ += ' ';
      expr(b->right, p + 1, ctx);
      return;
    }
    case NodeKind::LogicalExpression: {
      auto *l = cast<LogicalExpression>(n);
      int p = precedence(l->op) + kBinaryBase;
      // `??` may not be mixed with `||`/`&&` without parentheses.
      auto operand = [&](const Node *o, int minPrec) {
        auto *inner = dynCast<LogicalExpression>(o);
        bool mixed = inner && ((l->op == LogicalOp::Nullish) != (inner->op == LogicalOp::Nullish));
        if (mixed) {
          out_ += '(';
          exprNoParens(o, kCtxNone);
          out_ += ')';
        } else {
          expr(o, minPrec, ctx);
        }
      };
      operand(l->left, p);
      out_ += ' ';
      out_ += spelling(l->op);
      out_ += ' ';
      operand(l->right, p + 1);
      return;
    }
    case NodeKind::AssignmentExpression: {
      auto *a = cast<AssignmentExpression>(n);
      // `({ a } = b);`: the pattern may not be parenthesized on its own.
      if (isa<ObjectPattern>(a->left) &&
          (at(stmtStart_) || at(arrowBodyStart_) || at(exportDefaultStart_))) {
        out_ += '(';
        exprNoParens(n, kCtxNone);
        out_ += ')';
        return;
      }
      expr(a->left, kPrecChain, ctx);
      out_ += ' ';
      out_ += spelling(a->op);
      out_ += ' ';
      expr(a->right, kPrecAssign, ctx);
      return;
    }
    case NodeKind::ConditionalExpression: {
      auto *c = cast<ConditionalExpression>(n);
      expr(c->test, kPrecConditional + 1, ctx);
      out_ += " ? ";
      expr(c->consequent, kPrecAssign);
      out_ += " : ";
      expr(c->alternate, kPrecAssign, ctx);
      return;
    }
    case NodeKind::CallExpression: {
      auto *c = cast<CallExpression>(n);
      expr(c->callee, kPrecMember, ctx);
      if (c->optional)
        out_ += "?.";
      args(c->arguments);
      return;
    }
    case NodeKind::NewExpression: {
      auto *e = cast<NewExpression>(n);
      out_ += "new ";
      if (spineHasCall(e->callee) || precOf(e->callee) < kPrecMember) {
        out_ += '(';
        exprNoParens(e->callee, kCtxNone);
        out_ += ')';
      } else {
        expr(e->callee, kPrecMember);
      }
      args(e->arguments);
      return;
    }
    case NodeKind::MemberExpression: {
      auto *m = cast<MemberExpression>(n);
      auto *num = dynCast<NumericLiteral>(m->object);
      if (num && !m->computed && needsParensForMember(num) && !m->optional) {
        out_ += '(';
        exprNoParens(num, kCtxNone);
        out_ += ')';
      } else {
        expr(m->object, kPrecMember, ctx);
      }
      if (m->computed) {
        out_ += m->optional ? "?.[" : "[";
        expr(m->property, kPrecSequence);
        out_ += ']';
        return;
      }
      out_ += m->optional ? "?." : ".";
      if (map_) [[unlikely]]
        mapLeaf(m->property);
      if (auto *p = dynCast<PrivateName>(m->property)) {
        out_ += '#';
        atom(p->name);
      } else {
        atom(cast<Identifier>(m->property)->name);
      }
      return;
    }
    case NodeKind::ChainExpression:
      expr(cast<ChainExpression>(n)->expression, kPrecMember, ctx);
      return;
    case NodeKind::SequenceExpression: {
      bool first = true;
      for (const Node *e : cast<SequenceExpression>(n)->expressions) {
        if (!first)
          out_ += ", ";
        first = false;
        expr(e, kPrecAssign, ctx);
      }
      return;
    }
    case NodeKind::YieldExpression: {
      auto *y = cast<YieldExpression>(n);
      out_ += y->delegate ? "yield*" : "yield";
      if (y->argument) {
        out_ += ' ';
        expr(y->argument, kPrecAssign, ctx);
      }
      return;
    }
    case NodeKind::AwaitExpression:
      out_ += "await ";
      expr(cast<AwaitExpression>(n)->argument, kPrecUnary, ctx);
      return;
    case NodeKind::MetaProperty: {
      auto *m = cast<MetaProperty>(n);
      atom(m->meta);
      out_ += '.';
      atom(m->property);
      return;
    }
    case NodeKind::ImportExpression:
      out_ += "import(";
      expr(cast<ImportExpression>(n)->source, kPrecAssign);
      out_ += ')';
      return;
    case NodeKind::RestElement:
      out_ += "...";
      expr(cast<RestElement>(n)->argument, kPrecAssign);
      return;
    case NodeKind::AssignmentPattern: {
      auto *a = cast<AssignmentPattern>(n);
      expr(a->left, kPrecChain, ctx);
      out_ += " = ";
      expr(a->right, kPrecAssign, ctx);
      return;
    }
    case NodeKind::SpreadElement:
      out_ += "...";
      expr(cast<SpreadElement>(n)->argument, kPrecAssign);
      return;
    case NodeKind::PrivateName:
      out_ += '#';
      atom(cast<PrivateName>(n)->name);
      return;
    default:
      any(n);
      return;
    }
  }

  // ---- Source map ----
  /// While a node prints (with a map): maps the current output offset to the
  /// node's start or, for a node without a range, to the innermost enclosing
  /// node that has one.
  struct MapScope {
    Printer &p;
    uint32_t saved;
    MapScope(Printer &printer, const Node *n) : p(printer), saved(printer.enclosing_) {
      if (n->range.valid())
        p.enclosing_ = n->range.begin;
      p.map_->add(p.out_, p.out_.size(), p.enclosing_);
    }
    ~MapScope() { p.enclosing_ = saved; }
    MapScope(const MapScope &) = delete;
    MapScope &operator=(const MapScope &) = delete;
  };
  /// Maps the current output offset for a node printed without recursion.
  void mapLeaf(const Node *n) {
    map_->add(out_, out_.size(), n->range.valid() ? n->range.begin : enclosing_);
  }

  std::string out_;
  /// Null unless a source map is requested: then every node's printing is
  /// recorded (one pointer test per node otherwise).
  sourcemap::SourceMapBuilder *map_;
  /// Original offset of the innermost node being printed that has a range.
  uint32_t enclosing_ = sourcemap::SourceMapBuilder::kUnmapped;
  unsigned width_;
  int indent_ = 0;
  // Output offsets where a restricted context starts (see the file comment).
  size_t stmtStart_ = SIZE_MAX;
  size_t exportDefaultStart_ = SIZE_MAX;
  size_t arrowBodyStart_ = SIZE_MAX;
  size_t forInitStart_ = SIZE_MAX;
  size_t forLeftStart_ = SIZE_MAX;
};

} // namespace

std::string emitJavaScript(const ir::Module &module, const EmitOptions &options) {
  size_t reserve = module.source().size() + module.source().size() / 4 + 64;
  if (options.sourceMap) {
    sourcemap::SourceMapBuilder map(module.sourceManager(), module.file());
    Printer p(options, reserve, &map);
    if (module.program)
      p.program(module.program);
    *options.sourceMap = map.finish(options.sourceMapFile);
    return p.take();
  }
  Printer p(options, reserve);
  if (module.program)
    p.program(module.program);
  return p.take();
}

std::string emitNode(const ir::Node *node, const EmitOptions &options) {
  Printer p(options, 256);
  p.any(node);
  return p.take();
}

} // namespace distribufy
