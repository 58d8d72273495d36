//===- Run.cpp - distribufyc run: compile into a cache, then exec node ----===//
//
// `distribufyc run PROG.js` compiles PROG.js with the default pipeline into
// STORE/cache/<key>/ (skipped when the entry exists), then replaces itself
// with `node RUNTIME/bin/distribufy-run.js --compiled ...`, which runs the
// workflow loop. Exec'ing (rather than spawning) passes node's exit status
// and signals through unchanged. Before the exec the soft stack limit is
// raised (the main thread's stack grows up to it) and node is told with
// --stack-size that it may use most of it: instrumented frames are several
// times larger than plain ones, and a restore rebuilds the whole stack.
//
//===----------------------------------------------------------------------===//
#include "distribufy/Backend/SchemaWriter.h"
#include "distribufy/Config.h"
#include "distribufy/Driver/CommandLine.h"
#include "distribufy/Driver/Driver.h"
#include "distribufy/Support/Sha256.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <ostream>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

namespace distribufy::driver {

namespace {

/// Identifies the running compiler binary beyond its version number, so a
/// rebuilt compiler never reuses programs compiled by the previous build.
std::string compilerIdentity() {
  struct stat st;
  if (::stat("/proc/self/exe", &st) != 0)
    return "";
  return fmt::format("{}:{}:{}.{}", st.st_ino, st.st_size, st.st_mtim.tv_sec, st.st_mtim.tv_nsec);
}

bool isRegularFile(const std::string &path) {
  struct stat st;
  return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

std::string selfDir() {
  std::error_code ec;
  auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  return ec ? std::string() : exe.parent_path().string();
}

/// A POSIX shell word for \p s (for --dry-run output).
std::string shellQuote(std::string_view s) {
  bool plain = !s.empty();
  for (char c : s)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || std::strchr("-_./=:,+%@", c)))
      plain = false;
  if (plain)
    return std::string(s);
  std::string out = "'";
  for (char c : s) {
    if (c == '\'')
      out += "'\\''";
    else
      out += c;
  }
  out += '\'';
  return out;
}

enum RunId {
  RunParam,
  RunResult,
  RunStore,
  RunFreshProcess,
  RunStress,
  RunStressEvery,
  RunActions,
  RunVirtualTime,
  RunInstance,
  RunInstances,
  RunHelp,
  RunDryRun,
};

constexpr cl::Option kRunOptions[] = {
    {"-p", "KEY VALUE", "Parameter KEY of main (VALUE as JSON if it parses, else a string)",
     RunParam},
    {"--result", "", "Print the final result as JSON on the last line", RunResult},
    {"--store", "DIR", "Where checkpoints and compiled programs live (default: ./.distribufy)",
     RunStore},
    {"--fresh-process", "", "Resume from every checkpoint in a new node process", RunFreshProcess},
    {"--stress", "", "Capture and resume at every function entry and loop iteration (testing)",
     RunStress},
    {"--stress-every", "N",
     "Like --stress, but capture at every Nth of those points only (long programs)",
     RunStressEvery},
    {"--actions", "DIR", "Where invoke() finds its actions", RunActions},
    {"--virtual-time", "", "sleep() advances a virtual clock instead of waiting", RunVirtualTime},
    {"--instance", "ID", "The instance's id in the store (default: random; see 'ls', 'resume')",
     RunInstance},
    {"--instances", "N", "Run N instances at once in one process ('ID RESULT' lines with --result)",
     RunInstances},
    {"--help", "", "Show this help and exit", RunHelp},
    // Compile, then print the node command instead of running it (tests).
    {"--dry-run", "", "", RunDryRun},
};

int runError(std::string_view tool, std::string_view message, std::ostream &err) {
  return cl::reportError(err, tool, "run", message);
}

/// Replaces this process with \p command (the runner under node), or with
/// --dry-run prints it and returns 0. When exec fails, returns what
/// \p report makes of the error message.
template <typename Report>
int execOrPrint(std::vector<std::string> &command, bool dryRun, std::ostream &out,
                std::ostream &err, Report report) {
  if (dryRun) {
    for (size_t i = 0; i < command.size(); ++i)
      out << (i ? " " : "") << shellQuote(command[i]);
    out << "\n";
    return 0;
  }
  out.flush();
  err.flush();
  std::vector<char *> argv;
  for (std::string &s : command)
    argv.push_back(s.data());
  argv.push_back(nullptr);
  ::execvp(argv[0], argv.data());
  int e = errno;
  return report(
      fmt::format("cannot run node ('{}'): {} (set DISTRIBUFY_NODE to the node executable)",
                  command[0], std::strerror(e)));
}

} // namespace

std::string runCacheDir(const RunOptions &options, std::string_view sourceText,
                        std::string_view absoluteSourcePath) {
  Sha256 hash;
  // Length-prefixed fields: no two different inputs hash the same text.
  auto field = [&](std::string_view value) {
    hash.update(std::to_string(value.size()));
    hash.update(":");
    hash.update(value);
  };
  field("distribufyc run cache 1");
  field(DISTRIBUFY_VERSION);
  field(compilerIdentity());
  field(std::to_string(schema::kRuntimeAbi));
  field(kDefaultPipeline);
  field(options.stress ? "stress" : "");
  field(absoluteSourcePath);
  field(sourceText);
  return options.store + "/cache/" + hash.hexDigest().substr(0, 32);
}

std::optional<std::string> compileToCache(const RunOptions &options, SourceManager &sm,
                                          DiagnosticEngine &diags, std::string &error) {
  // The absolute path names the source everywhere (diagnostics, schema,
  // source map): node resolves the map's "sources" relative to the map,
  // which lives in the cache, not next to the program.
  std::error_code ec;
  std::filesystem::path absolute = std::filesystem::absolute(options.program, ec);
  std::string sourcePath = ec ? options.program : absolute.lexically_normal().string();
  std::optional<FileId> file = readSourceFile(sm, diags, sourcePath);
  if (!file)
    return std::nullopt;
  std::string dir = runCacheDir(options, sm.text(*file), sourcePath);
  std::string programPath = dir + "/program.js";
  if (isRegularFile(programPath))
    return dir; // a complete entry: program.js is written last

  CompileOptions compileOptions;
  compileOptions.pipelines.emplace_back(kDefaultPipeline);
  compileOptions.stress = options.stress;
  compileOptions.sourceMap = true;
  compileOptions.sourceMapFile = "program.js";
  CompileResult result = compile(sm, *file, diags, compileOptions);
  if (!result.ok) {
    error = result.error;
    return std::nullopt;
  }
  std::filesystem::create_directories(dir, ec);
  if (ec) {
    error = fmt::format("cannot create the cache directory '{}': {}", dir, ec.message());
    return std::nullopt;
  }
  if (!writeFileAtomically(dir + "/program.js.map", result.sourceMap, diags))
    return std::nullopt;
  if (result.schema &&
      !writeFileAtomically(dir + "/program.schema", writeSchemaMsgpack(*result.schema), diags))
    return std::nullopt;
  if (!result.output.empty() && result.output.back() != '\n')
    result.output += '\n';
  result.output += "//# sourceMappingURL=program.js.map\n";
  if (!writeFileAtomically(programPath, result.output, diags))
    return std::nullopt;
  return dir;
}

std::string findRuntimeDir(std::vector<std::string> *tried) {
  auto has = [&](const std::string &dir) {
    if (tried)
      tried->push_back(dir);
    return isRegularFile(dir + "/bin/distribufy-run.js");
  };
  if (const char *env = std::getenv("DISTRIBUFY_RUNTIME_DIR"); env && *env)
    return has(env) ? std::string(env) : std::string(); // explicit: nothing else
  if (std::string self = selfDir(); !self.empty()) {
    std::string installed = self + "/" DISTRIBUFY_RUNTIME_FROM_BINDIR;
    if (has(installed))
      return std::filesystem::path(installed).lexically_normal().string();
  }
  if (has(DISTRIBUFY_SOURCE_RUNTIME_DIR))
    return DISTRIBUFY_SOURCE_RUNTIME_DIR;
  return "";
}

uint64_t prepareStackLimit(bool apply) {
  constexpr rlim_t kWanted = rlim_t(1) << 30; // 1 GiB
  uint64_t limit = 8 << 20;
  struct rlimit rl;
  if (::getrlimit(RLIMIT_STACK, &rl) == 0) {
    rlim_t target = kWanted;
    if (rl.rlim_max != RLIM_INFINITY && rl.rlim_max < target)
      target = rl.rlim_max;
    if (rl.rlim_cur != RLIM_INFINITY && rl.rlim_cur >= target) {
      limit = rl.rlim_cur > kWanted ? kWanted : rl.rlim_cur;
    } else if (rl.rlim_cur == RLIM_INFINITY) {
      limit = target;
    } else {
      limit = rl.rlim_cur;
      struct rlimit raised = rl;
      raised.rlim_cur = target;
      if (!apply || ::setrlimit(RLIMIT_STACK, &raised) == 0)
        limit = target;
    }
  }
  return limit / 8 * 7;
}

std::vector<std::string> runCommand(const RunOptions &options, const std::string &cacheDir,
                                    const std::string &runtimeDir, uint64_t stackBytes) {
  const char *node = std::getenv("DISTRIBUFY_NODE");
  std::vector<std::string> argv = {node && *node ? node : "node",
                                   "--enable-source-maps",
                                   fmt::format("--stack-size={}", stackBytes / 1024),
                                   runtimeDir + "/bin/distribufy-run.js",
                                   "--compiled",
                                   cacheDir + "/program.js",
                                   "--source",
                                   options.program,
                                   "--store",
                                   options.store};
  for (const auto &[key, value] : options.params) {
    argv.push_back("-p");
    argv.push_back(key);
    argv.push_back(value);
  }
  if (options.result)
    argv.push_back("--result");
  if (options.freshProcess)
    argv.push_back("--fresh-process");
  if (options.stress)
    argv.push_back("--stress");
  if (options.stress && options.stressEvery > 1) {
    argv.push_back("--stress-every");
    argv.push_back(std::to_string(options.stressEvery));
  }
  if (!options.actions.empty()) {
    argv.push_back("--actions");
    argv.push_back(options.actions);
  }
  if (options.virtualTime)
    argv.push_back("--virtual-time");
  if (!options.instance.empty()) {
    argv.push_back("--instance");
    argv.push_back(options.instance);
  }
  if (options.instances != 0) {
    argv.push_back("--instances");
    argv.push_back(std::to_string(options.instances));
  }
  // The runner's own usage errors (an existing --instance id) then read like
  // this tool's: `distribufyc run: error: ...`.
  argv.push_back("--tool");
  argv.push_back("distribufyc run");
  return argv;
}

int distribufycRunMain(std::string_view tool, std::span<const char *const> args, std::ostream &out,
                       std::ostream &err) {
  RunOptions options;
  // -p takes two values, which the option parser does not do: take them
  // out first (verbatim, so a VALUE may start with '-').
  std::vector<const char *> rest;
  for (size_t i = 0; i < args.size(); ++i) {
    std::string_view arg = args[i];
    if (arg == "--") {
      rest.insert(rest.end(), args.begin() + static_cast<std::ptrdiff_t>(i), args.end());
      break;
    }
    if (arg == "-p" || arg == "--param") {
      if (i + 2 >= args.size())
        return runError(tool, fmt::format("option '{}' requires two values (KEY VALUE)", arg), err);
      options.params.emplace_back(args[i + 1], args[i + 2]);
      i += 2;
      continue;
    }
    rest.push_back(args[i]);
  }
  std::string error;
  auto parsed = cl::parseArgs(rest, kRunOptions, error);
  if (!parsed)
    return runError(tool, error, err);
  std::vector<std::string> positionals;
  bool dryRun = false;
  for (const cl::Arg &arg : *parsed) {
    switch (arg.id) {
    case cl::kPositional:
      positionals.push_back(arg.value);
      break;
    case RunParam: // handled above
      break;
    case RunResult:
      options.result = true;
      break;
    case RunStore:
      if (arg.value.empty())
        return runError(tool, "--store: empty path", err);
      options.store = arg.value;
      break;
    case RunFreshProcess:
      options.freshProcess = true;
      break;
    case RunStress:
      options.stress = true;
      break;
    case RunStressEvery: {
      char *end = nullptr;
      errno = 0;
      unsigned long n = std::strtoul(arg.value.c_str(), &end, 10);
      if (arg.value.empty() || *end != '\0' || errno != 0 || n == 0 || n > 1000000000ul ||
          arg.value[0] == '-')
        return runError(
            tool, fmt::format("--stress-every: expected a positive integer, got '{}'", arg.value),
            err);
      options.stress = true;
      options.stressEvery = static_cast<unsigned>(n);
      break;
    }
    case RunActions:
      if (arg.value.empty())
        return runError(tool, "--actions: empty path", err);
      options.actions = arg.value;
      break;
    case RunVirtualTime:
      options.virtualTime = true;
      break;
    case RunInstance:
      if (arg.value.empty())
        return runError(tool, "--instance: empty id", err);
      options.instance = arg.value;
      break;
    case RunInstances: {
      const std::string &v = arg.value;
      bool digits = !v.empty() && v.size() <= 7 && v[0] != '0' &&
                    std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; });
      if (!digits || std::stoul(v) > 1000000)
        return runError(tool, fmt::format("--instances: '{}' is not a count from 1 to 1000000", v),
                        err);
      options.instances = static_cast<unsigned>(std::stoul(v));
      break;
    }
    case RunDryRun:
      dryRun = true;
      break;
    case RunHelp:
      out << "OVERVIEW: " << tool
          << " run - compile a program (cached in the store) and run main(params) to completion, "
             "checkpointing to the store\n\n"
          << "USAGE: " << tool << " run PROG.js [-p KEY VALUE]... [options]\n\nOPTIONS:\n"
          << cl::formatOptions(kRunOptions) << "\nENVIRONMENT:\n"
          << "  DISTRIBUFY_NODE         the node executable (default: node on PATH)\n"
          << "  DISTRIBUFY_RUNTIME_DIR  the runtime package (default: found next to the tool)\n";
      return 0;
    }
  }
  if (options.instances != 0 && options.freshProcess)
    return runError(tool, "--instances and --fresh-process do not combine", err);
  if (positionals.empty())
    return runError(tool, "no program given (see --help)", err);
  if (positionals.size() > 1)
    return runError(tool, fmt::format("unexpected argument '{}'", positionals[1]), err);
  options.program = positionals[0];

  std::vector<std::string> tried;
  std::string runtimeDir = findRuntimeDir(&tried);
  if (runtimeDir.empty()) {
    std::string places;
    for (const std::string &t : tried)
      places += fmt::format("\n  {}/bin/distribufy-run.js", t);
    return runError(tool,
                    fmt::format("cannot find the Distribufy runtime; looked for:{}\n(set "
                                "DISTRIBUFY_RUNTIME_DIR to the runtime package)",
                                places),
                    err);
  }

  SourceManager sm;
  DiagnosticEngine diags(sm);
  std::optional<std::string> cacheDir = compileToCache(options, sm, diags, error);
  printDiagnostics(diags, err);
  if (!cacheDir) {
    if (!error.empty())
      return runError(tool, error, err);
    return 1;
  }

  std::vector<std::string> command =
      runCommand(options, *cacheDir, runtimeDir, prepareStackLimit(/*apply=*/!dryRun));
  return execOrPrint(command, dryRun, out, err,
                     [&](const std::string &message) { return runError(tool, message, err); });
}

//===----------------------------------------------------------------------===//
// resume, ls, rm: the store's instances, handled by the runner (it reads
// meta.json and owns the store layout); the tool only parses the command
// line, finds the runtime and execs node, as `run` does.
//===----------------------------------------------------------------------===//

namespace {

enum StoreCmdId {
  StoreStore,
  StoreActions,
  StoreVirtualTime,
  StoreResult,
  StoreFreshProcess,
  StoreHelp,
  StoreDryRun,
};

constexpr cl::Option kResumeOptions[] = {
    {"--store", "DIR", "Where the instance lives (default: ./.distribufy)", StoreStore},
    {"--actions", "DIR", "Where invoke() finds its actions (default: as the instance was started)",
     StoreActions},
    {"--virtual-time", "", "sleep() advances a virtual clock instead of waiting", StoreVirtualTime},
    {"--result", "", "Print the final result as JSON on the last line", StoreResult},
    {"--fresh-process", "", "Resume from every checkpoint in a new node process",
     StoreFreshProcess},
    {"--help", "", "Show this help and exit", StoreHelp},
    {"--dry-run", "", "", StoreDryRun},
};

constexpr cl::Option kLsOptions[] = {
    {"--store", "DIR", "The store to list (default: ./.distribufy)", StoreStore},
    {"--help", "", "Show this help and exit", StoreHelp},
    {"--dry-run", "", "", StoreDryRun},
};

constexpr cl::Option kRmOptions[] = {
    {"--store", "DIR", "The store holding the instance (default: ./.distribufy)", StoreStore},
    {"--help", "", "Show this help and exit", StoreHelp},
    {"--dry-run", "", "", StoreDryRun},
};

/// Parses the arguments of `resume`/`ls`/`rm` and execs the runner with
/// `--tool 'TOOL SUB'` (its errors then read `TOOL SUB: error: ...`), \p mode
/// (`--resume ID`, `--ls`, `--rm ID`) and the options.
int storeCommandMain(std::string_view tool, std::string_view sub, std::span<const char *const> args,
                     std::span<const cl::Option> table, bool wantsId, std::string_view overview,
                     std::ostream &out, std::ostream &err) {
  std::string error;
  auto parsed = cl::parseArgs(args, table, error);
  if (!parsed)
    return cl::reportError(err, tool, sub, error);
  std::string store(kDefaultStore);
  std::vector<std::string> positionals, extra;
  bool dryRun = false;
  for (const cl::Arg &arg : *parsed) {
    switch (arg.id) {
    case cl::kPositional:
      positionals.push_back(arg.value);
      break;
    case StoreStore:
      if (arg.value.empty())
        return cl::reportError(err, tool, sub, "--store: empty path");
      store = arg.value;
      break;
    case StoreActions:
      if (arg.value.empty())
        return cl::reportError(err, tool, sub, "--actions: empty path");
      extra.push_back("--actions");
      extra.push_back(arg.value);
      break;
    case StoreVirtualTime:
      extra.push_back("--virtual-time");
      break;
    case StoreResult:
      extra.push_back("--result");
      break;
    case StoreFreshProcess:
      extra.push_back("--fresh-process");
      break;
    case StoreDryRun:
      dryRun = true;
      break;
    case StoreHelp:
      out << "OVERVIEW: " << tool << " " << sub << " - " << overview << "\n\n"
          << "USAGE: " << tool << " " << sub << (wantsId ? " ID" : "") << " [options]\n\nOPTIONS:\n"
          << cl::formatOptions(table);
      return 0;
    }
  }
  if (wantsId && positionals.empty())
    return cl::reportError(err, tool, sub, fmt::format("no instance id given (see '{} ls')", tool));
  if (positionals.size() > (wantsId ? 1u : 0u))
    return cl::reportError(err, tool, sub,
                           fmt::format("unexpected argument '{}'", positionals.back()));
  std::vector<std::string> tried;
  std::string runtimeDir = findRuntimeDir(&tried);
  if (runtimeDir.empty())
    return cl::reportError(err, tool, sub,
                           "cannot find the Distribufy runtime (set DISTRIBUFY_RUNTIME_DIR to "
                           "the runtime package)");
  const char *node = std::getenv("DISTRIBUFY_NODE");
  std::vector<std::string> command = {node && *node ? node : "node"};
  if (sub == "resume") {
    // A resume rebuilds the whole stack: the same room as `run`.
    command.push_back("--enable-source-maps");
    command.push_back(fmt::format("--stack-size={}", prepareStackLimit(!dryRun) / 1024));
  }
  command.push_back(runtimeDir + "/bin/distribufy-run.js");
  command.push_back("--tool");
  command.push_back(fmt::format("{} {}", tool, sub));
  if (sub == "resume")
    command.push_back("--resume");
  else if (sub == "ls")
    command.push_back("--ls");
  else
    command.push_back("--rm");
  if (wantsId)
    command.push_back(positionals[0]);
  command.push_back("--store");
  command.push_back(store);
  command.insert(command.end(), extra.begin(), extra.end());
  return execOrPrint(command, dryRun, out, err, [&](const std::string &message) {
    return cl::reportError(err, tool, sub, message);
  });
}

} // namespace

int distribufycResumeMain(std::string_view tool, std::span<const char *const> args,
                          std::ostream &out, std::ostream &err) {
  return storeCommandMain(tool, "resume", args, kResumeOptions, true,
                          "continue a stored instance from its last checkpoint (completed effects "
                          "are not performed again)",
                          out, err);
}

int distribufycLsMain(std::string_view tool, std::span<const char *const> args, std::ostream &out,
                      std::ostream &err) {
  return storeCommandMain(tool, "ls", args, kLsOptions, false,
                          "list the store's instances: ID STATUS SEQ SOURCE UPDATED, one a line",
                          out, err);
}

int distribufycRmMain(std::string_view tool, std::span<const char *const> args, std::ostream &out,
                      std::ostream &err) {
  return storeCommandMain(tool, "rm", args, kRmOptions, true,
                          "remove a stored instance (its checkpoint, effect log and metadata)", out,
                          err);
}

} // namespace distribufy::driver
