//===- EarlyErrors.cpp - Static-semantics errors of a converted module ----===//
//
// One recursive walk over the IR. The walker keeps a Context (copied on entry
// to a function, class body, field initializer or static block, restored on
// exit) describing what the current code may contain, a stack of enclosing
// labels, loop/switch depths, and a multiset of private names declared by the
// enclosing classes. Identifiers are checked according to the position the
// walker reached them in: reference, binding or assignment target; names of
// properties and labels never reach the identifier checks.
//
//===----------------------------------------------------------------------===//

#include "Frontend/EarlyErrors.h"

#include "Frontend/RegExpValidator.h"

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace distribufy {
namespace {

using namespace ir;

bool isStrictReserved(std::string_view n) {
  return n == "implements" || n == "interface" || n == "let" || n == "package" || n == "private" ||
         n == "protected" || n == "public" || n == "static" || n == "yield";
}

bool isKeyword(std::string_view n) {
  static constexpr std::string_view kWords[] = {
      "break",  "case",     "catch",  "class",  "const",  "continue",   "debugger", "default",
      "delete", "do",       "else",   "enum",   "export", "extends",    "false",    "finally",
      "for",    "function", "if",     "import", "in",     "instanceof", "new",      "null",
      "return", "super",    "switch", "this",   "throw",  "true",       "try",      "typeof",
      "var",    "void",     "while",  "with"};
  for (auto w : kWords)
    if (w == n)
      return true;
  return false;
}

bool isUseStrict(Atom directive) {
  return directive == "\"use strict\"" || directive == "'use strict'";
}

/// Whether a directive prologue at the start of \p body contains "use strict".
bool hasUseStrict(NodeList body) {
  for (Node *s : body) {
    auto *es = dynCast<ExpressionStatement>(s);
    if (!es || es->directive.empty())
      return false;
    if (isUseStrict(es->directive))
      return true;
  }
  return false;
}

/// The property name of a non-computed key (identifier or string literal).
std::string_view staticKeyName(const Node *key) {
  if (auto *id = dynCast<Identifier>(key))
    return id->name.str();
  if (auto *s = dynCast<StringLiteral>(key))
    return s->value.str();
  return {};
}

enum class FnFlavor { Normal, Arrow, Method, Getter, Setter, Constructor, DerivedConstructor };
enum class BodyOf { If, Loop, With, Label };

/// What the code being walked may contain.
struct Context {
  bool strict = false;
  bool module = false;
  bool yieldKeyword = false;    ///< `yield` is not an identifier here
  bool awaitKeyword = false;    ///< `await` is not an identifier here
  bool yieldExprOk = false;     ///< inside a generator body
  bool awaitExprOk = false;     ///< inside an async body or module top level
  bool inParams = false;        ///< inside formal parameters
  bool newTargetOk = false;     ///< inside a non-arrow function (or field/static block)
  bool superCallOk = false;     ///< inside a derived-class constructor
  bool superPropOk = false;     ///< inside a method, field initializer, static block
  bool argumentsBanned = false; ///< class field initializer / static block
  bool returnOk = false;
};

class Checker {
public:
  Checker(Module &m, DiagnosticEngine &diags) : m_(m), diags_(diags) {}

  bool run() {
    Program *prog = m_.program;
    if (!prog)
      return true;
    ctx_.module = prog->isModule;
    ctx_.strict = prog->isModule || hasUseStrict(prog->body);
    ctx_.awaitKeyword = prog->isModule;
    ctx_.awaitExprOk = prog->isModule;
    ctx_.returnOk = m_.commonJS && !prog->isModule; // node wraps it in a function
    for (Node *s : prog->body) {
      if (s && prog->isModule)
        visitModuleItem(s);
      else if (s)
        visit(s);
    }
    for (Node *local : pendingExportLocals_) {
      auto *id = dynCast<Identifier>(local);
      if (!id) {
        error(local, "A string literal cannot be used as an exported binding without `from`");
        continue;
      }
      if (!moduleNames_.count(id->name.str()))
        error(local, "Export '" + std::string(id->name.str()) + "' is not defined in module");
    }
    return errors_ == 0;
  }

private:
  // ---- Reporting ----
  void error(const Node *n, const std::string &msg) {
    ++errors_;
    diags_.report(DiagId::err_early, m_.file(), n->range, msg);
  }

  // ---- Identifiers ----
  /// Checks shared by every position: reserved words and escaped keywords.
  void checkIdentifierName(Identifier *id) {
    // The converter cooks escapes (`\u0069f` arrives as `if`), so a keyword
    // here was spelled with escapes: tree-sitter never takes a bare keyword
    // for an identifier.
    std::string_view name = id->name.str();
    if (isKeyword(name) && name != "enum")
      return error(id, "Keyword must not contain escaped characters");
    if (name == "enum")
      return error(id, "Unexpected reserved word 'enum'");
    if (name == "yield" && (ctx_.yieldKeyword || ctx_.strict))
      return error(id, ctx_.strict ? "Unexpected strict mode reserved word 'yield'"
                                   : "'yield' is not a valid identifier in a generator");
    if (name == "await" && ctx_.awaitKeyword)
      return error(id, ctx_.module ? "'await' is a reserved word in modules"
                                   : "'await' is not a valid identifier here");
    if (ctx_.strict && isStrictReserved(name))
      return error(id, "Unexpected strict mode reserved word '" + std::string(name) + "'");
  }

  void visitReference(Identifier *id) {
    checkIdentifierName(id);
    if (ctx_.argumentsBanned && id->name == "arguments")
      error(id, "'arguments' is not allowed in class field initializer or static "
                "initialization block");
  }

  void checkEvalArguments(Identifier *id) {
    if (ctx_.strict && (id->name == "eval" || id->name == "arguments"))
      error(id, "Unexpected eval or arguments in strict mode");
  }

  /// A declared name: `var x`, parameters, `catch (x)`, function/class names.
  void visitBindingIdentifier(Identifier *id, bool lexical) {
    checkIdentifierName(id);
    checkEvalArguments(id);
    if (lexical && id->name == "let")
      error(id, "let is disallowed as a lexically bound name");
    if (ctx_.module && functionDepth_ == 0 && lexicalTop_)
      moduleNames_.insert(id->name.str());
  }

  /// A binding pattern: identifiers are declared, defaults and computed keys
  /// are expressions.
  void visitBinding(Node *p, bool lexical) {
    if (!p)
      return;
    switch (p->kind) {
    case NodeKind::Identifier:
      return visitBindingIdentifier(cast<Identifier>(p), lexical);
    case NodeKind::ObjectPattern:
      for (Node *prop : cast<ObjectPattern>(p)->properties) {
        if (auto *pr = dynCast<Property>(prop)) {
          if (pr->computed)
            visit(pr->key);
          visitBinding(pr->value, lexical);
        } else {
          visitBinding(prop, lexical);
        }
      }
      return;
    case NodeKind::ArrayPattern:
      for (Node *e : cast<ArrayPattern>(p)->elements)
        visitBinding(e, lexical);
      return;
    case NodeKind::RestElement:
      return visitBinding(cast<RestElement>(p)->argument, lexical);
    case NodeKind::AssignmentPattern:
      visitBinding(cast<AssignmentPattern>(p)->left, lexical);
      return visit(cast<AssignmentPattern>(p)->right);
    default:
      return visit(p);
    }
  }

  /// The target of an assignment, update or for-in/of head.
  void visitTarget(Node *p) {
    if (!p)
      return;
    switch (p->kind) {
    case NodeKind::Identifier: {
      auto *id = cast<Identifier>(p);
      visitReference(id);
      return checkEvalArguments(id);
    }
    case NodeKind::ObjectPattern:
    case NodeKind::ObjectExpression: {
      NodeList props = isa<ObjectPattern>(p) ? cast<ObjectPattern>(p)->properties
                                             : cast<ObjectExpression>(p)->properties;
      for (Node *prop : props) {
        if (auto *pr = dynCast<Property>(prop)) {
          if (pr->computed)
            visit(pr->key);
          visitTarget(pr->value);
        } else {
          visitTarget(prop);
        }
      }
      return;
    }
    case NodeKind::ArrayPattern:
      for (Node *e : cast<ArrayPattern>(p)->elements)
        visitTarget(e);
      return;
    case NodeKind::ArrayExpression:
      for (Node *e : cast<ArrayExpression>(p)->elements)
        visitTarget(e);
      return;
    case NodeKind::RestElement:
      return visitTarget(cast<RestElement>(p)->argument);
    case NodeKind::SpreadElement:
      return visitTarget(cast<SpreadElement>(p)->argument);
    case NodeKind::AssignmentPattern:
      visitTarget(cast<AssignmentPattern>(p)->left);
      return visit(cast<AssignmentPattern>(p)->right);
    case NodeKind::AssignmentExpression: {
      auto *a = cast<AssignmentExpression>(p);
      visitTarget(a->left);
      return visit(a->right);
    }
    default:
      return visit(p);
    }
  }

  // ---- Statements ----
  void visitModuleItem(Node *s) {
    switch (s->kind) {
    case NodeKind::ImportDeclaration:
      for (Node *spec : cast<ImportDeclaration>(s)->specifiers) {
        Node *local = nullptr;
        if (auto *is = dynCast<ImportSpecifier>(spec))
          local = is->local;
        else if (auto *ds = dynCast<ImportDefaultSpecifier>(spec))
          local = ds->local;
        else if (auto *ns = dynCast<ImportNamespaceSpecifier>(spec))
          local = ns->local;
        if (auto *id = dynCast<Identifier>(local)) {
          visitBindingIdentifier(id, true);
          moduleNames_.insert(id->name.str());
        }
      }
      return;
    case NodeKind::ExportNamedDeclaration: {
      auto *e = cast<ExportNamedDeclaration>(s);
      if (e->declaration) {
        std::vector<Identifier *> names;
        if (auto *vd = dynCast<VariableDeclaration>(e->declaration))
          for (Node *d : vd->declarations)
            collectBoundNames(cast<VariableDeclarator>(d)->id, names);
        else if (isFunction(e->declaration) || isClass(e->declaration))
          if (auto *id = dynCast<Identifier>(declarationId(e->declaration)))
            names.push_back(id);
        for (Identifier *id : names)
          addExport(id, id->name.str());
        visitTopLevelDeclaration(e->declaration);
      }
      for (Node *spec : e->specifiers) {
        auto *es = cast<ExportSpecifier>(spec);
        addExport(es->exported, exportName(es->exported));
        if (!e->source)
          pendingExportLocals_.push_back(es->local);
      }
      return;
    }
    case NodeKind::ExportDefaultDeclaration: {
      auto *e = cast<ExportDefaultDeclaration>(s);
      addExport(s, "default");
      if (e->declaration && (isFunction(e->declaration) || isClass(e->declaration)) &&
          !isa<ArrowFunctionExpression>(e->declaration))
        visitTopLevelDeclaration(e->declaration);
      else
        visit(e->declaration);
      return;
    }
    case NodeKind::ExportAllDeclaration: {
      auto *e = cast<ExportAllDeclaration>(s);
      if (e->exported)
        addExport(e->exported, exportName(e->exported));
      return;
    }
    default:
      return visitTopLevelDeclaration(s);
    }
  }

  static Node *declarationId(Node *decl) {
    switch (decl->kind) {
    case NodeKind::FunctionDeclaration:
      return cast<FunctionDeclaration>(decl)->id;
    case NodeKind::FunctionExpression:
      return cast<FunctionExpression>(decl)->id;
    case NodeKind::ClassDeclaration:
      return cast<ClassDeclaration>(decl)->id;
    case NodeKind::ClassExpression:
      return cast<ClassExpression>(decl)->id;
    default:
      return nullptr;
    }
  }

  /// A statement directly in a module's body: its lexical names are module
  /// bindings that `export { x }` may name.
  void visitTopLevelDeclaration(Node *s) {
    lexicalTop_ = true;
    if (auto *id = dynCast<Identifier>(declarationId(s)))
      moduleNames_.insert(id->name.str());
    visit(s);
    lexicalTop_ = false;
  }

  std::string_view exportName(Node *n) {
    if (auto *id = dynCast<Identifier>(n))
      return id->name.str();
    if (auto *s = dynCast<StringLiteral>(n))
      return s->value.str();
    return {};
  }

  void addExport(Node *at, std::string_view name) {
    if (!exportedNames_.insert(name).second)
      error(at, "Duplicate export of '" + std::string(name) + "'");
  }

  void visitStatements(NodeList body) {
    for (Node *s : body)
      if (s)
        visit(s);
  }

  /// The single-statement body of if/loops/with/labels.
  void visitSubstatement(Node *body, BodyOf where) {
    if (!body)
      return;
    Node *inner = body;
    bool labelled = false;
    while (auto *l = dynCast<LabeledStatement>(inner)) {
      inner = l->body;
      labelled = true;
    }
    if (auto *vd = dynCast<VariableDeclaration>(body); vd && vd->kind != VarKind::Var) {
      error(body, "Lexical declaration cannot appear in a single-statement context");
    } else if (isa<ClassDeclaration>(body)) {
      error(body, "Class declaration cannot appear in a single-statement context");
    } else if (auto *fd = dynCast<FunctionDeclaration>(inner)) {
      if (fd->isAsync || fd->isGenerator)
        error(fd, std::string(fd->isAsync ? "Async functions" : "Generators") +
                      " can only be declared at the top level or inside a block");
      else if (labelled && where != BodyOf::Label)
        error(fd, "Labelled function declaration cannot be the body of a statement");
      else if (ctx_.strict)
        error(fd, "In strict mode code, functions can only be declared at top level or "
                  "inside a block");
      else if (where == BodyOf::Loop || where == BodyOf::With)
        error(fd, "Function declaration cannot appear in a single-statement context");
    }
    visit(body);
  }

  void visitLoopBody(Node *body) {
    ++loopDepth_;
    ++breakDepth_;
    visitSubstatement(body, BodyOf::Loop);
    --loopDepth_;
    --breakDepth_;
  }

  const std::pair<Atom, bool> *findLabel(Atom label) const {
    for (size_t i = labels_.size(); i > labelBase_; --i)
      if (labels_[i - 1].first == label)
        return &labels_[i - 1];
    return nullptr;
  }

  void checkLabelName(Node *at, Atom label) {
    std::string_view n = label.str();
    if ((n == "yield" && (ctx_.yieldKeyword || ctx_.strict)) ||
        (n == "await" && ctx_.awaitKeyword) || (ctx_.strict && isStrictReserved(n)) || n == "enum")
      error(at, "Unexpected reserved word '" + std::string(n) + "' as a label");
  }

  void visitVariableDeclaration(VariableDeclaration *vd, bool forInOfHead) {
    bool lexical = vd->kind != VarKind::Var;
    for (Node *d : vd->declarations) {
      auto *decl = cast<VariableDeclarator>(d);
      if (!forInOfHead && !decl->init) {
        if (vd->kind == VarKind::Const)
          error(decl, "Missing initializer in const declaration");
        else if (decl->id && !isa<Identifier>(decl->id))
          error(decl, "Missing initializer in destructuring declaration");
      }
      visitBinding(decl->id, lexical);
      if (ctx_.module && functionDepth_ == 0 && (vd->kind == VarKind::Var || lexicalTop_)) {
        std::vector<Identifier *> names;
        collectBoundNames(decl->id, names);
        for (Identifier *id : names)
          moduleNames_.insert(id->name.str());
      }
      visit(decl->init);
    }
  }

  void visitForInOfHead(Node *stmt, Node *left, bool isForOf, bool isAwait) {
    if (auto *vd = dynCast<VariableDeclaration>(left)) {
      if (vd->declarations.size() != 1)
        error(vd, std::string("Invalid left-hand side in ") + (isForOf ? "for-of" : "for-in") +
                      " loop: Must have a single binding.");
      for (Node *d : vd->declarations) {
        auto *decl = cast<VariableDeclarator>(d);
        if (decl->init &&
            (isForOf || ctx_.strict || vd->kind != VarKind::Var || !isa<Identifier>(decl->id)))
          error(decl, std::string(isForOf ? "for-of" : "for-in") +
                          " loop variable declaration may not have an initializer.");
      }
      visitVariableDeclaration(vd, true);
      return;
    }
    if (auto *id = dynCast<Identifier>(left); id && isForOf) {
      if (id->name == "let")
        error(id, "The left-hand side of a for-of loop may not be 'let'.");
      else if (id->name == "async" && !isAwait && !stmtHasParenLeft(stmt))
        error(id, "The left-hand side of a for-of loop may not be 'async'.");
    }
    visitTarget(left);
  }

  /// `for ((async) of x)` is valid while `for (async of x)` is not; the IR
  /// drops parentheses, so look at the source text.
  bool stmtHasParenLeft(Node *stmt) const {
    std::string_view src = m_.source();
    if (!stmt->range.valid() || stmt->range.end > src.size())
      return false;
    std::string_view text = src.substr(stmt->range.begin, stmt->range.end - stmt->range.begin);
    size_t open = text.find('(');
    if (open == std::string_view::npos)
      return false;
    size_t i = open + 1;
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n'))
      ++i;
    return i < text.size() && text[i] == '(';
  }

  // ---- Literals ----
  void checkNumber(Node *n, std::string_view raw, bool bigint) {
    bool legacy = raw.size() > 1 && raw[0] == '0' && raw[1] >= '0' && raw[1] <= '9';
    if (legacy) {
      if (bigint)
        return error(n, "Invalid BigInt literal");
      if (raw.find('_') != std::string_view::npos)
        return error(n, "Numeric separators are not allowed in legacy octal literals");
      if (ctx_.strict) {
        bool decimalLike = raw.find_first_of("89") != std::string_view::npos;
        return error(n, decimalLike ? "Decimals with leading zeros are not allowed in strict mode."
                                    : "Octal literals are not allowed in strict mode.");
      }
      return;
    }
    if (raw.find('_') == std::string_view::npos)
      return;
    int radix = 10;
    size_t start = 0;
    if (raw.size() > 1 && raw[0] == '0') {
      char p = static_cast<char>(raw[1] | 0x20);
      radix = p == 'x' ? 16 : p == 'o' ? 8 : p == 'b' ? 2 : 10;
      if (radix != 10)
        start = 2;
    }
    auto isDigitOf = [&](char c) {
      if (radix == 16)
        return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f');
      return c >= '0' && c < static_cast<char>('0' + radix);
    };
    for (size_t i = start; i < raw.size(); ++i) {
      if (raw[i] != '_')
        continue;
      bool ok = i > start && i + 1 < raw.size() && isDigitOf(raw[i - 1]) && isDigitOf(raw[i + 1]);
      // A decimal literal's leading `0` cannot be followed by a separator.
      if (ok && radix == 10 && i == 1 && raw[0] == '0')
        ok = false;
      if (!ok)
        return error(n, "Invalid numeric separator");
    }
  }

  /// Scans the escapes of a string literal (\p template false) or a template
  /// element's raw text.
  void checkEscapes(Node *n, std::string_view raw, bool templ) {
    for (size_t i = 0; i < raw.size(); ++i) {
      if (raw[i] != '\\')
        continue;
      if (++i >= raw.size())
        return;
      char c = raw[i];
      auto hex = [&](size_t k) {
        return k < raw.size() && ((raw[k] >= '0' && raw[k] <= '9') ||
                                  ((raw[k] | 0x20) >= 'a' && (raw[k] | 0x20) <= 'f'));
      };
      if (c >= '0' && c <= '9') {
        bool octal = c != '0' || (i + 1 < raw.size() && raw[i + 1] >= '0' && raw[i + 1] <= '9');
        if (!octal)
          continue;
        if (templ)
          return error(n, "Octal escape sequences are not allowed in template strings");
        if (ctx_.strict)
          return error(n, c == '8' || c == '9'
                              ? "\\8 and \\9 are not allowed in strict mode."
                              : "Octal escape sequences are not allowed in strict mode.");
      } else if (c == 'x') {
        if (!hex(i + 1) || !hex(i + 2))
          return error(n, "Invalid hexadecimal escape sequence");
      } else if (c == 'u') {
        if (i + 1 < raw.size() && raw[i + 1] == '{') {
          size_t k = i + 2;
          uint32_t v = 0;
          while (hex(k) && v <= 0x10FFFF) {
            char d = static_cast<char>(raw[k] | 0x20);
            v = v * 16 + static_cast<uint32_t>(d <= '9' ? d - '0' : d - 'a' + 10);
            ++k;
          }
          if (k == i + 2 || k >= raw.size() || raw[k] != '}' || v > 0x10FFFF)
            return error(n, v > 0x10FFFF ? "Undefined Unicode code-point"
                                         : "Invalid Unicode escape sequence");
        } else if (!hex(i + 1) || !hex(i + 2) || !hex(i + 3) || !hex(i + 4)) {
          return error(n, "Invalid Unicode escape sequence");
        }
      } else if (c == '\r' && i + 1 < raw.size() && raw[i + 1] == '\n') {
        ++i;
      }
    }
  }

  // ---- Functions and classes ----
  struct FunctionParts {
    Node *id;
    NodeList params;
    Node *body;
    bool isGenerator, isAsync;
  };
  static FunctionParts parts(Node *fn) {
    switch (fn->kind) {
#define PARTS(K)                                                                                   \
  case NodeKind::K: {                                                                              \
    auto *f = cast<K>(fn);                                                                         \
    return {f->id, f->params, f->body, f->isGenerator, f->isAsync};                                \
  }
      PARTS(FunctionDeclaration)
      PARTS(FunctionExpression)
      PARTS(ArrowFunctionExpression)
#undef PARTS
    default:
      return {nullptr, {}, nullptr, false, false};
    }
  }

  /// Saves everything a function-like boundary resets; restores on scope exit.
  struct BoundaryScope {
    Checker &c;
    Context ctx;
    size_t labelBase, labelCount;
    unsigned loopDepth, breakDepth;
    explicit BoundaryScope(Checker &ch)
        : c(ch), ctx(ch.ctx_), labelBase(ch.labelBase_), labelCount(ch.labels_.size()),
          loopDepth(ch.loopDepth_), breakDepth(ch.breakDepth_) {
      c.labelBase_ = c.labels_.size();
      c.loopDepth_ = c.breakDepth_ = 0;
      ++c.functionDepth_;
    }
    ~BoundaryScope() {
      c.ctx_ = ctx;
      c.labels_.resize(labelCount);
      c.labelBase_ = labelBase;
      c.loopDepth_ = loopDepth;
      c.breakDepth_ = breakDepth;
      --c.functionDepth_;
    }
  };

  void visitFunction(Node *fn, FnFlavor flavor) {
    FunctionParts f = parts(fn);
    bool arrow = flavor == FnFlavor::Arrow;
    auto *block = dynCast<BlockStatement>(f.body);
    bool ownUseStrict = block && hasUseStrict(block->body);
    bool strict = ctx_.strict || ownUseStrict;
    bool simple = true;
    for (Node *p : f.params)
      simple = simple && isa<Identifier>(p);
    if (ownUseStrict && !simple)
      error(fn, "Illegal 'use strict' directive in function with non-simple parameter list");

    // The name of a declaration is bound in the enclosing context; that of
    // an expression in the function's own (`function* yield(){}` is bad).
    if (auto *id = dynCast<Identifier>(f.id)) {
      Context saved = ctx_;
      ctx_.strict = strict;
      if (isa<FunctionExpression>(fn)) {
        ctx_.yieldKeyword = f.isGenerator;
        ctx_.awaitKeyword = f.isAsync || ctx_.module;
      }
      bool savedTop = lexicalTop_;
      lexicalTop_ = false;
      visitBindingIdentifier(id, false);
      lexicalTop_ = savedTop;
      ctx_ = saved;
    }

    BoundaryScope scope(*this);
    lexicalTop_ = false;
    ctx_.strict = strict;
    ctx_.returnOk = true;
    if (arrow) {
      ctx_.yieldKeyword = ctx_.yieldKeyword || f.isGenerator;
      ctx_.awaitKeyword = ctx_.awaitKeyword || f.isAsync;
    } else {
      ctx_.yieldKeyword = f.isGenerator;
      ctx_.awaitKeyword = f.isAsync || ctx_.module;
      ctx_.newTargetOk = true;
      ctx_.superCallOk = flavor == FnFlavor::DerivedConstructor;
      ctx_.superPropOk = flavor != FnFlavor::Normal;
      ctx_.argumentsBanned = false;
    }

    // Parameters.
    ctx_.inParams = true;
    ctx_.yieldExprOk = false;
    ctx_.awaitExprOk = false;
    for (Node *p : f.params)
      visitBinding(p, false);
    bool uniqueParams = strict || arrow || !simple || (flavor != FnFlavor::Normal);
    // One destructuring parameter can repeat a name too: `([a, a]) => 1`.
    if (uniqueParams && (f.params.size() > 1 || !simple)) {
      std::vector<Identifier *> names;
      for (Node *p : f.params)
        collectBoundNames(p, names);
      reportDuplicateNames(names, "Duplicate parameter name not allowed in this context");
    }
    if (flavor == FnFlavor::Getter && !f.params.empty())
      error(fn, "Getter must not have any formal parameters.");
    if (flavor == FnFlavor::Setter) {
      if (f.params.size() != 1)
        error(fn, "Setter must have exactly one formal parameter.");
      else if (isa<RestElement>(f.params[0]))
        error(f.params[0], "Setter function argument must not be a rest parameter");
    }

    // Body.
    ctx_.inParams = false;
    if (arrow) {
      // An arrow body never allows `yield` expressions; `await` only if async.
      ctx_.yieldKeyword = ctx_.strict && ctx_.yieldKeyword;
      ctx_.awaitKeyword = f.isAsync || ctx_.module;
    }
    ctx_.yieldExprOk = f.isGenerator;
    ctx_.awaitExprOk = f.isAsync;
    if (block)
      visitStatements(block->body);
    else
      visit(f.body);
  }

  struct ClassParts {
    Node *id;
    Node *superClass;
    NodeList body;
  };
  static ClassParts classParts(Node *c) {
    if (auto *d = dynCast<ClassDeclaration>(c))
      return {d->id, d->superClass, d->body};
    auto *e = cast<ClassExpression>(c);
    return {e->id, e->superClass, e->body};
  }

  void visitClass(Node *cls) {
    ClassParts c = classParts(cls);
    Context saved = ctx_;
    ctx_.strict = true;
    if (auto *id = dynCast<Identifier>(c.id))
      visitBindingIdentifier(id, true);
    visit(c.superClass);
    bool savedTop = lexicalTop_;
    lexicalTop_ = false;

    // Declared private names: visible to the whole body, including members
    // before the declaration.
    std::unordered_map<const void *, unsigned> declared; // bit 1 get, 2 set, 4 other, 8 static
    unsigned constructors = 0;
    std::vector<Atom> pushed;
    for (Node *member : c.body) {
      Node *key = nullptr;
      bool computed = false, isStatic = false, isField = false;
      MethodKind kind = MethodKind::Method;
      Node *value = nullptr;
      if (auto *md = dynCast<MethodDefinition>(member)) {
        key = md->key, computed = md->computed, isStatic = md->isStatic, kind = md->kind;
        value = md->value;
      } else if (auto *pd = dynCast<PropertyDefinition>(member)) {
        key = pd->key, computed = pd->computed, isStatic = pd->isStatic, isField = true;
      } else {
        continue;
      }
      if (auto *pn = dynCast<PrivateName>(key)) {
        if (pn->name == "constructor")
          error(pn, "Classes may not have a private field named '#constructor'");
        unsigned bits = (kind == MethodKind::Get   ? 1u
                         : kind == MethodKind::Set ? 2u
                                                   : 4u) |
                        (isStatic ? 8u : 0u);
        auto [it, fresh] = declared.emplace(pn->name.opaque(), bits);
        if (!fresh) {
          unsigned prev = it->second;
          bool pair =
              (prev & 8u) == (bits & 8u) && !(prev & 4u) && !(bits & 4u) && !(prev & bits & 3u);
          if (!pair)
            error(pn,
                  "Identifier '#" + std::string(pn->name.str()) + "' has already been declared");
          it->second |= bits;
        } else {
          ++privateNames_[pn->name.opaque()];
          pushed.push_back(pn->name);
        }
        continue;
      }
      if (computed)
        continue;
      std::string_view name = staticKeyName(key);
      if (isStatic && name == "prototype")
        error(key, "Classes may not have a static property named 'prototype'");
      if (isField && name == "constructor")
        error(key, "Classes may not have a field named 'constructor'");
      if (!isField && !isStatic && name == "constructor") {
        FunctionParts f = value ? parts(value) : FunctionParts{};
        if (kind == MethodKind::Get || kind == MethodKind::Set)
          error(key, "Class constructor may not be an accessor");
        else if (f.isGenerator)
          error(key, "Class constructor may not be a generator");
        else if (f.isAsync)
          error(key, "Class constructor may not be an async method");
        else if (++constructors > 1)
          error(key, "A class may only have one constructor");
      }
    }

    for (Node *member : c.body) {
      if (auto *md = dynCast<MethodDefinition>(member)) {
        if (md->computed)
          visit(md->key);
        FnFlavor flavor = FnFlavor::Method;
        if (md->kind == MethodKind::Get)
          flavor = FnFlavor::Getter;
        else if (md->kind == MethodKind::Set)
          flavor = FnFlavor::Setter;
        else if (!md->isStatic && !md->computed && staticKeyName(md->key) == "constructor")
          flavor = c.superClass ? FnFlavor::DerivedConstructor : FnFlavor::Constructor;
        if (md->value)
          visitFunction(md->value, flavor);
      } else if (auto *pd = dynCast<PropertyDefinition>(member)) {
        if (pd->computed)
          visit(pd->key);
        if (pd->value) {
          BoundaryScope scope(*this);
          enterInitializerContext();
          visit(pd->value);
        }
      } else if (auto *sb = dynCast<StaticBlock>(member)) {
        BoundaryScope scope(*this);
        enterInitializerContext();
        ctx_.awaitKeyword = true;
        visitStatements(sb->body);
      } else if (member) {
        visit(member);
      }
    }

    for (Atom a : pushed)
      if (--privateNames_[a.opaque()] == 0)
        privateNames_.erase(a.opaque());
    lexicalTop_ = savedTop;
    ctx_ = saved;
  }

  /// Field initializers and static blocks behave like methods without
  /// parameters: `super.x` and `new.target` are allowed, `arguments` not.
  void enterInitializerContext() {
    ctx_.newTargetOk = true;
    ctx_.superPropOk = true;
    ctx_.superCallOk = false;
    ctx_.argumentsBanned = true;
    ctx_.yieldExprOk = false;
    ctx_.awaitExprOk = false;
    ctx_.returnOk = false;
    ctx_.inParams = false;
    lexicalTop_ = false;
  }

  void checkPrivateReference(PrivateName *pn) {
    if (!privateNames_.count(pn->name.opaque()))
      error(pn, "Private field '#" + std::string(pn->name.str()) +
                    "' must be declared in an enclosing class");
  }

  // ---- The walk ----
  void visit(Node *n) {
    if (!n)
      return;
    switch (n->kind) {
    case NodeKind::Identifier:
      return visitReference(cast<Identifier>(n));

    case NodeKind::ExpressionStatement:
      return visit(cast<ExpressionStatement>(n)->expression);

    case NodeKind::WithStatement: {
      auto *w = cast<WithStatement>(n);
      if (ctx_.strict)
        error(n, "Strict mode code may not include a with statement");
      visit(w->object);
      return visitSubstatement(w->body, BodyOf::With);
    }
    case NodeKind::ReturnStatement:
      if (!ctx_.returnOk)
        error(n, "Illegal return statement");
      return visit(cast<ReturnStatement>(n)->argument);

    case NodeKind::LabeledStatement: {
      auto *l = cast<LabeledStatement>(n);
      checkLabelName(n, l->label);
      if (findLabel(l->label))
        error(n, "Label '" + std::string(l->label.str()) + "' has already been declared");
      Node *inner = l->body;
      while (auto *il = dynCast<LabeledStatement>(inner))
        inner = il->body;
      bool loop = inner && (isa<ForStatement>(inner) || isa<ForInStatement>(inner) ||
                            isa<ForOfStatement>(inner) || isa<WhileStatement>(inner) ||
                            isa<DoWhileStatement>(inner));
      labels_.emplace_back(l->label, loop);
      visitSubstatement(l->body, BodyOf::Label);
      labels_.pop_back();
      return;
    }
    case NodeKind::BreakStatement: {
      auto *b = cast<BreakStatement>(n);
      if (!b->label.empty()) {
        if (!findLabel(b->label))
          error(n, "Undefined label '" + std::string(b->label.str()) + "'");
      } else if (breakDepth_ == 0) {
        error(n, "Illegal break statement");
      }
      return;
    }
    case NodeKind::ContinueStatement: {
      auto *c = cast<ContinueStatement>(n);
      if (!c->label.empty()) {
        auto *l = findLabel(c->label);
        if (!l)
          error(n, "Undefined label '" + std::string(c->label.str()) + "'");
        else if (!l->second)
          error(n, "Illegal continue statement: '" + std::string(c->label.str()) +
                       "' does not denote an iteration statement");
      } else if (loopDepth_ == 0) {
        error(n, "Illegal continue statement: no surrounding iteration statement");
      }
      return;
    }
    case NodeKind::IfStatement: {
      auto *s = cast<IfStatement>(n);
      visit(s->test);
      visitSubstatement(s->consequent, BodyOf::If);
      visitSubstatement(s->alternate, BodyOf::If);
      return;
    }
    case NodeKind::SwitchStatement: {
      auto *s = cast<SwitchStatement>(n);
      visit(s->discriminant);
      ++breakDepth_;
      for (Node *cs : s->cases)
        if (auto *sc = dynCast<SwitchCase>(cs)) {
          visit(sc->test);
          visitStatements(sc->consequent);
        }
      --breakDepth_;
      return;
    }
    case NodeKind::WhileStatement: {
      auto *s = cast<WhileStatement>(n);
      visit(s->test);
      return visitLoopBody(s->body);
    }
    case NodeKind::DoWhileStatement: {
      auto *s = cast<DoWhileStatement>(n);
      visitLoopBody(s->body);
      return visit(s->test);
    }
    case NodeKind::ForStatement: {
      auto *s = cast<ForStatement>(n);
      if (auto *vd = dynCast<VariableDeclaration>(s->init))
        visitVariableDeclaration(vd, false);
      else
        visit(s->init);
      visit(s->test);
      visit(s->update);
      return visitLoopBody(s->body);
    }
    case NodeKind::ForInStatement: {
      auto *s = cast<ForInStatement>(n);
      visitForInOfHead(n, s->left, false, false);
      visit(s->right);
      return visitLoopBody(s->body);
    }
    case NodeKind::ForOfStatement: {
      auto *s = cast<ForOfStatement>(n);
      if (s->isAwait && !ctx_.awaitExprOk)
        error(n, "for await is only valid in async functions and the top level bodies of "
                 "modules");
      visitForInOfHead(n, s->left, true, s->isAwait);
      visit(s->right);
      return visitLoopBody(s->body);
    }
    case NodeKind::VariableDeclaration:
      return visitVariableDeclaration(cast<VariableDeclaration>(n), false);
    case NodeKind::CatchClause: {
      auto *c = cast<CatchClause>(n);
      visitBinding(c->param, false);
      if (c->param && !isa<Identifier>(c->param)) { // `catch ([a, a])`
        std::vector<Identifier *> names;
        collectBoundNames(c->param, names);
        reportDuplicateNames(names, "Duplicate binding in catch parameter");
      }
      return visit(c->body);
    }
    case NodeKind::BlockStatement: {
      bool savedTop = lexicalTop_;
      lexicalTop_ = false;
      visitStatements(cast<BlockStatement>(n)->body);
      lexicalTop_ = savedTop;
      return;
    }

    case NodeKind::FunctionDeclaration:
    case NodeKind::FunctionExpression:
      return visitFunction(n, FnFlavor::Normal);
    case NodeKind::ArrowFunctionExpression:
      return visitFunction(n, FnFlavor::Arrow);
    case NodeKind::ClassDeclaration:
    case NodeKind::ClassExpression:
      return visitClass(n);

    case NodeKind::ImportDeclaration:
    case NodeKind::ExportNamedDeclaration:
    case NodeKind::ExportDefaultDeclaration:
    case NodeKind::ExportAllDeclaration:
      error(n, ctx_.module ? "Import and export declarations are only allowed at the top "
                             "level of a module"
                           : "Cannot use import or export statements outside a module");
      return;

    case NodeKind::NumericLiteral:
      return checkNumber(n, cast<NumericLiteral>(n)->raw.str(), false);
    case NodeKind::BigIntLiteral:
      return checkNumber(n, cast<BigIntLiteral>(n)->raw.str(), true);
    case NodeKind::StringLiteral:
      return checkEscapes(n, cast<StringLiteral>(n)->raw.str(), false);
    case NodeKind::RegExpLiteral: {
      auto *r = cast<RegExpLiteral>(n);
      if (auto msg = validateRegExp(r->pattern.str(), r->flags.str())) {
        ++errors_;
        diags_.report(DiagId::err_invalid_regexp, m_.file(), n->range, r->pattern.str(), *msg);
      }
      return;
    }
    case NodeKind::TemplateLiteral: {
      auto *t = cast<TemplateLiteral>(n);
      for (Node *q : t->quasis)
        if (auto *te = dynCast<TemplateElement>(q))
          checkEscapes(te, te->raw.str(), true);
      return visitStatements(t->expressions);
    }
    case NodeKind::TaggedTemplateExpression: {
      auto *t = cast<TaggedTemplateExpression>(n);
      visit(t->tag);
      if (auto *q = dynCast<TemplateLiteral>(t->quasi))
        visitStatements(q->expressions); // any escape is fine in a tagged template
      return;
    }

    case NodeKind::Super:
      return error(n, "'super' keyword unexpected here");
    case NodeKind::CallExpression: {
      auto *c = cast<CallExpression>(n);
      if (isa<Super>(c->callee)) {
        if (!ctx_.superCallOk)
          error(c->callee, "'super' keyword unexpected here");
      } else {
        visit(c->callee);
      }
      return visitStatements(c->arguments);
    }
    case NodeKind::MemberExpression: {
      auto *me = cast<MemberExpression>(n);
      if (isa<Super>(me->object)) {
        if (!ctx_.superPropOk)
          error(me->object, "'super' keyword unexpected here");
        if (isa<PrivateName>(me->property))
          error(me->property, "Unexpected private field");
      } else {
        visit(me->object);
      }
      if (me->computed)
        visit(me->property);
      else if (auto *pn = dynCast<PrivateName>(me->property))
        checkPrivateReference(pn);
      return;
    }
    case NodeKind::BinaryExpression: {
      auto *b = cast<BinaryExpression>(n);
      if (auto *pn = dynCast<PrivateName>(b->left))
        checkPrivateReference(pn);
      else
        visit(b->left);
      return visit(b->right);
    }
    case NodeKind::UnaryExpression: {
      auto *u = cast<UnaryExpression>(n);
      if (u->op == UnaryOp::Delete) {
        Node *arg = u->argument;
        if (auto *ch = dynCast<ChainExpression>(arg))
          arg = ch->expression;
        if (isa<Identifier>(arg) && ctx_.strict)
          error(n, "Delete of an unqualified identifier in strict mode.");
        if (auto *me = dynCast<MemberExpression>(arg); me && isa<PrivateName>(me->property))
          error(n, "Private fields can not be deleted");
      }
      return visit(u->argument);
    }
    case NodeKind::UpdateExpression:
      return visitTarget(cast<UpdateExpression>(n)->argument);
    case NodeKind::AssignmentExpression: {
      auto *a = cast<AssignmentExpression>(n);
      visitTarget(a->left);
      return visit(a->right);
    }
    case NodeKind::ObjectPattern:
    case NodeKind::ArrayPattern:
    case NodeKind::AssignmentPattern:
    case NodeKind::RestElement:
      return visitTarget(n);
    case NodeKind::ObjectExpression:
      for (Node *p : cast<ObjectExpression>(n)->properties) {
        auto *pr = dynCast<Property>(p);
        if (!pr) {
          visit(p);
          continue;
        }
        if (pr->computed)
          visit(pr->key);
        if (pr->kind == PropertyKind::Get || pr->kind == PropertyKind::Set || pr->method) {
          if (pr->value && isFunction(pr->value))
            visitFunction(pr->value, pr->kind == PropertyKind::Get   ? FnFlavor::Getter
                                     : pr->kind == PropertyKind::Set ? FnFlavor::Setter
                                                                     : FnFlavor::Method);
          else
            visit(pr->value);
        } else if (auto *ap = dynCast<AssignmentPattern>(pr->value); ap && pr->shorthand) {
          // `{ a = 1 }` in an object literal only survives as a pattern.
          visitTarget(ap);
        } else {
          visit(pr->value);
        }
      }
      return;
    case NodeKind::YieldExpression: {
      auto *y = cast<YieldExpression>(n);
      if (!ctx_.yieldExprOk)
        error(n, ctx_.inParams && ctx_.yieldKeyword
                     ? "Yield expression not allowed in formal parameter"
                     : "Yield expression is only valid in generator functions");
      return visit(y->argument);
    }
    case NodeKind::AwaitExpression: {
      auto *a = cast<AwaitExpression>(n);
      if (!ctx_.awaitExprOk)
        error(n, ctx_.inParams && ctx_.awaitKeyword
                     ? "Illegal await-expression in formal parameters of async function"
                     : "await is only valid in async functions and the top level bodies of "
                       "modules");
      return visit(a->argument);
    }
    case NodeKind::MetaProperty: {
      auto *mp = cast<MetaProperty>(n);
      if (mp->meta == "new" && !ctx_.newTargetOk)
        error(n, "new.target expression is not allowed here");
      if (mp->meta == "import" && !ctx_.module)
        error(n, "Cannot use 'import.meta' outside a module");
      return;
    }
    case NodeKind::PrivateName:
      return checkPrivateReference(cast<PrivateName>(n));
    case NodeKind::MethodDefinition:
    case NodeKind::PropertyDefinition:
    case NodeKind::StaticBlock:
      return; // only meaningful inside a class body (visitClass)
    default:
      forEachChild(n, [&](const Node *child) { visit(const_cast<Node *>(child)); });
      return;
    }
  }

  /// Reports each name of \p names seen earlier in the list.
  void reportDuplicateNames(const std::vector<Identifier *> &names, const char *message) {
    if (names.size() < 2)
      return;
    std::unordered_set<const void *> seen;
    for (Identifier *id : names)
      if (!seen.insert(id->name.opaque()).second)
        error(id, message);
  }

  Module &m_;
  DiagnosticEngine &diags_;
  Context ctx_;
  unsigned errors_ = 0;
  std::vector<std::pair<Atom, bool>> labels_; ///< label, labels an iteration
  size_t labelBase_ = 0;                      ///< first label of the current function
  unsigned loopDepth_ = 0, breakDepth_ = 0;
  unsigned functionDepth_ = 0;
  bool lexicalTop_ = false; ///< visiting a module's top-level declaration
  std::unordered_map<const void *, unsigned> privateNames_;
  std::unordered_set<std::string_view> moduleNames_, exportedNames_;
  std::vector<Node *> pendingExportLocals_;
};

} // namespace

bool checkEarlyErrors(ir::Module &module, DiagnosticEngine &diags) {
  return Checker(module, diags).run();
}

} // namespace distribufy
