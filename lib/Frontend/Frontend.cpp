//===- Frontend.cpp - tree-sitter CST to IR ---------------------------------===//
//
// The frontend: validates UTF-8, parses with tree-sitter-javascript, turns
// the first syntax error into one diagnostic, converts the concrete syntax
// tree into the IR (ESTree shapes, no parentheses, no comments), checks the
// early errors that need the concrete syntax (assignment targets written
// with parentheses, duplicate `__proto__`), then runs the remaining early
// errors and scope analysis.
//
// Speed: grammar symbols and field ids are resolved to small integers once;
// conversion dispatches on them with a switch, walks children with one
// reused TSTreeCursor (ts_node_child(i) is O(i)), reads token text straight
// from the source buffer and interns names in the module.
//
//===----------------------------------------------------------------------===//
#include "distribufy/Frontend/Frontend.h"

#include "EarlyErrors.h"
#include "Literals.h"
#include "distribufy/IR/ScopeAnalysis.h"

#include <tree_sitter/api.h>

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

extern "C" const TSLanguage *tree_sitter_javascript(void);

namespace distribufy {
namespace {

using namespace ir;

// ---- Grammar symbols and fields, resolved once ----

#define DIST_TS_SYMBOLS(X)                                                                              \
  X(program)                                                                                            \
  X(hash_bang_line)                                                                                     \
  X(comment)                                                                                            \
  X(html_comment)                                                                                       \
  X(expression_statement) X(sequence_expression) X(parenthesized_expression) X(statement_block) X(      \
      empty_statement) X(debugger_statement) X(with_statement) X(return_statement)                      \
      X(labeled_statement) X(statement_identifier) X(break_statement) X(continue_statement) X(          \
          if_statement) X(else_clause) X(switch_statement) X(switch_body) X(switch_case)                \
          X(switch_default) X(throw_statement) X(try_statement) X(catch_clause) X(finally_clause) X(    \
              while_statement) X(do_statement) X(for_statement) X(for_in_statement)                     \
              X(variable_declaration) X(lexical_declaration) X(variable_declarator) X(                  \
                  function_declaration) X(generator_function_declaration) X(class_declaration)          \
                  X(import_statement) X(import_clause) X(named_imports) X(import_specifier) X(          \
                      namespace_import) X(import_attribute) X(export_statement) X(export_clause)        \
                      X(export_specifier) X(namespace_export) X(identifier) X(undefined) X(             \
                          null) X(true) X(false) X(number) X(string) X(regex) X(template_string)        \
                          X(template_substitution) X(this) X(super) X(array) X(object) X(pair) X(       \
                              shorthand_property_identifier) X(computed_property_name)                  \
                              X(property_identifier) X(private_property_identifier) X(                  \
                                  method_definition) X(spread_element) X(function_expression)           \
                                  X(generator_function) X(arrow_function) X(formal_parameters) X(       \
                                      class) X(class_heritage) X(class_body) X(field_definition)        \
                                      X(class_static_block) X(unary_expression) X(update_expression) X( \
                                          binary_expression) X(assignment_expression)                   \
                                          X(augmented_assignment_expression) X(                         \
                                              ternary_expression) X(call_expression) X(arguments)       \
                                              X(new_expression) X(member_expression) X(                 \
                                                  subscript_expression) X(optional_chain)               \
                                                  X(yield_expression) X(await_expression) X(            \
                                                      meta_property) X(import) X(object_pattern)        \
                                                      X(array_pattern) X(pair_pattern) X(               \
                                                          shorthand_property_identifier_pattern)        \
                                                          X(object_assignment_pattern) X(               \
                                                              assignment_pattern) X(rest_pattern)       \
                                                              X(decorator) X(jsx_element) X(            \
                                                                  jsx_self_closing_element)             \
                                                                  X(jsx_opening_element) X(             \
                                                                      jsx_closing_element)              \
                                                                      X(jsx_expression) X(              \
                                                                          jsx_text) X(jsx_attribute)    \
                                                                          X(jsx_namespace_name) X(      \
                                                                              html_character_reference)

#define DIST_TS_FIELDS(X)                                                                          \
  X(name)                                                                                          \
  X(parameters)                                                                                    \
  X(parameter)                                                                                     \
  X(body)                                                                                          \
  X(value) X(left) X(right) X(operator) X(argument) X(object) X(property) X(index) X(function)     \
      X(arguments) X(optional_chain) X(constructor) X(condition) X(consequence) X(alternative)     \
          X(key) X(label) X(kind) X(declaration) X(source) X(alias) X(handler) X(finalizer)        \
              X(initializer) X(increment) X(flags) X(pattern) X(decorator)

enum Sym : uint16_t {
  S_unknown,
#define X(n) S_##n,
  DIST_TS_SYMBOLS(X)
#undef X
      S_error, ///< ERROR nodes (only seen before conversion)
};

enum Field : uint8_t {
  F_none,
#define X(n) F_##n,
  DIST_TS_FIELDS(X)
#undef X
      F_count
};

/// Maps every grammar symbol (incl. aliases) to Sym and every grammar field
/// id to Field. Built once; read-only afterwards.
struct GrammarTables {
  const TSLanguage *lang;
  std::vector<Sym> symbols;
  std::vector<Field> fields;

  GrammarTables() : lang(tree_sitter_javascript()) {
    std::unordered_map<std::string_view, Sym> byName = {
#define X(n) {#n, S_##n},
        DIST_TS_SYMBOLS(X)
#undef X
    };
    uint32_t count = ts_language_symbol_count(lang);
    symbols.assign(size_t(count) + 1, S_unknown);
    for (uint32_t i = 0; i < count; ++i) {
      if (ts_language_symbol_type(lang, TSSymbol(i)) != TSSymbolTypeRegular)
        continue;
      auto it = byName.find(ts_language_symbol_name(lang, TSSymbol(i)));
      if (it != byName.end())
        symbols[i] = it->second;
    }
    std::unordered_map<std::string_view, Field> fieldByName = {
#define X(n) {#n, F_##n},
        DIST_TS_FIELDS(X)
#undef X
    };
    uint32_t fieldCount = ts_language_field_count(lang);
    fields.assign(size_t(fieldCount) + 1, F_none);
    for (uint32_t i = 1; i <= fieldCount; ++i) {
      const char *name = ts_language_field_name_for_id(lang, TSFieldId(i));
      if (!name)
        continue;
      auto it = fieldByName.find(name);
      if (it != fieldByName.end())
        fields[i] = it->second;
    }
  }

  Sym sym(TSNode n) const {
    TSSymbol s = ts_node_symbol(n);
    if (s == TSSymbol(-1))
      return S_error;
    return s < symbols.size() ? symbols[s] : S_unknown;
  }
  Field field(TSFieldId f) const { return f < fields.size() ? fields[f] : F_none; }
};

const GrammarTables &grammar() {
  static const GrammarTables tables;
  return tables;
}

struct Child {
  TSNode node;
  Sym sym;
  Field field;
  bool named;
};

// ---- Small lookups ----

bool binaryOpFor(std::string_view s, BinaryOp &op) {
#define BINARY_OP(Name, Spelling, Prec)                                                            \
  if (s == Spelling) {                                                                             \
    op = BinaryOp::Name;                                                                           \
    return true;                                                                                   \
  }
#include "distribufy/IR/Operators.def"
  return false;
}
bool logicalOpFor(std::string_view s, LogicalOp &op) {
#define LOGICAL_OP(Name, Spelling, Prec)                                                           \
  if (s == Spelling) {                                                                             \
    op = LogicalOp::Name;                                                                          \
    return true;                                                                                   \
  }
#include "distribufy/IR/Operators.def"
  return false;
}
bool assignOpFor(std::string_view s, AssignOp &op) {
#define ASSIGN_OP(Name, Spelling, Base)                                                            \
  if (s == Spelling) {                                                                             \
    op = AssignOp::Name;                                                                           \
    return true;                                                                                   \
  }
#include "distribufy/IR/Operators.def"
  return false;
}
bool unaryOpFor(std::string_view s, UnaryOp &op) {
#define UNARY_OP(Name, Spelling)                                                                   \
  if (s == Spelling) {                                                                             \
    op = UnaryOp::Name;                                                                            \
    return true;                                                                                   \
  }
#include "distribufy/IR/Operators.def"
  return false;
}

/// True if \p c can continue an identifier (non-ASCII bytes count).
bool isIdentPart(char c) {
  auto u = static_cast<unsigned char>(c);
  return u >= 0x80 || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') ||
         u == '_' || u == '$' || u == '\\';
}

/// Reserved words: property names may be spelled so, identifiers not.
bool isReservedWord(std::string_view n) {
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

// ---- The converter ----

class Converter {
public:
  Converter(Module &m, DiagnosticEngine &diags, const ParseOptions &opts, TSNode root)
      : m_(m), diags_(diags), opts_(opts), g_(grammar()), src_(m.source()) {
    cursor_ = ts_tree_cursor_new(root);
  }
  ~Converter() { ts_tree_cursor_delete(&cursor_); }
  Converter(const Converter &) = delete;
  Converter &operator=(const Converter &) = delete;

  /// Converts the program; false after reporting an error.
  bool run(TSNode root, bool forceScript, bool forceModule);

private:
  /// The children of one CST node (comments skipped), stored on a shared
  /// scratch stack and popped when the list goes out of scope. Access by
  /// index: the stack may reallocate while children are converted.
  class Kids {
  public:
    Kids(Converter &c, TSNode n) : c_(c), begin_(c.scratch_.size()) {
      TSTreeCursor &cur = c.cursor_;
      ts_tree_cursor_reset(&cur, n);
      if (ts_tree_cursor_goto_first_child(&cur)) {
        do {
          TSNode k = ts_tree_cursor_current_node(&cur);
          Sym s = c.g_.sym(k);
          if (s == S_comment || s == S_html_comment) {
            if (s == S_html_comment)
              c.sawHtmlComment_ = k;
            continue;
          }
          c.scratch_.push_back(
              Child{k, s, c.g_.field(ts_tree_cursor_current_field_id(&cur)), ts_node_is_named(k)});
        } while (ts_tree_cursor_goto_next_sibling(&cur));
      }
      end_ = c.scratch_.size();
    }
    ~Kids() { c_.scratch_.resize(begin_); }
    Kids(const Kids &) = delete;
    Kids &operator=(const Kids &) = delete;
    size_t size() const { return end_ - begin_; }
    Child operator[](size_t i) const { return c_.scratch_[begin_ + i]; }
    /// The first child in field \p f; a null node if none.
    TSNode field(Field f) const {
      for (size_t i = begin_; i < end_; ++i)
        if (c_.scratch_[i].field == f)
          return c_.scratch_[i].node;
      return TSNode{};
    }
    /// The first named child, or a null node.
    TSNode firstNamed() const {
      for (size_t i = begin_; i < end_; ++i)
        if (c_.scratch_[i].named)
          return c_.scratch_[i].node;
      return TSNode{};
    }
    /// True if an anonymous child spelled \p tok exists.
    bool hasToken(std::string_view tok) const {
      for (size_t i = begin_; i < end_; ++i)
        if (!c_.scratch_[i].named && c_.text(c_.scratch_[i].node) == tok)
          return true;
      return false;
    }

  private:
    Converter &c_;
    size_t begin_, end_;
  };

  /// Bounds the recursion depth (options.maxNesting).
  class DepthGuard {
  public:
    explicit DepthGuard(Converter &c) : c_(c) { ++c_.depth_; }
    ~DepthGuard() { --c_.depth_; }
    DepthGuard(const DepthGuard &) = delete;
    DepthGuard &operator=(const DepthGuard &) = delete;
    bool tooDeep(TSNode n) {
      if (c_.depth_ <= c_.opts_.maxNesting)
        return false;
      if (!c_.failed_)
        c_.diags_.report(DiagId::err_nesting_too_deep, c_.m_.file(), c_.range(n),
                         std::to_string(c_.opts_.maxNesting));
      c_.failed_ = true;
      return true;
    }

  private:
    Converter &c_;
  };

  /// Builds one NodeList on the shared node stack; nested builders live
  /// strictly inside the converter calls they are made in.
  class ListBuilder {
  public:
    explicit ListBuilder(Converter &c) : c_(c), base_(c.nodes_.size()) {}
    ~ListBuilder() {
      if (!finished_) // an early return: drop what was pushed
        c_.nodes_.resize(base_);
    }
    ListBuilder(const ListBuilder &) = delete;
    ListBuilder &operator=(const ListBuilder &) = delete;
    void push(Node *n) { c_.nodes_.push_back(n); }
    NodeList finish() {
      NodeList l =
          c_.m_.list(std::span<Node *const>(c_.nodes_.data() + base_, c_.nodes_.size() - base_));
      c_.nodes_.resize(base_);
      finished_ = true;
      return l;
    }

  private:
    Converter &c_;
    size_t base_;
    bool finished_ = false;
  };

  static bool isNull(TSNode n) { return ts_node_is_null(n); }
  SourceRange range(TSNode n) const { return {ts_node_start_byte(n), ts_node_end_byte(n)}; }
  std::string_view text(TSNode n) const {
    if (isNull(n))
      return {};
    uint32_t b = ts_node_start_byte(n), e = ts_node_end_byte(n);
    return src_.substr(b, e - b);
  }
  Sym sym(TSNode n) const { return isNull(n) ? S_unknown : g_.sym(n); }

  template <typename T> T *make(TSNode n) { return m_.make<T>(range(n)); }

  std::nullptr_t error(TSNode n, std::string_view msg) {
    if (!failed_)
      diags_.report(DiagId::err_early, m_.file(), range(n), msg);
    failed_ = true;
    return nullptr;
  }
  std::nullptr_t unsupported(TSNode n, std::string_view what) {
    if (!failed_)
      diags_.report(DiagId::err_unsupported, m_.file(), range(n), what);
    failed_ = true;
    return nullptr;
  }
  std::nullptr_t unexpected(TSNode n) {
    std::string what = "'";
    what += ts_node_type(n);
    what += "' here";
    return unsupported(n, what);
  }

  // Statements.
  Node *stmt(TSNode n);
  Node *stmtImpl(TSNode n, Sym s);
  void statementList(const Kids &k, Field onlyField, bool directives, bool topLevel,
                     ListBuilder &out);
  BlockStatement *block(TSNode n, bool directives);
  Node *braceStatement(TSNode stmtNode, TSNode e);
  BlockStatement *objectAsBlock(TSNode obj);
  Node *propsAsStatement(const Kids &k, size_t i);
  Node *propsAsExpression(Node *first, TSNode firstNode, const Kids &k, size_t i);
  bool badStatementStart(TSNode e);
  Node *varDecl(TSNode n, Sym s);
  Node *forStmt(TSNode n);
  Node *forInStmt(TSNode n);
  Node *switchStmt(TSNode n);
  Node *tryStmt(TSNode n);
  Node *importDecl(TSNode n);
  Node *exportDecl(TSNode n);
  Node *moduleName(TSNode n); // Identifier or StringLiteral

  // Expressions.
  Node *expr(TSNode n);
  Node *exprImpl(TSNode n, Sym s);
  Node *chainPart(TSNode n, bool &optional);
  Node *chainLink(TSNode n, Sym s, bool &optional);
  Node *call(TSNode n, bool &optional);
  Node *sequence(TSNode n);
  void flattenSequence(TSNode n);
  Node *arrayExpr(TSNode n);
  Node *objectExpr(TSNode n);
  Node *templateLit(TSNode n);
  Node *binary(TSNode n);
  Node *assignment(TSNode n, bool compound);
  Node *simpleTarget(TSNode n);
  Node *identifier(TSNode n);
  Node *stringLit(TSNode n);
  Node *numberLit(TSNode n);
  Node *propertyKey(TSNode n, bool &computed);
  NodeList arguments(TSNode n);
  Node *mixedNullish(TSNode n, std::string_view op, TSNode operand);

  // Functions and classes.
  template <typename T> T *function(TSNode n);
  template <typename T> T *arrow(TSNode n);
  NodeList paramList(TSNode formal);
  FunctionExpression *methodFunction(const Kids &k, bool isAsync, bool isGenerator);
  struct Modifiers {
    bool isStatic = false, isAsync = false, isGenerator = false, get = false, set = false;
  };
  Modifiers modifiers(const Kids &k, Field nameField);
  template <typename T> T *classNode(TSNode n);
  Node *classMember(TSNode n);
  Node *objectMethod(TSNode n);
  bool isProtoKey(const Node *key) const;
  bool keyNamed(const Node *key, std::string_view name) const;

  // Patterns.
  Node *pattern(TSNode n, bool binding);
  Node *objectPattern(TSNode n, bool binding);
  Node *arrayPattern(TSNode n, bool binding);

  Atom identName(TSNode n, std::string_view text);

  Module &m_;
  DiagnosticEngine &diags_;
  const ParseOptions &opts_;
  const GrammarTables &g_;
  std::string_view src_;
  TSTreeCursor cursor_;
  std::vector<Child> scratch_;
  std::vector<Node *> nodes_; ///< shared stack for building lists
  std::string buf_;           ///< scratch for cooked text
  unsigned depth_ = 0;
  bool failed_ = false;
  bool topLevel_ = false;
  /// Inside a generator body, where `yield` is an operator; elsewhere the
  /// grammar still produces yield_expression for the identifier `yield`.
  bool inGenerator_ = false;
  TSNode sawHtmlComment_{};
  /// An HTML-like comment blanked out of the parse buffer (see
  /// blankHtmlComments); an error if the program turns out to be a module.
  SourceRange patchedHtmlComment_{};
  bool hasPatchedHtmlComment_ = false;
  /// `{a: 1};` read as a statement is a block followed by an empty
  /// statement; in a single-statement position (`if (x) {a: 1};`) the empty
  /// statement belongs to the enclosing statement list, which adds it.
  bool pendingEmpty_ = false;
  SourceRange pendingEmptyRange_{};

public:
  void setPatchedHtmlComment(SourceRange r) {
    patchedHtmlComment_ = r;
    hasPatchedHtmlComment_ = true;
  }
};

// ---- Names and literals ----

Atom Converter::identName(TSNode n, std::string_view t) {
  if (t.find('\\') == std::string_view::npos)
    return m_.atom(t);
  if (!frontend::cookIdentifier(t, buf_)) {
    error(n, "invalid Unicode escape sequence in identifier");
    return m_.atom(t);
  }
  return m_.atom(buf_);
}

Node *Converter::identifier(TSNode n) {
  auto *id = make<Identifier>(n);
  id->name = identName(n, text(n));
  return id;
}

Node *Converter::stringLit(TSNode n) {
  auto *s = make<StringLiteral>(n);
  std::string_view raw = text(n);
  s->raw = m_.atom(raw);
  std::string_view body = raw.size() >= 2 ? raw.substr(1, raw.size() - 2) : std::string_view();
  if (body.find('\\') == std::string_view::npos) {
    s->value = m_.atom(body);
  } else if (frontend::cookStringBody(body, buf_)) {
    s->value = m_.atom(buf_);
  } else {
    return error(n, "invalid escape sequence in string literal");
  }
  return s;
}

Node *Converter::numberLit(TSNode n) {
  std::string_view raw = text(n);
  if (!raw.empty() && raw.back() == 'n') {
    auto *b = make<BigIntLiteral>(n);
    b->raw = m_.atom(raw);
    return b;
  }
  auto *num = make<NumericLiteral>(n);
  num->raw = m_.atom(raw);
  num->value = frontend::numericValue(raw);
  return num;
}

// ---- Statements ----

Node *Converter::stmt(TSNode n) {
  if (failed_ || isNull(n))
    return nullptr;
  DepthGuard guard(*this);
  if (guard.tooDeep(n))
    return nullptr;
  bool top = topLevel_;
  topLevel_ = false;
  Sym s = sym(n);
  if ((s == S_import_statement || s == S_export_statement) && !top)
    return error(n, "import and export declarations may only appear at the top level of a "
                    "module");
  return stmtImpl(n, s);
}

void Converter::statementList(const Kids &k, Field onlyField, bool directives, bool topLevel,
                              ListBuilder &out) {
  bool prologue = directives;
  for (size_t i = 0; i < k.size() && !failed_; ++i) {
    Child c = k[i];
    if (!c.named || c.sym == S_hash_bang_line || (onlyField != F_none && c.field != onlyField))
      continue;
    bool isDirective = false;
    if (prologue) {
      // A directive is an expression statement that is exactly one string
      // literal (not parenthesized, not part of a larger expression).
      if (c.sym == S_expression_statement) {
        Kids ek(*this, c.node);
        isDirective = sym(ek.firstNamed()) == S_string;
      }
      prologue = isDirective;
    }
    topLevel_ = topLevel;
    Node *st = stmt(c.node);
    if (isDirective && st) {
      auto *es = cast<ExpressionStatement>(st);
      if (auto *lit = dynCast<StringLiteral>(es->expression))
        es->directive = lit->raw;
    }
    out.push(st);
    if (pendingEmpty_) {
      pendingEmpty_ = false;
      out.push(m_.make<EmptyStatement>(pendingEmptyRange_));
    }
  }
  topLevel_ = false;
}

BlockStatement *Converter::block(TSNode n, bool directives) {
  if (failed_ || isNull(n))
    return nullptr;
  Kids k(*this, n);
  auto *b = make<BlockStatement>(n);
  ListBuilder body(*this);
  statementList(k, F_none, directives, false, body);
  b->body = body.finish();
  return b;
}

// ---- Blocks that tree-sitter read as object literals ----
//
// An ExpressionStatement cannot start with `{`, but tree-sitter reads
// `{a: 1}` (a block holding the labelled statement `a: 1`) as an object
// literal. The object's properties are re-read as the statement a block
// would hold: `{a: b, c}` is `{ a: (b, c); }`, `{a, b}` is `{ a, b; }`,
// `{a: {b: 1}}` nests, and shapes no statement has (`{a: 1, b: 2}`,
// `{"a": 1}`, methods, spreads) are syntax errors, as in JavaScript.

/// True (after reporting) if \p e starts with a token an expression
/// statement may not start with.
bool Converter::badStatementStart(TSNode e) {
  std::string_view t = text(e);
  auto word = [&](std::string_view w) {
    return t.starts_with(w) && (t.size() == w.size() || !isIdentPart(t[w.size()]));
  };
  bool bad = t.starts_with("{") || word("function") || word("class");
  if (!bad && word("async")) {
    std::string_view rest = t.substr(5);
    size_t i = rest.find_first_not_of(" \t\v\f");
    bad = i != std::string_view::npos && rest.substr(i).starts_with("function");
  }
  if (!bad && word("let")) {
    std::string_view rest = t.substr(3);
    size_t i = rest.find_first_not_of(" \t\v\f\r\n");
    bad = i != std::string_view::npos && rest[i] == '[';
  }
  if (bad)
    error(e, "unexpected token at the start of a statement");
  return bad;
}

Node *Converter::braceStatement(TSNode stmtNode, TSNode e) {
  if (sym(e) != S_object)
    return error(e, "unexpected token after a block");
  BlockStatement *b = objectAsBlock(e);
  if (b && ts_node_end_byte(stmtNode) > ts_node_end_byte(e) &&
      src_[ts_node_end_byte(stmtNode) - 1] == ';') {
    pendingEmpty_ = true;
    pendingEmptyRange_ = {ts_node_end_byte(stmtNode) - 1, ts_node_end_byte(stmtNode)};
  }
  return b;
}

BlockStatement *Converter::objectAsBlock(TSNode obj) {
  DepthGuard guard(*this);
  if (failed_ || guard.tooDeep(obj))
    return nullptr;
  Kids k(*this, obj);
  auto *b = make<BlockStatement>(obj);
  size_t first = k.size();
  for (size_t i = 0; i < k.size(); ++i) {
    if (k[i].named) {
      first = i;
      break;
    }
    if (text(k[i].node) == ",")
      return error(k[i].node, "unexpected ','");
  }
  if (first == k.size())
    return b; // `{}`
  // `a: 1,` is no statement.
  if (k.size() >= 2 && text(k[k.size() - 2].node) == ",")
    return error(k[k.size() - 2].node, "unexpected ','");
  Node *st = propsAsStatement(k, first);
  if (!st)
    return nullptr;
  Node *one[] = {st};
  b->body = m_.list(one);
  return b;
}

/// The statement the properties from \p i on spell: a labelled statement
/// for `key: value, ...`, an expression for `a, b, ...`.
Node *Converter::propsAsStatement(const Kids &k, size_t i) {
  Child c = k[i];
  size_t lastProp = i;
  for (size_t j = i + 1; j < k.size(); ++j)
    if (k[j].named)
      lastProp = j;
  uint32_t end = ts_node_end_byte(k[lastProp].node);
  if (c.sym == S_shorthand_property_identifier) {
    auto *es = m_.make<ExpressionStatement>(SourceRange{ts_node_start_byte(c.node), end});
    es->expression = propsAsExpression(nullptr, c.node, k, i);
    return es->expression ? es : nullptr;
  }
  if (c.sym != S_pair)
    return error(c.node, "unexpected token in a block");
  Kids pk(*this, c.node);
  TSNode key = pk.field(F_key), value = pk.field(F_value);
  if (sym(key) != S_property_identifier || isReservedWord(text(key)))
    return error(key, "unexpected token in a block");
  auto *l = m_.make<LabeledStatement>(SourceRange{ts_node_start_byte(c.node), end});
  l->label = identName(key, text(key));
  bool last = lastProp == i;
  bool plainNamedFunction = false;
  if (last && sym(value) == S_function_expression) {
    Kids fk(*this, value);
    plainNamedFunction = !fk.hasToken("async") && !isNull(fk.field(F_name));
  }
  if (last && sym(value) == S_object) {
    l->body = objectAsBlock(value);
  } else if (plainNamedFunction) {
    // `a: function f() {}` is a labelled function declaration (sloppy
    // mode only; the early errors decide).
    l->body = function<FunctionDeclaration>(value);
  } else {
    if (badStatementStart(value))
      return nullptr;
    auto *es = m_.make<ExpressionStatement>(SourceRange{ts_node_start_byte(value), end});
    es->expression = propsAsExpression(expr(value), value, k, i);
    l->body = es->expression ? es : nullptr;
  }
  return failed_ ? nullptr : l;
}

/// \p first (or, if null, the shorthand at \p i) followed by the shorthand
/// properties after \p i, as one expression: the comma operator.
Node *Converter::propsAsExpression(Node *first, TSNode firstNode, const Kids &k, size_t i) {
  if (!first) {
    if (isReservedWord(text(firstNode)))
      return error(firstNode, "unexpected token in a block");
    first = identifier(firstNode);
  }
  ListBuilder items(*this);
  items.push(first);
  uint32_t end = ts_node_end_byte(firstNode);
  for (size_t j = i + 1; j < k.size() && !failed_; ++j) {
    Child c = k[j];
    if (!c.named)
      continue;
    if (c.sym != S_shorthand_property_identifier || isReservedWord(text(c.node)))
      return error(c.node, "unexpected token in an expression");
    items.push(identifier(c.node));
    end = ts_node_end_byte(c.node);
  }
  if (failed_)
    return nullptr;
  NodeList l = items.finish();
  if (l.size() == 1)
    return first;
  auto *s = m_.make<SequenceExpression>(SourceRange{ts_node_start_byte(firstNode), end});
  s->expressions = l;
  return s;
}

Node *Converter::stmtImpl(TSNode n, Sym s) {
  switch (s) {
  case S_expression_statement: {
    Kids k(*this, n);
    TSNode e = k.firstNamed();
    if (!isNull(e) && src_[ts_node_start_byte(e)] == '{')
      return braceStatement(n, e);
    auto *es = make<ExpressionStatement>(n);
    es->expression = expr(e);
    return es;
  }
  case S_statement_block:
    return block(n, false);
  case S_empty_statement:
    return make<EmptyStatement>(n);
  case S_debugger_statement:
    return make<DebuggerStatement>(n);
  case S_with_statement: {
    Kids k(*this, n);
    auto *w = make<WithStatement>(n);
    w->object = expr(k.field(F_object));
    w->body = stmt(k.field(F_body));
    return w;
  }
  case S_return_statement:
  case S_throw_statement: {
    Kids k(*this, n);
    TSNode arg = k.firstNamed();
    Node *a = isNull(arg) ? nullptr : expr(arg);
    if (s == S_throw_statement) {
      auto *t = make<ThrowStatement>(n);
      t->argument = a;
      return t;
    }
    auto *r = make<ReturnStatement>(n);
    r->argument = a;
    return r;
  }
  case S_labeled_statement: {
    Kids k(*this, n);
    auto *l = make<LabeledStatement>(n);
    TSNode label = k.field(F_label);
    l->label = identName(label, text(label));
    l->body = stmt(k.field(F_body));
    return l;
  }
  case S_break_statement:
  case S_continue_statement: {
    Kids k(*this, n);
    TSNode label = k.field(F_label);
    Atom a = isNull(label) ? Atom() : identName(label, text(label));
    if (s == S_break_statement) {
      auto *b = make<BreakStatement>(n);
      b->label = a;
      return b;
    }
    auto *c = make<ContinueStatement>(n);
    c->label = a;
    return c;
  }
  case S_if_statement: {
    Kids k(*this, n);
    auto *i = make<IfStatement>(n);
    i->test = expr(k.field(F_condition));
    i->consequent = stmt(k.field(F_consequence));
    TSNode alt = k.field(F_alternative);
    if (!isNull(alt) && pendingEmpty_) // `if (x) {a: 1}; else ...`
      return error(alt, "unexpected 'else'");
    if (!isNull(alt)) {
      Kids ek(*this, alt);
      i->alternate = stmt(ek.firstNamed());
    }
    return i;
  }
  case S_switch_statement:
    return switchStmt(n);
  case S_try_statement:
    return tryStmt(n);
  case S_while_statement: {
    Kids k(*this, n);
    auto *w = make<WhileStatement>(n);
    w->test = expr(k.field(F_condition));
    w->body = stmt(k.field(F_body));
    return w;
  }
  case S_do_statement: {
    Kids k(*this, n);
    auto *d = make<DoWhileStatement>(n);
    d->body = stmt(k.field(F_body));
    if (pendingEmpty_) // `do {a: 1}; while (x)`
      return error(k.field(F_condition), "unexpected 'while'");
    d->test = expr(k.field(F_condition));
    return d;
  }
  case S_for_statement:
    return forStmt(n);
  case S_for_in_statement:
    return forInStmt(n);
  case S_variable_declaration:
  case S_lexical_declaration:
    return varDecl(n, s);
  case S_function_declaration:
  case S_generator_function_declaration:
    return function<FunctionDeclaration>(n);
  case S_class_declaration:
    return classNode<ClassDeclaration>(n);
  case S_import_statement:
    return importDecl(n);
  case S_export_statement:
    return exportDecl(n);
  default:
    return unexpected(n);
  }
}

Node *Converter::varDecl(TSNode n, Sym s) {
  Kids k(*this, n);
  auto *d = make<VariableDeclaration>(n);
  if (s == S_variable_declaration)
    d->kind = VarKind::Var;
  else
    d->kind = text(k.field(F_kind)) == "let" ? VarKind::Let : VarKind::Const;
  ListBuilder decls(*this);
  for (size_t i = 0; i < k.size(); ++i) {
    Child c = k[i];
    if (c.sym != S_variable_declarator)
      continue;
    Kids dk(*this, c.node);
    auto *v = make<VariableDeclarator>(c.node);
    v->id = pattern(dk.field(F_name), true);
    TSNode init = dk.field(F_value);
    if (!isNull(init))
      v->init = expr(init);
    decls.push(v);
  }
  d->declarations = decls.finish();
  return d;
}

Node *Converter::forStmt(TSNode n) {
  Kids k(*this, n);
  auto *f = make<ForStatement>(n);
  TSNode init = k.field(F_initializer);
  if (!isNull(init)) {
    Sym is = sym(init);
    if (is == S_lexical_declaration || is == S_variable_declaration)
      f->init = varDecl(init, is);
    else if (is != S_empty_statement)
      f->init = expr(init);
  }
  for (size_t i = 0; i < k.size(); ++i) {
    Child c = k[i];
    if (c.field == F_condition && c.named && c.sym != S_empty_statement)
      f->test = expr(c.node);
  }
  TSNode update = k.field(F_increment);
  if (!isNull(update))
    f->update = expr(update);
  f->body = stmt(k.field(F_body));
  return f;
}

Node *Converter::forInStmt(TSNode n) {
  Kids k(*this, n);
  bool isOf = text(k.field(F_operator)) == "of";
  bool isAwait = k.hasToken("await");
  TSNode kind = k.field(F_kind), left = k.field(F_left), value = k.field(F_value);
  Node *target = nullptr;
  if (!isNull(kind)) {
    TSNode last = isNull(value) ? left : value;
    auto *d =
        m_.make<VariableDeclaration>(SourceRange{ts_node_start_byte(kind), ts_node_end_byte(last)});
    std::string_view kw = text(kind);
    d->kind = kw == "var" ? VarKind::Var : kw == "let" ? VarKind::Let : VarKind::Const;
    auto *v =
        m_.make<VariableDeclarator>(SourceRange{ts_node_start_byte(left), ts_node_end_byte(last)});
    v->id = pattern(left, true);
    if (!isNull(value)) {
      // Annex B allows `for (var x = e in o)` (sloppy mode only; the
      // strict-mode check belongs to the early-error pass).
      if (isOf || d->kind != VarKind::Var)
        return error(value, "for-in/of loop variable declaration may not have an initializer");
      v->init = expr(value);
    }
    Node *one[] = {v};
    d->declarations = m_.list(one);
    target = d;
  } else {
    Sym ls = sym(left);
    if (ls == S_object_pattern || ls == S_array_pattern)
      target = pattern(left, false);
    else
      target = simpleTarget(left);
  }
  Node *right = expr(k.field(F_right));
  Node *body = stmt(k.field(F_body));
  if (isOf) {
    auto *f = make<ForOfStatement>(n);
    f->left = target;
    f->right = right;
    f->body = body;
    f->isAwait = isAwait;
    return f;
  }
  if (isAwait)
    return error(n, "'for await' requires 'of'");
  auto *f = make<ForInStatement>(n);
  f->left = target;
  f->right = right;
  f->body = body;
  return f;
}

Node *Converter::switchStmt(TSNode n) {
  Kids k(*this, n);
  auto *sw = make<SwitchStatement>(n);
  sw->discriminant = expr(k.field(F_value));
  TSNode body = k.field(F_body);
  ListBuilder cases(*this);
  if (!isNull(body)) {
    Kids bk(*this, body);
    for (size_t i = 0; i < bk.size(); ++i) {
      Child c = bk[i];
      if (c.sym != S_switch_case && c.sym != S_switch_default)
        continue;
      Kids ck(*this, c.node);
      auto *sc = make<SwitchCase>(c.node);
      if (c.sym == S_switch_case)
        sc->test = expr(ck.field(F_value));
      ListBuilder cons(*this);
      statementList(ck, F_body, false, false, cons);
      sc->consequent = cons.finish();
      cases.push(sc);
    }
  }
  sw->cases = cases.finish();
  return sw;
}

Node *Converter::tryStmt(TSNode n) {
  Kids k(*this, n);
  auto *t = make<TryStatement>(n);
  t->block = block(k.field(F_body), false);
  TSNode handler = k.field(F_handler);
  if (!isNull(handler)) {
    Kids hk(*this, handler);
    auto *c = make<CatchClause>(handler);
    TSNode param = hk.field(F_parameter);
    if (!isNull(param))
      c->param = pattern(param, true);
    c->body = block(hk.field(F_body), false);
    t->handler = c;
  }
  TSNode fin = k.field(F_finalizer);
  if (!isNull(fin)) {
    Kids fk(*this, fin);
    t->finalizer = block(fk.field(F_body), false);
  }
  return t;
}

Node *Converter::moduleName(TSNode n) {
  switch (sym(n)) {
  case S_identifier:
  case S_undefined:
    return identifier(n);
  case S_string:
    return stringLit(n);
  default:
    return unexpected(n);
  }
}

Node *Converter::importDecl(TSNode n) {
  Kids k(*this, n);
  auto *d = make<ImportDeclaration>(n);
  ListBuilder specs(*this);
  for (size_t i = 0; i < k.size(); ++i) {
    Child c = k[i];
    if (c.sym == S_import_attribute)
      return unsupported(c.node, "import attributes");
    if (c.sym != S_import_clause)
      continue;
    Kids ck(*this, c.node);
    for (size_t j = 0; j < ck.size(); ++j) {
      Child cc = ck[j];
      if (cc.sym == S_identifier || cc.sym == S_undefined) {
        auto *s = make<ImportDefaultSpecifier>(cc.node);
        s->local = identifier(cc.node);
        specs.push(s);
      } else if (cc.sym == S_namespace_import) {
        Kids nk(*this, cc.node);
        auto *s = make<ImportNamespaceSpecifier>(cc.node);
        s->local = identifier(nk.firstNamed());
        specs.push(s);
      } else if (cc.sym == S_named_imports) {
        Kids nk(*this, cc.node);
        for (size_t m = 0; m < nk.size(); ++m) {
          Child spec = nk[m];
          if (spec.sym != S_import_specifier)
            continue;
          Kids sk(*this, spec.node);
          TSNode name = sk.field(F_name), alias = sk.field(F_alias);
          auto *s = make<ImportSpecifier>(spec.node);
          s->imported = moduleName(name);
          if (isNull(alias) && sym(name) == S_string)
            return error(name, "a string import name must be followed by 'as'");
          s->local = identifier(isNull(alias) ? name : alias);
          specs.push(s);
        }
      }
    }
  }
  d->specifiers = specs.finish();
  d->source = stringLit(k.field(F_source));
  return d;
}

Node *Converter::exportDecl(TSNode n) {
  Kids k(*this, n);
  if (!isNull(k.field(F_decorator)))
    return unsupported(k.field(F_decorator), "decorators");
  TSNode decl = k.field(F_declaration), value = k.field(F_value), source = k.field(F_source);
  if (k.hasToken("default")) {
    auto *d = make<ExportDefaultDeclaration>(n);
    if (!isNull(decl)) {
      d->declaration = stmt(decl);
    } else {
      // `export default function () {}` and `class {}` are declarations
      // without a name, not expressions.
      Sym vs = sym(value);
      if (vs == S_function_expression || vs == S_generator_function)
        d->declaration = function<FunctionDeclaration>(value);
      else if (vs == S_class)
        d->declaration = classNode<ClassDeclaration>(value);
      else
        d->declaration = expr(value);
    }
    return d;
  }
  if (!isNull(decl)) {
    auto *d = make<ExportNamedDeclaration>(n);
    d->declaration = stmt(decl);
    return d;
  }
  for (size_t i = 0; i < k.size(); ++i) {
    Child c = k[i];
    if (c.sym == S_namespace_export) {
      Kids nk(*this, c.node);
      auto *d = make<ExportAllDeclaration>(n);
      d->exported = moduleName(nk.firstNamed());
      d->source = stringLit(source);
      return d;
    }
    if (c.sym == S_export_clause) {
      auto *d = make<ExportNamedDeclaration>(n);
      Kids ck(*this, c.node);
      ListBuilder specs(*this);
      for (size_t j = 0; j < ck.size(); ++j) {
        Child spec = ck[j];
        if (spec.sym != S_export_specifier)
          continue;
        Kids sk(*this, spec.node);
        TSNode name = sk.field(F_name), alias = sk.field(F_alias);
        if (isNull(source) && sym(name) == S_string)
          return error(name, "a string export name requires 'from'");
        auto *s = make<ExportSpecifier>(spec.node);
        s->local = moduleName(name);
        s->exported = moduleName(isNull(alias) ? name : alias);
        specs.push(s);
      }
      d->specifiers = specs.finish();
      if (!isNull(source))
        d->source = stringLit(source);
      return d;
    }
  }
  if (k.hasToken("*")) {
    auto *d = make<ExportAllDeclaration>(n);
    d->source = stringLit(source);
    return d;
  }
  return unexpected(n);
}

// ---- Expressions ----

Node *Converter::expr(TSNode n) {
  if (failed_ || isNull(n))
    return nullptr;
  DepthGuard guard(*this);
  if (guard.tooDeep(n))
    return nullptr;
  return exprImpl(n, sym(n));
}

Node *Converter::exprImpl(TSNode n, Sym s) {
  switch (s) {
  case S_identifier:
  case S_undefined:
    return identifier(n);
  case S_null:
    return make<NullLiteral>(n);
  case S_true:
  case S_false: {
    auto *b = make<BooleanLiteral>(n);
    b->value = s == S_true;
    return b;
  }
  case S_this:
    return make<ThisExpression>(n);
  case S_super:
    return make<Super>(n);
  case S_number:
    return numberLit(n);
  case S_string:
    return stringLit(n);
  case S_regex: {
    Kids k(*this, n);
    auto *r = make<RegExpLiteral>(n);
    r->pattern = m_.atom(text(k.field(F_pattern)));
    TSNode flags = k.field(F_flags);
    r->flags = m_.atom(isNull(flags) ? std::string_view() : text(flags));
    return r;
  }
  case S_template_string:
    return templateLit(n);
  case S_parenthesized_expression: {
    Kids k(*this, n);
    return expr(k.firstNamed());
  }
  case S_sequence_expression:
    return sequence(n);
  case S_array:
    return arrayExpr(n);
  case S_object:
    return objectExpr(n);
  case S_function_expression:
  case S_generator_function:
    return function<FunctionExpression>(n);
  case S_arrow_function:
    return arrow<ArrowFunctionExpression>(n);
  case S_class:
    return classNode<ClassExpression>(n);
  case S_unary_expression: {
    Kids k(*this, n);
    auto *u = make<UnaryExpression>(n);
    if (!unaryOpFor(text(k.field(F_operator)), u->op))
      return unexpected(k.field(F_operator));
    u->argument = expr(k.field(F_argument));
    return u;
  }
  case S_update_expression: {
    Kids k(*this, n);
    TSNode op = k.field(F_operator), arg = k.field(F_argument);
    auto *u = make<UpdateExpression>(n);
    u->op = text(op) == "++" ? UpdateOp::Increment : UpdateOp::Decrement;
    u->prefix = ts_node_start_byte(op) < ts_node_start_byte(arg);
    u->argument = simpleTarget(arg);
    return u;
  }
  case S_binary_expression:
    return binary(n);
  case S_assignment_expression:
    return assignment(n, false);
  case S_augmented_assignment_expression:
    return assignment(n, true);
  case S_ternary_expression: {
    Kids k(*this, n);
    auto *c = make<ConditionalExpression>(n);
    c->test = expr(k.field(F_condition));
    c->consequent = expr(k.field(F_consequence));
    c->alternate = expr(k.field(F_alternative));
    return c;
  }
  case S_member_expression:
  case S_subscript_expression:
  case S_call_expression: {
    // The root of a member/call chain: wrap it in a ChainExpression if any
    // link in it is optional.
    bool optional = false;
    Node *r = chainLink(n, s, optional);
    if (!optional || !r)
      return r;
    auto *c = make<ChainExpression>(n);
    c->expression = r;
    return c;
  }
  case S_new_expression: {
    Kids k(*this, n);
    auto *ne = make<NewExpression>(n);
    TSNode ctor = k.field(F_constructor);
    ne->callee = expr(ctor);
    // The IR keeps no parentheses: `new (a?.b)()` is fine, `new a?.b()` is
    // not, so the check looks at the concrete syntax.
    if (isa<ChainExpression>(ne->callee) && sym(ctor) != S_parenthesized_expression)
      return error(n, "invalid optional chain from new expression");
    TSNode args = k.field(F_arguments);
    if (!isNull(args))
      ne->arguments = arguments(args);
    return ne;
  }
  case S_yield_expression: {
    Kids k(*this, n);
    if (!inGenerator_) {
      // Outside generators `yield` is an identifier (sloppy mode): `yield`
      // and `yield * x` are what tree-sitter reads as yield expressions.
      // `yield x` stays a YieldExpression for the early-error check.
      TSNode kw = k[0].node;
      TSNode arg = k.firstNamed();
      bool star = k.hasToken("*");
      // `yield + a` / `yield - a`: a binary operator, not a unary operand.
      if (!star && sym(arg) == S_unary_expression) {
        Kids uk(*this, arg);
        std::string_view uop = text(uk.field(F_operator));
        if (uop == "+" || uop == "-") {
          auto *id = make<Identifier>(kw);
          id->name = m_.atom("yield");
          auto *bin = make<BinaryExpression>(n);
          bin->op = uop == "+" ? BinaryOp::Add : BinaryOp::Sub;
          bin->left = id;
          bin->right = expr(uk.field(F_argument));
          return bin;
        }
      }
      if (isNull(arg) || star) {
        auto *id = make<Identifier>(kw);
        id->name = m_.atom("yield");
        if (isNull(arg))
          return id;
        auto *mul = make<BinaryExpression>(n);
        mul->op = BinaryOp::Mul;
        mul->left = id;
        mul->right = expr(arg);
        return mul;
      }
    }
    auto *y = make<YieldExpression>(n);
    y->delegate = k.hasToken("*");
    TSNode arg = k.firstNamed();
    if (!isNull(arg))
      y->argument = expr(arg);
    return y;
  }
  case S_await_expression: {
    Kids k(*this, n);
    auto *a = make<AwaitExpression>(n);
    a->argument = expr(k.firstNamed());
    return a;
  }
  case S_meta_property: {
    auto *mp = make<MetaProperty>(n);
    bool isNew = text(n).starts_with("new");
    mp->meta = m_.atom(isNew ? "new" : "import");
    mp->property = m_.atom(isNew ? "target" : "meta");
    return mp;
  }
  case S_spread_element: {
    Kids k(*this, n);
    auto *sp = make<SpreadElement>(n);
    sp->argument = expr(k.firstNamed());
    return sp;
  }
  case S_jsx_element:
  case S_jsx_self_closing_element:
  case S_jsx_opening_element:
  case S_jsx_closing_element:
  case S_jsx_expression:
  case S_jsx_text:
    return unsupported(n, "JSX");
  case S_decorator:
    return unsupported(n, "decorators");
  default:
    return unexpected(n);
  }
}

Node *Converter::chainPart(TSNode n, bool &optional) {
  Sym s = sym(n);
  if (s != S_member_expression && s != S_subscript_expression && s != S_call_expression)
    return expr(n);
  if (failed_)
    return nullptr;
  DepthGuard guard(*this);
  if (guard.tooDeep(n))
    return nullptr;
  return chainLink(n, s, optional);
}

Node *Converter::chainLink(TSNode n, Sym s, bool &optional) {
  if (s == S_call_expression)
    return call(n, optional);
  Kids k(*this, n);
  auto *me = make<MemberExpression>(n);
  TSNode obj = k.field(F_object);
  if (sym(obj) == S_import)
    return unexpected(obj);
  me->object = chainPart(obj, optional);
  if (!isNull(k.field(F_optional_chain))) {
    me->optional = true;
    optional = true;
  }
  if (s == S_subscript_expression) {
    me->computed = true;
    me->property = expr(k.field(F_index));
    return me;
  }
  TSNode prop = k.field(F_property);
  if (sym(prop) == S_private_property_identifier) {
    auto *p = make<PrivateName>(prop);
    p->name = identName(prop, text(prop).substr(1));
    me->property = p;
  } else {
    me->property = identifier(prop);
  }
  return me;
}

Node *Converter::call(TSNode n, bool &optional) {
  Kids k(*this, n);
  TSNode fn = k.field(F_function), args = k.field(F_arguments);
  if (sym(args) == S_template_string) {
    auto *t = make<TaggedTemplateExpression>(n);
    t->tag = expr(fn);
    if ((isa<ChainExpression>(t->tag) && sym(fn) != S_parenthesized_expression) ||
        !isNull(k.field(F_optional_chain)))
      return error(n, "tagged template cannot be used in an optional chain");
    t->quasi = templateLit(args);
    return t;
  }
  if (sym(fn) == S_import) {
    if (!isNull(k.field(F_optional_chain)))
      return error(n, "invalid optional chain on import()");
    auto *ie = make<ImportExpression>(n);
    NodeList a = arguments(args);
    if (a.size() != 1 || isa<SpreadElement>(a[0]))
      return unsupported(args, "import() with other than one argument");
    ie->source = a[0];
    return ie;
  }
  auto *c = make<CallExpression>(n);
  c->callee = sym(fn) == S_super ? make<Super>(fn) : chainPart(fn, optional);
  if (!isNull(k.field(F_optional_chain))) {
    c->optional = true;
    optional = true;
  }
  c->arguments = arguments(args);
  return c;
}

NodeList Converter::arguments(TSNode n) {
  if (isNull(n))
    return {};
  Kids k(*this, n);
  ListBuilder out(*this);
  for (size_t i = 0; i < k.size(); ++i)
    if (k[i].named)
      out.push(expr(k[i].node));
  return out.finish();
}

void Converter::flattenSequence(TSNode n) {
  // Sequences nest to the right in the grammar; flatten every direct
  // sequence_expression child (a parenthesized one stays a separate node).
  Kids k(*this, n);
  for (size_t i = 0; i < k.size() && !failed_; ++i) {
    Child c = k[i];
    if (!c.named)
      continue;
    if (c.sym == S_sequence_expression) {
      DepthGuard guard(*this);
      if (guard.tooDeep(c.node))
        return;
      flattenSequence(c.node);
    } else {
      nodes_.push_back(expr(c.node));
    }
  }
}

Node *Converter::sequence(TSNode n) {
  auto *s = make<SequenceExpression>(n);
  ListBuilder items(*this);
  flattenSequence(n);
  s->expressions = items.finish();
  return s;
}

Node *Converter::arrayExpr(TSNode n) {
  Kids k(*this, n);
  auto *a = make<ArrayExpression>(n);
  ListBuilder elems(*this);
  bool had = false;
  for (size_t i = 0; i < k.size(); ++i) {
    Child c = k[i];
    if (c.named) {
      elems.push(expr(c.node));
      had = true;
    } else if (text(c.node) == ",") {
      if (!had)
        elems.push(nullptr); // a hole
      had = false;
    }
  }
  a->elements = elems.finish();
  return a;
}

bool Converter::keyNamed(const Node *key, std::string_view name) const {
  if (auto *id = dynCast<Identifier>(key))
    return id->name == name;
  if (auto *s = dynCast<StringLiteral>(key))
    return s->value == name;
  return false;
}

bool Converter::isProtoKey(const Node *key) const { return keyNamed(key, "__proto__"); }

Node *Converter::objectExpr(TSNode n) {
  Kids k(*this, n);
  auto *o = make<ObjectExpression>(n);
  ListBuilder props(*this);
  bool sawProto = false;
  for (size_t i = 0; i < k.size() && !failed_; ++i) {
    Child c = k[i];
    if (!c.named)
      continue;
    switch (c.sym) {
    case S_pair: {
      Kids pk(*this, c.node);
      auto *p = make<Property>(c.node);
      TSNode key = pk.field(F_key);
      if (sym(key) == S_private_property_identifier)
        return error(key, "private names are not allowed in object literals");
      p->key = propertyKey(key, p->computed);
      p->value = expr(pk.field(F_value));
      if (!p->computed && isProtoKey(p->key)) {
        if (sawProto)
          return error(key, "duplicate __proto__ property in object literal");
        sawProto = true;
      }
      props.push(p);
      break;
    }
    case S_shorthand_property_identifier: {
      auto *p = make<Property>(c.node);
      p->shorthand = true;
      p->key = identifier(c.node);
      p->value = identifier(c.node);
      props.push(p);
      break;
    }
    case S_method_definition:
      props.push(objectMethod(c.node));
      break;
    case S_spread_element:
      props.push(expr(c.node));
      break;
    default:
      return unexpected(c.node);
    }
  }
  o->properties = props.finish();
  return o;
}

Node *Converter::propertyKey(TSNode n, bool &computed) {
  switch (sym(n)) {
  case S_property_identifier:
  case S_identifier:
    return identifier(n);
  case S_string:
    return stringLit(n);
  case S_number:
    return numberLit(n);
  case S_computed_property_name: {
    computed = true;
    Kids k(*this, n);
    return expr(k.firstNamed());
  }
  case S_private_property_identifier: {
    auto *p = make<PrivateName>(n);
    p->name = identName(n, text(n).substr(1));
    return p;
  }
  default:
    return unexpected(n);
  }
}

Node *Converter::templateLit(TSNode n) {
  Kids k(*this, n);
  auto *t = make<TemplateLiteral>(n);
  ListBuilder exprs(*this);
  for (size_t i = 0; i < k.size(); ++i) {
    if (k[i].sym != S_template_substitution)
      continue;
    Kids sk(*this, k[i].node);
    exprs.push(expr(sk.firstNamed()));
  }
  t->expressions = exprs.finish();
  // Quasis are the exact source text between the delimiters.
  ListBuilder quasis(*this);
  uint32_t start = ts_node_start_byte(n) + 1;
  auto addQuasi = [&](uint32_t end) {
    auto *q = m_.make<TemplateElement>(SourceRange{start, end});
    q->raw = m_.atom(src_.substr(start, end - start));
    quasis.push(q);
  };
  for (size_t i = 0; i < k.size(); ++i) {
    if (k[i].sym != S_template_substitution)
      continue;
    addQuasi(ts_node_start_byte(k[i].node));
    start = ts_node_end_byte(k[i].node);
  }
  addQuasi(ts_node_end_byte(n) - 1);
  t->quasis = quasis.finish();
  return t;
}

/// `a ?? b || c` needs parentheses: reports if \p operand (a direct,
/// unparenthesized operand of a \p op expression) mixes `??` with `||`/`&&`.
Node *Converter::mixedNullish(TSNode n, std::string_view op, TSNode operand) {
  if (sym(operand) != S_binary_expression)
    return nullptr;
  Kids k(*this, operand);
  std::string_view inner = text(k.field(F_operator));
  bool outerNullish = op == "??", innerNullish = inner == "??";
  bool outerLogic = op == "||" || op == "&&", innerLogic = inner == "||" || inner == "&&";
  if ((outerNullish && innerLogic) || (outerLogic && innerNullish))
    return error(n, "cannot mix '?\?' with '||' or '&&' without parentheses");
  return nullptr;
}

Node *Converter::binary(TSNode n) {
  Kids k(*this, n);
  std::string_view op = text(k.field(F_operator));
  TSNode left = k.field(F_left), right = k.field(F_right);
  Node *l;
  if (sym(left) == S_private_property_identifier) {
    if (op != "in")
      return error(left, "unexpected private name");
    auto *p = make<PrivateName>(left);
    p->name = identName(left, text(left).substr(1));
    l = p;
  } else {
    l = expr(left);
  }
  LogicalOp lop;
  if (logicalOpFor(op, lop)) {
    mixedNullish(n, op, left);
    mixedNullish(n, op, right);
    auto *e = make<LogicalExpression>(n);
    e->op = lop;
    e->left = l;
    e->right = expr(right);
    return e;
  }
  auto *e = make<BinaryExpression>(n);
  if (!binaryOpFor(op, e->op))
    return unexpected(k.field(F_operator));
  e->left = l;
  e->right = expr(right);
  return e;
}

Node *Converter::assignment(TSNode n, bool compound) {
  Kids k(*this, n);
  auto *a = make<AssignmentExpression>(n);
  TSNode left = k.field(F_left);
  if (compound) {
    if (!assignOpFor(text(k.field(F_operator)), a->op))
      return unexpected(k.field(F_operator));
    a->left = simpleTarget(left);
  } else {
    a->op = AssignOp::Assign;
    Sym ls = sym(left);
    a->left =
        ls == S_object_pattern || ls == S_array_pattern ? pattern(left, false) : simpleTarget(left);
  }
  a->right = expr(k.field(F_right));
  return a;
}

Node *Converter::simpleTarget(TSNode n) {
  // Parentheses around an identifier or member expression are fine;
  // around anything else (a pattern, a call, a sequence) they are not.
  TSNode cur = n;
  while (sym(cur) == S_parenthesized_expression) {
    Kids k(*this, cur);
    cur = k.firstNamed();
  }
  Sym s = sym(cur);
  if (s == S_identifier || s == S_undefined)
    return identifier(cur);
  if (s == S_member_expression || s == S_subscript_expression) {
    Node *e = expr(cur);
    if (isa<ChainExpression>(e))
      return error(n, "invalid assignment target");
    return e;
  }
  return error(n, "invalid assignment target");
}

// ---- Functions and classes ----

NodeList Converter::paramList(TSNode formal) {
  Kids k(*this, formal);
  ListBuilder out(*this);
  TSNode rest{};
  for (size_t i = 0; i < k.size(); ++i) {
    // A rest parameter is last, without a trailing comma.
    if (!isNull(rest) && (k[i].named || text(k[i].node) == ",")) {
      error(rest, "Rest parameter must be last formal parameter");
      return {};
    }
    if (k[i].named && k[i].sym == S_rest_pattern)
      rest = k[i].node;
    if (k[i].named)
      out.push(pattern(k[i].node, true));
  }
  return out.finish();
}

template <typename T> T *Converter::function(TSNode n) {
  Kids k(*this, n);
  if (failed_)
    return nullptr;
  auto *f = make<T>(n);
  Sym s = sym(n);
  f->isAsync = k.hasToken("async");
  f->isGenerator = s == S_generator_function || s == S_generator_function_declaration;
  TSNode name = k.field(F_name);
  if (!isNull(name))
    f->id = identifier(name);
  bool outer = inGenerator_;
  inGenerator_ = f->isGenerator;
  f->params = paramList(k.field(F_parameters));
  f->body = block(k.field(F_body), true);
  inGenerator_ = outer;
  return f;
}

template <typename T> T *Converter::arrow(TSNode n) {
  Kids k(*this, n);
  auto *f = make<T>(n);
  f->isAsync = k.hasToken("async");
  TSNode single = k.field(F_parameter);
  if (!isNull(single)) {
    Node *one[] = {identifier(single)};
    f->params = m_.list(one);
  } else {
    f->params = paramList(k.field(F_parameters));
  }
  TSNode body = k.field(F_body);
  bool outer = inGenerator_;
  inGenerator_ = false;
  // A body starting with `{` is always a function body, even where
  // tree-sitter read an object literal (`a => { b: 1 }`).
  Sym bs = sym(body);
  if (bs == S_statement_block)
    f->body = block(body, true);
  else if (bs == S_object)
    f->body = objectAsBlock(body);
  else if (!isNull(body) && src_[ts_node_start_byte(body)] == '{')
    f->body = error(body, "unexpected token after arrow function body");
  else
    f->body = expr(body);
  inGenerator_ = outer;
  return f;
}

Converter::Modifiers Converter::modifiers(const Kids &k, Field nameField) {
  Modifiers m;
  for (size_t i = 0; i < k.size(); ++i) {
    Child c = k[i];
    if (c.field == nameField)
      break;
    if (c.named)
      continue;
    std::string_view t = text(c.node);
    if (t == "static")
      m.isStatic = true;
    else if (t == "async")
      m.isAsync = true;
    else if (t == "*")
      m.isGenerator = true;
    else if (t == "get")
      m.get = true;
    else if (t == "set")
      m.set = true;
  }
  return m;
}

FunctionExpression *Converter::methodFunction(const Kids &k, bool isAsync, bool isGenerator) {
  TSNode params = k.field(F_parameters), body = k.field(F_body);
  auto *f =
      m_.make<FunctionExpression>(SourceRange{ts_node_start_byte(params), ts_node_end_byte(body)});
  f->isAsync = isAsync;
  f->isGenerator = isGenerator;
  bool outer = inGenerator_;
  inGenerator_ = isGenerator;
  f->params = paramList(params);
  f->body = block(body, true);
  inGenerator_ = outer;
  return f;
}

Node *Converter::objectMethod(TSNode n) {
  Kids k(*this, n);
  if (!isNull(k.field(F_decorator)))
    return unsupported(k.field(F_decorator), "decorators");
  Modifiers mods = modifiers(k, F_name);
  if (mods.isStatic)
    return error(n, "'static' is not allowed in object literals");
  auto *p = make<Property>(n);
  TSNode key = k.field(F_name);
  if (sym(key) == S_private_property_identifier)
    return error(key, "private names are not allowed in object literals");
  p->key = propertyKey(key, p->computed);
  p->kind = mods.get ? PropertyKind::Get : mods.set ? PropertyKind::Set : PropertyKind::Init;
  p->method = p->kind == PropertyKind::Init;
  p->value = methodFunction(k, mods.isAsync, mods.isGenerator);
  return p;
}

Node *Converter::classMember(TSNode n) {
  if (failed_)
    return nullptr;
  Kids k(*this, n);
  if (!isNull(k.field(F_decorator)))
    return unsupported(k.field(F_decorator), "decorators");
  switch (sym(n)) {
  case S_method_definition: {
    Modifiers mods = modifiers(k, F_name);
    auto *md = make<MethodDefinition>(n);
    md->isStatic = mods.isStatic;
    md->key = propertyKey(k.field(F_name), md->computed);
    if (mods.get)
      md->kind = MethodKind::Get;
    else if (mods.set)
      md->kind = MethodKind::Set;
    else if (!mods.isStatic && !md->computed && keyNamed(md->key, "constructor"))
      md->kind = MethodKind::Constructor;
    else
      md->kind = MethodKind::Method;
    md->value = methodFunction(k, mods.isAsync, mods.isGenerator);
    return md;
  }
  case S_field_definition: {
    Modifiers mods = modifiers(k, F_property);
    auto *pd = make<PropertyDefinition>(n);
    pd->isStatic = mods.isStatic;
    pd->key = propertyKey(k.field(F_property), pd->computed);
    TSNode value = k.field(F_value);
    if (!isNull(value))
      pd->value = expr(value);
    return pd;
  }
  case S_class_static_block: {
    auto *sb = make<StaticBlock>(n);
    TSNode body = k.field(F_body);
    Kids bk(*this, body);
    ListBuilder stmts(*this);
    statementList(bk, F_none, false, false, stmts);
    sb->body = stmts.finish();
    return sb;
  }
  default:
    return unexpected(n);
  }
}

template <typename T> T *Converter::classNode(TSNode n) {
  Kids k(*this, n);
  if (!isNull(k.field(F_decorator)))
    return unsupported(k.field(F_decorator), "decorators");
  auto *c = make<T>(n);
  TSNode name = k.field(F_name);
  if (!isNull(name))
    c->id = identifier(name);
  ListBuilder members(*this);
  for (size_t i = 0; i < k.size() && !failed_; ++i) {
    Child ch = k[i];
    if (ch.sym == S_class_heritage) {
      Kids hk(*this, ch.node);
      c->superClass = expr(hk.firstNamed());
    } else if (ch.sym == S_class_body) {
      Kids bk(*this, ch.node);
      for (size_t j = 0; j < bk.size() && !failed_; ++j) {
        Child m = bk[j];
        if (m.sym == S_decorator)
          return unsupported(m.node, "decorators");
        if (m.named)
          members.push(classMember(m.node));
      }
    }
  }
  c->body = members.finish();
  return c;
}

// ---- Patterns ----

Node *Converter::pattern(TSNode n, bool binding) {
  if (failed_ || isNull(n))
    return nullptr;
  DepthGuard guard(*this);
  if (guard.tooDeep(n))
    return nullptr;
  switch (sym(n)) {
  case S_identifier:
  case S_undefined:
    return identifier(n);
  case S_object_pattern:
    return objectPattern(n, binding);
  case S_array_pattern:
    return arrayPattern(n, binding);
  case S_assignment_pattern: {
    Kids k(*this, n);
    auto *a = make<AssignmentPattern>(n);
    a->left = pattern(k.field(F_left), binding);
    a->right = expr(k.field(F_right));
    return a;
  }
  case S_rest_pattern: {
    Kids k(*this, n);
    auto *r = make<RestElement>(n);
    r->argument = pattern(k.firstNamed(), binding);
    return r;
  }
  case S_member_expression:
  case S_subscript_expression:
  case S_parenthesized_expression:
    if (binding)
      return error(n, "invalid destructuring target");
    return simpleTarget(n);
  default:
    return error(n, "invalid destructuring target");
  }
}

Node *Converter::objectPattern(TSNode n, bool binding) {
  Kids k(*this, n);
  auto *o = make<ObjectPattern>(n);
  ListBuilder props(*this);
  for (size_t i = 0; i < k.size() && !failed_; ++i) {
    Child c = k[i];
    if (!c.named)
      continue;
    switch (c.sym) {
    case S_pair_pattern: {
      Kids pk(*this, c.node);
      auto *p = make<Property>(c.node);
      TSNode key = pk.field(F_key);
      if (sym(key) == S_private_property_identifier)
        return error(key, "private names are not allowed in patterns");
      p->key = propertyKey(key, p->computed);
      p->value = pattern(pk.field(F_value), binding);
      props.push(p);
      break;
    }
    case S_shorthand_property_identifier_pattern: {
      auto *p = make<Property>(c.node);
      p->shorthand = true;
      p->key = identifier(c.node);
      p->value = identifier(c.node);
      props.push(p);
      break;
    }
    case S_object_assignment_pattern: {
      Kids ak(*this, c.node);
      TSNode left = ak.field(F_left);
      if (sym(left) != S_shorthand_property_identifier_pattern)
        return error(c.node, "invalid destructuring target");
      auto *p = make<Property>(c.node);
      p->shorthand = true;
      p->key = identifier(left);
      auto *ap = make<AssignmentPattern>(c.node);
      ap->left = identifier(left);
      ap->right = expr(ak.field(F_right));
      p->value = ap;
      props.push(p);
      break;
    }
    case S_rest_pattern:
      props.push(pattern(c.node, binding));
      break;
    default:
      return error(c.node, "invalid destructuring target");
    }
  }
  o->properties = props.finish();
  return o;
}

Node *Converter::arrayPattern(TSNode n, bool binding) {
  Kids k(*this, n);
  auto *a = make<ArrayPattern>(n);
  ListBuilder elems(*this);
  bool had = false;
  TSNode rest{};
  for (size_t i = 0; i < k.size(); ++i) {
    Child c = k[i];
    // A rest element ends the pattern: no element nor comma after it.
    if (!isNull(rest) && (c.named || text(c.node) == ","))
      return error(rest, "Rest element must be last element");
    if (c.named && (c.sym == S_rest_pattern || c.sym == S_spread_element))
      rest = c.node;
    if (c.named) {
      elems.push(pattern(c.node, binding));
      had = true;
    } else if (text(c.node) == ",") {
      if (!had)
        elems.push(nullptr);
      had = false;
    }
  }
  a->elements = elems.finish();
  return a;
}

// ---- Program ----

bool Converter::run(TSNode root, bool forceScript, bool forceModule) {
  Kids k(*this, root);
  auto *p = m_.make<Program>(SourceRange{0, uint32_t(src_.size())});
  m_.program = p;
  TSNode firstModuleDecl{};
  for (size_t i = 0; i < k.size(); ++i) {
    Child c = k[i];
    if (c.sym == S_hash_bang_line)
      p->hashbang = m_.atom(text(c.node).substr(2));
    else if ((c.sym == S_import_statement || c.sym == S_export_statement) &&
             isNull(firstModuleDecl))
      firstModuleDecl = c.node;
  }
  std::string_view name = m_.fileName();
  bool mjs = name.size() >= 4 && name.substr(name.size() - 4) == ".mjs";
  p->isModule = forceModule || (!forceScript && (mjs || !isNull(firstModuleDecl)));
  if (!p->isModule && !isNull(firstModuleDecl)) {
    error(firstModuleDecl, "import and export declarations are only allowed in modules");
    return false;
  }
  ListBuilder body(*this);
  statementList(k, F_none, true, true, body);
  p->body = body.finish();
  if (!failed_ && p->isModule && !isNull(sawHtmlComment_))
    error(sawHtmlComment_, "HTML-like comments are not allowed in modules");
  if (!failed_ && p->isModule && hasPatchedHtmlComment_) {
    diags_.report(DiagId::err_early, m_.file(), patchedHtmlComment_,
                  "HTML-like comments are not allowed in modules");
    failed_ = true;
  }
  return !failed_;
}

// ---- Syntax errors ----

/// Reports the first ERROR or MISSING node in document order, once.
void reportSyntaxError(TSNode root, std::string_view src, FileId file, DiagnosticEngine &diags) {
  TSTreeCursor cur = ts_tree_cursor_new(root);
  TSNode found{};
  bool have = false;
  for (;;) {
    TSNode n = ts_tree_cursor_current_node(&cur);
    if (ts_node_is_missing(n) || ts_node_symbol(n) == TSSymbol(-1)) {
      found = n;
      have = true;
      break;
    }
    if (ts_node_has_error(n) && ts_tree_cursor_goto_first_child(&cur))
      continue;
    bool moved = false;
    while (!(moved = ts_tree_cursor_goto_next_sibling(&cur)))
      if (!ts_tree_cursor_goto_parent(&cur))
        break;
    if (!moved)
      break;
  }
  if (!have) {
    ts_tree_cursor_delete(&cur);
    diags.report(DiagId::err_syntax, file, SourceRange{0, 0}, "invalid syntax");
    return;
  }
  if (ts_node_is_missing(found)) {
    ts_tree_cursor_delete(&cur);
    uint32_t at = ts_node_start_byte(found);
    std::string what = ts_node_type(found);
    if (!ts_node_is_named(found))
      what = "'" + what + "'";
    diags.report(DiagId::err_missing, file, SourceRange{at, at}, what);
    return;
  }
  // The first token inside the ERROR node (skipping comments).
  TSNode leaf = found;
  ts_tree_cursor_reset(&cur, found);
  while (ts_tree_cursor_goto_first_child(&cur)) {
    while (ts_node_is_extra(ts_tree_cursor_current_node(&cur)) &&
           ts_tree_cursor_goto_next_sibling(&cur)) {
    }
    leaf = ts_tree_cursor_current_node(&cur);
  }
  ts_tree_cursor_delete(&cur);
  uint32_t b = ts_node_start_byte(leaf), e = ts_node_end_byte(leaf);
  if (b >= src.size()) {
    diags.report(DiagId::err_syntax, file, SourceRange{b, b}, "unexpected end of input");
    return;
  }
  std::string_view tok = src.substr(b, e - b);
  if (tok.empty())
    tok = src.substr(b, 1);
  size_t cut = tok.find_first_of("\r\n");
  bool truncated = false;
  if (cut != std::string_view::npos) {
    tok = tok.substr(0, cut);
    truncated = true;
  }
  if (tok.size() > 24) {
    size_t len = 24;
    while (len > 0 && (static_cast<unsigned char>(tok[len]) & 0xC0) == 0x80)
      --len; // do not split a UTF-8 sequence
    tok = tok.substr(0, len);
    truncated = true;
  }
  std::string shown(tok);
  if (truncated)
    shown += "...";
  diags.report(DiagId::err_unexpected_token, file, SourceRange{b, e}, shown);
}

struct ParserDeleter {
  void operator()(TSParser *p) const { ts_parser_delete(p); }
};
struct TreeDeleter {
  void operator()(TSTree *t) const { ts_tree_delete(t); }
};

/// True if \p c can continue an identifier (bytes of non-ASCII characters
/// and `\` escapes count, so `yield` inside a longer name is not a word).
bool identByte(char c) {
  auto u = static_cast<unsigned char>(c);
  return u >= 0x80 || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') ||
         u == '_' || u == '$' || u == '\\';
}

/// Calls \p f with the offset of every `yield` that stands as a whole word.
template <typename F> void forEachYieldWord(std::string_view s, F f) {
  for (size_t at = s.find("yield"); at != std::string_view::npos; at = s.find("yield", at + 5))
    if ((at == 0 || !identByte(s[at - 1])) && (at + 5 >= s.size() || !identByte(s[at + 5])))
      f(at);
}

bool hasYieldWord(std::string_view s) {
  bool found = false;
  forEachYieldWord(s, [&](size_t) { found = true; });
  return found;
}

/// True if \p s has a CR not followed by LF.
bool hasLoneCR(std::string_view s) {
  for (size_t at = s.find('\r'); at != std::string_view::npos; at = s.find('\r', at + 1))
    if (at + 1 >= s.size() || s[at + 1] != '\n')
      return true;
  return false;
}

/// Offset of the first token of the first ERROR node or of the first
/// MISSING node, in document order; UINT32_MAX if none.
uint32_t firstErrorOffset(TSNode root) {
  if (!ts_node_has_error(root))
    return UINT32_MAX;
  TSTreeCursor cur = ts_tree_cursor_new(root);
  uint32_t at = UINT32_MAX;
  for (;;) {
    TSNode n = ts_tree_cursor_current_node(&cur);
    if (ts_node_is_missing(n) || ts_node_symbol(n) == TSSymbol(-1)) {
      at = ts_node_start_byte(n);
      while (ts_node_symbol(n) == TSSymbol(-1) && ts_tree_cursor_goto_first_child(&cur)) {
        while (ts_node_is_extra(ts_tree_cursor_current_node(&cur)) &&
               ts_tree_cursor_goto_next_sibling(&cur)) {
        }
        n = ts_tree_cursor_current_node(&cur);
        at = ts_node_start_byte(n);
      }
      break;
    }
    if (ts_node_has_error(n) && ts_tree_cursor_goto_first_child(&cur))
      continue;
    bool moved = false;
    while (!(moved = ts_tree_cursor_goto_next_sibling(&cur)))
      if (!ts_tree_cursor_goto_parent(&cur))
        break;
    if (!moved)
      break;
  }
  ts_tree_cursor_delete(&cur);
  return at;
}

/// Re-parses \p text after the same-length change of bytes [from, to).
void reparse(TSParser *parser, std::unique_ptr<TSTree, TreeDeleter> &tree, std::string_view text,
             uint32_t from, uint32_t to) {
  // Rows and columns only steer node reuse; byte offsets are exact.
  TSPoint p{0, 0};
  for (uint32_t i = 0; i < from; ++i) {
    if (text[i] == '\n') {
      ++p.row;
      p.column = 0;
    } else {
      ++p.column;
    }
  }
  TSPoint q{p.row, p.column + (to - from)};
  TSInputEdit edit{from, to, to, p, q, q};
  ts_tree_edit(tree.get(), &edit);
  tree.reset(ts_parser_parse_string(parser, tree.get(), text.data(), uint32_t(text.size())));
}

/// The end of the line holding \p at (the offset of its line terminator).
size_t lineEnd(std::string_view s, size_t at) {
  for (size_t i = at; i < s.size(); ++i) {
    char c = s[i];
    if (c == '\n' || c == '\r')
      return i;
    if (c == '\xE2' && i + 2 < s.size() && s[i + 1] == '\x80' &&
        (s[i + 2] == '\xA8' || s[i + 2] == '\xA9'))
      return i;
  }
  return s.size();
}

/// True if only white space and comments stand between the last line
/// terminator (or the start of input) and \p at; comments are found with
/// the tree, so a `*/` inside a string does not count.
bool atLineStart(std::string_view s, TSNode root, size_t at) {
  size_t i = at;
  for (;;) {
    while (i > 0 && (s[i - 1] == ' ' || s[i - 1] == '\t' || s[i - 1] == '\v' || s[i - 1] == '\f'))
      --i;
    if (i == 0 || s[i - 1] == '\n' || s[i - 1] == '\r')
      return true;
    if (i >= 3 && s[i - 3] == '\xE2' && s[i - 2] == '\x80' &&
        (s[i - 1] == '\xA8' || s[i - 1] == '\xA9'))
      return true;
    if (i < 2 || s[i - 2] != '*' || s[i - 1] != '/')
      return false;
    TSNode c = ts_node_descendant_for_byte_range(root, uint32_t(i - 1), uint32_t(i));
    if (grammar().sym(c) != S_comment || ts_node_end_byte(c) != i)
      return false;
    std::string_view body = s.substr(ts_node_start_byte(c), i - ts_node_start_byte(c));
    if (body.find_first_of("\n\r") != std::string_view::npos ||
        body.find("\xE2\x80\xA8") != std::string_view::npos ||
        body.find("\xE2\x80\xA9") != std::string_view::npos)
      return true;
    i = ts_node_start_byte(c);
  }
}

/// Annex B.1.1: in scripts `<!--` anywhere and `-->` at the start of a line
/// begin a comment to the end of the line. tree-sitter-javascript only knows
/// them where no binary operator may follow, so `a<!--b` reads `a < !--b`.
/// Each occurrence that the tree shows as an operator token (not string,
/// template, regex or comment text) is blanked to the end of its line in
/// \p copy, then the tree is re-parsed incrementally before the next one.
/// Returns the range of the first one blanked, or an invalid range.
SourceRange blankHtmlComments(TSParser *parser, std::unique_ptr<TSTree, TreeDeleter> &tree,
                              std::string &copy) {
  SourceRange first{};
  size_t at = 0;
  while (tree) {
    size_t open = copy.find("<!--", at), close = copy.find("-->", at);
    size_t cand = std::min(open, close);
    if (cand == std::string::npos)
      break;
    bool isOpen = cand == open;
    at = cand + 1;
    TSNode root = ts_tree_root_node(tree.get());
    TSNode leaf = ts_node_descendant_for_byte_range(root, uint32_t(cand), uint32_t(cand + 1));
    if (ts_node_is_named(leaf) || ts_node_start_byte(leaf) != cand)
      continue; // literal or comment text, or inside a longer token
    std::string_view type = ts_node_type(leaf);
    bool code = isOpen ? type == "<" : (type == "--" && atLineStart(copy, root, cand));
    if (!code)
      continue;
    size_t end = lineEnd(copy, cand);
    for (size_t i = cand; i < end; ++i)
      copy[i] = ' '; // every byte, so multi-byte characters go too
    if (!first.valid())
      first = SourceRange{uint32_t(cand), uint32_t(end)};
    reparse(parser, tree, copy, uint32_t(cand), uint32_t(end));
    at = end;
  }
  return first;
}

/// True if \p n lies in the literal text of a template (not in a
/// substitution).
bool inTemplateText(TSNode n) {
  const GrammarTables &g = grammar();
  for (; !ts_node_is_null(n); n = ts_node_parent(n)) {
    Sym s = g.sym(n);
    if (s == S_template_string)
      return true;
    if (s == S_template_substitution || s == S_string || s == S_regex)
      return false;
  }
  return false;
}

/// Calls \p f with the offset of the `of` in every `for (let of`: the grammar
/// reads that `let` as an identifier and `of` as the loop keyword, so
/// `for (let of of x)` fails; in JavaScript `for (let of` always declares
/// `of` (`let` cannot start a for-of head).
template <typename F> void forEachLetOf(std::string_view s, F f) {
  auto skipSpace = [&](size_t i) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
      ++i;
    return i;
  };
  for (size_t at = s.find("for"); at != std::string_view::npos; at = s.find("for", at + 3)) {
    if (at > 0 && identByte(s[at - 1]))
      continue;
    size_t i = skipSpace(at + 3);
    if (i >= s.size() || s[i] != '(')
      continue;
    i = skipSpace(i + 1);
    if (s.substr(i, 3) != "let")
      continue;
    size_t j = skipSpace(i + 3);
    if (j == i + 3 || s.substr(j, 2) != "of" || (j + 2 < s.size() && identByte(s[j + 2])))
      continue;
    f(j);
  }
}

/// Parses \p parseText, a same-length stand-in for the source \p sm gives
/// for \p file (the converter reads every token's text from the original),
/// converts and checks the result. Null after reporting to \p diags.
std::unique_ptr<ir::Module> compileBuffer(const SourceManager &sm, FileId file,
                                          std::string_view parseText, DiagnosticEngine &diags,
                                          const ParseOptions &options, bool reportSyntax) {
  std::string_view text = sm.text(file);
  unsigned errorsBefore = diags.errorCount();
  const GrammarTables &g = grammar();
  std::unique_ptr<TSParser, ParserDeleter> parser(ts_parser_new());
  if (!ts_parser_set_language(parser.get(), g.lang)) {
    diags.report(DiagId::err_unsupported, file, SourceRange{0, 0},
                 "tree-sitter grammar ABI does not match the runtime");
    return nullptr;
  }
  std::unique_ptr<TSTree, TreeDeleter> tree(
      ts_parser_parse_string(parser.get(), nullptr, parseText.data(), uint32_t(parseText.size())));
  if (!tree) {
    diags.report(DiagId::err_syntax, file, SourceRange{0, 0}, "the parser gave up");
    return nullptr;
  }
  // Same-length fixes to the parse buffer; tokens are read from \p text.
  std::string copy;
  auto ensureCopy = [&] {
    if (copy.empty())
      copy.assign(parseText);
  };
  SourceRange htmlComment{};
  if (parseText.find("<!--") != std::string_view::npos ||
      parseText.find("-->") != std::string_view::npos) {
    ensureCopy();
    htmlComment = blankHtmlComments(parser.get(), tree, copy);
  }
  // ES2018 allows any escape in a tagged template (its cooked value is
  // undefined), but tree-sitter-javascript rejects `\u` and `\x` not
  // followed by hex digits in every template. While the first error is such
  // a backslash in template text, it is replaced by `_` in the copy and the
  // tree re-parsed; the early errors reject the escape if the template is
  // not tagged.
  while (tree && ts_node_has_error(ts_tree_root_node(tree.get()))) {
    std::string_view cur = copy.empty() ? parseText : std::string_view(copy);
    uint32_t at = firstErrorOffset(ts_tree_root_node(tree.get()));
    if (at + 1 >= cur.size() || cur[at] != '\\' || (cur[at + 1] != 'u' && cur[at + 1] != 'x'))
      break;
    TSNode leaf = ts_node_descendant_for_byte_range(ts_tree_root_node(tree.get()), at, at + 1);
    if (!inTemplateText(leaf))
      break;
    ensureCopy();
    copy[at] = '_';
    reparse(parser.get(), tree, copy, at, at + 1);
  }
  if (!tree) {
    diags.report(DiagId::err_syntax, file, SourceRange{0, 0}, "the parser gave up");
    return nullptr;
  }

  TSNode root = ts_tree_root_node(tree.get());
  if (ts_node_has_error(root)) {
    if (reportSyntax)
      reportSyntaxError(root, text, file, diags);
    else // the caller reports; leave a mark so it knows this attempt failed
      diags.report(DiagId::err_syntax, file, SourceRange{0, 0}, "invalid syntax");
    return nullptr;
  }

  auto module = std::make_unique<ir::Module>(sm, file);
  {
    Converter conv(*module, diags, options, root);
    if (htmlComment.valid())
      conv.setPatchedHtmlComment(htmlComment);
    bool forceScript =
        options.sourceType == SourceType::Script || options.sourceType == SourceType::CommonJS;
    if (!conv.run(root, forceScript, options.sourceType == SourceType::Module))
      return nullptr;
  }
  module->commonJS = !module->program->isModule && (options.sourceType == SourceType::Auto ||
                                                    options.sourceType == SourceType::CommonJS);
  tree.reset(); // the CST is not needed any more
  parser.reset();

  if (!checkEarlyErrors(*module, diags))
    return nullptr;

  ir::analyzeScopes(*module, &diags);
  if (diags.errorCount() > errorsBefore)
    return nullptr;
  return module;
}

} // namespace

std::unique_ptr<ir::Module> parseJavaScript(const SourceManager &sm, FileId file,
                                            DiagnosticEngine &diags, const ParseOptions &options) {
  std::string_view text = sm.text(file);
  size_t bad = frontend::firstInvalidUtf8(text);
  if (bad != std::string_view::npos) {
    diags.report(DiagId::err_invalid_utf8, file, SourceRange{uint32_t(bad), uint32_t(bad + 1)});
    return nullptr;
  }
  if (text.size() >= UINT32_MAX) {
    diags.report(DiagId::err_unsupported, file, SourceRange{0, 0}, "source files of 4 GiB or more");
    return nullptr;
  }

  // tree-sitter-javascript does not take a lone CR as a line terminator
  // (`continue \r a` gets a label), and its lexer stops at a NUL byte, which
  // string literals, templates and comments may contain. tree-sitter parses
  // a copy where each lone CR is LF and each NUL is U+0001 (as invalid as NUL
  // outside literals and comments). Same length, so offsets match, and all
  // token text is read from the original: literals keep their exact raw and
  // cooked values (cooking handles CR itself).
  std::string normalized;
  std::string_view parseText = text;
  if (hasLoneCR(text) || text.find('\0') != std::string_view::npos) {
    normalized.assign(text);
    for (size_t i = 0; i < normalized.size(); ++i) {
      if (normalized[i] == '\r' && (i + 1 >= normalized.size() || normalized[i + 1] != '\n'))
        normalized[i] = '\n';
      else if (normalized[i] == '\0')
        normalized[i] = '\x01';
    }
    parseText = normalized;
  }
  if (parseText.find("of") != std::string_view::npos) {
    // `of` becomes `o_`, an identifier of the same length; the converter
    // reads the name `of` from the original. Inside literals and comments
    // the change is harmless for the same reason.
    forEachLetOf(parseText, [&](size_t at) {
      if (normalized.empty())
        normalized.assign(parseText);
      normalized[at + 1] = '_';
    });
    if (!normalized.empty())
      parseText = normalized;
  }

  // The first attempt reports to a scratch engine only when a retry is
  // possible, so the common path costs nothing extra.
  bool mayRetry = hasYieldWord(text);
  if (!mayRetry)
    return compileBuffer(sm, file, parseText, diags, options, /*reportSyntax=*/true);

  DiagnosticEngine first(sm);
  auto module = compileBuffer(sm, file, parseText, first, options, /*reportSyntax=*/true);
  bool syntaxFailure = false;
  if (!module && !first.diagnostics().empty()) {
    DiagId id = first.diagnostics()[0].id;
    syntaxFailure =
        id == DiagId::err_unexpected_token || id == DiagId::err_missing || id == DiagId::err_syntax;
  }
  if (syntaxFailure) {
    // The grammar rejects `yield` as an identifier in places sloppy code
    // allows it (`function f(yield){}`, `yield => 1`, `({a: yield} = b)`).
    // Retry with every `yield` word spelled as a plain identifier. Real yield
    // expressions then turn into the identifier `yield` inside a generator
    // (or strict code), which the early errors reject, so the retry accepts
    // nothing invalid; if it fails in any way, the first error stands.
    std::string alt(parseText);
    forEachYieldWord(alt, [&](size_t at) { alt[at] = '_'; });
    DiagnosticEngine second(sm);
    auto retried = compileBuffer(sm, file, alt, second, options, /*reportSyntax=*/false);
    if (retried && !second.hasErrors()) {
      for (const Diagnostic &d : second.diagnostics())
        diags.add(d);
      return retried;
    }
  }
  for (const Diagnostic &d : first.diagnostics())
    diags.add(d);
  return module;
}

} // namespace distribufy
