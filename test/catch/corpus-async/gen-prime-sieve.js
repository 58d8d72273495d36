// Incremental Sieve of Eratosthenes generator with a Map of composites, suspended between batches.
const runtime = require('distribufy');
function* sieve() {
  const composites = new Map();
  yield 2;
  for (let n = 3; ; n += 2) {
    const factor = composites.get(n);
    if (factor === undefined) {
      composites.set(n * n, 2 * n);
      yield n;
    } else {
      composites.delete(n);
      let next = n + factor;
      while (composites.has(next)) next += factor;
      composites.set(next, factor);
    }
    if (n % 101 === 0) runtime.checkpoint();
  }
}

function* twinPrimes() {
  let prev = null;
  for (const p of sieve()) {
    if (prev !== null && p - prev === 2) yield [prev, p];
    prev = p;
  }
}

function* primeFactors(n) {
  for (const p of sieve()) {
    if (p * p > n) break;
    while (n % p === 0) {
      runtime.checkpoint();
      yield p;
      n /= p;
    }
  }
  if (n > 1) yield n;
}

const s = sieve();
const batches = [];
for (let b = 0; b < 4; b++) {
  const batch = [];
  for (let i = 0; i < 10; i++) batch.push(s.next().value);
  batches.push(batch);
  runtime.checkpoint();
}
batches.forEach((b, i) => console.log(`batch ${i}:`, b.join(' ')));

const twins = [];
for (const t of twinPrimes()) {
  if (t[0] > 200) break;
  twins.push(`(${t})`);
}
console.log('twins', twins.join(' '));

for (const n of [360, 97, 1001, 65536, 999983 * 2, 123456789]) {
  console.log(n, '=', [...primeFactors(n)].join(' x '));
}

let count = 0;
let last = 0;
for (const p of sieve()) {
  if (p > 10000) break;
  count++;
  last = p;
}
console.log('primes below 10000:', count, 'largest', last);
