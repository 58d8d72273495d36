//===- EmitterTest.cpp - Tests of the JavaScript emitter and IR dump -------===//
//
// Two layers: hand-built trees pin the parenthesization rules independently
// of the frontend; round trips (parse -> emit -> parse, structurally equal)
// cover the snippets the frontend can produce. The corpus round trip runs
// over test262-parser-tests and a few large libraries when they are present.
//
//===----------------------------------------------------------------------===//
#include "distribufy/Backend/Emitter.h"
#include "distribufy/Frontend/Frontend.h"
#include "distribufy/IR/IRBuilder.h"
#include "distribufy/IR/Scope.h"

#include <doctest/doctest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

using namespace distribufy;
using namespace distribufy::ir;

namespace {

/// A module to build trees in by hand.
struct Fixture {
  SourceManager sm;
  FileId file = sm.addBuffer("test.js", "");
  Module m{sm, file};
  IRBuilder b{m};

  Identifier *id(std::string_view n) { return b.ident(n); }
  NumericLiteral *num(std::string_view raw, double v) {
    auto *n = b.make<NumericLiteral>();
    n->raw = m.atom(raw);
    n->value = v;
    return n;
  }
  NumericLiteral *synth(double v) {
    auto *n = b.make<NumericLiteral>();
    n->value = v;
    return n;
  }
  Node *bin(BinaryOp op, Node *l, Node *r) { return b.binary(op, l, r); }
  Node *logical(LogicalOp op, Node *l, Node *r) {
    auto *n = b.make<LogicalExpression>();
    n->op = op;
    n->left = l;
    n->right = r;
    return n;
  }
  Node *un(UnaryOp op, Node *a) { return b.unary(op, a); }
  Node *update(UpdateOp op, bool prefix, Node *a) {
    auto *n = b.make<UpdateExpression>();
    n->op = op;
    n->prefix = prefix;
    n->argument = a;
    return n;
  }
  Node *call(Node *callee, std::initializer_list<Node *> args = {}) { return b.call(callee, args); }
  Node *newExpr(Node *callee) {
    auto *n = b.make<NewExpression>();
    n->callee = callee;
    return n;
  }
  MemberExpression *mem(Node *o, std::string_view p, bool optional = false) {
    auto *n = b.member(o, p);
    n->optional = optional;
    return n;
  }
  Node *chain(Node *e) {
    auto *n = b.make<ChainExpression>();
    n->expression = e;
    return n;
  }
  Node *seq(std::initializer_list<Node *> es) {
    auto *n = b.make<SequenceExpression>();
    n->expressions = b.list(es);
    return n;
  }
  Node *obj() { return b.make<ObjectExpression>(); }
  FunctionExpression *fnExpr() {
    auto *f = b.make<FunctionExpression>();
    f->body = b.block({});
    return f;
  }
  Node *arrow(Node *body) {
    auto *f = b.make<ArrowFunctionExpression>();
    f->body = body;
    return f;
  }
  std::string stmt(Node *e) { return emitNode(b.exprStmt(e)); }
  std::string expr(Node *e) { return emitNode(e); }
};

} // namespace

TEST_CASE("emitter: binary precedence and associativity") {
  Fixture f;
  CHECK(f.expr(f.bin(BinaryOp::Mul, f.bin(BinaryOp::Add, f.id("a"), f.id("b")), f.id("c"))) ==
        "(a + b) * c");
  CHECK(f.expr(f.bin(BinaryOp::Sub, f.id("a"), f.bin(BinaryOp::Sub, f.id("b"), f.id("c")))) ==
        "a - (b - c)");
  CHECK(f.expr(f.bin(BinaryOp::Sub, f.bin(BinaryOp::Sub, f.id("a"), f.id("b")), f.id("c"))) ==
        "a - b - c");
  // `**` is right-associative and rejects a unary left operand.
  CHECK(f.expr(f.bin(BinaryOp::Exp, f.id("a"), f.bin(BinaryOp::Exp, f.id("b"), f.id("c")))) ==
        "a ** b ** c");
  CHECK(f.expr(f.bin(BinaryOp::Exp, f.bin(BinaryOp::Exp, f.id("a"), f.id("b")), f.id("c"))) ==
        "(a ** b) ** c");
  CHECK(f.expr(f.bin(BinaryOp::Exp, f.un(UnaryOp::Minus, f.id("a")), f.id("b"))) == "(-a) ** b");
  auto *aw = f.b.make<AwaitExpression>();
  aw->argument = f.id("x");
  CHECK(f.expr(f.bin(BinaryOp::Exp, aw, f.id("b"))) == "(await x) ** b");
  CHECK(f.expr(f.bin(BinaryOp::Exp, f.id("a"), f.un(UnaryOp::Minus, f.id("b")))) == "a ** -b");
}

TEST_CASE("emitter: nullish mixing requires parentheses") {
  Fixture f;
  CHECK(f.expr(f.logical(LogicalOp::Nullish, f.logical(LogicalOp::Or, f.id("a"), f.id("b")),
                         f.id("c"))) == "(a || b) ?? c");
  CHECK(f.expr(f.logical(LogicalOp::Nullish, f.id("a"),
                         f.logical(LogicalOp::And, f.id("b"), f.id("c")))) == "a ?? (b && c)");
  CHECK(f.expr(f.logical(LogicalOp::Or, f.logical(LogicalOp::Nullish, f.id("a"), f.id("b")),
                         f.id("c"))) == "(a ?? b) || c");
  CHECK(f.expr(f.logical(LogicalOp::Nullish, f.logical(LogicalOp::Nullish, f.id("a"), f.id("b")),
                         f.id("c"))) == "a ?? b ?? c");
}

TEST_CASE("emitter: unary chains keep tokens apart") {
  Fixture f;
  CHECK(f.expr(f.un(UnaryOp::Minus, f.un(UnaryOp::Minus, f.id("x")))) == "- -x");
  CHECK(f.expr(f.un(UnaryOp::Plus, f.un(UnaryOp::Plus, f.id("x")))) == "+ +x");
  CHECK(f.expr(f.un(UnaryOp::Minus, f.update(UpdateOp::Decrement, true, f.id("x")))) == "- --x");
  CHECK(f.expr(f.un(UnaryOp::Plus, f.update(UpdateOp::Decrement, true, f.id("x")))) == "+--x");
  CHECK(f.expr(f.bin(BinaryOp::Sub, f.id("a"), f.un(UnaryOp::Minus, f.id("b")))) == "a - -b");
  CHECK(f.expr(f.bin(BinaryOp::Add, f.id("a"), f.update(UpdateOp::Increment, true, f.id("b")))) ==
        "a + ++b");
  CHECK(f.expr(f.un(UnaryOp::Typeof, f.un(UnaryOp::Typeof, f.id("x")))) == "typeof typeof x");
  CHECK(f.expr(f.un(UnaryOp::Not, f.bin(BinaryOp::In, f.id("a"), f.id("b")))) == "!(a in b)");
  CHECK(f.expr(f.bin(BinaryOp::Gt, f.update(UpdateOp::Decrement, false, f.id("x")), f.id("y"))) ==
        "x-- > y");
}

TEST_CASE("emitter: new, calls and optional chains") {
  Fixture f;
  CHECK(f.expr(f.newExpr(f.id("X"))) == "new X()");
  CHECK(f.expr(f.newExpr(f.call(f.id("f")))) == "new (f())()");
  CHECK(f.expr(f.newExpr(f.call(f.mem(f.id("a"), "b")))) == "new (a.b())()");
  CHECK(f.expr(f.newExpr(f.mem(f.call(f.id("a")), "b"))) == "new (a().b)()");
  CHECK(f.expr(f.newExpr(f.chain(f.mem(f.id("a"), "b", true)))) == "new (a?.b)()");
  CHECK(f.expr(f.newExpr(f.mem(f.newExpr(f.id("X")), "y"))) == "new new X().y()");
  CHECK(f.expr(f.mem(f.chain(f.mem(f.id("a"), "b", true)), "c")) == "(a?.b).c");
  CHECK(f.expr(f.call(f.chain(f.mem(f.id("a"), "b", true)))) == "(a?.b)()");
  CHECK(f.expr(f.chain(f.mem(f.mem(f.id("a"), "b", true), "c"))) == "a?.b.c");
  auto *oc = f.b.make<CallExpression>();
  oc->callee = f.id("a");
  oc->optional = true;
  CHECK(f.expr(f.chain(oc)) == "a?.()");
  auto *idx = f.b.index(f.id("a"), f.id("k"));
  idx->optional = true;
  CHECK(f.expr(f.chain(idx)) == "a?.[k]");
  CHECK(f.expr(f.call(f.arrow(f.id("x")))) == "(() => x)()");
}

TEST_CASE("emitter: member access on numbers") {
  Fixture f;
  CHECK(f.expr(f.mem(f.num("1", 1), "toString")) == "(1).toString");
  CHECK(f.expr(f.mem(f.num("1.5", 1.5), "x")) == "1.5.x");
  CHECK(f.expr(f.mem(f.num("0x10", 16), "x")) == "0x10.x");
  CHECK(f.expr(f.mem(f.num("1e3", 1000), "x")) == "1e3.x");
  CHECK(f.expr(f.mem(f.synth(-1), "x")) == "(-1).x");
  CHECK(f.expr(f.un(UnaryOp::Minus, f.synth(-2))) == "- -2");
  CHECK(f.expr(f.synth(0.1)) == "0.1");
  CHECK(f.expr(f.synth(-0.0)) == "-0");
  CHECK(f.expr(f.synth(NAN)) == "(0 / 0)");
  CHECK(f.expr(f.synth(INFINITY)) == "(1 / 0)");
  // IRBuilder::number spells negative numbers with a sign.
  CHECK(f.expr(f.mem(f.b.number(-3), "x")) == "(-3).x");
}

TEST_CASE("emitter: synthesized strings") {
  Fixture f;
  auto *s = f.b.make<StringLiteral>();
  s->value = f.m.atom("a\"b\\c\n\x01\xE2\x80\xA8\xED\xA0\x80z");
  CHECK(f.expr(s) == "\"a\\\"b\\\\c\\n\\u0001\\u2028\\uD800z\"");
}

TEST_CASE("emitter: statement-start hazards") {
  Fixture f;
  CHECK(f.stmt(f.obj()) == "({});");
  CHECK(f.stmt(f.mem(f.obj(), "x")) == "({}).x;");
  CHECK(f.stmt(f.call(f.fnExpr())) == "(function () {})();");
  auto *af = f.fnExpr();
  af->isAsync = true;
  CHECK(f.stmt(af) == "(async function () {});");
  auto *cls = f.b.make<ClassExpression>();
  CHECK(f.stmt(f.mem(cls, "x")) == "(class {}).x;");
  auto *letIdx = f.b.index(f.id("let"), f.num("0", 0));
  CHECK(f.stmt(f.b.assign(letIdx, f.num("1", 1))) == "(let)[0] = 1;");
  CHECK(f.stmt(f.seq({f.obj(), f.id("a")})) == "({}), a;");
  // Not at the start: no parentheses.
  CHECK(f.stmt(f.b.assign(f.id("x"), f.obj())) == "x = {};");
  // A string expression statement is not a directive.
  CHECK(f.stmt(f.b.string("use strict")) == "(\"use strict\");");
  auto *dir = f.b.exprStmt(f.b.string("use strict"));
  dir->directive = f.m.atom("'use strict'");
  CHECK(emitNode(dir) == "'use strict';");
  // Object pattern assignment: parenthesize the whole assignment.
  auto *pat = f.b.make<ObjectPattern>();
  CHECK(f.stmt(f.b.assign(pat, f.id("b"))) == "({} = b);");
}

TEST_CASE("emitter: arrows, sequences and operands") {
  Fixture f;
  CHECK(f.expr(f.arrow(f.obj())) == "() => ({})");
  CHECK(f.expr(f.arrow(f.seq({f.id("a"), f.id("b")}))) == "() => (a, b)");
  CHECK(f.expr(f.call(f.id("f"), {f.seq({f.id("a"), f.id("b")})})) == "f((a, b))");
  CHECK(f.expr(f.bin(BinaryOp::Add, f.id("a"), f.b.assign(f.id("b"), f.id("c")))) == "a + (b = c)");
  auto *y = f.b.make<YieldExpression>();
  CHECK(f.expr(f.bin(BinaryOp::Add, y, f.id("a"))) == "(yield) + a");
  auto *cond = f.b.make<ConditionalExpression>();
  cond->test = f.b.make<ConditionalExpression>();
  cast<ConditionalExpression>(cond->test)->test = f.id("a");
  cast<ConditionalExpression>(cond->test)->consequent = f.id("b");
  cast<ConditionalExpression>(cond->test)->alternate = f.id("c");
  cond->consequent = f.id("d");
  cond->alternate = f.arrow(f.id("e"));
  CHECK(f.expr(cond) == "(a ? b : c) ? d : () => e");
}

TEST_CASE("emitter: for heads") {
  Fixture f;
  auto *loop = f.b.make<ForStatement>();
  loop->init = f.b.assign(f.id("x"), f.bin(BinaryOp::In, f.id("a"), f.id("b")));
  loop->body = f.b.make<EmptyStatement>();
  CHECK(emitNode(loop) == "for (x = (a in b);;)\n  ;");
  loop->init = f.b.declare(VarKind::Let, f.id("x"),
                           f.call(f.id("f"), {f.bin(BinaryOp::In, f.id("a"), f.id("b"))}));
  loop->body = f.b.block({});
  CHECK(emitNode(loop) == "for (let x = f(a in b);;) {}");
  auto *forOf = f.b.make<ForOfStatement>();
  forOf->left = f.id("async");
  forOf->right = f.id("xs");
  forOf->body = f.b.block({});
  CHECK(emitNode(forOf) == "for ((async) of xs) {}");
}

TEST_CASE("emitter: dangling else and blocks") {
  Fixture f;
  auto *inner = f.b.ifStmt(f.id("b"), f.b.exprStmt(f.id("x")));
  auto *outer = f.b.ifStmt(f.id("a"), inner, f.b.exprStmt(f.id("y")));
  CHECK(emitNode(outer) == "if (a) {\n  if (b)\n    x;\n} else\n  y;");
  auto *chain = f.b.ifStmt(f.id("a"), f.b.block({f.b.exprStmt(f.id("x"))}),
                           f.b.ifStmt(f.id("b"), f.b.block({})));
  CHECK(emitNode(chain) == "if (a) {\n  x;\n} else if (b) {}");
}

TEST_CASE("emitter: arrays with holes") {
  Fixture f;
  auto *arr = f.b.make<ArrayExpression>();
  arr->elements = f.b.list({nullptr, nullptr, f.id("a")});
  CHECK(f.expr(arr) == "[, , a]");
  arr->elements = f.b.list({f.id("a"), nullptr});
  CHECK(f.expr(arr) == "[a, ,]");
  arr->elements = f.b.list({nullptr});
  CHECK(f.expr(arr) == "[,]");
}

TEST_CASE("dumpIR: comment lines with bindings") {
  SourceManager sm;
  FileId file = sm.addBuffer("t.js", "x;");
  Module m(sm, file);
  IRBuilder b(m);
  auto *prog = m.make<Program>(SourceRange{0, 2});
  auto *x = m.make<Identifier>(SourceRange{0, 1});
  x->name = m.atom("x");
  auto *st = b.exprStmt(x);
  prog->body = b.list({st});
  m.program = prog;
  auto scopes = std::make_unique<ScopeTable>();
  ScopeId top = scopes->addScope(ScopeKind::Script, kNoScope, prog, false);
  prog->scope = top;
  x->binding = scopes->global(m.atom("x"));
  m.setScopes(std::move(scopes));
  std::string dump = dumpIR(m);
  CHECK(dump.find("// Program scope=#0 @1:1\n") != std::string::npos);
  CHECK(dump.find("//     expression: Identifier name=x binding=#0 global @1:1\n") !=
        std::string::npos);
  CHECK(dump.find("// scopes:\n//   #0 script @1:1\n") != std::string::npos);
  std::istringstream lines(dump);
  for (std::string line; std::getline(lines, line);)
    CHECK(line.rfind("// ", 0) == 0);
}

// ---- Round trips through the frontend ----

namespace {

struct RoundTrip {
  bool parsed = false;
  bool reparsed = false;
  bool equal = false;
  std::string emitted;
  std::string difference;
  std::string errors;
};

RoundTrip roundTrip(const std::string &src, SourceType type = SourceType::Script) {
  RoundTrip r;
  SourceManager sm;
  DiagnosticEngine diags(sm);
  ParseOptions opts;
  opts.sourceType = type;
  FileId f1 = sm.addBuffer("in.js", src);
  auto m1 = parseJavaScript(sm, f1, diags, opts);
  if (!m1) {
    for (auto &d : diags.diagnostics())
      r.errors += diags.render(d);
    return r;
  }
  r.parsed = true;
  r.emitted = emitJavaScript(*m1);
  FileId f2 = sm.addBuffer("out.js", r.emitted);
  auto m2 = parseJavaScript(sm, f2, diags, opts);
  if (!m2) {
    for (auto &d : diags.diagnostics())
      r.errors += diags.render(d);
    return r;
  }
  r.reparsed = true;
  r.difference = firstDifference(m1->program, m2->program);
  r.equal = r.difference.empty();
  // Emitting is a fixed point after one round.
  if (r.equal && emitJavaScript(*m2) != r.emitted) {
    r.equal = false;
    r.difference = "second emission differs";
  }
  return r;
}

bool frontendAvailable() {
  SourceManager sm;
  DiagnosticEngine diags(sm);
  FileId f = sm.addBuffer("probe.js", "x;");
  return parseJavaScript(sm, f, diags) != nullptr;
}

void checkRoundTrip(const std::string &src, SourceType type = SourceType::Script) {
  RoundTrip r = roundTrip(src, type);
  INFO("source:\n"
       << src << "\nemitted:\n"
       << r.emitted << "\nerrors:\n"
       << r.errors << "\ndifference: " << r.difference);
  CHECK(r.parsed);
  if (!r.parsed)
    return;
  CHECK(r.reparsed);
  CHECK(r.equal);
}

std::string emitted(const std::string &src, SourceType type = SourceType::Script) {
  return roundTrip(src, type).emitted;
}

} // namespace

TEST_CASE("emitter: round trips of tricky snippets") {
  if (!frontendAvailable())
    return;
  static const char *const scripts[] = {
      "({});",
      "({}).x;",
      "({} = x);",
      "({a, b: [c, , d], ...e} = f);",
      "[a, , b] = c;",
      "(function () {})();",
      "(function () {}());",
      "(async function () {})();",
      "(class {}).x;",
      "(let)[0] = 1;",
      "let.x = 1;",
      "(\"not a directive\");",
      "\"use strict\"; x;",
      "function f() { 'use strict'; return 1; }",
      "x = () => ({});",
      "x = () => ({}.a);",
      "x = () => (a, b);",
      "x = async (a, b = 1, ...c) => {};",
      "x = ([a], {b}) => a;",
      "x = async x => await x;",
      "new (f())();",
      "new (a.b())();",
      "new (a().b)();",
      "new X;",
      "new new X()();",
      "new a.b.c(1);",
      "(1).toString();",
      "1..toString();",
      "1.5.toFixed();",
      "x = -(-y);",
      "x = +(+y);",
      "x = - --y;",
      "x = a - -b;",
      "x = a + ++b;",
      "x = a+ +b;",
      "x = typeof typeof y;",
      "x = (-a) ** b;",
      "x = a ** b ** c;",
      "x = (a ** b) ** c;",
      "async function f() { x = (await a) ** b; }",
      "x = (a || b) ?? c;",
      "x = a ?? (b && c);",
      "x = (a ?? b) || c;",
      "for (var i = (a in b); i;) ;",
      "for (x = (a in b);;) break;",
      "for (let x = (a in b) ? 1 : 2;;) {}",
      "for ((a in b); ;) {}",
      "for (var x of (a, b)) ;",
      "for ((async) of x) ;",
      "for ((let).x in y) ;",
      "x = (a, b);",
      "f((a, b), c);",
      "x = [(a, b)];",
      "x = {a: (b, c)};",
      "x = `${(a, b)}`;",
      "x = a ? b : c ? d : e;",
      "x = (a ? b : c) ? d : e;",
      "x = a ? (b, c) : d;",
      "x = (a = b) ? c : d;",
      "x = a?.b.c;",
      "x = (a?.b).c;",
      "x = (a?.b)();",
      "x = a?.[b]?.(c);",
      "x = a.b`t${c}u`;",
      "x = f()`t`;",
      "x = (a, b)`t`;",
      "x = `a${b}c${d}e`;",
      "x = a / /re/g;",
      "x = a < /re/;",
      "x = y-- > z;",
      "x = a < !--b;",
      "x = [, , a];",
      "x = [a, ,];",
      "x = [,];",
      "x = { __proto__: a, [\"__proto__\"]: b };",
      "x = { __proto__ };",
      "x = { 'a': 1, 2: 3, [k]: 4, get g() { return 1; }, set s(v) {}, m() {}, async am() {},"
      " *gm() {}, async *agm() {}, get [k]() {}, ...rest };",
      "class A extends (B, C) {}",
      "class A extends B.c {}",
      "class A extends B { constructor() { super(); } static x = 1; #y; [z] = 2; static #p() {}"
      " get a() {} set a(v) {} static async *g() {} static { this.q = 1; } 'str'() {} 42() {} }",
      "class A { get; set; static; async; x = #y in this; #y; }",
      "label: for (;;) { continue label; }",
      "a: b: c;",
      "if (a) { if (b) c; } else d;",
      "if (a) b; else if (c) d; else e;",
      "do x++; while (y);",
      "do { x++; } while (y)",
      "while (x) if (y) z;",
      "try { a(); } catch { b(); } finally { c(); }",
      "try { a(); } catch ({ message }) { b(message); }",
      "switch (x) { case 1: case 2: y(); break; default: z(); }",
      "with (o) { x; }",
      "var x = function* () { yield; yield* a; yield b, c; x = yield; };",
      "x = function f() {}.call(this);",
      "x = class C {}.name;",
      "x = a in b;",
      "x = !(a instanceof B);",
      "x = void 0, delete a.b;",
      "x = (() => {}) || a;",
      "x = a || (() => {});",
      "x = typeof (() => {});",
      "x = (a, b) => c => d;",
      "x = 0x1F + 0b11 + 0o7 + 1e10 + 1_000 + .5 + 5. + 10n;",
      "x = '\\u2028' + \"\\\"\" + '\\x41';",
      "debugger;",
      ";",
      "if (a) ; else ;",
      "var let_ = 1, async = 2, of = 3, yield_ = 4;",
      "async();",
      "async(() => {});",
      "x = async function* () {};",
      "function f() { return new.target; }",
      "x = a ? b : (c, d);",
      "x = a => ({ b } = c);",
      "x = !function () {}();",
      "x = /[/]/.test(y);",
      "x = a++ + ++b;",
      "x = a-- - --b;",
      "x = a + +b - -c;",
      "x = -(-1);",
      "x = (+a).b;",
      "x = (a + b).c;",
      "x = (a = 1).b;",
      "x = (new A).b;",
      "x = new (A.b);",
  };
  for (const char *src : scripts)
    if (*src)
      checkRoundTrip(src);

  // More operand-position and token-boundary cases (some span lines to
  // exercise ASI-sensitive input).
  static const char *const moreScripts[] = {
      R"js(x = (a, b)?.c;)js",
      R"js((function(){})?.();)js",
      R"js((class{})?.x;)js",
      R"js(({}).x++;)js",
      R"js(({} + 1);)js",
      R"js(for ((let)[0] in x);)js",
      R"js(for ((let).x of y);)js",
      R"js(for (async.x of y);)js",
      R"js(async function f() { for await (async of y); })js",
      R"js(x = a ? b : c => d;)js",
      R"js(x = (a) ? (b, c) : (d, e);)js",
      R"js(a = b ? (c = d) : e;)js",
      R"js(x = y => z => ({});)js",
      R"js(new (foo())`x`;)js",
      R"js(new (a`x`)();)js",
      R"js(new (f()`x`)();)js",
      R"js(async function g() { (await x)?.y; })js",
      R"js(x = -(2 ** 2); y = (-2) ** 2;)js",
      R"js(x = a ** (-b) ** c;)js",
      R"js(x = typeof (-x); y = !(!x); z = -(+x); w = +(-x);)js",
      R"js(x = - -1;)js",
      R"js(x = 1.0.toFixed(); y = 0.0.x; z = 08.5.x; w = 1e3.x; v = 0b1.x;)js",
      R"js(x = {"a": 1, 'b'() {}, 1e3: 2, 0x10: 3, [a + b]: 4, 1n: 5};)js",
      R"js(class A { static async static() {} get get() {} static static() {} 'constructor'() {} static async; in; [a]; [b] = 1; static get [c]() {} })js",
      R"js(class B { x
 y })js",
      R"js(x = a ? async () => 1 : b;)js",
      R"js((async () => {})();)js",
      R"js(async () => {};)js",
      R"js(async
function h(){})js",
      R"js(label: function f2() {})js",
      R"js(if (a) function f3() {})js",
      R"js(x = class extends (a ? b : c) {};)js",
      R"js(x = class extends a.b() {};)js",
      R"js(for ((x => x in y);;) break;)js",
      R"js(for (let [a] = [1];;) break;)js",
      R"js(for (let in x);)js",
      R"js(x = 'a\
b';)js",
      R"js(x = `a${`b${c}`}d`;)js",
      R"js(x = /[/]/g / 2;)js",
      R"js(a = b
/re/g.exec(c);)js",
      R"js(x = a++ / 2; y = a-- - 1; z = a - --b; w = a + +b; v = a - (-b);)js",
      R"js(a[(b, c)];)js",
      R"js(f(...(a, b)); x = [...a, ...(b ? c : d)];)js",
      R"js(function* g1() { x = [...yield]; yield
a; x = a ? yield : b; })js",
      R"js(delete a[b]; void (a, b); x = (a, b) ? c : d; x = ((a, b), c);)js",
      R"js(x = (a = 1, b = 2) => a; y = ({a = 1}) => a; z = ({a: {b = 1}}) => a; w = ([a = 1, [b], ...c]) => a;)js",
      R"js(function f4(a, {b, c: [d]} = {}, ...[e]) {})js",
      R"js(try {} catch ([a, b]) {})js",
      R"js(x = {a, b} = c;)js",
      R"js([a, b] = [b, a];)js",
      R"js(({a} = b).c;)js",
      R"js(x = {__proto__: null, "__proto__"(){}};)js",
      R"js(x = a < !--b; y = a-- > b; z = /<!--/;)js",
      R"js(x = async function () { await (a, b); await (async () => 1)(); };)js",
      R"js(x = function* () { yield (a, b); yield* (a ? b : c); };)js",
      R"js(x = a || b && c | d ^ e & f == g < h << i + j * k ** l;)js",
      R"js(x = ((((a || b) && c) | d) ^ e) & f;)js",
      R"js(x = (a ?? b) ?? c; y = a ?? (b ?? c);)js",
      R"js(x = a instanceof (b in c);)js",
      R"js(x = (a => b)(c);)js",
      R"js(x = (a = b)(c);)js",
      R"js(x = (a ? b : c)(d);)js",
      R"js(x = (a, b).c;)js",
      R"js(x = (new A)(); y = (new A)()(); z = new (A())(); w = new (new A)();)js",
      R"js(x = new (a.b.c)(); y = new (a[b]())(); z = new (a[b])();)js",
      R"js(x = (a++).b; y = (++a).b; z = (-a).b; w = (typeof a).b;)js",
      R"js(x = +a.b; y = a.b++;)js",
      R"js(x = `a\`b\${c}`;)js",
      R"js(x = '\u{1F600}' + "\0" + '\
';)js",
      R"js(class C { #b; m(a) { return a.if + a.class + a.#b + (#b in a); } })js",
  };
  for (const char *src : moreScripts)
    checkRoundTrip(src);

  static const char *const modules[] = {
      "import a, { b, c as d, 'e-f' as g } from 'm';",
      "import * as ns from 'm';",
      "import a, * as ns from 'm';",
      "import 'm';",
      "let a, b, d; export { a, b as c, d as 'e-f' };",
      "export { default } from 'm';",
      "export * from 'm';",
      "export * as ns from 'm';",
      "export * as 'a b' from 'm';",
      "export default function () {}",
      "export default function f() {}",
      "export default async function () {}",
      "export default class {}",
      "export default (function () {});",
      "export default (function () {}).call();",
      "export default (class {});",
      "export default (async function () {});",
      "export default a = 1;",
      "export default {};",
      "export const x = 1, y = 2;",
      "export function f() {}",
      "export class C {}",
      "x = import.meta.url;",
      "x = new (import.meta)();",
      "x = new import.meta.foo();",
      "const m = await import('m');",
      "for await (const x of y) ;",
  };
  for (const char *src : modules)
    checkRoundTrip(src, SourceType::Module);
}

// Valid JavaScript the frontend once rejected; kept so it stays accepted.
TEST_CASE("emitter: round trips of shapes the frontend once rejected") {
  if (!frontendAvailable())
    return;
  checkRoundTrip("new (a?.b)();");
  checkRoundTrip("for (let of of x) ;");
  checkRoundTrip("x = tag`\\unicode and \\u{55}`;");
  checkRoundTrip("x = (yield) => 1;");
  checkRoundTrip("x = (a?.b)`x`;");
  checkRoundTrip("{a: 1}");
  checkRoundTrip("{a: b, c}");
  checkRoundTrip("x = a => { b: 1 };");
  checkRoundTrip("a <!--b\n+c");
}

TEST_CASE("emitter: exact output") {
  if (!frontendAvailable())
    return;
  CHECK(emitted("if(a){b()}else{c()}") == "if (a) {\n  b();\n} else {\n  c();\n}\n");
  CHECK(emitted("function f(a,b=1,...c){return a+b}") ==
        "function f(a, b = 1, ...c) {\n  return a + b;\n}\n");
  CHECK(emitted("x = {a:1, b}") == "x = { a: 1, b };\n");
  CHECK(emitted("for(let i=0;i<n;i++)f(i)") == "for (let i = 0; i < n; i++)\n  f(i);\n");
  CHECK(emitted("class A extends B { static x = 1; m() {} }") ==
        "class A extends B {\n  static x = 1;\n  m() {}\n}\n");
  CHECK(emitted("'use strict'\nx") == "'use strict';\nx;\n");
}

// Round trip over the test262 parser tests and large libraries. Skipped when
// the corpus (deps/node_modules) is not installed.
TEST_CASE("emitter: corpus round trip") {
  if (!frontendAvailable())
    return;
  namespace fs = std::filesystem;
  fs::path deps = DISTRIBUFY_DEPS_DIR;
  std::vector<std::pair<fs::path, SourceType>> files;
  fs::path pass = deps / "test262-parser-tests" / "pass";
  if (fs::exists(pass))
    for (auto &e : fs::directory_iterator(pass)) {
      std::string name = e.path().filename().string();
      bool isModule = name.size() > 10 && name.ends_with(".module.js");
      files.emplace_back(e.path(), isModule ? SourceType::Module : SourceType::Script);
    }
  for (const char *lib : {"lodash/lodash.js", "acorn/dist/acorn.js"})
    if (fs::exists(deps / lib))
      files.emplace_back(deps / lib, SourceType::Script);
  std::sort(files.begin(), files.end());
  size_t checked = 0;
  for (auto &[path, type] : files) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    RoundTrip r = roundTrip(ss.str(), type);
    if (!r.parsed)
      continue; // the frontend rejects it; that is the frontend's business
    ++checked;
    INFO(path.string() << "\nemitted:\n"
                       << r.emitted.substr(0, 2000) << "\nerrors:\n"
                       << r.errors << "\ndifference: " << r.difference);
    CHECK(r.reparsed);
    CHECK(r.equal);
  }
  MESSAGE("round-tripped " << checked << " files");
}
