//===- Arena.h - Bump-pointer allocation for IR nodes ---------------------===//
//
/// \file
/// A bump allocator owning every IR node, list and interned string of a
/// module. Nodes are trivially destructible: the arena frees memory in bulk
/// and never runs destructors.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <new>
#include <span>
#include <string_view>
#include <type_traits>
#include <vector>

namespace distribufy {

class Arena {
public:
  Arena() = default;
  Arena(const Arena &) = delete;
  Arena &operator=(const Arena &) = delete;

  void *allocate(size_t size, size_t align) {
    uintptr_t p = (reinterpret_cast<uintptr_t>(cur_) + align - 1) & ~(align - 1);
    if (p + size > reinterpret_cast<uintptr_t>(end_)) {
      grow(size + align);
      p = (reinterpret_cast<uintptr_t>(cur_) + align - 1) & ~(align - 1);
    }
    cur_ = reinterpret_cast<char *>(p + size);
    return reinterpret_cast<void *>(p);
  }

  template <typename T, typename... Args> T *make(Args &&...args) {
    static_assert(std::is_trivially_destructible_v<T>, "arena objects are never destroyed");
    return new (allocate(sizeof(T), alignof(T))) T(std::forward<Args>(args)...);
  }

  /// Copies \p items into the arena and returns a stable span over the copy.
  template <typename T> std::span<T> copy(std::span<const T> items) {
    if (items.empty())
      return {};
    T *mem = static_cast<T *>(allocate(sizeof(T) * items.size(), alignof(T)));
    std::memcpy(static_cast<void *>(mem), items.data(), sizeof(T) * items.size());
    return {mem, items.size()};
  }

  std::string_view copyString(std::string_view s) {
    if (s.empty())
      return {};
    char *mem = static_cast<char *>(allocate(s.size(), 1));
    std::memcpy(mem, s.data(), s.size());
    return {mem, s.size()};
  }

  /// Bytes reserved from the system so far (for memory statistics).
  size_t bytesReserved() const { return reserved_; }

private:
  void grow(size_t atLeast) {
    size_t size = slabSize_;
    if (atLeast > size)
      size = atLeast;
    slabs_.push_back(std::make_unique<char[]>(size));
    cur_ = slabs_.back().get();
    end_ = cur_ + size;
    reserved_ += size;
    if (slabSize_ < (size_t(16) << 20))
      slabSize_ *= 2;
  }

  std::vector<std::unique_ptr<char[]>> slabs_;
  char *cur_ = nullptr;
  char *end_ = nullptr;
  size_t slabSize_ = 64 * 1024;
  size_t reserved_ = 0;
};

} // namespace distribufy
