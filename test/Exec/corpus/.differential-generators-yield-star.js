var $t3;
function* inner() {
  const x = yield "i1";
  const y = yield "i2:" + x;
  return "inner-ret:" + y;
}
function* outer() {
  const r = yield* inner();
  yield "outer got " + r;
  yield* [1, 2];
  yield* "ab";
  return "done";
}
function* tree(t) {
  if (!t)
    return;
  yield* tree(t.l);
  yield t.v;
  yield* tree(t.r);
}
function* d() {
  const r = yield* custom;
  log.push("r=" + r);
}
const it = outer();
const out = [];
let step = it.next();
let n = 0;
$L1: while (!step.done) {
  out.push(step.value);
  step = it.next("v" + ($t3 = - -n, n = $t3 + $t3 ** 0, $t3));
}
out.push("final:" + step.value);
console.log(out.join(" | "));
const t = { v: 4, l: { v: 2, l: { v: 1 }, r: { v: 3 } }, r: { v: 6, l: { v: 5 } } };
console.log([...tree(t)].join());
const log = [];
const custom = {
  [Symbol.iterator]() {
    let i = 0;
    return {
      next(v) {
        var $t4;
        log.push("next(" + v + ")");
        return { value: i, done: ($t4 = - -i, i = $t4 + $t4 ** 0, $t4) >= 2 };
      }
    };
  }
};
const di = d();
di.next("a");
di.next("b");
di.next("c");
console.log(log.join(","));
