// Modern-syntax heavy: destructuring, spread, default and rest parameters,
// for-of, optional chaining and nullish coalescing on records.
'use strict';
function makeRecord(i) {
  return { id: i, name: `user${i}`, tags: ['a', 'b', i % 3 ? 'c' : 'd'], address: i % 5 ? { city: 'X', zip: i % 100 } : null, score: i % 7 };
}
function summarize({ id, tags: [first, ...rest], address, score = 0 }, weight = 1, ...extra) {
  const zip = address?.zip ?? -1;
  return { id, first, more: rest.length, zip, total: score * weight + extra.length };
}
let sum = 0;
for (let round = 0; round < 40; round++) {
  const records = Array.from({ length: 10000 }, (_, i) => makeRecord(i + round));
  for (const r of records) {
    const { id, first, more, zip, total } = summarize(r, 2, 'x');
    const merged = { ...r, first, extra: [...r.tags, more] };
    const [a, , c = 'z'] = merged.extra;
    sum = (sum + id + more + zip + total + a.length + c.length + (merged.address?.city?.length ?? 0)) % 1000000007;
  }
}
console.log(sum);
