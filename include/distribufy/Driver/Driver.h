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

#include "distribufy/Backend/FrameSchema.h"
#include "distribufy/Frontend/Frontend.h"
#include "distribufy/Pass/PassManager.h"

#include <iosfwd>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace distribufy::driver {

/// The passes `distribufyc` (and `distribufyc run`) runs, as a --passes
/// pipeline; its output is the linked module of runtime/PROTOCOL.md §1.
inline constexpr std::string_view kDefaultPipeline =
    "persist,desugar,anf,generators,modularize,closure,catch";

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
  SchemaJson, ///< the frame schema the catch pass recorded, as pretty JSON
};

struct CompileOptions {
  ParseOptions parse;
  /// Pipelines in order, each a comma-separated list of pass names; the
  /// passes of all of them run one after the other.
  std::vector<std::string> pipelines;
  PassInstrumentation instrumentation;
  EmitKind emit = EmitKind::JavaScript;
  /// `--stress`: sets ir::Module::stressCheckpoints before the passes run
  /// (the catch pass then inserts a capture point at every function entry
  /// and loop iteration).
  bool stress = false;
  /// With EmitKind::JavaScript: also produce a source map v3 (into
  /// CompileResult::sourceMap) whose "file" is \p sourceMapFile.
  bool sourceMap = false;
  std::string sourceMapFile;
};

struct CompileResult {
  bool ok = false;
  std::string output;       ///< the emitted text; empty unless ok
  std::string timingReport; ///< with instrumentation.timePasses
  std::string sourceMap;    ///< with CompileOptions::sourceMap
  /// The frame schema, if the pipeline recorded one (the catch pass).
  std::optional<schema::FrameSchema> schema;
  /// A failure that is not a diagnostic of the input (for example
  /// --emit=schema-json without a catch pass); print as `tool: error: ...`.
  std::string error;
};

/// Builds the pipeline (checking pass names and prerequisites before any
/// parsing), parses \p file, runs the passes and emits the result. Runs on
/// a thread with a large stack; instrumentation callbacks run on it too.
CompileResult compile(const SourceManager &sm, FileId file, DiagnosticEngine &diags,
                      const CompileOptions &options);

/// Prints every diagnostic (rendered with its source line), then how many
/// errors were reported but not kept, if any.
void printDiagnostics(const DiagnosticEngine &diags, std::ostream &err);

/// `dist-opt`: \p args excludes the program name; \p tool is how to call
/// the program in messages. Output goes to \p out (unless -o), dumps,
/// timings and diagnostics to \p err. Returns the exit status.
int distOptMain(std::string_view tool, std::span<const char *const> args, std::ostream &out,
                std::ostream &err);
/// `distribufyc` (also installed as `distribufy`), same conventions.
/// `distribufyc run ...` goes to distribufycRunMain.
int distribufycMain(std::string_view tool, std::span<const char *const> args, std::ostream &out,
                    std::ostream &err);

// ---- distribufyc run ----

/// The store `run` uses without --store (relative to the working directory).
inline constexpr std::string_view kDefaultStore = ".distribufy";

struct RunOptions {
  std::string program;                                     ///< PROG.js
  std::vector<std::pair<std::string, std::string>> params; ///< -p KEY VALUE, in order
  bool result = false;
  std::string store = std::string(kDefaultStore);
  bool freshProcess = false;
  bool stress = false;
  unsigned stressEvery = 1; ///< --stress-every N: capture at every Nth stress point
  std::string actions; ///< --actions DIR (empty: none)
  bool virtualTime = false;
  std::string instance; ///< --instance ID (empty: a random id)
  unsigned instances = 0; ///< --instances N (0: one instance, the classic run)
};

/// The cache directory of a compiled program: STORE/cache/<key>, where the
/// key hashes the source text, its absolute path, the compiler's version
/// and binary (size and modification time of /proc/self/exe), the runtime
/// ABI and the compile flags (--stress).
std::string runCacheDir(const RunOptions &options, std::string_view sourceText,
                        std::string_view absoluteSourcePath);

/// Compiles options.program with the default pipeline into its cache
/// directory (program.js with a sourceMappingURL comment, program.js.map,
/// program.schema as msgpack; atomic writes, program.js last so that its
/// presence means a complete entry) unless that entry exists. Returns the
/// directory, or nullopt after reporting to \p diags (or to \p error for
/// problems outside the input).
std::optional<std::string> compileToCache(const RunOptions &options, SourceManager &sm,
                                          DiagnosticEngine &diags, std::string &error);

/// Where the runtime package is: $DISTRIBUFY_RUNTIME_DIR (only there when
/// set), else <exe dir>/../share/distribufy/runtime (an installed tool),
/// else the source tree's runtime/ (a build-tree tool). Empty if none holds
/// bin/distribufy-run.js; \p tried then lists the places looked at.
std::string findRuntimeDir(std::vector<std::string> *tried = nullptr);

/// Raises the soft RLIMIT_STACK towards 1 GiB (at most the hard limit)
/// unless \p apply is false, and returns the stack size node may use, in
/// bytes (7/8 of the limit, the rest left to native frames).
uint64_t prepareStackLimit(bool apply);

/// The node command line that runs a compiled program (argv[0] is the node
/// executable: $DISTRIBUFY_NODE or `node`).
std::vector<std::string> runCommand(const RunOptions &options, const std::string &cacheDir,
                                    const std::string &runtimeDir, uint64_t stackBytes);

/// `distribufyc run PROG.js ...` (\p args excludes `run`): compiles into
/// the cache, raises the stack limit and execs node (so node's exit status
/// and signals are the tool's). Returns only on failure (or --help).
int distribufycRunMain(std::string_view tool, std::span<const char *const> args, std::ostream &out,
                       std::ostream &err);

/// `distribufyc resume ID`, `distribufyc ls`, `distribufyc rm ID` (\p args
/// excludes the subcommand): exec the runtime's runner (--resume, --ls,
/// --rm) on the store, like `run` does (Run.cpp).
int distribufycResumeMain(std::string_view tool, std::span<const char *const> args,
                          std::ostream &out, std::ostream &err);
int distribufycLsMain(std::string_view tool, std::span<const char *const> args, std::ostream &out,
                      std::ostream &err);
int distribufycRmMain(std::string_view tool, std::span<const char *const> args, std::ostream &out,
                      std::ostream &err);

// ---- distribufyc package ----

/// `distribufyc package PROG.js -o ACTION.zip [--actions DIR]` (\p args
/// excludes `package`): compiles PROG.js with the default pipeline into a
/// temporary store and runs the runtime's packager (node
/// RUNTIME/bin/distribufy-package.js), which writes an OpenWhisk Node.js
/// action zip atomically. Returns the exit status.
int distribufycPackageMain(std::string_view tool, std::span<const char *const> args,
                           std::ostream &out, std::ostream &err);

} // namespace distribufy::driver
