//===- Diagnostics.cpp ----------------------------------------------------===//
#include "distribufy/Support/Diagnostics.h"

namespace distribufy {

namespace {
struct DiagInfo {
  Severity severity;
  std::string_view format;
};
constexpr DiagInfo kDiagInfo[] = {
#define DIAG(Id, Sev, Fmt) {Severity::Sev, Fmt},
#include "distribufy/Support/Diagnostics.def"
};
} // namespace

std::string_view diagFormat(DiagId id) { return kDiagInfo[static_cast<size_t>(id)].format; }
Severity diagSeverity(DiagId id) { return kDiagInfo[static_cast<size_t>(id)].severity; }

void DiagnosticEngine::add(Diagnostic d) {
  if (d.severity == Severity::Error) {
    ++errors_;
    if (errors_ > errorLimit_)
      return;
  }
  if (consumer_)
    consumer_(d);
  diags_.push_back(std::move(d));
}

// Very long lines (minified code) are shown as a window around the caret.
static constexpr size_t kMaxShownLine = 160;

std::string DiagnosticEngine::render(const Diagnostic &d) const {
  std::string_view sev = d.severity == Severity::Error     ? "error"
                         : d.severity == Severity::Warning ? "warning"
                                                           : "note";
  if (d.file == UINT32_MAX || !d.range.valid())
    return fmt::format("{}{}: {}\n",
                       d.file == UINT32_MAX ? std::string() : fmt::format("{}: ", sm_.name(d.file)),
                       sev, d.message);
  LineColumn lc = sm_.lineColumn(d.file, d.range.begin);
  std::string out =
      fmt::format("{}:{}:{}: {}: {}\n", sm_.name(d.file), lc.line, lc.column, sev, d.message);
  std::string_view line = sm_.lineText(d.file, lc.line);
  size_t caret = lc.column - 1;
  if (caret > line.size())
    caret = line.size();
  size_t from = 0;
  if (line.size() > kMaxShownLine) {
    from = caret > kMaxShownLine / 2 ? caret - kMaxShownLine / 2 : 0;
    line = line.substr(from, kMaxShownLine);
  }
  // The caret line repeats tabs so it lines up; other bytes become spaces,
  // counting UTF-8 continuation bytes as part of their character.
  std::string pad;
  for (size_t i = from; i < caret && i - from < line.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(line[i - from]);
    if ((c & 0xC0) == 0x80)
      continue;
    pad.push_back(c == '\t' ? '\t' : ' ');
  }
  size_t width = 1;
  if (d.range.end > d.range.begin) {
    LineColumn endLc = sm_.lineColumn(d.file, d.range.end);
    if (endLc.line == lc.line && endLc.column > lc.column)
      width = std::min<size_t>(endLc.column - lc.column, 80);
  }
  out += line;
  out += '\n';
  out += pad;
  out += '^';
  if (width > 1)
    out.append(width - 1, '~');
  out += '\n';
  return out;
}

} // namespace distribufy
