//===- CheckpointReader.cpp - Strict decoder of checkpoint bytes ----------===//
//
// The container prefix ("DSCK", version 2, tag kind, 32-byte tag) is checked
// first and the tag verified over the whole payload, so a damaged file is
// reported as such before msgpack sees a byte of it. The payload is then
// unpacked with msgpack-c one top-level value at a time (the envelope, the
// root, each heap entry: their byte offsets give the size by section), with
// unpack_limit bounding every container by the bytes left and the nesting
// depth by what the format can hold, so neither a lying length nor a deep
// nest can exhaust memory or the stack. Validation mirrors DecState.validate
// in runtime/src/serializer.js: a checkpoint this accepts is one the runtime
// would accept structurally.
//
//===----------------------------------------------------------------------===//
#include "distribufy/Inspect/Checkpoint.h"
#include "distribufy/Support/Sha256.h"

#include <fmt/format.h>
#include <msgpack.hpp>

#include <cmath>
#include <cstring>

namespace distribufy::inspect {

const Value *Value::get(std::string_view key) const {
  if (kind != Map)
    return nullptr;
  for (size_t k = 0; k + 1 < items.size(); k += 2)
    if (items[k].kind == Str && items[k].s == key)
      return &items[k + 1];
  return nullptr;
}

const Value *HeapEntry::props() const {
  switch (kind) {
  case EntryKind::Intrinsic:
  case EntryKind::Host:
  case EntryKind::MemberOf:
    return nullptr;
  default:
    return &fields.items[3];
  }
}

namespace {

constexpr char kMagic[] = "DSCK";
constexpr size_t kPrefixBytes = 38;
constexpr uint32_t kFormatVersion = 2;
constexpr uint32_t kAbi = 1;
/// Deepest msgpack nesting a valid checkpoint has: entry > props > accessor
/// pair (values are inline only as scalars); the header map and the body
/// [root, heap] add little. 32 leaves room and bounds the recursion below.
constexpr size_t kMaxDepth = 32;
/// Entries per kind, exactly (KIND_LEN in serializer.js).
constexpr size_t kKindLength[] = {2, 2, 5, 7, 8, 6, 5, 7, 9, 8, 6, 7, 6, 6, 5, 6, 8};
constexpr uint32_t kMaxHeap = 1u << 26;

enum ExtType : int8_t {
  XRef = 0,
  XUndef,
  XHole,
  XNegZero,
  XBigInt,
  XSymReg,
  XSymWk,
  XSymHost,
  XStr16,   ///< a string with a lone surrogate, as UTF-16LE code units
  XSymPriv, ///< a private name's key (runtime/src/private-names.js): "ID:description"
};

struct Failure {
  std::string message;
};

[[noreturn]] void fail(std::string message) { throw Failure{std::move(message)}; }

/// Converts a msgpack-c object into a Value (copying), checking ext types.
/// Recursion is bounded by kMaxDepth through unpack_limit.
void convert(const msgpack::object &o, Value &v, std::string_view where) {
  switch (o.type) {
  case msgpack::type::NIL:
    v.kind = Value::Nil;
    return;
  case msgpack::type::BOOLEAN:
    v.kind = Value::Bool;
    v.b = o.via.boolean;
    return;
  case msgpack::type::POSITIVE_INTEGER:
    v.kind = Value::UInt;
    v.u = o.via.u64;
    return;
  case msgpack::type::NEGATIVE_INTEGER:
    v.kind = Value::Int;
    v.i = o.via.i64;
    return;
  case msgpack::type::FLOAT32:
  case msgpack::type::FLOAT64:
    v.kind = Value::Float;
    v.f = o.via.f64;
    return;
  case msgpack::type::STR:
    v.kind = Value::Str;
    v.s.assign(o.via.str.ptr, o.via.str.size);
    return;
  case msgpack::type::BIN:
    v.kind = Value::Bin;
    v.s.assign(o.via.bin.ptr, o.via.bin.size);
    return;
  case msgpack::type::ARRAY:
    v.kind = Value::Array;
    v.items.resize(o.via.array.size);
    for (uint32_t k = 0; k < o.via.array.size; ++k)
      convert(o.via.array.ptr[k], v.items[k], where);
    return;
  case msgpack::type::MAP:
    v.kind = Value::Map;
    v.items.resize(size_t(o.via.map.size) * 2);
    for (uint32_t k = 0; k < o.via.map.size; ++k) {
      convert(o.via.map.ptr[k].key, v.items[2 * k], where);
      convert(o.via.map.ptr[k].val, v.items[2 * k + 1], where);
    }
    return;
  case msgpack::type::EXT: {
    const char *data = o.via.ext.data();
    uint32_t size = o.via.ext.size;
    switch (o.via.ext.type()) {
    case XRef: {
      if (size != 1 && size != 2 && size != 4)
        fail(fmt::format("bad reference in {}", where));
      uint64_t index = 0;
      for (uint32_t k = 0; k < size; ++k)
        index = (index << 8) | static_cast<uint8_t>(data[k]);
      v.kind = Value::Ref;
      v.u = index;
      return;
    }
    case XUndef:
    case XHole:
    case XNegZero:
      if (size != 0)
        fail(fmt::format("bad ext value in {}", where));
      v.kind = o.via.ext.type() == XUndef  ? Value::Undef
               : o.via.ext.type() == XHole ? Value::Hole
                                           : Value::NegZero;
      return;
    case XBigInt: {
      // "-1f": an optional sign and at least one hex digit.
      std::string_view text(data, size);
      std::string_view digits = !text.empty() && text[0] == '-' ? text.substr(1) : text;
      if (digits.empty())
        fail(fmt::format("bad BigInt in {}", where));
      for (char c : digits)
        if (!std::isxdigit(static_cast<unsigned char>(c)))
          fail(fmt::format("bad BigInt in {}", where));
      v.kind = Value::BigInt;
      v.s.assign(text);
      return;
    }
    case XSymReg:
    case XSymWk:
    case XSymHost:
      v.kind = o.via.ext.type() == XSymReg  ? Value::SymReg
               : o.via.ext.type() == XSymWk ? Value::SymWk
                                            : Value::SymHost;
      v.s.assign(data, size);
      return;
    case XSymPriv: {
      std::string_view text(data, size);
      size_t colon = text.find(':');
      if (colon == 0 || colon == std::string_view::npos ||
          text.substr(0, colon).find_first_not_of("0123456789") != std::string_view::npos)
        fail(fmt::format("bad private name in {}", where));
      v.kind = Value::SymPriv;
      v.s.assign(text);
      return;
    }
    case XStr16: {
      // Shown as UTF-8; a lone surrogate becomes U+FFFD.
      if (size % 2 != 0)
        fail(fmt::format("bad UTF-16 string in {}", where));
      auto unit = [&](uint32_t k) {
        return uint32_t(static_cast<uint8_t>(data[2 * k])) |
               uint32_t(static_cast<uint8_t>(data[2 * k + 1])) << 8;
      };
      v.kind = Value::Str;
      for (uint32_t k = 0; k < size / 2; ++k) {
        uint32_t cp = unit(k);
        if (cp >= 0xd800 && cp <= 0xdbff && k + 1 < size / 2 && unit(k + 1) >= 0xdc00 &&
            unit(k + 1) <= 0xdfff)
          cp = 0x10000 + ((cp - 0xd800) << 10) + (unit(++k) - 0xdc00);
        else if (cp >= 0xd800 && cp <= 0xdfff)
          cp = 0xfffd;
        if (cp < 0x80) {
          v.s += char(cp);
        } else if (cp < 0x800) {
          v.s += char(0xc0 | (cp >> 6));
          v.s += char(0x80 | (cp & 0x3f));
        } else if (cp < 0x10000) {
          v.s += char(0xe0 | (cp >> 12));
          v.s += char(0x80 | ((cp >> 6) & 0x3f));
          v.s += char(0x80 | (cp & 0x3f));
        } else {
          v.s += char(0xf0 | (cp >> 18));
          v.s += char(0x80 | ((cp >> 12) & 0x3f));
          v.s += char(0x80 | ((cp >> 6) & 0x3f));
          v.s += char(0x80 | (cp & 0x3f));
        }
      }
      return;
    }
    default:
      fail(fmt::format("unknown ext type {} in {}", int(o.via.ext.type()), where));
    }
  }
  }
  fail(fmt::format("unexpected msgpack value in {}", where));
}

/// Unpacks the value at \p off (advancing it) into \p v.
void unpackOne(std::string_view payload, size_t &off, Value &v, std::string_view where) {
  if (off >= payload.size())
    fail(fmt::format("truncated: {} is missing", where));
  size_t left = payload.size() - off;
  // Every element or entry takes at least one byte: no container can claim
  // more than the bytes left, which caps msgpack-c's allocation up front.
  msgpack::unpack_limit limit(left, left, left, left, left, kMaxDepth);
  try {
    msgpack::object_handle handle =
        msgpack::unpack(payload.data(), payload.size(), off, nullptr, nullptr, limit);
    convert(handle.get(), v, where);
  } catch (const Failure &) {
    throw;
  } catch (const msgpack::insufficient_bytes &) {
    fail(fmt::format("truncated in {}", where));
  } catch (const msgpack::depth_size_overflow &) {
    fail(fmt::format("nesting too deep in {}", where));
  } catch (const msgpack::size_overflow &) {
    fail(fmt::format("a length in {} exceeds the input", where));
  } catch (const std::bad_alloc &) {
    fail(fmt::format("{} is too large", where));
  } catch (const std::exception &e) {
    fail(fmt::format("malformed msgpack in {} ({})", where, e.what()));
  }
}

bool isUint(const Value &v, uint64_t max) { return v.kind == Value::UInt && v.u <= max; }

/// Heap validation, the same checks as DecState.validate in serializer.js.
class Validator {
public:
  explicit Validator(const std::vector<HeapEntry> &heap) : heap_(heap) {}

  void checkVal(const Value &x, const std::string &where) const {
    switch (x.kind) {
    case Value::Nil:
    case Value::Bool:
    case Value::Int:
    case Value::UInt:
    case Value::Float:
    case Value::Str:
    case Value::Undef:
    case Value::NegZero:
    case Value::BigInt:
    case Value::SymReg:
    case Value::SymWk:
    case Value::SymHost:
    case Value::SymPriv:
      return;
    case Value::Ref:
      if (x.u >= heap_.size())
        fail(fmt::format("reference {} out of range in {}", x.u, where));
      return;
    case Value::Hole:
      fail(fmt::format("an array hole outside an array in {}", where));
    default:
      fail(fmt::format("unexpected structure in {}", where));
    }
  }
  void checkRefOrNull(const Value &x, const std::string &where) const {
    if (x.kind == Value::Nil)
      return;
    if (x.kind != Value::Ref)
      fail(fmt::format("expected a reference in {}", where));
    if (x.u >= heap_.size())
      fail(fmt::format("reference {} out of range in {}", x.u, where));
  }
  void checkKey(const Value &k, const std::string &where) const {
    if (k.kind != Value::Str && k.kind != Value::SymReg && k.kind != Value::SymWk &&
        k.kind != Value::SymHost && k.kind != Value::SymPriv)
      fail(fmt::format("bad property key in {}", where));
  }
  int kindAt(const Value &ref) const {
    return ref.kind == Value::Ref && ref.u < heap_.size() ? int(heap_[ref.u].kind) : -1;
  }

  void validate() const {
    for (size_t i = 0; i < heap_.size(); ++i)
      validateEntry(i);
  }

private:
  void validateEntry(size_t i) const {
    const HeapEntry &entry = heap_[i];
    const std::vector<Value> &e = entry.fields.items;
    std::string w = fmt::format("heap entry {}", i);
    auto kind = static_cast<size_t>(entry.kind);
    if (e.size() != kKindLength[kind])
      fail(fmt::format("{} has a wrong shape", w));
    switch (entry.kind) {
    case EntryKind::Intrinsic:
    case EntryKind::Host:
      if (e[1].kind != Value::Str)
        fail(fmt::format("{} has a bad name", w));
      return;
    case EntryKind::MemberOf:
      checkRefOrNull(e[1], w);
      if (kindAt(e[1]) != int(EntryKind::Function))
        fail(fmt::format("{}: member of a non-class", w));
      if (e[2].kind != Value::Bool)
        fail(fmt::format("{} bad static flag", w));
      checkKey(e[3], w);
      if (e[4].kind != Value::Str || (e[4].s != "method" && e[4].s != "get" && e[4].s != "set"))
        fail(fmt::format("{} bad member kind", w));
      return;
    default:
      break;
    }
    checkRefOrNull(e[1], w);
    if (!isUint(e[2], 3))
      fail(fmt::format("{} bad integrity", w));
    const Value &props = e[3];
    if (props.kind != Value::Array || props.items.size() % 2 != 0)
      fail(fmt::format("{} bad properties", w));
    size_t np = props.items.size() / 2;
    std::vector<bool> accessor(np, false);
    const Value &attrs = e[4];
    if (attrs.kind != Value::Nil) {
      if (attrs.kind != Value::Array || attrs.items.size() % 2 != 0)
        fail(fmt::format("{} bad attributes", w));
      for (size_t k = 0; k < attrs.items.size(); k += 2) {
        if (np == 0 || !isUint(attrs.items[k], np - 1) || !isUint(attrs.items[k + 1], 15))
          fail(fmt::format("{} bad attributes", w));
        if (attrs.items[k + 1].u & 8)
          accessor[attrs.items[k].u] = true;
      }
    }
    for (size_t k = 0; k < np; ++k) {
      checkKey(props.items[2 * k], w);
      const Value &v = props.items[2 * k + 1];
      if (accessor[k]) {
        if (v.kind != Value::Array || v.items.size() != 2)
          fail(fmt::format("{} bad accessor", w));
        checkVal(v.items[0], w);
        checkVal(v.items[1], w);
      } else {
        checkVal(v, w);
      }
    }
    switch (entry.kind) {
    case EntryKind::Object:
    case EntryKind::Error:
      break;
    case EntryKind::Array:
      if (!isUint(e[5], 4294967295u))
        fail(fmt::format("{} bad array length", w));
      if (e[6].kind != Value::Nil) {
        if (e[6].kind != Value::Array || e[6].items.size() != e[5].u)
          fail(fmt::format("{} bad array elements", w));
        for (const Value &el : e[6].items)
          if (el.kind != Value::Hole)
            checkVal(el, w);
      }
      break;
    case EntryKind::Function:
      if (e[5].kind != Value::UInt && e[5].kind != Value::Int && e[5].kind != Value::Float &&
          e[5].kind != Value::Str)
        fail(fmt::format("{} bad code id", w));
      checkVal(e[6], w);
      checkRefOrNull(e[7], w);
      break;
    case EntryKind::ProtoOf:
      checkRefOrNull(e[5], w);
      if (kindAt(e[5]) != int(EntryKind::Function))
        fail(fmt::format("{}: prototype of a non-function", w));
      break;
    case EntryKind::ArrayBuffer:
      if (e[5].kind != Value::Bin)
        fail(fmt::format("{} bad bytes", w));
      if (e[6].kind != Value::Nil && !isUint(e[6], uint64_t(1) << 32))
        fail(fmt::format("{} bad max length", w));
      break;
    case EntryKind::Typed:
      if (e[5].kind != Value::Str || !isTypedName(e[5].s))
        fail(fmt::format("{} bad typed array type", w));
      checkRefOrNull(e[6], w);
      if (kindAt(e[6]) != int(EntryKind::ArrayBuffer))
        fail(fmt::format("{} view of a non-buffer", w));
      if (!isUint(e[7], uint64_t(1) << 32) || !isUint(e[8], uint64_t(1) << 32))
        fail(fmt::format("{} bad view range", w));
      break;
    case EntryKind::DataView:
      checkRefOrNull(e[5], w);
      if (kindAt(e[5]) != int(EntryKind::ArrayBuffer))
        fail(fmt::format("{} view of a non-buffer", w));
      if (!isUint(e[6], uint64_t(1) << 32) || !isUint(e[7], uint64_t(1) << 32))
        fail(fmt::format("{} bad view range", w));
      break;
    case EntryKind::Date:
      if (e[5].kind != Value::Float && e[5].kind != Value::UInt && e[5].kind != Value::Int)
        fail(fmt::format("{} bad date", w));
      break;
    case EntryKind::RegExp:
      if (e[5].kind != Value::Str || e[6].kind != Value::Str ||
          e[6].s.find_first_not_of("dgimsuvy") != std::string::npos)
        fail(fmt::format("{} bad regexp", w));
      break;
    case EntryKind::Map:
    case EntryKind::Set: {
      const Value &c = e[5];
      if (c.kind != Value::Array || (entry.kind == EntryKind::Map && c.items.size() % 2 != 0))
        fail(fmt::format("{} bad collection", w));
      for (const Value &x : c.items)
        checkVal(x, w);
      break;
    }
    case EntryKind::Bound:
      checkRefOrNull(e[5], w);
      if (e[5].kind == Value::Nil)
        fail(fmt::format("{} bound to nothing", w));
      checkVal(e[6], w);
      if (e[7].kind != Value::Array)
        fail(fmt::format("{} bad bound arguments", w));
      for (const Value &x : e[7].items)
        checkVal(x, w);
      break;
    case EntryKind::Boxed:
      checkVal(e[5], w);
      if (e[5].kind == Value::Ref || e[5].kind == Value::Nil || e[5].kind == Value::Undef)
        fail(fmt::format("{} bad boxed primitive", w));
      break;
    default:
      break;
    }
  }

  static bool isTypedName(std::string_view name) {
    static constexpr std::string_view kNames[] = {
        "Int8Array",    "Uint8Array",    "Uint8ClampedArray", "Int16Array",
        "Uint16Array",  "Int32Array",    "Uint32Array",       "Float32Array",
        "Float64Array", "BigInt64Array", "BigUint64Array",    "Float16Array"};
    for (std::string_view n : kNames)
      if (n == name)
        return true;
    return false;
  }

  const std::vector<HeapEntry> &heap_;
};

void checkContainer(std::string_view bytes, const DecodeOptions &options, Checkpoint &out,
                    std::string_view &payload) {
  if (bytes.size() >= 4 && std::memcmp(bytes.data(), kMagic, 4) == 0) {
    if (bytes.size() < kPrefixBytes)
      fail(fmt::format("truncated: {} bytes, shorter than the {}-byte checkpoint prefix",
                       bytes.size(), kPrefixBytes));
    auto version = static_cast<uint8_t>(bytes[4]);
    if (version != 2)
      fail(fmt::format("unsupported checkpoint container version {} (this tool reads version 2)",
                       int(version)));
    auto tagKind = static_cast<uint8_t>(bytes[5]);
    if (tagKind != 1 && tagKind != 2)
      fail(fmt::format("unknown tag kind {} (expected 1, SHA-256, or 2, HMAC-SHA256)",
                       int(tagKind)));
    Sha256::Digest tag{};
    std::memcpy(tag.data(), bytes.data() + 6, tag.size());
    payload = bytes.substr(kPrefixBytes);
    out.containerVersion = version;
    out.prefixBytes = kPrefixBytes;
    out.tagHex = toHex(tag);
    if (tagKind == 1) {
      out.tagKind = TagKind::Sha256;
      if (!digestsEqual(Sha256::hash(payload), tag))
        fail("integrity check failed: the SHA-256 of the payload does not match its tag (the "
             "checkpoint is damaged or truncated)");
      out.tagVerified = true;
    } else {
      out.tagKind = TagKind::Hmac;
      if (options.key) {
        if (!digestsEqual(hmacSha256(*options.key, payload), tag))
          fail("authentication failed: the HMAC-SHA256 tag does not verify with the given key "
               "(a different key, or the checkpoint was altered)");
        out.tagVerified = true;
      }
    }
    return;
  }
  // A bare payload: fixarray(5) then the string "DSCK" (a checkpoint written
  // before the container existed). Anything else is not a checkpoint.
  if (bytes.size() >= 6 && static_cast<uint8_t>(bytes[0]) == 0x95 &&
      static_cast<uint8_t>(bytes[1]) == 0xa4 && std::memcmp(bytes.data() + 2, kMagic, 4) == 0) {
    payload = bytes;
    return;
  }
  if (bytes.empty())
    fail("not a checkpoint: the file is empty");
  fail("not a checkpoint (bad magic: expected \"DSCK\")");
}

} // namespace

std::optional<std::string> checkpointKey(std::string_view text, std::string &error) {
  if (text.empty())
    return std::nullopt;
  auto digit = [](char c) -> int {
    if (c >= '0' && c <= '9')
      return c - '0';
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
  };
  if (text.starts_with("hex:")) {
    std::string_view hex = text.substr(4);
    std::string out;
    bool ok = !hex.empty() && hex.size() % 2 == 0;
    for (size_t k = 0; ok && k < hex.size(); k += 2) {
      int hi = digit(hex[k]), lo = digit(hex[k + 1]);
      ok = hi >= 0 && lo >= 0;
      out += static_cast<char>(hi * 16 + lo);
    }
    if (!ok) {
      error = "DISTRIBUFY_CHECKPOINT_KEY: \"hex:\" needs an even, non-zero number of hex digits";
      return std::nullopt;
    }
    return out;
  }
  if (text.starts_with("base64:")) {
    // Like Buffer.from(s, 'base64'): standard or URL-safe alphabet, padding
    // optional, other characters skipped.
    std::string out;
    uint32_t acc = 0;
    int bits = 0;
    for (char c : text.substr(7)) {
      int v = c >= 'A' && c <= 'Z'   ? c - 'A'
              : c >= 'a' && c <= 'z' ? c - 'a' + 26
              : c >= '0' && c <= '9' ? c - '0' + 52
              : c == '+' || c == '-' ? 62
              : c == '/' || c == '_' ? 63
                                     : -1;
      if (c == '=')
        break;
      if (v < 0)
        continue;
      acc = (acc << 6) | static_cast<uint32_t>(v);
      bits += 6;
      if (bits >= 8) {
        bits -= 8;
        out += static_cast<char>((acc >> bits) & 0xff);
      }
    }
    if (out.empty()) {
      error = "DISTRIBUFY_CHECKPOINT_KEY: \"base64:\" gives no bytes";
      return std::nullopt;
    }
    return out;
  }
  return std::string(text);
}

bool decodeCheckpoint(std::string_view bytes, const DecodeOptions &options, Checkpoint &out,
                      std::string &error) {
  out = Checkpoint{};
  out.totalBytes = bytes.size();
  try {
    if (bytes.size() > options.maxBytes)
      fail(fmt::format("too large: {} bytes (the limit is {})", bytes.size(), options.maxBytes));
    std::string_view payload;
    checkContainer(bytes, options, out, payload);

    size_t off = 0;
    Value envelope;
    unpackOne(payload, off, envelope, "the envelope");
    out.envelopeBytes = off;
    const std::vector<Value> &env = envelope.items;
    if (envelope.kind != Value::Array || env.size() != 5 || env[0].kind != Value::Str ||
        env[0].s != kMagic)
      fail("not a checkpoint (bad envelope magic)");
    // Format 1: the payload of a checkpoint written before the container
    // existed; 2: inside the container, the header may carry a code table.
    if (!isUint(env[1], UINT32_MAX) || env[1].u < 1 || env[1].u > kFormatVersion)
      fail(fmt::format("unsupported checkpoint format {} (this tool reads formats 1 to {})",
                       env[1].kind == Value::UInt ? std::to_string(env[1].u) : "?",
                       kFormatVersion));
    if (!isUint(env[2], UINT32_MAX) || env[2].u != kAbi)
      fail(fmt::format("checkpoint of runtime ABI {} (this tool reads ABI {})",
                       env[2].kind == Value::UInt ? std::to_string(env[2].u) : "?", kAbi));
    if (env[3].kind != Value::Str || env[3].s.empty())
      fail("corrupted checkpoint: bad build id");
    const Value *headerBuild = env[4].get("build");
    if (env[4].kind != Value::Map || !headerBuild || headerBuild->kind != Value::Str ||
        headerBuild->s != env[3].s)
      fail("corrupted checkpoint: bad header");
    out.format = static_cast<uint32_t>(env[1].u);
    out.abi = static_cast<uint32_t>(env[2].u);
    out.build = env[3].s;
    out.header = env[4];

    // The body: [root, heap]. Its two headers are read by hand so that each
    // heap entry can be unpacked alone (bounded, and sized).
    auto byteAt = [&](size_t at) {
      if (at >= payload.size())
        fail("truncated: the body is missing");
      return static_cast<uint8_t>(payload[at]);
    };
    if (byteAt(off) != 0x92)
      fail("corrupted checkpoint: bad body");
    ++off;
    size_t rootStart = off;
    unpackOne(payload, off, out.root, "the root");
    out.rootBytes = off - rootStart;
    size_t heapStart = off;
    uint8_t c = byteAt(off);
    uint64_t count;
    if (c >= 0x90 && c <= 0x9f) {
      count = c & 0x0f;
      off += 1;
    } else if (c == 0xdc || c == 0xdd) {
      size_t width = c == 0xdc ? 2 : 4;
      if (payload.size() - off < 1 + width)
        fail("truncated: the heap header is cut");
      count = 0;
      for (size_t k = 0; k < width; ++k)
        count = (count << 8) | static_cast<uint8_t>(payload[off + 1 + k]);
      off += 1 + width;
    } else {
      fail("corrupted checkpoint: bad body (the heap is not an array)");
    }
    if (count > kMaxHeap)
      fail("corrupted checkpoint: heap too large");
    if (count > payload.size() - off)
      fail(fmt::format("truncated: the heap claims {} entries but only {} bytes remain", count,
                       payload.size() - off));
    out.heap.resize(count);
    for (uint64_t i = 0; i < count; ++i) {
      size_t start = off;
      HeapEntry &entry = out.heap[i];
      std::string where = fmt::format("heap entry {}", i);
      unpackOne(payload, off, entry.fields, where);
      entry.bytes = static_cast<uint32_t>(off - start);
      const std::vector<Value> &e = entry.fields.items;
      if (entry.fields.kind != Value::Array || e.empty())
        fail(fmt::format("corrupted checkpoint: {} is not an entry", where));
      if (!isUint(e[0], uint64_t(EntryKind::Bound)))
        fail(fmt::format("corrupted checkpoint: {} has an unknown kind", where));
      entry.kind = static_cast<EntryKind>(e[0].u);
    }
    if (off != payload.size())
      fail("corrupted checkpoint: trailing data after the body");
    out.heapBytes = off - heapStart;

    Validator validator(out.heap);
    try {
      validator.checkVal(out.root, "root");
      validator.validate();
    } catch (Failure &f) {
      if (f.message.rfind("corrupted", 0) != 0)
        f.message = "corrupted checkpoint: " + f.message;
      throw;
    }
  } catch (const Failure &f) {
    error = f.message;
    return false;
  }
  return true;
}

bool checkRoot(const Checkpoint &cp, std::string &error) {
  auto object = [&](const Value &v) -> const HeapEntry * {
    if (v.kind != Value::Ref || v.u >= cp.heap.size())
      return nullptr;
    const HeapEntry &e = cp.heap[v.u];
    return e.kind == EntryKind::Object ? &e : nullptr;
  };
  auto prop = [](const HeapEntry &e, std::string_view key) -> const Value * {
    const Value *props = e.props();
    for (size_t k = 0; props && k + 1 < props->items.size(); k += 2)
      if (props->items[k].kind == Value::Str && props->items[k].s == key)
        return &props->items[k + 1];
    return nullptr;
  };
  const HeapEntry *root = object(cp.root);
  if (!root) {
    error = "corrupted checkpoint: the root is not an object";
    return false;
  }
  const Value *phase = prop(*root, "phase");
  if (!phase || phase->kind != Value::Str ||
      (phase->s != "module" && phase->s != "main" && phase->s != "drain")) {
    error = "corrupted checkpoint: the root has no valid phase";
    return false;
  }
  const Value *frames = prop(*root, "frames");
  if (!frames || frames->kind != Value::Ref || cp.heap[frames->u].kind != EntryKind::Array ||
      cp.heap[frames->u].fields.items[6].kind != Value::Array) {
    error = "corrupted checkpoint: the root has no frames array";
    return false;
  }
  for (const Value &f : cp.heap[frames->u].fields.items[6].items) {
    const HeapEntry *frame = object(f);
    const Value *code = frame ? prop(*frame, "code") : nullptr;
    if (!code || code->kind != Value::UInt || code->u > UINT32_MAX) {
      error = "corrupted checkpoint: a frame is not a frame record";
      return false;
    }
  }
  const Value *request = prop(*root, "request");
  if (!request || !object(*request)) {
    error = "corrupted checkpoint: the root has no request";
    return false;
  }
  return true;
}

} // namespace distribufy::inspect
