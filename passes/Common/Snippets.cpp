//===- Snippets.cpp - Importing the compiler's own JavaScript text --------===//
#include "passes/Common/Snippets.h"

#include "distribufy/Frontend/Frontend.h"

#include <fmt/format.h>

namespace distribufy {

std::optional<std::vector<ir::Node *>> importSnippet(ir::Module &into, std::string_view source,
                                                     DiagnosticEngine &diags, std::string_view pass,
                                                     std::string_view what) {
  SourceManager sm;
  FileId file = sm.addBuffer(fmt::format("<{} {}>", pass, what), std::string(source));
  DiagnosticEngine scratchDiags(sm);
  ParseOptions opts;
  opts.sourceType = SourceType::Script;
  std::unique_ptr<ir::Module> scratch = parseJavaScript(sm, file, scratchDiags, opts);
  if (!scratch || scratchDiags.hasErrors() || !scratch->program) {
    diags.report(DiagId::err_pass_failed, pass, fmt::format("{} did not parse", what));
    return std::nullopt;
  }
  ir::CloneOptions options;
  options.keepRanges = false; // they point into the scratch buffer
  std::vector<ir::Node *> out;
  out.reserve(scratch->program->body.size());
  for (const ir::Node *statement : scratch->program->body)
    out.push_back(ir::cloneTree(statement, into, options));
  return out;
}

} // namespace distribufy
