//===- Json.h - UTF-8 validation and JSON string literals ------*- C++ -*-===//
//
/// \file
/// What the frame schema's JSON and `distribufyc inspect` share: strings
/// from checkpoints and sources may hold any bytes; JSON output must be
/// valid UTF-8.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace distribufy {

/// Length of the valid UTF-8 sequence at s[i] (1 to 4), or 0 if it is not
/// valid (overlong forms, surrogates and code points above U+10FFFF are not).
std::size_t utf8SequenceLength(std::string_view s, std::size_t i);

/// \p s with each byte of an invalid UTF-8 sequence replaced by U+FFFD.
std::string sanitizeUtf8(std::string_view s);

/// Appends \p s to \p out as a JSON string literal (quotes included);
/// control characters are escaped, an invalid UTF-8 byte becomes \ufffd.
void appendJsonString(std::string &out, std::string_view s);

} // namespace distribufy
