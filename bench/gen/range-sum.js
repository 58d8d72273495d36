// Generator-heavy: a counting generator consumed by for-of, a map/filter
// pipeline of generators, and take over an infinite generator.
'use strict';
function* range(lo, hi) { for (let i = lo; i < hi; i++) yield i; }
function* map(it, f) { for (const x of it) yield f(x); }
function* filter(it, p) { for (const x of it) if (p(x)) yield x; }
function* naturals() { let n = 0; for (;;) yield n++; }
function* take(it, n) { if (n <= 0) return; for (const x of it) { yield x; if (--n === 0) return; } }
let total = 0;
for (let round = 0; round < 20; round++) {
  for (const x of range(0, 50000)) total += x & 7;
  for (const x of filter(map(range(0, 20000), (v) => v * 3), (v) => v % 2 === 0)) total += x % 11;
  for (const x of take(naturals(), 20000)) total ^= x;
}
console.log('total', total);
