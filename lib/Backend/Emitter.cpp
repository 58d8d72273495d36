// Placeholder until the emitter lands (helper in progress).
#include "distribufy/Backend/Emitter.h"
namespace distribufy {
std::string emitJavaScript(const ir::Module &, const EmitOptions &) { return {}; }
std::string emitNode(const ir::Node *, const EmitOptions &) { return {}; }
} // namespace distribufy
