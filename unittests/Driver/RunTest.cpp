//===- RunTest.cpp - Schema/source-map outputs and `distribufyc run` -------===//
//
// In-process tests of what the driver adds around the compile: the frame
// schema (--emit=schema-json, --schema), source maps, the stress flag, and
// the pieces of `distribufyc run` that come before the exec (cache, command
// line, runtime lookup, stack limit).
//
//===----------------------------------------------------------------------===//
#include "distribufy/Backend/SchemaWriter.h"
#include "distribufy/Driver/Driver.h"

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

using namespace distribufy;
namespace fs = std::filesystem;

namespace {

struct TempDir {
  fs::path path;
  TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "distribufy-run-XXXXXX").string();
    path = ::mkdtemp(tmpl.data());
  }
  ~TempDir() { fs::remove_all(path); }
  std::string file(std::string_view name) const { return (path / name).string(); }
  std::string write(std::string_view name, std::string_view text) const {
    std::ofstream(file(name)) << text;
    return file(name);
  }
};

std::string slurp(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

constexpr std::string_view kProgram = "function f(x) { return g(x) + 1; }\n"
                                      "function g(y) { return y * 2; }\n"
                                      "function main(p) { return f(p.n); }\n"
                                      "module.exports = main;\n";

driver::CompileResult compileText(std::string_view text, driver::CompileOptions options) {
  SourceManager sm;
  DiagnosticEngine diags(sm);
  FileId file = sm.addBuffer("prog.js", std::string(text));
  return driver::compile(sm, file, diags, options);
}

} // namespace

TEST_CASE("compile: the schema comes with the catch pass, and --emit=schema-json prints it") {
  driver::CompileOptions options;
  options.pipelines.emplace_back(driver::kDefaultPipeline);
  driver::CompileResult js = compileText(kProgram, options);
  REQUIRE(js.ok);
  REQUIRE(js.schema);
  CHECK(js.schema->format == schema::kSchemaFormat);
  CHECK(js.sourceMap.empty());

  options.emit = driver::EmitKind::SchemaJson;
  driver::CompileResult json = compileText(kProgram, options);
  REQUIRE(json.ok);
  CHECK(json.output == writeSchemaJson(*js.schema, /*pretty=*/true));

  driver::CompileOptions noCatch;
  noCatch.pipelines.emplace_back("desugar,anf");
  noCatch.emit = driver::EmitKind::SchemaJson;
  driver::CompileResult none = compileText(kProgram, noCatch);
  CHECK(!none.ok);
  CHECK(!none.schema);
  CHECK(none.error.find("no 'catch' pass") != std::string::npos);
}

TEST_CASE("compile: source maps and the stress flag") {
  driver::CompileOptions options;
  options.pipelines.emplace_back(driver::kDefaultPipeline);
  options.sourceMap = true;
  options.sourceMapFile = "out.js";
  driver::CompileResult r = compileText(kProgram, options);
  REQUIRE(r.ok);
  CHECK(r.sourceMap.starts_with(R"({"version":3,"file":"out.js")"));

  driver::CompileOptions plain;
  plain.pipelines.emplace_back(driver::kDefaultPipeline);
  driver::CompileOptions stress = plain;
  stress.stress = true;
  driver::CompileResult a = compileText(kProgram, plain), b = compileText(kProgram, stress);
  REQUIRE(a.ok);
  REQUIRE(b.ok);
  CHECK(a.output != b.output); // the catch pass saw Module::stressCheckpoints
}

TEST_CASE("distribufyc: --schema and --source-map write their files") {
  TempDir dir;
  std::string src = dir.write("prog.js", kProgram);
  std::string out = dir.file("out.js"), schemaPath = dir.file("out.schema");
  std::ostringstream o, e;
  std::vector<const char *> args = {src.c_str(),        "-o",          out.c_str(), "--schema",
                                    schemaPath.c_str(), "--source-map"};
  int status = driver::distribufycMain("distribufyc", args, o, e);
  CHECK_MESSAGE(status == 0, e.str());
  CHECK(e.str().empty());
  std::string js = slurp(out);
  CHECK(js.ends_with("\n//# sourceMappingURL=out.js.map\n"));
  CHECK(slurp(dir.file("out.js.map")).starts_with(R"({"version":3,"file":"out.js")"));
  schema::FrameSchema read;
  std::string error;
  REQUIRE_MESSAGE(readSchemaMsgpack(slurp(schemaPath), read, error), error);
  CHECK(read.source == src);
  CHECK(!read.codes.empty());
}

TEST_CASE("run: the cache key follows the source, its path and the flags") {
  driver::RunOptions options;
  options.store = "/s";
  std::string a = driver::runCacheDir(options, "x", "/p.js");
  CHECK(a.starts_with("/s/cache/"));
  CHECK(a.size() == std::string("/s/cache/").size() + 32);
  CHECK(driver::runCacheDir(options, "x", "/p.js") == a);
  CHECK(driver::runCacheDir(options, "y", "/p.js") != a);
  CHECK(driver::runCacheDir(options, "x", "/q.js") != a);
  driver::RunOptions stress = options;
  stress.stress = true;
  CHECK(driver::runCacheDir(stress, "x", "/p.js") != a);
  // Parameters and run-time flags are not compile flags.
  driver::RunOptions params = options;
  params.params.emplace_back("k", "v");
  params.result = params.freshProcess = params.virtualTime = true;
  CHECK(driver::runCacheDir(params, "x", "/p.js") == a);
}

TEST_CASE("run: compileToCache writes an entry once") {
  TempDir dir;
  driver::RunOptions options;
  options.program = dir.write("prog.js", kProgram);
  options.store = dir.file("store");
  SourceManager sm;
  DiagnosticEngine diags(sm);
  std::string error;
  auto cache = driver::compileToCache(options, sm, diags, error);
  REQUIRE(cache);
  CHECK(fs::exists(*cache + "/program.js.map"));
  CHECK(fs::exists(*cache + "/program.schema"));
  std::string js = slurp(*cache + "/program.js");
  CHECK(js.ends_with("//# sourceMappingURL=program.js.map\n"));
  // A hit leaves the entry alone.
  std::ofstream(*cache + "/program.js", std::ios::app) << "// marker\n";
  SourceManager sm2;
  DiagnosticEngine diags2(sm2);
  auto again = driver::compileToCache(options, sm2, diags2, error);
  REQUIRE(again);
  CHECK(*again == *cache);
  CHECK(slurp(*cache + "/program.js").ends_with("// marker\n"));

  // A compile error: diagnostics, no entry.
  driver::RunOptions bad = options;
  bad.program = dir.write("bad.js", "function (");
  SourceManager sm3;
  DiagnosticEngine diags3(sm3);
  CHECK(!driver::compileToCache(bad, sm3, diags3, error));
  CHECK(diags3.hasErrors());
  CHECK(std::distance(fs::directory_iterator(options.store + "/cache"), fs::directory_iterator()) ==
        1);
}

TEST_CASE("run: the node command line") {
  driver::RunOptions options;
  options.program = "p.js";
  options.params = {{"a", "1"}, {"b", "-x"}};
  options.result = options.freshProcess = options.stress = options.virtualTime = true;
  options.actions = "acts";
  options.stressEvery = 7;
  ::unsetenv("DISTRIBUFY_NODE");
  auto argv = driver::runCommand(options, "C", "R", uint64_t(100) << 20);
  std::vector<std::string> expected = {"node",
                                       "--enable-source-maps",
                                       "--stack-size=102400",
                                       "R/bin/distribufy-run.js",
                                       "--compiled",
                                       "C/program.js",
                                       "--source",
                                       "p.js",
                                       "--store",
                                       ".distribufy",
                                       "-p",
                                       "a",
                                       "1",
                                       "-p",
                                       "b",
                                       "-x",
                                       "--result",
                                       "--fresh-process",
                                       "--stress",
                                       "--stress-every",
                                       "7",
                                       "--actions",
                                       "acts",
                                       "--virtual-time",
                                       "--tool",
                                       "distribufyc run"};
  CHECK(argv == expected);
  ::setenv("DISTRIBUFY_NODE", "/opt/node", 1);
  CHECK(driver::runCommand({}, "C", "R", 1 << 20)[0] == "/opt/node");
  ::unsetenv("DISTRIBUFY_NODE");
}

TEST_CASE("run: runtime lookup and stack limit") {
  TempDir dir;
  fs::create_directories(dir.path / "rt/bin");
  dir.write("rt/bin/distribufy-run.js", "");
  ::setenv("DISTRIBUFY_RUNTIME_DIR", dir.file("rt").c_str(), 1);
  CHECK(driver::findRuntimeDir() == dir.file("rt"));
  ::setenv("DISTRIBUFY_RUNTIME_DIR", dir.file("none").c_str(), 1);
  std::vector<std::string> tried;
  CHECK(driver::findRuntimeDir(&tried).empty());
  CHECK(tried == std::vector<std::string>{dir.file("none")});
  ::unsetenv("DISTRIBUFY_RUNTIME_DIR");
  // From the build tree: the source tree's runtime.
  CHECK(driver::findRuntimeDir() == std::string(DISTRIBUFY_SOURCE_DIR) + "/runtime");

  uint64_t bytes = driver::prepareStackLimit(/*apply=*/false);
  CHECK(bytes >= (uint64_t(7) << 20)); // at least 7/8 of the usual 8 MiB
  CHECK(bytes <= (uint64_t(7) << 27)); // at most 7/8 of 1 GiB
}

TEST_CASE("run: usage errors") {
  auto run = [](std::vector<const char *> args) {
    std::ostringstream o, e;
    int status = driver::distribufycMain("distribufyc", args, o, e);
    return std::pair{status, e.str()};
  };
  CHECK(run({"run"}) == std::pair{1, std::string("distribufyc run: error: no program given (see "
                                                 "--help)\n")});
  CHECK(run({"run", "p.js", "-p", "k"}).second ==
        "distribufyc run: error: option '-p' requires two values (KEY VALUE)\n");
  CHECK(run({"run", "p.js", "--bogus"}).second ==
        "distribufyc run: error: unknown option '--bogus'\n");
  CHECK(run({"run", "p.js", "--store="}).second == "distribufyc run: error: --store: empty path\n");
}
