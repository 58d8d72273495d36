//===- Package.cpp - distribufyc package: an OpenWhisk action zip ---------===//
//
// `distribufyc package PROG.js -o ACTION.zip [--actions DIR]` compiles
// PROG.js with the default pipeline (through compileToCache, into a private
// temporary store, so packaging never touches ./.distribufy) and hands the
// compiled program to the runtime's packager,
// `node RUNTIME/bin/distribufy-package.js`, which writes the zip: the
// runtime package, the compiled program and its schema, the actions of
// --actions and an entry module whose exports are the conductor action and
// its helper components (runtime/README.md "OpenWhisk"). The packager writes
// the zip atomically, so a failure never leaves a partial ACTION.zip.
//
//===----------------------------------------------------------------------===//
#include "distribufy/Driver/CommandLine.h"
#include "distribufy/Driver/Driver.h"

#include <fmt/format.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <ostream>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

namespace distribufy::driver {

namespace {

enum PackageId { PkgOutput, PkgActions, PkgHelp };

constexpr cl::Option kPackageOptions[] = {
    {"-o", "ACTION.zip", "The action zip to write (required)", PkgOutput},
    {"--actions", "DIR",
     "Component actions (DIR/NAME.js exporting main) to put in the zip; each is deployed from the "
     "same zip with --main",
     PkgActions},
    {"--help", "", "Show this help and exit", PkgHelp},
};

int packageError(std::string_view tool, std::string_view message, std::ostream &err) {
  return cl::reportError(err, tool, "package", message);
}

bool isDirectory(const std::string &path) {
  struct stat st;
  return ::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

/// Removes the temporary store on every return path.
struct TempDir {
  std::string path;
  ~TempDir() {
    if (!path.empty()) {
      std::error_code ec;
      std::filesystem::remove_all(path, ec);
    }
  }
};

} // namespace

int distribufycPackageMain(std::string_view tool, std::span<const char *const> args,
                           std::ostream &out, std::ostream &err) {
  std::string error;
  auto parsed = cl::parseArgs(args, kPackageOptions, error);
  if (!parsed)
    return packageError(tool, error, err);
  std::vector<std::string> positionals;
  std::string output, actions;
  for (const cl::Arg &arg : *parsed) {
    switch (arg.id) {
    case cl::kPositional:
      positionals.push_back(arg.value);
      break;
    case PkgOutput:
      if (!output.empty())
        return packageError(tool, "more than one output given", err);
      if (arg.value.empty())
        return packageError(tool, "-o: empty output path", err);
      output = arg.value;
      break;
    case PkgActions:
      if (arg.value.empty())
        return packageError(tool, "--actions: empty path", err);
      actions = arg.value;
      break;
    case PkgHelp:
      out << "OVERVIEW: " << tool
          << " package - compile a program into an Apache OpenWhisk conductor action (a Node.js "
             "action zip)\n\n"
          << "USAGE: " << tool << " package PROG.js -o ACTION.zip [--actions DIR]\n\nOPTIONS:\n"
          << cl::formatOptions(kPackageOptions) << "\nDEPLOY (see README.md, \"OpenWhisk\"):\n"
          << "  wsk action create NAME ACTION.zip --kind nodejs:20 --annotation conductor true "
             "--annotation provide-api-key true\n"
          << "  wsk action create NAME-sleep ACTION.zip --kind nodejs:20 --main sleep --timeout "
             "300000\n"
          << "  wsk action create NAME-fork ACTION.zip --kind nodejs:20 --main fork "
             "--annotation provide-api-key true --timeout 300000\n"
          << "\nENVIRONMENT:\n"
          << "  DISTRIBUFY_NODE         the node executable (default: node on PATH)\n"
          << "  DISTRIBUFY_RUNTIME_DIR  the runtime package (default: found next to the tool)\n";
      return 0;
    }
  }
  if (positionals.empty())
    return packageError(tool, "no program given (see --help)", err);
  if (positionals.size() > 1)
    return packageError(tool, fmt::format("unexpected argument '{}'", positionals[1]), err);
  if (output.empty())
    return packageError(tool, "no output given: -o ACTION.zip", err);
  if (!actions.empty() && !isDirectory(actions))
    return packageError(tool, fmt::format("--actions: '{}' is not a directory", actions), err);

  std::vector<std::string> tried;
  std::string runtimeDir = findRuntimeDir(&tried);
  std::string packager = runtimeDir + "/bin/distribufy-package.js";
  if (runtimeDir.empty() || !std::filesystem::is_regular_file(packager)) {
    std::string places;
    for (const std::string &t : tried)
      places += fmt::format("\n  {}/bin/distribufy-package.js", t);
    return packageError(tool,
                        fmt::format("cannot find the Distribufy runtime's packager; looked "
                                    "for:{}\n(set DISTRIBUFY_RUNTIME_DIR to the runtime package)",
                                    places),
                        err);
  }

  // A private store: the compiled program only lives until it is zipped.
  std::error_code ec;
  std::filesystem::path tmpRoot = std::filesystem::temp_directory_path(ec);
  if (ec)
    tmpRoot = "/tmp";
  std::string tmpl = (tmpRoot / "distribufy-package-XXXXXX").string();
  TempDir tmp;
  if (::mkdtemp(tmpl.data()) == nullptr)
    return packageError(
        tool, fmt::format("cannot create a temporary directory: {}", std::strerror(errno)), err);
  tmp.path = tmpl;

  RunOptions options;
  options.program = positionals[0];
  options.store = tmp.path;
  SourceManager sm;
  DiagnosticEngine diags(sm);
  std::optional<std::string> cacheDir = compileToCache(options, sm, diags, error);
  printDiagnostics(diags, err);
  if (!cacheDir) {
    if (!error.empty())
      return packageError(tool, error, err);
    return 1;
  }

  const char *node = std::getenv("DISTRIBUFY_NODE");
  std::vector<std::string> command = {node && *node ? node : "node",
                                      packager,
                                      "--compiled",
                                      *cacheDir + "/program.js",
                                      "--source",
                                      options.program,
                                      "-o",
                                      output};
  if (!actions.empty()) {
    command.push_back("--actions");
    command.push_back(actions);
  }
  std::vector<char *> argv;
  for (std::string &s : command)
    argv.push_back(s.data());
  argv.push_back(nullptr);
  out.flush();
  err.flush();
  pid_t pid;
  int rc = ::posix_spawnp(&pid, argv[0], nullptr, nullptr, argv.data(), environ);
  if (rc != 0)
    return packageError(tool,
                        fmt::format("cannot run node ('{}'): {} (set DISTRIBUFY_NODE to the node "
                                    "executable)",
                                    command[0], std::strerror(rc)),
                        err);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0)
    if (errno != EINTR)
      return packageError(tool, fmt::format("waiting for node: {}", std::strerror(errno)), err);
  if (WIFEXITED(status))
    return WEXITSTATUS(status);
  return packageError(tool, fmt::format("the packager died (signal {})", WTERMSIG(status)), err);
}

} // namespace distribufy::driver
