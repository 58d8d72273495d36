//===- CommandLine.cpp - A small command-line flag parser ------------------===//
#include "distribufy/Driver/CommandLine.h"

#include <fmt/format.h>

#include <algorithm>
#include <ostream>

namespace distribufy::cl {

namespace {

size_t editDistance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j)
    row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diag = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

/// The visible option closest to a misspelt one, if any is close enough.
std::string_view suggest(std::string_view name, std::span<const Option> options) {
  std::string_view best;
  size_t bestDistance = 3; // more than two edits away is not a typo
  for (const Option &o : options) {
    if (o.help.empty())
      continue;
    size_t d = editDistance(name, o.name);
    if (d < bestDistance)
      best = o.name, bestDistance = d;
  }
  return best;
}

} // namespace

std::optional<std::vector<Arg>> parseArgs(std::span<const char *const> args,
                                          std::span<const Option> options, std::string &error) {
  std::vector<Arg> out;
  bool onlyPositionals = false;
  for (size_t i = 0; i < args.size(); ++i) {
    std::string_view arg = args[i];
    if (onlyPositionals || arg.size() < 2 || arg[0] != '-') {
      out.push_back({kPositional, std::string(arg)});
      continue;
    }
    if (arg == "--") {
      onlyPositionals = true;
      continue;
    }
    std::string_view name = arg;
    std::optional<std::string_view> inlineValue;
    if (size_t eq = arg.find('='); eq != std::string_view::npos && arg.starts_with("--")) {
      name = arg.substr(0, eq);
      inlineValue = arg.substr(eq + 1);
    }
    auto it = std::find_if(options.begin(), options.end(),
                           [&](const Option &o) { return o.name == name; });
    if (it == options.end()) {
      std::string_view hint = suggest(name, options);
      error = hint.empty() ? fmt::format("unknown option '{}'", name)
                           : fmt::format("unknown option '{}'; did you mean '{}'?", name, hint);
      return std::nullopt;
    }
    if (it->metavar.empty()) {
      if (inlineValue) {
        error = fmt::format("option '{}' does not take a value", name);
        return std::nullopt;
      }
      out.push_back({it->id, {}});
      continue;
    }
    if (inlineValue) {
      out.push_back({it->id, std::string(*inlineValue)});
      continue;
    }
    if (i + 1 >= args.size()) {
      error = fmt::format("option '{}' requires a value ({})", name, it->metavar);
      return std::nullopt;
    }
    out.push_back({it->id, args[++i]});
  }
  return out;
}

std::string formatOptions(std::span<const Option> options) {
  auto spelling = [](const Option &o) {
    if (o.metavar.empty())
      return std::string(o.name);
    return fmt::format("{}{}{}", o.name, o.name.starts_with("--") ? "=" : " ", o.metavar);
  };
  size_t width = 0;
  for (const Option &o : options)
    if (!o.help.empty())
      width = std::max(width, spelling(o).size());
  std::string out;
  for (const Option &o : options)
    if (!o.help.empty())
      out += fmt::format("  {:<{}}  {}\n", spelling(o), width, o.help);
  return out;
}

int reportError(std::ostream &err, std::string_view tool, std::string_view sub,
                std::string_view message) {
  if (sub.empty())
    err << fmt::format("{}: error: {}\n", tool, message);
  else
    err << fmt::format("{} {}: error: {}\n", tool, sub, message);
  return 1;
}

} // namespace distribufy::cl
