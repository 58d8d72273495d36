// Computed keys and values in object literals are evaluated interleaved, in order.
const log = [];
function k(n) { log.push("k" + n); return "key" + n; }
function v(n) { log.push("v" + n); return n; }
const o = { [k(1)]: v(1), [k(2)]: v(2), plain: v(3), [k(3)]: v(4) };
console.log(JSON.stringify(o));
console.log(log.join(","));
let i = 0;
const p = { [i++]: i++, [i++]: i++ };
console.log(JSON.stringify(p), i);
const dup = { a: 1, ["a"]: 2, a: 3 };
console.log(JSON.stringify(dup));
