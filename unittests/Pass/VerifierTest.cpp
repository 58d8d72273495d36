//===- VerifierTest.cpp - The structural IR verifier -----------------------===//
#include "distribufy/Pass/PassManager.h"
#include "passes/Passes.h"

#include <doctest/doctest.h>

using namespace distribufy;
using namespace distribufy::ir;

namespace {

struct Fixture {
  SourceManager sm;
  FileId file = sm.addBuffer("v.js", "x;\n`a${b}c`;\n");
  DiagnosticEngine diags{sm};
  Module module{sm, file};

  Identifier *ident(std::string_view name, SourceRange r = {}) {
    auto *id = module.make<Identifier>(r);
    id->name = module.atom(name);
    return id;
  }
  void setBody(std::initializer_list<Node *> stmts) {
    std::vector<Node *> v(stmts);
    module.program = module.make<Program>(SourceRange{0, 12});
    module.program->body = module.list(v);
  }
  bool verify() { return verifyModuleStructure(module, diags, "test"); }
  std::string message(size_t i = 0) const {
    return i < diags.diagnostics().size() ? diags.diagnostics()[i].message : "";
  }
};

} // namespace

TEST_CASE("a well-formed tree passes") {
  Fixture f;
  auto *stmt = f.module.make<ExpressionStatement>(SourceRange{0, 2});
  stmt->expression = f.ident("x", {0, 1});
  auto *tpl = f.module.make<TemplateLiteral>(SourceRange{3, 11});
  Node *quasis[] = {f.module.make<TemplateElement>(), f.module.make<TemplateElement>()};
  Node *exprs[] = {f.ident("b")};
  tpl->quasis = f.module.list(quasis);
  tpl->expressions = f.module.list(exprs);
  auto *stmt2 = f.module.make<ExpressionStatement>(SourceRange{3, 12});
  stmt2->expression = tpl;
  f.setBody({stmt, stmt2});
  CHECK(f.verify());
  CHECK(!f.diags.hasErrors());
}

TEST_CASE("a missing required child is reported at its parent") {
  Fixture f;
  f.setBody({f.module.make<ExpressionStatement>(SourceRange{0, 2})});
  CHECK(!f.verify());
  CHECK(f.message() ==
        "after pass 'test': ExpressionStatement.expression is missing (expected expression)");
  CHECK(f.diags.diagnostics()[0].range.begin == 0);
}

TEST_CASE("a statement in an expression slot") {
  Fixture f;
  auto *stmt = f.module.make<ExpressionStatement>(SourceRange{0, 2});
  stmt->expression = f.module.make<EmptyStatement>(SourceRange{1, 2});
  f.setBody({stmt});
  CHECK(!f.verify());
  CHECK(f.message() ==
        "after pass 'test': ExpressionStatement.expression holds EmptyStatement, expected "
        "expression");
  CHECK(f.diags.diagnostics()[0].range.begin == 1);
}

TEST_CASE("an expression in a statement list, null entries, holes") {
  Fixture f;
  auto *arr = f.module.make<ArrayExpression>();
  Node *elems[] = {nullptr, f.ident("a")};
  arr->elements = f.module.list(elems); // holes are fine in array literals
  auto *stmt = f.module.make<ExpressionStatement>();
  stmt->expression = arr;
  auto *block = f.module.make<BlockStatement>(SourceRange{3, 5});
  Node *body[] = {f.ident("oops"), nullptr};
  block->body = f.module.list(body);
  f.setBody({stmt, block});
  CHECK(!f.verify());
  REQUIRE(f.diags.diagnostics().size() == 2);
  CHECK(f.message(0) ==
        "after pass 'test': BlockStatement.body holds Identifier, expected statement");
  CHECK(f.message(1) == "after pass 'test': BlockStatement.body[1] is null (expected statement)");
}

TEST_CASE("template literal quasis interleave the expressions") {
  Fixture f;
  auto *tpl = f.module.make<TemplateLiteral>(SourceRange{3, 11});
  Node *quasis[] = {f.module.make<TemplateElement>()};
  Node *exprs[] = {f.ident("b")};
  tpl->quasis = f.module.list(quasis);
  tpl->expressions = f.module.list(exprs);
  auto *stmt = f.module.make<ExpressionStatement>(SourceRange{3, 12});
  stmt->expression = tpl;
  f.setBody({stmt});
  CHECK(!f.verify());
  CHECK(f.message() ==
        "after pass 'test': TemplateLiteral has 1 quasis for 1 expressions (expected 2)");
  // Located at the template, line 2.
  CHECK(f.sm.lineColumn(f.file, f.diags.diagnostics()[0].range.begin).line == 2);
}

TEST_CASE("assignment targets and rest elements") {
  Fixture f;
  auto *assign = f.module.make<AssignmentExpression>();
  auto *misplaced = f.module.make<RestElement>();
  misplaced->argument = f.ident("q");
  assign->left = misplaced;
  assign->right = f.ident("v");
  auto *pattern = f.module.make<ArrayPattern>();
  auto *rest = f.module.make<RestElement>();
  rest->argument = f.ident("r");
  Node *elems[] = {rest, f.ident("z")};
  pattern->elements = f.module.list(elems);
  auto *assign2 = f.module.make<AssignmentExpression>();
  assign2->left = pattern;
  assign2->right = f.ident("w");
  auto *s1 = f.module.make<ExpressionStatement>(SourceRange{0, 2});
  s1->expression = assign;
  auto *s2 = f.module.make<ExpressionStatement>(SourceRange{3, 12});
  s2->expression = assign2;
  f.setBody({s1, s2});
  CHECK(!f.verify());
  REQUIRE(f.diags.diagnostics().size() == 2);
  CHECK(f.message(0) ==
        "after pass 'test': AssignmentExpression.left holds RestElement, expected assignment "
        "target");
  CHECK(f.message(1) ==
        "after pass 'test': ArrayPattern.elements: a RestElement must be the last entry");
}

TEST_CASE("the verify pass and every pass's default verifier use it") {
  Fixture f;
  f.setBody({f.module.make<ExpressionStatement>(SourceRange{0, 2})});
  PassManager pm;
  REQUIRE(pm.addPipeline("verify", f.diags));
  CHECK(!pm.run(f.module, f.diags));
  CHECK(f.message().starts_with("after pass 'verify': "));
}
