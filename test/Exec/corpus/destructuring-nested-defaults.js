// Nested destructuring; defaults apply only to undefined; default evaluated lazily.
const log = [];
function d(n) { log.push("d" + n); return n; }
const { a = d(1), b = d(2), c: { e = d(3) } = {}, f: [g = d(4), h = d(5)] = [] } = { a: null, b: undefined, f: [0] };
console.log(JSON.stringify({ a, b, e, g, h }), log.join(","));
const [x = 1, [y = 2, z = 3] = [], ...rest] = [undefined, [null], 7, 8];
console.log(x, y, z, JSON.stringify(rest));
const { length, 0: first, [1 + 1]: third } = "xyz";
console.log(length, first, third);
let p, q;
({ p, q = p * 2 } = { p: 5 });
console.log(p, q);
[p, q] = [q, p];
console.log(p, q);
const { toFixed } = 1;
console.log(typeof toFixed);
try { const { z: { w } } = {}; } catch (e) { console.log(e.name); }
try { const [m] = null; } catch (e) { console.log(e.name); }
