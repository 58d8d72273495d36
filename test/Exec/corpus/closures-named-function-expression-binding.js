"use strict";
// A named function expression's name is read-only inside (TypeError in strict mode) and shadowable.
const f = function self() {
  try { self = 1; } catch (e) { return e.name + " " + typeof self; }
  return "no error";
};
console.log(f());
const g = function h(h) { return typeof h; };
console.log(g(5));
const k = function m() { var m = "local"; return m; };
console.log(k());
