//===- LargeStack.h - Run work on a thread with a large stack -------------===//
//
/// \file
/// The frontend, passes and emitter walk the tree recursively. Rather than
/// bounding nesting at what an 8 MB main-thread stack survives, the driver
/// runs compilation on a thread with a large reserved stack (memory is only
/// committed as it is touched), and the frontend bounds nesting well below it.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <cstddef>
#include <functional>

namespace distribufy {

inline constexpr size_t kLargeStackBytes = size_t(1) << 30; // 1 GiB reserved

/// Runs \p work on a new thread whose stack is \p stackBytes and waits for it.
/// Falls back to running on the calling thread if no thread can be created.
void runWithLargeStack(const std::function<void()> &work, size_t stackBytes = kLargeStackBytes);

} // namespace distribufy
