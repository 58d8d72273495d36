// Placeholder until scope analysis lands (helper in progress).
#include "distribufy/IR/ScopeAnalysis.h"
namespace distribufy::ir {
bool analyzeScopes(Module &module, DiagnosticEngine *) {
  module.setScopes(std::make_unique<ScopeTable>());
  return true;
}
} // namespace distribufy::ir
