//===- SchemaWriter.h - Frame schema as JSON and msgpack -------------------===//
//
/// \file
/// Serializes the frame schema (FrameSchema.def) as JSON (`--emit=schema-json`,
/// the copy embedded in the linked module) and as msgpack (`--schema PATH`),
/// and reads the msgpack form back with strict validation. Every struct is a
/// map whose keys are the .def keys in .def order; an empty
/// `std::optional<Code>` is nil/null. All three are generated from the .def.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "distribufy/Backend/FrameSchema.h"

#include <string>
#include <string_view>

namespace distribufy {

/// The schema as JSON text. Compact (like `JSON.stringify(s)`) unless
/// \p pretty, which indents by two spaces (like `JSON.stringify(s, null, 2)`)
/// and ends with a newline. Strings are escaped as JSON.stringify does; valid
/// UTF-8 passes through, invalid bytes become U+FFFD, so the output is
/// always valid JSON.
std::string writeSchemaJson(const schema::FrameSchema &schema, bool pretty);

/// The schema as msgpack bytes.
std::string writeSchemaMsgpack(const schema::FrameSchema &schema);

/// Parses msgpack bytes written by writeSchemaMsgpack. Strict: every key of
/// every map must be present exactly once, no unknown keys, exact types
/// (unsigned integers that fit in 32 bits, booleans, strings, arrays, nil
/// only for empty codes), a supported `format`, no trailing bytes. On failure
/// returns false with a message naming the offending path (for example
/// `codes[2].sites[0].live: expected array, got string`); \p out is then
/// unspecified. Never crashes, whatever the bytes.
bool readSchemaMsgpack(std::string_view bytes, schema::FrameSchema &out, std::string &error);

} // namespace distribufy
