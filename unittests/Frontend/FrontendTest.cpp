//===- FrontendTest.cpp - CST -> IR conversion and frontend diagnostics ----===//
//
// Parses snippets of every construct and checks the IR shape (kinds, fields,
// ranges), plus the frontend's own diagnostics: syntax errors with their
// positions, invalid UTF-8, unsupported constructs, early errors that need
// the concrete syntax, and deep nesting.
//
//===----------------------------------------------------------------------===//
#include "distribufy/Frontend/Frontend.h"
#include "distribufy/Support/LargeStack.h"

#include <doctest/doctest.h>

#include <memory>
#include <string>

using namespace distribufy;
using namespace distribufy::ir;

namespace {

struct Parsed {
  SourceManager sm;
  DiagnosticEngine diags{sm};
  FileId file = 0;
  std::unique_ptr<Module> module;

  Program *program() const { return module ? module->program : nullptr; }
  /// The first diagnostic, rendered as `file:line:col: error: message`.
  std::string firstError() const {
    if (diags.diagnostics().empty())
      return {};
    const Diagnostic &d = diags.diagnostics().front();
    std::string s = std::string(sm.name(d.file));
    if (d.range.valid()) {
      LineColumn lc = sm.lineColumn(d.file, d.range.begin);
      s += ":" + std::to_string(lc.line) + ":" + std::to_string(lc.column);
    }
    return s + ": " + d.message;
  }
};

std::unique_ptr<Parsed> parse(std::string src, SourceType type = SourceType::Auto,
                              std::string name = "t.js") {
  auto p = std::make_unique<Parsed>();
  p->file = p->sm.addBuffer(std::move(name), std::move(src));
  ParseOptions opts;
  opts.sourceType = type;
  p->module = parseJavaScript(p->sm, p->file, p->diags, opts);
  return p;
}

/// Parses \p src, requires success and returns the expression of the first
/// (or \p index-th) expression statement.
Node *firstExpr(const Parsed &p, size_t index = 0) {
  REQUIRE(p.module);
  REQUIRE(p.program()->body.size() > index);
  auto *es = dynCast<ExpressionStatement>(p.program()->body[index]);
  REQUIRE(es);
  return es->expression;
}

std::string_view textOf(const Parsed &p, const Node *n) {
  return p.sm.text(p.file).substr(n->range.begin, n->range.end - n->range.begin);
}

} // namespace

TEST_CASE("empty and trivial programs") {
  auto p = parse("");
  REQUIRE_MESSAGE(p->module, p->firstError());
  CHECK(p->program()->body.empty());
  CHECK_FALSE(p->program()->isModule);

  auto q = parse("  // only a comment\n/* and another */\n");
  REQUIRE(q->module);
  CHECK(q->program()->body.empty());
}

TEST_CASE("hashbang and directives") {
  auto p = parse("#!/usr/bin/env node\n'use strict';\n\"other\"; ('no'); x;\n"
                 "function f() { 'use strict'; a; 'not a directive'; }");
  REQUIRE_MESSAGE(p->module, p->firstError());
  Program *prog = p->program();
  CHECK(prog->hashbang == "/usr/bin/env node");
  REQUIRE(prog->body.size() == 5);
  CHECK(cast<ExpressionStatement>(prog->body[0])->directive == "'use strict'");
  CHECK(cast<ExpressionStatement>(prog->body[1])->directive == "\"other\"");
  CHECK(cast<ExpressionStatement>(prog->body[2])->directive.empty()); // parenthesized
  auto *f = cast<FunctionDeclaration>(prog->body[4]);
  auto *body = cast<BlockStatement>(f->body);
  REQUIRE(body->body.size() == 3);
  CHECK(cast<ExpressionStatement>(body->body[0])->directive == "'use strict'");
  CHECK(cast<ExpressionStatement>(body->body[2])->directive.empty());
}

TEST_CASE("declarations and statements") {
  auto p = parse("var a = 1, b; let [c, , ...d] = e; const {f, g: h = 2, ...i} = j;\n"
                 "if (a) b; else { c }\n"
                 "for (let k = 0; k < 3; k++) continue;\n"
                 "for (;;) break;\n"
                 "for (const x in o) ;\n"
                 "for (x.y of z) ;\n"
                 "async function af() { for await (const v of w) ; }\n"
                 "lbl: while (a) { break lbl; }\n"
                 "do ; while (0)\n"
                 "switch (a) { case 1: b; c; default: d }\n"
                 "try { a } catch ({message}) { } finally { }\n"
                 "try { } catch { }\n"
                 "with (o) x; debugger; throw e;");
  REQUIRE_MESSAGE(p->module, p->firstError());
  NodeList body = p->program()->body;
  REQUIRE(body.size() == 17);
  auto *v = cast<VariableDeclaration>(body[0]);
  CHECK(v->kind == VarKind::Var);
  REQUIRE(v->declarations.size() == 2);
  CHECK(cast<VariableDeclarator>(v->declarations[1])->init == nullptr);

  auto *l = cast<VariableDeclaration>(body[1]);
  CHECK(l->kind == VarKind::Let);
  auto *ap = cast<ArrayPattern>(cast<VariableDeclarator>(l->declarations[0])->id);
  REQUIRE(ap->elements.size() == 3);
  CHECK(ap->elements[1] == nullptr);
  CHECK(isa<RestElement>(ap->elements[2]));

  auto *c = cast<VariableDeclaration>(body[2]);
  CHECK(c->kind == VarKind::Const);
  auto *op = cast<ObjectPattern>(cast<VariableDeclarator>(c->declarations[0])->id);
  REQUIRE(op->properties.size() == 3);
  auto *p0 = cast<Property>(op->properties[0]);
  CHECK(p0->shorthand);
  CHECK(cast<Identifier>(p0->value)->name == "f");
  auto *p1 = cast<Property>(op->properties[1]);
  CHECK(cast<Identifier>(p1->key)->name == "g");
  CHECK(isa<AssignmentPattern>(p1->value));
  CHECK(isa<RestElement>(op->properties[2]));

  auto *ifs = cast<IfStatement>(body[3]);
  CHECK(isa<Identifier>(ifs->test));
  CHECK(isa<BlockStatement>(ifs->alternate));

  auto *fs = cast<ForStatement>(body[4]);
  CHECK(isa<VariableDeclaration>(fs->init));
  CHECK(isa<BinaryExpression>(fs->test));
  CHECK(isa<UpdateExpression>(fs->update));
  CHECK(isa<ContinueStatement>(fs->body));
  auto *inf = cast<ForStatement>(body[5]);
  CHECK(inf->init == nullptr);
  CHECK(inf->test == nullptr);
  CHECK(inf->update == nullptr);

  auto *fin = cast<ForInStatement>(body[6]);
  CHECK(cast<VariableDeclaration>(fin->left)->kind == VarKind::Const);
  auto *fof = cast<ForOfStatement>(body[7]);
  CHECK(isa<MemberExpression>(fof->left));
  CHECK_FALSE(fof->isAwait);

  auto *af = cast<FunctionDeclaration>(body[8]);
  CHECK(af->isAsync);
  CHECK(cast<ForOfStatement>(cast<BlockStatement>(af->body)->body[0])->isAwait);

  auto *ls = cast<LabeledStatement>(body[9]);
  CHECK(ls->label == "lbl");
  auto *brk =
      cast<BreakStatement>(cast<BlockStatement>(cast<WhileStatement>(ls->body)->body)->body[0]);
  CHECK(brk->label == "lbl");

  CHECK(isa<DoWhileStatement>(body[10]));
  auto *sw = cast<SwitchStatement>(body[11]);
  REQUIRE(sw->cases.size() == 2);
  CHECK(cast<SwitchCase>(sw->cases[0])->consequent.size() == 2);
  CHECK(cast<SwitchCase>(sw->cases[1])->test == nullptr);

  auto *tr = cast<TryStatement>(body[12]);
  CHECK(isa<ObjectPattern>(cast<CatchClause>(tr->handler)->param));
  CHECK(tr->finalizer);
  auto *tr2 = cast<TryStatement>(body[13]);
  CHECK(cast<CatchClause>(tr2->handler)->param == nullptr);
  CHECK(tr2->finalizer == nullptr);
  CHECK(isa<WithStatement>(body[14]));
  CHECK(isa<DebuggerStatement>(body[15]));
  CHECK(isa<ThrowStatement>(body[16]));
}

TEST_CASE("expressions, operators, parentheses and ranges") {
  auto p = parse(
      "a = (b, c, (d, e));\n"
      "x ?\?= y || z && w;\n"
      "++i; j--;\n"
      "(((q)));\n"
      "a ?\? (b || c);\n"
      "typeof x, void 0, delete o.p, !a, -b, +c, ~d;\n"
      "a ? b : c;\n"
      "new F(1, ...r); new G;\n"
      "function* g() { yield; yield* h(); }\n"
      "async () => { await p; };\n"
      "(function () { new.target; }); import.meta;\n"
      "x = {__proto__: a, \"b\": 1, [c]: 2, d, ...e, f() {}, get g() { return 1; }, set g(v) {}};\n"
      "[, a, , ...b];",
      SourceType::Module);
  REQUIRE_MESSAGE(p->module, p->firstError());
  auto *as = cast<AssignmentExpression>(firstExpr(*p, 0));
  CHECK(as->op == AssignOp::Assign);
  auto *seq = cast<SequenceExpression>(as->right);
  REQUIRE(seq->expressions.size() == 3); // (d, e) stays a separate sequence
  CHECK(isa<SequenceExpression>(seq->expressions[2]));
  CHECK(textOf(*p, seq) == "b, c, (d, e)");

  auto *la = cast<AssignmentExpression>(firstExpr(*p, 1));
  CHECK(la->op == AssignOp::NullishAssign);
  auto *lor = cast<LogicalExpression>(la->right);
  CHECK(lor->op == LogicalOp::Or);
  CHECK(cast<LogicalExpression>(lor->right)->op == LogicalOp::And);

  auto *pre = cast<UpdateExpression>(firstExpr(*p, 2));
  CHECK(pre->prefix);
  CHECK(pre->op == UpdateOp::Increment);
  auto *post = cast<UpdateExpression>(firstExpr(*p, 3));
  CHECK_FALSE(post->prefix);
  CHECK(post->op == UpdateOp::Decrement);

  auto *q = cast<Identifier>(firstExpr(*p, 4));
  CHECK(q->name == "q");
  CHECK(textOf(*p, q) == "q");

  CHECK(cast<LogicalExpression>(firstExpr(*p, 5))->op == LogicalOp::Nullish);
  auto *unaries = cast<SequenceExpression>(firstExpr(*p, 6));
  REQUIRE(unaries->expressions.size() == 7);
  CHECK(cast<UnaryExpression>(unaries->expressions[0])->op == UnaryOp::Typeof);
  CHECK(cast<UnaryExpression>(unaries->expressions[2])->op == UnaryOp::Delete);
  CHECK(cast<UnaryExpression>(unaries->expressions[6])->op == UnaryOp::BitNot);
  CHECK(isa<ConditionalExpression>(firstExpr(*p, 7)));
  auto *nw = cast<NewExpression>(firstExpr(*p, 8));
  REQUIRE(nw->arguments.size() == 2);
  CHECK(isa<SpreadElement>(nw->arguments[1]));
  CHECK(cast<NewExpression>(firstExpr(*p, 9))->arguments.empty());

  auto *g = cast<FunctionDeclaration>(p->program()->body[10]);
  CHECK(g->isGenerator);
  auto *gb = cast<BlockStatement>(g->body);
  CHECK(cast<YieldExpression>(cast<ExpressionStatement>(gb->body[0])->expression)->argument ==
        nullptr);
  CHECK(cast<YieldExpression>(cast<ExpressionStatement>(gb->body[1])->expression)->delegate);

  auto *arrow = cast<ArrowFunctionExpression>(firstExpr(*p, 11));
  CHECK(arrow->isAsync);
  CHECK(isa<BlockStatement>(arrow->body));

  auto *ntFn = cast<FunctionExpression>(firstExpr(*p, 12));
  auto *nt = cast<MetaProperty>(
      cast<ExpressionStatement>(cast<BlockStatement>(ntFn->body)->body[0])->expression);
  CHECK(nt->meta == "new");
  CHECK(nt->property == "target");
  auto *im = cast<MetaProperty>(firstExpr(*p, 13));
  CHECK(im->meta == "import");
  CHECK(im->property == "meta");

  auto *obj = cast<ObjectExpression>(cast<AssignmentExpression>(firstExpr(*p, 14))->right);
  REQUIRE(obj->properties.size() == 8);
  CHECK(cast<StringLiteral>(cast<Property>(obj->properties[1])->key)->value == "b");
  CHECK(cast<Property>(obj->properties[2])->computed);
  CHECK(cast<Property>(obj->properties[3])->shorthand);
  CHECK(isa<SpreadElement>(obj->properties[4]));
  auto *m = cast<Property>(obj->properties[5]);
  CHECK(m->method);
  CHECK(m->kind == PropertyKind::Init);
  CHECK(isa<FunctionExpression>(m->value));
  CHECK(cast<Property>(obj->properties[6])->kind == PropertyKind::Get);
  CHECK(cast<Property>(obj->properties[7])->kind == PropertyKind::Set);

  auto *arr = cast<ArrayExpression>(firstExpr(*p, 15));
  REQUIRE(arr->elements.size() == 4);
  CHECK(arr->elements[0] == nullptr);
  CHECK(arr->elements[2] == nullptr);
  CHECK(isa<SpreadElement>(arr->elements[3]));
}

TEST_CASE("optional chaining") {
  auto p = parse("a?.b.c; (a?.b).c; a?.(1)?.[2]; a.b(); super_?.x;");
  REQUIRE_MESSAGE(p->module, p->firstError());
  auto *c1 = cast<ChainExpression>(firstExpr(*p, 0));
  auto *outer = cast<MemberExpression>(c1->expression);
  CHECK_FALSE(outer->optional);
  CHECK(cast<Identifier>(outer->property)->name == "c");
  CHECK(cast<MemberExpression>(outer->object)->optional);

  auto *m2 = cast<MemberExpression>(firstExpr(*p, 1));
  CHECK(isa<ChainExpression>(m2->object));

  auto *c3 = cast<ChainExpression>(firstExpr(*p, 2));
  auto *sub = cast<MemberExpression>(c3->expression);
  CHECK(sub->computed);
  CHECK(sub->optional);
  auto *call = cast<CallExpression>(sub->object);
  CHECK(call->optional);
  CHECK(call->arguments.size() == 1);

  auto *plain = cast<CallExpression>(firstExpr(*p, 3));
  CHECK_FALSE(plain->optional);
  CHECK(isa<ChainExpression>(firstExpr(*p, 4)));
}

TEST_CASE("templates, tagged templates and regular expressions") {
  auto p = parse("`a${b}\\n${c, d}`; tag`x\\u{41}${y}`; `${a}`; /[/]\\d+/gu; /x/;");
  REQUIRE_MESSAGE(p->module, p->firstError());
  auto *t = cast<TemplateLiteral>(firstExpr(*p, 0));
  REQUIRE(t->quasis.size() == 3);
  REQUIRE(t->expressions.size() == 2);
  CHECK(cast<TemplateElement>(t->quasis[0])->raw == "a");
  CHECK(cast<TemplateElement>(t->quasis[1])->raw == "\\n");
  CHECK(cast<TemplateElement>(t->quasis[2])->raw == "");
  CHECK(isa<SequenceExpression>(t->expressions[1]));
  CHECK(textOf(*p, t->quasis[1]) == "\\n");

  auto *tt = cast<TaggedTemplateExpression>(firstExpr(*p, 1));
  CHECK(cast<Identifier>(tt->tag)->name == "tag");
  CHECK(cast<TemplateElement>(cast<TemplateLiteral>(tt->quasi)->quasis[0])->raw == "x\\u{41}");

  auto *t3 = cast<TemplateLiteral>(firstExpr(*p, 2));
  CHECK(t3->quasis.size() == 2);

  auto *re = cast<RegExpLiteral>(firstExpr(*p, 3));
  CHECK(re->pattern == "[/]\\d+");
  CHECK(re->flags == "gu");
  CHECK(cast<RegExpLiteral>(firstExpr(*p, 4))->flags == "");
}

TEST_CASE("string, numeric and identifier literals") {
  auto p = parse("'a\\nb\\x41\\u0042\\u{1F600}\\\n\\0\\101\\8\\'';\n"
                 "'\\uD83D\\uDE00'; '\\uD800'; \"plain\";\n"
                 "1_000.5; 0x1F; 0o17; 0b101; 017; 08; .5e1; 0xFFFFFFFFFFFFFFFFF; 10n;\n"
                 "var \\u0061b = 1;");
  REQUIRE_MESSAGE(p->module, p->firstError());
  auto *s = cast<StringLiteral>(firstExpr(*p, 0));
  CHECK(s->raw == "'a\\nb\\x41\\u0042\\u{1F600}\\\n\\0\\101\\8\\''");
  CHECK(s->value == std::string("a\nbAB\xF0\x9F\x98\x80") + std::string(1, '\0') + "A8'");
  CHECK(cast<StringLiteral>(firstExpr(*p, 1))->value == "\xF0\x9F\x98\x80");
  CHECK(cast<StringLiteral>(firstExpr(*p, 2))->value == "\xED\xA0\x80"); // WTF-8
  CHECK(cast<StringLiteral>(firstExpr(*p, 3))->value == "plain");

  double expected[] = {1000.5, 31, 15, 5, 15, 8, 5, 295147905179352825856.0};
  for (size_t i = 0; i < std::size(expected); ++i) {
    auto *n = cast<NumericLiteral>(firstExpr(*p, 4 + i));
    CHECK(n->value == expected[i]);
  }
  CHECK(cast<NumericLiteral>(firstExpr(*p, 4))->raw == "1_000.5");
  CHECK(cast<BigIntLiteral>(firstExpr(*p, 12))->raw == "10n");
  auto *v = cast<VariableDeclaration>(p->program()->body[13]);
  CHECK(cast<Identifier>(cast<VariableDeclarator>(v->declarations[0])->id)->name == "ab");
}

TEST_CASE("classes") {
  auto p = parse("class A extends B {\n"
                 "  static #x = 1; y; 'z' = 2; [k] = 3;\n"
                 "  constructor() { super(); }\n"
                 "  static { this.q = 1; }\n"
                 "  get g() { return #x in this; } set g(v) {}\n"
                 "  static async *m() {} #p() {} static static() {} static constructor() {}\n"
                 "}\n"
                 "(class {});");
  REQUIRE_MESSAGE(p->module, p->firstError());
  auto *c = cast<ClassDeclaration>(p->program()->body[0]);
  CHECK(cast<Identifier>(c->id)->name == "A");
  CHECK(cast<Identifier>(c->superClass)->name == "B");
  REQUIRE(c->body.size() == 12);
  auto *f0 = cast<PropertyDefinition>(c->body[0]);
  CHECK(f0->isStatic);
  CHECK(cast<PrivateName>(f0->key)->name == "x");
  CHECK(cast<PropertyDefinition>(c->body[1])->value == nullptr);
  CHECK(isa<StringLiteral>(cast<PropertyDefinition>(c->body[2])->key));
  CHECK(cast<PropertyDefinition>(c->body[3])->computed);
  auto *ctor = cast<MethodDefinition>(c->body[4]);
  CHECK(ctor->kind == MethodKind::Constructor);
  auto *superCall = cast<CallExpression>(
      cast<ExpressionStatement>(
          cast<BlockStatement>(cast<FunctionExpression>(ctor->value)->body)->body[0])
          ->expression);
  CHECK(isa<Super>(superCall->callee));
  CHECK(isa<StaticBlock>(c->body[5]));
  auto *getter = cast<MethodDefinition>(c->body[6]);
  CHECK(getter->kind == MethodKind::Get);
  auto *ret = cast<ReturnStatement>(
      cast<BlockStatement>(cast<FunctionExpression>(getter->value)->body)->body[0]);
  auto *in = cast<BinaryExpression>(ret->argument);
  CHECK(in->op == BinaryOp::In);
  CHECK(cast<PrivateName>(in->left)->name == "x");
  CHECK(cast<MethodDefinition>(c->body[7])->kind == MethodKind::Set);
  auto *m = cast<MethodDefinition>(c->body[8]);
  CHECK(m->isStatic);
  CHECK(cast<FunctionExpression>(m->value)->isAsync);
  CHECK(cast<FunctionExpression>(m->value)->isGenerator);
  CHECK(isa<PrivateName>(cast<MethodDefinition>(c->body[9])->key));
  auto *st = cast<MethodDefinition>(c->body[10]);
  CHECK(st->isStatic);
  CHECK(cast<Identifier>(st->key)->name == "static");
  CHECK(cast<MethodDefinition>(c->body[11])->kind == MethodKind::Method); // static
  CHECK(isa<ClassExpression>(firstExpr(*p, 1)));
}

TEST_CASE("functions, parameters and destructuring assignment") {
  auto p = parse("function f(a, b = 1, {c}, [d], ...e) {}\n"
                 "x => x; async x => x; (a, {b}) => a;\n"
                 "[a, b.c, ...d[0]] = e; ({a, b: c.d, e = 1} = f); (a) = 1; (a.b) += 2;\n"
                 "for ([a, b] of c) ; for ((a) in b) ;");
  REQUIRE_MESSAGE(p->module, p->firstError());
  auto *f = cast<FunctionDeclaration>(p->program()->body[0]);
  REQUIRE(f->params.size() == 5);
  CHECK(isa<Identifier>(f->params[0]));
  CHECK(isa<AssignmentPattern>(f->params[1]));
  CHECK(isa<ObjectPattern>(f->params[2]));
  CHECK(isa<ArrayPattern>(f->params[3]));
  CHECK(isa<RestElement>(f->params[4]));
  auto *a1 = cast<ArrowFunctionExpression>(firstExpr(*p, 1));
  CHECK(a1->params.size() == 1);
  CHECK(isa<Identifier>(a1->body));
  CHECK(cast<ArrowFunctionExpression>(firstExpr(*p, 2))->isAsync);
  CHECK(cast<ArrowFunctionExpression>(firstExpr(*p, 3))->params.size() == 2);
  auto *d1 = cast<AssignmentExpression>(firstExpr(*p, 4));
  auto *ap = cast<ArrayPattern>(d1->left);
  CHECK(isa<MemberExpression>(ap->elements[1]));
  CHECK(isa<MemberExpression>(cast<RestElement>(ap->elements[2])->argument));
  auto *d2 = cast<AssignmentExpression>(firstExpr(*p, 5));
  auto *op = cast<ObjectPattern>(d2->left);
  CHECK(isa<MemberExpression>(cast<Property>(op->properties[1])->value));
  CHECK(isa<AssignmentPattern>(cast<Property>(op->properties[2])->value));
  CHECK(isa<Identifier>(cast<AssignmentExpression>(firstExpr(*p, 6))->left));
  CHECK(cast<AssignmentExpression>(firstExpr(*p, 7))->op == AssignOp::AddAssign);
  CHECK(isa<ArrayPattern>(cast<ForOfStatement>(p->program()->body[8])->left));
  CHECK(isa<Identifier>(cast<ForInStatement>(p->program()->body[9])->left));
}

TEST_CASE("modules: import and export") {
  auto p = parse("import a, {b as c, \"d\" as e} from 'x';\n"
                 "import * as ns from 'y'; import 'z';\n"
                 "export const v = 1; export function f() {} export { v as w, f as g };\n"
                 "export * from 'm'; export * as n2 from 'm'; export { x as \"y z\" } from 'm';\n"
                 "export default function () {}\n");
  REQUIRE_MESSAGE(p->module, p->firstError());
  CHECK(p->program()->isModule);
  NodeList body = p->program()->body;
  REQUIRE(body.size() == 10);
  auto *i0 = cast<ImportDeclaration>(body[0]);
  REQUIRE(i0->specifiers.size() == 3);
  CHECK(isa<ImportDefaultSpecifier>(i0->specifiers[0]));
  auto *s1 = cast<ImportSpecifier>(i0->specifiers[1]);
  CHECK(cast<Identifier>(s1->imported)->name == "b");
  CHECK(cast<Identifier>(s1->local)->name == "c");
  CHECK(isa<StringLiteral>(cast<ImportSpecifier>(i0->specifiers[2])->imported));
  CHECK(cast<StringLiteral>(i0->source)->value == "x");
  CHECK(isa<ImportNamespaceSpecifier>(cast<ImportDeclaration>(body[1])->specifiers[0]));
  CHECK(cast<ImportDeclaration>(body[2])->specifiers.empty());
  CHECK(isa<VariableDeclaration>(cast<ExportNamedDeclaration>(body[3])->declaration));
  CHECK(isa<FunctionDeclaration>(cast<ExportNamedDeclaration>(body[4])->declaration));
  auto *e5 = cast<ExportNamedDeclaration>(body[5]);
  REQUIRE(e5->specifiers.size() == 2);
  CHECK(cast<Identifier>(cast<ExportSpecifier>(e5->specifiers[0])->exported)->name == "w");
  CHECK(cast<Identifier>(cast<ExportSpecifier>(e5->specifiers[1])->exported)->name == "g");
  CHECK(e5->source == nullptr);
  CHECK(cast<ExportAllDeclaration>(body[6])->exported == nullptr);
  CHECK(cast<Identifier>(cast<ExportAllDeclaration>(body[7])->exported)->name == "n2");
  CHECK(isa<StringLiteral>(
      cast<ExportSpecifier>(cast<ExportNamedDeclaration>(body[8])->specifiers[0])->exported));
  auto *def = cast<ExportDefaultDeclaration>(body[9]);
  auto *fd = cast<FunctionDeclaration>(def->declaration);
  CHECK(fd->id == nullptr);

  auto q = parse("export default (function () {});");
  REQUIRE(q->module);
  CHECK(
      isa<FunctionExpression>(cast<ExportDefaultDeclaration>(q->program()->body[0])->declaration));
}

TEST_CASE("script or module") {
  CHECK_FALSE(parse("import('x'); x;")->program()->isModule);
  auto dyn = parse("import('x');");
  CHECK(isa<ImportExpression>(firstExpr(*dyn)));
  CHECK(parse("x;", SourceType::Auto, "a.mjs")->program()->isModule);
  CHECK(parse("x;", SourceType::Module)->program()->isModule);
  auto forced = parse("export const a = 1;", SourceType::Script);
  CHECK_FALSE(forced->module);
  CHECK(forced->firstError() ==
        "t.js:1:1: import and export declarations are only allowed in modules");
  auto nested = parse("{ import a from 'b'; }", SourceType::Module);
  CHECK_FALSE(nested->module);
}

TEST_CASE("CommonJS: a top-level return in scripts node wraps in a function") {
  auto cjs = parse("if (a) return;\nreturn 1;");
  REQUIRE_MESSAGE(cjs->module, cjs->firstError());
  CHECK(cjs->module->commonJS);
  CHECK(isa<ReturnStatement>(cjs->program()->body[1]));
  CHECK(parse("return;", SourceType::CommonJS)->module);
  // Explicit scripts (test262) and modules keep rejecting it.
  auto script = parse("return;", SourceType::Script);
  CHECK_FALSE(script->module);
  CHECK(script->firstError() == "t.js:1:1: Illegal return statement");
  CHECK_FALSE(parse("return;", SourceType::Module)->module);
  CHECK_FALSE(parse("export {}; return;")->module);
  CHECK_FALSE(parse("return;", SourceType::Auto, "a.mjs")->module);
  CHECK_FALSE(parse("x;", SourceType::Script)->module->commonJS);
  CHECK_FALSE(parse("export {};")->module->commonJS);
  // Only the top level of the wrapper function: not class static blocks.
  CHECK_FALSE(parse("class A { static { return; } }")->module);
}

TEST_CASE("yield retry and lone CR keep the original text") {
  // The retry parses `yield` spelled differently; names come from the source.
  auto y = parse("var f = function (yield) { return yield + 'yield'; };", SourceType::Script);
  REQUIRE_MESSAGE(y->module, y->firstError());
  auto *v = cast<VariableDeclaration>(y->program()->body[0]);
  auto *fn = cast<FunctionExpression>(cast<VariableDeclarator>(v->declarations[0])->init);
  CHECK(cast<Identifier>(fn->params[0])->name == "yield");
  // A lone CR is parsed as LF, but literals keep their exact text.
  auto cr = parse("'a\\\rb';\r`x\ry`;\rz", SourceType::Script);
  REQUIRE_MESSAGE(cr->module, cr->firstError());
  REQUIRE(cr->program()->body.size() == 3);
  auto *s = cast<StringLiteral>(firstExpr(*cr, 0));
  CHECK(s->raw == "'a\\\rb'");
  CHECK(s->value == "ab");
  auto *t = cast<TemplateLiteral>(firstExpr(*cr, 1));
  CHECK(cast<TemplateElement>(t->quasis[0])->raw == "x\ry");
}

TEST_CASE("syntax errors: one diagnostic at the first problem") {
  auto p = parse("let a = 1;\nlet b = ;\nlet c = ;\n");
  CHECK_FALSE(p->module);
  CHECK(p->diags.errorCount() == 1);
  CHECK(p->firstError().starts_with("t.js:2:"));

  auto m = parse("if (a {\n}");
  CHECK_FALSE(m->module);
  CHECK(m->diags.errorCount() == 1);

  auto missing = parse("do x; while (y");
  CHECK_FALSE(missing->module);
  CHECK(missing->firstError() == "t.js:1:15: expected ')'");

  auto tok = parse("x = 1;\n  @@@;\n");
  CHECK_FALSE(tok->module);
  CHECK(tok->firstError().starts_with("t.js:2:3: unexpected '@"));
}

TEST_CASE("invalid UTF-8") {
  auto p = parse(std::string("var s = 'ok';\nvar t = '\xC3\x28';"));
  CHECK_FALSE(p->module);
  REQUIRE(p->diags.errorCount() == 1);
  const Diagnostic &d = p->diags.diagnostics().front();
  CHECK(d.id == DiagId::err_invalid_utf8);
  CHECK(d.range.begin == 23);
  CHECK(parse("'\xED\xA0\x80'")->diags.errorCount() == 1); // encoded surrogate
  CHECK(parse("'\xF0\x9F\x98\x80'")->module);
}

TEST_CASE("unsupported constructs") {
  auto jsx = parse("const e = <div>hi</div>;");
  CHECK_FALSE(jsx->module);
  CHECK(jsx->diags.diagnostics().front().id == DiagId::err_unsupported);
  CHECK(jsx->firstError() == "t.js:1:11: unsupported construct: JSX");
  auto dec = parse("@dec class A {}");
  CHECK_FALSE(dec->module);
  CHECK(dec->diags.diagnostics().front().id == DiagId::err_unsupported);
  auto html = parse("x; <!-- comment\ny;", SourceType::Module);
  CHECK_FALSE(html->module);
  CHECK(parse("x; <!-- comment\ny;", SourceType::Script)->module);
}

TEST_CASE("early errors that need parentheses") {
  const char *bad[] = {"({a}) = 1;",     "(a, b) = 1;",         "([a]) = 1;",
                       "++f();",         "(a + 1)++;",          "a?.b = 1;",
                       "(a?.b) = 1;",    "for ((a, b) of c) ;", "({__proto__: 1, '__proto__': 2});",
                       "let [a.b] = c;", "a ?\? b || c;",       "new a?.b();",
                       "a?.b`t`;"};
  for (const char *src : bad) {
    CAPTURE(src);
    auto p = parse(src);
    CHECK_FALSE(p->module);
    CHECK(p->diags.errorCount() >= 1);
  }
  const char *good[] = {"(a) = 1;",
                        "((a.b)) = 1;",
                        "(a[0])++;",
                        "for ((a) of b) ;",
                        "({__proto__: 1, ['__proto__']: 2, __proto__() {}});",
                        "({__proto__: a, __proto__: b} = c);",
                        "(a) => 1;",
                        "(a ?\? b) || c;"};
  for (const char *src : good) {
    CAPTURE(src);
    auto p = parse(src);
    CHECK(p->module);
    CHECK(p->firstError() == "");
  }
}

TEST_CASE("deep nesting gives a clean error or a result") {
  runWithLargeStack([] {
    std::string deep = "x = " + std::string(200000, '(') + "1" + std::string(200000, ')') + ";";
    auto p = parse(deep);
    CHECK_FALSE(p->module);
    CHECK(p->diags.diagnostics().front().id == DiagId::err_nesting_too_deep);

    std::string ok = "x = " + std::string(5000, '[') + std::string(5000, ']') + ";";
    CHECK(parse(ok)->module);
  });
}

TEST_CASE("optional chains in parentheses: new and tagged templates") {
  auto p = parse("new (a?.b)();");
  REQUIRE_MESSAGE(p->module, p->firstError());
  auto *ne = dynCast<NewExpression>(firstExpr(*p));
  REQUIRE(ne);
  auto *chain = dynCast<ChainExpression>(ne->callee);
  REQUIRE(chain);
  CHECK(cast<MemberExpression>(chain->expression)->optional);

  auto q = parse("(a?.b)`x`;");
  REQUIRE_MESSAGE(q->module, q->firstError());
  auto *tt = dynCast<TaggedTemplateExpression>(firstExpr(*q));
  REQUIRE(tt);
  CHECK(isa<ChainExpression>(tt->tag));

  CHECK_FALSE(parse("new a?.b();")->module);
  CHECK_FALSE(parse("a?.b`x`;")->module);
}

TEST_CASE("for (let of ...) declares 'of'") {
  for (const char *src : {"for (let of of x) ;", "for (let of in x) ;", "for (let of; ;) ;"}) {
    auto p = parse(src);
    REQUIRE_MESSAGE(p->module, src, p->firstError());
    Node *loop = p->program()->body[0];
    Node *decl = nullptr;
    if (auto *fo = dynCast<ForOfStatement>(loop))
      decl = fo->left;
    else if (auto *fi = dynCast<ForInStatement>(loop))
      decl = fi->left;
    else if (auto *f = dynCast<ForStatement>(loop))
      decl = f->init;
    auto *vd = dynCast<VariableDeclaration>(decl);
    REQUIRE_MESSAGE(vd, src);
    CHECK(vd->kind == VarKind::Let);
    auto *id = cast<Identifier>(cast<VariableDeclarator>(vd->declarations[0])->id);
    CHECK(id->name == "of");
  }
  auto p = parse("for (let of of x) ;");
  auto *fo = cast<ForOfStatement>(p->program()->body[0]);
  CHECK(cast<Identifier>(fo->right)->name == "x");
  CHECK_FALSE(parse("for (let of x) ;")->module);
}

TEST_CASE("invalid escapes in tagged templates") {
  for (const char *src : {"tag`\\unicode bad`;", "tag`\\xg`;", "tag`\\u{110000}`;", "tag`\\01`;",
                          "tag`a\\u${x}\\x`;"}) {
    auto p = parse(src);
    REQUIRE_MESSAGE(p->module, src, p->firstError());
    auto *tt = dynCast<TaggedTemplateExpression>(firstExpr(*p));
    REQUIRE(tt);
    auto *q = cast<TemplateLiteral>(tt->quasi);
    // The raw text is exact (read from the source, not the patched copy).
    std::string_view s(src);
    CHECK(cast<TemplateElement>(q->quasis[0])->raw.str() ==
          s.substr(4, s.find_first_of("`$", 4) - 4));
  }
  auto p = parse("tag`a\\u${x}\\x`;");
  auto *q = cast<TemplateLiteral>(cast<TaggedTemplateExpression>(firstExpr(*p))->quasi);
  REQUIRE(q->quasis.size() == 2);
  CHECK(cast<TemplateElement>(q->quasis[1])->raw.str() == "\\x");
  for (const char *src : {"`\\unicode bad`;", "`\\xg`;", "`\\u{110000}`;", "`\\01`;",
                          "x = `a\\u${x}`;", "'\\xg';", "`${'\\u'}`;"})
    CHECK_MESSAGE(!parse(src)->module, src);
}

TEST_CASE("HTML-like comments (Annex B) in scripts, errors in modules") {
  auto p = parse("a<!--b\n", SourceType::Script);
  REQUIRE_MESSAGE(p->module, p->firstError());
  REQUIRE(p->program()->body.size() == 1);
  CHECK(cast<Identifier>(firstExpr(*p))->name == "a");

  auto q = parse("a <!--bar\n+b", SourceType::Script);
  REQUIRE_MESSAGE(q->module, q->firstError());
  auto *add = dynCast<BinaryExpression>(firstExpr(*q));
  REQUIRE(add);
  CHECK(add->op == BinaryOp::Add);

  auto r = parse("x = 1 /*\n*/ --> c\n-->\ny", SourceType::Script);
  REQUIRE_MESSAGE(r->module, r->firstError());
  REQUIRE(r->program()->body.size() == 2);
  CHECK(cast<Identifier>(firstExpr(*r, 1))->name == "y");

  // Only at the start of a line: `x = 1 /* */ --> c` is `(x = 1)-- > c`.
  CHECK_FALSE(parse("x = 1 /* */ --> c", SourceType::Script)->module);
  // Not inside strings, regular expressions, templates or comments.
  auto s = parse("x = '<!--' + /<!--/.source + `<!--` // <!--\n-->", SourceType::Script);
  REQUIRE_MESSAGE(s->module, s->firstError());
  CHECK(isa<BinaryExpression>(cast<AssignmentExpression>(firstExpr(*s))->right));

  auto m = parse("a<!--b\n", SourceType::Module);
  CHECK_FALSE(m->module);
  CHECK(m->firstError().find("HTML-like comments") != std::string::npos);
  CHECK_FALSE(parse("export {};\nx\n--> c\n")->module);
}

TEST_CASE("a statement starting with '{' is a block") {
  auto p = parse("{a: 1}");
  REQUIRE_MESSAGE(p->module, p->firstError());
  auto *b = dynCast<BlockStatement>(p->program()->body[0]);
  REQUIRE(b);
  REQUIRE(b->body.size() == 1);
  auto *l = dynCast<LabeledStatement>(b->body[0]);
  REQUIRE(l);
  CHECK(l->label == "a");
  CHECK(isa<NumericLiteral>(cast<ExpressionStatement>(l->body)->expression));

  auto a = parse("f = a => { b: 1 }");
  REQUIRE_MESSAGE(a->module, a->firstError());
  auto *fn = cast<ArrowFunctionExpression>(cast<AssignmentExpression>(firstExpr(*a))->right);
  auto *body = dynCast<BlockStatement>(fn->body);
  REQUIRE(body);
  CHECK(cast<LabeledStatement>(body->body[0])->label == "b");

  // `{a: b, c}`: label a, expression `b, c`.
  auto s = parse("{a: b, c}");
  REQUIRE_MESSAGE(s->module, s->firstError());
  auto *sl = cast<LabeledStatement>(cast<BlockStatement>(s->program()->body[0])->body[0]);
  auto *seq = dynCast<SequenceExpression>(cast<ExpressionStatement>(sl->body)->expression);
  REQUIRE(seq);
  CHECK(seq->expressions.size() == 2);

  // Nested blocks, shorthand sequences, labelled function declarations.
  auto n = parse("{a: {b: 1}}");
  REQUIRE_MESSAGE(n->module, n->firstError());
  auto *nl = cast<LabeledStatement>(cast<BlockStatement>(n->program()->body[0])->body[0]);
  CHECK(isa<LabeledStatement>(cast<BlockStatement>(nl->body)->body[0]));
  auto c = parse("{a, b}");
  REQUIRE_MESSAGE(c->module, c->firstError());
  CHECK(isa<SequenceExpression>(
      cast<ExpressionStatement>(cast<BlockStatement>(c->program()->body[0])->body[0])->expression));
  auto f = parse("{a: function g() {}}", SourceType::Script);
  REQUIRE_MESSAGE(f->module, f->firstError());
  auto *fl = cast<LabeledStatement>(cast<BlockStatement>(f->program()->body[0])->body[0]);
  CHECK(isa<FunctionDeclaration>(fl->body));

  // `{a: 1};` is a block and an empty statement, also after `if`.
  auto e = parse("{a: 1};");
  REQUIRE_MESSAGE(e->module, e->firstError());
  REQUIRE(e->program()->body.size() == 2);
  CHECK(isa<EmptyStatement>(e->program()->body[1]));
  auto i = parse("if (x) {a: 1};");
  REQUIRE_MESSAGE(i->module, i->firstError());
  REQUIRE(i->program()->body.size() == 2);
  CHECK(isa<BlockStatement>(cast<IfStatement>(i->program()->body[0])->consequent));

  for (const char *bad :
       {"{a: 1, b: 2}", "{\"a\": 1}", "{a(){}}", "{a:1}.b", "{a: 1,}", "{if: 1}",
        "{a: function(){}}", "{a: {}, b}", "{a: class {}}", "if (x) {a: 1}; else y",
        "do {a: 1}; while (x)", "a => {b: 1}.c", "{a: 1, ...b}"})
    CHECK_MESSAGE(!parse(bad)->module, bad);
}
