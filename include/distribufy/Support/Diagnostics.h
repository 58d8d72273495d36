//===- Diagnostics.h - User-facing diagnostics -----------------------------===//
//
/// \file
/// Diagnostics are the tier of errors meant for users: they carry a source
/// location and render as `file:line:col: error: message`, the source line,
/// and a caret. The library never prints on its own; a consumer decides.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "distribufy/Support/SourceManager.h"

#include <fmt/format.h>

#include <functional>
#include <string>
#include <vector>

namespace distribufy {

enum class Severity { Error, Warning, Note };

enum class DiagId {
#define DIAG(Id, Sev, Fmt) Id,
#include "distribufy/Support/Diagnostics.def"
};

struct Diagnostic {
  DiagId id;
  Severity severity;
  FileId file = UINT32_MAX; ///< UINT32_MAX: no location
  SourceRange range;
  std::string message;
};

/// The format string and severity of a diagnostic id.
std::string_view diagFormat(DiagId id);
Severity diagSeverity(DiagId id);

class DiagnosticEngine {
public:
  explicit DiagnosticEngine(const SourceManager &sm) : sm_(sm) {}

  template <typename... Args>
  void report(DiagId id, FileId file, SourceRange range, Args &&...args) {
    add({id, diagSeverity(id), file, range,
         fmt::vformat(diagFormat(id), fmt::make_format_args(args...))});
  }
  /// A diagnostic without a source location.
  template <typename... Args> void report(DiagId id, Args &&...args) {
    report(id, UINT32_MAX, SourceRange{}, std::forward<Args>(args)...);
  }

  void add(Diagnostic d);
  bool hasErrors() const { return errors_ > 0; }
  unsigned errorCount() const { return errors_; }
  const std::vector<Diagnostic> &diagnostics() const { return diags_; }

  /// Called for every diagnostic as it is reported (e.g. to print it).
  void setConsumer(std::function<void(const Diagnostic &)> c) { consumer_ = std::move(c); }
  /// Stop recording after this many errors (further ones are counted only).
  void setErrorLimit(unsigned n) { errorLimit_ = n; }

  /// `file:line:col: error: message`, the source line and a caret line.
  std::string render(const Diagnostic &d) const;
  const SourceManager &sourceManager() const { return sm_; }

private:
  const SourceManager &sm_;
  std::vector<Diagnostic> diags_;
  std::function<void(const Diagnostic &)> consumer_;
  unsigned errors_ = 0;
  unsigned errorLimit_ = 50;
};

} // namespace distribufy
