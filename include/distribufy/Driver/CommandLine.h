//===- CommandLine.h - A small command-line flag parser --------------------===//
//
/// \file
/// Just enough option parsing for the tools: a table of options, one pass
/// over argv that keeps command-line order (so repeated `--pass` flags and
/// `--passes` lists interleave as written), precise errors for unknown
/// options and missing values, and --help text generated from the table.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <iosfwd>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace distribufy::cl {

struct Option {
  /// Spelling with dashes: "--passes", "-o".
  std::string_view name;
  /// Placeholder of the value ("PIPELINE"); empty for a flag without value.
  std::string_view metavar;
  /// One line for --help; an empty help hides the option from --help.
  std::string_view help;
  /// What the caller switches on.
  int id;
};

/// The id of a positional argument.
inline constexpr int kPositional = -1;

struct Arg {
  int id;            ///< an Option::id, or kPositional
  std::string value; ///< the option's value, or the positional argument
};

/// Parses \p args (without the program name) against \p options. A value is
/// given as `--name=value` or `--name value` (`-o value` for short options).
/// `--` ends the options; `-` alone is positional. Returns the arguments in
/// command-line order, or nullopt with a one-line \p error.
std::optional<std::vector<Arg>> parseArgs(std::span<const char *const> args,
                                          std::span<const Option> options, std::string &error);

/// The OPTIONS section of --help: the visible options, one per line, with
/// their help text aligned.
std::string formatOptions(std::span<const Option> options);

/// Prints the one-line error of a command to \p err, `TOOL SUB: error:
/// MESSAGE` (`TOOL: error: MESSAGE` when \p sub is empty), and returns the
/// exit status of a usage or run failure, 1. Every subcommand reports this way.
int reportError(std::ostream &err, std::string_view tool, std::string_view sub,
                std::string_view message);

} // namespace distribufy::cl
