// Functional style: closures, higher-order array functions, currying and
// composition.
'use strict';
const compose = (...fs) => (x) => fs.reduceRight((acc, f) => f(acc), x);
const curry = (f) => (a) => (b) => f(a, b);
const add = curry((a, b) => a + b);
const mul = curry((a, b) => a * b);
function makeCounter() { let n = 0; return { inc: () => ++n, get: () => n }; }
let result = 0;
const counter = makeCounter();
for (let round = 0; round < 40; round++) {
  const xs = Array.from({ length: 20000 }, (_, i) => i + round);
  const f = compose(add(round), mul(3), (v) => v % 1000);
  const ys = xs.map(f).filter((v) => v % 2 === 0);
  result = (result + ys.reduce((a, b) => a + b, 0)) % 1000000007;
  ys.forEach((v) => { if (v % 7 === 0) counter.inc(); });
  result = (result + (xs.some((v) => v === 1234) ? 1 : 0) + xs.findIndex((v) => v > 19990)) % 1000000007;
}
console.log(result, counter.get());
