//===- DriverTest.cpp - Files and command lines of the driver --------------===//
#include "distribufy/Driver/Driver.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

using namespace distribufy;
namespace fs = std::filesystem;

namespace {

struct TempDir {
  fs::path path;
  TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "distribufy-driver-XXXXXX").string();
    path = ::mkdtemp(tmpl.data());
  }
  ~TempDir() { fs::remove_all(path); }
  std::string file(std::string_view name) const { return (path / name).string(); }
};

struct Run {
  int status;
  std::string out, err;
};

Run distOpt(std::vector<const char *> args) {
  std::ostringstream out, err;
  int status = driver::distOptMain("dist-opt", args, out, err);
  return {status, out.str(), err.str()};
}
Run distribufyc(std::vector<const char *> args) {
  std::ostringstream out, err;
  int status = driver::distribufycMain("distribufyc", args, out, err);
  return {status, out.str(), err.str()};
}

} // namespace

TEST_CASE("reading a source file") {
  TempDir dir;
  std::ofstream(dir.file("a.js")) << "let a = 1;\n";
  SourceManager sm;
  DiagnosticEngine diags(sm);
  auto file = driver::readSourceFile(sm, diags, dir.file("a.js"));
  REQUIRE(file);
  CHECK(sm.text(*file) == "let a = 1;\n");
  CHECK(sm.name(*file) == dir.file("a.js"));

  CHECK(!driver::readSourceFile(sm, diags, dir.file("missing.js")));
  CHECK(!driver::readSourceFile(sm, diags, dir.path.string()));
  REQUIRE(diags.diagnostics().size() == 2);
  CHECK(diags.diagnostics()[0].message ==
        "cannot read '" + dir.file("missing.js") + "': No such file or directory");
  CHECK(diags.diagnostics()[1].message ==
        "cannot read '" + dir.path.string() + "': is a directory");
}

TEST_CASE("writing a file atomically leaves no temporary behind") {
  TempDir dir;
  SourceManager sm;
  DiagnosticEngine diags(sm);
  std::string out = dir.file("out.js");
  CHECK(driver::writeFileAtomically(out, "first\n", diags));
  CHECK(driver::writeFileAtomically(out, "second\n", diags));
  std::ifstream in(out);
  std::stringstream text;
  text << in.rdbuf();
  CHECK(text.str() == "second\n");
  CHECK(std::distance(fs::directory_iterator(dir.path), fs::directory_iterator()) == 1);
  CHECK(!driver::writeFileAtomically(dir.file("no/such/dir.js"), "x", diags));
  CHECK(diags.diagnostics().size() == 1);
  CHECK(diags.diagnostics()[0].id == DiagId::err_cannot_write);
}

TEST_CASE("dist-opt: usage errors and informational flags") {
  Run r = distOpt({"--version"});
  CHECK(r.status == 0);
  CHECK(r.out.starts_with("dist-opt (Distribufy) "));
  r = distOpt({"--help"});
  CHECK(r.status == 0);
  CHECK(r.out.find("--passes=PIPELINE") != std::string::npos);
  r = distOpt({"--list-passes"});
  CHECK(r.out.find("  verify ") != std::string::npos);
  r = distOpt({});
  CHECK(r.status == 1);
  CHECK(r.err == "dist-opt: error: no input file (see --help)\n");
  r = distOpt({"--emit=asm", "x.js"});
  CHECK(r.err == "dist-opt: error: --emit: unknown kind 'asm' (expected js, ir or schema-json)\n");
  r = distOpt({"--print-after=nope", "x.js"});
  CHECK(r.status == 1);
  r = distOpt({"--module", "--script", "x.js"});
  CHECK(r.err == "dist-opt: error: --module and --script are mutually exclusive\n");
}

TEST_CASE("dist-opt: pipeline errors come before reading the input") {
  Run r = distOpt({"--passes=verify,bogus", "does-not-exist.js"});
  CHECK(r.status == 1);
  CHECK(r.out.empty());
  CHECK(r.err == "error: unknown pass 'bogus' (see --list-passes)\n");
  r = distOpt({"--pass=verify", "does-not-exist.js"});
  CHECK(r.status == 1);
  CHECK(r.err == "error: cannot read 'does-not-exist.js': No such file or directory\n");
}

TEST_CASE("distribufyc: both forms need input and output") {
  Run r = distribufyc({"in.js"});
  CHECK(r.status == 1);
  CHECK(r.err == "distribufyc: error: no output file: give -o DST (or DST after SRC)\n");
  r = distribufyc({"in.js", "out.js", "extra.js"});
  CHECK(r.err == "distribufyc: error: unexpected argument 'extra.js'\n");
  r = distribufyc({"in.js", "-t", "cps", "-o", "x"});
  CHECK(r.err == "distribufyc: error: -t: unknown strategy 'cps' (the only one is 'catch')\n");
  r = distribufyc({"--version"});
  CHECK(r.out.starts_with("distribufyc (Distribufy) "));
}

TEST_CASE("distribufyc: subcommands reject unknown flags clearly; --help lists the flags") {
  // (Before they exec node: a bad flag never reaches the runtime.)
  for (const char *sub : {"run", "resume", "ls", "rm", "inspect", "package"}) {
    Run r = distribufyc({sub, "--no-such-flag"});
    CHECK(r.status == 1);
    CHECK(r.out.empty());
    CHECK(r.err.find("unknown option '--no-such-flag'") != std::string::npos);
  }
  Run r = distribufyc({"in.js", "-o", "-", "--source-map"});
  CHECK(r.status == 1);
  CHECK(r.err ==
        "distribufyc: error: --source-map needs an output file (DST.map is written next to it)\n");
  r = distribufyc({"--help"});
  CHECK(r.out.find("--schema=PATH") != std::string::npos);
  CHECK(r.out.find("--source-map") != std::string::npos);
  CHECK(r.out.find("--stress") != std::string::npos);
  CHECK(r.out.find("--func") != std::string::npos);
  CHECK(r.out.find(" run PROG.js") != std::string::npos);
}

TEST_CASE("a failed compile writes no output file") {
  TempDir dir;
  std::string out = dir.file("out.js");
  Run r = distribufyc({dir.file("missing.js").c_str(), "-o", out.c_str()});
  CHECK(r.status == 1);
  CHECK(!fs::exists(out));
}
