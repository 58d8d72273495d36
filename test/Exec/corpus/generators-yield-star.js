// yield* delegation: forwards next values, return values, and iterables.
function* inner() { const x = yield "i1"; const y = yield "i2:" + x; return "inner-ret:" + y; }
function* outer() {
  const r = yield* inner();
  yield "outer got " + r;
  yield* [1, 2];
  yield* "ab";
  return "done";
}
const it = outer();
const out = [];
let step = it.next();
let n = 0;
while (!step.done) { out.push(step.value); step = it.next("v" + n++); }
out.push("final:" + step.value);
console.log(out.join(" | "));
function* tree(t) { if (!t) return; yield* tree(t.l); yield t.v; yield* tree(t.r); }
const t = { v: 4, l: { v: 2, l: { v: 1 }, r: { v: 3 } }, r: { v: 6, l: { v: 5 } } };
console.log([...tree(t)].join());
const log = [];
const custom = { [Symbol.iterator]() { let i = 0; return { next(v) { log.push("next(" + v + ")"); return { value: i, done: i++ >= 2 }; } }; } };
function* d() { const r = yield* custom; log.push("r=" + r); }
const di = d(); di.next("a"); di.next("b"); di.next("c");
console.log(log.join(","));
