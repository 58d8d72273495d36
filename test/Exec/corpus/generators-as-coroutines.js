// A generator-driven coroutine scheduler (round-robin), fully synchronous.
function* worker(name, n, out) {
  for (let i = 0; i < n; i++) {
    out.push(name + i);
    const msg = yield;
    if (msg === "stop") { out.push(name + " stopped"); return; }
  }
  out.push(name + " done");
}
const out = [];
const tasks = [worker("a", 3, out), worker("b", 2, out), worker("c", 4, out)];
let tick = 0;
while (tasks.length) {
  const t = tasks.shift();
  const r = t.next(tick === 7 ? "stop" : tick);
  tick++;
  if (!r.done) tasks.push(t);
}
console.log(out.join(" "));
function run(gen) {
  const it = gen();
  let res = it.next();
  while (!res.done) {
    try { res = it.next(res.value()); } catch (e) { res = it.throw(e); }
  }
  return res.value;
}
console.log(run(function* () {
  const a = yield () => 1;
  let b;
  try { b = yield () => { throw new Error("fail"); }; } catch (e) { b = e.message; }
  return a + ":" + b;
}));
