//===- PassManagerTest.cpp - Registry, pipelines and instrumentation -------===//
#include "distribufy/Pass/PassManager.h"

#include <doctest/doctest.h>

#include <optional>
#include <set>

using namespace distribufy;

namespace {

/// A configurable test-only pass: records its runs, declares stages.
class TestPass final : public Pass {
public:
  TestPass(std::string_view name, std::vector<std::string> *log, StageSet req = {},
           StageSet est = {}, StageSet inv = {})
      : name_(name), log_(log), req_(req), est_(est), inv_(inv) {}
  std::string_view name() const override { return name_; }
  StageSet requires_() const override { return req_; }
  StageSet establishes() const override { return est_; }
  StageSet invalidates() const override { return inv_; }
  bool run(ir::Module &, PassContext &ctx) override {
    if (log_)
      log_->push_back(std::string("run ") + std::string(name_));
    if (failWith)
      ctx.diags.report(*failWith, name_, "test failure");
    return runResult;
  }
  bool verify(const ir::Module &m, PassContext &ctx) override {
    if (log_)
      log_->push_back(std::string("verify ") + std::string(name_));
    return verifyResult && Pass::verify(m, ctx);
  }
  bool runResult = true;
  bool verifyResult = true;
  std::optional<DiagId> failWith;

private:
  std::string_view name_;
  std::vector<std::string> *log_;
  StageSet req_, est_, inv_;
};

/// A minimal well-formed module: `0;`.
struct Fixture {
  SourceManager sm;
  FileId file = sm.addBuffer("t.js", "0;");
  DiagnosticEngine diags{sm};
  ir::Module module{sm, file};
  Fixture() {
    auto *lit = module.make<ir::NumericLiteral>(SourceRange{0, 1});
    lit->raw = module.atom("0");
    auto *stmt = module.make<ir::ExpressionStatement>(SourceRange{0, 2});
    stmt->expression = lit;
    ir::Node *body[] = {stmt};
    module.program = module.make<ir::Program>(SourceRange{0, 2});
    module.program->body = module.list(body);
  }
  std::string firstMessage() const {
    return diags.diagnostics().empty() ? "" : diags.diagnostics()[0].message;
  }
};

} // namespace

TEST_CASE("stage names come from Stages.def") {
  CHECK(stageName(Stage::Scopes) == "scopes");
  CHECK(stageName(Stage::ANF) == "anf");
  CHECK(stageName(Stage::PersistHoisted) == "persist-hoist");
}

TEST_CASE("the registry lists every pass once and finds them by name") {
  std::set<std::string_view> names;
  for (const PassInfo &info : registeredPasses()) {
    CHECK(names.insert(info.name).second);
    CHECK(!info.description.empty());
    std::unique_ptr<Pass> pass = info.create();
    REQUIRE(pass);
    CHECK(pass->name() == info.name); // one name per pass
  }
  CHECK(names.count("resolve-scopes") == 1);
  CHECK(names.count("verify") == 1);
  REQUIRE(findPass("verify"));
  CHECK(findPass("verify")->name == "verify");
  CHECK(findPass("no-such-pass") == nullptr);
  CHECK(findPass("") == nullptr);
}

TEST_CASE("pipelines are parsed by name") {
  Fixture f;
  PassManager pm;
  CHECK(pm.addPipeline("verify, resolve-scopes,verify,", f.diags));
  CHECK(pm.size() == 3);
  CHECK(pm.addPipeline("", f.diags));
  CHECK(pm.size() == 3);
  CHECK(!f.diags.hasErrors());
}

TEST_CASE("an unknown pass name is an error") {
  Fixture f;
  PassManager pm;
  CHECK(!pm.addPipeline("verify,bogus,resolve-scopes", f.diags));
  CHECK(f.firstMessage() == "unknown pass 'bogus' (see --list-passes)");
  CHECK(f.diags.diagnostics()[0].id == DiagId::err_unknown_pass);
}

TEST_CASE("prerequisites are checked when the pipeline is built") {
  Fixture f;
  SUBCASE("missing") {
    PassManager pm;
    CHECK(!pm.addPass(std::make_unique<TestPass>("catch", nullptr, StageSet{Stage::ANF}), f.diags));
    CHECK(f.firstMessage() == "pass 'catch' requires 'anf' to have run earlier in the pipeline");
    CHECK(pm.size() == 0);
  }
  SUBCASE("established earlier") {
    PassManager pm;
    CHECK(pm.addPass(std::make_unique<TestPass>("anf", nullptr, StageSet{}, StageSet{Stage::ANF}),
                     f.diags));
    CHECK(pm.addPass(std::make_unique<TestPass>("catch", nullptr, StageSet{Stage::ANF}), f.diags));
    CHECK(pm.size() == 2);
    CHECK(!f.diags.hasErrors());
  }
  SUBCASE("invalidated in between") {
    PassManager pm;
    CHECK(pm.addPass(std::make_unique<TestPass>("anf", nullptr, StageSet{}, StageSet{Stage::ANF}),
                     f.diags));
    CHECK(pm.addPass(
        std::make_unique<TestPass>("mess", nullptr, StageSet{}, StageSet{}, StageSet{Stage::ANF}),
        f.diags));
    CHECK(!pm.addPass(std::make_unique<TestPass>("catch", nullptr, StageSet{Stage::ANF}), f.diags));
  }
  SUBCASE("the input's stages count: scopes by default, none if told so") {
    PassManager withScopes;
    CHECK(withScopes.addPass(std::make_unique<TestPass>("x", nullptr, StageSet{Stage::Scopes}),
                             f.diags));
    PassManager bare(StageSet{});
    CHECK(
        !bare.addPass(std::make_unique<TestPass>("x", nullptr, StageSet{Stage::Scopes}), f.diags));
    CHECK(f.firstMessage() == "pass 'x' requires 'scopes' to have run earlier in the pipeline");
  }
}

TEST_CASE("instrumentation runs around every pass, in order") {
  Fixture f;
  std::vector<std::string> log;
  PassManager pm;
  pm.addPass(std::make_unique<TestPass>("one", &log), f.diags);
  pm.addPass(std::make_unique<TestPass>("two", &log), f.diags);
  PassInstrumentation inst;
  inst.beforePass = [&](const Pass &p, const ir::Module &) {
    log.push_back("before " + std::string(p.name()));
  };
  inst.afterPass = [&](const Pass &p, const ir::Module &) {
    log.push_back("after " + std::string(p.name()));
  };
  inst.print = [&](std::string_view text) {
    log.push_back(std::string(text.substr(0, text.find('\n'))));
  };
  inst.printBeforeAll = true;
  inst.printAfter = {"two"};
  inst.verifyEach = true;
  inst.timePasses = true;
  pm.setInstrumentation(inst);
  CHECK(pm.run(f.module, f.diags));
  std::vector<std::string> expected = {"// *** IR Dump Before one ***",
                                       "before one",
                                       "run one",
                                       "after one",
                                       "verify one",
                                       "// *** IR Dump Before two ***",
                                       "before two",
                                       "run two",
                                       "after two",
                                       "// *** IR Dump After two ***",
                                       "verify two"};
  CHECK(log == expected);
  REQUIRE(pm.timings().size() == 2);
  CHECK(pm.timings()[0].pass == "one");
  std::string report = pm.timingReport();
  CHECK(report.find("Pass execution timing report") != std::string::npos);
  CHECK(report.find("  two\n") != std::string::npos);
  CHECK(report.find("Total\n") != std::string::npos);
}

TEST_CASE("print-after-all dumps after every pass; nothing prints unasked") {
  Fixture f;
  std::vector<std::string> printed;
  PassManager pm;
  pm.addPipeline("verify,resolve-scopes", f.diags);
  PassInstrumentation inst;
  inst.print = [&](std::string_view text) { printed.emplace_back(text); };
  pm.setInstrumentation(inst);
  CHECK(pm.run(f.module, f.diags));
  CHECK(printed.empty());
  inst.printAfterAll = true;
  pm.setInstrumentation(inst);
  CHECK(pm.run(f.module, f.diags));
  REQUIRE(printed.size() == 2);
  CHECK(printed[0].starts_with("// *** IR Dump After verify ***\n"));
  CHECK(printed[1].starts_with("// *** IR Dump After resolve-scopes ***\n"));
  CHECK(pm.timings().empty()); // only collected with timePasses
}

TEST_CASE("a failing pass stops the pipeline") {
  Fixture f;
  std::vector<std::string> log;
  PassManager pm;
  auto failing = std::make_unique<TestPass>("bad", &log);
  TestPass *bad = failing.get();
  pm.addPass(std::move(failing), f.diags);
  pm.addPass(std::make_unique<TestPass>("later", &log), f.diags);

  SUBCASE("silently: the manager reports it") {
    bad->runResult = false;
    CHECK(!pm.run(f.module, f.diags));
    CHECK(f.firstMessage() == "pass 'bad' failed: it reported no diagnostic");
  }
  SUBCASE("with its own diagnostic: that one only") {
    bad->runResult = false;
    bad->failWith = DiagId::err_pass_failed;
    CHECK(!pm.run(f.module, f.diags));
    CHECK(f.diags.diagnostics().size() == 1);
    CHECK(f.firstMessage() == "pass 'bad' failed: test failure");
  }
  SUBCASE("reporting an error while claiming success still fails") {
    bad->failWith = DiagId::err_pass_failed;
    CHECK(!pm.run(f.module, f.diags));
  }
  CHECK(log == std::vector<std::string>{"run bad"});
}

TEST_CASE("verify-each reports a broken post-condition") {
  Fixture f;
  PassManager pm;
  auto p = std::make_unique<TestPass>("liar", nullptr);
  p->verifyResult = false;
  pm.addPass(std::move(p), f.diags);
  PassInstrumentation inst;
  SUBCASE("off: not checked") {
    pm.setInstrumentation(inst);
    CHECK(pm.run(f.module, f.diags));
  }
  SUBCASE("on: err_verifier") {
    inst.verifyEach = true;
    pm.setInstrumentation(inst);
    CHECK(!pm.run(f.module, f.diags));
    REQUIRE(f.diags.diagnostics().size() == 1);
    CHECK(f.diags.diagnostics()[0].id == DiagId::err_verifier);
    CHECK(f.firstMessage() == "after pass 'liar': its post-condition does not hold");
  }
}
