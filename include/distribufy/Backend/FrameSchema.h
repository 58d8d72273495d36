//===- FrameSchema.h - The frame schema of a compiled module --------------===//
//
/// \file
/// What the `catch` pass records about every function of a module (code
/// ids, call sites, live slots, environment layouts) for the runtime and
/// for `inspect`. The structs and their serialized keys are generated from
/// FrameSchema.def; the protocol is runtime/PROTOCOL.md §4.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace distribufy::schema {

/// Format of the schema itself, and of the frame protocol (runtime ABI).
inline constexpr uint32_t kSchemaFormat = 1;
inline constexpr uint32_t kRuntimeAbi = 1;

#define SCHEMA_STRUCT(Name) struct Name {
#define SCHEMA_FIELD(Type, member, key) Type member{};
#define SCHEMA_END(Name)                                                                           \
  }                                                                                                \
  ;
#include "distribufy/Backend/FrameSchema.def"

} // namespace distribufy::schema
