// Default parameters: refer to earlier params, evaluated per call, only for undefined.
let calls = 0;
function def() { calls++; return []; }
function f(a, b = a * 2, c = def()) { c.push(a); return [a, b, c.length]; }
console.log(JSON.stringify(f(1)), JSON.stringify(f(1, null)), JSON.stringify(f(2, undefined, [9])), calls);
function g(list = []) { list.push(list.length); return list; }
console.log(JSON.stringify(g()), JSON.stringify(g()));
let outerX = "outer";
function h(a = outerX, b = () => a) { const outerX = "inner"; a = "reassigned"; return [a, b()]; }
console.log(JSON.stringify(h()));
function k(a, b = arguments.length) { return b; }
console.log(k(1), k(1, 2, 3));
const order = [];
function m(a = order.push("a"), b = order.push("b")) { return order.join(); }
console.log(m(), m(1));
console.log(f.length, g.length, function (x, y = 1, z) {}.length);
function scope(x = 1, y = () => x) { var x = 2; return [x, y()]; }
console.log(JSON.stringify(scope()));
