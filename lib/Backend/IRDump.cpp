//===- IRDump.cpp - Readable dump of the IR tree and its scopes ------------===//
//
/// \file
/// `dumpIR` prints the tree one node per line, children indented under their
/// parent and labelled with the field that holds them, followed by the scope
/// table. Every line starts with `// `, so a dump is valid JavaScript and can
/// sit in a golden file or in front of emitted code. The field printing is
/// generated from NodeKinds.def, so new node kinds dump without changes here.
//
//===----------------------------------------------------------------------===//
#include "distribufy/Backend/Emitter.h"
#include "distribufy/IR/Scope.h"

#include <fmt/format.h>

namespace distribufy {
namespace {

using namespace ir;

class Dumper {
public:
  explicit Dumper(const Module &m) : m_(m), scopes_(m.scopes()) {}

  std::string run() {
    out_ += "// IR dump of ";
    text(m_.fileName());
    out_ += '\n';
    if (m_.program)
      node(m_.program, "", 0);
    if (scopes_)
      scopeTable();
    return std::move(out_);
  }

private:
  /// Writes \p s with line terminators escaped, so the line stays a comment
  /// (and with `"` and `\` escaped too when \p quoting).
  void text(std::string_view s, bool quoting = false) {
    for (size_t i = 0; i < s.size(); ++i) {
      char c = s[i];
      if (quoting && (c == '"' || c == '\\')) {
        out_ += '\\';
        out_ += c;
      } else if (c == '\n') {
        out_ += "\\n";
      } else if (c == '\r') {
        out_ += "\\r";
      } else if (c == '\xE2' && i + 2 < s.size() && s[i + 1] == '\x80' &&
                 (s[i + 2] == '\xA8' || s[i + 2] == '\xA9')) {
        out_ += s[i + 2] == '\xA8' ? "\\u2028" : "\\u2029";
        i += 2;
      } else {
        out_ += c;
      }
    }
  }

  void lineStart(unsigned depth) {
    out_ += "// ";
    out_.append(static_cast<size_t>(depth) * 2, ' ');
  }

  void bindingInfo(BindingId id) {
    if (!scopes_ || id == kNoBinding || id >= scopes_->numBindings())
      return;
    const Binding &b = scopes_->binding(id);
    if (b.kind == BindingKind::Global) {
      fmt::format_to(std::back_inserter(out_), " binding=#{} global", id);
      return;
    }
    fmt::format_to(std::back_inserter(out_), " binding=#{} {}", id, bindingKindName(b.kind));
    flags(b);
  }

  void flags(const Binding &b) {
    if (b.captured)
      out_ += " captured";
    if (b.assignedAfterInit)
      out_ += " assigned";
    if (b.dynamic)
      out_ += " dynamic";
  }

  void location(const Node *n) {
    if (!n->range.valid())
      return;
    LineColumn lc = m_.sourceManager().lineColumn(m_.file(), n->range.begin);
    fmt::format_to(std::back_inserter(out_), " @{}:{}", lc.line, lc.column);
  }

  void node(const Node *n, std::string_view label, unsigned depth) {
    lineStart(depth);
    if (!label.empty()) {
      out_ += label;
      out_ += ": ";
    }
    if (!n) {
      out_ += "<hole>\n";
      return;
    }
    out_ += kindName(n->kind);
    attributes(n);
    location(n);
    out_ += '\n';
    children(n, depth + 1);
  }

  void listEntry(const Node *n, std::string_view name, size_t i, unsigned depth) {
    char buf[64];
    auto res = fmt::format_to_n(buf, sizeof buf, "{}[{}]", name, i);
    node(n, std::string_view(buf, res.out - buf), depth);
  }

  void attributes(const Node *n) {
    switch (n->kind) {
#define CHILD(name)
#define LIST(name)
#define ATOM(name)                                                                                 \
  if (x->name) {                                                                                   \
    out_ += " " #name "=";                                                                         \
    if (std::string_view(#name) == "name" || std::string_view(#name) == "label")                   \
      text(x->name.str());                                                                         \
    else                                                                                           \
      quotedText(x->name.str());                                                                   \
  }
#define NUM(name) fmt::format_to(std::back_inserter(out_), " " #name "={}", x->name);
#define FLAG(name)                                                                                 \
  if (x->name)                                                                                     \
    out_ += " " #name;
#define OP(Type, name)                                                                             \
  out_ += " " #name "=";                                                                           \
  out_ += spelling(x->name);
#define META(Type, name, Init) meta(#name, x->name);
#define NODE(Name, Category, Fields)                                                               \
  case NodeKind::Name: {                                                                           \
    [[maybe_unused]] auto *x = static_cast<const Name *>(n);                                       \
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

  void quotedText(std::string_view s) {
    out_ += '"';
    text(s, /*quoting=*/true);
    out_ += '"';
  }

  void meta(std::string_view name, uint32_t value) {
    if (name == "binding") {
      bindingInfo(value);
      return;
    }
    if (value != UINT32_MAX)
      fmt::format_to(std::back_inserter(out_), " {}=#{}", name, value);
  }

  void children(const Node *n, unsigned depth) {
    switch (n->kind) {
#define CHILD(name)                                                                                \
  if (x->name)                                                                                     \
    node(x->name, #name, depth);
#define LIST(name)                                                                                 \
  for (size_t i = 0; i < x->name.size(); ++i)                                                      \
    listEntry(x->name[i], #name, i, depth);
#define ATOM(name)
#define NUM(name)
#define FLAG(name)
#define OP(Type, name)
#define META(Type, name, Init)
#define NODE(Name, Category, Fields)                                                               \
  case NodeKind::Name: {                                                                           \
    [[maybe_unused]] auto *x = static_cast<const Name *>(n);                                       \
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

  void scopeTable() {
    out_ += "// scopes:\n";
    for (ScopeId id = 0; id < scopes_->numScopes(); ++id) {
      const Scope &s = scopes_->scope(id);
      fmt::format_to(std::back_inserter(out_), "//   #{} {}", id, scopeKindName(s.kind));
      if (s.parent != kNoScope)
        fmt::format_to(std::back_inserter(out_), " parent=#{}", s.parent);
      if (s.strict)
        out_ += " strict";
      if (s.hasDirectEval)
        out_ += " direct-eval";
      if (s.node)
        location(s.node);
      out_ += '\n';
      for (BindingId b : s.bindings)
        bindingLine(b);
    }
    bool anyGlobal = false;
    for (BindingId b = 0; b < scopes_->numBindings(); ++b) {
      if (scopes_->binding(b).kind != BindingKind::Global)
        continue;
      if (!anyGlobal)
        out_ += "// globals:\n";
      anyGlobal = true;
      bindingLine(b);
    }
  }

  void bindingLine(BindingId id) {
    const Binding &b = scopes_->binding(id);
    fmt::format_to(std::back_inserter(out_), "//     #{} ", id);
    text(b.name.str());
    out_ += ' ';
    out_ += bindingKindName(b.kind);
    flags(b);
    out_ += '\n';
  }

  const Module &m_;
  const ScopeTable *scopes_;
  std::string out_;
};

} // namespace

std::string dumpIR(const ir::Module &module) { return Dumper(module).run(); }

} // namespace distribufy
