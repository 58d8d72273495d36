// Comma operators evaluate every operand and yield the last.
const log = [];
function f(n) { log.push(n); return n; }
const r = (f(1), f(2), f(3));
console.log(r, log.join(","));
let a = 0, b = 0;
for (a = 0, b = 10; a < b; a += 3, b -= 2) log.push(a + ":" + b);
console.log(log.join(" "));
const obj = { m() { return this === obj ? "bound" : "unbound"; } };
console.log(obj.m(), (0, obj.m)() === "unbound" || "other");
console.log((f(4), obj).m());
let x = 1;
x = (x++, x++, x);
console.log(x);
