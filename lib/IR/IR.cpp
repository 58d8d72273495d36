//===- IR.cpp - Node kinds, operators and structural equality -------------===//
#include "distribufy/IR/IR.h"
#include "distribufy/Backend/FrameSchema.h"
#include "distribufy/IR/Scope.h"

#include <cstring>
#include <fmt/format.h>

namespace distribufy::ir {

std::string_view spelling(UnaryOp op) {
  static constexpr std::string_view names[] = {
#define UNARY_OP(Name, Spelling) Spelling,
#include "distribufy/IR/Operators.def"
  };
  return names[static_cast<size_t>(op)];
}
std::string_view spelling(UpdateOp op) {
  static constexpr std::string_view names[] = {
#define UPDATE_OP(Name, Spelling) Spelling,
#include "distribufy/IR/Operators.def"
  };
  return names[static_cast<size_t>(op)];
}
std::string_view spelling(BinaryOp op) {
  static constexpr std::string_view names[] = {
#define BINARY_OP(Name, Spelling, Prec) Spelling,
#include "distribufy/IR/Operators.def"
  };
  return names[static_cast<size_t>(op)];
}
std::string_view spelling(LogicalOp op) {
  static constexpr std::string_view names[] = {
#define LOGICAL_OP(Name, Spelling, Prec) Spelling,
#include "distribufy/IR/Operators.def"
  };
  return names[static_cast<size_t>(op)];
}
std::string_view spelling(AssignOp op) {
  static constexpr std::string_view names[] = {
#define ASSIGN_OP(Name, Spelling, Base) Spelling,
#include "distribufy/IR/Operators.def"
  };
  return names[static_cast<size_t>(op)];
}
std::string_view compoundBase(AssignOp op) {
  static constexpr std::string_view names[] = {
#define ASSIGN_OP(Name, Spelling, Base) Base,
#include "distribufy/IR/Operators.def"
  };
  return names[static_cast<size_t>(op)];
}
std::string_view spelling(VarKind k) {
  static constexpr std::string_view names[] = {
#define VAR_KIND(Name, Spelling) Spelling,
#include "distribufy/IR/Operators.def"
  };
  return names[static_cast<size_t>(k)];
}
std::string_view spelling(PropertyKind k) {
  static constexpr std::string_view names[] = {
#define PROPERTY_KIND(Name, Spelling) Spelling,
#include "distribufy/IR/Operators.def"
  };
  return names[static_cast<size_t>(k)];
}
std::string_view spelling(MethodKind k) {
  static constexpr std::string_view names[] = {
#define METHOD_KIND(Name, Spelling) Spelling,
#include "distribufy/IR/Operators.def"
  };
  return names[static_cast<size_t>(k)];
}
int precedence(BinaryOp op) {
  static constexpr int precs[] = {
#define BINARY_OP(Name, Spelling, Prec) Prec,
#include "distribufy/IR/Operators.def"
  };
  return precs[static_cast<size_t>(op)];
}
int precedence(LogicalOp op) {
  static constexpr int precs[] = {
#define LOGICAL_OP(Name, Spelling, Prec) Prec,
#include "distribufy/IR/Operators.def"
  };
  return precs[static_cast<size_t>(op)];
}

std::string_view kindName(NodeKind k) {
  static constexpr std::string_view names[] = {
#define NODE(Name, Category, Fields) #Name,
#include "distribufy/IR/NodeKinds.def"
  };
  return names[static_cast<size_t>(k)];
}

NodeCategory category(NodeKind k) {
  static constexpr NodeCategory cats[] = {
#define NODE(Name, Category, Fields) NodeCategory::Category,
#include "distribufy/IR/NodeKinds.def"
  };
  return cats[static_cast<size_t>(k)];
}

bool isFunction(const Node *n) {
  return n &&
         (n->kind == NodeKind::FunctionDeclaration || n->kind == NodeKind::FunctionExpression ||
          n->kind == NodeKind::ArrowFunctionExpression);
}
bool isClass(const Node *n) {
  return n && (n->kind == NodeKind::ClassDeclaration || n->kind == NodeKind::ClassExpression);
}

size_t directivePrologueLength(std::span<Node *const> body) {
  size_t n = 0;
  while (n < body.size() && body[n]->kind == NodeKind::ExpressionStatement &&
         !static_cast<const ExpressionStatement *>(body[n])->directive.empty())
    ++n;
  return n;
}

bool isCallLike(const Node *n) {
  switch (n->kind) {
  case NodeKind::CallExpression:
  case NodeKind::NewExpression:
  case NodeKind::TaggedTemplateExpression:
  case NodeKind::YieldExpression:
  case NodeKind::AwaitExpression:
  case NodeKind::ImportExpression:
    return true;
  default:
    return false;
  }
}

std::string calleeErrorText(const Node *n) {
  switch (n->kind) {
  case NodeKind::Identifier:
    return std::string(cast<Identifier>(n)->name.str());
  case NodeKind::ThisExpression:
    return "this";
  case NodeKind::Super: // node's words for `super.m` / `super[k]`
    return "(intermediate value)";
  case NodeKind::CallExpression: {
    auto *c = cast<CallExpression>(n);
    std::string callee = c->optional ? std::string() : calleeErrorText(c->callee);
    return callee.empty() ? callee : callee + "(...)";
  }
  case NodeKind::MemberExpression: {
    auto *m = cast<MemberExpression>(n);
    std::string object = m->optional ? std::string() : calleeErrorText(m->object);
    if (object.empty())
      return object;
    if (!m->computed)
      return isa<Identifier>(m->property)
                 ? object + "." + std::string(cast<Identifier>(m->property)->name.str())
                 : std::string();
    if (auto *id = dynCast<Identifier>(m->property))
      return object + "[" + std::string(id->name.str()) + "]";
    if (auto *num = dynCast<NumericLiteral>(m->property))
      return object + "[" + std::string(num->raw.str()) + "]";
    return std::string();
  }
  default:
    return std::string();
  }
}

bool isAnonymousFunctionDefinition(const Node *n) {
  if (auto *f = dynCast<FunctionExpression>(n))
    return !f->id;
  if (auto *c = dynCast<ClassExpression>(n))
    return !c->id;
  return isa<ArrowFunctionExpression>(n);
}

ArrowFunctionExpression *arrowIifeCallee(Node *n) {
  auto *c = dynCast<CallExpression>(n);
  if (!c || c->optional || !c->arguments.empty())
    return nullptr;
  auto *a = dynCast<ArrowFunctionExpression>(c->callee);
  return a && a->params.empty() && !a->isAsync ? a : nullptr;
}

Node *declarationAsExpression(Module &m, Node *n) {
  if (auto *d = dynCast<FunctionDeclaration>(n)) {
    auto *e = m.make<FunctionExpression>(d->range);
    e->id = d->id, e->params = d->params, e->body = d->body;
    e->isGenerator = d->isGenerator, e->isAsync = d->isAsync, e->scope = d->scope;
    return e;
  }
  if (auto *d = dynCast<ClassDeclaration>(n)) {
    auto *e = m.make<ClassExpression>(d->range);
    e->id = d->id, e->superClass = d->superClass, e->body = d->body, e->scope = d->scope;
    return e;
  }
  return n;
}

void collectBoundNames(Node *p, std::vector<Identifier *> &out) {
  if (!p)
    return;
  switch (p->kind) {
  case NodeKind::Identifier:
    out.push_back(cast<Identifier>(p));
    break;
  case NodeKind::ObjectPattern:
    for (Node *prop : cast<ObjectPattern>(p)->properties)
      collectBoundNames(isa<Property>(prop) ? cast<Property>(prop)->value : prop, out);
    break;
  case NodeKind::ArrayPattern:
    for (Node *e : cast<ArrayPattern>(p)->elements)
      collectBoundNames(e, out);
    break;
  case NodeKind::RestElement:
    collectBoundNames(cast<RestElement>(p)->argument, out);
    break;
  case NodeKind::AssignmentPattern:
    collectBoundNames(cast<AssignmentPattern>(p)->left, out);
    break;
  default: // member expressions in assignment patterns bind nothing
    break;
  }
}

void collectBoundNames(const Node *pattern, std::vector<Atom> &out) {
  std::vector<Identifier *> ids;
  // Only reads the tree; the Identifier* overload hands out mutable nodes.
  collectBoundNames(const_cast<Node *>(pattern), ids);
  for (const Identifier *id : ids)
    out.push_back(id->name);
}

namespace {
/// The recursive copy behind cloneTree.
struct Cloner {
  Module &into;
  const CloneOptions &options;

  Node *clone(const Node *n) {
    if (!n)
      return nullptr;
    SourceRange range = options.keepRanges ? n->range : SourceRange{};
    switch (n->kind) {
#define CHILD(name) d->name = clone(s->name);
#define LIST(name)                                                                                 \
  {                                                                                                \
    std::vector<Node *> items;                                                                     \
    items.reserve(s->name.size());                                                                 \
    for (const Node *item : s->name)                                                               \
      items.push_back(clone(item));                                                                \
    d->name = into.list(items);                                                                    \
  }
#define ATOM(name) d->name = s->name ? into.atom(s->name.str()) : Atom();
#define NUM(name) d->name = s->name;
#define FLAG(name) d->name = s->name;
#define OP(Type, name) d->name = s->name;
#define META(Type, name, Init) d->name = options.keepMeta ? s->name : Init;
#define NODE(Name, Category, Fields)                                                               \
  case NodeKind::Name: {                                                                           \
    [[maybe_unused]] auto *s = static_cast<const Name *>(n);                                       \
    auto *d = into.make<Name>(range);                                                              \
    Fields return d;                                                                               \
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
    return nullptr;
  }
};
} // namespace

Node *cloneTree(const Node *n, Module &into, const CloneOptions &options) {
  return Cloner{into, options}.clone(n);
}

namespace {
/// Compares two trees; on the first difference records a description.
struct Comparer {
  std::string *why = nullptr;
  std::string path;

  bool fail(std::string_view what) {
    if (why)
      *why = fmt::format("{}: {}", path.empty() ? "<root>" : path, what);
    return false;
  }

  bool eq(const Node *a, const Node *b) {
    if (!a || !b)
      return a == b || fail(fmt::format("{} vs {}", a ? kindName(a->kind) : "null",
                                        b ? kindName(b->kind) : "null"));
    if (a->kind != b->kind)
      return fail(fmt::format("{} vs {}", kindName(a->kind), kindName(b->kind)));
    size_t mark = path.size();
    path += '/';
    path += kindName(a->kind);
    bool ok = fields(a, b);
    if (ok)
      path.resize(mark);
    return ok;
  }

  bool fields(const Node *a, const Node *b) {
    switch (a->kind) {
#define CHILD(name)                                                                                \
  if (!eq(x->name, y->name))                                                                       \
    return false;
#define LIST(name)                                                                                 \
  if (x->name.size() != y->name.size())                                                            \
    return fail(fmt::format(#name " has {} vs {} entries", x->name.size(), y->name.size()));       \
  for (size_t i = 0; i < x->name.size(); ++i)                                                      \
    if (!eq(x->name[i], y->name[i]))                                                               \
      return false;
#define ATOM(name)                                                                                 \
  if (x->name.str() != y->name.str())                                                              \
    return fail(fmt::format(#name " '{}' vs '{}'", x->name.str(), y->name.str()));
#define NUM(name)                                                                                  \
  if (std::memcmp(&x->name, &y->name, sizeof(double)) != 0)                                        \
    return fail(fmt::format(#name " {} vs {}", x->name, y->name));
#define FLAG(name)                                                                                 \
  if (x->name != y->name)                                                                          \
    return fail(#name " differs");
#define OP(Type, name)                                                                             \
  if (x->name != y->name)                                                                          \
    return fail(fmt::format(#name " {} vs {}", spelling(x->name), spelling(y->name)));
#define META(Type, name, Init)
#define NODE(Name, Category, Fields)                                                               \
  case NodeKind::Name: {                                                                           \
    [[maybe_unused]] auto *x = static_cast<const Name *>(a);                                       \
    [[maybe_unused]] auto *y = static_cast<const Name *>(b);                                       \
    Fields return true;                                                                            \
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
    return true;
  }
};
} // namespace

bool structurallyEqual(const Node *a, const Node *b) { return Comparer{}.eq(a, b); }

std::string firstDifference(const Node *a, const Node *b) {
  std::string why;
  Comparer c;
  c.why = &why;
  c.eq(a, b);
  return why;
}

Module::Module(const SourceManager &sm, FileId file) : sm_(sm), file_(file) {}
Module::~Module() = default;
void Module::setScopes(std::unique_ptr<ScopeTable> s) { scopes_ = std::move(s); }
void Module::setFrameSchema(std::unique_ptr<schema::FrameSchema> s) { frameSchema_ = std::move(s); }

} // namespace distribufy::ir
