//===- Interner.h - Interned identifier strings ----------------------------===//
//
/// \file
/// Atoms are interned strings: equal text means equal pointer, so comparing
/// names is a pointer compare and hashing is free.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "distribufy/Support/Arena.h"

#include <string_view>
#include <unordered_map>

namespace distribufy {

/// An interned string. Default-constructed atoms are "no name".
class Atom {
public:
  Atom() = default;
  std::string_view str() const { return data_ ? *data_ : std::string_view(); }
  bool empty() const { return !data_ || data_->empty(); }
  explicit operator bool() const { return data_ != nullptr; }
  bool operator==(const Atom &o) const { return data_ == o.data_; }
  bool operator!=(const Atom &o) const { return data_ != o.data_; }
  bool operator==(std::string_view s) const { return str() == s; }
  const void *opaque() const { return data_; }

private:
  friend class Interner;
  explicit Atom(const std::string_view *d) : data_(d) {}
  const std::string_view *data_ = nullptr;
};

struct AtomHash {
  size_t operator()(Atom a) const { return std::hash<const void *>()(a.opaque()); }
};

class Interner {
public:
  explicit Interner(Arena &arena) : arena_(arena) {}
  Atom intern(std::string_view s) {
    auto it = map_.find(s);
    if (it != map_.end())
      return Atom(it->second);
    std::string_view copy = arena_.copyString(s);
    auto *slot = arena_.make<std::string_view>(copy);
    map_.emplace(copy, slot);
    return Atom(slot);
  }

  /// True if \p s has been interned (by the source or by a pass).
  bool contains(std::string_view s) const { return map_.count(s) != 0; }

private:
  Arena &arena_;
  std::unordered_map<std::string_view, const std::string_view *> map_;
};

} // namespace distribufy
