//===- PassManager.h - Pipelines of passes and their instrumentation -------===//
//
/// \file
/// Builds a pipeline from pass names (checking each pass's prerequisites
/// against what earlier passes establish) and runs it. Printing before/after
/// passes, verification and timing are instrumentation callbacks of the
/// manager, implemented once here rather than inside passes.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "distribufy/Pass/Pass.h"

#include <chrono>
#include <functional>
#include <span>
#include <string>
#include <vector>

namespace distribufy {

/// One entry of the registry generated from passes/Passes.def.
struct PassInfo {
  std::string_view name;
  std::string_view description;
  std::unique_ptr<Pass> (*create)();
};

/// All registered passes, in Passes.def order.
std::span<const PassInfo> registeredPasses();
/// The registry entry named \p name, or null.
const PassInfo *findPass(std::string_view name);

struct PassInstrumentation {
  /// Print the module before every pass / after every pass / after the
  /// named passes. Dumps go to `print` (as JavaScript with // banners).
  bool printBeforeAll = false;
  bool printAfterAll = false;
  std::vector<std::string> printAfter;
  bool verifyEach = false;
  bool timePasses = false;
  std::function<void(std::string_view text)> print;
  /// Called around every pass run (after the built-in printing above), for
  /// tools and tests that observe the pipeline.
  std::function<void(const Pass &pass, const ir::Module &module)> beforePass;
  std::function<void(const Pass &pass, const ir::Module &module)> afterPass;
};

class PassManager {
public:
  /// Stages already true of the input (the frontend establishes Scopes).
  explicit PassManager(StageSet initial = {Stage::Scopes}) : initial_(initial), stages_(initial) {}

  /// Appends a pass. Fails with err_pass_prerequisite if a stage it requires
  /// is not established by the input or an earlier pass.
  bool addPass(std::unique_ptr<Pass> pass, DiagnosticEngine &diags);
  /// Appends the passes of a comma-separated pipeline ("desugar,anf").
  bool addPipeline(std::string_view pipeline, DiagnosticEngine &diags);

  /// Runs the pipeline. Returns false at the first failing pass/verifier.
  bool run(ir::Module &module, DiagnosticEngine &diags);

  void setInstrumentation(PassInstrumentation inst) { inst_ = std::move(inst); }
  /// Per-pass wall time of the last run (for --time-passes).
  struct Timing {
    std::string_view pass;
    double seconds;
  };
  const std::vector<Timing> &timings() const { return timings_; }
  /// The --time-passes report of the last run.
  std::string timingReport() const;
  size_t size() const { return passes_.size(); }

private:
  std::vector<std::unique_ptr<Pass>> passes_;
  StageSet initial_;
  StageSet stages_;
  PassInstrumentation inst_;
  std::vector<Timing> timings_;
};

} // namespace distribufy
