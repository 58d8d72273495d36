// new evaluates constructor, then args left to right.
const log = [];
function C(a, b) { log.push("ctor " + a + b); this.s = a + b; }
function get() { log.push("get C"); return C; }
function a(n) { log.push("arg" + n); return n; }
const o = new (get())(a(1), a(2));
console.log(o.s, log.join(","));
let D = C;
function swap() { D = function () { this.s = "swapped"; }; return 9; }
console.log(new D(swap(), 1).s);
