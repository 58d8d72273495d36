// Assignment patterns with member-expression targets and setters; order of evaluation.
const log = [];
const o = { set x(v) { log.push("set x=" + v); }, arr: [] };
function target() { log.push("target"); return o; }
[target().x, o.arr[0], o.arr[1] = "dflt"] = ["a", "b"];
console.log(JSON.stringify(o.arr), log.join(","));
log.length = 0;
({ a: target().x, b: o.arr[2] } = { get a() { log.push("get a"); return 1; }, get b() { log.push("get b"); return 2; } });
console.log(JSON.stringify(o.arr), log.join(","));
const swap = [1, 2, 3];
[swap[0], swap[2]] = [swap[2], swap[0]];
console.log(swap.join());
let i = 0;
const arr = [];
[arr[i++], arr[i++]] = ["p", "q"];
console.log(JSON.stringify(arr), i);
const res = ({ m: o.m } = { m: "mv" });
console.log(o.m, JSON.stringify(res));
for ({ k: o.loopKey } of [{ k: 1 }, { k: 2 }]) log.push(o.loopKey);
console.log(log.slice(-2).join());
