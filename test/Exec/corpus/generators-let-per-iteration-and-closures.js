// Generators suspended inside loops with per-iteration let bindings; closures created between yields.
function* gen() {
  const fs = [];
  for (let i = 0; i < 3; i++) {
    fs.push(() => i);
    const got = yield i;
    if (got === "bump") i++;
  }
  return fs.map(f => f()).join(",");
}
const it = gen();
const out = [];
let r = it.next();
while (!r.done) { out.push(r.value); r = it.next(r.value === 0 ? "bump" : undefined); }
console.log(out.join(), "|", r.value);
function* counterGen() { let count = 0; while (true) { const cmd = yield () => count; if (cmd === "inc") count++; if (cmd === "stop") return count; } }
const cg = counterGen();
const getter = cg.next().value;
cg.next("inc"); cg.next("inc");
console.log(getter(), cg.next("stop").value, getter());
function* nested() { for (const a of [1, 2]) for (let b = 0; b < 2; b++) try { yield a * 10 + b; } finally { if (b === 1) console.log("inner finally", a); } }
console.log([...nested()].join());
