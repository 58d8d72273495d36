// Array-bound: quicksort and merge sort with comparator closures, plus the
// built-in sort with a comparator.
'use strict';
function lcg(seed) { let s = seed >>> 0; return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296; }
function quicksort(a, lo, hi, cmp) {
  while (lo < hi) {
    const p = a[(lo + hi) >> 1];
    let i = lo, j = hi;
    while (i <= j) {
      while (cmp(a[i], p) < 0) i++;
      while (cmp(a[j], p) > 0) j--;
      if (i <= j) { const t = a[i]; a[i] = a[j]; a[j] = t; i++; j--; }
    }
    if (j - lo < hi - i) { quicksort(a, lo, j, cmp); lo = i; } else { quicksort(a, i, hi, cmp); hi = j; }
  }
}
function mergesort(a, cmp) {
  if (a.length < 2) return a;
  const mid = a.length >> 1;
  const l = mergesort(a.slice(0, mid), cmp), r = mergesort(a.slice(mid), cmp);
  const out = [];
  let i = 0, j = 0;
  while (i < l.length && j < r.length) out.push(cmp(l[i], r[j]) <= 0 ? l[i++] : r[j++]);
  while (i < l.length) out.push(l[i++]);
  while (j < r.length) out.push(r[j++]);
  return out;
}
const rnd = lcg(42);
let check = 0;
for (let round = 0; round < 3; round++) {
  const data = Array.from({ length: 200000 }, () => Math.floor(rnd() * 1e6));
  const a = data.slice(); quicksort(a, 0, a.length - 1, (x, y) => x - y);
  const b = mergesort(data, (x, y) => y - x);
  const c = data.map((v, i) => ({ v, i })).sort((p, q) => p.v - q.v || p.i - q.i);
  check = (check + a[1000] + b[1000] + c[1000].v + c[1000].i) % 1000000007;
}
console.log(check);
