//===- Literals.h - Cooking JavaScript literal and identifier text --------===//
//
/// \file
/// Turns the source spelling of string literals, numeric literals and
/// escaped identifiers into their values (ECMAScript 12.9 / 12.7). Strings
/// are produced as WTF-8 so lone surrogates survive. Used by the CST -> IR
/// converter; kept separate so the decoding rules can be unit-tested alone.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace distribufy::frontend {

/// Appends the WTF-8 encoding of \p cp (surrogates are encoded as 3 bytes).
void appendWtf8(uint32_t cp, std::string &out);

/// Decodes the body of a string literal (without its quotes) into \p out:
/// every escape incl. `\u{...}`, line continuations and legacy octal.
/// Surrogate-pair escapes combine into one code point. Returns false if an
/// escape is malformed (the grammar normally rejects those first).
bool cookStringBody(std::string_view body, std::string &out);

/// Decodes `\uXXXX` / `\u{...}` escapes of an identifier into \p out.
/// Returns false for malformed escapes and for escapes of ASCII characters
/// that cannot appear in an identifier (there, e.g. `\u0000` or a leading
/// digit).
bool cookIdentifier(std::string_view text, std::string &out);

/// The value of a numeric literal (without a BigInt `n` suffix): decimal
/// with separators, 0x/0o/0b, legacy octal `017`, and `08`/`09`.
double numericValue(std::string_view text);

/// Offset of the first byte that makes \p text invalid UTF-8 (overlong
/// forms, surrogates and code points above U+10FFFF are invalid), or
/// std::string_view::npos if it is valid.
size_t firstInvalidUtf8(std::string_view text);

} // namespace distribufy::frontend
