// for-of calls iterator.return() on break, return and throw, but not on normal completion.
const log = [];
function iter(n) {
  let i = 0;
  return {
    [Symbol.iterator]() { log.push("iter"); return this; },
    next() { log.push("next"); return i < n ? { value: i++, done: false } : { value: undefined, done: true }; },
    return() { log.push("return"); return {}; },
  };
}
for (const x of iter(3)) { if (x === 1) break; }
console.log("break:", log.join(",")); log.length = 0;
for (const x of iter(2)) {}
console.log("normal:", log.join(",")); log.length = 0;
(function () { for (const x of iter(3)) return x; })();
console.log("return:", log.join(",")); log.length = 0;
try { for (const x of iter(3)) throw new Error("boom"); } catch (e) { console.log(e.message); }
console.log("throw:", log.join(",")); log.length = 0;
outer: for (const a of [1, 2]) { for (const x of iter(3)) { continue outer; } }
console.log("continue outer:", log.join(",")); log.length = 0;
for (const x of iter(3)) { if (x === 0) continue; }
console.log("continue inner:", log.join(","));
