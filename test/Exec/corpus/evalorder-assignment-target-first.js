// The assignment target is evaluated before the right-hand side.
let i = 0;
const a = [];
a[i++] = i;
a[i++] = i;
console.log(JSON.stringify(a), i);
const log = [];
let o1 = { name: "o1" }, o2 = { name: "o2" };
let cur = o1;
function obj() { log.push("obj"); return cur; }
function key() { log.push("key"); return "p"; }
function val() { log.push("val"); cur = o2; return 42; }
obj()[key()] = val();
console.log(log.join(","), JSON.stringify(o1), JSON.stringify(o2));
let x = 1;
x = (x = 5) + x;
console.log(x);
