//===- Desugar.cpp - The desugar pass: reduce JavaScript to a core ---------===//
//
// desugar: rewrites the constructs later passes should not have to handle
// into a smaller core language with the same behaviour. The lowering walk is
// in Lower.cpp, the helper functions it may emit in Helpers.cpp.
//
// Requires: Scopes (which `let`s closures capture; which block functions are
// Annex B). Establishes: Desugared. Invalidates: Scopes (new temporaries,
// moved declarations). Stage Desugared means, and the verifier checks:
//
//  (H) Hoisting. `var` declarations appear only as one `var a, b;` line
//      (identifiers, no initialisers) opening a function body, a class static
//      block or the program (after its directives), and in `export var`.
//      Each original declarator became an assignment where it was; for-in/of
//      `var` heads are assignments. Function declarations directly in a
//      function body / static block / program come first, right after that
//      line, in source order. In blocks they come first too, except sloppy
//      Annex B functions (whose position decides when the function-level var
//      receives them), which stay where they were.
//  (L) Loops. No for, for-in, do-while or (sync) for-of statement remains.
//      Every WhileStatement is the body of a LabeledStatement with a fresh
//      label `$L<n>`, and its body is a block. A test that may call becomes
//      `while (true) { if (!test) break $L; ... }`. No ContinueStatement:
//      `continue` is `break $C<n>` out of `$C<n>: { body }`. Unlabeled breaks
//      of a lowered loop name its label. `for (let ...)` whose bindings a
//      closure (or eval/with) captures declares the bindings afresh at the
//      start of every iteration from outer copies and runs the update on the
//      new copy (CreatePerIterationEnvironment). for-in iterates a key list
//      made by a helper (own then inherited enumerable string keys, shadowed
//      names skipped) and skips keys no longer `in` the object; for-of runs
//      the iterator protocol explicitly, closing the iterator on break,
//      return or throw out of the head or body (try/catch/finally); an
//      array whose iteration is unobservable (method %Array.prototype.values%,
//      original %ArrayIteratorPrototype%.next, no reachable `return`, all
//      captured/checked at loop entry) is walked by index in the same loop.
//      Not modelled: a `return` installed on %ArrayIteratorPrototype% or
//      above *during* such a loop and then an abrupt exit, and a getter
//      installed for `next`/`return` there (read at entry).
//      Built-in iterators are serializable: a checkpoint in the body must be
//      able to store every live local, and a native iterator's position is
//      an internal slot. So when the iterator would be a native one (the
//      method is the original %Array.prototype.values/keys/entries%,
//      %String.prototype[@@iterator]%, %Map.prototype.entries/keys/values% or
//      %Set.prototype.values/entries%, compared with values captured at
//      program start, and the native iterator's prototype has its original
//      `next` and [@@iterator] and no `return`), GetIterator makes a plain
//      object with the same behaviour instead (`mk` in the ArrayFastInit
//      helper). The native iterator is never visible to the program there,
//      and `for (x of c.entries())` (also keys/values; no arguments, no
//      optional chain) calls the method through a helper doing the same Get
//      and call, so the iterator it returns is such a plain object too. Exact:
//      strings (code points, ToString at GetIterator), array-likes (length
//      re-read each step, values read then). Maps and Sets iterate a key list
//      taken at the first step, skip keys deleted since (`has`), read values
//      when visited (`get`) and, when the list is used up, continue with the
//      keys added meanwhile (those after the still-present listed keys in a
//      fresh list), so additions, deletions, `clear()` and re-adding a key
//      after its visit behave as natively. Differences: a key deleted and
//      re-added *before* its visit is visited at its old place (and again
//      at the end, where the native iterator visits it once), and keys
//      deleted and re-added (or cleared and re-added) so that they end up in
//      their old relative order after the listed ones are not visited again
//      (natively, e.g. `s.delete(v); s.add(v)` on the current key of a Set
//      revisits it forever). Not replaced (native iterator, not
//      serializable): typed arrays, RegExp string iterators, generators,
//      iterators the program itself holds (`const it = m.keys(); for (x of
//      it)`), and any of the above once a `next`/`return`/[@@iterator] was
//      patched. A patched `return` installed during the loop and a later
//      abrupt exit is not modelled, as on the array fast path. Map and Set
//      iteration costs two walks of the collection more than natively (the
//      list and the final check), and one walk per refill when the loop
//      keeps adding keys.
//      `for await` is kept as a loop; only its `continue`s are lowered.
//  (A) No UpdateExpression and no arithmetic/bitwise compound assignment:
//      `t op= v` is `t = t op v` with a member target's object and computed
//      key copied to temporaries first; `x++` is
//      `$t = x, x = typeof $t === "number" ? $t + 1 : ($t = -(-$t),
//      typeof $t === "bigint" ? $t + 1n : $t + 1), $t` (ToNumeric once,
//      BigInt-safe; no trailing `$t` when the value is unused).
//  (S) No SwitchStatement (LowerSwitch.cpp): `{ const $d = disc; let $c;
//      $S: { <case functions> $M: { <tests in order, first match sets $c;
//      else default's position or break $S> } if ($c <= i) { case i } ... } }`
//      with `break` out of the switch as `break $S`; `$S` is the one case
//      block scope (TDZ across cases kept; see LowerSwitch.cpp).
//  (F) No TryStatement with a finalizer (LowerFinally.cpp), except one whose
//      block or handler contains `yield` (a generator's return() needs the
//      engine's finally): `{ let $k = 0, $v; $F: try { B' } catch ($e) {
//      $k = 1; $v = $e; } { F } if ($k === 1) throw $v; if ($k === 2)
//      return $v; if ($k === n) break L; ... }` where B' (the try block, and
//      the catch clause as a nested try/catch) records returns and breaks
//      leaving it in $k/$v and breaks to $F. Callee exceptions, returns,
//      breaks and continues (already `break $C`) all run the finally, which
//      may override them; the for-of IteratorClose finally goes through it.
//  (C) No conditionally evaluated part that may call (LowerConditional.cpp,
//      a second walk): no LogicalExpression whose right operand, no
//      ConditionalExpression whose branch, no ChainExpression anywhere in
//      which, contains a call, `new`, tagged template, yield, await, import()
//      or class; no logical assignment at all (`x ||= v` without a call is
//      `x || (x = v)`). Those became `$t = left; if ($t) { $t = right; }`
//      (chains: nested `if ($v !== null && $v !== void 0)`), placed before
//      their statement with every operand evaluated earlier named first.
//      SequenceExpressions are not conditional and stay, calls included,
//      unless they contain such a part (then their elements are statements).
//
//  (P) No call in a destructuring pattern or a parameter list, and no
//      array pattern (LowerPatterns.cpp, a walk between the two above):
//      such patterns (declarations, `=` statements, for-in/of and for-await
//      heads, catch parameters) are temps and statements in spec order;
//      a `let`/`const` pattern then declares its names once, from temps,
//      after the pattern (`let` names declared first when a default names a
//      binding of its own pattern). Array patterns run the iterator protocol
//      through helpers, with IteratorClose when the pattern ends early or
//      something after a step throws (the original error wins), built-in
//      iterators as the serializable plain objects of (L), and an array
//      whose iteration is unobservable (the for-of fast path's test, at
//      GetIterator) read by index in place: Get "length" and Get k per step,
//      elisions included, no step after the end. A not-iterable value
//      throws node's message (the initialiser's text for a declaration, else
//      type and value). Object rest goes through a CopyDataProperties
//      helper. Such parameter lists keep their identifiers, `x = void 0`
//      placeholders (length, non-simple list) and identifier rest, and their
//      defaults/patterns run at the top of the body. Kept (V8 runs them):
//      object patterns and parameter lists with neither a call nor an array
//      pattern (no user code runs there except getters), and, with an array
//      pattern but no call, a generator's parameter list (it runs at the
//      call, the body at the first next()), an `export` declaration and an
//      assignment nested in an expression: their iterator runs inside the
//      engine, where a checkpoint cannot cross it.
//      A computed key copied to a temp before a hoisted part (C) is
//      converted with ToPropertyKey at the copy.
//  (R) No SpreadElement in an array literal, a `new` or a call (Lower.cpp),
//      except in a direct `eval(...)`, a `super(...)` and a call that is part
//      of an optional chain (short-circuiting skips the arguments; such a
//      call, or one whose callee is a parenthesized chain, keeps its
//      spread). `[a, , ...x, b, ...y]` is `$spr($af, $app($spr($af, [a, ,],
//      x), [b]), y)`: each spread appended with CreateDataProperty after the
//      elements before it and before the operands after it are evaluated,
//      holes kept (`$app` copies a literal part by index, holes included in
//      the length), through the iterator protocol (GetIterator, next() until
//      done; never closed; all inside one helper call, where a built-in
//      iterator runs no user code, so no checkpoint sees it, except through
//      a getter of an array-like or a Proxy), or by index with the length
//      re-read at each step
//      under the same unobservable-array test as the for-of fast path.
//      `f(...a)` is `$apply(f, void 0, args, "f")`, `o.m(...a)` is
//      `$apply(($o = o).m, $o, args, "o.m")` (callee read before the
//      arguments, receiver kept; `this.m`/`super.m` pass `this`), `new
//      F(...a)` is `$construct(F, args, "F")` (new.target F); `$apply` and
//      `$construct` are Reflect.apply/construct behind node's "X is not a
//      function/constructor" check (X from ir::calleeErrorText; Reflect's own
//      message when the callee shape has no known text). Object spread
//      `{...o}` is kept: it runs no user iterator (its getters are implicit
//      calls like property reads).
//  (N) No PrivateName (LowerPrivate.cpp, the first walk): each evaluation of
//      a class declaring private names makes one fresh brand Symbol for its
//      instance and one for its static private state (registered with the
//      runtime's WeakSet when there is one, so checkpoints store it), bound
//      by `const`s before a class declaration or in an arrow IIFE around a
//      class expression (whose inferred name a first static block
//      restores). An object's private fields live in one record {$o: owner,
//      $b: brand, $n: next, "#x": v} per class (added before any field
//      initializer, fields added in order), listed from a head the
//      runtime keeps in a true private field of the object (invisible,
//      unaffected by freeze; without the runtime, a non-enumerable
//      symbol-keyed property); private methods and accessors are class
//      members keyed "#m" (so `super` in them is native) taken into
//      bindings by the first static block, which with the runtime deletes
//      them from the class. Accesses, writes, calls, `#x in o` and `o?.#x`
//      go through a brand check (a record of the brand in the object's
//      list) with node's TypeError messages. Semantic limits: a field read
//      before its initializer ran is undefined,
//      not a TypeError; a private getter run through compound assignment or
//      `++` is an implicit accessor call. Unsupported: see LowerPrivate.cpp's
//      banner (yield/await in a wrapped class expression's heritage or
//      computed keys, trailing private fields of a base class whose
//      constructor parameters may run code, ...).
// Kept by design: classes, generators, async functions, let/const, template
// literals, arguments/this/new.target/super, labeled blocks, with, eval.
//
// Unsupported (err_unsupported, never a wrong program): a pattern with a
// call nested inside an expression or an export declaration; a const
// pattern whose default names a binding of its own pattern and whose
// binding is written again; a pattern default
// naming a binding of the same pattern not yet initialised; a parameter
// list with a call or an array pattern whose moved part names a body
// declaration, calls eval,
// names a later parameter, belongs to a generator, or creates closures
// while the body redeclares a parameter; a call whose arguments need
// hoisting, or a spread call, with a plain-name callee inside `with`; a
// spread method call (other than on this/super) in a parameter list or a
// class field initializer; ++/compound
// assignment that needs a temporary inside a parameter list or a class field
// initializer; a closure in the head of a `for (let ...)` whose bindings are
// captured; a conditionally evaluated call in a class heritage / computed
// key (in a field initializer it is lowered inside an arrow IIFE wrapping
// the initializer), a switch case test, an optional
// chain used as a callee or tag or deleted; a switch where
// let/const/class/Annex B function declarations of more than one case
// clause are named by other clauses.
//
//   for (let i = 0; i < 3; i++) fs.push(() => i);
//   ==> { let $v1 = 0; let $first = true;
//         $L: while (true) { let i = $v1;
//           if ($first) $first = false; else i = ...i + 1...;
//           if (!(i < 3)) break $L; fs.push(() => i); $v1 = i; } }
//
//===----------------------------------------------------------------------===//
#include "passes/Desugar/Desugar.h"
#include "passes/Desugar/LowerParts.h"
#include "passes/Passes.h"

#include <unordered_set>
#include <utility>
#include <vector>

namespace distribufy {

namespace {

using namespace ir;

/// Checks (H), (L), (A), (R), (S), (F) and (N) in one walk ((C) and (P) have their own) with an
/// explicit work list.
class CoreVerifier {
public:
  CoreVerifier(const Module &m, DiagnosticEngine &diags) : m_(m), diags_(diags) {}

  bool run() {
    if (!m_.program)
      return true;
    checkVarScopeBody(m_.program->body);
    std::vector<std::pair<const Node *, const Node *>> work{{m_.program, nullptr}};
    while (!work.empty()) {
      // Plain variables, not a structured binding: clang before 16 cannot
      // capture those in the lambda (the fuzz build uses clang).
      const Node *n = work.back().first, *parent = work.back().second;
      work.pop_back();
      check(n, parent);
      forEachChild(n, [&](const Node *c) { work.push_back({c, n}); });
    }
    return ok_;
  }

private:
  const Module &m_;
  DiagnosticEngine &diags_;
  bool ok_ = true;
  std::unordered_set<const Node *> allowedVars_;

  void fail(const Node *n, std::string_view what) {
    diags_.report(DiagId::err_verifier, m_.file(), n->range, "desugar",
                  fmt::format("{} (desugar post-condition)", what));
    ok_ = false;
  }

  /// A var scope's statement list: directives, at most one `var` line of
  /// plain names, then its function declarations, then the rest.
  void checkVarScopeBody(NodeList body) {
    size_t i = directivePrologueLength(body);
    if (i < body.size())
      if (auto *vd = dynCast<VariableDeclaration>(body[i]); vd && vd->kind == VarKind::Var) {
        for (const Node *d : vd->declarations) {
          auto *vdecl = cast<VariableDeclarator>(d);
          if (!isa<Identifier>(vdecl->id) || vdecl->init)
            fail(d, "the hoisted var line declares only plain names");
        }
        allowedVars_.insert(vd);
        ++i;
      }
    bool inPrefix = true;
    for (; i < body.size(); ++i) {
      bool isFn = isa<FunctionDeclaration>(body[i]);
      if (isFn && !inPrefix)
        fail(body[i], "function declaration not hoisted to the top of its function");
      inPrefix = inPrefix && isFn;
    }
  }

  static bool hasSpread(NodeList elements) {
    for (const Node *el : elements)
      if (el && isa<SpreadElement>(el))
        return true;
    return false;
  }

  void check(const Node *n, const Node *parent) {
    switch (n->kind) {
    case NodeKind::FunctionDeclaration:
      if (auto *b = dynCast<BlockStatement>(cast<FunctionDeclaration>(n)->body))
        checkVarScopeBody(b->body);
      break;
    case NodeKind::FunctionExpression:
      if (auto *b = dynCast<BlockStatement>(cast<FunctionExpression>(n)->body))
        checkVarScopeBody(b->body);
      break;
    case NodeKind::ArrowFunctionExpression:
      if (auto *b = dynCast<BlockStatement>(cast<ArrowFunctionExpression>(n)->body))
        checkVarScopeBody(b->body);
      break;
    case NodeKind::StaticBlock:
      checkVarScopeBody(cast<StaticBlock>(n)->body);
      break;
    case NodeKind::ExportNamedDeclaration:
      if (const Node *d = cast<ExportNamedDeclaration>(n)->declaration)
        allowedVars_.insert(d);
      break;
    case NodeKind::VariableDeclaration:
      if (cast<VariableDeclaration>(n)->kind == VarKind::Var && !allowedVars_.count(n))
        fail(n, "var declaration not hoisted");
      break;
    case NodeKind::ForStatement:
    case NodeKind::ForInStatement:
    case NodeKind::DoWhileStatement:
      fail(n, fmt::format("{} not lowered to a labeled while", kindName(n->kind)));
      break;
    case NodeKind::ForOfStatement:
      if (!cast<ForOfStatement>(n)->isAwait || m_.asyncRuntime)
        fail(n, "ForOfStatement not lowered to a labeled while");
      break;
    case NodeKind::WhileStatement:
      if (!isa<LabeledStatement>(parent))
        fail(n, "while loop without its break label");
      if (!isa<BlockStatement>(cast<WhileStatement>(n)->body))
        fail(n, "while loop body is not a block");
      break;
    case NodeKind::ContinueStatement:
      fail(n, "continue statement not lowered to a labeled break");
      break;
    case NodeKind::SwitchStatement:
      fail(n, "switch statement not lowered to labeled blocks");
      break;
    case NodeKind::TryStatement:
      if (cast<TryStatement>(n)->finalizer && !desugar::finallyKeptForYield(cast<TryStatement>(n)))
        fail(n, "try/finally not lowered to a completion record");
      break;
    case NodeKind::UpdateExpression:
      fail(n, "update expression not lowered to read-compute-write");
      break;
    case NodeKind::PrivateName:
      fail(n, "private name not lowered to a symbol key");
      break;
    case NodeKind::ArrayExpression:
      if (hasSpread(cast<ArrayExpression>(n)->elements))
        fail(n, "spread in an array literal not lowered to the iterator protocol");
      break;
    case NodeKind::NewExpression:
      if (hasSpread(cast<NewExpression>(n)->arguments))
        fail(n, "spread in a `new` not lowered to the iterator protocol");
      break;
    case NodeKind::CallExpression:
      if (hasSpread(cast<CallExpression>(n)->arguments) &&
          !desugar::spreadKeptInCall(cast<CallExpression>(n)))
        fail(n, "spread in a call not lowered to the iterator protocol");
      break;
    case NodeKind::AssignmentExpression: {
      AssignOp op = cast<AssignmentExpression>(n)->op;
      bool logical =
          op == AssignOp::OrAssign || op == AssignOp::AndAssign || op == AssignOp::NullishAssign;
      if (op != AssignOp::Assign && !logical)
        fail(n, "compound assignment not lowered to read-compute-write");
      break;
    }
    default:
      break;
    }
  }
};

class DesugarPass final : public Pass {
public:
  std::string_view name() const override { return "desugar"; }
  StageSet requires_() const override { return {Stage::Scopes}; }
  StageSet establishes() const override { return {Stage::Desugared}; }
  StageSet invalidates() const override { return {Stage::Scopes}; }

  bool run(ir::Module &module, PassContext &ctx) override {
    desugar::SpreadNames spread;
    return desugar::lowerPrivate(module, ctx.diags) &&
           desugar::lowerModule(module, ctx.diags, spread) &&
           desugar::lowerPatterns(module, ctx.diags, spread) &&
           desugar::lowerConditionals(module, ctx.diags, spread);
  }

  bool verify(const ir::Module &module, PassContext &ctx) override {
    bool structural = Pass::verify(module, ctx);
    bool core = CoreVerifier(module, ctx.diags).run();
    bool cond = desugar::verifyConditionals(module, ctx.diags);
    bool pats = desugar::verifyPatterns(module, ctx.diags);
    return structural && core && cond && pats;
  }
};

} // namespace

std::unique_ptr<Pass> createDesugarPass() { return std::make_unique<DesugarPass>(); }

} // namespace distribufy
