//===- Pass.h - The pass interface -----------------------------------------===//
//
/// \file
/// A pass transforms a Module in place. It declares the IR stages it
/// requires, establishes and invalidates (Stages.def), and may provide a
/// verifier that checks its post-condition; `--verify-each` runs it after the
/// pass. Passes report user-facing problems through the DiagnosticEngine and
/// return false; they never print, exit or throw.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "distribufy/IR/IR.h"
#include "distribufy/Support/Diagnostics.h"

#include <bitset>
#include <memory>
#include <string_view>

namespace distribufy {

enum class Stage : uint8_t {
#define STAGE(Id, Name, Desc) Id,
#include "distribufy/Pass/Stages.def"
  NumStages
};
std::string_view stageName(Stage s);

/// A set of stages.
class StageSet {
public:
  StageSet() = default;
  StageSet(std::initializer_list<Stage> stages) {
    for (Stage s : stages)
      bits_.set(static_cast<size_t>(s));
  }
  bool contains(Stage s) const { return bits_.test(static_cast<size_t>(s)); }
  void insert(Stage s) { bits_.set(static_cast<size_t>(s)); }
  void erase(Stage s) { bits_.reset(static_cast<size_t>(s)); }
  void insert(const StageSet &o) { bits_ |= o.bits_; }
  void erase(const StageSet &o) { bits_ &= ~o.bits_; }
  template <typename F> void forEach(F &&f) const {
    for (size_t i = 0; i < static_cast<size_t>(Stage::NumStages); ++i)
      if (bits_.test(i))
        f(static_cast<Stage>(i));
  }

private:
  std::bitset<static_cast<size_t>(Stage::NumStages)> bits_;
};

/// What a pass gets besides the module.
struct PassContext {
  DiagnosticEngine &diags;
};

class Pass {
public:
  virtual ~Pass();
  /// The pass's one name: used in pipelines, banners, timers and tests.
  virtual std::string_view name() const = 0;
  virtual StageSet requires_() const { return {}; }
  virtual StageSet establishes() const { return {}; }
  /// Stages no longer true afterwards (besides those it establishes).
  virtual StageSet invalidates() const { return {}; }
  /// Whether it lowers async functions to ordinary code (then desugar gives
  /// the program its own Promise: see ir::Module::lowerAsync).
  virtual bool lowersAsync() const { return false; }
  /// Transforms \p module. Returns false after reporting an error.
  virtual bool run(ir::Module &module, PassContext &ctx) = 0;
  /// Checks the pass's post-condition; reports violations as err_verifier
  /// diagnostics and returns false. The default runs the structural IR
  /// verifier (the `verify` pass), which every pass's output must satisfy.
  virtual bool verify(const ir::Module &module, PassContext &ctx);
};

} // namespace distribufy
