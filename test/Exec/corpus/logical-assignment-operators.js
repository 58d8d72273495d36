// ??= ||= &&= only evaluate and assign when needed.
const log = [];
function f(v) { log.push("f" + v); return v; }
const o = { x: 0, y: null, z: "set" };
o.x ??= f(1);
o.y ??= f(2);
o.z ??= f(3);
console.log(JSON.stringify(o), log.join(","));
log.length = 0;
o.x ||= f(4);
o.z ||= f(5);
o.w &&= f(6);
o.z &&= f(7);
console.log(JSON.stringify(o), log.join(","));
const frozen = Object.freeze({ a: 1 });
frozen.a ||= f(8);
console.log(log.join(","));
let setCount = 0;
const s = { get v() { return 1; }, set v(x) { setCount++; } };
s.v ??= 5; s.v ||= 5; s.v &&= 5;
console.log(setCount);
let l = null;
l ??= "now";
console.log(l);
const arr = [];
let i = 0;
arr[i++] ??= i;
console.log(JSON.stringify(arr), i);
