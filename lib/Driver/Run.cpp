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

#include <fmt/format.h>

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

//===----------------------------------------------------------------------===//
// SHA-256 (FIPS 180-4), for the cache key.
//===----------------------------------------------------------------------===//

class Sha256 {
public:
  void update(std::string_view data) {
    for (char c : data) {
      block_[used_++] = static_cast<uint8_t>(c);
      if (used_ == 64) {
        compress();
        used_ = 0;
      }
    }
    length_ += data.size();
  }

  std::string hexDigest() {
    uint64_t bits = length_ * 8;
    uint8_t pad = 0x80;
    update(std::string_view(reinterpret_cast<const char *>(&pad), 1));
    while (used_ != 56) {
      uint8_t zero = 0;
      update(std::string_view(reinterpret_cast<const char *>(&zero), 1));
    }
    for (int i = 7; i >= 0; --i) {
      block_[used_++] = static_cast<uint8_t>(bits >> (i * 8));
    }
    compress();
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    for (uint32_t word : h_)
      for (int i = 3; i >= 0; --i) {
        auto byte = static_cast<uint8_t>(word >> (i * 8));
        out += kHex[byte >> 4];
        out += kHex[byte & 0xf];
      }
    return out;
  }

private:
  static uint32_t rotr(uint32_t x, int n) { return (x >> n) | (x << (32 - n)); }

  void compress() {
    static constexpr uint32_t k[64] = {
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4,
        0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe,
        0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f,
        0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7,
        0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc,
        0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
        0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116,
        0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
        0xc67178f2};
    uint32_t w[64];
    for (int i = 0; i < 16; ++i)
      w[i] = uint32_t(block_[4 * i]) << 24 | uint32_t(block_[4 * i + 1]) << 16 |
             uint32_t(block_[4 * i + 2]) << 8 | uint32_t(block_[4 * i + 3]);
    for (int i = 16; i < 64; ++i) {
      uint32_t s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3);
      uint32_t s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10);
      w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    uint32_t a = h_[0], b = h_[1], c = h_[2], d = h_[3], e = h_[4], f = h_[5], g = h_[6], h = h_[7];
    for (int i = 0; i < 64; ++i) {
      uint32_t s1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25);
      uint32_t ch = (e & f) ^ (~e & g);
      uint32_t t1 = h + s1 + ch + k[i] + w[i];
      uint32_t s0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22);
      uint32_t maj = (a & b) ^ (a & c) ^ (b & c);
      uint32_t t2 = s0 + maj;
      h = g;
      g = f;
      f = e;
      e = d + t1;
      d = c;
      c = b;
      b = a;
      a = t1 + t2;
    }
    h_[0] += a;
    h_[1] += b;
    h_[2] += c;
    h_[3] += d;
    h_[4] += e;
    h_[5] += f;
    h_[6] += g;
    h_[7] += h;
  }

  std::array<uint32_t, 8> h_ = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
  std::array<uint8_t, 64> block_{};
  size_t used_ = 0;
  uint64_t length_ = 0;
};

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
  RunActions,
  RunVirtualTime,
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
    {"--actions", "DIR", "Where invoke() finds its actions", RunActions},
    {"--virtual-time", "", "sleep() advances a virtual clock instead of waiting", RunVirtualTime},
    {"--help", "", "Show this help and exit", RunHelp},
    // Compile, then print the node command instead of running it (tests).
    {"--dry-run", "", "", RunDryRun},
};

int runError(std::string_view tool, std::string_view message, std::ostream &err) {
  err << fmt::format("{} run: error: {}\n", tool, message);
  return 1;
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
  if (!options.actions.empty()) {
    argv.push_back("--actions");
    argv.push_back(options.actions);
  }
  if (options.virtualTime)
    argv.push_back("--virtual-time");
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
    case RunActions:
      if (arg.value.empty())
        return runError(tool, "--actions: empty path", err);
      options.actions = arg.value;
      break;
    case RunVirtualTime:
      options.virtualTime = true;
      break;
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
  return runError(tool,
                  fmt::format("cannot run node ('{}'): {} (set DISTRIBUFY_NODE to the node "
                              "executable)",
                              command[0], std::strerror(e)),
                  err);
}

} // namespace distribufy::driver
