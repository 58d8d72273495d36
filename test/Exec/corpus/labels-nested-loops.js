// Labeled break and continue across nested loops of different kinds.
const log = [];
outer: for (let i = 0; i < 4; i++) {
  inner: for (let j = 0; j < 4; j++) {
    if (j === 2) continue outer;
    if (i === 3) break outer;
    log.push(i + "" + j);
  }
}
console.log(log.join(","));
log.length = 0;
let k = 0;
loop1: while (k < 5) {
  k++;
  for (const x of [1, 2, 3]) {
    do {
      if (x === 2) continue loop1;
      if (k === 4) break loop1;
      log.push(k + ":" + x);
    } while (false);
  }
}
console.log(log.join(","), k);
log.length = 0;
a: for (const i in { p: 1, q: 2 }) { b: for (let j = 0; j < 2; j++) { if (j) continue a; log.push(i + j); } }
console.log(log.join(","));
