// Deep (non-tail) recursion: 5,000 frames, including through finally and closures.
function sum(n) { return n === 0 ? 0 : n + sum(n - 1); }
console.log(sum(5000));
function depthWithFinally(n, log) { try { return n === 0 ? 0 : 1 + depthWithFinally(n - 1, log); } finally { log.count++; } }
const log = { count: 0 };
console.log(depthWithFinally(5000, log), log.count);
const viaClosure = (n) => { const step = () => viaClosure(n - 1) + 1; return n === 0 ? 0 : step(); };
console.log(viaClosure(3000));
function throwAtBottom(n) { if (n === 0) throw new Error("bottom"); return throwAtBottom(n - 1); }
try { throwAtBottom(5000); } catch (e) { console.log("caught", e.message); }
function countDown(n, acc) { return n === 0 ? acc : countDown(n - 1, acc + 2); }
console.log(countDown(4000, 0));
// STRESS-EVERY: 500 (thousands of nested frames: a capture at every entry is quadratic)
