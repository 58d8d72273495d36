// Placeholder until the tree-sitter converter lands (helper in progress).
#include "distribufy/Frontend/Frontend.h"
namespace distribufy {
std::unique_ptr<ir::Module> parseJavaScript(const SourceManager &sm, FileId file,
                                            DiagnosticEngine &diags, const ParseOptions &) {
  diags.report(DiagId::err_unsupported, file, SourceRange{0, 0}, "frontend not built yet");
  return nullptr;
}
} // namespace distribufy
