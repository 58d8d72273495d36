//===- Inspect.cpp - distribufyc inspect: a suspended program, readable ----===//
//
// Prints what a checkpoint holds: the suspended stack innermost first (the
// function, file:line:col of the call it waits in, that source line, its
// live locals), the module state and the persisted values, the request the
// program suspended on, the build, and the size by section. Names and
// locations come from the frame schema of the build (found through the
// instance's meta.json `compiled` field, next to the cached program, or
// given with --schema); without one, code ids and slot numbers are shown.
//
// Values are rendered bounded (depth, items, string length), so a huge or
// deeply nested heap prints in bounded space; an object met again while it
// is being printed is shown as `<ref #N>` (N: its heap index) and the object
// itself is labelled `#N`. Rendering walks only validated entries (see
// CheckpointReader.cpp) and recursion is bounded by kMaxDepth.
//
//===----------------------------------------------------------------------===//
#include "distribufy/Backend/SchemaWriter.h"
#include "distribufy/Driver/CommandLine.h"
#include "distribufy/Inspect/Checkpoint.h"
#include "distribufy/Support/Json.h"

#include <fmt/format.h>

#include <cmath>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <ostream>
#include <sstream>
#include <unordered_set>

namespace distribufy::inspect {

namespace {

constexpr unsigned kMaxDepth = 3;
constexpr size_t kMaxItems = 8;
constexpr size_t kMaxString = 80;

//===----------------------------------------------------------------------===//
// Small text helpers
//===----------------------------------------------------------------------===//

std::string jsonString(std::string_view raw) {
  std::string out;
  appendJsonString(out, raw);
  return out;
}

/// A string value as JavaScript would show it, cut to kMaxString characters.
std::string quoteString(std::string_view s) {
  if (s.size() > kMaxString) {
    size_t cut = kMaxString;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xc0) == 0x80)
      --cut; // do not split a UTF-8 sequence
    return jsonString(s.substr(0, cut)) + fmt::format("…({} bytes)", s.size());
  }
  return jsonString(s);
}

/// Milliseconds since the epoch as an ISO 8601 UTC time, like
/// Date.prototype.toISOString (which throws where this says Invalid Date).
std::string isoTime(double ms) {
  if (!std::isfinite(ms) || std::fabs(ms) > 8.64e15)
    return "Invalid Date";
  double floorMs = std::floor(ms);
  auto seconds = static_cast<int64_t>(std::floor(floorMs / 1000));
  auto millis = static_cast<int>(floorMs - double(seconds) * 1000);
  std::time_t t = static_cast<std::time_t>(seconds);
  std::tm tm{};
  if (!gmtime_r(&t, &tm))
    return "Invalid Date";
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z", tm.tm_year + 1900, tm.tm_mon + 1,
                     tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, millis);
}

/// A double as JavaScript prints it (shortest round trip; integers without
/// a fraction).
std::string jsNumber(double d) {
  if (std::isnan(d))
    return "NaN";
  if (std::isinf(d))
    return d > 0 ? "Infinity" : "-Infinity";
  if (d == std::floor(d) && std::fabs(d) < 1e21)
    return fmt::format("{:.0f}", d);
  return fmt::format("{}", d);
}

/// The serializer's BigInt text ("-1f", sign and hex) in decimal.
std::string bigIntDecimal(std::string_view text) {
  bool negative = !text.empty() && text[0] == '-';
  std::string_view hex = negative ? text.substr(1) : text;
  if (hex.size() > 256) // too long to be worth converting: keep hex
    return fmt::format("{}0x{}n", negative ? "-" : "", hex);
  std::vector<uint32_t> digits = {0}; // base 1e9, little-endian
  for (char h : hex) {
    uint32_t carry =
        static_cast<uint32_t>(std::isdigit(static_cast<unsigned char>(h))
                                  ? h - '0'
                                  : std::tolower(static_cast<unsigned char>(h)) - 'a' + 10);
    for (uint32_t &d : digits) {
      uint64_t v = uint64_t(d) * 16 + carry;
      d = static_cast<uint32_t>(v % 1000000000);
      carry = static_cast<uint32_t>(v / 1000000000);
    }
    if (carry)
      digits.push_back(carry);
  }
  std::string out = negative ? "-" : "";
  out += std::to_string(digits.back());
  for (size_t k = digits.size() - 1; k-- > 0;)
    out += fmt::format("{:09}", digits[k]);
  return out + "n";
}

bool readFile(const std::string &path, uint64_t limit, std::string &text, std::string &error) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    error = "is a directory";
    return false;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = std::strerror(errno);
    return false;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  text = buffer.str();
  if (text.size() > limit) {
    error = fmt::format("larger than {} bytes", limit);
    return false;
  }
  return true;
}

/// The string value of top-level key \p key in the JSON object \p json, or
/// nullopt. meta.json is written by JSON.stringify; only its string fields
/// are read, so a string scanner suffices (escapes are decoded; \u escapes
/// outside ASCII are kept as the replacement character).
std::optional<std::string> jsonStringField(std::string_view json, std::string_view key) {
  std::string needle = jsonString(key);
  size_t at = 0;
  while ((at = json.find(needle, at)) != std::string_view::npos) {
    size_t p = at + needle.size();
    while (p < json.size() && std::isspace(static_cast<unsigned char>(json[p])))
      ++p;
    if (p >= json.size() || json[p] != ':') {
      at = p;
      continue;
    }
    ++p;
    while (p < json.size() && std::isspace(static_cast<unsigned char>(json[p])))
      ++p;
    if (p >= json.size() || json[p] != '"')
      return std::nullopt;
    std::string out;
    for (++p; p < json.size() && json[p] != '"'; ++p) {
      if (json[p] != '\\') {
        out += json[p];
        continue;
      }
      if (++p >= json.size())
        return std::nullopt;
      switch (json[p]) {
      case 'n':
        out += '\n';
        break;
      case 't':
        out += '\t';
        break;
      case 'r':
        out += '\r';
        break;
      case 'b':
        out += '\b';
        break;
      case 'f':
        out += '\f';
        break;
      case 'u': {
        if (p + 4 >= json.size())
          return std::nullopt;
        unsigned code = 0;
        for (int k = 1; k <= 4; ++k)
          code = code * 16 + static_cast<unsigned>(std::isdigit(json[p + k])
                                                       ? json[p + k] - '0'
                                                       : std::tolower(json[p + k]) - 'a' + 10);
        out += code < 0x80 ? std::string(1, static_cast<char>(code)) : "\xef\xbf\xbd";
        p += 4;
        break;
      }
      default:
        out += json[p];
      }
    }
    return out;
  }
  return std::nullopt;
}

//===----------------------------------------------------------------------===//
// The renderer
//===----------------------------------------------------------------------===//

struct Local {
  std::string name;
  std::string kind; ///< param, local, captured, closure, this, temporary
  std::string value;
};

struct FrameView {
  uint32_t code = 0;
  uint32_t cs = 0;
  std::string name;
  std::string file;
  uint32_t line = 0, col = 0;
  std::string sourceLine;
  std::vector<Local> locals;
};

class Renderer {
public:
  Renderer(const Checkpoint &cp, const schema::FrameSchema *schema) : cp_(cp), schema_(schema) {}

  const Value *prop(const Value &ref, std::string_view key) const {
    const HeapEntry *e = entry(ref);
    const Value *props = e ? e->props() : nullptr;
    for (size_t k = 0; props && k + 1 < props->items.size(); k += 2)
      if (props->items[k].kind == Value::Str && props->items[k].s == key)
        return &props->items[k + 1];
    return nullptr;
  }
  const HeapEntry *entry(const Value &ref) const {
    return ref.kind == Value::Ref && ref.u < cp_.heap.size() ? &cp_.heap[ref.u] : nullptr;
  }
  /// Elements of a dense array entry (null if \p ref is not one).
  const std::vector<Value> *elements(const Value &ref) const {
    const HeapEntry *e = entry(ref);
    if (!e || e->kind != EntryKind::Array || e->fields.items[6].kind != Value::Array)
      return nullptr;
    return &e->fields.items[6].items;
  }
  const schema::Code *code(uint64_t id) const {
    if (!schema_ || id >= schema_->codes.size() || !schema_->codes[id])
      return nullptr;
    return &*schema_->codes[id];
  }
  std::string codeName(const Value &id) const {
    if (id.kind == Value::UInt)
      if (const schema::Code *c = code(id.u))
        return c->name.empty() ? "<anonymous>" : c->name;
    // Without a schema, the header's code table (runtime/src/versions.js:
    // [[code, name, hash, line, col, role], ...]) still names the codes.
    if (const Value *codes = cp_.header.get("codes"); codes && id.kind == Value::UInt)
      for (const Value &row : codes->items)
        if (row.kind == Value::Array && row.items.size() >= 2 && row.items[0].kind == Value::UInt &&
            row.items[0].u == id.u && row.items[1].kind == Value::Str)
          return row.items[1].s.empty() ? "<anonymous>" : sanitizeUtf8(row.items[1].s);
    if (id.kind == Value::UInt)
      return fmt::format("code {}", id.u);
    return "code " + render(id);
  }

  /// \p v rendered on one line, bounded.
  std::string render(const Value &v) const {
    std::vector<uint64_t> path;
    std::unordered_set<uint64_t> cycled;
    return renderAt(v, 0, path, cycled);
  }

  std::string renderKey(const Value &k) const {
    if (k.kind == Value::Str) {
      bool identifier = !k.s.empty() && !std::isdigit(static_cast<unsigned char>(k.s[0]));
      for (char c : k.s)
        identifier =
            identifier && (std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$');
      return identifier ? k.s : quoteString(k.s);
    }
    return "[" + render(k) + "]";
  }

  std::string renderAt(const Value &v, unsigned depth, std::vector<uint64_t> &path,
                       std::unordered_set<uint64_t> &cycled) const {
    switch (v.kind) {
    case Value::Nil:
      return "null";
    case Value::Bool:
      return v.b ? "true" : "false";
    case Value::Int:
      return std::to_string(v.i);
    case Value::UInt:
      return std::to_string(v.u);
    case Value::Float:
      return jsNumber(v.f);
    case Value::Str:
      return quoteString(v.s);
    case Value::Bin:
      return fmt::format("<{} bytes>", v.s.size());
    case Value::Undef:
      return "undefined";
    case Value::Hole:
      return "<hole>";
    case Value::NegZero:
      return "-0";
    case Value::BigInt:
      return bigIntDecimal(v.s);
    case Value::SymReg:
      return fmt::format("Symbol.for({})", quoteString(v.s));
    case Value::SymWk:
      return "Symbol." + sanitizeUtf8(v.s);
    case Value::SymHost:
      return fmt::format("<host symbol {}>", sanitizeUtf8(v.s));
    case Value::SymPriv: // "ID:description": the description names it
      return fmt::format("<private {}>", sanitizeUtf8(v.s.substr(v.s.find(':') + 1)));
    case Value::Array:
    case Value::Map: {
      // Only in the header (heap values are scalars or references).
      std::vector<std::string> parts;
      bool map = v.kind == Value::Map;
      size_t n = map ? v.items.size() / 2 : v.items.size();
      for (size_t k = 0; k < n && k < kMaxItems; ++k)
        parts.push_back(depth >= kMaxDepth ? "…"
                        : map              ? renderKey(v.items[2 * k]) + ": " +
                                    renderAt(v.items[2 * k + 1], depth + 1, path, cycled)
                              : renderAt(v.items[k], depth + 1, path, cycled));
      return join(parts, n, map ? "{" : "[", map ? "}" : "]");
    }
    case Value::Ref:
      break;
    }
    uint64_t id = v.u;
    // References are checked against the heap where the format allows them
    // (root and heap entries); one elsewhere (inside the header) is shown,
    // never followed.
    if (id >= cp_.heap.size())
      return fmt::format("<ref #{} out of range>", id);
    for (uint64_t p : path)
      if (p == id) {
        cycled.insert(id);
        return fmt::format("<ref #{}>", id);
      }
    const HeapEntry &e = cp_.heap[id];
    const std::vector<Value> &f = e.fields.items;
    switch (e.kind) {
    case EntryKind::Intrinsic:
      return fmt::format("<builtin {}>", sanitizeUtf8(f[1].s));
    case EntryKind::Host:
      return fmt::format("<host {}>", sanitizeUtf8(f[1].s));
    case EntryKind::Function: {
      const schema::Code *c = f[5].kind == Value::UInt ? code(f[5].u) : nullptr;
      std::string what = c && c->kind == "class" ? "class" : "function";
      return fmt::format("<{} {}>", what, codeName(f[5]));
    }
    case EntryKind::ProtoOf:
      return fmt::format("<{}.prototype>", codeName(cp_.heap[f[5].u].fields.items[5]));
    case EntryKind::MemberOf:
      return fmt::format("<{}{} {}.{}>", f[2].b ? "static " : "", sanitizeUtf8(f[4].s),
                         codeName(cp_.heap[f[1].u].fields.items[5]), renderKey(f[3]));
    default:
      break;
    }
    if (depth >= kMaxDepth)
      return summary(e);
    path.push_back(id);
    std::string body = renderEntry(e, depth, path, cycled);
    path.pop_back();
    if (cycled.count(id))
      body = fmt::format("#{} {}", id, body);
    return body;
  }

  /// A short description of an entry not expanded (depth limit).
  std::string summary(const HeapEntry &e) const {
    const std::vector<Value> &f = e.fields.items;
    size_t np = e.props() ? e.props()->items.size() / 2 : 0;
    switch (e.kind) {
    case EntryKind::Array:
      return fmt::format("[Array({})]", f[5].u);
    case EntryKind::Map:
      return fmt::format("[Map({})]", f[5].items.size() / 2);
    case EntryKind::Set:
      return fmt::format("[Set({})]", f[5].items.size());
    case EntryKind::Date:
    case EntryKind::RegExp:
    case EntryKind::ArrayBuffer:
    case EntryKind::Typed:
    case EntryKind::DataView:
    case EntryKind::Boxed:
    case EntryKind::Bound: {
      std::vector<uint64_t> path;
      std::unordered_set<uint64_t> cycled;
      return renderEntry(e, kMaxDepth, path, cycled);
    }
    default:
      return np ? "{…}" : "{}";
    }
  }

  /// The class name shown before an object: its prototype's, unless it is
  /// a plain Object.prototype (nothing) or null.
  std::string prefix(const Value &proto, std::string_view plain) const {
    if (proto.kind == Value::Nil)
      return "[Object: null prototype] ";
    const HeapEntry *p = entry(proto);
    if (!p)
      return "";
    if (p->kind == EntryKind::Intrinsic) {
      std::string_view name = p->fields.items[1].s;
      if (name == plain)
        return "";
      constexpr std::string_view kSuffix = ".prototype";
      if (name.size() > kSuffix.size() && name.ends_with(kSuffix))
        return sanitizeUtf8(name.substr(0, name.size() - kSuffix.size())) + " ";
      return fmt::format("[proto {}] ", sanitizeUtf8(name));
    }
    if (p->kind == EntryKind::ProtoOf)
      return codeName(cp_.heap[p->fields.items[5].u].fields.items[5]) + " ";
    return "";
  }

  std::string renderProps(const HeapEntry &e, unsigned depth, std::vector<uint64_t> &path,
                          std::unordered_set<uint64_t> &cycled, std::vector<std::string> &parts,
                          size_t &shown, bool skipIndexes) const {
    const Value *props = e.props();
    const Value &attrs = e.fields.items[4];
    size_t np = props->items.size() / 2;
    for (size_t k = 0; k < np; ++k) {
      const Value &key = props->items[2 * k];
      if (skipIndexes && key.kind == Value::Str && !key.s.empty() &&
          key.s.find_first_not_of("0123456789") == std::string::npos)
        continue;
      if (shown >= kMaxItems) {
        ++shown;
        continue;
      }
      bool accessor = false;
      for (size_t a = 0; attrs.kind == Value::Array && a + 1 < attrs.items.size(); a += 2)
        if (attrs.items[a].u == k && (attrs.items[a + 1].u & 8))
          accessor = true;
      const Value &value = props->items[2 * k + 1];
      std::string shownValue =
          accessor ? "[Getter/Setter]" : renderAt(value, depth + 1, path, cycled);
      parts.push_back(renderKey(key) + ": " + shownValue);
      ++shown;
    }
    return "";
  }

  static std::string join(const std::vector<std::string> &parts, size_t total,
                          std::string_view open, std::string_view close) {
    if (parts.empty() && total == 0)
      return std::string(open) + std::string(close);
    std::string out = std::string(open) + (open == "[" ? "" : " ");
    for (size_t k = 0; k < parts.size(); ++k)
      out += (k ? ", " : "") + parts[k];
    if (total > parts.size())
      out += fmt::format("{}… {} more", parts.empty() ? "" : ", ", total - parts.size());
    return out + (open == "[" ? "" : " ") + std::string(close);
  }

  std::string renderEntry(const HeapEntry &e, unsigned depth, std::vector<uint64_t> &path,
                          std::unordered_set<uint64_t> &cycled) const {
    const std::vector<Value> &f = e.fields.items;
    std::vector<std::string> parts;
    size_t shown = 0;
    switch (e.kind) {
    case EntryKind::Object:
      renderProps(e, depth, path, cycled, parts, shown, false);
      return prefix(f[1], "Object.prototype") + join(parts, shown, "{", "}");
    case EntryKind::Error: {
      renderProps(e, depth, path, cycled, parts, shown, false);
      return prefix(f[1], "") + join(parts, shown, "{", "}");
    }
    case EntryKind::Array: {
      if (f[6].kind == Value::Array) {
        size_t holes = 0;
        for (const Value &el : f[6].items) {
          if (shown >= kMaxItems) {
            ++shown;
            continue;
          }
          if (el.kind == Value::Hole) {
            ++holes;
            continue;
          }
          if (holes) {
            parts.push_back(fmt::format("<{} empty item{}>", holes, holes > 1 ? "s" : ""));
            holes = 0;
            ++shown;
          }
          parts.push_back(renderAt(el, depth + 1, path, cycled));
          ++shown;
        }
        if (holes && shown < kMaxItems) {
          parts.push_back(fmt::format("<{} empty item{}>", holes, holes > 1 ? "s" : ""));
          ++shown;
        }
        renderProps(e, depth, path, cycled, parts, shown, true);
      } else {
        parts.push_back(fmt::format("length: {}", f[5].u));
        ++shown;
        renderProps(e, depth, path, cycled, parts, shown, false);
      }
      return prefix(f[1], "Array.prototype") + join(parts, shown, "[", "]");
    }
    case EntryKind::ArrayBuffer:
      return fmt::format(
          "{}({})", prefix(f[1], "ArrayBuffer.prototype").empty() ? "ArrayBuffer" : "ArrayBuffer",
          f[5].s.size());
    case EntryKind::Typed:
      return fmt::format("{}({})", sanitizeUtf8(f[5].s), f[8].u);
    case EntryKind::DataView:
      return fmt::format("DataView({})", f[7].u);
    case EntryKind::Date:
      return fmt::format("Date({})", isoTime(f[5].kind == Value::Float  ? f[5].f
                                             : f[5].kind == Value::UInt ? double(f[5].u)
                                                                        : double(f[5].i)));
    case EntryKind::RegExp:
      return fmt::format("/{}/{}", sanitizeUtf8(f[5].s.substr(0, kMaxString)),
                         sanitizeUtf8(f[6].s));
    case EntryKind::Map: {
      size_t n = f[5].items.size() / 2;
      for (size_t k = 0; k < n; ++k) {
        if (shown >= kMaxItems) {
          shown = n;
          break;
        }
        parts.push_back(renderAt(f[5].items[2 * k], depth + 1, path, cycled) + " => " +
                        renderAt(f[5].items[2 * k + 1], depth + 1, path, cycled));
        ++shown;
      }
      return fmt::format("Map({}) ", n) + join(parts, shown, "{", "}");
    }
    case EntryKind::Set: {
      size_t n = f[5].items.size();
      for (size_t k = 0; k < n; ++k) {
        if (shown >= kMaxItems) {
          shown = n;
          break;
        }
        parts.push_back(renderAt(f[5].items[k], depth + 1, path, cycled));
        ++shown;
      }
      return fmt::format("Set({}) ", n) + join(parts, shown, "{", "}");
    }
    case EntryKind::Boxed:
      return fmt::format("[boxed {}]", renderAt(f[5], depth + 1, path, cycled));
    case EntryKind::Bound: {
      std::string out = "<bound " + renderAt(f[5], depth + 1, path, cycled) + " to " +
                        renderAt(f[6], depth + 1, path, cycled);
      for (const Value &x : f[7].items)
        out += ", " + renderAt(x, depth + 1, path, cycled);
      return out + ">";
    }
    default:
      return "<?>";
    }
  }

  /// The properties of environment object \p env except `$parent`.
  void envLocals(const Value &env, std::string_view kind, std::vector<Local> &out) const {
    const HeapEntry *e = entry(env);
    const Value *props = e ? e->props() : nullptr;
    for (size_t k = 0; props && k + 1 < props->items.size(); k += 2) {
      const Value &key = props->items[k];
      if (key.kind == Value::Str && key.s == "$parent")
        continue;
      out.push_back({renderKey(key), std::string(kind), render(props->items[k + 1])});
    }
  }

  /// The outermost environment reachable from \p env through `$parent`
  /// (the module function's: the module state). Bounded by the heap size.
  const Value *outermostEnv(const Value *env) const {
    for (size_t steps = 0; env && entry(*env) && steps <= cp_.heap.size(); ++steps) {
      const Value *parent = prop(*env, "$parent");
      if (!parent || !entry(*parent))
        return env;
      env = parent;
    }
    return nullptr;
  }

  const Value *rootProp(std::string_view key) const { return prop(cp_.root, key); }

  std::vector<FrameView> frames(std::string &sourcePath) const {
    std::vector<FrameView> out;
    const std::vector<Value> *list = elements(*rootProp("frames"));
    if (!list)
      return out;
    std::string sourceText;
    bool sourceRead = false;
    std::vector<std::string_view> lines;
    for (size_t i = list->size(); i-- > 0;) {
      const Value &frame = (*list)[i];
      FrameView view;
      const Value *codeId = prop(frame, "code");
      view.code = static_cast<uint32_t>(codeId->u);
      view.name = codeName(*codeId);
      const Value *cs = prop(frame, "cs");
      view.cs = cs && cs->kind == Value::UInt && cs->u <= UINT32_MAX ? uint32_t(cs->u) : 0;
      const schema::Code *c = code(view.code);
      const schema::Site *site =
          c && view.cs >= 1 && view.cs <= c->sites.size() ? &c->sites[view.cs - 1] : nullptr;
      view.file = sourcePath;
      if (site) {
        view.line = site->line;
        view.col = site->col;
      } else if (c) {
        view.line = c->line;
        view.col = c->col;
      }
      if (!sourceRead && !sourcePath.empty()) {
        sourceRead = true;
        std::string error;
        if (readFile(sourcePath, 64u << 20, sourceText, error)) {
          std::string_view text = sourceText;
          size_t start = 0;
          while (start <= text.size()) {
            size_t nl = text.find('\n', start);
            lines.push_back(
                text.substr(start, nl == std::string_view::npos ? text.npos : nl - start));
            if (nl == std::string_view::npos)
              break;
            start = nl + 1;
          }
        }
      }
      if (view.line >= 1 && view.line <= lines.size()) {
        std::string_view l = lines[view.line - 1];
        if (!l.empty() && l.back() == '\r')
          l.remove_suffix(1);
        view.sourceLine = sanitizeUtf8(l.substr(0, 200));
      }
      // Parameters (kept when the function uses `arguments`), live slots.
      if (const std::vector<Value> *args =
              prop(frame, "args") ? elements(*prop(frame, "args")) : nullptr)
        for (size_t a = 0; a < args->size(); ++a)
          view.locals.push_back(
              {c && a < c->params.size() ? c->params[a] : fmt::format("arguments[{}]", a), "param",
               render((*args)[a])});
      if (const Value *slots = prop(frame, "slots"); slots && elements(*slots)) {
        const std::vector<Value> &values = *elements(*slots);
        for (size_t s = 0; s < values.size(); ++s) {
          std::string name = fmt::format("slot {}", s);
          if (site && s < site->live.size() && c && site->live[s] < c->slots.size())
            name = c->slots[site->live[s]];
          if (name.starts_with("$env")) {
            envLocals(values[s], "captured", view.locals);
            continue;
          }
          bool temporary = name.starts_with("$");
          view.locals.push_back({name, temporary ? "temporary" : "local", render(values[s])});
        }
      }
      // The closure's own environment, unless it is the module's (shown once
      // as the module state).
      const Value *env = prop(frame, "env");
      if (env && entry(*env) && outermostEnv(env) != env)
        envLocals(*env, "closure", view.locals);
      if (const Value *self = prop(frame, "thisValue"); self && self->kind != Value::Undef) {
        const HeapEntry *e = entry(*self);
        bool global = e && e->kind == EntryKind::Intrinsic && e->fields.items[1].s == "globalThis";
        if (!global)
          view.locals.push_back({"this", "this", render(*self)});
      }
      out.push_back(std::move(view));
    }
    return out;
  }

  /// The module state: the module function's environment.
  std::vector<Local> moduleState() const {
    std::vector<Local> out;
    const std::vector<Value> *list = elements(*rootProp("frames"));
    const Value *moduleEnv = nullptr;
    for (size_t i = 0; list && i < list->size() && !moduleEnv; ++i) {
      const Value *env = prop((*list)[i], "env");
      if (env && entry(*env))
        moduleEnv = outermostEnv(env);
      // Suspended in the top level itself: its environment is a live slot.
      const Value *codeId = prop((*list)[i], "code");
      if (!moduleEnv && schema_ && codeId->u == schema_->moduleCode) {
        const schema::Code *c = code(codeId->u);
        const Value *cs = prop((*list)[i], "cs");
        const Value *slots = prop((*list)[i], "slots");
        if (c && cs && cs->kind == Value::UInt && cs->u >= 1 && cs->u <= c->sites.size() && slots &&
            elements(*slots)) {
          const schema::Site &site = c->sites[cs->u - 1];
          const std::vector<Value> &values = *elements(*slots);
          for (size_t s = 0; s < values.size() && s < site.live.size(); ++s)
            if (site.live[s] < c->slots.size() && c->slots[site.live[s]].starts_with("$env"))
              moduleEnv = &values[s];
        }
      }
    }
    if (moduleEnv)
      envLocals(*moduleEnv, "module", out);
    if (const Value *module = rootProp("module"))
      if (const Value *exports = prop(*module, "exports"))
        out.push_back({"module.exports", "module", render(*exports)});
    return out;
  }

  /// The persisted values: root.persist, [[id, value]...].
  std::vector<Local> persisted() const { return idTable("persist"); }
  /// The thunks of transient values (never stored themselves): root.transients, [[id, thunk]...].
  std::vector<Local> transients() const { return idTable("transients"); }

  std::vector<Local> idTable(std::string_view key) const {
    std::vector<Local> out;
    const std::vector<Value> *list = rootProp(key) ? elements(*rootProp(key)) : nullptr;
    for (size_t i = 0; list && i < list->size(); ++i) {
      const std::vector<Value> *pair = elements((*list)[i]);
      if (pair && pair->size() == 2)
        out.push_back({(*pair)[0].kind == Value::Str ? (*pair)[0].s : render((*pair)[0]),
                       std::string(key), render((*pair)[1])});
      else
        out.push_back({fmt::format("entry {}", i), std::string(key), render((*list)[i])});
    }
    return out;
  }

  struct RequestField {
    std::string key;
    std::string text; ///< for people (a wake-up time also as a date)
    std::string json; ///< a JSON value: numbers, strings, booleans as such
  };
  /// The request's fields in order (kind, then e.g. ms and until, or action
  /// and params).
  std::vector<RequestField> request() const {
    std::vector<RequestField> out;
    const Value *req = rootProp("request");
    const HeapEntry *e = req ? entry(*req) : nullptr;
    const Value *props = e ? e->props() : nullptr;
    for (size_t k = 0; props && k + 1 < props->items.size(); k += 2) {
      const Value &key = props->items[k];
      const Value &value = props->items[k + 1];
      RequestField field{renderKey(key), render(value), ""};
      switch (value.kind) {
      case Value::Str:
        field.json = jsonString(value.s);
        if (key.kind == Value::Str && key.s == "kind")
          field.text = sanitizeUtf8(value.s);
        break;
      case Value::UInt:
      case Value::Int:
      case Value::Bool:
      case Value::Nil:
        field.json = field.text;
        break;
      case Value::Float:
        field.json = std::isfinite(value.f) ? field.text : "null";
        break;
      default:
        field.json = jsonString(field.text);
      }
      if (key.kind == Value::Str && key.s == "until" &&
          (value.kind == Value::UInt || value.kind == Value::Float))
        field.text += " (" + isoTime(value.kind == Value::UInt ? double(value.u) : value.f) + ")";
      out.push_back(std::move(field));
    }
    return out;
  }

  /// Bytes of the heap entries first reached from the frames, then from the
  /// module state, params and persisted values; the rest is "other".
  struct Sizes {
    uint64_t frames = 0, module = 0, other = 0;
  };
  Sizes sizes() const {
    std::vector<uint8_t> owner(cp_.heap.size(), 0); // 0 none, 1 frames, 2 module
    auto mark = [&](const Value *start, uint8_t who) {
      if (!start)
        return;
      std::vector<const Value *> work = {start};
      while (!work.empty()) {
        const Value *v = work.back();
        work.pop_back();
        if (v->kind == Value::Array || v->kind == Value::Map) {
          for (const Value &x : v->items)
            work.push_back(&x);
        } else if (v->kind == Value::Ref && v->u < owner.size() && !owner[v->u]) {
          owner[v->u] = who;
          work.push_back(&cp_.heap[v->u].fields);
        }
      }
    };
    mark(rootProp("frames"), 1);
    for (std::string_view key : {"module", "persist", "params"})
      mark(rootProp(key), 2);
    Sizes s;
    for (size_t i = 0; i < owner.size(); ++i)
      (owner[i] == 1 ? s.frames : owner[i] == 2 ? s.module : s.other) += cp_.heap[i].bytes;
    return s;
  }

private:
  const Checkpoint &cp_;
  const schema::FrameSchema *schema_;
};

//===----------------------------------------------------------------------===//
// Output
//===----------------------------------------------------------------------===//

std::string headerValue(const Value &v, const Renderer &r) {
  if (v.kind == Value::Str)
    return sanitizeUtf8(v.s);
  return r.render(v);
}

std::string tagDescription(const Checkpoint &cp) {
  switch (cp.tagKind) {
  case TagKind::None:
    return "no container (a bare format-1 payload without an integrity tag)";
  case TagKind::Sha256:
    return fmt::format("container v{}, SHA-256 integrity tag verified", cp.containerVersion);
  case TagKind::Hmac:
    return cp.tagVerified
               ? fmt::format("container v{}, authenticated (HMAC-SHA256), tag verified with "
                             "DISTRIBUFY_CHECKPOINT_KEY",
                             cp.containerVersion)
               : fmt::format("container v{}, authenticated (HMAC-SHA256), not verified (set "
                             "DISTRIBUFY_CHECKPOINT_KEY to verify it)",
                             cp.containerVersion);
  }
  return "";
}

struct Report {
  std::string checkpointPath;
  std::string schemaPath; ///< empty: none
  std::string sourcePath;
};

void printText(const Checkpoint &cp, const Renderer &r, const Report &rep, std::ostream &out) {
  out << "checkpoint " << rep.checkpointPath << "\n";
  out << fmt::format("  build {}, format {}, ABI {}\n", cp.build, cp.format, cp.abi);
  out << "  " << tagDescription(cp) << "\n";
  out << "  schema "
      << (rep.schemaPath.empty() ? "(none: names and locations unknown)" : rep.schemaPath) << "\n";
  for (size_t k = 0; k + 1 < cp.header.items.size(); k += 2) {
    const Value &key = cp.header.items[k];
    const Value &value = cp.header.items[k + 1];
    if (key.kind == Value::Str && key.s == "build")
      continue;
    std::string shown = headerValue(value, r);
    if (key.kind == Value::Str && key.s == "codes" && value.kind == Value::Array)
      shown = fmt::format("{} referenced code{} with their hashes", value.items.size(),
                          value.items.size() == 1 ? "" : "s");
    if (key.kind == Value::Str && key.s == "created" &&
        (value.kind == Value::UInt || value.kind == Value::Float))
      shown += " (" + isoTime(value.kind == Value::UInt ? double(value.u) : value.f) + ")";
    out << fmt::format("  {} {}\n", r.renderKey(key), shown);
  }
  const Value *phase = r.rootProp("phase");
  out << fmt::format("phase: {}\n", phase && phase->kind == Value::Str ? phase->s : "?");
  out << "request:";
  for (const Renderer::RequestField &f : r.request())
    out << (f.key == "kind" ? " " + f.text : fmt::format(", {} {}", f.key, f.text));
  out << "\n";

  std::string source = rep.sourcePath;
  std::vector<FrameView> frames = r.frames(source);
  out << fmt::format("stack ({} frame{}, innermost first):\n", frames.size(),
                     frames.size() == 1 ? "" : "s");
  for (size_t i = 0; i < frames.size(); ++i) {
    const FrameView &f = frames[i];
    out << fmt::format("  #{} {}", i, f.name);
    if (f.line)
      out << fmt::format(" at {}:{}:{}", f.file.empty() ? "<unknown>" : f.file, f.line, f.col);
    out << fmt::format(" (code {}, call site {})\n", f.code, f.cs);
    if (!f.sourceLine.empty()) {
      out << fmt::format("    {:>5} | {}\n", f.line, f.sourceLine);
      if (f.col >= 1 && f.col <= f.sourceLine.size() + 1) {
        std::string pad;
        for (size_t k = 0; k + 1 < f.col; ++k)
          pad += f.sourceLine[k] == '\t' ? '\t' : ' ';
        out << fmt::format("    {:>5} | {}^\n", "", pad);
      }
    }
    // Compiler temporaries last: they hold operands evaluated before the
    // call (`total` of `total += f()`), so they are state too.
    for (bool temporaries : {false, true})
      for (const Local &l : f.locals) {
        if ((l.kind == "temporary") != temporaries)
          continue;
        std::string tag = l.kind == "local" ? "" : " (" + l.kind + ")";
        out << fmt::format("      {}{} = {}\n", l.name, tag, l.value);
      }
  }
  std::vector<Local> module = r.moduleState();
  out << "module state:" << (module.empty() ? " (none)\n" : "\n");
  for (const Local &l : module)
    out << fmt::format("  {} = {}\n", l.name, l.value);
  std::vector<Local> persisted = r.persisted();
  out << "persisted:" << (persisted.empty() ? " (none)\n" : "\n");
  for (const Local &l : persisted)
    out << fmt::format("  {} = {}\n", quoteString(l.name), l.value);
  // only when the program uses transient(): older checkpoints have no table
  if (std::vector<Local> transients = r.transients(); !transients.empty()) {
    out << "transient (re-created by their thunks on resume):\n";
    for (const Local &l : transients)
      out << fmt::format("  {} = {}\n", quoteString(l.name), l.value);
  }
  Renderer::Sizes s = r.sizes();
  // root counts the body's array header too: the sections add up to the total.
  out << fmt::format("size: {} bytes: prefix {}, envelope {}, root {}, heap {} ({} entries: "
                     "frames {}, module state {}, other {})\n",
                     cp.totalBytes, cp.prefixBytes, cp.envelopeBytes, cp.rootBytes + 1,
                     cp.heapBytes, cp.heap.size(), s.frames, s.module, s.other);
}

std::string jsonLocals(const std::vector<Local> &locals, std::string_view nameKey) {
  std::string out = "[";
  for (size_t k = 0; k < locals.size(); ++k)
    out += fmt::format("{}{{{}: {}, \"kind\": {}, \"value\": {}}}", k ? ", " : "",
                       jsonString(nameKey), jsonString(locals[k].name), jsonString(locals[k].kind),
                       jsonString(locals[k].value));
  return out + "]";
}

std::string jsonHeaderValue(const Value &v, const Renderer &r) {
  switch (v.kind) {
  case Value::Str:
    return jsonString(v.s);
  case Value::UInt:
  case Value::Int:
  case Value::Bool:
  case Value::Nil:
    return r.render(v);
  case Value::Float:
    return std::isfinite(v.f) ? jsNumber(v.f) : "null";
  default:
    return jsonString(r.render(v));
  }
}

void printJson(const Checkpoint &cp, const Renderer &r, const Report &rep, std::ostream &out) {
  auto orNull = [](const std::string &s) {
    return s.empty() ? std::string("null") : jsonString(s);
  };
  out << "{\n";
  out << fmt::format("  \"checkpoint\": {},\n", jsonString(rep.checkpointPath));
  out << fmt::format("  \"build\": {},\n  \"format\": {},\n  \"abi\": {},\n", jsonString(cp.build),
                     cp.format, cp.abi);
  const char *tag = cp.tagKind == TagKind::None     ? "none"
                    : cp.tagKind == TagKind::Sha256 ? "sha256"
                                                    : "hmac-sha256";
  out << fmt::format("  \"container\": {{\"version\": {}, \"tag\": \"{}\", \"verified\": {}}},\n",
                     cp.containerVersion, tag, cp.tagVerified ? "true" : "false");
  out << fmt::format("  \"schema\": {},\n  \"source\": {},\n", orNull(rep.schemaPath),
                     orNull(rep.sourcePath));
  out << "  \"header\": {";
  for (size_t k = 0; k + 1 < cp.header.items.size(); k += 2) {
    const Value &key = cp.header.items[k];
    out << (k ? ", " : "") << jsonString(key.kind == Value::Str ? key.s : r.render(key)) << ": "
        << jsonHeaderValue(cp.header.items[k + 1], r);
  }
  out << "},\n";
  const Value *phase = r.rootProp("phase");
  out << fmt::format("  \"phase\": {},\n", jsonString(phase ? phase->s : ""));
  out << "  \"request\": {";
  bool first = true;
  for (const Renderer::RequestField &f : r.request()) {
    out << (first ? "" : ", ") << jsonString(f.key) << ": " << f.json;
    first = false;
  }
  out << "},\n  \"frames\": [";
  std::string source = rep.sourcePath;
  std::vector<FrameView> frames = r.frames(source);
  for (size_t i = 0; i < frames.size(); ++i) {
    const FrameView &f = frames[i];
    out << (i ? ",\n" : "\n")
        << fmt::format("    {{\"name\": {}, \"code\": {}, \"callSite\": {}, \"file\": {}, "
                       "\"line\": {}, \"col\": {}, \"sourceLine\": {}, \"locals\": {}}}",
                       jsonString(f.name), f.code, f.cs, orNull(f.file), f.line, f.col,
                       jsonString(f.sourceLine), jsonLocals(f.locals, "name"));
  }
  out << (frames.empty() ? "],\n" : "\n  ],\n");
  out << "  \"module\": " << jsonLocals(r.moduleState(), "name") << ",\n";
  out << "  \"persist\": " << jsonLocals(r.persisted(), "id") << ",\n";
  out << "  \"transients\": " << jsonLocals(r.transients(), "id") << ",\n";
  Renderer::Sizes s = r.sizes();
  out << fmt::format("  \"sizes\": {{\"total\": {}, \"prefix\": {}, \"envelope\": {}, \"root\": "
                     "{}, \"heap\": {}, \"heapEntries\": {}, \"frames\": {}, \"module\": {}, "
                     "\"other\": {}}}\n",
                     cp.totalBytes, cp.prefixBytes, cp.envelopeBytes, cp.rootBytes + 1,
                     cp.heapBytes, cp.heap.size(), s.frames, s.module, s.other);
  out << "}\n";
}

enum InspectId { InSchema, InJson, InHelp };

constexpr cl::Option kInspectOptions[] = {
    {"--schema", "PATH",
     "The frame schema of the program's build (default: found through the "
     "instance's meta.json)",
     InSchema},
    {"--json", "", "Print the report as JSON", InJson},
    {"--help", "", "Show this help and exit", InHelp},
};

int inspectError(std::string_view tool, std::string_view message, std::ostream &err) {
  return cl::reportError(err, tool, "inspect", message);
}

} // namespace

int inspectMain(std::string_view tool, std::span<const char *const> args, std::ostream &out,
                std::ostream &err) {
  std::string error;
  auto parsed = cl::parseArgs(args, kInspectOptions, error);
  if (!parsed)
    return inspectError(tool, error, err);
  std::vector<std::string> positionals;
  std::string schemaPath;
  bool json = false;
  for (const cl::Arg &arg : *parsed) {
    switch (arg.id) {
    case cl::kPositional:
      positionals.push_back(arg.value);
      break;
    case InSchema:
      if (arg.value.empty())
        return inspectError(tool, "--schema: empty path", err);
      schemaPath = arg.value;
      break;
    case InJson:
      json = true;
      break;
    case InHelp:
      out << "OVERVIEW: " << tool
          << " inspect - show the suspended stack, locals, module state and persisted values of "
             "a checkpoint\n\n"
          << "USAGE: " << tool << " inspect CHECKPOINT [--schema PATH] [--json]\n"
          << "  CHECKPOINT is a checkpoint file or an instance directory "
             "(STORE/instances/ID)\n\nOPTIONS:\n"
          << cl::formatOptions(kInspectOptions) << "\nENVIRONMENT:\n"
          << "  DISTRIBUFY_CHECKPOINT_KEY  the key that verifies authenticated (HMAC) "
             "checkpoints\n";
      return 0;
    }
  }
  if (positionals.empty())
    return inspectError(tool, "no checkpoint given (see --help)", err);
  if (positionals.size() > 1)
    return inspectError(tool, fmt::format("unexpected argument '{}'", positionals[1]), err);

  namespace fs = std::filesystem;
  Report rep;
  rep.checkpointPath = positionals[0];
  std::error_code ec;
  if (fs::is_directory(rep.checkpointPath, ec))
    rep.checkpointPath = (fs::path(rep.checkpointPath) / "checkpoint.bin").string();

  DecodeOptions options;
  if (const char *key = std::getenv("DISTRIBUFY_CHECKPOINT_KEY"); key && *key) {
    options.key = checkpointKey(key, error);
    if (!error.empty())
      return inspectError(tool, error, err);
  }
  std::string bytes;
  if (!readFile(rep.checkpointPath, options.maxBytes, bytes, error))
    return inspectError(tool, fmt::format("cannot read '{}': {}", rep.checkpointPath, error), err);
  Checkpoint cp;
  if (!decodeCheckpoint(bytes, options, cp, error) || !checkRoot(cp, error))
    return inspectError(tool, fmt::format("'{}': {}", rep.checkpointPath, error), err);

  // The schema: --schema, else the one cached next to the compiled program
  // the instance's meta.json names.
  bool explicitSchema = !schemaPath.empty();
  if (!explicitSchema) {
    fs::path meta = fs::path(rep.checkpointPath).parent_path() / "meta.json";
    std::string metaText;
    if (readFile(meta.string(), 16u << 20, metaText, error))
      if (auto compiled = jsonStringField(metaText, "compiled"))
        schemaPath = (fs::path(*compiled).parent_path() / "program.schema").string();
  }
  std::optional<schema::FrameSchema> schema;
  if (!schemaPath.empty()) {
    std::string schemaBytes;
    schema::FrameSchema loaded;
    if (!readFile(schemaPath, 256u << 20, schemaBytes, error)) {
      if (explicitSchema)
        return inspectError(tool, fmt::format("cannot read the schema '{}': {}", schemaPath, error),
                            err);
      err << fmt::format("{} inspect: warning: cannot read the schema '{}': {}; showing code ids "
                         "only\n",
                         tool, schemaPath, error);
    } else if (!readSchemaMsgpack(schemaBytes, loaded, error)) {
      if (explicitSchema)
        return inspectError(tool, fmt::format("'{}' is not a frame schema: {}", schemaPath, error),
                            err);
      err << fmt::format("{} inspect: warning: '{}' is not a frame schema ({}); showing code ids "
                         "only\n",
                         tool, schemaPath, error);
    } else if (loaded.build != cp.build) {
      err << fmt::format("{} inspect: warning: the schema '{}' is of build {}, the checkpoint of "
                         "build {}; showing code ids only\n",
                         tool, schemaPath, loaded.build, cp.build);
    } else {
      schema = std::move(loaded);
    }
  }
  if (!schema)
    schemaPath.clear();
  rep.schemaPath = schemaPath;
  if (schema)
    rep.sourcePath = schema->source;
  if (const Value *source = cp.header.get("source");
      rep.sourcePath.empty() && source && source->kind == Value::Str)
    rep.sourcePath = source->s;

  out << formatCheckpoint(cp, schema ? &*schema : nullptr, rep.checkpointPath, rep.schemaPath,
                          rep.sourcePath, json);
  return 0;
}

std::string formatCheckpoint(const Checkpoint &cp, const schema::FrameSchema *schema,
                             const std::string &checkpointPath, const std::string &schemaPath,
                             const std::string &sourcePath, bool json) {
  Report rep{checkpointPath, schemaPath, sourcePath};
  Renderer renderer(cp, schema);
  std::ostringstream out;
  if (json)
    printJson(cp, renderer, rep, out);
  else
    printText(cp, renderer, rep, out);
  return out.str();
}

} // namespace distribufy::inspect
