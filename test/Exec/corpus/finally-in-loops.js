// finally inside loops with state carried across iterations and generator loops.
let total = 0;
const log = [];
for (let i = 0; i < 5; i++) {
  try {
    if (i % 2) throw i;
    total += i;
  } catch (e) {
    total += 100 * e;
  } finally {
    total += 1000;
    log.push(total);
  }
}
console.log(log.join(","));
let k = 0;
while (true) {
  try { k++; if (k === 3) break; } finally { log.push("w" + k); }
}
console.log(log.slice(5).join(","), k);
function* g() { for (let i = 0; i < 3; i++) { try { yield i; } finally { log.push("gfin" + i); } } }
log.length = 0;
for (const v of g()) { if (v === 1) break; }
console.log(log.join(","));
