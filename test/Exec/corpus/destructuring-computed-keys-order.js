// Computed keys in patterns are evaluated in order, interleaved with property reads.
const log = [];
function k(n) { log.push("key" + n); return "p" + n; }
const src = {
  get p1() { log.push("get1"); return 1; },
  get p2() { log.push("get2"); return undefined; },
  get p3() { log.push("get3"); return 3; },
};
function dflt() { log.push("default"); return "D"; }
const { [k(1)]: one, [k(2)]: two = dflt(), [k(3)]: three } = src;
console.log(one, two, three, log.join(","));
let i = 0;
const { [i++]: v0, [i++]: v1 } = ["zero", "one"];
console.log(v0, v1, i);
