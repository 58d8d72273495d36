// Generator basics: lazy start, two-way yield, return value, done states.
const log = [];
function* g(a) {
  log.push("start " + a);
  const b = yield a + 1;
  log.push("got " + b);
  const c = yield b * 2;
  log.push("got " + c);
  return "ret:" + c;
}
const it = g(10);
log.push("created");
console.log(JSON.stringify(it.next("ignored")));
console.log(JSON.stringify(it.next(5)));
console.log(JSON.stringify(it.next("last")));
console.log(JSON.stringify(it.next()));
console.log(log.join(" | "));
console.log([...g(1)].join(), Array.from(g(2)).length);
function* inf() { let i = 0; while (true) yield i++; }
const firsts = [];
for (const v of inf()) { if (v > 4) break; firsts.push(v); }
console.log(firsts.join());
const o = { *m() { yield this.v; }, v: "method gen" };
console.log(o.m().next().value, Object.prototype.toString.call(o.m()));
function* args() { yield arguments.length; yield* arguments; }
console.log([...args("x", "y")].join());
