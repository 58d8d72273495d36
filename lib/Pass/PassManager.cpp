//===- PassManager.cpp - Pipelines of passes and their instrumentation ----===//
//
// Building a pipeline checks stages statically (a pass's prerequisites must
// be established by the input or an earlier pass, and not invalidated
// since); running it applies the instrumentation (dumps, verification,
// timing) around every pass, so passes themselves never print or time.
//
//===----------------------------------------------------------------------===//
#include "distribufy/Pass/PassManager.h"

#include "distribufy/Backend/Emitter.h"

#include <fmt/format.h>

#include <algorithm>

namespace distribufy {

bool PassManager::addPass(std::unique_ptr<Pass> pass, DiagnosticEngine &diags) {
  bool ok = true;
  pass->requires_().forEach([&](Stage s) {
    if (!stages_.contains(s)) {
      diags.report(DiagId::err_pass_prerequisite, pass->name(), stageName(s));
      ok = false;
    }
  });
  if (!ok)
    return false;
  stages_.erase(pass->invalidates());
  stages_.insert(pass->establishes());
  passes_.push_back(std::move(pass));
  return true;
}

bool PassManager::addPipeline(std::string_view pipeline, DiagnosticEngine &diags) {
  constexpr std::string_view space = " \t";
  while (!pipeline.empty()) {
    size_t comma = pipeline.find(',');
    std::string_view name = pipeline.substr(0, comma);
    pipeline = comma == std::string_view::npos ? std::string_view() : pipeline.substr(comma + 1);
    size_t b = name.find_first_not_of(space);
    if (b == std::string_view::npos)
      continue; // "a,,b" and a trailing comma are harmless
    name = name.substr(b, name.find_last_not_of(space) - b + 1);
    const PassInfo *info = findPass(name);
    if (!info) {
      diags.report(DiagId::err_unknown_pass, name);
      return false;
    }
    if (!addPass(info->create(), diags))
      return false;
  }
  return true;
}

namespace {
std::string dump(std::string_view when, std::string_view pass, const ir::Module &module) {
  // A `//` banner keeps the whole dump valid JavaScript.
  return fmt::format("// *** IR Dump {} {} ***\n{}", when, pass, emitJavaScript(module));
}
} // namespace

bool PassManager::run(ir::Module &module, DiagnosticEngine &diags) {
  using Clock = std::chrono::steady_clock;
  timings_.clear();
  PassContext ctx{diags};
  module.lowerAsync =
      std::any_of(passes_.begin(), passes_.end(), [](const auto &p) { return p->lowersAsync(); });
  auto print = [&](const std::string &text) {
    if (inst_.print)
      inst_.print(text);
  };
  for (auto &pass : passes_) {
    std::string_view name = pass->name();
    if (inst_.printBeforeAll)
      print(dump("Before", name, module));
    if (inst_.beforePass)
      inst_.beforePass(*pass, module);

    unsigned errorsBefore = diags.errorCount();
    auto start = Clock::now();
    bool ok = pass->run(module, ctx);
    std::chrono::duration<double> elapsed = Clock::now() - start;
    if (inst_.timePasses)
      timings_.push_back({name, elapsed.count()});
    if (ok && diags.errorCount() != errorsBefore)
      ok = false; // reported an error but claimed success: still a failure
    if (!ok) {
      if (diags.errorCount() == errorsBefore)
        diags.report(DiagId::err_pass_failed, name, "it reported no diagnostic");
      return false;
    }

    if (inst_.afterPass)
      inst_.afterPass(*pass, module);
    if (inst_.printAfterAll ||
        std::find(inst_.printAfter.begin(), inst_.printAfter.end(), name) != inst_.printAfter.end())
      print(dump("After", name, module));
    if (inst_.verifyEach) {
      if (!pass->verify(module, ctx)) {
        if (diags.errorCount() == errorsBefore)
          diags.report(DiagId::err_verifier, name, "its post-condition does not hold");
        return false;
      }
    }
  }
  return true;
}

std::string PassManager::timingReport() const {
  double total = 0;
  for (const Timing &t : timings_)
    total += t.seconds;
  std::string out;
  constexpr std::string_view rule =
      "===-------------------------------------------------------------------------===\n";
  out += rule;
  out += "                      Pass execution timing report\n";
  out += rule;
  out += fmt::format("  Total Execution Time: {:.4f} seconds\n\n", total);
  out += "   ---Wall Time---  --- Name ---\n";
  for (const Timing &t : timings_)
    out += fmt::format("   {:.4f} ({:5.1f}%)  {}\n", t.seconds,
                       total > 0 ? 100.0 * t.seconds / total : 0.0, t.pass);
  out += fmt::format("   {:.4f} (100.0%)  Total\n", total);
  return out;
}

} // namespace distribufy
