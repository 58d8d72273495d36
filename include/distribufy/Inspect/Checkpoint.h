//===- Checkpoint.h - Reading checkpoints outside the runtime --------------===//
//
/// \file
/// A strict, bounded decoder of checkpoint bytes (the container of
/// runtime/src/serializer.js and its msgpack heap format), and the
/// `distribufyc inspect` command built on it. The decoder never trusts a
/// length, an index or a nesting level it reads: a damaged or hostile
/// checkpoint yields an error message, never a crash, an unbounded
/// allocation or deep recursion (fuzz/ runs it under libFuzzer).
//
//===----------------------------------------------------------------------===//
#pragma once

#include "distribufy/Backend/FrameSchema.h"

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace distribufy::inspect {

/// One msgpack value of the checkpoint, with the serializer's ext types
/// decoded. Maps keep their entries in order (keys in items[2k], values in
/// items[2k+1]).
struct Value {
  enum Kind : uint8_t {
    Nil,
    Bool,
    Int,   ///< a negative integer (i)
    UInt,  ///< a non-negative integer (u)
    Float, ///< f
    Str,   ///< s (UTF-8, unchecked)
    Bin,   ///< s (raw bytes)
    Ref,   ///< u: a heap index (checked in range)
    Undef,
    Hole,
    NegZero,
    BigInt,  ///< s: sign and hex digits ("-1f")
    SymReg,  ///< s: the key of Symbol.for
    SymWk,   ///< s: the name of a well-known symbol ("iterator")
    SymHost, ///< s: the host's name of a symbol
    SymPriv, ///< s: a private name's key, "ID:description" (ID numbers it in its checkpoint)
    Array,
    Map,
  };
  Kind kind = Nil;
  bool b = false;
  int64_t i = 0;
  uint64_t u = 0;
  double f = 0;
  std::string s;
  std::vector<Value> items;

  bool isString() const { return kind == Str; }
  bool isArray() const { return kind == Array; }
  bool isRef() const { return kind == Ref; }
  /// The value of map key \p key, or null.
  const Value *get(std::string_view key) const;
};

/// Heap entry kinds (serializer.js).
enum class EntryKind : uint8_t {
  Intrinsic = 0,
  Host,
  Object,
  Array,
  Function,
  ProtoOf,
  MemberOf,
  ArrayBuffer,
  Typed,
  DataView,
  Date,
  RegExp,
  Map,
  Set,
  Error,
  Boxed,
  Bound, ///< a bound function: [.., target, this, args]
};

struct HeapEntry {
  EntryKind kind = EntryKind::Object;
  Value fields;       ///< the whole entry array [kind, ...]
  uint32_t bytes = 0; ///< its encoded size
  /// For kinds with properties: the own properties in order (key, value);
  /// accessors have their [get, set] pair as the value.
  const Value *props() const;
};

/// How the bytes were protected.
enum class TagKind : uint8_t {
  None = 0,   ///< a bare payload (written before the container existed)
  Sha256 = 1, ///< integrity: SHA-256 of the payload
  Hmac = 2,   ///< authenticated: HMAC-SHA256 of the payload
};

struct Checkpoint {
  uint64_t totalBytes = 0;
  uint32_t containerVersion = 0; ///< 0: no container (bare payload)
  TagKind tagKind = TagKind::None;
  std::string tagHex;
  /// For TagKind::Hmac: whether a key was given and the tag matched. (A
  /// mismatch is an error, so false means "not checked".)
  bool tagVerified = false;
  uint64_t prefixBytes = 0, envelopeBytes = 0, rootBytes = 0, heapBytes = 0;
  uint32_t format = 0, abi = 0;
  std::string build;
  Value header; ///< a map
  Value root;
  std::vector<HeapEntry> heap;
};

struct DecodeOptions {
  /// The HMAC key for TagKind::Hmac checkpoints (unset: not verified).
  std::optional<std::string> key;
  /// Larger inputs are refused before decoding.
  uint64_t maxBytes = uint64_t(256) << 20; // the runtime's DEFAULT_LIMITS.maxBytes
};

/// The key bytes DISTRIBUFY_CHECKPOINT_KEY=\p text stands for, as the
/// runtime reads it (runtime/src/integrity.js): its UTF-8 bytes, or raw
/// bytes written "hex:..." or "base64:...". nullopt for an empty text, or
/// with \p error set for a malformed hex:/base64: form.
std::optional<std::string> checkpointKey(std::string_view text, std::string &error);

/// Decodes \p bytes. The tag (if any) is checked over the whole payload
/// before any of it is decoded; then the envelope, the body and every heap
/// entry are validated like the runtime's decoder does (kinds, shapes,
/// references in range). On failure returns false with a one-line message.
bool decodeCheckpoint(std::string_view bytes, const DecodeOptions &options, Checkpoint &out,
                      std::string &error);

/// The root's checks on top of decodeCheckpoint: the root is an object with
/// `phase`, `frames` (an array of frame objects with a numeric `code`) and
/// `request`. Returns false with a message otherwise.
bool checkRoot(const Checkpoint &cp, std::string &error);

/// The report `inspect` prints for a decoded checkpoint that passed
/// checkRoot: as text, or as JSON with \p json. \p schema (may be null)
/// must be of the checkpoint's build; \p sourcePath names the program's
/// source (its lines are shown when it can be read; empty: none).
std::string formatCheckpoint(const Checkpoint &cp, const schema::FrameSchema *schema,
                             const std::string &checkpointPath, const std::string &schemaPath,
                             const std::string &sourcePath, bool json);

/// `distribufyc inspect CHECKPOINT [--schema PATH] [--json]` (\p args
/// excludes `inspect`). Returns the exit status.
int inspectMain(std::string_view tool, std::span<const char *const> args, std::ostream &out,
                std::ostream &err);

} // namespace distribufy::inspect
