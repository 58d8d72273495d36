//===- RegExpValidator.h - Early errors of regular expression literals ----===//
//
/// \file
/// ECMAScript requires a regular expression literal whose pattern or flags do
/// not match the RegExp grammar to be rejected at parse time (an early
/// error), but tree-sitter only finds the slashes. This validator parses the
/// pattern with the ES2022 grammar: the Annex B web-compatibility grammar
/// when the `u` flag is absent, the strict unicode grammar when it is set.
///
/// Checked:
///  - flags are a subset of `dgimsuy` without duplicates;
///  - groups are balanced; `(?:`, `(?=`, `(?!`, `(?<=`, `(?<!`, `(?<name>`;
///  - quantifiers have a quantifiable target; `{n,m}` has n <= m; a braced
///    quantifier with nothing to repeat is an error in both grammars;
///    lookbehinds are never quantifiable, lookaheads only without `u`;
///  - named groups: the name must be an identifier (escapes `\uXXXX` and
///    `\u{...}` allowed), names are unique, and `\k<name>` must name an
///    existing group whenever the pattern has a named group or `u` is set;
///  - class ranges are in order (`[z-a]` is an error), with code points
///    compared as UTF-16 units without `u` (so an astral range splits into
///    surrogates as engines do), and as code points with `u`;
///  - with `u`: identity escapes only for syntax characters and `/`;
///    `\u{...}` at most 0x10FFFF; `\uHHHH\uHHHH` surrogate pairs combine;
///    back-references `\N` must not exceed the number of groups; `\0` must
///    not be followed by a digit; `\c` needs an ASCII letter; `\x`/`\u` need
///    their hex digits; lone `{`, `}` and `]` are errors; class escapes
///    (`\d`, `\p{...}`) cannot be range endpoints; `\p{...}`/`\P{...}` must
///    name a General_Category value, a Script / Script_Extensions value (as
///    `Script=`, `sc=`, `Script_Extensions=`, `scx=`), `General_Category=` /
///    `gc=` values, or one of the binary properties of ECMA-262's table.
///
/// Not checked: identifier characters of group names are checked exactly for
/// ASCII; any non-ASCII code point is accepted as ID_Start/ID_Continue (no
/// Unicode tables here). The script list follows Unicode 14; scripts added
/// later are rejected.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace distribufy {

/// Validates the regular expression literal `/pattern/flags`. \p pattern is
/// the raw source text between the slashes (UTF-8). Returns a message
/// describing the first error, or nullopt if the literal is valid.
std::optional<std::string> validateRegExp(std::string_view pattern, std::string_view flags);

} // namespace distribufy
