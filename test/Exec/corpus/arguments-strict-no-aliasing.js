"use strict";
// Strict mode: arguments does not alias parameters; callee access throws.
function f(a, b) {
  a = "changed";
  arguments[1] = "via-arguments";
  return JSON.stringify([arguments[0], b, arguments.length]);
}
console.log(f(1, 2));
function g() { try { return arguments.callee; } catch (e) { return e.name; } }
console.log(g());
