//===- IR.h - The typed, arena-allocated JavaScript IR --------------------===//
//
/// \file
/// The IR is a typed syntax tree for JavaScript (ES2022), one C++ struct per
/// node kind, all generated from NodeKinds.def. Nodes live in their Module's
/// arena and point at each other with non-owning pointers; lists are spans
/// in the same arena. Scope information (IR/Scope.h) is kept in flat tables
/// indexed by id and attached to nodes through META fields.
///
/// Passes mutate the tree in place: they may rewrite any CHILD pointer or
/// LIST entry, and build new lists with Module::list().
//
//===----------------------------------------------------------------------===//
#pragma once

#include "distribufy/Support/Arena.h"
#include "distribufy/Support/Interner.h"
#include "distribufy/Support/SourceManager.h"

#include <cassert>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace distribufy::schema {
struct FrameSchema;
}

namespace distribufy::ir {

using ScopeId = uint32_t;
using BindingId = uint32_t;
inline constexpr ScopeId kNoScope = UINT32_MAX;
inline constexpr BindingId kNoBinding = UINT32_MAX;

enum class UnaryOp : uint8_t {
#define UNARY_OP(Name, Spelling) Name,
#include "distribufy/IR/Operators.def"
};
enum class UpdateOp : uint8_t {
#define UPDATE_OP(Name, Spelling) Name,
#include "distribufy/IR/Operators.def"
};
enum class BinaryOp : uint8_t {
#define BINARY_OP(Name, Spelling, Prec) Name,
#include "distribufy/IR/Operators.def"
};
enum class LogicalOp : uint8_t {
#define LOGICAL_OP(Name, Spelling, Prec) Name,
#include "distribufy/IR/Operators.def"
};
enum class AssignOp : uint8_t {
#define ASSIGN_OP(Name, Spelling, Base) Name,
#include "distribufy/IR/Operators.def"
};
enum class VarKind : uint8_t {
#define VAR_KIND(Name, Spelling) Name,
#include "distribufy/IR/Operators.def"
};
enum class PropertyKind : uint8_t {
#define PROPERTY_KIND(Name, Spelling) Name,
#include "distribufy/IR/Operators.def"
};
enum class MethodKind : uint8_t {
#define METHOD_KIND(Name, Spelling) Name,
#include "distribufy/IR/Operators.def"
};

/// Source spellings of operators and kinds.
std::string_view spelling(UnaryOp op);
std::string_view spelling(UpdateOp op);
std::string_view spelling(BinaryOp op);
std::string_view spelling(LogicalOp op);
std::string_view spelling(AssignOp op);
std::string_view spelling(VarKind k);
std::string_view spelling(PropertyKind k);
std::string_view spelling(MethodKind k);
/// Binding power of a binary/logical operator (higher binds tighter).
int precedence(BinaryOp op);
int precedence(LogicalOp op);
/// For a compound assignment, the operator it applies (`+=` -> "+"); empty
/// for `=`.
std::string_view compoundBase(AssignOp op);

enum class NodeKind : uint8_t {
#define NODE(Name, Category, Fields) Name,
#include "distribufy/IR/NodeKinds.def"
};
enum class NodeCategory : uint8_t { Statement, Expression, Pattern, Other };

std::string_view kindName(NodeKind k);
NodeCategory category(NodeKind k);

struct Node;
/// A list of child nodes stored in the arena. Entries may be rewritten in
/// place; to change the length, build a new list with Module::list().
using NodeList = std::span<Node *>;

struct Node {
  NodeKind kind;
  SourceRange range;

protected:
  Node(NodeKind k, SourceRange r) : kind(k), range(r) {}
};

#define CHILD(name) Node *name = nullptr;
#define LIST(name) NodeList name;
#define ATOM(name) Atom name;
#define NUM(name) double name = 0;
#define FLAG(name) bool name = false;
#define OP(Type, name) Type name{};
#define META(Type, name, Init) Type name = Init;
#define NODE(Name, Category, Fields)                                                               \
  struct Name final : Node {                                                                       \
    static constexpr NodeKind Kind = NodeKind::Name;                                               \
    explicit Name(SourceRange r = {}) : Node(NodeKind::Name, r) {}                                 \
    Fields                                                                                         \
  };
#include "distribufy/IR/NodeKinds.def"
#undef CHILD
#undef LIST
#undef ATOM
#undef NUM
#undef FLAG
#undef OP
#undef META

template <typename T> bool isa(const Node *n) { return n && n->kind == T::Kind; }
template <typename T> T *cast(Node *n) {
  assert(isa<T>(n) && "cast to the wrong node kind");
  return static_cast<T *>(n);
}
template <typename T> const T *cast(const Node *n) {
  assert(isa<T>(n) && "cast to the wrong node kind");
  return static_cast<const T *>(n);
}
template <typename T> T *dynCast(Node *n) { return isa<T>(n) ? static_cast<T *>(n) : nullptr; }
template <typename T> const T *dynCast(const Node *n) {
  return isa<T>(n) ? static_cast<const T *>(n) : nullptr;
}

/// Function-like nodes share one field layout (DIST_FUNCTION_FIELDS).
bool isFunction(const Node *n);
/// ClassDeclaration or ClassExpression.
bool isClass(const Node *n);
/// How many statements at the start of \p body form its directive prologue
/// (`"use strict"` and the like): code a pass puts at the start of a body
/// goes after them.
size_t directivePrologueLength(std::span<Node *const> body);

/// Calls \p f(Node *&slot) for every non-null child slot of \p n, in source
/// order. The slot may be assigned to replace the child.
template <typename F> void forEachChildSlot(Node *n, F &&f);
/// Calls \p f(const Node *) for every non-null child, in source order.
template <typename F> void forEachChild(const Node *n, F &&f) {
  forEachChildSlot(const_cast<Node *>(n), [&](Node *&slot) { f(static_cast<const Node *>(slot)); });
}

/// Whether \p n or a node under it satisfies \p match(const Node *): the
/// shared shape of the "does this subtree contain X" predicates of the
/// passes. Nodes are tried in source order (each before its children) and
/// the search stops at the first match. A node's children are visited only
/// if \p descend(const Node *) holds for it (asked after \p match failed on
/// it), which states where the predicate stops, usually at nested
/// functions or classes. A `yield` of \p n's own function:
///
///   anyNode(n, [](const Node *x) { return isa<YieldExpression>(x); },
///           [](const Node *x) { return !isFunction(x); });
///
/// \p n may be null (false).
template <typename Match, typename Descend>
bool anyNode(const Node *n, Match &&match, Descend &&descend) {
  if (!n)
    return false;
  if (match(n))
    return true;
  if (!descend(n))
    return false;
  bool found = false;
  forEachChild(n, [&](const Node *c) { found = found || anyNode(c, match, descend); });
  return found;
}
/// anyNode looking into every subtree (nested functions and classes too).
template <typename Match> bool anyNode(const Node *n, Match &&match) {
  return anyNode(n, match, [](const Node *) { return true; });
}

/// Structural equality: same kinds, same non-META fields, recursively.
/// Source ranges and META annotations are ignored.
bool structurallyEqual(const Node *a, const Node *b);
/// The first difference found by structurallyEqual, for test messages; empty
/// when equal.
std::string firstDifference(const Node *a, const Node *b);

/// Calls, `new`, tagged templates, `yield`, `await` and `import()`: the
/// expressions that transfer control to code that may run anything,
/// including a checkpoint.
bool isCallLike(const Node *n);

/// The text node prints for \p callee in "X is not a function" / "is not
/// a constructor" errors (`o.m`, `a[0].f`, `g(...).h`, `this.x`, `super.m` as
/// "(intermediate value).m"), for the
/// callee shapes whose printing is known; empty for any other shape. Passes
/// that move a callee into a temporary use it to keep those messages.
std::string calleeErrorText(const Node *callee);

/// An anonymous function, arrow or class expression: assigning one to a
/// name gives it that name (NamedEvaluation), so passes that store such a
/// value in a temporary must keep it anonymous (IRBuilder::keepAnonymous).
bool isAnonymousFunctionDefinition(const Node *n);

/// The arrow of `(() => body)()` (no parameters, not async, called with no
/// arguments: IRBuilder::arrowIife's shape), else null.
ArrowFunctionExpression *arrowIifeCallee(Node *n);

/// The identifiers a binding pattern declares (or assigns), in source
/// order: the name itself, or the leaves of object/array patterns,
/// defaults and rest elements.
void collectBoundNames(Node *pattern, std::vector<Identifier *> &out);
/// The same, as names.
void collectBoundNames(const Node *pattern, std::vector<Atom> &out);

class ScopeTable;
class Module;
/// The FunctionExpression / ClassExpression with the same fields as
/// declaration \p n (allocated in \p m); any other node is returned as is.
Node *declarationAsExpression(Module &m, Node *n);

struct CloneOptions {
  /// Keep analysis annotations (bindings, scopes); only meaningful when
  /// cloning within one module whose scope tables are current.
  bool keepMeta = false;
  /// Keep source ranges (drop them for trees from another source buffer).
  bool keepRanges = true;
};
/// A deep copy of \p n allocated in \p into (names interned there), so a
/// tree can be duplicated within a module or moved from a scratch module.
Node *cloneTree(const Node *n, Module &into, const CloneOptions &options = {});

/// One compilation unit: the arena that owns its IR, its interned names,
/// its source file, the tree and the scope tables computed over it.
class Module {
public:
  Module(const SourceManager &sm, FileId file);
  ~Module();
  Module(const Module &) = delete;
  Module &operator=(const Module &) = delete;

  template <typename T> T *make(SourceRange r = {}) { return arena_.make<T>(r); }
  NodeList list(std::span<Node *const> items) {
    if (items.empty())
      return {};
    auto **mem =
        static_cast<Node **>(arena_.allocate(sizeof(Node *) * items.size(), alignof(Node *)));
    for (size_t i = 0; i < items.size(); ++i)
      mem[i] = items[i];
    return {mem, items.size()};
  }
  Atom atom(std::string_view s) { return interner_.intern(s); }

  Arena &arena() { return arena_; }
  Interner &interner() { return interner_; }
  const SourceManager &sourceManager() const { return sm_; }
  FileId file() const { return file_; }
  std::string_view fileName() const { return sm_.name(file_); }
  std::string_view source() const { return sm_.text(file_); }

  Program *program = nullptr;
  /// A script that node runs as a CommonJS module (inside a function), so a
  /// top-level `return` is allowed; set by the frontend for
  /// SourceType::CommonJS and for SourceType::Auto files detected as scripts.
  bool commonJS = false;
  /// `--stress`: the `catch` pass inserts a capture point ($d.stress()) at
  /// every function entry and loop iteration. Set by the driver before the
  /// passes run.
  bool stressCheckpoints = false;
  /// Code ids given by closure conversion to every function and class node
  /// (class members included), for the passes after it.
  std::unordered_map<const Node *, uint32_t> codeIds;
  /// The `persist(id, thunk)` calls the persist pass found, in source
  /// order; the catch pass records them in the frame schema.
  struct PersistId {
    std::string id;
    uint32_t line = 0, col = 0;
  };
  std::vector<PersistId> persistIds;
  /// A pass of the pipeline lowers async functions (Pass::lowersAsync; set
  /// by the PassManager before the passes run). Only then does desugar give
  /// the program its own Promise and job queue and lower `for await`: with
  /// native async functions left, the program's Promise would change the
  /// order of their jobs.
  bool lowerAsync = false;
  /// The program variable holding the async runtime (desugar's AsyncInit
  /// helper: the data-only Promise, its job queue and the async-function
  /// driver), once the program has an async function; empty before.
  Atom asyncRuntime;
  /// The program variable holding desugar's ArrayFastInit record (the
  /// iteration fast paths' intrinsics, made at program start), once the
  /// program iterates; empty before. The generators pass links its helper
  /// with it (`$gs.link($af)`: the record's `gen`, and `mk` for yield*).
  Atom iterState;
  /// The temporaries desugar and anf made that are written and read within
  /// the evaluation of one source statement (fresh names: unique in the
  /// module). The generators pass keeps those no yield separates from their
  /// uses as its step's own variables; a program's own `$t1` is not one.
  std::unordered_set<Atom, AtomHash> statementTemps;
  /// Counter behind IRBuilder::freshName (deterministic per module).
  uint32_t nextFreshId = 1;
  /// Scope tables; null until scope analysis has run.
  ScopeTable *scopes() const { return scopes_.get(); }
  void setScopes(std::unique_ptr<ScopeTable> s);
  /// The frame schema recorded by the `catch` pass; null before it ran.
  schema::FrameSchema *frameSchema() const { return frameSchema_.get(); }
  void setFrameSchema(std::unique_ptr<schema::FrameSchema> s);

private:
  const SourceManager &sm_;
  FileId file_;
  Arena arena_;
  Interner interner_{arena_};
  std::unique_ptr<ScopeTable> scopes_;
  std::unique_ptr<schema::FrameSchema> frameSchema_;
};

// ---- Generated child traversal ----
template <typename F> void forEachChildSlot(Node *n, F &&f) {
  switch (n->kind) {
#define CHILD(name)                                                                                \
  if (x->name)                                                                                     \
    f(x->name);
#define LIST(name)                                                                                 \
  for (Node * &item : x->name)                                                                     \
    if (item)                                                                                      \
      f(item);
#define ATOM(name)
#define NUM(name)
#define FLAG(name)
#define OP(Type, name)
#define META(Type, name, Init)
#define NODE(Name, Category, Fields)                                                               \
  case NodeKind::Name: {                                                                           \
    [[maybe_unused]] auto *x = static_cast<Name *>(n);                                             \
    Fields break;                                                                                  \
  }
#include "distribufy/IR/NodeKinds.def"
#undef CHILD
#undef LIST
#undef ATOM
#undef NUM
#undef FLAG
#undef OP
#undef META
  }
}

} // namespace distribufy::ir
