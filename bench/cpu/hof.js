// Array higher-order functions with callbacks: map, filter, reduce, forEach,
// some, every, find, flatMap and sort over arrays of records. In compiled
// programs these calls go through the call-site guards that pick the
// instrumented HOFs of the runtime.
'use strict';
const N = 5000;
const items = [];
for (let i = 0; i < N; i++) items.push({ id: i, price: (i * 37) % 101, qty: (i * 13) % 7, tag: i % 5 });
let check = 0;
for (let round = 0; round < 100; round++) {
  const priced = items.map((it) => ({ id: it.id, total: it.price * it.qty + round, tag: it.tag }));
  const big = priced.filter((p) => p.total > 150);
  const sum = big.reduce((acc, p) => acc + p.total, 0);
  const byTag = [0, 0, 0, 0, 0];
  priced.forEach((p) => { byTag[p.tag] += p.total; });
  const anyHuge = priced.some((p) => p.total > 690);
  const allPos = priced.every((p) => p.total >= round);
  const firstBig = priced.find((p) => p.total > 500);
  const pairs = big.slice(0, 500).flatMap((p) => [p.id, p.total]);
  const top = big.slice(0, 2000).sort((a, b) => b.total - a.total || a.id - b.id);
  check = (check + sum + byTag.reduce((a, b) => a * 31 + b, 7) % 100003 + (anyHuge ? 1 : 0) + (allPos ? 2 : 0) +
    (firstBig ? firstBig.id : -1) + pairs.length + top[0].id) % 1000000007;
}
console.log(check);
