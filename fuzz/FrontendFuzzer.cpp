//===- FrontendFuzzer.cpp - libFuzzer target: source -> IR -> JavaScript ---===//
//
// Parses arbitrary text as JavaScript; when it parses, emits it and parses
// the emitted text again. The frontend must never crash whatever the input
// (syntax errors are diagnostics), and the emitter must print every tree the
// frontend produces as JavaScript that parses again without errors
// (Emitter.h's contract): a failure there aborts, so libFuzzer reports it
// with the input.
//
// Runs on a large stack, like the driver does, so deep nesting is bounded
// by the frontend's own limit (ParseOptions::maxNesting) and not by the
// fuzzer thread's stack.
//
//===----------------------------------------------------------------------===//
#include "distribufy/Backend/Emitter.h"
#include "distribufy/Frontend/Frontend.h"
#include "distribufy/Support/Diagnostics.h"
#include "distribufy/Support/LargeStack.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

using namespace distribufy;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  std::string text(reinterpret_cast<const char *>(data), size);
  runWithLargeStack(
      [&] {
        SourceManager sm;
        DiagnosticEngine diags(sm);
        FileId file = sm.addBuffer("fuzz.js", text);
        ParseOptions options;
        options.maxNesting = 2000;
        std::unique_ptr<ir::Module> module = parseJavaScript(sm, file, diags, options);
        if (!module)
          return;
        std::string emitted = emitJavaScript(*module);
        SourceManager sm2;
        DiagnosticEngine diags2(sm2);
        FileId again = sm2.addBuffer("emitted.js", emitted);
        ParseOptions reparse;
        reparse.sourceType =
            module->program && module->program->isModule ? SourceType::Module : options.sourceType;
        reparse.maxNesting = 100000; // the emitter may add parentheses
        if (!parseJavaScript(sm2, again, diags2, reparse)) {
          std::fprintf(stderr, "emitted JavaScript does not parse:\n%s\n", emitted.c_str());
          for (const Diagnostic &d : diags2.diagnostics())
            std::fprintf(stderr, "%s", diags2.render(d).c_str());
          std::abort();
        }
      },
      size_t(256) << 20);
  return 0;
}
