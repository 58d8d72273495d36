//===- ConformanceTest.cpp - test262-parser-tests over the whole frontend -===//
//
// The test262-parser-tests corpus has four folders; we use three:
//   pass/   valid programs: each must compile without a diagnostic and
//           round-trip (parse -> emit -> parse gives a structurally equal IR);
//   fail/   syntax errors: each must be rejected with a diagnostic;
//   early/  early (static-semantics) errors: each must be rejected too.
// Files named *.module.js are modules, the others scripts. Every pass/ file
// still failing must be listed with a reason in
// test/conformance/test262-pass-known-failures.txt, so a regression (a failure
// not listed) fails the test, and listed files that now pass are reported.
//
//===----------------------------------------------------------------------===//

#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include "distribufy/Backend/Emitter.h"
#include "distribufy/Frontend/Frontend.h"
#include "distribufy/Support/LargeStack.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

using namespace distribufy;
namespace fs = std::filesystem;

namespace {

const fs::path kCorpus = DISTRIBUFY_TEST262_DIR;

std::vector<fs::path> filesIn(const char *folder) {
  std::vector<fs::path> out;
  for (const auto &e : fs::directory_iterator(kCorpus / folder))
    if (e.path().extension() == ".js")
      out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

std::string readFile(const fs::path &p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

bool isModuleFile(const fs::path &p) {
  std::string name = p.filename().string();
  return name.size() > 10 && name.compare(name.size() - 10, 10, ".module.js") == 0;
}

struct Outcome {
  bool accepted = false;      ///< compiled without any diagnostic
  std::string firstError;     ///< when not accepted
  std::string roundTripError; ///< empty when the round trip succeeded
};

/// Compiles \p path (and, if it compiles, round-trips it) on a large stack.
Outcome compile(const fs::path &path, bool roundTrip) {
  Outcome out;
  runWithLargeStack([&] {
    SourceManager sm;
    FileId f = sm.addBuffer(path.filename().string(), readFile(path));
    DiagnosticEngine diags(sm);
    ParseOptions opts;
    opts.sourceType = isModuleFile(path) ? SourceType::Module : SourceType::Script;
    auto m = parseJavaScript(sm, f, diags, opts);
    out.accepted = m && !diags.hasErrors() && diags.diagnostics().empty();
    if (!out.accepted) {
      out.firstError = diags.diagnostics().empty() ? std::string("no module, no diagnostic")
                                                   : diags.diagnostics()[0].message;
      return;
    }
    if (!roundTrip)
      return;
    std::string emitted = emitJavaScript(*m);
    FileId f2 = sm.addBuffer(path.filename().string() + ".emitted", emitted);
    DiagnosticEngine diags2(sm);
    auto m2 = parseJavaScript(sm, f2, diags2, opts);
    if (!m2 || diags2.hasErrors()) {
      out.roundTripError =
          "emitted code does not compile: " +
          (diags2.diagnostics().empty() ? std::string("?") : diags2.diagnostics()[0].message);
      return;
    }
    if (!ir::structurallyEqual(m->program, m2->program))
      out.roundTripError = "round trip differs: " + ir::firstDifference(m->program, m2->program);
  });
  return out;
}

/// file name -> reason, from the known-failures list (`name  # reason`).
std::map<std::string, std::string> knownFailures() {
  std::map<std::string, std::string> out;
  std::ifstream in(DISTRIBUFY_KNOWN_FAILURES);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#')
      continue;
    size_t end = line.find_first_of(" \t");
    std::string name = line.substr(0, end);
    size_t hash = line.find('#');
    out[name] = hash == std::string::npos ? "" : line.substr(hash + 1);
  }
  return out;
}

double percent(size_t n, size_t total) { return total ? 100.0 * double(n) / double(total) : 0; }

bool corpusPresent() {
  if (fs::exists(kCorpus / "pass"))
    return true;
  std::cout << "test262-parser-tests not found in " << kCorpus.string()
            << "; skipping the conformance run (run scripts/setup.sh)\n";
  return false;
}

} // namespace

TEST_CASE("pass/: valid programs compile and round-trip") {
  if (!corpusPresent())
    return;
  auto files = filesIn("pass");
  auto known = knownFailures();
  size_t ok = 0;
  std::vector<std::string> unexpected, nowPassing;
  for (const auto &p : files) {
    Outcome o = compile(p, /*roundTrip=*/true);
    std::string name = p.filename().string();
    bool good = o.accepted && o.roundTripError.empty();
    if (good) {
      ++ok;
      if (known.count(name))
        nowPassing.push_back(name);
    } else if (!known.count(name)) {
      unexpected.push_back(name + ": " + (o.accepted ? o.roundTripError : o.firstError));
    }
  }
  std::cout << "pass/: " << ok << " / " << files.size() << " accepted and round-tripped ("
            << percent(ok, files.size()) << "%)\n";
  for (const auto &s : nowPassing)
    std::cout << "  listed as known failure but now passes: " << s << "\n";
  for (const auto &s : unexpected)
    std::cout << "  UNEXPECTED FAILURE " << s << "\n";
  CHECK(unexpected.empty());
  CHECK(percent(ok, files.size()) >= 99.0);
}

static void checkRejected(const char *folder, double minPercent) {
  if (!corpusPresent())
    return;
  auto files = filesIn(folder);
  size_t rejected = 0;
  std::vector<std::string> accepted;
  for (const auto &p : files) {
    if (compile(p, /*roundTrip=*/false).accepted)
      accepted.push_back(p.filename().string());
    else
      ++rejected;
  }
  std::cout << folder << "/: " << rejected << " / " << files.size() << " rejected ("
            << percent(rejected, files.size()) << "%)\n";
  if (std::getenv("DISTRIBUFY_CONFORMANCE_VERBOSE"))
    for (const auto &s : accepted)
      std::cout << "  accepted: " << folder << "/" << s << "\n";
  CHECK(percent(rejected, files.size()) >= minPercent);
}

TEST_CASE("fail/: syntax errors are rejected") { checkRejected("fail", 90.0); }

TEST_CASE("early/: early errors are rejected") { checkRejected("early", 75.0); }
