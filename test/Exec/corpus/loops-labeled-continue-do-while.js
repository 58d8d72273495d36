// Labeled continue targeting a do-while goes to its condition; nested while with labeled break.
const log = [];
let i = 0;
outer: do {
  i++;
  let j = 0;
  while (true) {
    j++;
    if (j === 2) continue outer;
    log.push(i + "." + j);
  }
} while (i < 3);
console.log(log.join(","), i);
let k = 0, checks = 0;
lbl: do { k++; for (;;) { if (k < 4) continue lbl; break lbl; } } while ((checks++, true));
console.log(k, checks);
