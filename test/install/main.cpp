//===- main.cpp - Uses an installed Distribufy -----------------------------===//
//
// Parses a JavaScript string, emits it again and prints it: the smallest use
// of the public API, compiled outside the source tree.
//
//===----------------------------------------------------------------------===//
#include <distribufy/Backend/Emitter.h>
#include <distribufy/Config.h>
#include <distribufy/Frontend/Frontend.h>

#include <cstdio>

int main() {
  distribufy::SourceManager sm;
  distribufy::FileId file = sm.addBuffer("consumer.js", "let answer = 6 * 7;\n");
  distribufy::DiagnosticEngine diags(sm);
  auto module = distribufy::parseJavaScript(sm, file, diags);
  if (!module) {
    for (const auto &d : diags.diagnostics())
      std::fputs(diags.render(d).c_str(), stderr);
    return 1;
  }
  std::printf("Distribufy %s\n%s", DISTRIBUFY_VERSION, distribufy::emitJavaScript(*module).c_str());
  return 0;
}
