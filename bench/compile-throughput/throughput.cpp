//===- throughput.cpp - Compile-throughput benchmark driver ----------------===//
//
// Usage: dist-bench-throughput (parse|full) FILE [REPEAT]
//   parse: a bare tree-sitter parse of FILE (the baseline)
//   full:  the frontend (parse -> IR, early errors, scope analysis) + emitter
// Prints one line: mode, bytes, best seconds over REPEAT runs, peak RSS in KB.
// Each mode runs in its own process so peak memory is attributable.
//
//===----------------------------------------------------------------------===//
#include "distribufy/Backend/Emitter.h"
#include "distribufy/Frontend/Frontend.h"
#include "distribufy/Support/LargeStack.h"

#include <tree_sitter/api.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/resource.h>

extern "C" const TSLanguage *tree_sitter_javascript(void);

using namespace distribufy;

int main(int argc, char **argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: %s (parse|full) FILE [REPEAT]\n", argv[0]);
    return 2;
  }
  std::string mode = argv[1];
  std::ifstream in(argv[2], std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "cannot read %s\n", argv[2]);
    return 2;
  }
  std::stringstream ss;
  ss << in.rdbuf();
  std::string text = ss.str();
  int repeat = argc > 3 ? std::atoi(argv[3]) : 3;
  double best = 1e9;
  size_t outputBytes = 0;
  bool ok = true;
  for (int i = 0; i < repeat && ok; ++i) {
    auto start = std::chrono::steady_clock::now();
    if (mode == "parse") {
      TSParser *parser = ts_parser_new();
      ts_parser_set_language(parser, tree_sitter_javascript());
      TSTree *tree =
          ts_parser_parse_string(parser, nullptr, text.data(), static_cast<uint32_t>(text.size()));
      ok = tree && !ts_node_has_error(ts_tree_root_node(tree));
      ts_tree_delete(tree);
      ts_parser_delete(parser);
    } else {
      runWithLargeStack([&] {
        SourceManager sm;
        FileId file = sm.addBuffer(argv[2], text);
        DiagnosticEngine diags(sm);
        auto module = parseJavaScript(sm, file, diags);
        ok = module != nullptr;
        if (ok)
          outputBytes = emitJavaScript(*module).size();
      });
    }
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (secs < best)
      best = secs;
  }
  if (!ok) {
    std::fprintf(stderr, "%s: %s failed on %s\n", argv[0], mode.c_str(), argv[2]);
    return 1;
  }
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  std::printf("%s %zu %.6f %ld %zu\n", mode.c_str(), text.size(), best, ru.ru_maxrss, outputBytes);
  return 0;
}
