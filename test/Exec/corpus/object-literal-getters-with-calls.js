// Object literals whose getters/methods/values contain calls; values evaluated at creation, getters at access.
const log = [];
function f(n) { log.push("f" + n); return n; }
const o = {
  a: f(1),
  get b() { return f(2) + f(3); },
  c: f(4),
  m() { return f(5); },
  [f(6)]: f(7),
  set s(v) { log.push("set " + f(v)); },
};
log.push("created");
o.b; o.m(); o.s = 8;
console.log(log.join(","));
let counter = 0;
const lazy = { get once() { delete this.once; return (this.once = ++counter); } };
console.log(lazy.once, lazy.once, counter);
