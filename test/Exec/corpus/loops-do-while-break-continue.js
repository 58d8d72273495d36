// do-while with continue (jumps to the test) and break.
let i = 0;
const log = [];
do {
  i++;
  if (i % 2 === 0) continue;
  if (i > 7) break;
  log.push(i);
} while (i < 10);
console.log(log.join(","), i);
let runs = 0;
do { runs++; } while (false);
console.log(runs);
let k = 0, tests = 0;
do { k++; if (k < 3) continue; } while ((tests++, k < 5));
console.log(k, tests);
