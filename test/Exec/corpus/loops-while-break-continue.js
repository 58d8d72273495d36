// while loops with break/continue and complex conditions with calls.
const log = [];
let n = 0;
function cond() { log.push("c" + n); return n < 6; }
while (cond()) {
  n++;
  if (n === 2) continue;
  if (n === 5) break;
  log.push("b" + n);
}
console.log(log.join(","));
let a = [5, 3, 8, 1];
let idx = 0, found = -1;
while (idx < a.length && (found = a[idx] > 6 ? idx : -1) === -1) idx++;
console.log(found, idx);
