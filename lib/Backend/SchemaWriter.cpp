//===- SchemaWriter.cpp - Frame schema as JSON and msgpack -----------------===//
//
/// \file
/// Three serializers generated from FrameSchema.def with X-macros: the JSON
/// writer, the msgpack writer (msgpack-c's packer) and a strict msgpack
/// reader. The reader is hand-written over the raw bytes rather than going
/// through msgpack::unpack: it allocates nothing before checking that the
/// input can hold what a header claims (an array header may claim 2^32
/// elements in five bytes), never recurses deeper than the schema's own
/// nesting, and reports the path of the first problem.
//
//===----------------------------------------------------------------------===//
#include "distribufy/Backend/SchemaWriter.h"
#include "distribufy/Support/Json.h"

#include <msgpack.hpp>

#include <array>
#include <charconv>
#include <cstring>
#include <optional>

namespace distribufy {
namespace {

using namespace schema;

//===----------------------------------------------------------------------===//
// Key tables: <Name>Keys::names lists the keys of struct Name in .def order.
//===----------------------------------------------------------------------===//

#define SCHEMA_STRUCT(Name)                                                                        \
  struct Name##Keys {                                                                              \
    static constexpr std::string_view names[] = {
#define SCHEMA_FIELD(Type, member, key) key,
#define SCHEMA_END(Name)                                                                           \
  }                                                                                                \
  ;                                                                                                \
  }                                                                                                \
  ;
#include "distribufy/Backend/FrameSchema.def"

//===----------------------------------------------------------------------===//
// JSON
//===----------------------------------------------------------------------===//

struct Json {
  std::string out;
  bool pretty = false;
  unsigned depth = 0;

  void newline() {
    if (!pretty)
      return;
    out += '\n';
    out.append(std::size_t(depth) * 2, ' ');
  }
};

// Declarations first, so that the templates find every overload.
#define SCHEMA_STRUCT(Name) void writeJson(Json &j, const Name &v);
#include "distribufy/Backend/FrameSchema.def"
void writeJson(Json &j, uint32_t v);
void writeJson(Json &j, bool v);
void writeJson(Json &j, const std::string &v);
template <typename T> void writeJson(Json &j, const std::vector<T> &v);
template <typename T> void writeJson(Json &j, const std::optional<T> &v);

void writeJson(Json &j, uint32_t v) {
  char buf[16];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  j.out.append(buf, r.ptr);
}
void writeJson(Json &j, bool v) { j.out += v ? "true" : "false"; }
void writeJson(Json &j, const std::string &v) { appendJsonString(j.out, v); }

template <typename T> void writeJson(Json &j, const std::vector<T> &v) {
  if (v.empty()) {
    j.out += "[]";
    return;
  }
  j.out += '[';
  ++j.depth;
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (i)
      j.out += ',';
    j.newline();
    writeJson(j, v[i]);
  }
  --j.depth;
  j.newline();
  j.out += ']';
}

template <typename T> void writeJson(Json &j, const std::optional<T> &v) {
  if (v)
    writeJson(j, *v);
  else
    j.out += "null";
}

#define SCHEMA_STRUCT(Name)                                                                        \
  void writeJson(Json &j, const Name &v) {                                                         \
    j.out += '{';                                                                                  \
    ++j.depth;                                                                                     \
    bool first = true;
#define SCHEMA_FIELD(Type, member, key)                                                            \
  if (!first)                                                                                      \
    j.out += ',';                                                                                  \
  first = false;                                                                                   \
  j.newline();                                                                                     \
  appendJsonString(j.out, key);                                                                    \
  j.out += j.pretty ? ": " : ":";                                                                  \
  writeJson(j, v.member);
#define SCHEMA_END(Name)                                                                           \
  --j.depth;                                                                                       \
  j.newline();                                                                                     \
  j.out += '}';                                                                                    \
  }
#include "distribufy/Backend/FrameSchema.def"

//===----------------------------------------------------------------------===//
// msgpack writer
//===----------------------------------------------------------------------===//

using Packer = msgpack::packer<msgpack::sbuffer>;

#define SCHEMA_STRUCT(Name) void pack(Packer &p, const Name &v);
#include "distribufy/Backend/FrameSchema.def"
void pack(Packer &p, uint32_t v);
void pack(Packer &p, bool v);
void pack(Packer &p, const std::string &v);
template <typename T> void pack(Packer &p, const std::vector<T> &v);
template <typename T> void pack(Packer &p, const std::optional<T> &v);

void pack(Packer &p, uint32_t v) { p.pack_uint32(v); }
void pack(Packer &p, bool v) {
  if (v)
    p.pack_true();
  else
    p.pack_false();
}
void pack(Packer &p, const std::string &v) {
  p.pack_str(static_cast<uint32_t>(v.size()));
  p.pack_str_body(v.data(), static_cast<uint32_t>(v.size()));
}
template <typename T> void pack(Packer &p, const std::vector<T> &v) {
  p.pack_array(static_cast<uint32_t>(v.size()));
  for (const auto &e : v)
    pack(p, e);
}
template <typename T> void pack(Packer &p, const std::optional<T> &v) {
  if (v)
    pack(p, *v);
  else
    p.pack_nil();
}

#define SCHEMA_STRUCT(Name)                                                                        \
  void pack(Packer &p, const Name &v) {                                                            \
    p.pack_map(static_cast<uint32_t>(std::size(Name##Keys::names)));
#define SCHEMA_FIELD(Type, member, key)                                                            \
  p.pack_str(sizeof(key) - 1);                                                                     \
  p.pack_str_body(key, sizeof(key) - 1);                                                           \
  pack(p, v.member);
#define SCHEMA_END(Name) }
#include "distribufy/Backend/FrameSchema.def"

//===----------------------------------------------------------------------===//
// msgpack reader
//===----------------------------------------------------------------------===//

class Reader {
public:
  Reader(std::string_view bytes, std::string &error)
      : begin_(reinterpret_cast<const unsigned char *>(bytes.data())), p_(begin_),
        end_(begin_ + bytes.size()), error_(error) {}

  std::size_t remaining() const { return static_cast<std::size_t>(end_ - p_); }

  bool fail(std::string_view message) {
    error_ = path_;
    error_ += ": ";
    error_ += message;
    error_ += " (at byte ";
    error_ += std::to_string(p_ - begin_);
    error_ += ')';
    return false;
  }
  bool expected(std::string_view what) {
    return fail(std::string("expected ") + std::string(what) + ", got " + describeNext());
  }

  void pushKey(std::string_view key) {
    marks_.push_back(path_.size());
    path_ += '.';
    path_ += key;
  }
  void pushIndex(uint32_t i) {
    marks_.push_back(path_.size());
    path_ += '[';
    path_ += std::to_string(i);
    path_ += ']';
  }
  void pop() {
    path_.resize(marks_.back());
    marks_.pop_back();
  }

  bool consumeNil() {
    if (p_ != end_ && *p_ == 0xc0) {
      ++p_;
      return true;
    }
    return false;
  }

  bool readBool(bool &v) {
    if (p_ != end_ && (*p_ == 0xc2 || *p_ == 0xc3)) {
      v = *p_++ == 0xc3;
      return true;
    }
    return expected("boolean");
  }

  bool readUint32(uint32_t &v) {
    static constexpr std::string_view kWhat = "unsigned 32-bit integer";
    if (p_ == end_)
      return expected(kWhat);
    unsigned char c = *p_;
    if (c <= 0x7f) {
      v = c;
      ++p_;
      return true;
    }
    std::size_t width;
    bool isSigned;
    switch (c) {
    case 0xcc:
    case 0xcd:
    case 0xce:
    case 0xcf:
      width = std::size_t(1) << (c - 0xcc);
      isSigned = false;
      break;
    case 0xd0:
    case 0xd1:
    case 0xd2:
    case 0xd3:
      width = std::size_t(1) << (c - 0xd0);
      isSigned = true;
      break;
    default:
      if (c >= 0xe0)
        return fail(std::string("expected ") + std::string(kWhat) + ", got a negative integer");
      return expected(kWhat);
    }
    if (remaining() < 1 + width)
      return truncated(kWhat);
    uint64_t raw = 0;
    for (std::size_t k = 0; k < width; ++k)
      raw = (raw << 8) | p_[1 + k];
    if (isSigned && (raw >> (width * 8 - 1)) & 1)
      return fail(std::string("expected ") + std::string(kWhat) + ", got a negative integer");
    if (raw > UINT32_MAX)
      return fail(std::string("expected ") + std::string(kWhat) + ", got " + std::to_string(raw) +
                  " (too large)");
    v = static_cast<uint32_t>(raw);
    p_ += 1 + width;
    return true;
  }

  bool readString(std::string &v, std::string_view what = "string") {
    if (p_ == end_)
      return expected(what);
    unsigned char c = *p_;
    std::size_t header, length;
    if (c >= 0xa0 && c <= 0xbf) {
      header = 1;
      length = c & 0x1f;
    } else if (c >= 0xd9 && c <= 0xdb) {
      std::size_t width = std::size_t(1) << (c - 0xd9);
      if (remaining() < 1 + width)
        return truncated(what);
      length = readBigEndian(p_ + 1, width);
      header = 1 + width;
    } else {
      return expected(what);
    }
    if (remaining() - header < length)
      return truncated(what);
    v.assign(reinterpret_cast<const char *>(p_ + header), length);
    p_ += header + length;
    return true;
  }

  /// An array (\p isMap false) or map header. The count is checked against
  /// the bytes left (every element takes at least one byte, every entry two)
  /// so that a lying header cannot make the caller allocate.
  bool readContainer(bool isMap, uint32_t &count) {
    std::string_view what = isMap ? "map" : "array";
    if (p_ == end_)
      return expected(what);
    unsigned char c = *p_;
    unsigned char fixBase = isMap ? 0x80 : 0x90;
    unsigned char wide = isMap ? 0xde : 0xdc;
    std::size_t header;
    if (c >= fixBase && c <= fixBase + 0x0f) {
      header = 1;
      count = c & 0x0f;
    } else if (c == wide || c == wide + 1) {
      std::size_t width = c == wide ? 2 : 4;
      if (remaining() < 1 + width)
        return truncated(what);
      count = static_cast<uint32_t>(readBigEndian(p_ + 1, width));
      header = 1 + width;
    } else {
      return expected(what);
    }
    if ((remaining() - header) / (isMap ? 2 : 1) < count)
      return fail(std::string("truncated input: ") + std::string(what) + " claims " +
                  std::to_string(count) + (isMap ? " entries" : " elements") + " but only " +
                  std::to_string(remaining() - header) + " bytes remain");
    p_ += header;
    return true;
  }

  bool readKey(std::string &key) { return readString(key, "string map key"); }

  /// A printable, bounded rendering of an arbitrary key for messages.
  static std::string quote(std::string_view s) {
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out = "\"";
    std::size_t n = 0;
    for (char ch : s) {
      if (++n > 64) {
        out += "...";
        break;
      }
      auto c = static_cast<unsigned char>(ch);
      if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
        out += ch;
      } else {
        out += "\\x";
        out += kHex[c >> 4];
        out += kHex[c & 0xf];
      }
    }
    out += '"';
    return out;
  }

private:
  bool truncated(std::string_view what) {
    return fail(std::string("truncated input while reading ") + std::string(what));
  }

  static uint64_t readBigEndian(const unsigned char *q, std::size_t width) {
    uint64_t v = 0;
    for (std::size_t k = 0; k < width; ++k)
      v = (v << 8) | q[k];
    return v;
  }

  std::string describeNext() const {
    if (p_ == end_)
      return "end of input (truncated?)";
    unsigned char c = *p_;
    if (c <= 0x7f || (c >= 0xcc && c <= 0xd3) || c >= 0xe0)
      return "integer";
    if (c <= 0x8f || c == 0xde || c == 0xdf)
      return "map";
    if (c <= 0x9f || c == 0xdc || c == 0xdd)
      return "array";
    if (c <= 0xbf || (c >= 0xd9 && c <= 0xdb))
      return "string";
    switch (c) {
    case 0xc0:
      return "nil";
    case 0xc2:
    case 0xc3:
      return "boolean";
    case 0xc4:
    case 0xc5:
    case 0xc6:
      return "binary";
    case 0xca:
    case 0xcb:
      return "float";
    case 0xc1:
      return "the never-used byte 0xc1";
    default:
      return "extension";
    }
  }

  const unsigned char *begin_, *p_, *end_;
  std::string &error_;
  std::string path_ = "schema";
  std::vector<std::size_t> marks_;
};

#define SCHEMA_STRUCT(Name) bool read(Reader &r, Name &v);
#include "distribufy/Backend/FrameSchema.def"
bool read(Reader &r, uint32_t &v) { return r.readUint32(v); }
bool read(Reader &r, bool &v) { return r.readBool(v); }
bool read(Reader &r, std::string &v) { return r.readString(v); }
template <typename T> bool read(Reader &r, std::vector<T> &v);
template <typename T> bool read(Reader &r, std::optional<T> &v);

template <typename T> bool read(Reader &r, std::vector<T> &v) {
  uint32_t count;
  if (!r.readContainer(/*isMap=*/false, count))
    return false;
  v.clear();
  for (uint32_t i = 0; i < count; ++i) {
    r.pushIndex(i);
    v.emplace_back();
    if (!read(r, v.back()))
      return false;
    r.pop();
  }
  return true;
}

template <typename T> bool read(Reader &r, std::optional<T> &v) {
  if (r.consumeNil()) {
    v.reset();
    return true;
  }
  v.emplace();
  return read(r, *v);
}

#define SCHEMA_STRUCT(Name)                                                                        \
  bool read(Reader &r, Name &v) {                                                                  \
    using Keys = Name##Keys;                                                                       \
    uint32_t count;                                                                                \
    if (!r.readContainer(/*isMap=*/true, count))                                                   \
      return false;                                                                                \
    std::array<bool, std::size(Keys::names)> seen{};                                               \
    for (uint32_t i = 0; i < count; ++i) {                                                         \
      std::string key;                                                                             \
      if (!r.readKey(key))                                                                         \
        return false;                                                                              \
      std::size_t index = 0;                                                                       \
      bool matched = false;
#define SCHEMA_FIELD(Type, member, key_)                                                           \
  if (!matched && key == key_) {                                                                   \
    matched = true;                                                                                \
    if (seen[index])                                                                               \
      return r.fail("duplicate key \"" key_ "\"");                                                 \
    seen[index] = true;                                                                            \
    r.pushKey(key_);                                                                               \
    if (!read(r, v.member))                                                                        \
      return false;                                                                                \
    r.pop();                                                                                       \
  }                                                                                                \
  ++index;
#define SCHEMA_END(Name)                                                                           \
  if (!matched)                                                                                    \
    return r.fail("unknown key " + Reader::quote(key) + " in " #Name);                             \
  }                                                                                                \
  for (std::size_t f = 0; f < seen.size(); ++f)                                                    \
    if (!seen[f])                                                                                  \
      return r.fail("missing key \"" + std::string(Keys::names[f]) + "\" in " #Name);              \
  return true;                                                                                     \
  }
#include "distribufy/Backend/FrameSchema.def"

} // namespace

std::string writeSchemaJson(const FrameSchema &schema, bool pretty) {
  Json j;
  j.pretty = pretty;
  writeJson(j, schema);
  if (pretty)
    j.out += '\n';
  return std::move(j.out);
}

std::string writeSchemaMsgpack(const FrameSchema &schema) {
  msgpack::sbuffer buffer;
  Packer packer(buffer);
  pack(packer, schema);
  return std::string(buffer.data(), buffer.size());
}

bool readSchemaMsgpack(std::string_view bytes, FrameSchema &out, std::string &error) {
  Reader r(bytes, error);
  out = FrameSchema{};
  if (!read(r, out))
    return false;
  if (r.remaining() != 0)
    return r.fail(std::to_string(r.remaining()) + " trailing bytes after the schema");
  if (out.format != kSchemaFormat) {
    error = "schema.format: unsupported schema format " + std::to_string(out.format) +
            " (this build reads format " + std::to_string(kSchemaFormat) + ")";
    return false;
  }
  return true;
}

} // namespace distribufy
