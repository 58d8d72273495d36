// The messages of TypeErrors thrown by calls and `new` on non-callables
// name the callee's source text ("o.m is not a function"). Compilers that
// move a callee into a temporary (because arguments must be evaluated
// after it) must keep those messages.
'use strict';
const obj = { a: 1, nested: {}, f() { return {}; } };
const values = [{}];
function f() { return 1; }
function g() { return () => 2; }
const tries = [
  () => obj.missing(),
  () => obj.missing(f()),
  () => obj.missing(f() && g()),
  () => obj.missing(f() ? 1 : g()),
  () => obj.nested.missing(f()),
  () => obj.f().missing(f()),
  () => values[0].missing(f()),
  () => obj.missing(f())(1),
  () => obj.a(f()),
  () => new obj.a(),
  () => new obj.a(f()),
  () => new obj.nested.C(f()),
  () => undefinedFunction(f()),
  () => [1, 2].map(f()),
  () => obj.nested.x.y,
];
for (const t of tries) {
  try {
    t();
    console.log('no error');
  } catch (e) {
    console.log(`${e.constructor.name}: ${e.message}`);
  }
}
// STRESS: skip (a call of a missing method on a module-level const that closures read: its TypeError names the TDZ check, not the const; see README "Limits of capture")
