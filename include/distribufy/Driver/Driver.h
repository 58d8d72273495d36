//===- Driver.h - Compile a file from the command line --------------------===//
//
/// \file
/// The compiler driver: everything the tools do besides being a `main`.
/// Reading the input, the parse -> passes -> emit pipeline (run on a large
/// stack, so deep nesting is bounded by the frontend and not by the main
/// thread's stack), atomic output files, and the command lines of
/// `dist-opt` and `distribufyc` themselves, so the tools stay a few lines
/// and the whole command-line behaviour is testable in-process.
///
/// The library functions report problems as diagnostics and never print;
/// the *Main functions print to the streams they are given.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "distribufy/Frontend/Frontend.h"
#include "distribufy/Pass/PassManager.h"

#include <iosfwd>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace distribufy::driver {

/// The passes `distribufyc` runs, as a --passes pipeline: every
/// transformation pass that exists so far, in order (closure, catch and
/// persist-hoist join as they land).
inline constexpr std::string_view kDefaultPipeline = "desugar,anf";

/// Reads the file at \p path into \p sm. A missing, unreadable or directory
/// path is reported as err_cannot_read and yields nullopt.
std::optional<FileId> readSourceFile(SourceManager &sm, DiagnosticEngine &diags,
                                     const std::string &path);

/// Writes \p text to \p path so that the file either has the complete new
/// text or is left as it was: the text goes to a temporary file in the same
/// directory, which is renamed over \p path. Reports err_cannot_write.
bool writeFileAtomically(const std::string &path, std::string_view text, DiagnosticEngine &diags);

enum class EmitKind {
  JavaScript, ///< the module as JavaScript (emitJavaScript)
  IR,         ///< the IR tree with scope annotations (dumpIR)
};

struct CompileOptions {
  ParseOptions parse;
  /// Pipelines in order, each a comma-separated list of pass names; the
  /// passes of all of them run one after the other.
  std::vector<std::string> pipelines;
  PassInstrumentation instrumentation;
  EmitKind emit = EmitKind::JavaScript;
};

struct CompileResult {
  bool ok = false;
  std::string output;       ///< the emitted text; empty unless ok
  std::string timingReport; ///< with instrumentation.timePasses
};

/// Builds the pipeline (checking pass names and prerequisites before any
/// parsing), parses \p file, runs the passes and emits the result. Runs on
/// a thread with a large stack; instrumentation callbacks run on it too.
CompileResult compile(const SourceManager &sm, FileId file, DiagnosticEngine &diags,
                      const CompileOptions &options);

/// `dist-opt`: \p args excludes the program name; \p tool is how to call
/// the program in messages. Output goes to \p out (unless -o), dumps,
/// timings and diagnostics to \p err. Returns the exit status.
int distOptMain(std::string_view tool, std::span<const char *const> args, std::ostream &out,
                std::ostream &err);
/// `distribufyc` (also installed as `distribufy`), same conventions.
int distribufycMain(std::string_view tool, std::span<const char *const> args, std::ostream &out,
                    std::ostream &err);

} // namespace distribufy::driver
