//===- CommandLineTest.cpp - The flag parser -------------------------------===//
#include "distribufy/Driver/CommandLine.h"

#include <doctest/doctest.h>

#include <sstream>

using namespace distribufy;

namespace {
enum { A, B, O, Hidden };
constexpr cl::Option kOptions[] = {
    {"--alpha", "", "A flag", A},
    {"--beta", "NAME", "A value", B},
    {"-o", "FILE", "Output", O},
    {"--secret", "", "", Hidden},
};

std::optional<std::vector<cl::Arg>> parse(std::vector<const char *> args, std::string &error) {
  return cl::parseArgs(args, kOptions, error);
}
} // namespace

TEST_CASE("flags, values and positionals keep command-line order") {
  std::string error;
  auto r =
      parse({"in.js", "--beta=x", "--alpha", "--beta", "y", "-o", "out", "-", "--secret"}, error);
  REQUIRE(r);
  REQUIRE(r->size() == 7);
  CHECK((*r)[0].id == cl::kPositional);
  CHECK((*r)[0].value == "in.js");
  CHECK((*r)[1].id == B);
  CHECK((*r)[1].value == "x");
  CHECK((*r)[2].id == A);
  CHECK((*r)[3].value == "y");
  CHECK((*r)[4].id == O);
  CHECK((*r)[4].value == "out");
  CHECK((*r)[5].id == cl::kPositional); // "-" is an argument, not an option
  CHECK((*r)[6].id == Hidden);
  CHECK(error.empty());
}

TEST_CASE("-- ends the options; an empty value is a value") {
  std::string error;
  auto r = parse({"--beta=", "--", "--alpha"}, error);
  REQUIRE(r);
  REQUIRE(r->size() == 2);
  CHECK((*r)[0].value == "");
  CHECK((*r)[1].id == cl::kPositional);
  CHECK((*r)[1].value == "--alpha");
}

TEST_CASE("errors name the problem") {
  std::string error;
  CHECK(!parse({"--bogus"}, error));
  CHECK(error == "unknown option '--bogus'");
  CHECK(!parse({"--alhpa"}, error));
  CHECK(error == "unknown option '--alhpa'; did you mean '--alpha'?");
  CHECK(!parse({"--secrte"}, error)); // hidden options are never suggested
  CHECK(error == "unknown option '--secrte'");
  CHECK(!parse({"--beta"}, error));
  CHECK(error == "option '--beta' requires a value (NAME)");
  CHECK(!parse({"-o"}, error));
  CHECK(error == "option '-o' requires a value (FILE)");
  CHECK(!parse({"--alpha=1"}, error));
  CHECK(error == "option '--alpha' does not take a value");
  CHECK(!parse({"-x"}, error));
  CHECK(error == "unknown option '-x'; did you mean '-o'?");
}

TEST_CASE("help lists visible options aligned") {
  CHECK(cl::formatOptions(kOptions) == "  --alpha      A flag\n"
                                       "  --beta=NAME  A value\n"
                                       "  -o FILE      Output\n");
}

TEST_CASE("errors of commands and subcommands read TOOL [SUB]: error: MESSAGE") {
  std::ostringstream err;
  CHECK(cl::reportError(err, "distribufyc", "resume", "no instance 'x'") == 1);
  CHECK(cl::reportError(err, "dist-opt", "", "no input") == 1);
  CHECK(err.str() == "distribufyc resume: error: no instance 'x'\ndist-opt: error: no input\n");
}
