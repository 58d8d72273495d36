//===- Tools.cpp - The command lines of dist-opt and distribufyc ----------===//
//
// Everything the tools do besides being a `main`: option tables (which also
// generate --help), validation, and the read -> compile -> write sequence.
// Output files are written atomically, so a failed compile never leaves a
// partial or stale-looking output behind.
//
//===----------------------------------------------------------------------===//
#include "distribufy/Backend/SchemaWriter.h"
#include "distribufy/Config.h"
#include "distribufy/Driver/CommandLine.h"
#include "distribufy/Driver/Driver.h"
#include "distribufy/Inspect/Checkpoint.h"

#include <fmt/format.h>

#include <ostream>

namespace distribufy::driver {

void printDiagnostics(const DiagnosticEngine &diags, std::ostream &err) {
  for (const Diagnostic &d : diags.diagnostics())
    err << diags.render(d);
  if (diags.errorCount() > 0) {
    size_t shown = 0;
    for (const Diagnostic &d : diags.diagnostics())
      shown += d.severity == Severity::Error;
    if (diags.errorCount() > shown)
      err << fmt::format("{} more errors not shown\n", diags.errorCount() - shown);
  }
}

namespace {

/// Prints `tool: error: message` and returns the failure exit status.
int usageError(std::string_view tool, std::string_view message, std::ostream &err) {
  return cl::reportError(err, tool, "", message);
}

/// Writes \p text to \p path ("-": \p out). Returns false after reporting.
bool emitOutput(const std::string &path, std::string_view text, std::ostream &out,
                DiagnosticEngine &diags) {
  if (path == "-") {
    out << text;
    out.flush();
    return true;
  }
  return writeFileAtomically(path, text, diags);
}

// ---- dist-opt ----

enum DistOptId {
  OptPasses,
  OptPass,
  OptPrintBeforeAll,
  OptPrintAfterAll,
  OptPrintAfter,
  OptVerifyEach,
  OptTimePasses,
  OptListPasses,
  OptEmit,
  OptOutput,
  OptModule,
  OptScript,
  OptStress,
  OptHelp,
  OptVersion,
};

constexpr cl::Option kDistOptOptions[] = {
    {"--passes", "PIPELINE", "Run the comma-separated passes in order", OptPasses},
    {"--pass", "NAME", "Run one pass (repeatable; ordered with --passes as written)", OptPass},
    {"--print-before-all", "", "Print the module as JavaScript before every pass",
     OptPrintBeforeAll},
    {"--print-after-all", "", "Print the module as JavaScript after every pass", OptPrintAfterAll},
    {"--print-after", "NAME", "Print the module after pass NAME (repeatable)", OptPrintAfter},
    {"--verify-each", "", "Check each pass's post-condition after it runs", OptVerifyEach},
    {"--time-passes", "", "Report the time each pass took", OptTimePasses},
    {"--list-passes", "", "List the registered passes and exit", OptListPasses},
    {"--emit", "KIND",
     "What to output: js (default), ir (the IR with scopes) or schema-json (frame schema)",
     OptEmit},
    {"-o", "FILE", "Write the output to FILE ('-' or none: standard output)", OptOutput},
    {"--module", "", "Parse the input as an ES module", OptModule},
    {"--script", "", "Parse the input as a script", OptScript},
    {"--stress", "", "Have the catch pass add a capture point at every function entry and loop",
     OptStress},
    {"--help", "", "Show this help and exit", OptHelp},
    {"--version", "", "Show the version and exit", OptVersion},
};

} // namespace

int distOptMain(std::string_view tool, std::span<const char *const> args, std::ostream &out,
                std::ostream &err) {
  std::string error;
  auto parsed = cl::parseArgs(args, kDistOptOptions, error);
  if (!parsed)
    return usageError(tool, error, err);

  CompileOptions options;
  std::string outputPath = "-";
  std::vector<std::string> inputs;
  std::vector<std::string> printAfter;
  bool sawModule = false, sawScript = false;
  for (const cl::Arg &arg : *parsed) {
    switch (arg.id) {
    case cl::kPositional:
      inputs.push_back(arg.value);
      break;
    case OptPasses:
    case OptPass:
      options.pipelines.push_back(arg.value);
      break;
    case OptPrintBeforeAll:
      options.instrumentation.printBeforeAll = true;
      break;
    case OptPrintAfterAll:
      options.instrumentation.printAfterAll = true;
      break;
    case OptPrintAfter:
      if (!findPass(arg.value))
        return usageError(
            tool, fmt::format("--print-after: unknown pass '{}' (see --list-passes)", arg.value),
            err);
      options.instrumentation.printAfter.push_back(arg.value);
      break;
    case OptVerifyEach:
      options.instrumentation.verifyEach = true;
      break;
    case OptTimePasses:
      options.instrumentation.timePasses = true;
      break;
    case OptListPasses:
      for (const PassInfo &info : registeredPasses())
        out << fmt::format("  {:<20} {}\n", info.name, info.description);
      return 0;
    case OptEmit:
      if (arg.value == "js")
        options.emit = EmitKind::JavaScript;
      else if (arg.value == "ir")
        options.emit = EmitKind::IR;
      else if (arg.value == "schema-json")
        options.emit = EmitKind::SchemaJson;
      else
        return usageError(
            tool,
            fmt::format("--emit: unknown kind '{}' (expected js, ir or schema-json)", arg.value),
            err);
      break;
    case OptOutput:
      outputPath = arg.value;
      break;
    case OptModule:
      sawModule = true;
      options.parse.sourceType = SourceType::Module;
      break;
    case OptScript:
      sawScript = true;
      options.parse.sourceType = SourceType::Script;
      break;
    case OptStress:
      options.stress = true;
      break;
    case OptHelp:
      out << "OVERVIEW: " << tool
          << " - run Distribufy passes on a JavaScript file and print the result\n\n"
          << "USAGE: " << tool << " [options] FILE.js\n\nOPTIONS:\n"
          << cl::formatOptions(kDistOptOptions);
      return 0;
    case OptVersion:
      out << tool << " (Distribufy) " << DISTRIBUFY_VERSION << "\n";
      return 0;
    }
  }
  if (sawModule && sawScript)
    return usageError(tool, "--module and --script are mutually exclusive", err);
  if (inputs.empty())
    return usageError(tool, "no input file (see --help)", err);
  if (inputs.size() > 1)
    return usageError(
        tool, fmt::format("more than one input file ('{}' and '{}')", inputs[0], inputs[1]), err);
  if (outputPath.empty())
    return usageError(tool, "-o: empty output path", err);

  // Dumps go to the error stream, like opt's, so they never mix with output.
  options.instrumentation.print = [&err](std::string_view text) { err << text; };

  SourceManager sm;
  DiagnosticEngine diags(sm);
  bool ok = false;
  // A bad pipeline is reported whether or not the input exists.
  PassManager check;
  for (const std::string &pipeline : options.pipelines)
    if (!check.addPipeline(pipeline, diags)) {
      printDiagnostics(diags, err);
      return 1;
    }
  if (auto file = readSourceFile(sm, diags, inputs[0])) {
    CompileResult result = compile(sm, *file, diags, options);
    if (options.instrumentation.timePasses && !result.timingReport.empty())
      err << result.timingReport;
    if (!result.error.empty()) {
      printDiagnostics(diags, err);
      return usageError(tool, result.error, err);
    }
    ok = result.ok && emitOutput(outputPath, result.output, out, diags);
  }
  printDiagnostics(diags, err);
  return ok && !diags.hasErrors() ? 0 : 1;
}

// ---- distribufyc ----

namespace {

enum DistribufycId {
  CcOutput,
  CcSchema,
  CcSourceMap,
  CcFunc,
  CcTransform,
  CcStress,
  CcHelp,
  CcVersion,
};

constexpr cl::Option kDistribufycOptions[] = {
    {"-o", "DST", "Write the compiled program to DST ('-': standard output)", CcOutput},
    {"--schema", "PATH", "Also write the frame schema (msgpack) to PATH", CcSchema},
    {"--source-map", "", "Also write a source map to DST.map and reference it from DST",
     CcSourceMap},
    {"--func", "", "The program is a function: module.exports is its main", CcFunc},
    {"-t", "STRATEGY", "Instrumentation strategy; 'catch' (the only one, the default)",
     CcTransform},
    {"--stress", "", "Add a capture point at every function entry and loop iteration (testing)",
     CcStress},
    {"--help", "", "Show this help and exit", CcHelp},
    {"--version", "", "Show the version and exit", CcVersion},
};

std::string_view baseName(std::string_view path) {
  size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

std::string sourceMappingComment(std::string_view mapFileName) {
  return fmt::format("//# sourceMappingURL={}\n", mapFileName);
}

} // namespace

int distribufycMain(std::string_view tool, std::span<const char *const> args, std::ostream &out,
                    std::ostream &err) {
  if (!args.empty() && std::string_view(args[0]) == "run")
    return distribufycRunMain(tool, args.subspan(1), out, err);
  if (!args.empty() && std::string_view(args[0]) == "inspect")
    return inspect::inspectMain(tool, args.subspan(1), out, err);
  if (!args.empty() && std::string_view(args[0]) == "resume")
    return distribufycResumeMain(tool, args.subspan(1), out, err);
  if (!args.empty() && std::string_view(args[0]) == "ls")
    return distribufycLsMain(tool, args.subspan(1), out, err);
  if (!args.empty() && std::string_view(args[0]) == "rm")
    return distribufycRmMain(tool, args.subspan(1), out, err);
  if (!args.empty() && std::string_view(args[0]) == "package")
    return distribufycPackageMain(tool, args.subspan(1), out, err);

  std::string error;
  auto parsed = cl::parseArgs(args, kDistribufycOptions, error);
  if (!parsed)
    return usageError(tool, error, err);
  std::vector<std::string> positionals;
  std::string outputPath;
  std::string schemaPath;
  bool sourceMap = false;
  CompileOptions options;
  for (const cl::Arg &arg : *parsed) {
    switch (arg.id) {
    case cl::kPositional:
      positionals.push_back(arg.value);
      break;
    case CcOutput:
      if (!outputPath.empty())
        return usageError(tool, "more than one output given", err);
      outputPath = arg.value;
      if (outputPath.empty())
        return usageError(tool, "-o: empty output path", err);
      break;
    case CcSchema:
      if (arg.value.empty())
        return usageError(tool, "--schema: empty path", err);
      schemaPath = arg.value;
      break;
    case CcSourceMap:
      sourceMap = true;
      break;
    case CcFunc:
      // The original CLI's flag: every program compiles as a function-style
      // workflow (main exported through module.exports), so it changes
      // nothing here; it is accepted for compatibility.
      break;
    case CcTransform:
      if (arg.value != "catch")
        return usageError(
            tool, fmt::format("-t: unknown strategy '{}' (the only one is 'catch')", arg.value),
            err);
      break;
    case CcStress:
      options.stress = true;
      break;
    case CcHelp:
      out << "OVERVIEW: " << tool
          << " - compile a JavaScript program so its state can be checkpointed and resumed\n\n"
          << "USAGE: " << tool << " SRC -o DST [options]\n"
          << "       " << tool << " SRC DST [options]\n"
          << "       " << tool << " run PROG.js [-p KEY VALUE]... [options]\n"
          << "       " << tool << " resume ID [options]\n"
          << "       " << tool << " ls [--store DIR]\n"
          << "       " << tool << " rm ID [--store DIR]\n"
          << "       " << tool << " inspect CHECKPOINT [--schema PATH] [--json]\n"
          << "       " << tool << " package PROG.js -o ACTION.zip [--actions DIR]\n"
          << "  (each subcommand has its own --help: '" << tool << " run --help')\n\nOPTIONS:\n"
          << cl::formatOptions(kDistribufycOptions);
      return 0;
    case CcVersion:
      out << tool << " (Distribufy) " << DISTRIBUFY_VERSION << "\n";
      return 0;
    }
  }
  if (positionals.empty())
    return usageError(tool, "no input file (see --help)", err);
  if (positionals.size() == 2 && outputPath.empty())
    outputPath = positionals[1]; // the original form: SRC DST
  else if (positionals.size() > (outputPath.empty() ? 2u : 1u))
    return usageError(tool, fmt::format("unexpected argument '{}'", positionals.back()), err);
  if (outputPath.empty())
    return usageError(tool, "no output file: give -o DST (or DST after SRC)", err);
  if (sourceMap && outputPath == "-")
    return usageError(tool, "--source-map needs an output file (DST.map is written next to it)",
                      err);

  options.pipelines.emplace_back(kDefaultPipeline);
  if (sourceMap) {
    options.sourceMap = true;
    options.sourceMapFile = std::string(baseName(outputPath));
  }
  // Honest about what the output is while the instrumentation pass is missing.
  if (kDefaultPipeline.find("catch") == std::string_view::npos)
    err << fmt::format("{}: warning: this build has no catch instrumentation yet; the output is "
                       "the program normalized ({}), without checkpoint support\n",
                       tool, kDefaultPipeline);

  SourceManager sm;
  DiagnosticEngine diags(sm);
  bool ok = false;
  if (auto file = readSourceFile(sm, diags, positionals[0])) {
    CompileResult result = compile(sm, *file, diags, options);
    if (result.ok && !schemaPath.empty() && !result.schema) {
      printDiagnostics(diags, err);
      return usageError(tool,
                        fmt::format("--schema: no frame schema: the pipeline ({}) has no 'catch' "
                                    "pass",
                                    kDefaultPipeline),
                        err);
    }
    ok = result.ok;
    // The side files first, the program last: a program on disk always has
    // its schema and map next to it.
    if (ok && !schemaPath.empty())
      ok = writeFileAtomically(schemaPath, writeSchemaMsgpack(*result.schema), diags);
    if (ok && sourceMap) {
      ok = writeFileAtomically(outputPath + ".map", result.sourceMap, diags);
      if (!result.output.empty() && result.output.back() != '\n')
        result.output += '\n';
      result.output += sourceMappingComment(std::string(baseName(outputPath)) + ".map");
    }
    ok = ok && emitOutput(outputPath, result.output, out, diags);
  }
  printDiagnostics(diags, err);
  return ok && !diags.hasErrors() ? 0 : 1;
}

} // namespace distribufy::driver
